// The customer impact of a change (contract §4): which journeys and touchpoints the changed files touch,
// which changed files no map covers, and how an edit of a map moved files between touchpoints.
import type { ChangeStatus, ChangedFile, Coverage, CxMap, Journey, Tier, Touchpoint } from '../types';
import { tierRank } from '../types';
import type { ChangeSymbols, TouchpointSymbol } from './symbol-impact';
import type { DecidedPatterns, PatternTable } from '../match/matcher';

/** The one thing impact needs from a Matcher: tests and callers can hand in any source of coverage. */
export interface CoverageSource {
  coverageOf(path: string): Coverage[];
  /**
   * The same answers for many paths at once, as pattern numbers of `patternTable` (a Matcher has both): a change of
   * thousands of files, each covered by dozens of touchpoints, is grouped without a Coverage object per pair.
   */
  decideAll?(paths: readonly string[]): DecidedPatterns;
  readonly patternTable?: PatternTable;
}

/** Why a file belongs to a touchpoint: the deciding pattern of the touchpoint's list. */
export interface FileReason {
  file: string;
  map: string;
  pattern: string;
  line: number;
}

export interface TouchpointImpact {
  id: string;
  name: string;
  channel?: string;
  files: string[];
  reasons: FileReason[];
  /**
   * Present when the touchpoint names symbols: `file` when a file counted as a whole (its symbols were not read),
   * `symbol` when every file was narrowed to the symbols the change touched (src/core/impact/symbol-impact.ts).
   */
  precision?: 'file' | 'symbol';
  /** The touchpoint's own `symbols` entries (patterns). */
  symbolScope?: string[];
  /** The named symbols the change touched (contract §4), once symbols were read. */
  symbols?: TouchpointSymbol[];
  /** Changed files that reach this touchpoint through the dependency graph (contract §5), nearest first. */
  indirect?: IndirectHit[];
}

/** A changed file no touchpoint covers, reaching a touchpoint's file through imports: `via` runs from one to the other. */
export interface IndirectHit {
  file: string;
  hops: number;
  via: string[];
  /**
   * Steps of `via` taken through an interface or abstract class (contract §5.6): `via[index]` implements
   * `implements`, which `via[index + 1]` uses. Absent when the chain is imports only.
   */
  standIns?: { index: number; implements: string }[];
  /** For a touchpoint scoped to symbols: the covered file's symbol that uses the import (`via views.py › ping`). */
  symbol?: string;
}

export interface JourneyImpact {
  id: string;
  name: string;
  tier: Tier;
  map: string;
  owner?: string;
  description?: string;
  slo?: string;
  customers?: string;
  links: { name: string; url: string }[];
  touchpoints: TouchpointImpact[];
  /** `direct` when a touchpoint covers a changed file itself, else `indirect` (only set when indirect reach was computed). */
  reach?: 'direct' | 'indirect';
}

export interface MapChange {
  map: string;
  journey: string;
  touchpoint: string;
  added: string[];
  removed: string[];
}

export interface ChangeEntry extends ChangeSymbols {
  path: string;
  status: ChangeStatus;
  oldPath?: string;
}

export interface ImpactReport {
  base: string;
  head: string;
  /** Every path the change touches: renames under both paths, deletions under the old one. */
  changedFiles: string[];
  /** The changes as git reported them (status, and the old path of a rename). */
  changes: ChangeEntry[];
  journeys: JourneyImpact[];
  unmappedFiles: string[];
  /** Only when the base maps were given (the change edits a map). */
  mapChanges?: MapChange[];
  /** Only when the maps on disk have errors: the report then rests on the parts that could be read. */
  mapErrors?: number;
  /** Changed files that too much depends on to name journeys (contract §5.3), with their transitive importers. */
  shared?: { file: string; importers: number }[];
  /** Changed files whose nearest touchpoints lie beyond maxHops: how many touchpoints, not which. */
  indirectBeyond?: { file: string; touchpoints: number }[];
}

export interface ImpactInput {
  base: string;
  head: string;
  /** Coverage by the maps as they are now. */
  coverage: CoverageSource;
  changedFiles: readonly ChangedFile[];
  /** The maps as they were at the base, and the files to compare them over (the head's files). */
  mapEdit?: { baseCoverage: CoverageSource; files: readonly string[] };
  /** How many errors the maps on disk have (from parseMap's diagnostics). */
  mapErrors?: number;
  /**
   * Which changed files are maps: an edit of a map is reported by what it moves (`mapChanges`), so a map no
   * touchpoint covers is not listed among the unmapped files.
   */
  isMap?: (path: string) => boolean;
}

/** Code-unit order: the same on every machine and locale. */
export function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Renames count under both paths, deletions under the old one (which is `path` for a deletion). */
export function pathsOfChange(change: ChangedFile): string[] {
  const from = renamedFrom(change);
  return from === undefined ? [change.path] : [change.path, from];
}

/** The old path of a rename, which counts too (see pathsOfChange); undefined for any other change. */
function renamedFrom(change: ChangedFile): string | undefined {
  return change.oldPath !== undefined && change.oldPath !== change.path && change.status === 'renamed'
    ? change.oldPath
    : undefined;
}

function journeyKey(map: CxMap, journey: Journey): string {
  return `${map.file}\u0000${journey.id}`;
}

interface TouchpointEntry {
  index: number;
  /** The number, in the changed files, of the last file added to the touchpoint. */
  lastFile: number;
  impact: TouchpointImpact;
  journey: Journey;
}

interface JourneyEntry {
  map: CxMap;
  journey: Journey;
  journeyIndex: number;
  touchpoints: Map<string, TouchpointEntry>;
}

/** Distinct paths in code-unit order, without sorting when they already are (git lists them sorted). */
function sortedUnique(paths: string[]): string[] {
  // The default sort compares strings by UTF-16 code units, as byPath does, without calling back into JS.
  for (let i = 1; i < paths.length; i++) if (!(paths[i - 1]! < paths[i]!)) return [...new Set(paths)].sort();
  return paths;
}

export function computeImpact(input: ImpactInput): ImpactReport {
  // pathsOfChange without an array per change: a change can hold thousands of files.
  const asked: string[] = [];
  for (const change of input.changedFiles) {
    asked.push(change.path);
    const from = renamedFrom(change);
    if (from !== undefined) asked.push(from);
  }
  const changedFiles = sortedUnique(asked);
  const journeys = new Map<string, JourneyEntry>();
  // The same journey and touchpoint objects come back for file after file: find their entries by
  // identity first, and by map file and ids (what the report keys on) only the first time.
  const journeyOf = new Map<Journey, JourneyEntry>();
  const touchpointOf = new Map<Touchpoint, TouchpointEntry>();
  const unmapped: string[] = [];

  const entryOf = (map: CxMap, journey: Journey, touchpoint: Touchpoint, symbolScoped: boolean): TouchpointEntry => {
    let tp = touchpointOf.get(touchpoint);
    if (tp !== undefined && tp.journey === journey) return tp;
    let entry = journeyOf.get(journey);
    if (entry === undefined) {
      const key = journeyKey(map, journey);
      entry = journeys.get(key);
      if (!entry) {
        entry = { map, journey, journeyIndex: journeyIndex(map, journey), touchpoints: new Map() };
        journeys.set(key, entry);
      }
      journeyOf.set(journey, entry);
    }
    tp = entry.touchpoints.get(touchpoint.id);
    if (!tp) {
      const impact = { id: touchpoint.id, name: touchpoint.name } as TouchpointImpact;
      if (touchpoint.channel) impact.channel = touchpoint.channel;
      if (symbolScoped) {
        impact.precision = 'file';
        impact.symbolScope = [...touchpoint.symbols];
      }
      impact.files = [];
      impact.reasons = [];
      tp = { index: journey.touchpoints.indexOf(touchpoint), lastFile: -1, impact, journey };
      entry.touchpoints.set(touchpoint.id, tp);
    }
    touchpointOf.set(touchpoint, tp);
    return tp;
  };

  const source = input.coverage;
  if (source.decideAll && source.patternTable) {
    groupDecided(changedFiles, source.decideAll(changedFiles), source.patternTable, entryOf, (file) => {
      if (!input.isMap?.(file)) unmapped.push(file);
    });
  } else {
    for (let f = 0; f < changedFiles.length; f++) {
      const file = changedFiles[f]!;
      const hits = source.coverageOf(file);
      if (hits.length === 0) {
        if (!input.isMap?.(file)) unmapped.push(file);
        continue;
      }
      for (const hit of hits) {
        const tp = entryOf(hit.map, hit.journey, hit.touchpoint, hit.symbolScoped);
        // Files come in order: a touchpoint (or two of one id in a journey) already holding this file got it last.
        // Compared by number: paths that share a long prefix are slow to compare as strings.
        if (tp.lastFile !== f) {
          tp.lastFile = f;
          tp.impact.files.push(file);
          tp.impact.reasons.push({ file, map: hit.map.file, pattern: hit.pattern.source, line: hit.pattern.line });
        }
      }
    }
  }

  const ordered = [...journeys.values()].sort(
    (a, b) =>
      tierRank(a.journey.tier) - tierRank(b.journey.tier) ||
      byPath(a.map.file, b.map.file) ||
      a.journeyIndex - b.journeyIndex,
  );

  const report: ImpactReport = {
    base: input.base,
    head: input.head,
    changedFiles,
    changes: sortedChanges(input.changedFiles, changedFiles),
    journeys: ordered.map((entry) => journeyImpact(entry)),
    unmappedFiles: unmapped,
  };
  if (input.mapEdit)
    report.mapChanges = computeMapChanges(input.mapEdit.baseCoverage, input.coverage, input.mapEdit.files);
  if (input.mapErrors) report.mapErrors = input.mapErrors;
  return report;
}

/**
 * computeImpact's grouping for answers given as pattern numbers (CoverageSource.decideAll): entries are found by the
 * touchpoint's number, and a reason takes the pattern's text and line from the table, so a (file, touchpoint) pair
 * reads a few numbers rather than the objects behind the pattern. `files` is sorted, so its answers come in its order.
 */
function groupDecided(
  files: readonly string[],
  decided: DecidedPatterns,
  table: PatternTable,
  entryOf: (map: CxMap, journey: Journey, touchpoint: Touchpoint, symbolScoped: boolean) => TouchpointEntry,
  onUnmapped: (file: string) => void,
): void {
  const { order, start, pids } = decided;
  const { touchpointOf, sources, lines, hits } = table;
  // Two passes over the answers. The first finds each touchpoint's entry and counts its (file, touchpoint) pairs; the
  // second writes each pair into lists made at their final size. A report can hold tens of thousands of pairs: lists
  // grown one push at a time, or the pairs kept between the passes, would allocate about as much again as the report.
  const entryOfNumber = new Int32Array(table.touchpoints).fill(-1);
  const entries: TouchpointEntry[] = [];
  const slotOf = new Map<TouchpointEntry, number>();
  const maps: string[] = [];
  // Entries are at most one per touchpoint number.
  const counts = new Int32Array(table.touchpoints);
  const lastFile = new Int32Array(table.touchpoints);
  for (let k = 0; k < order.length; k++) {
    const f = order[k]!;
    const to = start[k + 1]!;
    if (start[k] === to) {
      onUnmapped(files[f]!);
      continue;
    }
    for (let i = start[k]!; i < to; i++) {
      const pid = pids[i]!;
      const number = touchpointOf[pid]!;
      let e = entryOfNumber[number]!;
      if (e < 0) {
        const hit = hits[pid]!;
        const tp = entryOf(hit.map, hit.journey, hit.touchpoint, hit.touchpoint.symbols.length > 0);
        // Two touchpoints of one id in a journey share an entry.
        e = slotOf.get(tp) ?? -1;
        if (e < 0) {
          e = entries.length;
          slotOf.set(tp, e);
          entries.push(tp);
          maps.push(hit.map.file);
          lastFile[e] = -1;
        }
        entryOfNumber[number] = e;
      }
      // Files come in order: an entry already holding this file got it last (two touchpoints of one id, one entry).
      if (lastFile[e] === f) continue;
      lastFile[e] = f;
      counts[e] = counts[e]! + 1;
    }
  }
  const fileLists: string[][] = [];
  const reasonLists: FileReason[][] = [];
  for (let e = 0; e < entries.length; e++) {
    // Entries are made by this computeImpact, and only this function fills them.
    const impact = entries[e]!.impact;
    impact.files = new Array<string>(counts[e]!);
    impact.reasons = new Array<FileReason>(counts[e]!);
    fileLists.push(impact.files);
    reasonLists.push(impact.reasons);
    lastFile[e] = -1;
    counts[e] = 0;
  }
  for (let k = 0; k < order.length; k++) {
    const f = order[k]!;
    const file = files[f]!;
    const to = start[k + 1]!;
    for (let i = start[k]!; i < to; i++) {
      const pid = pids[i]!;
      const e = entryOfNumber[touchpointOf[pid]!]!;
      if (lastFile[e] === f) continue;
      lastFile[e] = f;
      const at = counts[e]!;
      counts[e] = at + 1;
      fileLists[e]![at] = file;
      reasonLists[e]![at] = { file, map: maps[e]!, pattern: sources[pid]!, line: lines[pid]! };
    }
  }
}

/**
 * The changes as git reported them, in path order; two entries of one path keep their order. `sortedPaths` holds every
 * change's path in order: each change is sorted by its path's place there, as numbers (a native sort, no callback
 * comparing paths that share long prefixes).
 */
function sortedChanges(changes: readonly ChangedFile[], sortedPaths: readonly string[]): ChangeEntry[] {
  const out = changes.map((c): ChangeEntry =>
    c.oldPath !== undefined
      ? { path: c.path, status: c.status, oldPath: c.oldPath }
      : { path: c.path, status: c.status },
  );
  let sorted = true;
  for (let i = 1; i < out.length && sorted; i++) sorted = !(out[i - 1]!.path > out[i]!.path);
  if (sorted) return out;
  const place = new Map<string, number>();
  sortedPaths.forEach((path, i) => place.set(path, i));
  const n = out.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = place.get(out[i]!.path)! * n + i;
  keys.sort();
  return Array.from(keys, (key) => out[key % n]!);
}

/** A journey's place in its map, for ordering: maps of thousands of journeys are asked about again and again. */
const journeyPlaces = new WeakMap<CxMap, Map<Journey, number>>();

function journeyIndex(map: CxMap, journey: Journey): number {
  let places = journeyPlaces.get(map);
  if (places === undefined) {
    places = new Map(map.journeys.map((j, i) => [j, i]));
    journeyPlaces.set(map, places);
  }
  return places.get(journey) ?? map.journeys.indexOf(journey);
}

function journeyImpact(entry: JourneyEntry): JourneyImpact {
  const { journey, map } = entry;
  // Built field by field so the JSON reads in a stable, sensible order (identity, facts, touchpoints).
  const out = { id: journey.id, name: journey.name, tier: journey.tier, map: map.file } as JourneyImpact;
  if (journey.owner !== undefined) out.owner = journey.owner;
  if (journey.description !== undefined) out.description = journey.description;
  if (journey.slo !== undefined) out.slo = journey.slo;
  if (journey.customers !== undefined) out.customers = journey.customers;
  out.links = journey.links.map((l) => ({ name: l.name, url: l.url }));
  out.touchpoints = [...entry.touchpoints.values()]
    .sort((a, b) => a.index - b.index)
    // Each touchpoint got its files in the order of the changed files, which sortedUnique put in path order.
    .map(({ impact }) => impact);
  return out;
}

/** Files each touchpoint gained or lost between the base maps and the head maps, over the same files. */
export function computeMapChanges(base: CoverageSource, head: CoverageSource, files: readonly string[]): MapChange[] {
  const changes = new Map<string, MapChange>();
  const entry = (map: string, journey: string, touchpoint: string): MapChange => {
    const key = `${map}\u0000${journey}\u0000${touchpoint}`;
    let change = changes.get(key);
    if (!change) {
      change = { map, journey, touchpoint, added: [], removed: [] };
      changes.set(key, change);
    }
    return change;
  };
  const keysOf = (hits: Coverage[]): Map<string, [string, string, string]> =>
    new Map(
      hits.map((h) => [
        `${h.map.file}\u0000${h.journey.id}\u0000${h.touchpoint.id}`,
        [h.map.file, h.journey.id, h.touchpoint.id],
      ]),
    );

  for (const file of [...new Set(files)].sort(byPath)) {
    const before = keysOf(base.coverageOf(file));
    const after = keysOf(head.coverageOf(file));
    for (const [key, ids] of after) if (!before.has(key)) entry(...ids).added.push(file);
    for (const [key, ids] of before) if (!after.has(key)) entry(...ids).removed.push(file);
  }
  return [...changes.values()].sort(
    (a, b) => byPath(a.map, b.map) || byPath(a.journey, b.journey) || byPath(a.touchpoint, b.touchpoint),
  );
}

/** True when the report touches a journey of `tier` or a more critical one: directly (`--fail-on`), or also indirectly (`--fail-on-indirect`). */
export function reachesTier(report: ImpactReport, tier: Tier, indirect = false): boolean {
  return report.journeys.some((j) => (indirect || j.reach !== 'indirect') && tierRank(j.tier) <= tierRank(tier));
}
