// The reports behind `cx-impact deps` (a file's imports and importers in the graph, and what it could not resolve) and the indirect part
// of `cx-impact explain` (the touchpoints a file reaches through its importers, with the chain).
import type { ExplainEntry } from '../impact/coverage';
import type { Coverage } from '../types';
import type { DependencyGraph, GraphStats } from './graph';
import type { FileReach } from './reach';

export interface DepsEntry {
  path: string;
  /** False when the graph has no such code file (not code, excluded folder, or missing). */
  inGraph: boolean;
  /** A test, spec, story or fixture (or a map's `indirect.exclude`): it carries no impact. */
  excluded?: boolean;
  /** Why the file could not be read (too large, binary, a link out of the repository). */
  skipped?: string;
  /** 1-based lines; `kind` for an edge that is no import line (decorator metadata, a same-package name). */
  imports: { file: string; line: number; specifier: string; kind?: 'metadata' | 'same-package' }[];
  importers: string[];
  unresolved?: { line: number; specifier: string; reason: string }[];
}

export interface DepsReport {
  files: DepsEntry[];
  /** With --unresolved and no path: every import of the repository that could not be resolved. */
  unresolved?: { file: string; line: number; specifier: string; reason: string }[];
  stats: GraphStats;
  skipped: number;
}

export function depsOf(graph: DependencyGraph, paths: readonly string[], unresolved: boolean): DepsReport {
  const files = paths.map((path): DepsEntry => {
    const i = graph.indexOf(path);
    const skipped = graph.skipped.get(path);
    const entry: DepsEntry = { path, inGraph: i !== undefined, imports: [], importers: [] };
    if (skipped !== undefined) entry.skipped = skipped;
    if (i === undefined) return entry;
    if (graph.excluded[i]) entry.excluded = true;
    entry.imports = graph.importsOf(i).map((e) => ({
      file: graph.files[e.to]!,
      line: e.line + 1,
      specifier: e.specifier,
      ...(e.kind ? { kind: e.kind } : {}),
    }));
    entry.importers = graph
      .importersOf(i)
      .map((from) => graph.files[from]!)
      .sort();
    if (unresolved)
      entry.unresolved = graph.unresolved
        .filter((u) => u.file === path)
        .map((u) => ({ line: u.line + 1, specifier: u.specifier, reason: u.reason }));
    return entry;
  });
  const report: DepsReport = { files, stats: graph.stats, skipped: graph.skipped.size };
  if (unresolved && paths.length === 0) report.unresolved = graph.unresolved.map((u) => ({ ...u, line: u.line + 1 }));
  return report;
}

export interface ExplainIndirect {
  journey: string;
  touchpoint: string;
  map: string;
  journeyName: string;
  touchpointName: string;
  hops: number;
  via: string[];
  /** Steps taken through an interface (contract §5.6), as in the impact report. */
  standIns?: { index: number; implements: string }[];
  /** The symbol of a symbol-scoped touchpoint that uses the import. */
  symbol?: string;
}

export type ExplainEntryWithReach = ExplainEntry & {
  indirect?: ExplainIndirect[];
  shared?: { importers: number };
  beyond?: number;
};

export function explainIndirect(
  entries: readonly ExplainEntry[],
  reaches: readonly FileReach<Coverage>[],
): ExplainEntryWithReach[] {
  const byPath = new Map(reaches.map((r) => [r.file, r]));
  return entries.map((entry) => {
    const reach = byPath.get(entry.path);
    if (!reach) return entry;
    const out: ExplainEntryWithReach = { ...entry };
    if (reach.shared) out.shared = { importers: reach.shared.importers };
    out.indirect = reach.hits.map((h) => {
      const i: ExplainIndirect = {
        journey: h.target.value.journey.id,
        touchpoint: h.target.value.touchpoint.id,
        map: h.target.value.map.file,
        journeyName: h.target.value.journey.name,
        touchpointName: h.target.value.touchpoint.name,
        hops: h.hops,
        via: h.via,
      };
      if (h.standIns) i.standIns = h.standIns;
      if (h.symbol !== undefined) i.symbol = h.symbol;
      return i;
    });
    if (reach.beyond > 0) out.beyond = reach.beyond;
    return out;
  });
}
