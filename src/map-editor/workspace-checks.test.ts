import * as assert from 'node:assert/strict';
import { parseMap } from '../core/map/parse';
import { countCoverage, toWorkspaceCounts } from '../workspace/coverage-count';
import type { CxMap } from '../core/types';
import { coverageWarnings, filesOfPattern, mapCounts, unanchored } from './workspace-checks';

const FILES = ['db/schema.sql', 'db/seed/users.sql', 'services/pay/a.ts', 'web/cx-map.yaml', 'web/src/b.ts'];

function warningsFor(text: string, file = 'cx-map.yaml') {
  const { map, diagnostics } = parseMap(text, file);
  assert.ok(map);
  assert.deepEqual(diagnostics, []);
  return coverageWarnings(map, counted(map));
}

const counted = (map: CxMap) => toWorkspaceCounts([map], countCoverage([map], FILES), FILES);

const one = (...paths: string[]) => `version: 1
journeys:
  - id: j
    name: J
    touchpoints:
      - id: t
        name: T
        paths:
${paths.map((p) => `          - "${p}"`).join('\n')}
`;

describe('workspace checks', () => {
  it('anchors a pattern at any depth, keeping a leading !', () => {
    assert.equal(unanchored('*.sql'), '**/*.sql');
    assert.equal(unanchored('./x/y'), '**/x/y');
    assert.equal(unanchored('!*.sql'), '!**/*.sql');
    assert.equal(unanchored('**/*.sql'), undefined);
  });

  it('says nothing when every pattern covers a file', () => {
    assert.deepEqual(warningsFor(one('services/**', '!services/pay/a.ts', 'db/*.sql')), []);
  });

  it('suggests the **/ form of a pattern that covers nothing when that form would, at the pattern', () => {
    const [w, ...rest] = warningsFor(one('services/**', '*.sql'));
    assert.equal(rest.length, 0);
    assert.equal(w?.code, 'pattern-covers-nothing');
    assert.equal(w?.suggestion, '**/*.sql');
    assert.match(w?.message ?? '', /Did you mean `\*\*\/\*\.sql`\? It would cover 2 files/);
    assert.deepEqual(w?.range, { start: { line: 9, character: 12 }, end: { line: 9, character: 19 } });
  });

  it('offers no suggestion when the **/ form covers nothing either, and flags the empty touchpoint', () => {
    const found = warningsFor(one('nowhere/**'));
    assert.deepEqual(
      found.map((w) => [w.code, w.range.start.line, w.suggestion]),
      [
        ['touchpoint-covers-nothing', 5, undefined],
        ['pattern-covers-nothing', 8, undefined],
      ],
    );
  });

  it('matches a package map against its own folder only', () => {
    assert.deepEqual(warningsFor(one('src/**'), 'web/cx-map.yaml'), []);
    assert.equal(
      warningsFor(one('pay/**'), 'web/cx-map.yaml')[1]?.suggestion,
      undefined,
      'services/pay is outside web/',
    );
  });

  it('does not flag a ! pattern that excludes nothing', () => {
    assert.deepEqual(warningsFor(one('services/**', '!services/none/**')), []);
  });

  it('lists the files a pattern covers on its own, the first ones in path order', () => {
    assert.deepEqual(filesOfPattern({ file: 'cx-map.yaml', dir: '' }, '**/*.sql', FILES, 1), {
      count: 2,
      first: ['db/schema.sql'],
    });
    assert.deepEqual(filesOfPattern({ file: 'web/cx-map.yaml', dir: 'web' }, '!src/', FILES), {
      count: 1,
      first: ['web/src/b.ts'],
    });
    assert.deepEqual(filesOfPattern({ file: 'cx-map.yaml', dir: '' }, 'nothing/**', FILES), { count: 0, first: [] });
  });

  it('counts the files of each journey once, even when its touchpoints share them', () => {
    const { map } = parseMap(
      `version: 1
journeys:
  - id: j
    name: J
    touchpoints:
      - { id: a, name: A, paths: [services/**] }
      - { id: b, name: B, paths: ["**/*.ts"] }
  - id: k
    name: K
    touchpoints:
      - { id: c, name: C, paths: [db/] }
`,
      'cx-map.yaml',
    );
    assert.ok(map);
    const counts = mapCounts(map, counted(map));
    assert.deepEqual(
      [...counts.journeys],
      [
        ['j', 2],
        ['k', 2],
      ],
    );
    assert.deepEqual(
      [...counts.touchpoints],
      [
        ['j/a', 1],
        ['j/b', 2],
        ['k/c', 2],
      ],
    );
  });
});
