// How much of a repository the maps cover (`coverage`), and why a path is covered (`explain`).
import type { Tier } from '../types';
import type { Matcher } from '../match/matcher';
import { byPath } from './impact';

/** The slice of a Matcher these reports need. */
export type CoverageMatcher = Pick<Matcher, 'coverageOf' | 'coverageReport'>;

export interface PatternUse {
  map: string;
  journey: string;
  touchpoint: string;
  pattern: string;
  line: number;
  negated: boolean;
  /** How many files the pattern matches on its own (for a `!` pattern: how many it could exclude). */
  files: number;
  /** How many files it decided: the last matching pattern of its touchpoint's list (0 for a `!` pattern). */
  decided: number;
}

export interface TouchpointUse {
  map: string;
  journey: string;
  touchpoint: string;
  files: number;
}

export interface CoverageReport {
  totalFiles: number;
  coveredFiles: number;
  uncoveredFiles: string[];
  patterns: PatternUse[];
  touchpoints: TouchpointUse[];
}

export function computeCoverage(matcher: Pick<Matcher, 'coverageReport'>, files: readonly string[]): CoverageReport {
  const counts = matcher.coverageReport([...new Set(files)].sort(byPath));
  return {
    totalFiles: counts.totalFiles,
    coveredFiles: counts.coveredFiles,
    uncoveredFiles: counts.uncoveredFiles,
    patterns: counts.patterns.map((p) => ({
      map: p.map.file,
      journey: p.journey.id,
      touchpoint: p.touchpoint.id,
      pattern: p.pattern.source,
      line: p.pattern.line,
      negated: p.pattern.negated,
      files: p.files,
      decided: p.decided,
    })),
    touchpoints: counts.touchpoints.map((t) => ({
      map: t.map.file,
      journey: t.journey.id,
      touchpoint: t.touchpoint.id,
      files: t.files,
    })),
  };
}

export interface ExplainedTouchpoint {
  journey: string;
  touchpoint: string;
  map: string;
  pattern: string;
  line: number;
  journeyName: string;
  touchpointName: string;
  tier: Tier;
  /** The touchpoint names symbols: only part of the file belongs to it. */
  symbols?: string[];
}

export interface ExplainEntry {
  path: string;
  touchpoints: ExplainedTouchpoint[];
}

export function explainPaths(matcher: Pick<CoverageMatcher, 'coverageOf'>, paths: readonly string[]): ExplainEntry[] {
  return paths.map((path) => ({
    path,
    touchpoints: matcher.coverageOf(path).map((c) => {
      const out: ExplainedTouchpoint = {
        journey: c.journey.id,
        touchpoint: c.touchpoint.id,
        map: c.map.file,
        pattern: c.pattern.source,
        line: c.pattern.line,
        journeyName: c.journey.name,
        touchpointName: c.touchpoint.name,
        tier: c.journey.tier,
      };
      if (c.symbolScoped) out.symbols = [...c.touchpoint.symbols];
      return out;
    }),
  }));
}
