// The `cx-impact` commands (contract §4). Reads the repository, never writes to it.
import { appendFile, readFile, realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { renderCriticalNotices, renderDiagnosticsGithub } from '../core/ci/github';
import { renderGitlabCodeQuality } from '../core/ci/gitlab';
import { renderSarif } from '../core/ci/sarif';
import { computeCoverage, explainPaths } from '../core/impact/coverage';
import { reachesTier } from '../core/impact/impact';
import { languageOfPath } from '../core/code/languages';
import { bundledCodeReader } from '../node/bundled-reader';
import type { SymbolsMode } from '../node/change-symbols';
import { analyzeChange, type ChangeAnswer } from '../node/change-pipeline';
import { Matcher } from '../core/match/matcher';
import { parseMap } from '../core/map/parse';
import { renderJson } from '../core/render/json';
import { renderImpactMarkdown } from '../core/render/markdown';
import { renderCoverageText, renderDiagnosticsText, renderExplainText, renderImpactText } from '../core/render/text';
import type { MapDiagnostic, Tier } from '../core/types';
import { TIERS } from '../core/types';
import { GitError, changedFiles, findRepoRoot, repoRoot } from '../node/git';
import { sha256Hex } from '../node/hash';
import { reachOfFiles } from '../core/graph/indirect-impact';
import { depsOf, explainIndirect } from '../core/graph/deps';
import { renderDepsText, renderExplainIndirectText } from '../core/render/deps';
import { cliGraph, indirectSettings } from './graph';
import { reachOfChange } from './change-graph';
import { checkEntryPoints, entryPointsCommand, entryPointTotals } from './entry-points';
import {
  MapReadError,
  filesOnDisk,
  isMapFile,
  mapFilesAmong,
  readMapText,
  readMaps,
  readMapsAt,
  toRepoPath,
} from '../node/maps';
import { COMMAND_HELP, GLOBAL_HELP } from './usage';
import { catalogCommand, type CatalogFormat } from './catalog';
import { CatalogWindowError } from '../node/catalog';

export interface CliIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  readStdin(): Promise<string>;
  version: string;
  /** package.json `homepage`, when filled in: SARIF links its rules' help there. */
  homepage?: string;
}

/** Bad usage: exit 2 with the message. */
export class UsageError extends Error {
  override name = 'UsageError';
}

// github, sarif and gitlab are what CI systems read natively (annotations, code scanning, code quality).
type Format = 'text' | 'markdown' | 'json' | 'github' | 'sarif' | 'gitlab' | 'html' | 'backstage' | 'mermaid';
const FORMATS: Record<string, readonly Format[]> = {
  check: ['text', 'json', 'github', 'sarif', 'gitlab'],
  impact: ['text', 'markdown', 'json', 'github'],
  explain: ['text', 'json'],
  coverage: ['text', 'json'],
  deps: ['text', 'json'],
  'entry-points': ['text', 'markdown', 'json'],
  catalog: ['html', 'json', 'backstage', 'mermaid'],
};

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  cwd: { type: 'string' },
  map: { type: 'string', multiple: true },
  format: { type: 'string' },
  base: { type: 'string' },
  head: { type: 'string' },
  'fail-on': { type: 'string' },
  'files-from': { type: 'string' },
  'max-hops': { type: 'string' },
  'fail-on-indirect': { type: 'string' },
  'no-cache': { type: 'boolean' },
  unresolved: { type: 'boolean' },
  uncovered: { type: 'boolean' },
  'entry-points': { type: 'boolean' },
  'fail-on-uncovered': { type: 'boolean' },
  symbols: { type: 'string' },
  out: { type: 'string' },
  since: { type: 'string' },
} as const;

/** Which options each command takes; any other is a usage error. */
const ALLOWED: Record<string, readonly (keyof typeof OPTIONS)[]> = {
  check: ['help', 'cwd', 'map', 'format', 'entry-points', 'fail-on-uncovered'],
  impact: [
    'help',
    'cwd',
    'map',
    'format',
    'base',
    'head',
    'fail-on',
    'symbols',
    'max-hops',
    'fail-on-indirect',
    'no-cache',
  ],
  explain: ['help', 'cwd', 'map', 'format', 'max-hops', 'no-cache'],
  coverage: ['help', 'cwd', 'map', 'format', 'files-from'],
  deps: ['help', 'cwd', 'map', 'format', 'unresolved', 'no-cache'],
  'entry-points': ['help', 'cwd', 'map', 'format', 'uncovered'],
  catalog: ['help', 'cwd', 'map', 'format', 'out', 'since', 'max-hops', 'no-cache'],
};

type Values = {
  [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K] extends { multiple: true }
    ? string[]
    : (typeof OPTIONS)[K]['type'] extends 'boolean'
      ? boolean
      : string;
};

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof GitError ||
      error instanceof MapReadError ||
      error instanceof CatalogWindowError
    ) {
      io.stderr.write(`cx-impact: ${oneLine(error.message)}\n`);
      return 2;
    }
    io.stderr.write(`cx-impact: internal error: ${oneLine(error instanceof Error ? error.message : String(error))}\n`);
    return 2;
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined)
    throw new UsageError(
      'a command is needed: check, impact, explain, coverage, deps, entry-points or catalog; see cx-impact --help',
    );
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(GLOBAL_HELP);
    return 0;
  }
  if (command === '--version' || command === '-V') {
    io.stdout.write(`${io.version}\n`);
    return 0;
  }
  const allowed = ALLOWED[command];
  if (!allowed) {
    throw new UsageError(
      command.startsWith('-')
        ? `unknown option ${command}; see cx-impact --help`
        : `unknown command "${command}"; commands: check, impact, explain, coverage, deps, entry-points, catalog`,
    );
  }
  const { values, positionals } = parseCommandArgs(command, rest);
  if (values.help) {
    io.stdout.write(COMMAND_HELP[command] ?? GLOBAL_HELP);
    return 0;
  }
  for (const key of Object.keys(values) as (keyof typeof OPTIONS)[]) {
    if (!allowed.includes(key))
      throw new UsageError(`${command} does not take --${key}; see cx-impact ${command} --help`);
  }
  if (command !== 'explain' && command !== 'deps' && positionals.length > 0) {
    throw new UsageError(
      `${command} takes no arguments, got "${positionals[0] ?? ''}"; see cx-impact ${command} --help`,
    );
  }
  if (command !== 'check' && (values.map?.length ?? 0) > 1) throw new UsageError(`${command} takes one --map`);
  const format = formatOf(command, values.format);
  const cwd = await realFolder(path.resolve(io.cwd, values.cwd ?? '.'));
  const color = Boolean(io.stdout.isTTY) && !io.env.NO_COLOR;

  switch (command) {
    case 'check':
      if (values['fail-on-uncovered'] && !values['entry-points'])
        throw new UsageError('--fail-on-uncovered needs --entry-points');
      return check(
        io,
        cwd,
        values.map ?? [],
        format,
        color,
        values['entry-points'] ? { fail: values['fail-on-uncovered'] === true } : undefined,
      );
    case 'impact':
      return impact(io, cwd, values, format, color);
    case 'explain':
      if (positionals.length === 0)
        throw new UsageError('explain needs at least one PATH; see cx-impact explain --help');
      return explain(io, cwd, values, positionals, format, color);
    case 'deps':
      if (positionals.length === 0 && !values.unresolved)
        throw new UsageError('deps needs at least one PATH (or --unresolved); see cx-impact deps --help');
      return deps(io, cwd, values, positionals, format);
    case 'catalog':
      if (values.map?.[0] !== undefined && values.map.length > 1) throw new UsageError('catalog takes one --map');
      return catalogCommand(
        io,
        {
          cwd,
          format: values.format === undefined ? 'html' : (format as CatalogFormat),
          noCache: Boolean(values['no-cache']),
          ...(values.map?.[0] !== undefined ? { map: values.map[0] } : {}),
          ...(values.out !== undefined ? { out: values.out } : {}),
          ...(values.since !== undefined ? { since: values.since } : {}),
          ...(values['max-hops'] !== undefined ? { maxHops: maxHopsOf(values['max-hops'])! } : {}),
        },
        (message) => new UsageError(message),
      );
    case 'entry-points': {
      // FORMATS lets only text, markdown and json through for this command.
      const ws = await workspace(cwd, values.map?.[0]);
      return entryPointsCommand(
        io,
        ws,
        await mapFilesOf(ws),
        format as 'text' | 'markdown' | 'json',
        values.uncovered === true,
        color,
      );
    }
    default:
      return coverage(io, cwd, values, format, color);
  }
}

function parseCommandArgs(command: string, args: string[]): { values: Values; positionals: string[] } {
  try {
    const parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
    return { values: parsed.values, positionals: parsed.positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${oneLine(message.split('. ')[0] ?? message)}; see cx-impact ${command} --help`);
  }
}

/** git prints the top-level with links resolved; the folder must be compared the same way (/tmp -> /private/tmp). */
async function realFolder(dir: string): Promise<string> {
  try {
    const real = await realpath(dir);
    if ((await stat(real)).isDirectory()) return real;
  } catch {
    // Reported below, in the same words for a missing folder and a file.
  }
  throw new UsageError(`--cwd ${dir} is not a folder`);
}

function formatOf(command: string, requested: string | undefined): Format {
  const allowed = FORMATS[command] ?? ['text'];
  if (requested === undefined) return 'text';
  const found = allowed.find((f) => f === requested);
  if (!found) throw new UsageError(`${command} --format must be ${allowed.join(', ')}, got "${requested}"`);
  return found;
}

function tierOf(value: string, option = '--fail-on'): Tier {
  const tier = TIERS.find((t) => t === value);
  if (!tier) throw new UsageError(`${option} must be one of ${TIERS.join(', ')}, got "${value}"`);
  return tier;
}

function maxHopsOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) > 100)
    throw new UsageError(`--max-hops must be a whole number from 0 to 100, got "${value}"`);
  return Number(value);
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** The root the paths are relative to, and the map files to use (relative to it). */
export interface Workspace {
  root: string;
  inGit: boolean;
  /** Explicit `--map`: relative to root. */
  explicitMap?: string;
}

/** `knownRoot`: the git top-level when the caller already asked git (saves a process). */
async function workspace(cwd: string, map: string | undefined, knownRoot?: string): Promise<Workspace> {
  const gitRoot = knownRoot ?? (await findRepoRoot(cwd));
  const root = gitRoot ?? cwd;
  if (map === undefined) return { root, inGit: gitRoot !== undefined };
  const abs = path.resolve(cwd, map);
  const rel = path.relative(root, abs);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    // A map outside the repository governs its own folder: that folder becomes the root.
    return { root: path.dirname(abs), inGit: false, explicitMap: path.basename(abs) };
  }
  return { root, inGit: gitRoot !== undefined, explicitMap: toRepoPath(root, abs) };
}

async function mapFilesOf(ws: Workspace, files?: readonly string[]): Promise<string[]> {
  if (ws.explicitMap !== undefined) return [ws.explicitMap];
  return mapFilesAmong(files ?? (await filesOnDisk(ws.root, ws.inGit)));
}

async function check(
  io: CliIo,
  cwd: string,
  maps: readonly string[],
  format: Format,
  color: boolean,
  entryPoints?: { fail: boolean },
): Promise<number> {
  /** `found`: discovered in the repository (relative to `root`), so read only from inside it; else named by the user. */
  let files: { abs: string; shown: string; found?: { root: string; file: string } }[];
  /** CI formats name files relative to the repository root, where GitHub and GitLab look for them. */
  let ciRoot: string | undefined;
  if (maps.length > 0) {
    files = maps.map((m) => ({ abs: path.resolve(cwd, m), shown: m.split(path.sep).join('/') }));
    if (format === 'github' || format === 'sarif' || format === 'gitlab') ciRoot = (await findRepoRoot(cwd)) ?? cwd;
  } else {
    const ws = await workspace(cwd, undefined);
    const found = await mapFilesOf(ws);
    if (found.length === 0) throw new UsageError(`no cx-map.yaml or cx-map.yml found under ${ws.root}`);
    ciRoot = ws.root;
    // Shown relative to where the user is, so `file:line:col` opens from the terminal.
    files = found.map((f) => {
      const abs = path.join(ws.root, f);
      return { abs, shown: path.relative(cwd, abs).split(path.sep).join('/') || f, found: { root: ws.root, file: f } };
    });
  }
  const diagnostics: MapDiagnostic[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = file.found ? await readMapText(file.found.root, file.found.file) : await readFile(file.abs, 'utf8');
    } catch (error) {
      if (error instanceof MapReadError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      throw new MapReadError(
        `cannot read map ${file.shown}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : oneLine(String(error))}`,
      );
    }
    diagnostics.push(...parseMap(text, file.shown).diagnostics.map((d) => ({ ...d, file: file.shown })));
  }
  if (entryPoints)
    diagnostics.push(
      ...(await checkEntryPoints(
        cwd,
        files.map((f) => f.abs),
        entryPoints.fail,
        (m) => io.stderr.write(`cx-impact: warning: ${oneLine(m)}\n`),
      )),
    );
  const byShown = new Map(files.map((f) => [f.shown, f.abs]));
  const repoPath = (shown: string): string => {
    const abs = byShown.get(shown);
    if (ciRoot === undefined || abs === undefined) return shown;
    const rel = toRepoPath(ciRoot, abs);
    return rel.startsWith('..') || path.isAbsolute(rel) ? shown : rel;
  };
  io.stdout.write(
    format === 'json'
      ? renderJson(diagnostics)
      : format === 'github'
        ? renderDiagnosticsGithub(diagnostics, repoPath)
        : format === 'sarif'
          ? renderSarif(
              diagnostics,
              { version: io.version, ...(io.homepage ? { informationUri: io.homepage } : {}) },
              repoPath,
            )
          : format === 'gitlab'
            ? renderGitlabCodeQuality(diagnostics, sha256Hex, repoPath)
            : renderDiagnosticsText(diagnostics, { color }),
  );
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

/** Up to this many changed files, their symbols are read on the CLI's own thread. */
const LOCAL_READS = 200;

async function impact(io: CliIo, cwd: string, values: Values, format: Format, color: boolean): Promise<number> {
  const failOn = values['fail-on'] !== undefined ? tierOf(values['fail-on']) : undefined;
  const failOnIndirect =
    values['fail-on-indirect'] !== undefined ? tierOf(values['fail-on-indirect'], '--fail-on-indirect') : undefined;
  const maxHops = maxHopsOf(values['max-hops']);
  const symbols = symbolsMode(values.symbols);
  const root = await repoRoot(cwd);
  const ws = await workspace(root, values.map?.[0] === undefined ? undefined : path.resolve(cwd, values.map[0]), root);
  if (ws.root !== root) throw new UsageError(`the map ${values.map?.[0] ?? ''} is outside the repository ${root}`);
  const [change, onDisk] = await Promise.all([changedFiles(root, values.base, values.head), filesOnDisk(root, true)]);
  const mapFiles = await mapFilesOf(ws, onDisk);
  const head = await readMaps(root, mapFiles);
  const matcher = new Matcher(head.maps);
  const { options, exclude } = indirectSettings(head.maps, maxHops);
  // One reader on this thread for the run: a small change's symbols and the few files a narrowed graph parses are
  // read sooner here than worker threads start, and tree-sitter starts once for both. A large change's symbols go to
  // workers (beside dist/cli.js) of their own.
  const local = bundledCodeReader(__dirname, undefined, true);
  const workers = symbols === 'off' || change.files.length <= LOCAL_READS ? undefined : bundledCodeReader(__dirname);
  const reader = symbols === 'off' ? undefined : (workers ?? local);
  let answer: ChangeAnswer;
  try {
    answer = await analyzeChange(
      { kind: 'change', change },
      {
        root,
        maps: () => ({
          coverage: matcher,
          errors: head.diagnostics.filter((d) => d.severity === 'error').length,
          isMap: (p) => (ws.explicitMap !== undefined ? p === ws.explicitMap : isMapFile(p)),
          mapEdit: async () => ({
            baseCoverage: new Matcher(
              await readMapsAt(root, change.base, ws.explicitMap !== undefined ? [ws.explicitMap] : undefined),
            ),
            files: onDisk,
          }),
        }),
        ...(reader ? { reader } : {}),
        // Indirect reach from the graph of the commit asked about (src/cli/change-graph.ts).
        reach: (files) => {
          // The symbols are read: the graph reads with workers of its own, so these go first.
          workers?.dispose();
          return reachOfChange({
            root,
            change,
            worktreeFiles: onDisk,
            files,
            coverageOf: (f) => matcher.coverageOf(f),
            options,
            exclude,
            env: io.env,
            noCache: Boolean(values['no-cache']),
            warn: (m) => io.stderr.write(`cx-impact: warning: ${oneLine(m)}\n`),
            note: (m) => io.stderr.write(`cx-impact: ${oneLine(m)}\n`),
            ...(local ? { localReader: local } : {}),
          });
        },
      },
      { symbols, maxHops: options.maxHops },
    );
  } finally {
    workers?.dispose();
    local?.dispose();
  }
  const { report } = answer;
  const text =
    format === 'json'
      ? renderJson(report)
      : format === 'markdown' || format === 'github'
        ? renderImpactMarkdown(report)
        : renderImpactText(report, { color });
  io.stdout.write(text);
  if (format === 'github') {
    io.stdout.write(renderCriticalNotices(report));
    await appendStepSummary(io, root, text);
  }
  const failed =
    (failOn !== undefined && reachesTier(report, failOn)) ||
    (failOnIndirect !== undefined && reachesTier(report, failOnIndirect, true));
  return failed ? 1 : 0;
}

/**
 * GitHub's job summary: a file the runner names in GITHUB_STEP_SUMMARY, outside the checkout (under the runner's temp
 * folder). The CLI never writes to the repository, so a summary path inside it is refused with a note on stderr.
 */
async function appendStepSummary(io: CliIo, root: string, markdown: string): Promise<void> {
  const summary = io.env.GITHUB_STEP_SUMMARY;
  if (!summary) return;
  const abs = path.resolve(io.cwd, summary);
  const rel = path.relative(root, abs);
  if (!rel.startsWith('..') && !path.isAbsolute(rel)) {
    io.stderr.write(`cx-impact: not writing the job summary to ${abs}: it is inside the repository\n`);
    return;
  }
  try {
    await appendFile(abs, markdown);
  } catch (error) {
    // The report is printed and the exit code stands: a summary that cannot be written does not fail the step.
    io.stderr.write(
      `cx-impact: cannot append to GITHUB_STEP_SUMMARY ${abs}: ${(error as NodeJS.ErrnoException).code ?? oneLine(String(error))}\n`,
    );
  }
}

function symbolsMode(value: string | undefined): SymbolsMode {
  if (value === undefined) return 'all';
  if (value === 'all' || value === 'touchpoints' || value === 'off') return value;
  throw new UsageError(`--symbols must be all, touchpoints or off, not "${value}"`);
}

/** The paths given on the command line, relative to the repository root; one outside it is a usage error. */
function repoPathsOf(ws: Workspace, cwd: string, paths: readonly string[]): string[] {
  return paths.map((p) => {
    const rel = toRepoPath(ws.root, path.resolve(cwd, p));
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new UsageError(`${p} is outside ${ws.root}`);
    return rel;
  });
}

/** The working tree's whole graph, for `explain` and `deps`: the cache unless --no-cache, warnings on stderr. */
async function workingTreeGraph(io: CliIo, ws: Workspace, values: Values, exclude: readonly string[]) {
  return cliGraph({
    root: ws.root,
    files: await filesOnDisk(ws.root, ws.inGit),
    env: io.env,
    noCache: Boolean(values['no-cache']),
    exclude,
    warn: (m) => io.stderr.write(`cx-impact: warning: ${oneLine(m)}\n`),
  });
}

async function explain(
  io: CliIo,
  cwd: string,
  values: Values,
  paths: readonly string[],
  format: Format,
  color: boolean,
): Promise<number> {
  const ws = await workspace(cwd, values.map?.[0]);
  const loaded = await readMaps(ws.root, await mapFilesOf(ws));
  const repoPaths = repoPathsOf(ws, cwd, paths);
  const matcher = new Matcher(loaded.maps);
  const entries = explainPaths(matcher, repoPaths);
  const { options, exclude } = indirectSettings(loaded.maps, maxHopsOf(values['max-hops']));
  const open = entries
    .filter((e) => e.touchpoints.length === 0 && languageOfPath(e.path) !== undefined)
    .map((e) => e.path);
  if (open.length === 0 || options.maxHops === 0) {
    io.stdout.write(format === 'json' ? renderJson(entries) : renderExplainText(entries, { color }));
    return 0;
  }
  const load = await workingTreeGraph(io, ws, values, exclude);
  const withReach = explainIndirect(
    entries,
    reachOfFiles(load.graph, open, (f) => matcher.coverageOf(f), options),
  );
  io.stdout.write(
    format === 'json'
      ? renderJson(withReach)
      : renderExplainText(withReach, { color }) + renderExplainIndirectText(withReach),
  );
  return 0;
}

async function deps(io: CliIo, cwd: string, values: Values, paths: readonly string[], format: Format): Promise<number> {
  const ws = await workspace(cwd, values.map?.[0]);
  const loaded = await readMaps(ws.root, await mapFilesOf(ws));
  const { exclude } = indirectSettings(loaded.maps, undefined);
  const repoPaths = repoPathsOf(ws, cwd, paths);
  const load = await workingTreeGraph(io, ws, values, exclude);
  const report = depsOf(load.graph, repoPaths, Boolean(values.unresolved));
  io.stdout.write(format === 'json' ? renderJson(report) : renderDepsText(report));
  return 0;
}

async function coverage(io: CliIo, cwd: string, values: Values, format: Format, color: boolean): Promise<number> {
  const ws = await workspace(cwd, values.map?.[0]);
  const mapDir = ws.explicitMap !== undefined ? path.posix.dirname(ws.explicitMap) : '.';
  let files: string[];
  if (values['files-from'] !== undefined) {
    const source = values['files-from'];
    const listed = parseFileList(source === '-' ? await io.readStdin() : await readList(path.resolve(cwd, source)));
    // With --map, listed paths are relative to the map's folder (contract §4).
    files = listed.map((f) => (mapDir === '.' ? f : `${mapDir}/${f}`));
  } else {
    files = await filesOnDisk(ws.root, ws.inGit);
    if (mapDir !== '.') files = files.filter((f) => f.startsWith(`${mapDir}/`));
  }
  const loaded = await readMaps(ws.root, await mapFilesOf(ws, values['files-from'] === undefined ? files : undefined));
  const matcher = new Matcher(loaded.maps);
  const report = computeCoverage(
    matcher,
    files.filter((f) => !isMapFile(f)),
  );
  // Entry points are read from the code on disk: a --files-from list names paths (often of another checkout, or
  // none at all, as in the benchmark's million), so its coverage leaves them out rather than reading what is not there.
  if (values['files-from'] !== undefined) {
    io.stdout.write(format === 'json' ? renderJson(report) : renderCoverageText(report, { color }));
    return 0;
  }
  const entryPoints = await entryPointTotals(ws.root, files, matcher, (m) =>
    io.stderr.write(`cx-impact: warning: ${oneLine(m)}\n`),
  );
  const withEntryPoints: typeof report & { entryPoints: typeof entryPoints } = { ...report, entryPoints };
  io.stdout.write(
    format === 'json'
      ? renderJson(withEntryPoints)
      : `${renderCoverageText(report, { color })}Entry points: ${entryPoints.covered} of ${entryPoints.total} in a journey (cx-impact entry-points --uncovered lists the others)\n`,
  );
  return 0;
}

async function readList(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read --files-from ${file}: ${(error as NodeJS.ErrnoException).code ?? oneLine(String(error))}`,
    );
  }
}

/** One path a line, or NUL-separated (as `git ls-files -z` prints); `./` and `\` normalised. */
export function parseFileList(text: string): string[] {
  const parts = text.includes('\0') ? text.split('\0') : text.split(/\r?\n/);
  return [
    ...new Set(
      parts
        .map((p) =>
          p
            .trim()
            .replace(/\\/g, '/')
            .replace(/^(\.\/)+/, ''),
        )
        .filter((p) => p.length > 0),
    ),
  ];
}
