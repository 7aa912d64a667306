import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { packageWasmDir } from './package-wasm';
import { ParseError } from '../core/code/parser';
import { CodeReader, workerExecArgv } from './code-reader';

/** A worker entry that runs the TypeScript source through tsx, as the bundle runs dist/code-worker.js. */
function workerScript(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-code-worker-'));
  const script = path.join(dir, 'worker.js');
  fs.writeFileSync(
    script,
    `require(${JSON.stringify(require.resolve('tsx/cjs'))});\nrequire(${JSON.stringify(path.join(__dirname, 'code-worker.ts'))});\n`,
  );
  return script;
}

describe('code reader', () => {
  const wasmDir = packageWasmDir();

  for (const where of ['worker', 'thread'] as const) {
    describe(`in a ${where}`, () => {
      let reader: CodeReader;
      beforeEach(() => {
        reader = new CodeReader({
          wasmDir,
          ...(where === 'worker' ? { workerScript: workerScript(), workers: 2 } : {}),
        });
      });
      afterEach(() => reader.dispose());

      it('answers, and answers the same text again from the cache', async () => {
        const text = 'export function f( {\n';
        const first = await reader.ask('syntaxErrors', 'src/a.ts', text);
        assert.ok(first && first.problems.length > 0);
        const again = await reader.ask('syntaxErrors', 'src/other-name.ts', text);
        assert.deepEqual(again, first);
        assert.deepEqual(reader.stats, { cached: 1, parsed: 1 });
        assert.equal(reader.inWorkers, where === 'worker');
      });

      it('has no answer for a file no grammar reads', async () => {
        assert.equal(await reader.ask('syntaxErrors', 'db/schema.sql', 'select 1;'), undefined);
      });

      it('rejects a binary file with the reason', async () => {
        await assert.rejects(
          reader.ask('syntaxErrors', 'a.ts', '\u0000\u0001'),
          (e: unknown) => e instanceof ParseError && e.reason === 'binary',
        );
      });

      it('answers many files at once', async () => {
        const answers = await Promise.all(
          Array.from({ length: 40 }, (_, i) => reader.ask('syntaxErrors', `f${i}.go`, `package p\nfunc F${i}() {}\n`)),
        );
        assert.equal(answers.filter((a) => a?.problems.length === 0).length, 40);
      });
    });
  }

  it("workers get this process's Node flags without its module loaders (the worker script is a bundle)", () => {
    assert.deepEqual(
      workerExecArgv([
        '--import',
        'tsx',
        '--max-old-space-size=4096',
        '--require=x',
        '-r',
        'y',
        '--loader',
        'z',
        '--inspect',
      ]),
      ['--max-old-space-size=4096', '--inspect'],
    );
    assert.deepEqual(workerExecArgv([]), []);
  });

  it('answers on this thread when the worker script is missing, and says so once', async () => {
    const messages: string[] = [];
    const reader = new CodeReader({
      wasmDir,
      workerScript: path.join(os.tmpdir(), 'no-such-code-worker.js'),
      log: (m) => messages.push(m),
    });
    try {
      const results = await Promise.all([
        reader.ask('syntaxErrors', 'a.py', 'def f(:\n'),
        reader.ask('syntaxErrors', 'b.py', 'x = 1\n'),
      ]);
      assert.ok(results[0]!.problems.length > 0);
      assert.deepEqual(results[1]!.problems, []);
      assert.equal(messages.length, 1);
      assert.equal(reader.inWorkers, false);
    } finally {
      reader.dispose();
    }
  });
});
