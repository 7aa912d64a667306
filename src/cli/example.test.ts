// The bundled example: examples/make-demo-repo.mjs builds the shop repository with the feature/refund-speedup branch,
// and the Markdown report on it must match the committed snapshot.
// After an intended change of the report or of examples/shop, update the snapshot with:
//   UPDATE_SNAPSHOTS=1 npx mocha --no-config -r tsx/cjs --timeout 120000 src/cli/example.test.ts
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { TestRepo, cliBundle, gitEnv, removeScratch, scratchDir } from '../node/test-repo';

const projectRoot = path.resolve(__dirname, '..', '..');
const snapshot = path.join(__dirname, 'snapshots', 'refund-speedup.md');

describe('the example repository (examples/make-demo-repo.mjs)', function () {
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

  it('is on feature/refund-speedup with a clean working tree', () => {
    assert.equal(repo.git('branch', '--show-current').trim(), 'feature/refund-speedup');
    assert.equal(repo.git('status', '--porcelain'), '');
  });

  it('impact --base main --format markdown matches the snapshot', () => {
    const result = repo.cli(['impact', '--base', 'main', '--format', 'markdown']);
    assert.equal(result.code, 0, result.stderr);
    if (process.env.UPDATE_SNAPSHOTS) writeFileSync(snapshot, result.stdout);
    assert.equal(result.stdout, readFileSync(snapshot, 'utf8'));
  });

  it('reaches Account access only indirectly: the branch changes a session service that login.ts imports', () => {
    const report = JSON.parse(repo.cli(['impact', '--base', 'main', '--format', 'json']).stdout) as {
      journeys: { id: string; reach: string; touchpoints: { id: string; files: string[]; indirect?: unknown[] }[] }[];
      unmappedFiles: string[];
    };
    const account = report.journeys.find((j) => j.id === 'account');
    assert.equal(account?.reach, 'indirect');
    assert.deepEqual(
      account?.touchpoints.map((t) => [t.id, t.files, t.indirect]),
      [
        [
          'sign-in',
          [],
          [
            {
              file: 'services/accounts/src/session.service.ts',
              hops: 1,
              via: ['services/accounts/src/session.service.ts', 'services/accounts/src/login.ts'],
            },
          ],
        ],
      ],
    );
    assert.ok(!report.unmappedFiles.includes('services/accounts/src/session.service.ts'));
  });

  it('touches a critical journey, moves files with the map edit, and its maps are valid', () => {
    assert.equal(repo.cli(['impact', '--base', 'main', '--fail-on', 'critical']).code, 1);
    const report = JSON.parse(repo.cli(['impact', '--base', 'main', '--format', 'json']).stdout) as {
      mapChanges: { touchpoint: string; added: string[]; removed: string[] }[];
    };
    assert.deepEqual(
      report.mapChanges.map((c) => [c.touchpoint, c.added.length, c.removed.length]),
      [
        ['agent-refund', 0, 1],
        ['app-refund-status', 1, 0],
      ],
    );
    const check = repo.cli(['check']);
    assert.deepEqual([check.code, check.stdout], [0, '']);
  });
});
