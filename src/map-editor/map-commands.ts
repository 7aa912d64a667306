import * as vscode from 'vscode';
import { plural } from '../workspace/coverage-text';
import type { WorkspaceFiles } from '../workspace/workspace-files';
import type { WorkspaceMaps } from '../workspace/workspace-maps';
import { scaffoldMap, topLevelFolders } from './scaffold';
import { entryPointLabel } from '../core/entry-points/coverage';
import { groupByPrefix, proposeMap, type EntryPointGroup } from '../core/entry-points/propose';
import type { WorkspaceEntryPoints } from '../workspace/workspace-entry-points';

/**
 * "Create cx-map.yaml": creates a commented starter map at the root of a workspace folder (from its top-level folders)
 * with a WorkspaceEdit (undoable) and opens it. An existing map is opened instead, never overwritten. Resolves to the
 * map's URI.
 */
export async function createMap(
  files: WorkspaceFiles,
  target?: unknown,
  entryPoints?: WorkspaceEntryPoints,
  proposal?: unknown,
): Promise<vscode.Uri | undefined> {
  const folder = target instanceof vscode.Uri ? vscode.workspace.getWorkspaceFolder(target) : await pickFolder();
  if (!folder) {
    if (!vscode.workspace.workspaceFolders?.length)
      void vscode.window.showInformationMessage(
        vscode.l10n.t('CX Impact: open a folder first; the map goes at its root.'),
      );
    return undefined;
  }
  for (const name of ['cx-map.yaml', 'cx-map.yml']) {
    const existing = vscode.Uri.joinPath(folder.uri, name);
    if (await exists(existing)) {
      await vscode.window.showTextDocument(existing);
      void vscode.window.showInformationMessage(
        vscode.l10n.t('CX Impact: {0} already has {1}; it is open.', folder.name, name),
      );
      return existing;
    }
  }
  let list: readonly string[] = [];
  try {
    list = await files.filesOf(folder);
  } catch {
    // Without a file list the starter map still works, with a catch-all pattern.
  }
  const uri = vscode.Uri.joinPath(folder.uri, 'cx-map.yaml');
  const proposed = entryPoints ? await proposedGroups(entryPoints, folder, proposal) : [];
  if (proposed === undefined) return undefined;
  const text = proposed.length > 0 ? proposeMap(proposed) : scaffoldMap(topLevelFolders(list));
  // A file operation VS Code can undo; never over a file that appeared meanwhile.
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(text) });
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('CX Impact: could not create {0}.', vscode.workspace.asRelativePath(uri)),
    );
    return undefined;
  }
  await vscode.window.showTextDocument(uri);
  return uri;
}

/**
 * The entry-point groups (by route prefix) to propose as journeys, after the user reviewed them in a quick pick (all
 * chosen at first). `[]`: none (the starter map is written instead); undefined: the user cancelled. `proposal`
 * `{ prefixes }` answers the pick up front (tests).
 */
async function proposedGroups(
  entryPoints: WorkspaceEntryPoints,
  folder: vscode.WorkspaceFolder,
  proposal: unknown,
): Promise<EntryPointGroup[] | undefined> {
  let points;
  try {
    points = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('CX Impact: reading the entry points') },
      () => entryPoints.pointsOf(folder),
    );
  } catch {
    return [];
  }
  const groups = groupByPrefix(points);
  if (groups.length === 0) return [];
  const given = (proposal as { prefixes?: unknown } | undefined)?.prefixes;
  if (Array.isArray(given)) return groups.filter((g) => given.includes(g.prefix));
  const picked = await vscode.window.showQuickPick(
    groups.map((group) => ({
      label: group.prefix,
      description: vscode.l10n.t('{0} entry points', group.points.length),
      detail: group.points.slice(0, 4).map(entryPointLabel).join(' · ') + (group.points.length > 4 ? ' …' : ''),
      picked: true,
      group,
    })),
    {
      canPickMany: true,
      title: vscode.l10n.t('Propose a journey for each route prefix'),
      placeHolder: vscode.l10n.t('Review the journeys to propose; pick none for the starter map'),
    },
  );
  if (!picked) return undefined;
  return picked.map((p) => p.group);
}

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Create cx-map.yaml in which folder?') });
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The files no journey covers, grouped by folder with counts, most first. */
export interface UncoveredFolder {
  folder: vscode.WorkspaceFolder;
  /** Relative to the workspace folder, `''` for its top level. */
  dir: string;
  files: string[];
}

export async function uncoveredByFolder(
  maps: WorkspaceMaps,
  files: WorkspaceFiles,
  token?: vscode.CancellationToken,
): Promise<UncoveredFolder[]> {
  const out: UncoveredFolder[] = [];
  for (const { folder, matcher } of maps.byFolder()) {
    const counts = await files.coverageCounts(folder, matcher, `maps#${maps.version}`, token);
    const groups = new Map<string, string[]>();
    for (const file of counts.uncoveredFiles) {
      // Two levels (services/search) say more than one (services) and stay few.
      const parts = file.split('/');
      const dir = parts.slice(0, Math.min(2, parts.length - 1)).join('/');
      const group = groups.get(dir) ?? [];
      group.push(file);
      groups.set(dir, group);
    }
    for (const [dir, group] of groups) out.push({ folder, dir, files: group });
  }
  return out.sort((a, b) => b.files.length - a.files.length || (a.dir < b.dir ? -1 : 1));
}

/** "Show files no journey covers": a folder with its count, then one of its files to open. */
export async function showUncoveredFiles(maps: WorkspaceMaps, files: WorkspaceFiles): Promise<void> {
  const groups = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('CX Impact: finding uncovered files') },
    () => uncoveredByFolder(maps, files),
  );
  const total = groups.reduce((n, g) => n + g.files.length, 0);
  if (total === 0) {
    void vscode.window.showInformationMessage(
      maps.hasMaps()
        ? 'CX Impact: every file is covered by a journey.'
        : 'CX Impact: no journey map yet, so no file is covered.',
    );
    return;
  }
  const several = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  const group = await vscode.window.showQuickPick(
    groups.map((g) => ({
      label: `$(folder) ${g.dir === '' ? vscode.l10n.t('(top level)') : `${g.dir}/`}`,
      description: `${plural(g.files.length, 'file')}${several ? ` · ${g.folder.name}` : ''}`,
      group: g,
    })),
    { placeHolder: vscode.l10n.t('{0} file{1} no journey covers, by folder', total, total === 1 ? '' : 's') },
  );
  if (!group) return;
  const picked = await vscode.window.showQuickPick(
    group.group.files.map((file) => ({ label: file.slice(file.lastIndexOf('/') + 1), description: file, file })),
    {
      placeHolder: vscode.l10n.t('Files in {0} that no journey covers', group.group.dir || 'the top level'),
      matchOnDescription: true,
    },
  );
  if (picked)
    await vscode.window.showTextDocument(vscode.Uri.joinPath(group.group.folder.uri, ...picked.file.split('/')));
}
