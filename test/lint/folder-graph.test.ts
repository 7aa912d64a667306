// The folder import graph of src/ (scripts/folder-graph.ts) has no cycle and follows the layers of
// scripts/layers.mjs, type-only imports, `require()` and `import('…')` types included: the lint rule sees import
// declarations only, this sees every import. Before issue #26 the graph had four cycles, one of seven folders.
import * as assert from 'node:assert/strict';
import path from 'node:path';
import { cycleEdges, folderCycles, folderGraph, specifiers } from '../../scripts/folder-graph';

interface Layers {
  mayImport(from: string, to: string): boolean;
  PENDING_IMPORTS: { file: string; imports: string }[];
}

const root = path.resolve(__dirname, '..', '..');
const src = path.join(root, 'src');

describe('the folder graph of src/', () => {
  const graph = folderGraph(src);

  it('reads every kind of import, type-only ones included', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      "export { c } from './c';",
      "export type { D } from './d';",
      "const e = require('./e');",
      "type F = import('./f').F;",
      "async function g() { return import('./g'); }",
    ].join('\n');
    assert.deepEqual(specifiers('x.ts', text), ['./a', '../b', './c', './d', './e', './f', './g']);
  });

  it('sees the folders and their edges', () => {
    assert.ok(
      graph.folders.includes('core/graph') && graph.folders.includes('views') && graph.folders.includes('workspace'),
    );
    assert.ok(graph.edges.get('views')?.has('workspace'), 'views import the workspace services');
  });

  it('has no cycle between folders', () => {
    const cycles = folderCycles(graph);
    assert.deepEqual(
      cycles.map((c) => [`{${c.join(', ')}}`, ...cycleEdges(graph, c)]),
      [],
      'a cycle between folders: move what both sides need into its own file, below both',
    );
  });

  it('imports only downward: core → node → workspace → surfaces → extension.ts, surfaces never each other', async () => {
    const layers = (await import(path.join(root, 'scripts', 'layers.mjs'))) as Layers;
    const pending = new Set(
      layers.PENDING_IMPORTS.map(
        (p) => `${p.file.replace(/^src\//, '')} -> ${path.posix.dirname(p.imports.replace(/^src\//, ''))}`,
      ),
    );
    const wrong: string[] = [];
    for (const [from, row] of graph.edges) {
      for (const [to, files] of row) {
        if (layers.mayImport(from, to)) continue;
        const unexplained = [...files].filter((f) => !pending.has(`${f} -> ${to}`));
        if (unexplained.length > 0) wrong.push(`${from} -> ${to}: ${unexplained.join(', ')}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('refuses an import a layer may not make (the check itself)', async () => {
    const layers = (await import(path.join(root, 'scripts', 'layers.mjs'))) as Layers;
    assert.equal(layers.mayImport('views', 'codelens'), false);
    assert.equal(layers.mayImport('workspace', 'views'), false);
    assert.equal(layers.mayImport('node', 'workspace'), false);
    assert.equal(layers.mayImport('core/map', 'node'), false);
    assert.equal(layers.mayImport('core/map', 'core/match'), true);
    assert.equal(layers.mayImport('hovers', 'workspace'), true);
    assert.equal(layers.mayImport('.', 'views'), true);
  });
});
