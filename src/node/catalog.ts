// Gathers the journey catalogue (contract §6) for the CLI and the editor: maps, files and coverage, entry points, the
// dependency graph, the window's commits, CODEOWNERS and the map's blame, handed to the engine's buildCatalog.
// Reading code (entry points, imports) is the caller's: the CLI and the editor each have their own CodeReader.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { buildCatalog, type CommitFacts, type LineEdit } from '../core/catalog/build';
import { codeOwnersFileAmong, parseCodeOwners, type CodeOwners } from '../core/catalog/codeowners';
import type { Catalog, CatalogRepository } from '../core/catalog/types';
import { DEFAULT_SINCE, windowStart } from '../core/catalog/window';
import type { CoveredEntryPoint } from '../core/entry-points/coverage';
import type { DependencyGraph } from '../core/graph/graph';
import { indirectSettings } from '../core/graph/settings';
import { Matcher } from '../core/match/matcher';
import type { CxMap, MapDiagnostic } from '../core/types';
import { GitError } from './git';
import { blameFile, commitsSince, headInfo, historyReach, type HistoryReach } from './history';
import { isMapFile } from './maps';

export class CatalogWindowError extends Error {
  override name = 'CatalogWindowError';
}

export interface CatalogSources {
  root: string;
  inGit: boolean;
  /** The repository's files (git's view), map files included. */
  files: readonly string[];
  maps: readonly CxMap[];
  diagnostics: readonly MapDiagnostic[];
  /** `--since`: an ISO date or a duration counted back from HEAD's commit date (default 90d). */
  since?: string;
  maxHops?: number;
  /** ISO time written as generatedAt (the CLI: SOURCE_DATE_EPOCH when set, else now). */
  generatedAt: string;
  entryPoints(files: readonly string[], matcher: Matcher): Promise<readonly CoveredEntryPoint[]>;
  /** The dependency graph of the files, or undefined when indirect reach is off or unavailable. */
  graph(files: readonly string[], exclude: readonly string[]): Promise<DependencyGraph | undefined>;
  warn(message: string): void;
}

export async function gatherCatalog(sources: CatalogSources): Promise<Catalog> {
  const { root } = sources;
  const head = sources.inGit ? await headInfo(root) : undefined;
  const sinceText = sources.since ?? DEFAULT_SINCE;
  const headDate = head ? new Date(head.headDate) : new Date(sources.generatedAt);
  const since = windowStart(sinceText, headDate);
  if (!since)
    throw new CatalogWindowError(
      `--since must be an ISO date (2026-11-01) or a duration (90d, 6w, 3m, 1y), got "${sinceText}"`,
    );

  const matcher = new Matcher(sources.maps);
  const files = sources.files.filter((f) => !isMapFile(f));
  const { options, exclude } = indirectSettings(sources.maps, sources.maxHops);

  // CX_IMPACT_TIMING=1 prints how long each source took (docs/catalog.md, Performance).
  const timing = process.env.CX_IMPACT_TIMING === '1';
  const t0 = performance.now();
  const timed = async <T>(name: string, work: Promise<T>): Promise<T> => {
    const value = await work;
    if (timing) process.stderr.write(`cx-impact: timing: ${name} ${(performance.now() - t0).toFixed(0)} ms\n`);
    return value;
  };
  const [entryPoints, graph, commits, reach, codeOwners, blame] = await Promise.all([
    timed('entry points', sources.entryPoints(files, matcher)),
    timed('graph', options.maxHops > 0 ? sources.graph(sources.files, exclude) : Promise.resolve(undefined)),
    timed('git log', head ? commitsSince(root, since) : Promise.resolve([] as CommitFacts[])),
    head ? historyReach(root) : Promise.resolve<HistoryReach>({ shallow: false }),
    timed(
      'CODEOWNERS',
      readCodeOwners(root, sources.files, (m) => sources.warn(m)),
    ),
    timed('blame', head ? blameMaps(root, sources.maps) : Promise.resolve(new Map<string, LineEdit[]>())),
  ]);

  const repository: CatalogRepository = {
    historyComplete: !reach.shallow || (reach.oldest !== undefined && Date.parse(reach.oldest) <= since.getTime()),
  };
  if (head) {
    repository.head = head.head;
    repository.headDate = head.headDate;
    repository.since = since.toISOString().replace(/\.000Z$/, 'Z');
  }
  if (reach.shallow) {
    repository.shallow = true;
    if (reach.oldest !== undefined) repository.historyFrom = reach.oldest;
  }
  const built = buildCatalog({
    generatedAt: sources.generatedAt,
    repository,
    maps: sources.maps,
    diagnostics: sources.diagnostics,
    files,
    coverageOf: (p) => matcher.coverageOf(p),
    entryPoints,
    ...(graph ? { graph } : {}),
    indirect: options,
    commits,
    ...(codeOwners ? { codeOwners: codeOwners.owners, codeOwnersFile: codeOwners.file } : {}),
    blame,
  });
  if (timing) process.stderr.write(`cx-impact: timing: built ${(performance.now() - t0).toFixed(0)} ms\n`);
  return built;
}

async function readCodeOwners(
  root: string,
  files: readonly string[],
  warn: (m: string) => void,
): Promise<{ file: string; owners: CodeOwners } | undefined> {
  const file = codeOwnersFileAmong(new Set(files));
  if (file === undefined) return undefined;
  try {
    const owners = parseCodeOwners(await readFile(path.join(root, file), 'utf8'));
    if (owners.skipped.length > 0)
      warn(
        `${file}: ${owners.skipped.length} line(s) not read (line ${owners.skipped.slice(0, 5).join(', ')}): negated or malformed patterns`,
      );
    return { file, owners };
  } catch (error) {
    warn(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}; owners come from the map alone`,
    );
    return undefined;
  }
}

async function blameMaps(root: string, maps: readonly CxMap[]): Promise<Map<string, LineEdit[]>> {
  const out = new Map<string, LineEdit[]>();
  for (const map of maps) {
    try {
      out.set(map.file, await blameFile(root, map.file));
    } catch (error) {
      // A map not committed yet has no history: its journeys show no edit date.
      if (!(error instanceof GitError)) throw error;
    }
  }
  return out;
}

/** generatedAt: SOURCE_DATE_EPOCH (reproducible builds) when set, else the current time. */
export function generatedAtOf(env: Record<string, string | undefined>, now = new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  const date = epoch !== undefined && /^\d{1,12}$/.test(epoch) ? new Date(Number(epoch) * 1000) : now;
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
