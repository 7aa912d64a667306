// The demo history's symbol-precision step (examples/make-demo-repo.mjs, tags symbols/unnamed and symbols/named):
// a commit that changes only PaymentService.status does not touch the pay touchpoint (it names PaymentService.charge);
// the commit that changes PaymentService.charge does, and names it.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { TestRepo, cliBundle, gitEnv, removeScratch, scratchDir } from '../node/test-repo';

const projectRoot = path.resolve(__dirname, '..', '..');

interface Json {
  journeys: {
    id: string;
    touchpoints: {
      id: string;
      precision?: string;
      symbols?: { file: string; symbol: string; side: string; lines: [number, number] }[];
    }[];
  }[];
  changes: { path: string; symbols?: string[] }[];
}

describe('the example repository: symbol precision', function () {
  this.timeout(120_000);
  let repo: TestRepo;

  before(() => {
    cliBundle();
    const dir = path.join(scratchDir(), 'demo');
    execFileSync(process.execPath, [path.join(projectRoot, 'examples', 'make-demo-repo.mjs'), dir], {
      env: { ...process.env, ...gitEnv },
    });
    repo = new TestRepo(dir);
  });
  after(() => removeScratch());

  const impact = (tag: string): Json => {
    const result = repo.cli(['impact', '--base', `${tag}~1`, '--head', tag, '--format', 'json']);
    assert.equal(result.code, 0, result.stderr);
    return JSON.parse(result.stdout) as Json;
  };

  it('a commit that changes only a method the touchpoint does not name leaves the touchpoint out', () => {
    const json = impact('symbols/unnamed');
    assert.deepEqual(json.journeys, []);
    assert.deepEqual(
      json.changes.map((c) => [c.path, c.symbols]),
      [['services/checkout/src/payment-service.ts', ['PaymentService.status']]],
    );
    // Without symbols (file level) the same commit would report Checkout: the precision is what leaves it out.
    const fileLevel = repo.cli([
      'impact',
      '--base',
      'symbols/unnamed~1',
      '--head',
      'symbols/unnamed',
      '--format',
      'json',
      '--symbols',
      'off',
    ]);
    assert.deepEqual(
      (JSON.parse(fileLevel.stdout) as Json).journeys.map((j) => j.id),
      ['checkout'],
    );
  });

  it('a commit that changes the named method reports the touchpoint with it', () => {
    const json = impact('symbols/named');
    const pay = json.journeys.find((j) => j.id === 'checkout')?.touchpoints.find((t) => t.id === 'pay');
    assert.equal(pay?.precision, 'symbol');
    assert.deepEqual(pay?.symbols, [
      {
        file: 'services/checkout/src/payment-service.ts',
        symbol: 'PaymentService.charge',
        side: 'new',
        lines: [12, 21],
        change: 'changed',
      },
    ]);
    const text = repo.cli(['impact', '--base', 'symbols/named~1', '--head', 'symbols/named']);
    assert.match(text.stdout, /PaymentService\.charge \(lines 12–21\)/);
  });
});
