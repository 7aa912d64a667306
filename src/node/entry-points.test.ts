import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { packageWasmDir } from './package-wasm';
import { CodeReader } from './code-reader';
import { readEntryPoints } from './entry-points';

/** A worker entry that runs the TypeScript source through tsx, as the bundle runs dist/code-worker.js. */
function workerScript(dir: string): string {
  const script = path.join(dir, 'worker.js');
  fs.writeFileSync(
    script,
    `require(${JSON.stringify(require.resolve('tsx/cjs'))});\nrequire(${JSON.stringify(path.join(__dirname, 'code-worker.ts'))});\n`,
  );
  return script;
}

describe('entry points read from disk', () => {
  let dir: string;
  let reader: CodeReader;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-entry-'));
    reader = new CodeReader({ wasmDir: packageWasmDir(), workerScript: workerScript(dir), workers: 2 });
  });
  after(() => {
    reader.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('asks the worker pool, and answers again from the cache without parsing', async () => {
    const repo = path.join(dir, 'repo');
    const files: Record<string, string> = {
      'src/app.ts':
        "import express from 'express';\nimport { list } from './orders';\nconst app = express();\napp.get('/orders', list);\n",
      'src/orders.ts': 'export function list() {}\n',
      'web/handlers.go':
        'package web\nimport "net/http"\nfunc (h *H) routes(m *http.ServeMux) { m.HandleFunc("GET /unread", h.unread) }\n',
      'web/unread.go': 'package web\nfunc (h *H) unread() {}\n',
      'node_modules/x/index.js': "const express = require('express');\nconst app = express();\napp.get('/nope', f);\n",
      'big.ts': `export const x = '${'x'.repeat(1024 * 1024)}';\n`,
      'README.md': '# hi\n',
    };
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
      fs.writeFileSync(path.join(repo, file), text);
    }
    const first = await readEntryPoints(repo, [...Object.keys(files), 'deleted.ts'], reader);
    assert.ok(reader.inWorkers);
    assert.deepEqual(
      first.entryPoints.map((p) => `${p.method} ${p.route} ${p.file}:${p.line} ${p.handlerFile} ${p.handler ?? ''}`),
      ['GET /orders src/app.ts:4 src/orders.ts list', 'GET /unread web/handlers.go:3 web/unread.go H.unread'],
    );
    assert.deepEqual(first.skipped, [{ path: 'big.ts', reason: 'too-large' }]);
    const parsed = reader.stats.parsed;
    const again = await readEntryPoints(repo, Object.keys(files), reader);
    assert.deepEqual(again.entryPoints, first.entryPoints);
    assert.equal(reader.stats.parsed, parsed);
    // A changed file is read again.
    fs.appendFileSync(path.join(repo, 'src/app.ts'), "app.delete('/orders/:id', list);\n");
    const changed = await readEntryPoints(repo, Object.keys(files), reader);
    assert.deepEqual(
      changed.entryPoints.map((p) => `${p.method} ${p.route}`),
      ['GET /orders', 'DELETE /orders/:id', 'GET /unread'],
    );
  });
});
