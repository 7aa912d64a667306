import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { literalMap } from '../core/match/literal-map';
import { Matcher } from '../core/match/matcher';
import { seededRandom, syntheticMaps, syntheticPaths } from '../../test/synthetic/synthetic-repo';
import { countCoverage, mapsFromSlimJson, slimMapsJson, toWorkspaceCounts } from './coverage-count';
import { CountCancelled, CoverageCounter, type Cancellation } from './coverage-counter';

/** The worker from its TypeScript source, as the build would bundle it. */
function workerScript(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-counter-'));
  const script = path.join(dir, 'worker.js');
  fs.writeFileSync(
    script,
    `require(${JSON.stringify(require.resolve('tsx/cjs'))});\nrequire(${JSON.stringify(path.join(__dirname, 'coverage-worker.ts'))});\n`,
  );
  return script;
}
const WORKER = workerScript();
const FILES = ['a/x.ts', 'a/y.go', 'b/z.ts', 'c/w.md'];
const MAP = literalMap('', [
  {
    id: 'j',
    touchpoints: [
      { id: 't1', paths: ['a/**'] },
      { id: 't2', paths: ['**/*.ts'] },
    ],
  },
  { id: 'k', touchpoints: [{ id: 'u', paths: ['a/x.ts', 'nothing/**', 'y.go'], symbols: ['Service.handle'] }] },
]);

function token(): Cancellation & { cancel(): void } {
  const listeners: Array<() => void> = [];
  let cancelled = false;
  return {
    get isCancellationRequested() {
      return cancelled;
    },
    onCancellationRequested(listener) {
      listeners.push(listener);
      return { dispose: () => listeners.splice(listeners.indexOf(listener), 1) };
    },
    cancel() {
      cancelled = true;
      for (const l of [...listeners]) l();
    },
  };
}

describe('counting coverage', () => {
  it('counts patterns, touchpoints and journeys (a file two touchpoints of a journey cover counts once)', () => {
    const counts = toWorkspaceCounts([MAP], countCoverage([MAP], FILES), FILES);
    assert.deepEqual(
      counts.journeys.map((j) => [j.journey.id, j.files]),
      [
        ['j', 3],
        ['k', 1],
      ],
    );
    assert.deepEqual(
      counts.touchpoints.map((t) => [t.touchpoint.id, t.files]),
      [
        ['t1', 2],
        ['t2', 2],
        ['u', 1],
      ],
    );
    assert.deepEqual(
      counts.patterns.map((p) => [p.pattern.source, p.files]),
      [
        ['a/**', 2],
        ['**/*.ts', 2],
        ['a/x.ts', 1],
        ['nothing/**', 0],
        ['y.go', 0],
      ],
    );
    assert.deepEqual(counts.uncoveredFiles, ['c/w.md']);
    // The files whose symbols the map warnings look up, for touchpoints with `symbols` only.
    assert.deepEqual(
      [...counts.symbolFiles].map(([t, files]) => [t.id, files]),
      [['u', ['a/x.ts']]],
    );
    // `y.go` covers nothing where it is; `**/y.go` would cover a/y.go. `nothing/**` has no alternative.
    assert.deepEqual(
      [...counts.alternatives.entries()].map(([p, a]) => [(p as { source: string }).source, a]),
      [['y.go', { pattern: '**/y.go', files: 1 }]],
    );
  });

  it('agrees with the matcher on a generated repository, through the slim JSON the worker gets', () => {
    const files = syntheticPaths(3000, seededRandom(7));
    const maps = syntheticMaps(files, { patterns: 300 }, seededRandom(8));
    const counts = toWorkspaceCounts(maps, countCoverage(mapsFromSlimJson(slimMapsJson(maps)), files), files);
    const matcher = new Matcher(maps);
    const report = matcher.coverageReport(files);
    assert.deepEqual(
      counts.patterns.map((p) => [p.files, p.decided]),
      report.patterns.map((p) => [p.files, p.decided]),
    );
    assert.deepEqual(counts.uncoveredFiles, report.uncoveredFiles);
    for (const j of counts.journeys) {
      const expected = files.filter((f) => matcher.coverageOf(f).some((c) => c.journey === j.journey)).length;
      assert.equal(j.files, expected, `journey ${j.journey.id}`);
    }
  });
});

describe('the coverage counter', function () {
  this.timeout(60_000);
  let counter: CoverageCounter | undefined;
  afterEach(() => counter?.dispose());
  after(() => fs.rmSync(path.dirname(WORKER), { recursive: true, force: true }));

  it('counts in a worker thread, with the same answer as on this thread', async () => {
    counter = new CoverageCounter({ script: WORKER });
    const raw = await counter.count('list#1', FILES, slimMapsJson([MAP]));
    assert.deepEqual(
      toWorkspaceCounts([MAP], raw, FILES).journeys.map((j) => j.files),
      [3, 1],
    );
    assert.deepEqual({ ...raw, ms: 0 }, { ...countCoverage([MAP], FILES), ms: 0 });
    assert.equal(counter.records.at(-1)?.where, 'worker');
    // The list stays in the worker: a second job over it sends no files.
    const again = await counter.count('list#1', [], slimMapsJson([MAP]));
    assert.equal(again.totalFiles, FILES.length);
  });

  it('stops a running count when cancelled, and counts the next one', async () => {
    counter = new CoverageCounter({ script: WORKER });
    const files = syntheticPaths(100_000, seededRandom(1));
    const maps = syntheticMaps(files, { patterns: 2000 }, seededRandom(2));
    const cancel = token();
    const running = counter.count('big', files, slimMapsJson(maps), cancel);
    setTimeout(() => cancel.cancel(), 200);
    await assert.rejects(running, CountCancelled);
    const next = await counter.count('small', FILES, slimMapsJson([MAP]));
    assert.equal(next.coveredFiles, 3);
    assert.equal(
      counter.records.filter((r) => r.files === files.length).length,
      0,
      'the cancelled job finished anyway',
    );
  });

  it('counts on this thread, and says so once, when the worker script is missing', async () => {
    const messages: string[] = [];
    counter = new CoverageCounter({ script: path.join(__dirname, 'no-such-worker.js'), log: (m) => messages.push(m) });
    assert.equal((await counter.count('l', FILES, slimMapsJson([MAP]))).coveredFiles, 3);
    assert.equal((await counter.count('l', FILES, slimMapsJson([MAP]))).coveredFiles, 3);
    assert.equal(messages.length, 1);
    assert.match(
      messages[0]!,
      /no-such-worker\.js is missing; counting coverage on the extension host's thread instead/,
    );
    assert.equal(counter.records.at(-1)?.where, 'thread');
  });
});
