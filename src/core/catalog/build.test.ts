import * as assert from 'node:assert/strict';
import { parseMap } from '../map/parse';
import { Matcher } from '../match/matcher';
import { DEFAULT_INDIRECT } from '../graph/reach';
import type { CxMap } from '../types';
import { buildCatalog, MAX_CHANGES_PER_JOURNEY, type CatalogInput, type CommitFacts } from './build';
import { parseCodeOwners } from './codeowners';

const MAP = `version: 1
journeys:
  - id: search
    name: Find a product
    tier: low
    touchpoints:
      - id: box
        name: Search box
        paths: [src/search/**]
  - id: checkout
    name: Checkout
    tier: critical
    touchpoints:
      - id: pay
        name: Pay
        channel: web
        paths: [src/pay/**]
      - id: mail
        name: Receipt
        channel: email
        paths: [emails/**]
`;

function input(over: Partial<CatalogInput> = {}, maps: CxMap[] = [parseMap(MAP, 'cx-map.yaml').map!]): CatalogInput {
  const matcher = new Matcher(maps);
  return {
    generatedAt: '2026-12-07T00:00:00Z',
    repository: { historyComplete: true },
    maps,
    diagnostics: [],
    files: ['src/search/a.ts', 'src/pay/a.ts', 'src/pay/b.ts', 'README.md'],
    coverageOf: (p) => matcher.coverageOf(p),
    entryPoints: [
      {
        kind: 'http',
        framework: 'express',
        method: 'POST',
        route: '/pay',
        file: 'src/app.ts',
        line: 3,
        handlerFile: 'src/pay/a.ts',
        touchpoints: [{ journey: 'checkout', touchpoint: 'pay', map: 'cx-map.yaml' }],
      },
      {
        kind: 'page',
        framework: 'next',
        route: '/admin',
        file: 'pages/admin.tsx',
        line: 1,
        handlerFile: 'pages/admin.tsx',
        touchpoints: [],
      },
    ],
    indirect: DEFAULT_INDIRECT,
    commits: [],
    ...over,
  };
}

const commit = (n: number, files: string[], subject = `change ${n}`): CommitFacts => ({
  commit: n.toString(16).padStart(40, '0'),
  date: new Date(Date.UTC(2026, 10, 1) + n * 60_000).toISOString(),
  author: 'A',
  subject,
  files,
});

describe('buildCatalog', () => {
  it('sorts journeys by tier, counts files per touchpoint, and attaches entry points; the rest are blind spots', () => {
    const catalog = buildCatalog(input());
    assert.deepEqual(
      catalog.journeys.map((j) => j.id),
      ['checkout', 'search'],
    );
    const checkout = catalog.journeys[0]!;
    assert.deepEqual(
      checkout.touchpoints.map((t) => [t.id, t.channel, t.files, t.entryPoints.length]),
      [
        ['pay', 'web', 2, 1],
        ['mail', 'email', 0, 0],
      ],
    );
    assert.equal(catalog.journeys[1]!.touchpoints[0]!.channel, 'other', 'a touchpoint with no channel');
    assert.deepEqual(
      catalog.blindSpots.uncoveredEntryPoints.map((p) => p.route),
      ['/admin'],
    );
    assert.deepEqual(catalog.blindSpots.touchpointsWithoutFiles, [
      { journey: 'checkout', touchpoint: 'mail', map: 'cx-map.yaml' },
    ]);
    assert.deepEqual(catalog.blindSpots.journeysWithoutEntryPoints, ['search']);
    assert.deepEqual(catalog.totals, { files: 4, coveredFiles: 3, commits: 0, entryPoints: 2 });
  });

  it('lists changes most recent first per journey, with PR numbers, touchpoints and files, capped with the total kept', () => {
    const commits = Array.from({ length: MAX_CHANGES_PER_JOURNEY + 5 }, (_, i) =>
      commit(1000 - i, ['src/pay/a.ts', 'README.md'], `Pay faster ${i} (#${i + 1})`),
    );
    commits.unshift(commit(2000, ['emails/receipt.html', 'src/pay/b.ts', 'src/search/a.ts'], 'Both'));
    const catalog = buildCatalog(input({ commits }));
    const checkout = catalog.journeys[0]!;
    assert.equal(checkout.changes.length, MAX_CHANGES_PER_JOURNEY);
    assert.equal(checkout.changesInWindow, MAX_CHANGES_PER_JOURNEY + 6);
    assert.deepEqual(checkout.changes[0], {
      commit: commit(2000, []).commit,
      date: commit(2000, []).date,
      author: 'A',
      subject: 'Both',
      reach: 'direct',
      touchpoints: ['pay', 'mail'],
      files: ['emails/receipt.html', 'src/pay/b.ts'],
    });
    assert.equal(checkout.changes[1]!.pr, 1);
    assert.deepEqual(
      catalog.journeys[1]!.changes.map((c) => c.subject),
      ['Both'],
    );
  });

  it("CODEOWNERS teams of the journey's files, the one owning most first; none without a CODEOWNERS file", () => {
    const codeOwners = parseCodeOwners('* @all\nsrc/pay/a.ts @pay-a\nsrc/pay/ @pay\n');
    const catalog = buildCatalog(input({ codeOwners, codeOwnersFile: 'CODEOWNERS' }));
    assert.deepEqual(catalog.journeys[0]!.codeOwners, ['@pay']);
    assert.deepEqual(catalog.journeys[1]!.codeOwners, ['@all']);
    assert.equal(catalog.codeOwnersFile, 'CODEOWNERS');
    assert.deepEqual(buildCatalog(input()).journeys[0]!.codeOwners, []);
  });

  it("mapEdited is the newest committed edit of the journey's lines; uncommitted lines are flagged", () => {
    const line = (commit: string, date: string, uncommitted = false) => ({
      commit,
      date,
      author: commit,
      ...(uncommitted ? { uncommitted } : {}),
    });
    const blame = new Map([
      [
        'cx-map.yaml',
        [
          ...Array.from({ length: 9 }, () => line('old', '2026-01-01T00:00:00Z')),
          line('new', '2026-06-01T00:00:00Z'),
          ...Array.from({ length: 10 }, () => line('old', '2026-01-01T00:00:00Z')),
          line('0000', '', true),
        ],
      ],
    ]);
    const catalog = buildCatalog(input({ blame }));
    assert.deepEqual(catalog.journeys.find((j) => j.id === 'search')?.mapEdited, {
      commit: 'old',
      date: '2026-01-01T00:00:00Z',
      author: 'old',
    });
    assert.deepEqual(catalog.journeys.find((j) => j.id === 'checkout')?.mapEdited, {
      commit: 'new',
      date: '2026-06-01T00:00:00Z',
      author: 'new',
      uncommitted: true,
    });
  });

  it('gives a journey id used by two maps a key naming its folder, and lists the diagnostics one-based', () => {
    const other = parseMap(MAP, 'packages/web/cx-map.yaml').map!;
    const maps = [parseMap(MAP, 'cx-map.yaml').map!, { ...other, dir: 'packages/web' }];
    const catalog = buildCatalog({
      ...input({}, maps),
      diagnostics: [
        {
          file: 'cx-map.yaml',
          range: { start: { line: 4, character: 2 }, end: { line: 4, character: 9 } },
          severity: 'error',
          code: 'bad-tier',
          message: 'no',
        },
      ],
    });
    assert.deepEqual(
      catalog.journeys.map((j) => j.key),
      ['checkout@.', 'checkout@packages/web', 'search@.', 'search@packages/web'],
    );
    assert.deepEqual(catalog.diagnostics, [
      { file: 'cx-map.yaml', line: 5, col: 3, severity: 'error', code: 'bad-tier', message: 'no' },
    ]);
  });
});
