// Small maps and prefix coverage for the views' unit tests (imported only by *.test.ts).
import type { Channel, Coverage, CxMap, Journey, Tier, Touchpoint } from '../core/types';

const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 1 } });

export interface TouchpointSpec {
  id: string;
  /** `a/` covers everything below `a/`. */
  prefixes: string[];
  channel?: Channel;
  symbols?: string[];
}

/** Journey ids sit on lines 10, 20…; touchpoint ids on journey line + 2, + 4…; patterns on the touchpoint line + 1. */
export function makeMap(file: string, journeys: { id: string; tier: Tier; touchpoints: TouchpointSpec[] }[]): CxMap {
  return {
    file,
    dir: file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '',
    journeys: journeys.map((j, ji): Journey => {
      const jl = 10 * (ji + 1) - 1;
      return {
        id: j.id,
        name: `Journey ${j.id}`,
        tier: j.tier,
        links: [],
        range: at(jl),
        idRange: at(jl),
        touchpoints: j.touchpoints.map((t, ti): Touchpoint => {
          const tl = jl + 2 * (ti + 1);
          const touchpoint: Touchpoint = {
            id: t.id,
            name: `Touchpoint ${t.id}`,
            paths: t.prefixes.map((p, k) => ({
              source: `${p}**`,
              negated: false,
              range: at(tl + 1 + k),
              line: tl + 2 + k,
            })),
            symbols: t.symbols ?? [],
            range: at(tl),
            idRange: at(tl),
          };
          if (t.channel) touchpoint.channel = t.channel;
          return touchpoint;
        }),
      };
    }),
  };
}

/** `coverageOf` is a function property, so tests can pass it on its own. */
export function prefixCoverage(maps: readonly CxMap[]): { coverageOf: (path: string) => Coverage[] } {
  return {
    coverageOf: (path: string): Coverage[] => {
      const out: Coverage[] = [];
      for (const map of maps)
        for (const journey of map.journeys)
          for (const touchpoint of journey.touchpoints) {
            const pattern = [...touchpoint.paths].reverse().find((p) => path.startsWith(p.source.slice(0, -2)));
            if (pattern) out.push({ map, journey, touchpoint, pattern, symbolScoped: touchpoint.symbols.length > 0 });
          }
      return out;
    },
  };
}
