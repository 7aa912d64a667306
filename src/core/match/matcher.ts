import type { Coverage, CxMap, Journey, PathPattern, Touchpoint } from '../types';

/** A pattern that matches a path on its own (plain or negated), whatever the rest of its list says. */
export interface PatternHit {
  map: CxMap;
  journey: Journey;
  touchpoint: Touchpoint;
  pattern: PathPattern;
}

/**
 * Decides which touchpoints cover a path (contract §2) across every map of a repository.
 * Paths are relative to the root the maps were discovered under, with `/`.
 */
export class Matcher {
  constructor(readonly maps: readonly CxMap[]) {
    throw new Error('not implemented yet');
  }

  /** Every touchpoint covering `path`, most critical journey first, then map, journey and touchpoint order. */
  coverageOf(path: string): Coverage[] {
    void path;
    return [];
  }

  /** Every pattern that matches `path` on its own, in map order: for `explain` and per-pattern counts. */
  patternsMatching(path: string): PatternHit[] {
    void path;
    return [];
  }
}
