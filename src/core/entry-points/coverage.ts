// Which journeys reach each entry point: a touchpoint covers an entry point when it covers the handler's file, or,
// when the touchpoint names symbols, when one of them names the handler.
import type { Coverage } from '../types';
import { anySymbolMatches } from '../symbols';
import type { EntryPoint } from './types';

export interface EntryPointTouchpoint {
  journey: string;
  touchpoint: string;
  map: string;
}

export interface CoveredEntryPoint extends EntryPoint {
  touchpoints: EntryPointTouchpoint[];
}

export interface EntryPointReport {
  entryPoints: CoveredEntryPoint[];
  total: number;
  covered: number;
}

export function entryPointCoverage(
  points: readonly EntryPoint[],
  coverageOf: (path: string) => Coverage[],
): EntryPointReport {
  const entryPoints = points.map((point) => {
    const touchpoints: EntryPointTouchpoint[] = [];
    const seen = new Set<string>();
    for (const c of coverageOf(point.handlerFile)) {
      if (c.symbolScoped && (point.handler === undefined || !anySymbolMatches(c.touchpoint.symbols, point.handler)))
        continue;
      const key = `${c.map.file}\u0000${c.journey.id}\u0000${c.touchpoint.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      touchpoints.push({ journey: c.journey.id, touchpoint: c.touchpoint.id, map: c.map.file });
    }
    return { ...point, touchpoints };
  });
  return {
    entryPoints,
    total: entryPoints.length,
    covered: entryPoints.filter((p) => p.touchpoints.length > 0).length,
  };
}

/** The entry point as one line: `GET /orders/:id`, `Query.orders`, `page /checkout`. */
export function entryPointLabel(point: EntryPoint): string {
  if (point.kind === 'graphql') return point.operation ?? '';
  if (point.kind === 'page') return `page ${point.route ?? ''}`;
  return `${point.method ?? 'ANY'} ${point.route ?? ''}`;
}

/** The first segment of the route (`/orders/:id` -> `/orders`), or the GraphQL type, for grouping. */
export function routePrefix(point: EntryPoint): string {
  if (point.kind === 'graphql') return (point.operation ?? '').split('.')[0] ?? '';
  const segments = (point.route ?? '/').split('/').filter((s) => s.length > 0);
  // `/api/orders/1` groups under `/api/orders`: an API prefix alone says little.
  const take = segments[0] === 'api' || /^v\d+$/.test(segments[0] ?? '') ? 2 : 1;
  const head = segments.slice(0, take).filter((s) => !/^[:{[<]/.test(s));
  return `/${head.join('/')}`;
}
