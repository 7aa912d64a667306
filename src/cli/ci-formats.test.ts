import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { TestRepo, removeScratch, scratchDir } from '../node/test-repo';

const MAP = `version: 1
journeys:
  - id: checkout
    name: Checkout
    tier: critical
    touchpoints:
      - id: pay
        name: Pay
        paths:
          - src/payments/**
  - id: search
    name: Search
    tier: low
    touchpoints:
      - id: results
        name: Results
        paths:
          - src/search/
`;

const BROKEN = MAP.replace('tier: low', 'tier: lowest').replace('    name: Search', '    name: Search\n    ownr: x');

describe('cx-impact CI formats', () => {
  after(removeScratch);

  it('check --format github: one workflow command per problem, paths from the repository root', () => {
    const repo = TestRepo.create({ 'maps/cx-map.yaml': BROKEN, 'src/search/a.ts': '' });
    const result = repo.cli(['check', '--format', 'github'], { cwd: path.join(repo.dir, 'src') });
    assert.equal(result.code, 1, result.stderr);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2, result.stdout);
    assert.ok(
      lines.some(
        (l) => l.startsWith('::error file=maps/cx-map.yaml,line=14,col=11,') && l.includes('title=bad-tier::'),
      ),
      result.stdout,
    );
    assert.ok(
      lines.some(
        (l) => l.startsWith('::warning file=maps/cx-map.yaml,line=13,col=5,') && l.includes('title=unknown-key::'),
      ),
      result.stdout,
    );
  });

  it('check --format sarif and --format gitlab print JSON with the same problems, exit codes as text', () => {
    const repo = TestRepo.create({ 'cx-map.yaml': BROKEN });
    const sarif = repo.cli(['check', '--format', 'sarif']);
    assert.equal(sarif.code, 1, sarif.stderr);
    const log = JSON.parse(sarif.stdout) as {
      version: string;
      runs: { tool: { driver: { version: string } }; results: { ruleId: string }[] }[];
    };
    assert.equal(log.version, '2.1.0');
    assert.deepEqual(log.runs[0]?.results.map((r) => r.ruleId).sort(), ['bad-tier', 'unknown-key']);
    assert.match(log.runs[0]?.tool.driver.version ?? '', /^\d+\.\d+\.\d+/);
    const gitlab = repo.cli(['check', '--format', 'gitlab']);
    assert.equal(gitlab.code, 1);
    const issues = JSON.parse(gitlab.stdout) as {
      check_name: string;
      location: { path: string; lines: { begin: number } };
    }[];
    assert.deepEqual(issues.map((i) => `${i.location.path}:${i.location.lines.begin} ${i.check_name}`).sort(), [
      'cx-map.yaml:13 unknown-key',
      'cx-map.yaml:14 bad-tier',
    ]);
    const clean = TestRepo.create({ 'cx-map.yaml': MAP });
    assert.deepEqual(JSON.parse(clean.cli(['check', '--format', 'gitlab']).stdout), []);
    assert.equal(clean.cli(['check', '--format', 'sarif']).code, 0);
  });

  it('check --map with a CI format still names the file from the repository root', () => {
    const repo = TestRepo.create({ 'pkg/cx-map.yaml': BROKEN });
    const result = repo.cli(['check', '--map', 'cx-map.yaml', '--format', 'gitlab'], {
      cwd: path.join(repo.dir, 'pkg'),
    });
    const issues = JSON.parse(result.stdout) as { location: { path: string } }[];
    assert.ok(issues.length > 0 && issues.every((i) => i.location.path === 'pkg/cx-map.yaml'), result.stdout);
  });

  describe('impact --format github', () => {
    function changedRepo(): TestRepo {
      const repo = TestRepo.create({
        'cx-map.yaml': MAP,
        'src/payments/charge.ts': 'a\n',
        'src/search/find.ts': 'a\n',
      });
      repo.commit('base');
      repo.write({ 'src/payments/charge.ts': 'b\n', 'src/search/find.ts': 'b\n' });
      return repo;
    }

    it('prints the Markdown report and a ::notice per critical journey, and appends the report to the job summary', () => {
      const repo = changedRepo();
      const summary = path.join(scratchDir(), 'step-summary.md');
      writeFileSync(summary, '# Earlier step\n');
      const markdown = repo.cli(['impact', '--base', 'HEAD', '--format', 'markdown']).stdout;
      const result = repo.cli(['impact', '--base', 'HEAD', '--format', 'github', '--fail-on', 'critical'], {
        env: { GITHUB_STEP_SUMMARY: summary },
      });
      assert.equal(result.code, 1, result.stderr);
      assert.equal(result.stderr, '');
      assert.ok(result.stdout.startsWith(markdown), 'the Markdown report first');
      const notices = result.stdout.slice(markdown.length).trimEnd().split('\n');
      assert.equal(notices.length, 1, result.stdout);
      assert.match(
        notices[0] ?? '',
        /^::notice file=src\/payments\/charge\.ts,title=Critical journey touched%3A Checkout::.*Checkout \(checkout/,
      );
      assert.equal(readFileSync(summary, 'utf8'), `# Earlier step\n${markdown}`);
    });

    it('never writes a job summary inside the repository, and works without one', () => {
      const repo = changedRepo();
      const inside = path.join(repo.dir, 'summary.md');
      const result = repo.cli(['impact', '--base', 'HEAD', '--format', 'github'], {
        env: { GITHUB_STEP_SUMMARY: inside },
      });
      assert.equal(result.code, 0);
      assert.match(
        result.stderr,
        /^cx-impact: not writing the job summary to .*summary\.md: it is inside the repository\n$/,
      );
      assert.equal(existsSync(inside), false);
      const plain = repo.cli(['impact', '--base', 'HEAD', '--format', 'github'], { env: { GITHUB_STEP_SUMMARY: '' } });
      assert.equal(plain.code, 0);
      assert.equal(plain.stderr, '');
      assert.match(plain.stdout, /^::notice /m);
    });

    it('other commands refuse the CI formats they do not have', () => {
      const repo = changedRepo();
      const result = repo.cli(['explain', 'src/a.ts', '--format', 'github']);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /explain --format must be text, json, got "github"/);
      assert.match(
        repo.cli(['impact', '--format', 'sarif']).stderr,
        /impact --format must be text, markdown, json, github, got "sarif"/,
      );
    });
  });
});
