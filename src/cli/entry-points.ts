// `cx-impact entry-points`, the entry-point totals of `coverage`, and `check --entry-points`: the code's entry points
// (routes, GraphQL operations, pages) and the journeys that reach them. Code is read by the engine's parser in
// worker threads (dist/code-worker.js, grammars in dist/tree-sitter beside the CLI).
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { entryPointCoverage, entryPointLabel, type EntryPointReport } from '../core/entry-points/coverage';
import { Matcher } from '../core/match/matcher';
import { parseMap } from '../core/map/parse';
import { entryPointsJson, renderEntryPointsMarkdown, renderEntryPointsText } from '../core/render/entry-points';
import type { MapDiagnostic } from '../core/types';
import { CodeReader } from '../node/code-reader';
import { findRepoRoot } from '../node/git';
import { readEntryPoints, type SkippedFile } from '../node/entry-points';
import { filesOnDisk, readMapText, readMaps, toRepoPath } from '../node/maps';
import type { CliIo, Workspace } from './run';

/** The code reader of a CLI run: the grammars and the worker beside the bundle. */
function codeReader(): CodeReader {
  const worker = path.join(__dirname, 'code-worker.js');
  const wasmDir = path.join(__dirname, 'tree-sitter');
  // Without the grammars every file would be skipped and the counts would read as zero: say so instead.
  if (!existsSync(path.join(wasmDir, 'tree-sitter.js')))
    throw new Error(`cannot read code: the tree-sitter grammars are missing from ${wasmDir}`);
  return new CodeReader({ wasmDir, ...(existsSync(worker) ? { workerScript: worker } : {}) });
}

/** A source file that could not be read counts no entry point: say so, or a 2 MB route file reads as "0 routes". */
function warnSkipped(skipped: readonly SkippedFile[], warn: ((message: string) => void) | undefined): void {
  if (!warn || skipped.length === 0) return;
  const shown = skipped.slice(0, 5).map((s) => `${s.path} (${s.reason === 'too-large' ? 'over 1 MB' : s.reason})`);
  warn(
    `${skipped.length} source file${skipped.length === 1 ? ' was' : 's were'} not read for entry points, so any routes in ${skipped.length === 1 ? 'it are' : 'them are'} not counted: ${shown.join(', ')}${skipped.length > 5 ? ', …' : ''}`,
  );
}

async function report(
  root: string,
  files: readonly string[],
  matcher: Matcher,
  warn?: (message: string) => void,
): Promise<EntryPointReport> {
  const reader = codeReader();
  try {
    const read = await readEntryPoints(root, files, reader);
    warnSkipped(read.skipped, warn);
    return entryPointCoverage(read.entryPoints, (p) => matcher.coverageOf(p));
  } finally {
    reader.dispose();
  }
}

export async function entryPointsCommand(
  io: CliIo,
  ws: Workspace,
  mapFiles: readonly string[],
  format: 'text' | 'markdown' | 'json',
  uncovered: boolean,
  color: boolean,
): Promise<number> {
  let files = await filesOnDisk(ws.root, ws.inGit);
  const mapDir = ws.explicitMap !== undefined ? path.posix.dirname(ws.explicitMap) : '.';
  if (mapDir !== '.') files = files.filter((f) => f.startsWith(`${mapDir}/`));
  const loaded = await readMaps(ws.root, mapFiles);
  const result = await report(ws.root, files, new Matcher(loaded.maps), (m) =>
    io.stderr.write(`cx-impact: warning: ${m}\n`),
  );
  io.stdout.write(
    format === 'json'
      ? `${JSON.stringify(entryPointsJson(result, uncovered), null, 2)}\n`
      : format === 'markdown'
        ? renderEntryPointsMarkdown(result, uncovered)
        : renderEntryPointsText(result, uncovered, color),
  );
  return 0;
}

/** `coverage`'s `entryPoints: { total, covered }`. */
export async function entryPointTotals(
  root: string,
  files: readonly string[],
  matcher: Matcher,
  warn?: (message: string) => void,
): Promise<{ total: number; covered: number }> {
  const result = await report(root, files, matcher, warn);
  return { total: result.total, covered: result.covered };
}

/**
 * `check --entry-points`: one warning per entry point no journey covers (errors with `--fail-on-uncovered`), at the
 * line that registers it, shown relative to `cwd` as the map diagnostics are. `maps` are the checked maps (absolute).
 */
export async function checkEntryPoints(
  cwd: string,
  maps: readonly string[],
  fail: boolean,
  warn?: (message: string) => void,
): Promise<MapDiagnostic[]> {
  const root = (await findRepoRoot(cwd)) ?? cwd;
  const inside = maps.map((m) => toRepoPath(root, m)).filter((m) => !m.startsWith('..') && !path.isAbsolute(m));
  const parsed = [];
  for (const file of inside) {
    const map = parseMap(await readMapText(root, file), file).map;
    if (map) parsed.push(map);
  }
  const files = await filesOnDisk(root, (await findRepoRoot(cwd)) !== undefined);
  const result = await report(root, files, new Matcher(parsed), warn);
  return result.entryPoints
    .filter((p) => p.touchpoints.length === 0)
    .map((p) => ({
      file: path.relative(cwd, path.join(root, p.file)).split(path.sep).join('/') || p.file,
      range: { start: { line: p.line - 1, character: 0 }, end: { line: p.line - 1, character: 0 } },
      severity: fail ? ('error' as const) : ('warning' as const),
      code: 'uncovered-entry-point',
      message: `${entryPointLabel(p)} is in no journey: no touchpoint covers its handler ${p.handler !== undefined ? `${p.handler} in ` : ''}${p.handlerFile}`,
    }));
}
