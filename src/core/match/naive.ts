// The definition of correctness for contract §2, written as plainly as possible: for each
// pattern, for each prefix of the path, ask minimatch. Slow on purpose; the tests and the
// benchmark hold the indexed Matcher to it.
import { Minimatch } from 'minimatch';
import type { Coverage, CxMap, PathPattern } from '../types';
import { tierRank } from '../types';
import type { PatternHit } from './matcher';
import { MATCH_OPTIONS, normalizePattern } from './pattern';

export interface NaivePattern {
  hit: PatternHit;
  /** Undefined when the pattern can match nothing (see normalizePattern). */
  glob: Minimatch | undefined;
  dirOnly: boolean;
}

/** The path relative to a map's folder, or undefined when the map does not govern it. */
export function pathInMap(path: string, dir: string): string | undefined {
  if (dir === '') return path;
  return path.startsWith(dir + '/') ? path.slice(dir.length + 1) : undefined;
}

/** `a`, `a/b`, `a/b/c` for `a/b/c`: the folders of the path, then the path itself. */
function prefixesOf(relative: string | undefined): string[] | undefined {
  if (relative === undefined) return undefined;
  const segments = relative.split('/');
  const prefixes: string[] = [];
  let prefix = '';
  for (const segment of segments) prefixes.push((prefix = prefixes.length === 0 ? segment : `${prefix}/${segment}`));
  return prefixes;
}

/** minimatch refuses some inputs (over 64 KiB, for one): such a pattern matches nothing. */
function compile(body: string): Minimatch | undefined {
  try {
    return new Minimatch(body, MATCH_OPTIONS);
  } catch {
    return undefined;
  }
}

export class NaiveMatcher {
  private readonly touchpoints: NaivePattern[][] = [];

  constructor(readonly maps: readonly CxMap[]) {
    for (const map of maps) {
      for (const journey of map.journeys) {
        for (const touchpoint of journey.touchpoints) {
          this.touchpoints.push(
            touchpoint.paths.map((pattern) => {
              const normalized = normalizePattern(pattern.source, pattern.negated);
              return {
                hit: { map, journey, touchpoint, pattern },
                // Compiled once per pattern: the same minimatch test as `minimatch(prefix, body, options)`.
                glob: normalized && compile(normalized.body),
                dirOnly: normalized?.dirOnly ?? false,
              };
            }),
          );
        }
      }
    }
  }

  /** Each touchpoint's patterns, in map, journey and touchpoint order. */
  patternLists(): readonly NaivePattern[][] {
    return this.touchpoints;
  }

  /** Calls `visit` with the index of every file of `tree` that the pattern covers. */
  forEachCovered(entry: NaivePattern, tree: FolderNode, visit: (index: number) => void): void {
    const glob = entry.glob;
    if (!glob) return;
    let start: FolderNode | undefined = tree;
    if (entry.hit.map.dir !== '')
      for (const segment of entry.hit.map.dir.split('/')) start = start?.folders.get(segment);
    if (!start) return;
    const prune = !glob.negate && !glob.comment;
    const walk = (node: FolderNode, relative: string): void => {
      for (const [name, child] of node.folders) {
        const folder = relative === '' ? name : `${relative}/${name}`;
        if (glob.match(folder)) everyFileUnder(child, visit);
        else if (!prune || glob.match(folder, true)) walk(child, folder);
      }
      if (entry.dirOnly) return;
      for (const [name, index] of node.files)
        if (glob.match(relative === '' ? name : `${relative}/${name}`)) visit(index);
    };
    walk(start, '');
  }

  /** Does the pattern match the path itself or one of its folders (contract §2.2, §2.3)? */
  covers(entry: NaivePattern, path: string): boolean {
    return this.coversPrefixes(entry, prefixesOf(pathInMap(path, entry.hit.map.dir)));
  }

  private coversPrefixes(entry: NaivePattern, prefixes: readonly string[] | undefined): boolean {
    if (!entry.glob || !prefixes) return false;
    const last = entry.dirOnly ? prefixes.length - 1 : prefixes.length;
    for (let k = 0; k < last; k++) if (entry.glob.match(prefixes[k]!)) return true;
    return false;
  }

  /** The path's prefixes relative to each map folder, computed once per lookup. */
  private prefixCache(path: string): (entry: NaivePattern) => readonly string[] | undefined {
    const byDir = new Map<string, readonly string[] | undefined>();
    return (entry) => {
      const dir = entry.hit.map.dir;
      if (!byDir.has(dir)) byDir.set(dir, prefixesOf(pathInMap(path, dir)));
      return byDir.get(dir);
    };
  }

  patternsMatching(path: string): PatternHit[] {
    const prefixes = this.prefixCache(path);
    const hits: PatternHit[] = [];
    for (const list of this.touchpoints)
      for (const entry of list) if (this.coversPrefixes(entry, prefixes(entry))) hits.push(entry.hit);
    return hits;
  }

  coverageOf(path: string): Coverage[] {
    const prefixes = this.prefixCache(path);
    const result: Coverage[] = [];
    for (const list of this.touchpoints) {
      let deciding: NaivePattern | undefined;
      for (const entry of list) if (this.coversPrefixes(entry, prefixes(entry))) deciding = entry;
      if (deciding && !deciding.hit.pattern.negated) {
        const { map, journey, touchpoint, pattern } = deciding.hit;
        result.push({ map, journey, touchpoint, pattern, symbolScoped: touchpoint.symbols.length > 0 });
      }
    }
    // Array.prototype.sort is stable, so map, journey and touchpoint order survive within a tier.
    return result.sort((a, b) => tierRank(a.journey.tier) - tierRank(b.journey.tier));
  }
}

interface FolderNode {
  folders: Map<string, FolderNode>;
  files: Array<[name: string, index: number]>;
}

function folderTree(paths: readonly string[]): FolderNode {
  const root: FolderNode = { folders: new Map(), files: [] };
  paths.forEach((path, index) => {
    const segments = path.split('/');
    let node = root;
    for (const segment of segments.slice(0, -1)) {
      let child = node.folders.get(segment);
      if (!child) node.folders.set(segment, (child = { folders: new Map(), files: [] }));
      node = child;
    }
    node.files.push([segments[segments.length - 1]!, index]);
  });
  return root;
}

function everyFileUnder(node: FolderNode, visit: (index: number) => void): void {
  for (const [, index] of node.files) visit(index);
  for (const child of node.folders.values()) everyFileUnder(child, visit);
}

export interface NaiveCoverageOfAll {
  /** Per path (same order as given): what coverageOf would return. */
  coverage: Coverage[][];
  /** Per pattern: how many of the paths it matches on its own. */
  patternFiles: Map<PathPattern, number>;
}

/**
 * The same definition as coverageOf, for a whole list of clean paths at once: each pattern walks
 * the folder tree the way a glob walker does. minimatch decides every folder: a match covers all
 * inside it, a partial match (`match(folder, true)`) is looked into, anything else is skipped.
 * Patterns minimatch reads as negated or as comments are never pruned.
 */
export function naiveCoverageOfAll(maps: readonly CxMap[], paths: readonly string[]): NaiveCoverageOfAll {
  const naive = new NaiveMatcher(maps);
  const tree = folderTree(paths);
  const coverage: Coverage[][] = paths.map(() => []);
  const patternFiles = new Map<PathPattern, number>();
  const last = new Int32Array(paths.length).fill(-1);
  for (const list of naive.patternLists()) {
    const touched: number[] = [];
    list.forEach((entry, order) => {
      let files = 0;
      naive.forEachCovered(entry, tree, (index) => {
        files++;
        if (last[index] === -1) touched.push(index);
        last[index] = order;
      });
      patternFiles.set(entry.hit.pattern, files);
    });
    for (const index of touched) {
      const deciding = list[last[index]!]!;
      last[index] = -1;
      if (deciding.hit.pattern.negated) continue;
      const { map, journey, touchpoint, pattern } = deciding.hit;
      coverage[index]!.push({ map, journey, touchpoint, pattern, symbolScoped: touchpoint.symbols.length > 0 });
    }
  }
  for (const list of coverage) list.sort((a, b) => tierRank(a.journey.tier) - tierRank(b.journey.tier));
  return { coverage, patternFiles };
}
