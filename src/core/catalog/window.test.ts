import * as assert from 'node:assert/strict';
import { plainSubject, pullRequestOf, windowStart } from './window';

describe('the catalogue window and pull requests', () => {
  const head = new Date('2026-12-02T10:00:00Z');
  it("takes an ISO date as it is, and a duration back from HEAD's date", () => {
    const iso = (v: string): string | undefined => windowStart(v, head)?.toISOString();
    assert.equal(iso('2026-11-01'), '2026-11-01T00:00:00.000Z');
    assert.equal(iso('2026-11-01T08:30:00+02:00'), '2026-11-01T06:30:00.000Z');
    assert.equal(iso('90d'), '2026-09-03T10:00:00.000Z');
    assert.equal(iso('2w'), '2026-11-18T10:00:00.000Z');
    assert.equal(iso('3m'), '2026-09-02T10:00:00.000Z');
    assert.equal(iso('1y'), '2025-12-02T10:00:00.000Z');
    assert.equal(iso('12h'), '2026-12-01T22:00:00.000Z');
    for (const bad of ['', 'yesterday', '90', '-3d', '2026-13-45', '5 fortnights'])
      assert.equal(iso(bad), undefined, bad);
  });

  it('reads the pull-request number of squash, merge, GitLab and Bitbucket subjects', () => {
    assert.equal(pullRequestOf('Speed up refunds (#123)'), 123);
    assert.equal(pullRequestOf('Merge pull request #45 from org/branch'), 45);
    assert.equal(pullRequestOf("Merge branch 'x' into 'main'", 'Title\n\nSee merge request group/project!67'), 67);
    assert.equal(pullRequestOf('Merged in feature (pull request #8)'), 8);
    assert.equal(pullRequestOf('Fix #12 in the middle'), undefined);
    assert.equal(pullRequestOf('Refs (#0)'), undefined);
    assert.equal(plainSubject('Merge pull request #45 from org/branch', '\nClearer wording\n'), 'Clearer wording');
    assert.equal(plainSubject('Merge pull request #45 from org/branch', ''), 'Merge pull request #45 from org/branch');
  });
});
