// Counting what maps cover in a whole file list: every pattern, touchpoint and journey in one job. Pure (no vscode):
// the coverage worker runs it off the extension host's thread, the extension falls back to it in-thread, and the
// unit tests call it directly. Maps cross the thread boundary as slim JSON (the matcher needs no ranges or names).
import { Matcher, type CoverageCounts } from '../core/match/matcher';
import { literalMap } from '../core/match/literal-map';
import type { CxMap, Journey, Range, Tier, Touchpoint } from '../core/types';

/** `services/x.sql` → `**\/services/x.sql`: the same pattern matched at any depth; undefined when already so. */
export function unanchored(source: string): string | undefined {
  const negated = source.startsWith('!');
  const body = (negated ? source.slice(1) : source).replace(/^(\.\/|\/)+/, '');
  if (body === '' || body.startsWith('**')) return undefined;
  return `${negated ? '!' : ''}**/${body}`;
}

/** What a count job answers, as plain arrays (they cross threads). Indexes follow map, journey, touchpoint, pattern order. */
export interface RawCounts {
  totalFiles: number;
  coveredFiles: number;
  /** Indexes into the file list of the files no touchpoint covers. */
  uncovered: Uint32Array;
  patternFiles: Float64Array;
  patternDecided: Float64Array;
  touchpointFiles: Float64Array;
  /** Files each journey covers through any of its touchpoints, a file counted once. */
  journeyFiles: Float64Array;
  /** For each touchpoint with `symbols` (by index): the first SYMBOL_FILES files it covers, as indexes into the list. */
  symbolFiles: Array<{ touchpoint: number; files: number[] }>;
  /** For plain patterns that cover nothing: their `**\/` form, when that covers something (pattern index, pattern, files). */
  alternatives: Array<{ pattern: number; source: string; files: number }>;
  /** Milliseconds of counting (compile included), measured where it ran. */
  ms: number;
}

/** Files of a touchpoint with `symbols` whose symbols are looked up: each may start a language server's work. */
export const SYMBOL_FILES = 20;

export interface JourneyCount {
  map: CxMap;
  journey: Journey;
  files: number;
}

/** CoverageCounts with what the editor also shows: journeys' file counts and `**\/` alternatives of empty patterns. */
export interface WorkspaceCounts extends CoverageCounts {
  journeys: JourneyCount[];
  /** By pattern (the PathPattern object of `patterns`): its `**\/` form and what that would cover. */
  alternatives: Map<object, { pattern: string; files: number }>;
  /** For each touchpoint with `symbols`: the first SYMBOL_FILES files it covers, in path order. */
  symbolFiles: Map<Touchpoint, string[]>;
}

const NOWHERE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

interface SlimMap {
  f: string;
  d: string;
  j: Array<{ i: string; t: string; p: Array<{ i: string; s: string[]; y?: string[] }> }>;
}

/** The part of the maps the matcher reads, as JSON: cheap to send to the worker, and a stable cache key. */
export function slimMapsJson(maps: readonly CxMap[]): string {
  const slim: SlimMap[] = maps.map((m) => ({
    f: m.file,
    d: m.dir,
    j: m.journeys.map((j) => ({
      i: j.id,
      t: j.tier,
      p: j.touchpoints.map((t) => ({
        i: t.id,
        s: t.paths.map((p) => p.source),
        ...(t.symbols.length ? { y: t.symbols } : {}),
      })),
    })),
  }));
  return JSON.stringify(slim);
}

/** Maps back from slimMapsJson: enough for a Matcher (names, links and ranges left out). */
export function mapsFromSlimJson(json: string): CxMap[] {
  return (JSON.parse(json) as SlimMap[]).map((m) => ({
    ...literalMap(
      m.d,
      m.j.map((j) => ({
        id: j.i,
        tier: j.t as Tier,
        touchpoints: j.p.map((t) => ({ id: t.i, paths: t.s, symbols: t.y })),
      })),
    ),
    file: m.f,
  }));
}

/**
 * Everything the editor counts for `maps` over `files` (sorted paths relative to the maps' root): one coverage report
 * for patterns and touchpoints, one more walk for journeys only when some journey has several touchpoints (a file
 * two of them cover counts once), and one report of the `**\/` forms of the patterns that cover nothing.
 */
export function countCoverage(maps: readonly CxMap[], files: readonly string[]): RawCounts {
  const started = performance.now();
  const matcher = new Matcher(maps);
  const report = matcher.coverageReport(files);
  const uncovered = new Uint32Array(report.totalFiles - report.coveredFiles);
  {
    // uncoveredFiles keeps the list's order; the indexes are found by walking both.
    let u = 0;
    for (let i = 0; i < files.length && u < uncovered.length; i++)
      if (files[i] === report.uncoveredFiles[u]) uncovered[u++] = i;
  }
  const journeyIndex = new Map<Journey, number>();
  const journeyFiles: number[] = [];
  const symbolFiles = new Map<Touchpoint, { touchpoint: number; files: number[] }>();
  let shared = false;
  let tp = 0;
  for (const map of maps) {
    for (const journey of map.journeys) {
      journeyIndex.set(journey, journeyFiles.length);
      journeyFiles.push(0);
      if (journey.touchpoints.length > 1) shared = true;
      for (const touchpoint of journey.touchpoints) {
        if (touchpoint.symbols.length > 0) symbolFiles.set(touchpoint, { touchpoint: tp, files: [] });
        tp++;
      }
    }
  }
  const touchpointFiles = Float64Array.from(report.touchpoints, (t) => t.files);
  const journeys = new Float64Array(journeyFiles.length);
  if (shared || symbolFiles.size > 0) {
    const isUncovered = new Uint8Array(files.length);
    for (const i of uncovered) isUncovered[i] = 1;
    const seen = new Set<Journey>();
    for (let i = 0; i < files.length; i++) {
      if (isUncovered[i] === 1) continue;
      seen.clear();
      for (const c of matcher.coverageOf(files[i]!)) {
        const sample = c.touchpoint.symbols.length > 0 ? symbolFiles.get(c.touchpoint) : undefined;
        if (sample && sample.files.length < SYMBOL_FILES) sample.files.push(i);
        if (seen.has(c.journey)) continue;
        seen.add(c.journey);
        journeys[journeyIndex.get(c.journey)!]!++;
      }
    }
  }
  if (!shared) {
    // One touchpoint per journey: its count is the journey's.
    let t = 0;
    for (const map of maps)
      for (const journey of map.journeys)
        for (const _ of journey.touchpoints) journeys[journeyIndex.get(journey)!] = touchpointFiles[t++]!;
  }
  return {
    totalFiles: report.totalFiles,
    coveredFiles: report.coveredFiles,
    uncovered,
    patternFiles: Float64Array.from(report.patterns, (p) => p.files),
    patternDecided: Float64Array.from(report.patterns, (p) => p.decided),
    touchpointFiles,
    journeyFiles: journeys,
    symbolFiles: [...symbolFiles.values()],
    alternatives: alternativesOf(report, files),
    ms: performance.now() - started,
  };
}

/**
 * Empty patterns whose `**\/` form is tried, at most (the first ones in map order). `**\/` patterns are matched under
 * every folder: a generated map with 1,460 empty patterns took minutes to try them all over 200,000 files.
 */
export const MAX_ALTERNATIVES = 50;

/** The `**\/` form of each plain pattern that covers nothing, with what it would cover, when that is something. */
function alternativesOf(report: CoverageCounts, files: readonly string[]): RawCounts['alternatives'] {
  const candidates: Array<{ index: number; source: string; dir: string; file: string }> = [];
  report.patterns.forEach((p, index) => {
    if (p.pattern.negated || p.files > 0 || candidates.length >= MAX_ALTERNATIVES) return;
    const source = unanchored(p.pattern.source);
    if (source !== undefined) candidates.push({ index, source, dir: p.map.dir, file: p.map.file });
  });
  if (candidates.length === 0) return [];
  // One probe map per map folder, one touchpoint per candidate: a single report counts them all.
  const byMap = new Map<string, CxMap>();
  for (const c of candidates) {
    let probe = byMap.get(c.file);
    if (!probe)
      byMap.set(
        c.file,
        (probe = {
          file: c.file,
          dir: c.dir,
          journeys: [
            { id: 'probe', name: 'probe', tier: 'low', links: [], range: NOWHERE, idRange: NOWHERE, touchpoints: [] },
          ],
        }),
      );
    probe.journeys[0]!.touchpoints.push({
      id: `p${c.index}`,
      name: c.source,
      symbols: [],
      range: NOWHERE,
      idRange: NOWHERE,
      paths: [{ source: c.source, negated: false, range: NOWHERE, line: 1 }],
    });
  }
  const probes = [...byMap.values()];
  const order = probes.flatMap((m) => m.journeys[0]!.touchpoints.map((t) => Number(t.id.slice(1))));
  const counts = new Matcher(probes).coverageReport(files).patterns;
  const out: RawCounts['alternatives'] = [];
  counts.forEach((p, i) => {
    if (p.files > 0) out.push({ pattern: order[i]!, source: p.pattern.source, files: p.files });
  });
  return out;
}

/** RawCounts as the editor's features read them, tied back to the caller's own map objects (same order as counted). */
export function toWorkspaceCounts(maps: readonly CxMap[], raw: RawCounts, files: readonly string[]): WorkspaceCounts {
  const patterns: CoverageCounts['patterns'] = [];
  const touchpoints: CoverageCounts['touchpoints'] = [];
  const journeys: JourneyCount[] = [];
  for (const map of maps) {
    for (const journey of map.journeys) {
      journeys.push({ map, journey, files: raw.journeyFiles[journeys.length] ?? 0 });
      for (const touchpoint of journey.touchpoints) {
        touchpoints.push({ map, journey, touchpoint, files: raw.touchpointFiles[touchpoints.length] ?? 0 });
        for (const pattern of touchpoint.paths) {
          const i = patterns.length;
          patterns.push({
            map,
            journey,
            touchpoint,
            pattern,
            files: raw.patternFiles[i] ?? 0,
            decided: raw.patternDecided[i] ?? 0,
          });
        }
      }
    }
  }
  const alternatives = new Map<object, { pattern: string; files: number }>();
  for (const a of raw.alternatives) {
    const p = patterns[a.pattern];
    if (p) alternatives.set(p.pattern, { pattern: a.source, files: a.files });
  }
  const symbolFiles = new Map<Touchpoint, string[]>();
  for (const s of raw.symbolFiles) {
    const t = touchpoints[s.touchpoint];
    if (t)
      symbolFiles.set(
        t.touchpoint,
        s.files.map((i) => files[i]!),
      );
  }
  return {
    totalFiles: raw.totalFiles,
    coveredFiles: raw.coveredFiles,
    uncoveredFiles: Array.from(raw.uncovered, (i) => files[i]!),
    symbolFiles,
    patterns,
    touchpoints,
    journeys,
    alternatives,
  };
}
