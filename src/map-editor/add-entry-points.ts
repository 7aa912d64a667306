// "Add Entry Points to a Touchpoint…": the handler files of the chosen uncovered entry points go into one touchpoint
// (picked, or created) as one insertion into the map: one undo step, comments kept. The map is not saved.
import * as vscode from 'vscode';
import { entryPointLabel } from '../core/entry-points/coverage';
import { groupByPrefix } from '../core/entry-points/propose';
import type { EntryPoint } from '../core/entry-points/types';
import type { CxMap } from '../core/types';
import { chooseTarget } from './add-file-command';
import type { WorkspaceMaps } from '../workspace/workspace-maps';
import { addPathsEdit } from '../core/map/add-paths';
import type { WorkspaceEntryPoints } from '../workspace/workspace-entry-points';

/** Answers given up front (by tests, a lens or the view) instead of asking. */
export interface AddEntryPointsChoices {
  /** The entry points to add, by registration; every uncovered one is offered when absent. */
  entryPoints?: ReadonlyArray<Pick<EntryPoint, 'file' | 'line'>>;
  map?: vscode.Uri;
  journey?: string;
  touchpoint?: string;
  newJourney?: { name: string };
  newTouchpoint?: { name: string };
}

export async function addEntryPointsToTouchpoint(
  maps: WorkspaceMaps,
  entryPoints: WorkspaceEntryPoints,
  choices: AddEntryPointsChoices = {},
): Promise<boolean> {
  const report = await entryPoints.report();
  const uncovered = report.flatMap(({ folder, points }) =>
    points.filter((p) => p.touchpoints.length === 0).map((point) => ({ folder, point })),
  );
  let chosen = choices.entryPoints
    ? uncovered.filter(({ point }) => choices.entryPoints!.some((e) => e.file === point.file && e.line === point.line))
    : await pickEntryPoints(uncovered);
  if (!chosen || chosen.length === 0) {
    if (!chosen) return false;
    void vscode.window.showInformationMessage(vscode.l10n.t('CX Impact: every entry point is already in a journey.'));
    return false;
  }
  const folder = chosen[0]!.folder;
  chosen = chosen.filter((c) => c.folder.uri.toString() === folder.uri.toString());
  const handlerFiles = [...new Set(chosen.map((c) => c.point.handlerFile))].sort();

  const mapUri = choices.map ?? (await chooseMap(maps, folder, handlerFiles));
  if (!mapUri) return false;
  const document = await vscode.workspace.openTextDocument(mapUri);
  const map = maps
    .byFolder()
    .flatMap((f) => f.maps)
    .find((m) => maps.uriOf(m)?.toString() === mapUri.toString());
  const dir = map?.dir ?? '';
  const patterns = handlerFiles
    .filter((f) => dir === '' || f.startsWith(`${dir}/`))
    .map((f) => (dir === '' ? f : f.slice(dir.length + 1)));
  if (patterns.length === 0) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('CX Impact: the handlers are outside the folder that {0} governs.', map?.file ?? mapUri.fsPath),
    );
    return false;
  }
  const target = await chooseTarget(map, choices);
  if (!target) return false;
  const { journey, touchpoint, existing } = target;

  const result = addPathsEdit(
    document.getText(),
    {
      journey: journey.id,
      touchpoint: touchpoint.id,
      ...(journey.create ? { newJourney: journey.create } : {}),
      ...(touchpoint.create ? { newTouchpoint: touchpoint.create } : {}),
    },
    patterns,
  );
  if ('problem' in result) {
    void vscode.window.showWarningMessage(vscode.l10n.t('CX Impact: {0}', result.problem));
    return false;
  }
  const editor = await vscode.window.showTextDocument(document);
  if ('already' in result) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('CX Impact: {0}/{1} already lists these handlers.', journey.id, touchpoint.id),
    );
    return false;
  }
  // A touchpoint that names symbols covers only those: the paths alone would not cover these handlers.
  const symbols = existing?.touchpoints.find((t) => t.id === touchpoint.id)?.symbols ?? [];
  if (symbols.length > 0) {
    const handlers = [...new Set(chosen.flatMap((c) => (c.point.handler ? [c.point.handler] : [])))];
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'CX Impact: {0}/{1} names symbols; add the handlers to its `symbols` too: {2}',
        journey.id,
        touchpoint.id,
        handlers.join(', ') || vscode.l10n.t('(inline handlers: remove `symbols` or pick another touchpoint)'),
      ),
    );
  }
  const start = document.positionAt(result.edit.start);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(start, document.positionAt(result.edit.end)), result.edit.text);
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  const end = document.positionAt(result.edit.start + result.edit.text.length);
  editor.selection = new vscode.Selection(end, end);
  editor.revealRange(new vscode.Range(start, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}

type Choice = { folder: vscode.WorkspaceFolder; point: EntryPoint };

async function pickEntryPoints(uncovered: Choice[]): Promise<Choice[] | undefined> {
  if (uncovered.length === 0) return [];
  type Item = vscode.QuickPickItem & { choice?: Choice };
  const items: Item[] = [];
  for (const group of groupByPrefix(uncovered.map((c) => c.point))) {
    items.push({ label: group.prefix, kind: vscode.QuickPickItemKind.Separator });
    for (const point of group.points) {
      const choice = uncovered.find((c) => c.point === point)!;
      items.push({
        label: entryPointLabel(point),
        description: `${point.file}:${point.line}`,
        detail: point.handler ? `${point.handler} · ${point.handlerFile}` : point.handlerFile,
        choice,
      });
    }
  }
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    placeHolder: vscode.l10n.t('Which entry points should a touchpoint cover?'),
    matchOnDescription: true,
  });
  return picked?.flatMap((p) => (p.choice ? [p.choice] : []));
}

async function chooseMap(
  maps: WorkspaceMaps,
  folder: vscode.WorkspaceFolder,
  files: readonly string[],
): Promise<vscode.Uri | undefined> {
  const entry = maps.byFolder().find((f) => f.folder.uri.toString() === folder.uri.toString());
  const governing = (entry?.maps ?? [])
    .filter((m) => files.every((f) => m.dir === '' || f.startsWith(`${m.dir}/`)))
    .sort((a, b) => b.dir.length - a.dir.length);
  const uris = governing
    .map((m) => ({ map: m, uri: maps.uriOf(m) }))
    .filter((m): m is { map: CxMap; uri: vscode.Uri } => m.uri !== undefined);
  if (uris.length <= 1) return uris[0]?.uri;
  const picked = await vscode.window.showQuickPick(
    uris.map((m) => ({
      label: m.map.file,
      description: m.map.dir === '' ? vscode.l10n.t('the whole folder') : m.map.dir,
      uri: m.uri,
    })),
    { placeHolder: vscode.l10n.t('Which map?') },
  );
  return picked?.uri;
}
