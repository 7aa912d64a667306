import * as vscode from 'vscode';
import { ID_SHAPE } from '../core/map/parse';
import type { CxMap } from '../core/types';
import type { WorkspaceFiles } from '../workspace/workspace-files';
import { relativePath, type WorkspaceMaps } from '../workspace/workspace-maps';
import { addPathEdit, type AddPathTarget } from '../core/map/add-path';
import { mapText } from './map-document';
import { filesOfPattern } from './workspace-checks';
import { Command } from '../workspace/command-ids';

/** Answers given up front (by tests, or another extension) instead of asking. */
export interface AddFileChoices {
  map?: vscode.Uri;
  journey?: string;
  touchpoint?: string;
  newJourney?: { name: string };
  newTouchpoint?: { name: string };
  pattern?: string;
}

/**
 * "Add this file to a touchpoint…": pick the journey and touchpoint (or create them) and the pattern (the file, its
 * folder or its kind of file). The map is changed in the editor by one insertion, one undo step; it is not saved.
 * Resolves to true when the entry was added.
 */
export async function addFileToTouchpoint(
  maps: WorkspaceMaps,
  files: WorkspaceFiles,
  target: unknown,
  choices: AddFileChoices = {},
): Promise<boolean> {
  const uri = target instanceof vscode.Uri ? target : vscode.window.activeTextEditor?.document.uri;
  const folder = uri && vscode.workspace.getWorkspaceFolder(uri);
  const path = folder && uri && relativePath(folder.uri, uri);
  if (!uri || !folder || path === undefined) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('CX Impact: open or select a file of the workspace to add it to a touchpoint.'),
    );
    return false;
  }
  const mapUri = choices.map ?? (await chooseMap(maps, folder, path));
  if (!mapUri) return false;
  const document = await vscode.workspace.openTextDocument(mapUri);
  const current = mapText(document);
  const map = current.result.map;
  const dir = current.file.includes('/') ? current.file.slice(0, current.file.lastIndexOf('/')) : '';
  const inMap = dir === '' ? path : path.startsWith(`${dir}/`) ? path.slice(dir.length + 1) : undefined;
  if (inMap === undefined) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('CX Impact: {0} is outside the folder that {1} governs.', path, current.file),
    );
    return false;
  }

  const chosen = await chooseTarget(map, choices);
  if (!chosen) return false;
  const { journey, touchpoint } = chosen;
  const pattern =
    choices.pattern ??
    (await choosePattern(inMap, current.folder ? await files.filesOf(current.folder) : [], {
      file: current.file,
      dir,
    }));
  if (!pattern) return false;

  const request: AddPathTarget = { journey: journey.id, touchpoint: touchpoint.id, pattern };
  if (journey.create) request.newJourney = journey.create;
  if (touchpoint.create) request.newTouchpoint = touchpoint.create;
  const result = addPathEdit(document.getText(), request);
  if ('problem' in result) {
    void vscode.window.showWarningMessage(vscode.l10n.t('CX Impact: {0}', result.problem));
    return false;
  }
  const editor = await vscode.window.showTextDocument(document);
  if ('already' in result) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('CX Impact: {0}/{1} already lists {2}.', journey.id, touchpoint.id, pattern),
    );
    return false;
  }
  const start = document.positionAt(result.edit.start);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, start, result.edit.text);
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  const end = document.positionAt(result.edit.start + result.edit.text.length);
  editor.selection = new vscode.Selection(end, end);
  editor.revealRange(new vscode.Range(start, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}

async function chooseMap(
  maps: WorkspaceMaps,
  folder: vscode.WorkspaceFolder,
  path: string,
): Promise<vscode.Uri | undefined> {
  const entry = maps.byFolder().find((f) => f.folder.uri.toString() === folder.uri.toString());
  // The maps that govern the file: their folder holds it. The nearest first.
  const governing = (entry?.maps ?? [])
    .filter((m) => m.dir === '' || path.startsWith(`${m.dir}/`))
    .sort((a, b) => b.dir.length - a.dir.length);
  const uris = governing
    .map((m) => ({ map: m, uri: maps.uriOf(m) }))
    .filter((m): m is { map: CxMap; uri: vscode.Uri } => m.uri !== undefined);
  if (uris.length === 0) {
    const create = vscode.l10n.t('Create cx-map.yaml');
    const answer = await vscode.window.showInformationMessage(
      vscode.l10n.t('CX Impact: no journey map governs this file yet.'),
      create,
    );
    if (answer === create) await vscode.commands.executeCommand(Command.createMap);
    return undefined;
  }
  if (uris.length === 1) return uris[0]?.uri;
  const picked = await vscode.window.showQuickPick(
    uris.map((m) => ({
      label: m.map.file,
      description: m.map.dir === '' ? vscode.l10n.t('the whole folder') : vscode.l10n.t('governs {0}/', m.map.dir),
      uri: m.uri,
    })),
    { placeHolder: vscode.l10n.t('Which map?') },
  );
  return picked?.uri;
}

/** A journey and touchpoint picked (or to create), or undefined when the user cancelled. */
export interface ChosenTarget {
  journey: { id: string; create?: { name: string } };
  touchpoint: { id: string; create?: { name: string } };
  /** The chosen journey as the map has it, when it exists already. */
  existing?: CxMap['journeys'][number];
}

/** The journey, then the touchpoint, each given up front (by a test, a lens or the view) or asked for. */
export async function chooseTarget(
  map: CxMap | undefined,
  choices: Pick<AddFileChoices, 'journey' | 'touchpoint' | 'newJourney' | 'newTouchpoint'>,
): Promise<ChosenTarget | undefined> {
  const journey = choices.journey ? { id: choices.journey, create: choices.newJourney } : await chooseJourney(map);
  if (!journey) return undefined;
  const existing = map?.journeys.find((j) => j.id === journey.id);
  const touchpoint = choices.touchpoint
    ? { id: choices.touchpoint, create: choices.newTouchpoint }
    : await chooseTouchpoint(existing?.touchpoints ?? []);
  if (!touchpoint) return undefined;
  return { journey, touchpoint, ...(existing ? { existing } : {}) };
}

export async function chooseJourney(
  map: CxMap | undefined,
): Promise<{ id: string; create?: { name: string } } | undefined> {
  const NEW = '$(add) New journey…';
  const picked = await vscode.window.showQuickPick(
    [
      ...(map?.journeys ?? []).map((j) => ({ label: j.name, description: `${j.id} · ${j.tier}`, id: j.id })),
      { label: NEW, description: '', id: '' },
    ],
    {
      placeHolder: vscode.l10n.t('Add to which journey?'),
      matchOnDescription: true,
    },
  );
  if (!picked) return undefined;
  if (picked.id !== '') return { id: picked.id };
  const named = await askIdAndName(
    'journey',
    (map?.journeys ?? []).map((j) => j.id),
  );
  return named && { id: named.id, create: { name: named.name } };
}

export async function chooseTouchpoint(
  touchpoints: ReadonlyArray<{ id: string; name: string; channel?: string }>,
): Promise<{ id: string; create?: { name: string } } | undefined> {
  const NEW = '$(add) New touchpoint…';
  if (touchpoints.length > 0) {
    const picked = await vscode.window.showQuickPick(
      [
        ...touchpoints.map((t) => ({
          label: t.name,
          description: [t.id, t.channel].filter(Boolean).join(' · '),
          id: t.id,
        })),
        { label: NEW, description: '', id: '' },
      ],
      {
        placeHolder: vscode.l10n.t('Add to which touchpoint?'),
        matchOnDescription: true,
      },
    );
    if (!picked) return undefined;
    if (picked.id !== '') return { id: picked.id };
  }
  const named = await askIdAndName(
    'touchpoint',
    touchpoints.map((t) => t.id),
  );
  return named && { id: named.id, create: { name: named.name } };
}

async function askIdAndName(
  what: 'journey' | 'touchpoint',
  taken: readonly string[],
): Promise<{ id: string; name: string } | undefined> {
  const name = await vscode.window.showInputBox({
    prompt: vscode.l10n.t("The new {0}'s name, as customers and colleagues say it", what),
    placeHolder: what === 'journey' ? 'Checkout' : 'Pay for the order',
  });
  if (!name?.trim()) return undefined;
  const suggested = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const id = await vscode.window.showInputBox({
    prompt: vscode.l10n.t("The new {0}'s id", what),
    value: suggested,
    validateInput: (value) =>
      !ID_SHAPE.test(value)
        ? 'Lowercase letters, digits and -, starting with a letter or digit.'
        : taken.includes(value)
          ? `Another ${what} already has this id.`
          : undefined,
  });
  return id ? { id, name: name.trim() } : undefined;
}

async function choosePattern(
  path: string,
  files: readonly string[],
  map: Pick<CxMap, 'file' | 'dir'>,
): Promise<string | undefined> {
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const options = [{ pattern: path, label: vscode.l10n.t('This file') }];
  if (slash > 0) options.push({ pattern: `${path.slice(0, slash)}/**`, label: vscode.l10n.t('Its folder') });
  if (dot > 0)
    options.push({ pattern: `**/*${name.slice(dot)}`, label: vscode.l10n.t('Every {0} file', name.slice(dot)) });
  const picked = await vscode.window.showQuickPick(
    options.map((o) => {
      const count = filesOfPattern(map, o.pattern, files, 0).count;
      return {
        label: o.pattern,
        description: vscode.l10n.t('{0} · {1} file{2}', o.label, count, count === 1 ? '' : 's'),
        pattern: o.pattern,
      };
    }),
    { placeHolder: vscode.l10n.t('Add which pattern?') },
  );
  return picked?.pattern;
}
