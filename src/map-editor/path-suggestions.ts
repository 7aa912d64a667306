import * as l10n from '@vscode/l10n';
// What to offer while a `paths` entry is typed, segment by segment: the folders and files under what is typed so far,
// then common shapes. Pure: the extension hands in the workspace's file list.

export interface PathSuggestion {
  /** The whole entry after the suggestion is taken (what is typed so far is part of it). */
  text: string;
  /** What the list shows: the last segment, or the shape. */
  label: string;
  kind: 'folder' | 'file' | 'shape';
  detail: string;
}

/**
 * `typed` is the entry so far (a leading `!` kept); `mapDir` the map's folder relative to the same root as `files`
 * (`''` at the root). Folders come first (alphabetically), then files, then shapes (`dir/**`, `**\/*.ext`).
 */
export function pathSuggestions(
  typed: string,
  mapDir: string,
  files: readonly string[],
  limit = 200,
): PathSuggestion[] {
  const bang = typed.startsWith('!') ? '!' : '';
  const body = typed.slice(bang.length).replace(/^(\.\/|\/)+/, '');
  const slash = body.lastIndexOf('/');
  const dirPart = slash < 0 ? '' : body.slice(0, slash + 1);
  if (/[*?[{]/.test(dirPart)) return shapes(bang, dirPart, new Map());
  const base = (mapDir === '' ? '' : `${mapDir}/`) + dirPart;
  const folders = new Map<string, number>();
  const direct: string[] = [];
  const extensions = new Map<string, number>();
  for (const file of files) {
    if (!file.startsWith(base)) continue;
    const rest = file.slice(base.length);
    const next = rest.indexOf('/');
    if (next < 0) direct.push(rest);
    else {
      const name = rest.slice(0, next);
      folders.set(name, (folders.get(name) ?? 0) + 1);
    }
    const dot = rest.lastIndexOf('.');
    if (dot > rest.lastIndexOf('/') + 1) {
      const ext = rest.slice(dot + 1);
      if (/^[A-Za-z0-9_-]{1,12}$/.test(ext)) extensions.set(ext, (extensions.get(ext) ?? 0) + 1);
    }
  }
  const out: PathSuggestion[] = [];
  for (const [name, count] of [...folders].sort((a, b) => compare(a[0], b[0]))) {
    out.push({
      text: `${bang}${dirPart}${name}/`,
      label: `${name}/`,
      kind: 'folder',
      detail: l10n.t('{0} file{1}', count, count === 1 ? '' : 's'),
    });
  }
  for (const name of direct.sort(compare))
    out.push({ text: `${bang}${dirPart}${name}`, label: name, kind: 'file', detail: 'file' });
  return [...out.slice(0, limit), ...shapes(bang, dirPart, extensions)];
}

function shapes(bang: string, dirPart: string, extensions: Map<string, number>): PathSuggestion[] {
  const out: PathSuggestion[] = [];
  if (dirPart !== '')
    out.push({
      text: `${bang}${dirPart}**`,
      label: `${dirPart}**`,
      kind: 'shape',
      detail: l10n.t('everything under {0}', dirPart),
    });
  const common = [...extensions].sort((a, b) => b[1] - a[1] || compare(a[0], b[0])).slice(0, 5);
  for (const [ext, count] of common) {
    out.push({
      text: `${bang}${dirPart}**/*.${ext}`,
      label: `${dirPart}**/*.${ext}`,
      kind: 'shape',
      detail: l10n.t('every .{0} file{1} ({2})', ext, dirPart ? ` under ${dirPart}` : '', count),
    });
  }
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
