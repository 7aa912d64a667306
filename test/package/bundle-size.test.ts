// dist/extension.js holds what activation needs and stays under its budget; the code it loads on first use is in
// bundles of its own beside it (scripts/bundles.mjs), which must load and answer.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');

describe('the extension bundle', function () {
  this.timeout(120_000);
  let dir: string;
  let bundles: typeof import('../../scripts/bundles.mjs');
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'cx-impact-bundle-'));
    bundles = await import('../../scripts/bundles.mjs');
    await bundles.buildExtension({ root, outdir: dir, production: true });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('dist/extension.js (minified, as packaged) is under its budget', () => {
    const size = statSync(path.join(dir, 'extension.js')).size;
    console.log(`      dist/extension.js: ${size} bytes, budget ${bundles.EXTENSION_BUDGET_BYTES}`);
    assert.ok(
      size <= bundles.EXTENSION_BUDGET_BYTES,
      `dist/extension.js is ${size} bytes, over its budget of ${bundles.EXTENSION_BUDGET_BYTES}`,
    );
  });

  it('requires each lazy bundle by name instead of holding its code', () => {
    const extension = readFileSync(path.join(dir, 'extension.js'), 'utf8');
    for (const lazy of bundles.LAZY_BUNDLES)
      assert.ok(extension.includes(`require("./${lazy.outfile}")`), `extension.js does not require ./${lazy.outfile}`);
    // Strings only the lazy code holds: the resolver's, the report page's and the import reader's.
    assert.ok(!extension.includes('compilerOptions'), 'the resolver is in extension.js');
    assert.ok(!extension.includes('Content-Security-Policy'), 'the report renderer is in extension.js');
  });

  it('each lazy bundle loads on its own and exports what the extension calls', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const load = (file: string) => require(path.join(dir, file)) as Record<string, unknown>;
    const graph = load('graph-engine.js');
    for (const name of [
      'buildGraph',
      'updateGraphFile',
      'reachTargets',
      'reachOf',
      'isConfigFile',
      'Resolver',
      'inExcludedFolder',
      'loadDependencyGraph',
      'ImportCache',
    ]) {
      assert.equal(typeof graph[name], 'function', `graph-engine.js: ${name}`);
    }
    const render = load('report-render.js');
    for (const name of [
      'listIds',
      'renderReportHtml',
      'renderRows',
      'reportChainFiles',
      'reportMaps',
      'renderJson',
      'renderImpactMarkdown',
    ]) {
      assert.equal(typeof render[name], 'function', `report-render.js: ${name}`);
    }
    assert.equal(typeof load('code-questions.js').answer, 'function');
    assert.equal(typeof load('entry-engine.js').readEntryPoints, 'function');
    const catalog = load('catalog-engine.js');
    for (const name of ['renderCatalogHtml', 'gatherCatalog', 'generatedAtOf'])
      assert.equal(typeof catalog[name], 'function', `catalog-engine.js: ${name}`);
  });
});
