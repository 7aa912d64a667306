import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { TestRepo, removeScratch, scratchDir } from '../node/test-repo';

const MAP = `version: 1
journeys:
  - id: checkout
    name: Checkout
    tier: critical
    touchpoints:
      - id: pay
        name: Pay for the order
        paths:
          - web/pay.ts
  - id: search
    name: Search
    tier: low
    touchpoints:
      - id: results
        name: Results
        paths:
          - web/search.ts
  - id: account
    name: Account
    tier: medium
    touchpoints:
      - id: login
        name: Log in
        paths:
          - web/login.ts
`;

const FILES: Record<string, string> = {
  'cx-map.yaml': MAP,
  'tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@lib/*": ["lib/*"] } } }',
  'web/pay.ts': "import { charge } from '../services/order.service';\nexport const pay = () => charge();\n",
  'web/search.ts': "import { find } from '../services/search.service';\nexport const search = () => find();\n",
  'web/login.ts': "import { session } from '@lib/session';\nexport const login = () => session;\n",
  'services/order.service.ts': "import { round } from '../lib/money';\nexport function charge() { return round(1); }\n",
  'services/order.service.test.ts': "import { charge } from './order.service';\ncharge();\n",
  'services/search.service.ts':
    "import type { Money } from '../lib/money';\nexport function find(m?: Money) { return m; }\n",
  'lib/money.ts': 'export type Money = number;\nexport function round(x: number) { return Math.round(x); }\n',
  'lib/session.ts': 'export const session = 1;\n',
  'docs/notes.md': '# notes\n',
};

interface Journey {
  id: string;
  reach: string;
  touchpoints: { id: string; files: string[]; indirect?: { file: string; hops: number; via: string[] }[] }[];
}
interface Impact {
  journeys: Journey[];
  shared: { file: string; importers: number }[];
  unmappedFiles: string[];
}

describe('cx-impact: indirect impact through the dependency graph', function () {
  this.timeout(60_000);
  after(removeScratch);

  let repo: TestRepo;
  let cache: string;
  const env = (): Record<string, string> => ({ XDG_CACHE_HOME: cache });
  beforeEach(() => {
    repo = TestRepo.create(FILES);
    repo.commit('base');
    cache = scratchDir('cx-impact-cache-');
  });

  it('impact: a service file no touchpoint names reaches the journey of the file that imports it, with the chain', () => {
    repo.write({
      'services/order.service.ts': FILES['services/order.service.ts'] + '// faster\n',
      'docs/notes.md': '# more\n',
    });
    const result = repo.cli(['impact', '--base', 'HEAD', '--format', 'json'], { env: env() });
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as Impact;
    assert.deepEqual(
      report.journeys.map((j) => [j.id, j.reach]),
      [['checkout', 'indirect']],
    );
    assert.deepEqual(report.journeys[0]!.touchpoints, [
      {
        id: 'pay',
        name: 'Pay for the order',
        files: [],
        reasons: [],
        indirect: [{ file: 'services/order.service.ts', hops: 1, via: ['services/order.service.ts', 'web/pay.ts'] }],
      },
    ]);
    assert.deepEqual(report.unmappedFiles, ['docs/notes.md']);
    assert.deepEqual(report.shared, []);

    const text = repo.cli(['impact', '--base', 'HEAD'], { env: env() });
    assert.match(
      text.stdout,
      /Indirect, through imports \(no touchpoint file changed\):\n {4}Pay for the order ← services\/order\.service\.ts \(1 hop, likely\)\n {6}via services\/order\.service\.ts › web\/pay\.ts/,
    );
    const markdown = repo.cli(['impact', '--base', 'HEAD', '--format', 'markdown'], { env: env() });
    assert.match(markdown.stdout, /Checkout · critical · indirect/);
    assert.match(
      markdown.stdout,
      /- Pay for the order ← `services\/order\.service\.ts` · 1 hop, likely · via `services\/order\.service\.ts` › `web\/pay\.ts`/,
    );
  });

  it('impact: a cold run that reads the whole graph says why in one line on stderr; a narrowed or warm one does not', () => {
    // The top-level index.ts is named by `.` from anywhere: that rule is not reversed, so the whole graph is read.
    repo.write({ 'index.ts': "import { round } from './lib/money';\nexport const top = round(2);\n" });
    repo.commit('top-level entry');
    repo.write({ 'services/order.service.ts': FILES['services/order.service.ts'] + '// faster\n' });
    const narrowed = repo.cli(['impact', '--base', 'HEAD', '--format', 'json', '--no-cache'], { env: env() });
    assert.equal(narrowed.code, 0, narrowed.stderr);
    assert.equal(narrowed.stderr, '');

    repo.write({ 'index.ts': "import { round } from './lib/money';\nexport const top = round(3);\n" });
    const whole = repo.cli(['impact', '--base', 'HEAD', '--format', 'json'], { env: env() });
    assert.equal(whole.code, 0, whole.stderr);
    assert.equal(
      whole.stderr,
      "cx-impact: reading the whole dependency graph, not only what the change can reach: index.ts is the top-level folder's entry\n",
    );
    // Not in the JSON: the report is the same as a run that did not say it (here, from the cache just written).
    const warm = repo.cli(['impact', '--base', 'HEAD', '--format', 'json'], { env: env() });
    assert.equal(warm.stderr, '');
    assert.equal(warm.stdout, whole.stdout);
    const report = JSON.parse(whole.stdout) as Impact;
    assert.deepEqual(
      report.journeys.map((j) => [j.id, j.reach]),
      [['checkout', 'indirect']],
    );
  });

  it('impact: 2 hops is possible; type-only imports and tests carry nothing; direct reach wins', () => {
    repo.write({
      'lib/money.ts': FILES['lib/money.ts'] + '// x\n',
      'web/search.ts': FILES['web/search.ts'] + '// y\n',
    });
    const report = JSON.parse(
      repo.cli(['impact', '--base', 'HEAD', '--format', 'json'], { env: env() }).stdout,
    ) as Impact;
    // money.ts -> order.service.ts -> pay.ts; search.service.ts imports only the Money type, so Search is direct only.
    assert.deepEqual(
      report.journeys.map((j) => [
        j.id,
        j.reach,
        j.touchpoints.map((t) => [t.id, t.files, t.indirect?.map((i) => `${i.hops} ${i.via.join('>')}`)]),
      ]),
      [
        ['checkout', 'indirect', [['pay', [], ['2 lib/money.ts>services/order.service.ts>web/pay.ts']]]],
        ['search', 'direct', [['results', ['web/search.ts'], undefined]]],
      ],
    );
  });

  it('impact: tsconfig paths are followed; --max-hops 0 turns indirect reach off; --fail-on counts direct, --fail-on-indirect both', () => {
    repo.write({ 'lib/session.ts': 'export const session = 2;\n' });
    const on = JSON.parse(repo.cli(['impact', '--base', 'HEAD', '--format', 'json'], { env: env() }).stdout) as Impact;
    assert.deepEqual(
      on.journeys.map((j) => j.id),
      ['account'],
    );
    const off = JSON.parse(
      repo.cli(['impact', '--base', 'HEAD', '--format', 'json', '--max-hops', '0'], { env: env() }).stdout,
    ) as Impact;
    assert.deepEqual(off.journeys, []);
    assert.deepEqual(off.unmappedFiles, ['lib/session.ts']);
    assert.equal(repo.cli(['impact', '--base', 'HEAD', '--fail-on', 'medium'], { env: env() }).code, 0);
    assert.equal(repo.cli(['impact', '--base', 'HEAD', '--fail-on-indirect', 'medium'], { env: env() }).code, 1);
    assert.equal(repo.cli(['impact', '--base', 'HEAD', '--fail-on-indirect', 'critical'], { env: env() }).code, 0);
    const bad = repo.cli(['impact', '--base', 'HEAD', '--max-hops', 'two'], { env: env() });
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr, 'cx-impact: --max-hops must be a whole number from 0 to 100, got "two"\n');
  });

  it("explain: a file's indirect reach and its chain", () => {
    const json = repo.cli(['explain', 'services/order.service.ts', 'web/pay.ts', '--format', 'json'], { env: env() });
    assert.equal(json.code, 0, json.stderr);
    const entries = JSON.parse(json.stdout) as {
      path: string;
      touchpoints: unknown[];
      indirect?: { journey: string; touchpoint: string; hops: number; via: string[] }[];
    }[];
    assert.deepEqual(
      entries[0]!.indirect?.map((i) => [i.journey, i.touchpoint, i.hops, i.via]),
      [['checkout', 'pay', 1, ['services/order.service.ts', 'web/pay.ts']]],
    );
    assert.equal(entries[1]!.indirect, undefined);
    const text = repo.cli(['explain', 'services/order.service.ts'], { env: env() });
    assert.match(
      text.stdout,
      /services\/order\.service\.ts: reaches 1 touchpoint indirectly\n {2}Checkout › Pay for the order \(checkout\/pay, 1 hop, likely\)\n {4}via services\/order\.service\.ts › web\/pay\.ts/,
    );
  });

  it('deps: imports and importers, --unresolved, and json', () => {
    repo.write({
      'web/broken.ts': "import { x } from './nowhere';\nimport y from 'left-pad';\nexport const b = x + y;\n",
    });
    const text = repo.cli(['deps', 'services/order.service.ts', '--unresolved'], { env: env() });
    assert.equal(text.code, 0, text.stderr);
    assert.match(
      text.stdout,
      /^services\/order\.service\.ts\n {2}imports \(1\)\n {4}lib\/money\.ts {2}line 1: \.\.\/lib\/money\n {2}imported by \(1\)\n {4}web\/pay\.ts\n {2}unresolved \(0\)\n/,
    );
    const all = JSON.parse(repo.cli(['deps', '--unresolved', '--format', 'json'], { env: env() }).stdout) as {
      unresolved: unknown[];
      stats: { external: number };
    };
    assert.deepEqual(all.unresolved, [
      { file: 'web/broken.ts', line: 1, specifier: './nowhere', reason: 'no such file' },
    ]);
    assert.equal(all.stats.external, 1);
    assert.equal(repo.cli(['deps'], { env: env() }).code, 2);
  });

  it('caches outside the repository: nothing is written inside it, and --no-cache writes nothing', () => {
    repo.write({ 'services/order.service.ts': FILES['services/order.service.ts'] + '// x\n' });
    const before = repo.git('status', '--porcelain', '--ignored', '--untracked-files=all');
    assert.equal(repo.cli(['impact', '--base', 'HEAD', '--no-cache'], { env: env() }).code, 0);
    assert.deepEqual(readdirSync(cache), []);
    assert.equal(repo.cli(['impact', '--base', 'HEAD'], { env: env() }).code, 0);
    assert.equal(readdirSync(path.join(cache, 'cx-impact')).filter((f) => f.endsWith('.json')).length, 1);
    assert.equal(repo.git('status', '--porcelain', '--ignored', '--untracked-files=all'), before);
    // A second run from the cache gives the same answer.
    assert.equal(
      repo.cli(['impact', '--base', 'HEAD', '--format', 'json'], { env: env() }).stdout,
      repo.cli(['impact', '--base', 'HEAD', '--format', 'json', '--no-cache'], { env: env() }).stdout,
    );
  });

  it('bad input: an invalid tsconfig warns once and goes on; a link out of the repository is not followed', () => {
    const outside = scratchDir('cx-impact-outside-');
    writeFileSync(path.join(outside, 'secret.ts'), "import { charge } from './x';\n");
    symlinkSync(path.join(outside, 'secret.ts'), path.join(repo.dir, 'web', 'linked.ts'));
    repo.write({
      'tsconfig.json': '{ "compilerOptions": { ',
      'services/order.service.ts': FILES['services/order.service.ts'] + '// x\n',
    });
    const result = repo.cli(['impact', '--base', 'HEAD', '--format', 'json'], { env: env() });
    assert.equal(result.code, 0);
    assert.equal(
      result.stderr,
      'cx-impact: warning: tsconfig.json is not valid JSON: using the defaults (relative imports only)\n',
    );
    assert.deepEqual(
      (JSON.parse(result.stdout) as Impact).journeys.map((j) => j.id),
      ['checkout'],
    );
    const deps = repo.cli(['deps', 'web/linked.ts'], { env: env() });
    assert.match(deps.stdout, /web\/linked\.ts: not in the dependency graph \(symbolic link out of the repository\)/);
    assert.ok(existsSync(path.join(repo.dir, 'web', 'linked.ts')));
  });
});
