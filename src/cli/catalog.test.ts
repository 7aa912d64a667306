import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Catalog } from '../core/catalog/types';
import { commitAt, shopRepo } from './catalog-fixture';
import { TestRepo, removeScratch, scratchDir } from '../node/test-repo';

function catalogOf(repo: TestRepo, args: string[] = []): Catalog {
  const result = repo.cli(['catalog', '--format', 'json', '--since', '30d', ...args]);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as Catalog;
}

describe('cx-impact catalog', function () {
  this.timeout(120_000);
  after(removeScratch);

  it('writes index.html and catalog.json into cx-catalog by default, the page embedding the same data', () => {
    const repo = shopRepo();
    const result = repo.cli(['catalog', '--since', '30d'], { env: { SOURCE_DATE_EPOCH: '1796000000' } });
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stdout,
      /Wrote cx-catalog\/index\.html and cx-catalog\/catalog\.json: 4 journey\(s\), 4 commit\(s\)/,
    );
    const json = JSON.parse(readFileSync(path.join(repo.dir, 'cx-catalog/catalog.json'), 'utf8')) as Catalog;
    const html = readFileSync(path.join(repo.dir, 'cx-catalog/index.html'), 'utf8');
    const embedded = /<script type="application\/json" id="catalog-data">(.*?)<\/script>/s.exec(html)?.[1];
    assert.deepEqual(JSON.parse(embedded ?? 'null'), json);
    assert.match(
      html,
      /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;sha256-[^"]+&#39;; style-src &#39;sha256-/,
    );
    assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=|<img|<iframe/i, 'nothing loads from elsewhere');
    assert.doesNotMatch(/<style>(.*?)<\/style>/s.exec(html)?.[1] ?? '', /@import|url\(/i);
    assert.equal(json.generatedAt, '2026-11-30T00:53:20Z', 'SOURCE_DATE_EPOCH is generatedAt');
  });

  it("counts the window back from HEAD's commit date: the same commit gives the same catalogue", () => {
    const repo = shopRepo();
    const env = { SOURCE_DATE_EPOCH: '1796000000' };
    const first = repo.cli(['catalog', '--format', 'json', '--since', '30d'], { env });
    const second = repo.cli(['catalog', '--format', 'json', '--since', '30d'], { env });
    assert.equal(first.stdout, second.stdout);
    const catalog = JSON.parse(first.stdout) as Catalog;
    assert.equal(catalog.repository.headDate, '2026-12-02T10:00:00Z');
    assert.equal(catalog.repository.since, '2026-11-02T10:00:00Z');
    assert.equal(catalog.repository.historyComplete, true);
    assert.equal(catalogOf(repo, ['--since', '2026-11-24']).totals.commits, 3);
  });

  it("lists each journey's fields, CODEOWNERS teams, touchpoints with entry points and file counts, and changes in plain words", () => {
    const catalog = catalogOf(shopRepo());
    assert.deepEqual(
      catalog.journeys.map((j) => `${j.tier} ${j.id}`),
      ['critical checkout', 'high refunds', 'medium tracking', 'low search'],
    );
    const checkout = catalog.journeys[0]!;
    assert.equal(checkout.owner, '@shop/checkout');
    assert.equal(checkout.slo, '99.95% of checkouts succeed');
    assert.deepEqual(checkout.links, { dashboard: 'https://grafana.example.com/d/checkout' });
    assert.deepEqual(checkout.codeOwners, ['@shop/platform']);
    const pay = checkout.touchpoints[0]!;
    assert.equal(pay.files, 1);
    assert.equal(pay.indirectFiles, 1, 'src/lib/money.ts reaches it through an import');
    assert.deepEqual(
      pay.entryPoints.map((p) => `${p.method} ${p.route} ${p.file}:${p.line}`),
      ['POST /checkout/pay src/app.ts:6'],
    );
    assert.deepEqual(
      checkout.changes.map(
        (c) =>
          `${c.date} ${c.author} ${c.subject} #${c.pr ?? '-'} ${c.reach} ${c.touchpoints.join(',')} ${c.files.join(',')}`,
      ),
      [
        '2026-12-02T10:00:00Z Ada Lindqvist Round money to the tenth of a cent (#104) #104 indirect pay src/lib/money.ts',
        '2026-11-20T10:00:00Z Ada Lindqvist Speed up payment (#101) #101 direct pay src/checkout/pay.ts',
      ],
    );
    assert.equal(checkout.mapEdited?.author, 'Grace Hopper');
    assert.equal(checkout.mapEdited?.date, '2026-01-01T09:00:00Z');

    const refunds = catalog.journeys[1]!;
    assert.deepEqual(
      refunds.codeOwners,
      ['@shop/contact-center', '@shop/payments', '@shop/refunds-eng'],
      'last match wins per file; owners of most files first',
    );
    assert.deepEqual(
      refunds.changes.map((c) => `${c.subject} #${c.pr ?? '-'}`),
      ['Clearer refund wording for agents #102'],
      "a merge's title is its body's first line",
    );
    const tracking = catalog.journeys[2]!;
    assert.equal(tracking.changes[0]?.pr, undefined);
  });

  it('lists the blind spots: uncovered entry points, touchpoints that cover nothing, journeys with no entry point', () => {
    const catalog = catalogOf(shopRepo());
    assert.deepEqual(
      catalog.blindSpots.uncoveredEntryPoints.map((p) => `${p.method} ${p.route}`),
      ['GET /admin/report'],
    );
    assert.deepEqual(catalog.blindSpots.touchpointsWithoutFiles, [
      { journey: 'search', touchpoint: 'voice', map: 'cx-map.yaml' },
    ]);
    assert.deepEqual(catalog.blindSpots.journeysWithoutEntryPoints, ['tracking', 'search']);
  });

  it("the map edit: git blame of the journey's lines names the last commit that edited them", () => {
    const repo = shopRepo();
    repo.write({
      'cx-map.yaml': readFileSync(path.join(repo.dir, 'cx-map.yaml'), 'utf8').replace(
        'owner: "@shop/fulfilment"',
        'owner: "@shop/logistics"',
      ),
    });
    commitAt(repo, '2026-12-03T08:00:00Z', 'Tracking moves to logistics', 'Mina Osei');
    const catalog = catalogOf(repo);
    assert.deepEqual(catalog.journeys.find((j) => j.id === 'tracking')?.mapEdited, {
      date: '2026-12-03T08:00:00Z',
      author: 'Mina Osei',
      commit: repo.git('rev-parse', 'HEAD').trim(),
    });
    assert.equal(catalog.journeys.find((j) => j.id === 'checkout')?.mapEdited?.author, 'Grace Hopper');
  });

  it('without CODEOWNERS the owners come from the map alone, with no error', () => {
    const repo = shopRepo();
    repo.git('rm', '-q', '.github/CODEOWNERS');
    commitAt(repo, '2026-12-03T08:00:00Z', 'No CODEOWNERS');
    const result = repo.cli(['catalog', '--format', 'json']);
    assert.equal(result.code, 0);
    assert.equal(result.stderr, '');
    const catalog = JSON.parse(result.stdout) as Catalog;
    assert.deepEqual(
      catalog.journeys.map((j) => j.codeOwners),
      [[], [], [], []],
    );
    assert.equal(catalog.journeys[0]!.owner, '@shop/checkout');
  });

  it('a map with errors: the journeys that parse, with the diagnostics', () => {
    const broken = shopRepo().dir;
    const repo = new TestRepo(broken);
    repo.write({
      'cx-map.yaml': readFileSync(path.join(broken, 'cx-map.yaml'), 'utf8').replace('tier: medium', 'tier: urgent'),
    });
    const catalog = catalogOf(repo);
    assert.ok(catalog.journeys.length >= 3, 'the readable journeys are there');
    assert.ok(
      catalog.diagnostics.some((d) => d.severity === 'error' && d.line > 1 && d.file === 'cx-map.yaml'),
      JSON.stringify(catalog.diagnostics),
    );
  });

  it('a map that cannot be read: one line, exit 2, nothing written', () => {
    const out = scratchDir();
    // A folder named like a map cannot be read.
    const dirMap = TestRepo.create({ 'x/cx-map.yaml/keep': '' });
    const result = dirMap.cli(['catalog', '--out', out, '--map', 'x/cx-map.yaml']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^cx-impact: cannot read map x\/cx-map\.yaml: is a folder\n$/);
    assert.deepEqual(readdirSync(out), []);
  });

  it('bad usage: an unreadable --since, an unknown format; exit 2', () => {
    const repo = shopRepo();
    const since = repo.cli(['catalog', '--since', 'last tuesday']);
    assert.equal(since.code, 2);
    assert.match(since.stderr, /--since must be an ISO date .* got "last tuesday"/);
    assert.equal(existsSync(path.join(repo.dir, 'cx-catalog')), false);
    const format = repo.cli(['catalog', '--format', 'pdf']);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /catalog --format must be html, json, backstage, mermaid/);
  });

  it('a shallow clone: the catalogue says how far history reaches', () => {
    const repo = shopRepo();
    const clone = scratchDir();
    repo.git('clone', '-q', '--depth', '2', `file://${repo.dir}`, clone);
    const result = new TestRepo(clone).cli(['catalog', '--format', 'json', '--since', '30d']);
    assert.equal(result.code, 0, result.stderr);
    const catalog = JSON.parse(result.stdout) as Catalog;
    assert.equal(catalog.repository.shallow, true);
    assert.equal(catalog.repository.historyComplete, false);
    assert.equal(catalog.repository.historyFrom, '2026-12-01T10:00:00Z');
    assert.match(
      result.stderr,
      /the clone is shallow: history reaches back to 2026-12-01T10:00:00Z.*git fetch --shallow-since=2026-11-02/,
    );
  });

  it('--format backstage and mermaid print one document; with --out they are written there', () => {
    const repo = shopRepo();
    const backstage = repo.cli(['catalog', '--format', 'backstage']);
    assert.equal(backstage.code, 0, backstage.stderr);
    assert.equal(backstage.stdout.split(/^---$/m).length - 1, 4);
    assert.match(backstage.stdout, /kind: System[\s\S]*type: customer-journey\n\s+owner: group:default\/checkout/);
    const mermaid = repo.cli(['catalog', '--format', 'mermaid']);
    assert.equal(mermaid.stdout.match(/```mermaid\njourney\n/g)?.length, 4);
    const out = scratchDir();
    assert.equal(repo.cli(['catalog', '--format', 'backstage', '--out', out]).code, 0);
    assert.ok(existsSync(path.join(out, 'catalog-info.yaml')));
  });
});
