// The one change pipeline (src/node/change-pipeline.ts) on throw-away repositories (here in test/, because it
// compares what three surfaces show, which no layer of src/ may import together), in plain Node: the whole answer
// in one call, and the three surfaces (the CLI, the Impact Report, the Changes view's nodes) showing that answer.
import * as assert from 'node:assert/strict';
import { packageWasmDir } from '../../src/node/package-wasm';
import { indirectSettings } from '../../src/core/graph/settings';
import type { ImpactReport } from '../../src/core/impact/impact';
import { Matcher } from '../../src/core/match/matcher';
import { renderJson } from '../../src/core/render/json';
import type { CxMap, Journey } from '../../src/core/types';
import { reachOfChange } from '../../src/cli/change-graph';
import { TestRepo, removeScratch } from '../../src/node/test-repo';
import { gatherReport } from '../../src/report/comparison';
import { changeGroupNode } from '../../src/views/changes-nodes';
import type { ViewNode } from '../../src/views/view-node';
import { analyzeChange, type ChangeServices } from '../../src/node/change-pipeline';
import { CodeReader } from '../../src/node/code-reader';
import { GitError, filesAt, type ChangeSet } from '../../src/node/git';
import { isMapFile, readMapsAt } from '../../src/node/maps';

const MAP = `version: 1
journeys:
  - id: checkout
    name: Checkout
    tier: critical
    touchpoints:
      - id: pay
        name: Pay for the order
        channel: web
        paths: [web/pay.ts]
  - id: refunds
    name: Refunds
    tier: high
    touchpoints:
      - id: ask
        name: Ask for a refund
        paths: [services/refund.ts]
        symbols: [requestRefund]
  - id: account
    name: Account
    tier: medium
    touchpoints:
      - id: login
        name: Log in
        paths: [web/login.ts]
`;

const FILES: Record<string, string> = {
  'cx-map.yaml': MAP,
  'web/pay.ts': "import { round } from '../lib/money';\nexport const pay = (cents: number) => round(cents);\n",
  'web/login.ts': 'export const login = () => 1;\n',
  'lib/money.ts': 'export function round(x: number) {\n  return Math.round(x);\n}\n',
  'services/refund.ts':
    'export function requestRefund() {\n  return 1;\n}\n\nexport function refundPolicyDays() {\n  return 30;\n}\n',
  'docs/notes.md': '# notes\n',
};

/**
 * A branch that changes: a file no touchpoint covers but an importer of a covered one (indirect reach), a function
 * of a symbol-scoped file no touchpoint names (symbols take the touchpoint away), and the map (Account gains a file).
 */
function branch(): TestRepo {
  const repo = TestRepo.create(FILES);
  repo.commit('shop');
  repo.git('checkout', '-q', '-b', 'feature');
  repo.write({
    'lib/money.ts': 'export function round(x: number) {\n  return Math.round(x * 100) / 100;\n}\n',
    'services/refund.ts': FILES['services/refund.ts']!.replace('return 30;', 'return 60;'),
    'docs/notes.md': '# notes, again\n',
    'cx-map.yaml': MAP.replace('paths: [web/login.ts]', 'paths: [web/login.ts, docs/**]'),
  });
  repo.commit('feature');
  return repo;
}

/** The services a caller in Node gives the pipeline for a commit: its maps, this thread's reader, the CLI's graph. */
function commitServices(root: string, reader: CodeReader): ChangeServices {
  return {
    root,
    maps: async (change) => ({
      coverage: new Matcher(await readMapsAt(root, change.head)),
      isMap: isMapFile,
      mapEdit: async () => ({
        baseCoverage: new Matcher(await readMapsAt(root, change.base)),
        files: await filesAt(root, change.head),
      }),
    }),
    reader,
    reach: async (files, change) => {
      const maps = await readMapsAt(root, change.head);
      const matcher = new Matcher(maps);
      const { options, exclude } = indirectSettings(maps, undefined);
      return reachOfChange({
        root,
        change,
        worktreeFiles: [],
        files,
        coverageOf: (f) => matcher.coverageOf(f),
        options,
        exclude,
        env: {},
        noCache: true,
        warn: () => undefined,
      });
    },
  };
}

/** Journey › touchpoint › files (direct and indirect) as a surface lists them. */
function outlineOfReport(report: ImpactReport): string[] {
  return report.journeys.flatMap((j) =>
    j.touchpoints.map(
      (t) =>
        `${j.name} › ${t.name}: ${[...t.files, ...(t.indirect ?? []).map((i) => `${i.file} (indirect)`)].join(', ')}`,
    ),
  );
}

function outlineOfNodes(group: ViewNode): string[] {
  return (group.children ?? [])
    .filter((j) => j.kind === 'journey')
    .flatMap((j) =>
      (j.children ?? []).map(
        (t) =>
          `${j.label} › ${t.label}: ${(t.children ?? []).map((f) => (f.description?.startsWith('indirect') ? `${f.children?.[0]?.file?.path ?? f.label} (indirect)` : (f.file?.path ?? f.label))).join(', ')}`,
      ),
    );
}

describe('the change pipeline (analyzeChange)', function () {
  this.timeout(60_000);
  const reader = new CodeReader({ wasmDir: packageWasmDir() });
  after(removeScratch);
  after(() => reader.dispose());

  it('answers a branch whole in one call: direct files, the symbols that narrow, indirect reach and the map changes', async () => {
    const repo = branch();
    const answer = await analyzeChange({ kind: 'refs', base: 'main', head: 'HEAD' }, commitServices(repo.dir, reader));
    assert.deepEqual(answer.warnings, []);
    assert.deepEqual(
      answer.change.files.map((f) => f.path),
      ['cx-map.yaml', 'docs/notes.md', 'lib/money.ts', 'services/refund.ts'],
    );
    const { report } = answer;
    assert.deepEqual(outlineOfReport(report), [
      // lib/money.ts is in no touchpoint: it reaches Pay through web/pay.ts, which imports it.
      'Checkout › Pay for the order: lib/money.ts (indirect)',
      // docs/notes.md is Account's through the map edited in the same change.
      'Account › Log in: docs/notes.md',
    ]);
    assert.equal(report.journeys.find((j) => j.id === 'checkout')?.reach, 'indirect');
    // Refunds names requestRefund; the change touched refundPolicyDays only, so it is left out, the file named.
    assert.ok(!report.journeys.some((j) => j.id === 'refunds'));
    assert.deepEqual(report.changes.find((c) => c.path === 'services/refund.ts')?.symbols, ['refundPolicyDays']);
    assert.deepEqual(report.mapChanges, [
      { map: 'cx-map.yaml', journey: 'account', touchpoint: 'login', added: ['docs/notes.md'], removed: [] },
    ]);
    assert.deepEqual(
      answer.reaches?.map((r) => [r.file, r.hits.length]),
      [['lib/money.ts', 1]],
    );
  });

  it('the CLI, the Impact Report and the Changes view show the answer it returns, the same journeys and files', async () => {
    const repo = branch();
    const answer = await analyzeChange({ kind: 'refs', base: 'main', head: 'HEAD' }, commitServices(repo.dir, reader));

    // The CLI prints the answer as it is.
    const cli = repo.cli(['impact', '--base', 'main', '--head', 'HEAD', '--format', 'json', '--no-cache']);
    assert.equal(cli.code, 0, cli.stderr);
    assert.equal(cli.stdout, renderJson(answer.report));

    // The Impact Report gathers the same report (its own services: the panel's, with the graph the CLI uses).
    const services = commitServices(repo.dir, reader);
    const gathered = await gatherReport({
      root: repo.dir,
      comparison: { kind: 'refs', base: 'main', head: 'HEAD' },
      reader,
      ...(services.reach ? { reach: services.reach } : {}),
    });
    assert.deepEqual(gathered.report, answer.report);

    // The Changes view's group is built from the answer: the same journeys, touchpoints and files, indirect apart.
    const journeys = new Map<string, { map: CxMap; journey: Journey }>();
    for (const map of await readMapsAt(repo.dir, answer.change.head))
      for (const journey of map.journeys) journeys.set(`${map.file}\u0000${journey.id}`, { map, journey });
    const group = changeGroupNode({
      id: 'repo\u0000branch',
      label: 'Branch vs main',
      report: answer.report,
      root: 'file:///repo',
      base: answer.change.base,
      head: 'HEAD',
      emptyText: 'No commits since main.',
      resolveJourney: (map, id) => journeys.get(`${map}\u0000${id}`),
      isMap: isMapFile,
    });
    assert.deepEqual(outlineOfNodes(group), outlineOfReport(answer.report));
    assert.equal(group.description, '4 files · 2 journeys');
    assert.deepEqual(
      group.children?.filter((c) => c.kind === 'group').map((c) => [c.label, c.children?.map((f) => f.file?.path)]),
      [['Maps edited', ['cx-map.yaml']]],
    );
  });

  it('with maxHops 0 loads no graph, and the report keeps its direct shape', async () => {
    const repo = branch();
    const services = commitServices(repo.dir, reader);
    const asked: string[][] = [];
    const answer = await analyzeChange(
      { kind: 'refs', base: 'main', head: 'HEAD' },
      { ...services, reach: (files) => (asked.push([...files]), Promise.resolve([])) },
      { maxHops: 0 },
    );
    assert.deepEqual(asked, []);
    assert.deepEqual(answer.report.unmappedFiles, ['lib/money.ts']);
    assert.ok(answer.report.journeys.every((j) => j.reach === 'direct'));
  });

  it('without symbols (off, or no reader) symbol-scoped touchpoints count whole files', async () => {
    const repo = branch();
    const { reader: _unused, ...withoutReader } = commitServices(repo.dir, reader);
    for (const [services, symbols] of [
      [commitServices(repo.dir, reader), 'off'],
      [withoutReader, 'all'],
    ] as const) {
      const { report } = await analyzeChange({ kind: 'refs', base: 'main', head: 'HEAD' }, services, { symbols });
      const refunds = report.journeys.find((j) => j.id === 'refunds');
      assert.deepEqual(
        refunds?.touchpoints.map((t) => [t.id, t.precision, t.files]),
        [['ask', 'file', ['services/refund.ts']]],
        symbols,
      );
    }
  });

  it('a symbol read that fails: the CLI fails with it; the editor keeps the file-level answer and a warning', async () => {
    const repo = branch();
    const head = repo.git('rev-parse', 'HEAD').trim();
    // A base commit git does not have: listing the hunks fails.
    const change: ChangeSet = {
      base: '0'.repeat(40),
      head,
      files: [{ path: 'services/refund.ts', status: 'modified' }],
    };
    const services = commitServices(repo.dir, reader);
    await assert.rejects(analyzeChange({ kind: 'change', change }, services), GitError);
    const answer = await analyzeChange({ kind: 'change', change }, services, { failures: 'warn' });
    assert.equal(answer.warnings.length, 1);
    assert.match(answer.warnings[0] ?? '', /^Could not read the changed symbols: /);
    assert.deepEqual(
      answer.report.journeys.map((j) => [j.id, j.touchpoints.map((t) => t.precision)]),
      [['refunds', ['file']]],
    );
  });

  it('a repository without a graph (reach answers undefined) keeps the direct report, without reach', async () => {
    const repo = branch();
    const answer = await analyzeChange(
      { kind: 'refs', base: 'main', head: 'HEAD' },
      { ...commitServices(repo.dir, reader), reach: () => Promise.resolve(undefined) },
    );
    assert.equal(answer.reaches, undefined);
    assert.ok(answer.report.journeys.every((j) => j.reach === undefined));
    assert.deepEqual(answer.report.unmappedFiles, ['lib/money.ts']);
  });
});
