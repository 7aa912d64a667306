// Builds CxMap objects straight from data, without YAML: for tests and the benchmark, which
// exercise the matcher and need maps of any shape and size, and for the coverage worker, which
// gets maps as slim JSON.
import type { CxMap, Journey, PathPattern, Range, Tier, Touchpoint } from '../types';

export interface TouchpointSpec {
  id: string;
  paths: readonly string[];
  symbols?: readonly string[];
}

export interface JourneySpec {
  id: string;
  tier?: Tier;
  touchpoints: readonly TouchpointSpec[];
}

const NOWHERE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A map governing `dir` ('' = the root), with one line per pattern so `line` tells patterns apart. */
export function literalMap(dir: string, journeys: readonly JourneySpec[]): CxMap {
  let line = 0;
  const toJourney = (spec: JourneySpec): Journey => ({
    id: spec.id,
    name: spec.id,
    tier: spec.tier ?? 'medium',
    links: [],
    range: NOWHERE,
    idRange: NOWHERE,
    touchpoints: spec.touchpoints.map((tp): Touchpoint => ({
      id: tp.id,
      name: tp.id,
      symbols: [...(tp.symbols ?? [])],
      range: NOWHERE,
      idRange: NOWHERE,
      paths: tp.paths.map((source): PathPattern => {
        const start = { line: line++, character: 0 };
        return { source, negated: source.startsWith('!'), range: { start, end: start }, line: start.line + 1 };
      }),
    })),
  });
  return { file: dir === '' ? 'cx-map.yaml' : `${dir}/cx-map.yaml`, dir, journeys: journeys.map(toJourney) };
}
