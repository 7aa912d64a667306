// How much of a repository the maps cover (`coverage`), and why a path is covered (`explain`).
import type { Coverage, CxMap, Journey, PathPattern, Tier, Touchpoint } from './types';
import type { PatternHit } from './match/matcher';
import { byPath } from './impact';

/** The slice of a Matcher these reports need. */
export interface CoverageMatcher {
  readonly maps: readonly CxMap[];
  coverageOf(path: string): Coverage[];
  patternsMatching(path: string): PatternHit[];
}

export interface PatternUse {
  map: string;
  journey: string;
  touchpoint: string;
  pattern: string;
  line: number;
  negated: boolean;
  /** How many of the files the pattern matches on its own (for a `!` pattern: how many it could exclude). */
  files: number;
}

export interface CoverageReport {
  totalFiles: number;
  coveredFiles: number;
  uncoveredFiles: string[];
  patterns: PatternUse[];
}

function patternKey(map: CxMap, journey: Journey, touchpoint: Touchpoint, pattern: PathPattern): string {
  const { line, character } = pattern.range.start;
  return [map.file, journey.id, touchpoint.id, `${line}:${character}`, pattern.source].join('\u0000');
}

export function computeCoverage(matcher: CoverageMatcher, files: readonly string[]): CoverageReport {
  const counts = new Map<string, number>();
  const uncovered: string[] = [];
  const unique = [...new Set(files)].sort(byPath);
  for (const file of unique) {
    if (matcher.coverageOf(file).length === 0) uncovered.push(file);
    for (const hit of matcher.patternsMatching(file)) {
      const key = patternKey(hit.map, hit.journey, hit.touchpoint, hit.pattern);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const patterns: PatternUse[] = [];
  for (const map of [...matcher.maps].sort((a, b) => byPath(a.file, b.file)))
    for (const journey of map.journeys)
      for (const touchpoint of journey.touchpoints)
        for (const pattern of touchpoint.paths)
          patterns.push({
            map: map.file,
            journey: journey.id,
            touchpoint: touchpoint.id,
            pattern: pattern.source,
            line: pattern.line,
            negated: pattern.negated,
            files: counts.get(patternKey(map, journey, touchpoint, pattern)) ?? 0,
          });
  return { totalFiles: unique.length, coveredFiles: unique.length - uncovered.length, uncoveredFiles: uncovered, patterns };
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
