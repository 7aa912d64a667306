import * as vscode from 'vscode';
import type { CxMap } from '../core/types';
import type { WorkspaceFiles } from '../workspace/workspace-files';
import { mapText, toRange } from './map-document';
import { mapCounts, type MapCounts } from './workspace-checks';
import { plural } from '../workspace/coverage-text';
import { Command } from '../workspace/command-ids';

/**
 * In cx-map.yaml: above each journey "N files · M touchpoints", above each touchpoint "covers N files" (click to pick
 * one of them and open it). Counted from the text on screen against the workspace's files, once per text version.
 */
export class MapLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;
  private cache = new Map<string, { key: string; lenses: vscode.CodeLens[] }>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly files: WorkspaceFiles) {
    this.subscription = files.onDidChange(() => {
      this.cache.clear();
      this.changed.fire();
    });
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    const current = mapText(document);
    const map = current.result.map;
    if (!map || !current.folder) return [];
    const key = `${current.key}#${this.files.version}`;
    const cached = this.cache.get(document.uri.toString());
    if (cached?.key === key) return cached.lenses;
    let counts: MapCounts;
    try {
      counts = mapCounts(map, await this.files.coverageCounts(current.folder, { maps: [map] }, current.key, token));
    } catch {
      return [];
    }
    const lenses = mapLenses(document.uri, map, counts);
    this.cache.set(document.uri.toString(), { key, lenses });
    return lenses;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function mapLenses(uri: vscode.Uri, map: CxMap, counts: MapCounts): vscode.CodeLens[] {
  const lenses: vscode.CodeLens[] = [];
  for (const journey of map.journeys) {
    const files = counts.journeys.get(journey.id) ?? 0;
    const at = toRange(journey.range);
    lenses.push(
      new vscode.CodeLens(new vscode.Range(at.start, at.start), {
        title: `${plural(files, 'file')} · ${plural(journey.touchpoints.length, 'touchpoint')}`,
        command: Command.showTouchpointFiles,
        arguments: [uri, journey.id],
        tooltip: vscode.l10n.t('The files that the journey "{0}" covers', journey.name),
      }),
    );
    for (const touchpoint of journey.touchpoints) {
      const n = counts.touchpoints.get(`${journey.id}/${touchpoint.id}`) ?? 0;
      const tp = toRange(touchpoint.range);
      lenses.push(
        new vscode.CodeLens(new vscode.Range(tp.start, tp.start), {
          title: vscode.l10n.t('covers {0}', plural(n, 'file')),
          command: Command.showTouchpointFiles,
          arguments: [uri, journey.id, touchpoint.id],
          tooltip: vscode.l10n.t('Pick one of the files of "{0}" to open it', touchpoint.name),
        }),
      );
    }
  }
  return lenses;
}

/** The quick pick behind the lenses: the files a journey (or one of its touchpoints) covers, to open one. */
export async function showTouchpointFiles(
  files: WorkspaceFiles,
  uri: unknown,
  journeyId: unknown,
  touchpointId?: unknown,
): Promise<void> {
  if (!(uri instanceof vscode.Uri) || typeof journeyId !== 'string') return;
  const document = await vscode.workspace.openTextDocument(uri);
  const current = mapText(document);
  const map = current.result.map;
  const journey = map?.journeys.find((j) => j.id === journeyId);
  if (!map || !journey || !current.folder || !current.matcher) return;
  const touchpoint =
    typeof touchpointId === 'string' ? journey.touchpoints.find((t) => t.id === touchpointId) : undefined;
  const all = await files.filesOf(current.folder);
  const covered = all.filter((file) =>
    current.matcher
      ?.coverageOf(file)
      .some((c) => c.journey === journey && (!touchpoint || c.touchpoint === touchpoint)),
  );
  const root = current.folder.uri;
  const picked = await vscode.window.showQuickPick(
    covered.map((file) => ({ label: file.slice(file.lastIndexOf('/') + 1), description: file, file })),
    {
      placeHolder: vscode.l10n.t(
        '{0} of {1}: pick one to open',
        plural(covered.length, 'file'),
        touchpoint ? `${journey.name} › ${touchpoint.name}` : journey.name,
      ),
      matchOnDescription: true,
    },
  );
  if (picked) await vscode.window.showTextDocument(vscode.Uri.joinPath(root, ...picked.file.split('/')));
}
