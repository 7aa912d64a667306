// The map and files both CodeLens benchmarks time a request against (scripts/bench.ts for issue #4, scripts/bench-symbols.ts
// for #13): a 1,000-pattern generated map plus a journey of the bench file's own, one whole-file touchpoint and two
// scoped to symbols, and 1,000 files under it.
import { literalMap } from '../../src/core/match/literal-map';
import { Matcher } from '../../src/core/match/matcher';
import { seededRandom, syntheticMaps, syntheticPaths } from './synthetic-repo';

export interface LensBench {
  matcher: Matcher;
  files: string[];
  /** Patterns in all the maps. */
  patterns: number;
}

export function lensBench(): LensBench {
  const random = seededRandom(4);
  const maps = syntheticMaps(syntheticPaths(10_000, random), { patterns: 1_000 }, random);
  const own = literalMap('', [
    {
      id: 'lens-bench',
      tier: 'critical',
      touchpoints: [
        { id: 'whole', paths: ['services/lens-bench/**'] },
        { id: 'scoped', paths: ['services/lens-bench/**/*.ts'], symbols: ['Service1*.method3', 'helper1*'] },
        { id: 'other', paths: ['services/lens-bench/module-1/**'], symbols: ['Service2.*'] },
      ],
    },
  ]);
  const all = [...maps, own];
  return {
    matcher: new Matcher(all),
    files: Array.from({ length: 1_000 }, (_, i) => `services/lens-bench/module-${i % 50}/file-${i}.ts`),
    patterns: all.reduce(
      (n, m) => n + m.journeys.reduce((k, j) => k + j.touchpoints.reduce((t, tp) => t + tp.paths.length, 0), 0),
      0,
    ),
  };
}
