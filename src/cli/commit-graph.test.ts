// Contract §5.7: `impact --head REF` follows the graph of REF's tree, not the working tree's; a deleted file's
// importers come from the base.
import * as assert from 'node:assert/strict';
import { symlinkSync, unlinkSync } from 'node:fs';
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
  'web/login.ts': "import { session } from '@lib/session';\nexport const login = () => session;\n",
  'services/order.service.ts': "import { round } from '../lib/money';\nexport function charge() { return round(1); }\n",
  'lib/money.ts': 'export function round(x: number) { return Math.round(x); }\n',
  'lib/session.ts': 'export const session = 1;\n',
};

interface Impact {
  head: string;
  journeys: {
    id: string;
    reach: string;
    touchpoints: { id: string; indirect?: { file: string; hops: number; via: string[] }[] }[];
  }[];
  unmappedFiles: string[];
}

const reachOf = (report: Impact): string[] =>
  report.journeys.flatMap((j) =>
    j.touchpoints.flatMap((t) => (t.indirect ?? []).map((i) => `${j.id}/${t.id} ${i.hops} ${i.via.join('>')}`)),
  );

describe('cx-impact impact: the graph of the commit asked about (contract §5.7)', function () {
  this.timeout(60_000);
  after(removeScratch);

  let repo: TestRepo;
  let env: Record<string, string>;
  beforeEach(() => {
    repo = TestRepo.create(FILES);
    repo.commit('base');
    env = { XDG_CACHE_HOME: scratchDir('cx-impact-cache-') };
  });

  it('--head REF reads the importers from REF, whatever the working tree holds', () => {
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write({
      'lib/money.ts': FILES['lib/money.ts'] + '// rounding\n',
      'lib/session.ts': 'export const session = 2;\n',
    });
    const head = repo.commit('change the helpers');
    // The working tree no longer matches the head: the importers are emptied, the link of login.ts to session.ts
    // is gone, and an importer that the head does not have appears.
    repo.write({ 'web/pay.ts': '', 'services/order.service.ts': '', 'web/login.ts': 'export const login = 1;\n' });
    repo.write({ 'web/extra.ts': "import { round } from '../lib/money';\nexport const x = round(2);\n" });

    for (const args of [
      ['--head', 'feature'],
      ['--head', head],
    ]) {
      const result = repo.cli(['impact', '--base', 'main', ...args, '--format', 'json', '--symbols', 'off'], { env });
      assert.equal(result.code, 0, result.stderr);
      const report = JSON.parse(result.stdout) as Impact;
      assert.equal(report.head, head);
      assert.deepEqual(reachOf(report), [
        'checkout/pay 2 lib/money.ts>services/order.service.ts>web/pay.ts',
        'account/login 1 lib/session.ts>web/login.ts',
      ]);
    }
    // Asked about the working tree, the report follows the working tree: nothing imports the helpers any more.
    const worktree = JSON.parse(
      repo.cli(['impact', '--base', 'main', '--format', 'json', '--symbols', 'off'], { env }).stdout,
    ) as Impact;
    assert.deepEqual(reachOf(worktree), []);
  });

  it('--head an older commit: the graph of that commit, not of the checkout', () => {
    repo.write({ 'lib/money.ts': FILES['lib/money.ts'] + '// v2\n' });
    const old = repo.commit('v2');
    repo.git('tag', 'v2');
    // Later, pay.ts stops importing the service: the tag still has the chain.
    repo.write({ 'web/pay.ts': 'export const pay = () => 1;\n' });
    repo.commit('pay without the service');
    const report = JSON.parse(
      repo.cli(['impact', '--base', `${old}^`, '--head', 'v2', '--format', 'json', '--symbols', 'off'], { env }).stdout,
    ) as Impact;
    assert.deepEqual(reachOf(report), ['checkout/pay 2 lib/money.ts>services/order.service.ts>web/pay.ts']);
    const now = JSON.parse(
      repo.cli(['impact', '--base', `${old}^`, '--format', 'json', '--symbols', 'off'], { env }).stdout,
    ) as Impact;
    assert.deepEqual(reachOf(now), []);
  });

  it('a deleted file reaches what imported it in the base, with --head and in the working tree', () => {
    repo.git('checkout', '-q', '-b', 'feature');
    repo.git('rm', '-q', 'lib/session.ts');
    repo.commit('drop the session');
    for (const args of [['--head', 'feature'], []]) {
      const result = repo.cli(['impact', '--base', 'main', ...args, '--format', 'json', '--symbols', 'off'], { env });
      assert.equal(result.code, 0, result.stderr);
      const report = JSON.parse(result.stdout) as Impact;
      assert.deepEqual(reachOf(report), ['account/login 1 lib/session.ts>web/login.ts'], args.join(' '));
      assert.deepEqual(report.unmappedFiles, []);
    }
  });

  it('a renamed file is followed under its new path in the head and its old path in the base', () => {
    repo.git('checkout', '-q', '-b', 'feature');
    repo.git('mv', 'lib/money.ts', 'lib/cash.ts');
    repo.write({
      'services/order.service.ts':
        "import { round } from '../lib/cash';\nexport function charge() { return round(1); }\n",
    });
    repo.commit('rename');
    const report = JSON.parse(
      repo.cli(['impact', '--base', 'main', '--head', 'feature', '--format', 'json', '--symbols', 'off'], { env })
        .stdout,
    ) as Impact;
    assert.deepEqual(reachOf(report), [
      'checkout/pay 1 services/order.service.ts>web/pay.ts',
      'checkout/pay 2 lib/cash.ts>services/order.service.ts>web/pay.ts',
      'checkout/pay 2 lib/money.ts>services/order.service.ts>web/pay.ts',
    ]);
  });

  it('a symbolic link in the commit is followed inside the tree; one leading out of it is not read', () => {
    repo.git('checkout', '-q', '-b', 'feature');
    unlinkSync(path.join(repo.dir, 'web/login.ts'));
    repo.write({ 'web/login-impl.ts': FILES['web/login.ts']! });
    symlinkSync('login-impl.ts', path.join(repo.dir, 'web/login.ts'));
    repo.write({ 'lib/session.ts': 'export const session = 3;\n' });
    repo.commit('login through a link');
    // On disk the link now leads nowhere useful: the commit is what counts.
    unlinkSync(path.join(repo.dir, 'web/login.ts'));
    symlinkSync('/etc/hostname', path.join(repo.dir, 'web/login.ts'));
    const report = JSON.parse(
      repo.cli(['impact', '--base', 'main', '--head', 'feature', '--format', 'json', '--symbols', 'off'], { env })
        .stdout,
    ) as Impact;
    assert.ok(reachOf(report).includes('account/login 1 lib/session.ts>web/login.ts'), JSON.stringify(reachOf(report)));
  });
});
