// Finds and reads the journey maps of a folder on disk, and of a commit.
import { readFile, readdir, realpath } from 'node:fs/promises';
import * as path from 'node:path';
import { parseMap } from '../core/map/parse';
import type { CxMap, MapDiagnostic } from '../core/types';
import { filesAt, showFile, worktreeFiles } from './git';

export const MAP_FILE_NAMES = ['cx-map.yaml', 'cx-map.yml'] as const;

/** A map file that could not be read at all (missing, a folder, no permission). */
export class MapReadError extends Error {
  override name = 'MapReadError';
}

export function isMapFile(file: string): boolean {
  const segments = file.split('/');
  const name = segments[segments.length - 1] ?? '';
  return (MAP_FILE_NAMES as readonly string[]).includes(name) && !segments.includes('node_modules');
}

/** A path relative to `root` with `/`, as the engine wants it. */
export function toRepoPath(root: string, file: string): string {
  return path.relative(root, path.resolve(root, file)).split(path.sep).join('/');
}

/** Every file under `root` when there is no git: skips `.git` and `node_modules`, follows no links. */
export async function walkFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const visit = async (dir: string, rel: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (entry.name === '.git' || entry.name === 'node_modules') continue;
        await visit(path.join(dir, entry.name), rel ? `${rel}/${entry.name}` : entry.name);
      } else if (entry.isFile()) {
        out.push(rel ? `${rel}/${entry.name}` : entry.name);
      }
    }
  };
  await visit(root, '');
  return out.sort();
}

/** The files of the folder on disk: git's view when it is a repository (ignored files left out), else a walk. */
export async function filesOnDisk(root: string, inGit: boolean): Promise<string[]> {
  return inGit ? (await worktreeFiles(root)).sort() : walkFiles(root);
}

export function mapFilesAmong(files: readonly string[]): string[] {
  return files.filter(isMapFile).sort();
}

export interface LoadedMaps {
  maps: CxMap[];
  diagnostics: MapDiagnostic[];
}

/**
 * The text of a map found in the repository (`file` relative to `root`). A map that is a symbolic link to a file
 * outside the repository is refused: a change could otherwise link `cx-map.yaml` to a credentials file and have
 * its first line printed in a diagnostic, in a CI log.
 */
export async function readMapText(root: string, file: string): Promise<string> {
  try {
    const [realRoot, real] = await Promise.all([realpath(root), realpath(path.join(root, file))]);
    const inside = path.relative(realRoot, real);
    if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
      throw new MapReadError(
        `cannot read map ${file}: it is a symbolic link to a file outside the repository, which is not read`,
      );
    }
    return await readFile(real, 'utf8');
  } catch (error) {
    if (error instanceof MapReadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a folder'
          : code === 'ELOOP'
            ? 'a symbolic link loop'
            : firstLine(error);
    throw new MapReadError(`cannot read map ${file}: ${reason}`);
  }
}

/** Reads and parses maps from disk. `files` are relative to `root`. */
export async function readMaps(root: string, files: readonly string[]): Promise<LoadedMaps> {
  const loaded: LoadedMaps = { maps: [], diagnostics: [] };
  for (const file of files) {
    const text = await readMapText(root, file);
    const result = parseMap(text, file);
    if (result.map) loaded.maps.push(result.map);
    loaded.diagnostics.push(...result.diagnostics);
  }
  return loaded;
}

/**
 * The maps as they were at a commit. `only` limits them to these files (an explicit `--map`); otherwise every map the
 * commit has. Problems in old maps are not the change's business, so their diagnostics are dropped.
 */
export async function readMapsAt(root: string, rev: string, only?: readonly string[]): Promise<CxMap[]> {
  const files = only ?? mapFilesAmong(await filesAt(root, rev));
  const maps: CxMap[] = [];
  for (const file of files) {
    const text = await showFile(root, rev, file);
    if (text === undefined) continue;
    const map = parseMap(text, file).map;
    if (map) maps.push(map);
  }
  return maps;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
