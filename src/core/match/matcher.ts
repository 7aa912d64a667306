import type { Coverage, CxMap, Journey, PathPattern, Touchpoint } from '../types';
import { tierRank } from '../types';
import { NaiveMatcher } from './naive';
import { IndexWalker, PatternIndex, type WalkerSnapshot } from './pattern-index';

/** A pattern that matches a path on its own (plain or negated), whatever the rest of its list says. */
export interface PatternHit {
  map: CxMap;
  journey: Journey;
  touchpoint: Touchpoint;
  pattern: PathPattern;
}

export interface PatternCount extends PatternHit {
  /** Files the pattern matches on its own (for a `!` pattern: the files it could exclude). */
  files: number;
  /** Files whose coverage by its touchpoint this pattern decided (always 0 for a `!` pattern). */
  decided: number;
}

export interface TouchpointCount {
  map: CxMap;
  journey: Journey;
  touchpoint: Touchpoint;
  files: number;
}

export interface CoverageCounts {
  totalFiles: number;
  coveredFiles: number;
  /** In the order they were given. */
  uncoveredFiles: string[];
  /** Every pattern of every map, in map order, including those that cover nothing. */
  patterns: PatternCount[];
  /** Every touchpoint, in map order. */
  touchpoints: TouchpointCount[];
}

/**
 * Decides which touchpoints cover a path (contract §2) across every map of a repository.
 * Paths are relative to the root the maps were discovered under, with `/`.
 */
export class Matcher {
  /** Patterns by pid, in map, journey, touchpoint and list order. */
  private readonly hits: PatternHit[] = [];
  private readonly touchpointOf: Int32Array;
  private readonly negated: Uint8Array;
  /** Position of each touchpoint in the output order: tier first, then map order. */
  private readonly touchpointRank: Int32Array;
  private readonly touchpoints: Array<Omit<TouchpointCount, 'files'>> = [];
  private readonly index: PatternIndex;
  private readonly walker: IndexWalker;
  private naive: NaiveMatcher | undefined;

  /** Scratch for resolving last-match-wins per touchpoint. */
  private readonly last: LastMatch;
  private readonly pidOfRank: Int32Array;
  private readonly ranks: Int32Array;
  private readonly decided: Int32Array;
  /** Scratch for decideAll: the file's own last pattern per touchpoint. */
  private readonly fileLast: LastMatch;
  /** What decideAll's pattern numbers stand for. */
  readonly patternTable: PatternTable;
  /**
   * One Coverage per pattern that can decide (not a `!` one), shared by every answer. Made with the index rather than
   * when first asked: a first change on a big map would otherwise make thousands of them while the user waits.
   */
  private readonly coverages: Array<Coverage | undefined>;
  /** Recent folders' answers (see coverageOf and rememberFolder). */
  private folders = new Map<string, FolderAnswer>();
  private oldFolders = new Map<string, FolderAnswer>();
  /** Folders asked about once (see coverageOf). */
  private readonly seen = new Set<string>();
  /** The folder the walker is in, when it is one of `folders`. */
  private walkerDir: string | undefined;
  private walkerFolder: FolderAnswer | undefined;

  constructor(readonly maps: readonly CxMap[]) {
    const touchpointOf: number[] = [];
    const tiers: number[] = [];
    for (const map of maps) {
      for (const journey of map.journeys) {
        for (const touchpoint of journey.touchpoints) {
          const tp = tiers.length;
          tiers.push(tierRank(journey.tier));
          this.touchpoints.push({ map, journey, touchpoint });
          for (const pattern of touchpoint.paths) {
            this.hits.push({ map, journey, touchpoint, pattern });
            touchpointOf.push(tp);
          }
        }
      }
    }
    this.touchpointOf = Int32Array.from(touchpointOf);
    this.negated = Uint8Array.from(this.hits, (hit) => (hit.pattern.negated ? 1 : 0));
    const order = tiers.map((_, tp) => tp).sort((a, b) => tiers[a]! - tiers[b]! || a - b);
    this.touchpointRank = new Int32Array(tiers.length);
    order.forEach((tp, rank) => (this.touchpointRank[tp] = rank));
    this.last = new LastMatch(this.touchpointOf, tiers.length);
    this.pidOfRank = new Int32Array(tiers.length);
    this.ranks = new Int32Array(tiers.length);
    this.decided = new Int32Array(tiers.length);
    this.fileLast = new LastMatch(this.touchpointOf, tiers.length);
    const sources = new Array<string>(this.hits.length);
    const lines = new Int32Array(this.hits.length);
    for (let pid = 0; pid < this.hits.length; pid++) {
      sources[pid] = this.hits[pid]!.pattern.source;
      lines[pid] = this.hits[pid]!.pattern.line;
    }
    this.patternTable = { hits: this.hits, touchpointOf: this.touchpointOf, touchpoints: tiers.length, sources, lines };
    this.index = new PatternIndex(
      this.hits.map((hit) => ({ dir: hit.map.dir, source: hit.pattern.source, negated: hit.pattern.negated })),
    );
    this.walker = new IndexWalker(this.index, this.hits.length);
    this.coverages = this.hits.map(({ map, journey, touchpoint, pattern }) =>
      pattern.negated
        ? undefined
        : Object.freeze({ map, journey, touchpoint, pattern, symbolScoped: touchpoint.symbols.length > 0 }),
    );
  }

  /** How the patterns were indexed (how many took each fast path). */
  get indexShape(): PatternIndex['shape'] {
    return this.index.shape;
  }

  /**
   * Every touchpoint covering `path`, most critical journey first, then map, journey and touchpoint order.
   * The Coverage objects are shared between calls (one per pattern): treat them as read-only.
   */
  coverageOf(path: string): Coverage[] {
    const walker = this.walker;
    const slash = path.lastIndexOf('/');
    const dir = slash < 0 ? '' : path.slice(0, slash);
    let folder = this.walkerDir === dir ? this.walkerFolder : this.cachedFolder(dir);
    // A folder answered recently while the walker stands elsewhere: match only the file's name against it.
    if (folder !== undefined && this.walkerDir !== dir) {
      if (!walker.visitIn(folder.snapshot, path)) return this.fallback().coverageOf(path);
      if (walker.fileHitCount === 0) return folder.coverage.slice();
      return this.withFileHits(folder) ?? folder.coverage.slice();
    }
    if (!walker.visit(path)) {
      this.walkerDir = undefined;
      return this.fallback().coverageOf(path);
    }
    if (folder === undefined) {
      // Only a folder asked about twice is kept: a walk over many folders once each (a big diff, a
      // random sample) would only pay for copies it never uses, and churn the garbage collector.
      if (this.seen.has(dir)) {
        folder = this.rememberFolder(dir);
      } else {
        this.markSeen(dir);
        this.walkerDir = undefined;
        this.last.clear();
        this.last.add(walker.folderHits, walker.folderHitCount);
        this.last.add(walker.fileHits, walker.fileHitCount);
        return this.coveragesOf(this.deciding());
      }
    }
    this.walkerDir = dir;
    this.walkerFolder = folder;
    if (walker.fileHitCount === 0) return folder.coverage.slice();
    return this.withFileHits(folder) ?? folder.coverage.slice();
  }

  /**
   * What covers each of `paths`, as pattern numbers (see patternTable): for a caller that groups thousands of answers
   * (a change's impact), where a Coverage array per path, in order, costs more than the matching. One walk in sorted
   * order: a folder is matched once for all the paths below it. Within one path's answer the patterns come in no
   * particular order; each is the deciding pattern of one touchpoint covering the path.
   */
  decideAll(paths: readonly string[]): DecidedPatterns {
    const order = sortedOrder(paths);
    const start = new Int32Array(paths.length + 1);
    const out = new PidList(paths.length * 8);
    const walker = this.walker;
    this.walkerDir = undefined;
    const { touchpointOf, negated, last: folder, fileLast: file } = this;
    let version = -1;
    /** The deciding pattern of each touchpoint covering the current folders (a `!` one decides nothing). */
    let folderPids = new Int32Array(16);
    let folderCount = 0;
    for (let o = 0; o < order.length; o++) {
      start[o] = out.count;
      const path = paths[order[o]!]!;
      if (!walker.visit(path)) {
        for (const c of this.fallback().coverageOf(path)) out.push(this.pidOf(c));
        version = -1;
        continue;
      }
      if (walker.folderVersion !== version) {
        version = walker.folderVersion;
        folder.clear();
        folder.add(walker.folderHits, walker.folderHitCount);
        const count = folder.count;
        if (folderPids.length < count) folderPids = new Int32Array(count * 2);
        folderCount = 0;
        for (let i = 0; i < count; i++) {
          const pid = folder.last[folder.touched[i]!]!;
          if (negated[pid] === 0) folderPids[folderCount++] = pid;
        }
      }
      if (walker.fileHitCount === 0) {
        for (let i = 0; i < folderCount; i++) out.push(folderPids[i]!);
        continue;
      }
      // The file's own patterns on top of the folders': each touchpoint they touch is decided by the later pattern.
      file.clear();
      file.add(walker.fileHits, walker.fileHitCount);
      for (let i = 0; i < folderCount; i++) {
        const pid = folderPids[i]!;
        if (!file.has(touchpointOf[pid]!)) out.push(pid);
      }
      for (let i = 0; i < file.count; i++) {
        const tp = file.touched[i]!;
        const pid = folder.has(tp) ? Math.max(folder.last[tp]!, file.last[tp]!) : file.last[tp]!;
        if (negated[pid] === 0) out.push(pid);
      }
    }
    start[order.length] = out.count;
    return { order, start, pids: out.values.subarray(0, out.count) };
  }

  /**
   * The answer for a file of `folder` whose own name the walker's file hits matched: the folder's last pattern per
   * touchpoint, then the file's patterns on top. Undefined when they change nothing (the folder's answer holds).
   */
  private withFileHits(folder: FolderAnswer): Coverage[] | undefined {
    const walker = this.walker;
    const last = this.last;
    last.clear();
    last.add(folder.last, folder.last.length);
    const before = last.count;
    let changed = last.add(walker.fileHits, walker.fileHitCount);
    // A touchpoint only the file's patterns touch changes the answer when its last pattern is a plain one.
    for (let i = before; i < last.count && !changed; i++) changed = this.negated[last.last[last.touched[i]!]!] === 0;
    if (!changed) return undefined;
    return this.coveragesOf(this.deciding());
  }

  private markSeen(dir: string): void {
    if (this.seen.size >= FOLDER_CACHE * 4) this.seen.clear();
    this.seen.add(dir);
  }

  private cachedFolder(dir: string): FolderAnswer | undefined {
    let folder = this.folders.get(dir);
    if (folder === undefined && this.oldFolders.size > 0) {
      folder = this.oldFolders.get(dir);
      if (folder !== undefined) {
        if (this.folders.size >= FOLDER_CACHE) {
          this.oldFolders = this.folders;
          this.folders = new Map();
        }
        this.folders.set(dir, folder);
      }
    }
    return folder;
  }

  /** Works out and keeps the answer for the folders of the path the walker just visited. */
  private rememberFolder(dir: string): FolderAnswer {
    const walker = this.walker;
    this.last.clear();
    this.last.add(walker.folderHits, walker.folderHitCount);
    const { count, touched } = this.last;
    // A plain array: small typed arrays cost more to make than they save here.
    const last = new Array<number>(count);
    for (let i = 0; i < count; i++) last[i] = this.last.last[touched[i]!]!;
    const answer: FolderAnswer = {
      snapshot: walker.snapshot(),
      last,
      coverage: this.coveragesOf(this.deciding()),
    };
    // Bounded, in two generations, so a walk over a huge tree does not keep every folder: when the
    // young one is full it becomes the old one, and folders found in the old one move back to the young.
    if (this.folders.size >= FOLDER_CACHE) {
      this.oldFolders = this.folders;
      this.folders = new Map();
    }
    this.folders.set(dir, answer);
    return answer;
  }

  private coveragesOf(count: number): Coverage[] {
    const out = new Array<Coverage>(count);
    for (let i = 0; i < count; i++) out[i] = this.coverage(this.decided[i]!);
    return out;
  }

  /** Every pattern that matches `path` on its own, in map order: for `explain` and per-pattern counts. */
  patternsMatching(path: string): PatternHit[] {
    const walker = this.walker;
    this.walkerDir = undefined;
    if (!walker.visit(path)) return this.fallback().patternsMatching(path);
    const pids = [
      ...walker.folderHits.subarray(0, walker.folderHitCount),
      ...walker.fileHits.subarray(0, walker.fileHitCount),
    ];
    return pids.sort((a, b) => a - b).map((pid) => this.hits[pid]!);
  }

  /**
   * Coverage of a whole file list in one pass: what is covered, and how many files each pattern
   * and touchpoint covers. Sorts a copy of the paths when they are not sorted, since the walk
   * shares the work for folders that consecutive paths have in common.
   */
  coverageReport(paths: readonly string[]): CoverageCounts {
    // Lists are mostly sorted already (git ls-files, a sorted --files-from): walk them as they are, checking the order
    // on the way with what the walk compares anyway; only if a path comes out of order, sort and walk again.
    return this.walkReport(paths, undefined) ?? this.walkReport(paths, sortedOrder(paths))!;
  }

  /** coverageReport over `paths` in `order`; with no order, in the given one, or undefined as soon as it is not sorted. */
  private walkReport(paths: readonly string[], order: Uint32Array | undefined): CoverageCounts | undefined {
    const patternFiles = new Float64Array(this.hits.length);
    const decided = new Float64Array(this.hits.length);
    const touchpointFiles = new Float64Array(this.touchpoints.length);
    const uncovered = new Uint8Array(paths.length);
    const walker = new IndexWalker(this.index, this.hits.length);
    walker.folderPatternFiles = patternFiles;

    // Last-match-wins per touchpoint, in two layers: the folders' answer is worked out once per
    // folder and credited to all the files that keep it when the folder changes; each file only
    // adjusts the touchpoints its own patterns touch. So a file costs its own hits, not the
    // number of touchpoints covering its folder.
    const folder = new LastMatch(this.touchpointOf, this.touchpoints.length);
    let folderVersion = -1;
    let folderPlain = 0;
    /** Files that took the folders' answer for every touchpoint but `filesOverriding` says otherwise. */
    let filesInFolder = 0;
    const overridden = new Float64Array(this.touchpoints.length);
    const file = new LastMatch(this.touchpointOf, this.touchpoints.length);
    let covered = 0;

    const credit = (pid: number, files: number): void => {
      decided[pid]! += files;
      touchpointFiles[this.touchpointOf[pid]!]! += files;
    };
    const settleFolder = (): void => {
      for (let i = 0; i < folder.count; i++) {
        const tp = folder.touched[i]!;
        const pid = folder.last[tp]!;
        if (this.negated[pid] === 0) credit(pid, filesInFolder - overridden[tp]!);
        overridden[tp] = 0;
      }
      folder.clear();
      filesInFolder = 0;
    };

    let walkedLast = false;
    for (let o = 0; o < paths.length; o++) {
      const index = order === undefined ? o : order[o]!;
      const path = paths[index]!;
      if (!walker.visit(path)) {
        if (order === undefined && o > 0 && paths[o - 1]! > path) return undefined;
        walkedLast = false;
        if (this.countSlowly(path, patternFiles, credit) === 0) uncovered[index] = 1;
        else covered++;
        continue;
      }
      // The walker compared the path with the one it walked before: in order when that was the previous path.
      if (order === undefined && o > 0 && !(walkedLast ? walker.inOrder : !(paths[o - 1]! > path))) return undefined;
      walkedLast = true;
      if (folderVersion !== walker.folderVersion) {
        settleFolder();
        folderVersion = walker.folderVersion;
        folderPlain = 0;
        folder.add(walker.folderHits, walker.folderHitCount);
        for (let i = 0; i < folder.count; i++) if (this.negated[folder.last[folder.touched[i]!]!] === 0) folderPlain++;
      }
      filesInFolder++;
      let deciding = folderPlain;
      if (walker.fileHitCount > 0) {
        for (let i = 0; i < walker.fileHitCount; i++) patternFiles[walker.fileHits[i]!]!++;
        file.clear();
        file.add(walker.fileHits, walker.fileHitCount);
        for (let i = 0; i < file.count; i++) {
          const tp = file.touched[i]!;
          const before = folder.has(tp) ? folder.last[tp]! : -1;
          const after = Math.max(before, file.last[tp]!);
          if (after === before) continue;
          if (before !== -1) {
            overridden[tp]!++;
            if (this.negated[before] === 0) deciding--;
          }
          if (this.negated[after] === 0) {
            credit(after, 1);
            deciding++;
          }
        }
      }
      if (deciding === 0) uncovered[index] = 1;
      else covered++;
    }
    settleFolder();
    walker.finish();
    return {
      totalFiles: paths.length,
      coveredFiles: covered,
      uncoveredFiles: paths.filter((_, i) => uncovered[i] === 1),
      patterns: this.hits.map((hit, pid) => ({ ...hit, files: patternFiles[pid]!, decided: decided[pid]! })),
      touchpoints: this.touchpoints.map((entry, tp) => ({ ...entry, files: touchpointFiles[tp]! })),
    };
  }

  /** coverageReport's answer for a path the walker does not take; returns how many touchpoints cover it. */
  private countSlowly(path: string, patternFiles: Float64Array, credit: (pid: number, files: number) => void): number {
    const naive = this.fallback();
    // The naive matcher has hit objects of its own: patterns are found by what they are, not by the object.
    for (const hit of naive.patternsMatching(path)) patternFiles[this.pidOf(hit)]!++;
    const coverage = naive.coverageOf(path);
    for (const c of coverage) credit(this.pidOf(c), 1);
    return coverage.length;
  }

  private pidOf(hit: { touchpoint: Touchpoint; pattern: PathPattern }): number {
    return this.hits.findIndex((h) => h.touchpoint === hit.touchpoint && h.pattern === hit.pattern);
  }

  /**
   * The deciding pattern of each covering touchpoint the scratch `last` holds, written to `decided` in output order;
   * returns how many.
   */
  private deciding(): number {
    // Output order is each touchpoint's rank: sort the ranks as numbers, then read the pids back.
    const ranks = this.ranks;
    const { count, touched, last } = this.last;
    let covering = 0;
    for (let i = 0; i < count; i++) {
      const tp = touched[i]!;
      const pid = last[tp]!;
      if (this.negated[pid] !== 0) continue;
      const rank = this.touchpointRank[tp]!;
      this.pidOfRank[rank] = pid;
      ranks[covering++] = rank;
    }
    sortPrefix(ranks, covering);
    for (let i = 0; i < covering; i++) this.decided[i] = this.pidOfRank[ranks[i]!]!;
    return covering;
  }

  private coverage(pid: number): Coverage {
    return this.coverages[pid]!;
  }

  /** Paths with empty, `.` or `..` segments are rare enough to answer the slow, obviously right way. */
  private fallback(): NaiveMatcher {
    return (this.naive ??= new NaiveMatcher(this.maps));
  }
}

/**
 * The last matching pattern of each touchpoint among the pattern hits added since `clear` (contract §2: the last
 * matching pattern of a touchpoint's list decides, as in .gitignore). The one place that rule is written: hits come in
 * any order (outer folders first, then the file's name), and pids follow list order within a touchpoint, so the
 * larger pid is the later pattern.
 */
class LastMatch {
  /** By touchpoint: its last matching pid; valid for the touchpoints `has` answers true for. */
  readonly last: Int32Array;
  /** The touchpoints hit since `clear`, in the order first hit; the first `count` are valid. */
  readonly touched: Int32Array;
  count = 0;
  private readonly stampOf: Int32Array;
  private stamp = 1;

  constructor(
    private readonly touchpointOf: Int32Array,
    touchpoints: number,
  ) {
    this.last = new Int32Array(touchpoints);
    this.touched = new Int32Array(touchpoints);
    this.stampOf = new Int32Array(touchpoints);
  }

  /** Forgets every hit (in constant time). */
  clear(): void {
    this.stamp++;
    this.count = 0;
  }

  has(tp: number): boolean {
    return this.stampOf[tp] === this.stamp;
  }

  /** Adds the first `n` of `hits`; returns whether a touchpoint already hit got a later pattern. */
  add(hits: ArrayLike<number>, n: number): boolean {
    const { touchpointOf, last, stampOf, stamp } = this;
    let raised = false;
    for (let i = 0; i < n; i++) {
      const pid = hits[i]!;
      const tp = touchpointOf[pid]!;
      if (stampOf[tp] !== stamp) {
        stampOf[tp] = stamp;
        last[tp] = pid;
        this.touched[this.count++] = tp;
      } else if (pid > last[tp]!) {
        last[tp] = pid;
        raised = true;
      }
    }
    return raised;
  }
}

/** A growing list of pattern numbers. */
class PidList {
  values: Int32Array;
  count = 0;

  constructor(capacity: number) {
    this.values = new Int32Array(Math.max(16, capacity));
  }

  push(pid: number): void {
    if (this.count === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count++] = pid;
  }
}

/** Matcher.decideAll's answer: what covers each path, as pattern numbers (see Matcher.patternTable). */
export interface DecidedPatterns {
  /** The paths' indexes in the order of the answers (sorted path order). */
  order: Uint32Array;
  /** Answer k, for paths[order[k]], is pids[start[k] .. start[k + 1]): the deciding pattern of each covering touchpoint. */
  start: Int32Array;
  pids: Int32Array;
}

/** Each pattern of a Matcher by number: what it belongs to, its touchpoint's number, its text and line. */
export interface PatternTable {
  hits: readonly PatternHit[];
  touchpointOf: Int32Array;
  /** How many touchpoints there are (touchpoint numbers run below it). */
  touchpoints: number;
  sources: readonly string[];
  lines: Int32Array;
}

/** How many folders' answers coverageOf keeps per generation (up to about 1 KB each with dense maps). */
const FOLDER_CACHE = 2048;

/** The answer for a folder's files before their own names are matched. */
interface FolderAnswer {
  snapshot: WalkerSnapshot;
  /** For each touchpoint the folder's patterns touch, the last of its patterns that matches it (maybe a `!` one). */
  last: number[];
  /** Coverage of a file there that no pattern matches by name. */
  coverage: Coverage[];
}

/**
 * Sorts the first `count` numbers of `values` in place. A path's touchpoints are a few dozen, often nearly in order
 * (folder hits come outer folder first): insertion sort beats making a subarray for a native sort there.
 */
function sortPrefix(values: Int32Array, count: number): void {
  if (count > 48) {
    values.subarray(0, count).sort();
    return;
  }
  for (let i = 1; i < count; i++) {
    const value = values[i]!;
    let at = i;
    while (at > 0 && values[at - 1]! > value) {
      values[at] = values[at - 1]!;
      at--;
    }
    values[at] = value;
  }
}

/** Indexes of `paths` in sorted order (without sorting when they already are). */
function sortedOrder(paths: readonly string[]): Uint32Array {
  const order = new Uint32Array(paths.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  for (let i = 1; i < paths.length; i++) {
    if (paths[i - 1]! > paths[i]!)
      return order.sort((a, b) => (paths[a]! < paths[b]! ? -1 : paths[a]! > paths[b]! ? 1 : 0));
  }
  return order;
}
