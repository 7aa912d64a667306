// Adds indirect reach to an impact report (contract §4 JSON, §5.3): the touchpoints each unmapped changed file
// reaches through imports, shown apart from direct reach; shared infrastructure once; `unmappedFiles` narrowed to
// the changed files with no reach at all. Direct reach always wins: a journey touched directly stays `direct`.
import {
  byPath,
  type ImpactReport,
  type IndirectHit,
  type JourneyImpact,
  type TouchpointImpact,
} from '../impact/impact';
import type { Coverage, CxMap, Journey } from '../types';
import { tierRank } from '../types';
import type { DependencyGraph } from './graph';
import { reachOf, type FileReach, type IndirectOptions, type ReachTarget } from './reach';

/** What reach needs from a file's coverage: keyed by map, journey and touchpoint. */
export function reachTargets(coverage: readonly Coverage[]): ReachTarget<Coverage>[] {
  return coverage.map((c) => {
    const target: ReachTarget<Coverage> = {
      touchpoint: `${c.map.file}\u0000${c.journey.id}\u0000${c.touchpoint.id}`,
      journey: `${c.map.file}\u0000${c.journey.id}`,
      value: c,
    };
    if (c.symbolScoped && c.touchpoint.symbols.length > 0) target.symbols = c.touchpoint.symbols;
    return target;
  });
}

export function reachOfFiles(
  graph: DependencyGraph,
  files: readonly string[],
  coverageOf: (file: string) => Coverage[],
  options: IndirectOptions,
): FileReach<Coverage>[] {
  const memo = new Map<string, ReachTarget<Coverage>[]>();
  const targets = (file: string): ReachTarget<Coverage>[] => {
    let hit = memo.get(file);
    if (!hit) {
      hit = reachTargets(coverageOf(file));
      memo.set(file, hit);
    }
    return hit;
  };
  return files.map((file) => reachOf(graph, file, targets, options));
}

export function addIndirectImpact(report: ImpactReport, reaches: readonly FileReach<Coverage>[]): ImpactReport {
  const journeys = report.journeys.map((j) => ({
    ...j,
    reach: 'direct' as const,
    touchpoints: j.touchpoints.map((tp) => ({ ...tp })),
  })) as JourneyImpact[];
  const byKey = new Map(journeys.map((j) => [`${j.map}\u0000${j.id}`, j]));
  const order = new Map<JourneyImpact, number>();
  const journeyOf = new Map<JourneyImpact, Journey>();
  const reached = new Set<string>();
  const shared: { file: string; importers: number }[] = [];
  const beyond: { file: string; touchpoints: number }[] = [];

  for (const r of reaches) {
    if (r.shared) {
      shared.push({ file: r.file, importers: r.shared.importers });
      continue;
    }
    if (r.hits.length === 0) {
      if (r.beyond > 0) beyond.push({ file: r.file, touchpoints: r.beyond });
      continue;
    }
    reached.add(r.file);
    for (const hit of r.hits) {
      const { map, journey, touchpoint } = hit.target.value;
      let j = byKey.get(`${map.file}\u0000${journey.id}`);
      if (!j) {
        j = newJourney(map, journey);
        byKey.set(`${map.file}\u0000${journey.id}`, j);
        journeys.push(j);
      }
      order.set(j, map.journeys.indexOf(journey));
      let tp = j.touchpoints.find((t) => t.id === touchpoint.id);
      if (!tp) {
        tp = { id: touchpoint.id, name: touchpoint.name } as TouchpointImpact;
        if (touchpoint.channel) tp.channel = touchpoint.channel;
        tp.files = [];
        tp.reasons = [];
        j.touchpoints.push(tp);
      }
      journeyOf.set(j, journey);
      const entry: IndirectHit = { file: r.file, hops: hit.hops, via: hit.via };
      if (hit.standIns) entry.standIns = hit.standIns;
      if (hit.symbol !== undefined) entry.symbol = hit.symbol;
      (tp.indirect ??= []).push(entry);
    }
  }

  for (const [j, journey] of journeyOf) {
    // Touchpoints stay in the journey's order; those reached only indirectly join at their place.
    const index = (tp: TouchpointImpact): number => journey.touchpoints.findIndex((t) => t.id === tp.id);
    j.touchpoints.sort((a, b) => index(a) - index(b));
    for (const tp of j.touchpoints) tp.indirect?.sort((a, b) => a.hops - b.hops || byPath(a.file, b.file));
  }
  // The journeys reached only indirectly take their place by tier, map and order in the map, as direct ones do.
  const directOrder = new Map(report.journeys.map((j, i) => [`${j.map}\u0000${j.id}`, i]));
  journeys.sort((a, b) => {
    const tier = tierRank(a.tier) - tierRank(b.tier);
    if (tier !== 0) return tier;
    const da = directOrder.get(`${a.map}\u0000${a.id}`);
    const db = directOrder.get(`${b.map}\u0000${b.id}`);
    if (da !== undefined && db !== undefined) return da - db;
    return byPath(a.map, b.map) || (order.get(a) ?? da ?? 0) - (order.get(b) ?? db ?? 0);
  });

  const sharedFiles = new Set(shared.map((s) => s.file));
  const out: ImpactReport = {
    ...report,
    journeys,
    unmappedFiles: report.unmappedFiles.filter((f) => !reached.has(f) && !sharedFiles.has(f)),
    shared: shared.sort((a, b) => b.importers - a.importers || byPath(a.file, b.file)),
  };
  if (beyond.length > 0) out.indirectBeyond = beyond;
  return out;
}

function newJourney(map: CxMap, journey: Journey): JourneyImpact {
  const out = { id: journey.id, name: journey.name, tier: journey.tier, map: map.file } as JourneyImpact;
  if (journey.owner !== undefined) out.owner = journey.owner;
  if (journey.description !== undefined) out.description = journey.description;
  if (journey.slo !== undefined) out.slo = journey.slo;
  if (journey.customers !== undefined) out.customers = journey.customers;
  out.links = journey.links.map((l) => ({ name: l.name, url: l.url }));
  out.touchpoints = [];
  out.reach = 'indirect';
  return out;
}
