// The one change pipeline (issue #26): a change's whole answer, computed the same way for the CLI, the Changes view
// and the Impact Report, which only render it. In order: the files the change touches against the head's maps
// (direct coverage, and what an edited map moves: contract §4), the changed declarations that narrow touchpoints
// naming symbols (contract §3), then the indirect reach of the changed code files no touchpoint covers (contract §5).
// No vscode: git, the maps, the code reader and the graph are passed in, so it runs in plain Node (and its tests do).
import { languageOfPath } from '../core/code/languages';
import { addIndirectImpact } from '../core/graph/indirect-impact';
import type { FileReach } from '../core/graph/reach';
import { computeImpact, type CoverageSource, type ImpactReport } from '../core/impact/impact';
import type { Coverage } from '../core/types';
import { narrowBySymbols, type SymbolsMode } from './change-symbols';
import type { CodeReader } from './code-reader';
import { changedFiles, type ChangeSet } from './git';

/**
 * Which change: one the caller listed already (the Changes view reads the git extension's state), or one git lists
 * between two refs: `head` undefined is the working tree, `base` undefined the upstream, else origin/HEAD, else HEAD.
 */
export type ChangeRequest = { kind: 'change'; change: ChangeSet } | { kind: 'refs'; base?: string; head?: string };

/** The maps at the change's head, and how to read the base's when the change edits a map. */
export interface ChangeMaps {
  coverage: CoverageSource;
  /** Errors in the head's maps: the report counts them. */
  errors?: number;
  /** Which changed files are maps (reported by what they move, not as files no journey covers). */
  isMap: (path: string) => boolean;
  /** The base's coverage and the head's files: read only when the change touches a map. Without it, no map changes. */
  mapEdit?: (change: ChangeSet) => Promise<{ baseCoverage: CoverageSource; files: readonly string[] }>;
}

export interface ChangeServices {
  /** The repository's top-level folder. */
  root: string;
  /** The head's maps, asked once the change is known (a head commit's maps are read from that commit). */
  maps: (change: ChangeSet) => ChangeMaps | Promise<ChangeMaps>;
  /** Reads symbols (contract §3); without one, touchpoints that name symbols count whole files. */
  reader?: CodeReader;
  /**
   * The graph: what the given changed code files (no touchpoint covers them) reach through their importers
   * (contract §5). Undefined answer: no graph for this repository, and the report keeps its direct-only shape.
   * Without the service, indirect reach is not looked for at all.
   */
  reach?: (files: readonly string[], change: ChangeSet) => Promise<FileReach<Coverage>[] | undefined>;
}

export interface ChangeOptions {
  /** Default `all`. */
  symbols?: SymbolsMode;
  /** The hops indirect reach follows, when the caller knows them: 0 loads no graph. Undefined: `reach` decides. */
  maxHops?: number;
  /**
   * `throw` (the CLI: the run fails with the error), or `warn`: a symbol or graph read that fails leaves that part
   * out of the answer, with a warning (the editor keeps showing what it can).
   */
  failures?: 'throw' | 'warn';
}

export interface ChangeAnswer {
  change: ChangeSet;
  /** Direct coverage, symbols, indirect reach and map changes: what every surface renders. */
  report: ImpactReport;
  /** The reach found (its hits hold the map objects of the journeys reached). */
  reaches?: FileReach<Coverage>[];
  /** What could not be read (with `failures: 'warn'`). */
  warnings: string[];
}

/** The whole answer for one change. */
export async function analyzeChange(
  request: ChangeRequest,
  services: ChangeServices,
  options: ChangeOptions = {},
): Promise<ChangeAnswer> {
  const { root } = services;
  const change = request.kind === 'change' ? request.change : await changedFiles(root, request.base, request.head);
  const maps = await services.maps(change);
  const warnings: string[] = [];
  const attempt = async <T>(what: string, work: () => Promise<T>, fallback: T): Promise<T> => {
    if (options.failures !== 'warn') return work();
    try {
      return await work();
    } catch (err) {
      warnings.push(`${what}: ${err instanceof Error ? err.message : String(err)}`);
      return fallback;
    }
  };

  const touchesMap =
    maps.mapEdit !== undefined &&
    change.files.some((c) => [c.path, c.oldPath].some((p) => p !== undefined && maps.isMap(p)));
  const mapEdit = touchesMap && maps.mapEdit ? await maps.mapEdit(change) : undefined;
  const direct = computeImpact({
    base: change.base,
    head: change.head,
    coverage: maps.coverage,
    changedFiles: change.files,
    isMap: maps.isMap,
    ...(maps.errors !== undefined ? { mapErrors: maps.errors } : {}),
    ...(mapEdit ? { mapEdit } : {}),
  });

  const mode = options.symbols ?? 'all';
  const { reader } = services;
  const narrowed =
    mode === 'off' || !reader
      ? direct
      : await attempt(
          'Could not read the changed symbols',
          () => narrowBySymbols(direct, { root, change, reader, mode }),
          direct,
        );

  if (!services.reach) return { change, report: narrowed, warnings };
  const candidates = narrowed.unmappedFiles.filter((f) => languageOfPath(f) !== undefined);
  // Nothing to follow: no graph is loaded, and the report keeps its direct shape (plus `reach`).
  if (options.maxHops === 0 || candidates.length === 0)
    return { change, report: addIndirectImpact(narrowed, []), reaches: [], warnings };
  const reach = services.reach;
  const reaches = await attempt('Could not follow the imports', () => reach(candidates, change), undefined);
  if (!reaches) return { change, report: narrowed, warnings };
  return { change, report: addIndirectImpact(narrowed, reaches), reaches, warnings };
}
