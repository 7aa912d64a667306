// `cx-impact catalog` (contract §6): the journey catalogue as one self-contained page (index.html) and catalog.json,
// or as Backstage entities, Mermaid journeys or the JSON alone. The maps are read before anything is written: a map
// that cannot be read ends the run with exit 2 and writes nothing.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { renderBackstage, renderMermaid } from '../core/catalog/exports';
import { renderCatalogHtml } from '../core/catalog/html';
import type { Catalog } from '../core/catalog/types';
import { CatalogWindowError, gatherCatalog, generatedAtOf } from '../node/catalog';
import { findRepoRoot } from '../node/git';
import { filesOnDisk, mapFilesAmong, readMaps, toRepoPath } from '../node/maps';
import { entryPointCoverage } from '../core/entry-points/coverage';
import { bundledCodeReader } from '../node/bundled-reader';
import { loadDependencyGraph } from '../node/dependency-graph';
import { readEntryPoints } from '../node/entry-points';
import { ImportCache, defaultCacheDir } from '../node/graph-cache';
import type { CliIo } from './run';

export type CatalogFormat = 'html' | 'json' | 'backstage' | 'mermaid';

export interface CatalogOptions {
  cwd: string;
  map?: string;
  out?: string;
  since?: string;
  format: CatalogFormat;
  maxHops?: number;
  noCache: boolean;
}

/** The page script beside the bundle (scripts/build.mjs writes dist/catalog-page.js). */
export async function catalogPageScript(dir = __dirname): Promise<string> {
  const file = path.join(dir, 'catalog-page.js');
  if (!existsSync(file))
    throw new CatalogWindowError(`cannot write the page: its script ${file} is missing (run npm run build)`);
  return readFile(file, 'utf8');
}

export function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** The page of a catalogue: the file host's CSP allows exactly its own inline script and style. */
export function catalogHtml(catalog: Catalog, script: string): string {
  return renderCatalogHtml(catalog, { script, host: 'file', hash: sha256 });
}

export async function catalogCommand(
  io: CliIo,
  options: CatalogOptions,
  fail: (message: string) => Error,
): Promise<number> {
  const warn = (m: string): void => void io.stderr.write(`cx-impact: warning: ${m.replace(/\s*[\r\n]+\s*/g, ' ')}\n`);
  const gitRoot = await findRepoRoot(options.cwd);
  let root = gitRoot ?? options.cwd;
  let mapFiles: string[];
  const files = await filesOnDisk(root, gitRoot !== undefined);
  if (options.map !== undefined) {
    const abs = path.resolve(options.cwd, options.map);
    const rel = toRepoPath(root, abs);
    if (rel.startsWith('..') || path.isAbsolute(rel))
      throw fail(`the map ${options.map} is outside the repository ${root}`);
    mapFiles = [rel];
  } else {
    mapFiles = mapFilesAmong(files);
    if (mapFiles.length === 0) throw fail(`no cx-map.yaml or cx-map.yml found under ${root}`);
  }
  // Read (and fail) before anything is written.
  const loaded = await readMaps(root, mapFiles);
  const script = options.format === 'html' ? await catalogPageScript() : '';
  root = path.resolve(root);
  // One code reader (worker threads, grammars) for the entry points and the graph alike: one start-up, not two.
  const reader = bundledCodeReader(__dirname);
  if (!reader) throw fail('cannot read code: the tree-sitter grammars are missing beside the CLI');
  let catalog: Catalog;
  try {
    catalog = await gatherCatalog({
      root,
      inGit: gitRoot !== undefined,
      files,
      maps: loaded.maps,
      diagnostics: loaded.diagnostics,
      ...(options.since !== undefined ? { since: options.since } : {}),
      ...(options.maxHops !== undefined ? { maxHops: options.maxHops } : {}),
      generatedAt: generatedAtOf(io.env),
      entryPoints: async (code, matcher) =>
        entryPointCoverage((await readEntryPoints(root, code, reader)).entryPoints, (p) => matcher.coverageOf(p))
          .entryPoints,
      graph: async (all, exclude) => {
        // As the other commands read it (src/cli/graph.ts): the cache under $XDG_CACHE_HOME/cx-impact unless --no-cache.
        const cache = options.noCache ? undefined : new ImportCache(defaultCacheDir(io.env), root);
        await cache?.load();
        const load = await loadDependencyGraph({ root, files: all, reader, ...(cache ? { cache } : {}), exclude });
        for (const warning of load.warnings) warn(warning);
        try {
          await cache?.save();
        } catch (error) {
          warn(
            `cannot write the cache ${cache?.file ?? ''}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
          );
        }
        return load.graph;
      },
      warn,
    });
  } finally {
    reader.dispose();
  }
  if (!catalog.repository.historyComplete) {
    warn(
      `the clone is shallow: history reaches back to ${catalog.repository.historyFrom ?? 'an unknown date'}, not to ${catalog.repository.since ?? '--since'}; fetch more (git fetch --shallow-since=${(catalog.repository.since ?? '').slice(0, 10)}, or git fetch --unshallow)`,
    );
  }

  const json = `${JSON.stringify(catalog, null, 2)}\n`;
  if (options.format !== 'html' && options.out === undefined) {
    io.stdout.write(
      options.format === 'json'
        ? json
        : options.format === 'backstage'
          ? renderBackstage(catalog)
          : renderMermaid(catalog),
    );
    return 0;
  }
  const out = path.resolve(options.cwd, options.out ?? 'cx-catalog');
  try {
    await mkdir(out, { recursive: true });
    const written: string[] = [];
    const write = async (name: string, text: string): Promise<void> => {
      await writeFile(path.join(out, name), text);
      written.push(path.join(path.relative(options.cwd, out) || '.', name));
    };
    if (options.format === 'html') {
      await write('index.html', catalogHtml(catalog, script));
      await write('catalog.json', json);
    } else if (options.format === 'json') await write('catalog.json', json);
    else if (options.format === 'backstage') await write('catalog-info.yaml', renderBackstage(catalog));
    else await write('journeys.md', renderMermaid(catalog));
    const changes = catalog.journeys.reduce((n, j) => n + j.changesInWindow, 0);
    io.stdout.write(
      `Wrote ${written.join(' and ')}: ${catalog.journeys.length} journey(s), ${catalog.totals.commits} commit(s) since ${(catalog.repository.since ?? '').slice(0, 10) || 'the start'} (${changes} journey change(s)), ${catalog.diagnostics.filter((d) => d.severity === 'error').length} map error(s)\n`,
    );
  } catch (error) {
    throw fail(`cannot write to ${out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return 0;
}
