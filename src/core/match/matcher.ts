import type { Coverage, CxMap, Journey, PathPattern, Touchpoint } from '../types';
import { tierRank } from '../types';
import { NaiveMatcher } from './naive';
import { IndexWalker, PatternIndex } from './pattern-index';

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
  private readonly lastHit: Int32Array;
  private readonly touchpointStamp: Int32Array;
  private stamp = 0;

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
    this.lastHit = new Int32Array(tiers.length);
    this.touchpointStamp = new Int32Array(tiers.length);
    this.index = new PatternIndex(this.hits.map((hit) => ({ dir: hit.map.dir, source: hit.pattern.source, negated: hit.pattern.negated })));
    this.walker = new IndexWalker(this.index, this.hits.length);
  }

  /** How the patterns were indexed (how many took each fast path). */
  get indexShape(): PatternIndex['shape'] {
    return this.index.shape;
  }

  /** Every touchpoint covering `path`, most critical journey first, then map, journey and touchpoint order. */
  coverageOf(path: string): Coverage[] {
    const segments = IndexWalker.segmentsOf(path);
    if (!segments) return this.fallback().coverageOf(path);
    this.walker.visit(path, segments);
    return this.decidingPatterns(this.walker).map((pid) => this.coverage(pid));
  }

  /** Every pattern that matches `path` on its own, in map order: for `explain` and per-pattern counts. */
  patternsMatching(path: string): PatternHit[] {
    const segments = IndexWalker.segmentsOf(path);
    if (!segments) return this.fallback().patternsMatching(path);
    const walker = this.walker;
    walker.visit(path, segments);
    const pids = [...walker.folderHits.subarray(0, walker.folderHitCount), ...walker.fileHits.subarray(0, walker.fileHitCount)];
    return pids.sort((a, b) => a - b).map((pid) => this.hits[pid]!);
  }

  /**
   * Coverage of a whole file list in one pass: what is covered, and how many files each pattern
   * and touchpoint covers. Sorts a copy of the paths when they are not sorted, since the walk
   * shares the work for folders that consecutive paths have in common.
   */
  coverageReport(paths: readonly string[]): CoverageCounts {
    const ordered = isSorted(paths) ? paths : [...paths].sort();
    const patternFiles = new Float64Array(this.hits.length);
    const decided = new Float64Array(this.hits.length);
    const touchpointFiles = new Float64Array(this.touchpoints.length);
    const walker = new IndexWalker(this.index, this.hits.length);
    walker.onFolderPatternLeft = (pid, enteredAt) => (patternFiles[pid]! += walker.filesWalked - enteredAt);
    const uncovered = new Set<string>();
    let covered = 0;
    let cachedVersion = -1;
    let cached: number[] = [];
    for (const path of ordered) {
      const segments = IndexWalker.segmentsOf(path);
      let deciding: number[];
      if (segments) {
        walker.visit(path, segments);
        for (let i = 0; i < walker.fileHitCount; i++) patternFiles[walker.fileHits[i]!]!++;
        if (walker.fileHitCount === 0) {
          // Files in the same folder with no pattern of their own share the folder's answer.
          if (cachedVersion !== walker.folderVersion) {
            cached = this.decidingPatterns(walker);
            cachedVersion = walker.folderVersion;
          }
          deciding = cached;
        } else {
          deciding = this.decidingPatterns(walker);
        }
      } else {
        const naive = this.fallback();
        for (const hit of naive.patternsMatching(path)) patternFiles[this.hits.indexOf(hit)]!++;
        deciding = naive.coverageOf(path).map((c) => this.hits.findIndex((h) => h.touchpoint === c.touchpoint && h.pattern === c.pattern));
      }
      if (deciding.length === 0) {
        uncovered.add(path);
        continue;
      }
      covered++;
      for (const pid of deciding) {
        decided[pid]!++;
        touchpointFiles[this.touchpointOf[pid]!]!++;
      }
    }
    walker.finish();
    return {
      totalFiles: paths.length,
      coveredFiles: covered,
      uncoveredFiles: paths.filter((path) => uncovered.has(path)),
      patterns: this.hits.map((hit, pid) => ({ ...hit, files: patternFiles[pid]!, decided: decided[pid]! })),
      touchpoints: this.touchpoints.map((entry, tp) => ({ ...entry, files: touchpointFiles[tp]! })),
    };
  }

  /** For each covering touchpoint, its last matching pattern, in output order. */
  private decidingPatterns(walker: IndexWalker): number[] {
    const stamp = ++this.stamp;
    const touched: number[] = [];
    const visit = (pid: number): void => {
      const tp = this.touchpointOf[pid]!;
      if (this.touchpointStamp[tp] !== stamp) {
        this.touchpointStamp[tp] = stamp;
        this.lastHit[tp] = pid;
        touched.push(tp);
      } else if (pid > this.lastHit[tp]!) {
        // pids follow list order within a touchpoint, so the larger one is the later pattern.
        this.lastHit[tp] = pid;
      }
    };
    for (let i = 0; i < walker.folderHitCount; i++) visit(walker.folderHits[i]!);
    for (let i = 0; i < walker.fileHitCount; i++) visit(walker.fileHits[i]!);
    const deciding: number[] = [];
    for (const tp of touched) {
      const pid = this.lastHit[tp]!;
      if (this.negated[pid] === 0) deciding.push(pid);
    }
    if (deciding.length > 1) deciding.sort((a, b) => this.touchpointRank[this.touchpointOf[a]!]! - this.touchpointRank[this.touchpointOf[b]!]!);
    return deciding;
  }

  private coverage(pid: number): Coverage {
    const { map, journey, touchpoint, pattern } = this.hits[pid]!;
    return { map, journey, touchpoint, pattern, symbolScoped: touchpoint.symbols.length > 0 };
  }

  /** Paths with empty, `.` or `..` segments are rare enough to answer the slow, obviously right way. */
  private fallback(): NaiveMatcher {
    return (this.naive ??= new NaiveMatcher(this.maps));
  }
}

function isSorted(paths: readonly string[]): boolean {
  for (let i = 1; i < paths.length; i++) if (paths[i - 1]! > paths[i]!) return false;
  return true;
}
