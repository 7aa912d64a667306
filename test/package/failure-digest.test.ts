// `npm test` repeats each failed step's cause after its summary (scripts/failure-digest.mjs): checked on the output
// of a real mocha run with an assertion, a thrown error and a timeout.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(__dirname, '../..');

describe('the failure digest of npm test', function () {
  this.timeout(60_000);

  it("names each failing mocha test with its error's first line, and falls back to the output's tail", async () => {
    const { failureDigest } = (await import(pathToFileURL(path.join(root, 'scripts/failure-digest.mjs')).href)) as {
      failureDigest: (output: string, maxLines?: number) => string[];
    };
    const dir = mkdtempSync(path.join(tmpdir(), 'cx-digest-'));
    try {
      writeFileSync(
        path.join(dir, 'a.test.js'),
        [
          "const assert = require('assert');",
          "describe('outer suite', () => { describe('inner', () => {",
          "  it('fails on equal', () => assert.equal(1, 2));",
          "  it('passes', () => {});",
          "  it('throws a TypeError', () => { null.x; });",
          "  it('times out', function (done) { this.timeout(50); });",
          '}); });',
        ].join('\n'),
      );
      const run = spawnSync(
        process.execPath,
        [path.join(root, 'node_modules/mocha/bin/mocha.js'), '--no-config', 'a.test.js'],
        { cwd: dir, encoding: 'utf8' },
      );
      assert.equal(run.status, 3, run.stderr);
      const digest = failureDigest(run.stdout + run.stderr);
      assert.equal(digest.length, 3, digest.join('\n'));
      assert.equal(digest[0], '1) outer suite › inner › fails on equal — AssertionError [ERR_ASSERTION]: 1 == 2');
      assert.equal(
        digest[1],
        "2) outer suite › inner › throws a TypeError — TypeError: Cannot read properties of null (reading 'x')",
      );
      assert.match(digest[2] ?? '', /^3\) outer suite › inner › times out — Error: Timeout of 50ms exceeded/);
      assert.deepEqual(failureDigest('\u001b[31mbuild\u001b[0m\n\nerror: no such file\n'), [
        'build',
        'error: no such file',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
