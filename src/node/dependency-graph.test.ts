import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { packageWasmDir } from './package-wasm';
import { edgesOf } from '../core/graph/test-graph';
import { CodeReader } from './code-reader';
import { loadDependencyGraph } from './dependency-graph';
import { ImportCache } from './graph-cache';

describe('dependency graph from disk', () => {
  let root: string;
  let cacheDir: string;
  let reader: CodeReader;
  const write = (files: Record<string, string | Buffer>): void => {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
  };
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'cx-graph-repo-'));
    cacheDir = mkdtempSync(path.join(os.tmpdir(), 'cx-graph-cache-'));
    reader = new CodeReader({ wasmDir: packageWasmDir() });
  });
  afterEach(() => {
    reader.dispose();
    rmSync(root, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('skips and counts files over 1 MB and binary files; leaves out node_modules, build output and vendored code', async () => {
    write({
      'src/a.ts':
        "import { b } from './b';\nimport { c } from './big';\nimport { d } from './bin';\nexport const a = b + c + d;\n",
      'src/b.ts': 'export const b = 1;\n',
      'src/big.ts': `export const c = 1;\n${'// padding\n'.repeat(110_000)}`,
      'src/bin.ts': Buffer.from([0x65, 0x78, 0, 1, 2]),
      'node_modules/x/index.ts': "import { a } from '../../src/a';\na;\n",
      'dist/a.js': "require('../src/a');\n",
      'vendor/lib/v.go': 'package lib\n',
    });
    const files = [
      'src/a.ts',
      'src/b.ts',
      'src/big.ts',
      'src/bin.ts',
      'node_modules/x/index.ts',
      'dist/a.js',
      'vendor/lib/v.go',
    ];
    const { graph } = await loadDependencyGraph({ root, files, reader });
    assert.deepEqual([...graph.skipped.entries()].sort(), [
      ['src/big.ts', 'over 1 MB'],
      ['src/bin.ts', 'binary'],
    ]);
    assert.deepEqual([...graph.files], ['src/a.ts', 'src/b.ts', 'src/big.ts', 'src/bin.ts']);
    // The skipped files are still nodes: what imports them keeps its edge.
    assert.deepEqual(edgesOf(graph), ['src/a.ts -> src/b.ts', 'src/a.ts -> src/big.ts', 'src/a.ts -> src/bin.ts']);
  });

  it('a second run with the cache re-parses only the file that changed', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 20; i++)
      files[`src/f${i}.ts`] = `import { v${i + 1} } from './f${i + 1}';\nexport const v${i} = v${i + 1};\n`;
    write(files);
    const list = Object.keys(files);
    const first = new ImportCache(cacheDir, root);
    await first.load();
    const cold = await loadDependencyGraph({ root, files: list, reader, cache: first });
    await first.save();
    assert.deepEqual([cold.parsed, cold.cached], [20, 0]);

    write({ 'src/f3.ts': 'export const v3 = 3;\n' });
    const second = new ImportCache(cacheDir, root);
    await second.load();
    const fresh = new CodeReader({ wasmDir: packageWasmDir() });
    const warm = await loadDependencyGraph({ root, files: list, reader: fresh, cache: second }).finally(() =>
      fresh.dispose(),
    );
    assert.deepEqual([warm.parsed, warm.cached], [1, 19]);
    assert.equal(warm.graph.stats.edges, cold.graph.stats.edges - 1);
    assert.ok(second.file.startsWith(cacheDir));
  });
});
