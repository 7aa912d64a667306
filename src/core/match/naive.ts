// The definition of correctness for contract §2, written as plainly as possible: for each
// pattern, for each prefix of the path, ask minimatch. Slow on purpose; the tests and the
// benchmark hold the indexed Matcher to it.
import { Minimatch } from 'minimatch';
import type { Coverage, CxMap } from '../types';
import { tierRank } from '../types';
import type { PatternHit } from './matcher';
import { MATCH_OPTIONS, normalizePattern } from './pattern';

interface NaivePattern {
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
                glob: normalized && new Minimatch(normalized.body, MATCH_OPTIONS),
                dirOnly: normalized?.dirOnly ?? false,
              };
            }),
          );
        }
      }
    }
  }

  /** Does the pattern match the path itself or one of its folders (contract §2.2, §2.3)? */
  covers(entry: NaivePattern, path: string): boolean {
    if (!entry.glob) return false;
    const relative = pathInMap(path, entry.hit.map.dir);
    if (relative === undefined) return false;
    const segments = relative.split('/');
    const last = entry.dirOnly ? segments.length - 1 : segments.length;
    for (let k = 1; k <= last; k++) {
      if (entry.glob.match(segments.slice(0, k).join('/'))) return true;
    }
    return false;
  }

  patternsMatching(path: string): PatternHit[] {
    const hits: PatternHit[] = [];
    for (const list of this.touchpoints) for (const entry of list) if (this.covers(entry, path)) hits.push(entry.hit);
    return hits;
  }

  coverageOf(path: string): Coverage[] {
    const result: Coverage[] = [];
    for (const list of this.touchpoints) {
      let deciding: NaivePattern | undefined;
      for (const entry of list) if (this.covers(entry, path)) deciding = entry;
      if (deciding && !deciding.hit.pattern.negated) {
        const { map, journey, touchpoint, pattern } = deciding.hit;
        result.push({ map, journey, touchpoint, pattern, symbolScoped: touchpoint.symbols.length > 0 });
      }
    }
    // Array.prototype.sort is stable, so map, journey and touchpoint order survive within a tier.
    return result.sort((a, b) => tierRank(a.journey.tier) - tierRank(b.journey.tier));
  }
}
