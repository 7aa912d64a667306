import * as assert from 'node:assert/strict';
import type { MapDiagnostic } from '../types';
import { parseMap } from './parse';

const lines = (...text: string[]): string => text.join('\n') + '\n';

/** `code@line:char-line:char`, 0-based like the diagnostics themselves. */
function brief(d: MapDiagnostic): string {
  const { start, end } = d.range;
  return `${d.code}@${start.line}:${start.character}-${end.line}:${end.character}`;
}

const CONTRACT_EXAMPLE = lines(
  'version: 1',
  'journeys:',
  '  - id: checkout',
  '    name: Checkout',
  '    tier: critical',
  '    owner: "@acme/payments"',
  '    description: Shoppers turn a cart into a paid order.',
  '    slo: 99.95% of checkouts succeed',
  '    customers: 120k orders a day',
  '    links:',
  '      dashboard: https://grafana.example.com/d/checkout',
  '      runbook: https://runbooks.example.com/checkout',
  '    touchpoints:',
  '      - id: pay',
  '        name: Pay for the order',
  '        channel: web',
  '        description: Card and wallet payments.',
  '        paths:',
  '          - services/payments/**',
  '          - "!services/payments/**/*.test.ts"',
  '        symbols:',
  '          - PaymentService.charge',
);

/** A valid touchpoint block, indented for a journey's `touchpoints:` list. */
const TOUCHPOINT = ['      - id: pay', '        name: Pay', '        paths: [services/payments/**]'];

function journey(...extra: string[]): string[] {
  return ['version: 1', 'journeys:', '  - id: checkout', '    name: Checkout', ...extra];
}

describe('parseMap: valid maps', () => {
  it('reads the contract example completely, with positions', () => {
    const { map, diagnostics } = parseMap(CONTRACT_EXAMPLE, 'cx-map.yaml');
    assert.deepEqual(diagnostics, []);
    assert.ok(map);
    assert.equal(map.file, 'cx-map.yaml');
    assert.equal(map.dir, '');
    const [checkout] = map.journeys;
    assert.ok(checkout);
    assert.equal(map.journeys.length, 1);
    assert.equal(checkout.id, 'checkout');
    assert.equal(checkout.name, 'Checkout');
    assert.equal(checkout.tier, 'critical');
    assert.equal(checkout.owner, '@acme/payments');
    assert.equal(checkout.slo, '99.95% of checkouts succeed');
    assert.equal(checkout.customers, '120k orders a day');
    assert.deepEqual(checkout.idRange, { start: { line: 2, character: 8 }, end: { line: 2, character: 16 } });
    assert.deepEqual(
      checkout.links.map((l) => [l.name, l.url, l.range.start.line]),
      [
        ['dashboard', 'https://grafana.example.com/d/checkout', 10],
        ['runbook', 'https://runbooks.example.com/checkout', 11],
      ],
    );
    const [pay] = checkout.touchpoints;
    assert.ok(pay);
    assert.equal(pay.channel, 'web');
    assert.equal(pay.description, 'Card and wallet payments.');
    assert.deepEqual(pay.symbols, ['PaymentService.charge']);
    assert.deepEqual(
      pay.paths.map((p) => [p.source, p.negated, p.line, p.range.start.character, p.range.end.character]),
      [
        ['services/payments/**', false, 19, 12, 32],
        ['!services/payments/**/*.test.ts', true, 20, 12, 45],
      ],
    );
    assert.deepEqual(pay.idRange, { start: { line: 13, character: 12 }, end: { line: 13, character: 15 } });
    assert.equal(pay.range.start.line, 13);
  });

  const valid: {
    name: string;
    file: string;
    text: string;
    check: (m: NonNullable<ReturnType<typeof parseMap>['map']>) => void;
  }[] = [
    {
      name: 'tier defaults to medium and optional keys stay absent',
      file: 'cx-map.yaml',
      text: lines(...journey('    touchpoints:', ...TOUCHPOINT)),
      check: (m) => {
        const j = m.journeys[0];
        assert.equal(j?.tier, 'medium');
        assert.equal(j?.owner, undefined);
        assert.equal(j?.touchpoints[0]?.channel, undefined);
        assert.deepEqual(j?.touchpoints[0]?.symbols, []);
      },
    },
    {
      name: 'a nested map governs its own folder',
      file: 'packages/web/cx-map.yml',
      text: lines(...journey('    touchpoints:', ...TOUCHPOINT)),
      check: (m) => assert.equal(m.dir, 'packages/web'),
    },
    {
      name: 'customers given as a number is kept as written',
      file: 'cx-map.yaml',
      text: lines(...journey('    customers: 1.5e3', '    touchpoints:', ...TOUCHPOINT)),
      check: (m) => assert.equal(m.journeys[0]?.customers, '1.5e3'),
    },
    {
      name: 'an anchored list of paths is shared through an alias',
      file: 'cx-map.yaml',
      text: lines(
        ...journey(
          '    touchpoints:',
          '      - id: pay',
          '        name: Pay',
          '        paths: &shared [lib/money/**, services/pay/**]',
          '      - id: refund',
          '        name: Refund',
          '        paths: *shared',
        ),
      ),
      check: (m) =>
        assert.deepEqual(
          m.journeys[0]?.touchpoints.map((t) => t.paths.map((p) => p.source)),
          [
            ['lib/money/**', 'services/pay/**'],
            ['lib/money/**', 'services/pay/**'],
          ],
        ),
    },
    {
      name: 'the same touchpoint id in two journeys is fine',
      file: 'cx-map.yaml',
      text: lines(
        ...journey('    touchpoints:', ...TOUCHPOINT),
        '  - id: refund',
        '    name: Refund',
        '    touchpoints:',
        ...TOUCHPOINT,
      ),
      check: (m) =>
        assert.deepEqual(
          m.journeys.map((j) => `${j.id}/${j.touchpoints[0]?.id ?? ''}`),
          ['checkout/pay', 'refund/pay'],
        ),
    },
    {
      name: 'CRLF line endings give the same positions',
      file: 'cx-map.yaml',
      text: lines(...journey('    touchpoints:', ...TOUCHPOINT)).replace(/\n/g, '\r\n'),
      check: (m) => {
        assert.deepEqual(m.journeys[0]?.idRange, { start: { line: 2, character: 8 }, end: { line: 2, character: 16 } });
        assert.equal(m.journeys[0]?.touchpoints[0]?.paths[0]?.line, 8);
      },
    },
  ];
  for (const c of valid) {
    it(c.name, () => {
      const { map, diagnostics } = parseMap(c.text, c.file);
      assert.deepEqual(diagnostics.map(brief), []);
      assert.ok(map);
      c.check(map);
    });
  }
});

interface InvalidCase {
  name: string;
  text: string;
  /** Every diagnostic, in order, as `code@line:char-line:char`. */
  expect: string[];
  /** The journeys (and their touchpoints) that survive: `journey/touchpoint`. */
  kept?: string[];
  /** Expected `suggestion` of the first diagnostic. */
  suggestion?: string;
}

const invalid: InvalidCase[] = [
  {
    name: 'missing version',
    text: lines('journeys:', '  - id: checkout', '    name: Checkout', '    touchpoints:', ...TOUCHPOINT),
    expect: ['missing-version@0:0-0:8'],
    kept: ['checkout/pay'],
  },
  {
    name: 'version 2',
    text: lines('version: 2', 'journeys:', '  - id: checkout', '    name: Checkout', '    touchpoints:', ...TOUCHPOINT),
    expect: ['unsupported-version@0:9-0:10'],
    kept: ['checkout/pay'],
    suggestion: '1',
  },
  {
    name: 'version with no value: no replacement is offered for the key',
    text: lines('version:', 'journeys:', '  - id: checkout', '    name: Checkout', '    touchpoints:', ...TOUCHPOINT),
    expect: ['unsupported-version@0:0-0:7'],
    kept: ['checkout/pay'],
    suggestion: undefined,
  },
  {
    name: 'version as quoted text',
    text: lines('version: "1"', 'journeys: []'),
    expect: ['unsupported-version@0:9-0:12', 'empty-list@1:10-1:12'],
    kept: [],
  },
  {
    name: 'missing journeys',
    text: lines('version: 1'),
    expect: ['missing-field@0:0-0:7'],
    kept: [],
  },
  {
    name: 'journeys is a mapping',
    text: lines('version: 1', 'journeys:', '  checkout: {}'),
    expect: ['wrong-type@2:2-3:0'],
    kept: [],
  },
  {
    name: 'unknown key with the closest known key suggested',
    text: lines(...journey('    tiers: high', '    touchpoints:', ...TOUCHPOINT)),
    expect: ['unknown-key@4:4-4:9'],
    kept: ['checkout/pay'],
    suggestion: 'tier',
  },
  {
    name: 'unknown key far from any known key gets no suggestion',
    text: lines(...journey('    colour: blue', '    touchpoints:', ...TOUCHPOINT)),
    expect: ['unknown-key@4:4-4:10'],
    kept: ['checkout/pay'],
  },
  {
    name: 'unknown key in a touchpoint (path instead of paths) drops the touchpoint',
    text: lines(
      ...journey(
        '    touchpoints:',
        '      - id: pay',
        '        name: Pay',
        '        path: [a/**]',
        ...TOUCHPOINT.map((l) => l.replace('pay', 'ok')),
      ),
    ),
    expect: ['missing-field@5:8-5:10', 'unknown-key@7:8-7:12'],
    kept: ['checkout/ok'],
    suggestion: undefined,
  },
  {
    name: 'bad tier keeps the journey as medium and suggests the closest tier',
    text: lines(...journey('    tier: critcal', '    touchpoints:', ...TOUCHPOINT)),
    expect: ['bad-tier@4:10-4:17'],
    kept: ['checkout/pay'],
    suggestion: 'critical',
  },
  {
    name: 'bad channel suggests the closest channel',
    text: lines(
      ...journey(
        '    touchpoints:',
        '      - id: pay',
        '        name: Pay',
        '        channel: contact-centre',
        '        paths: [a]',
      ),
    ),
    expect: ['bad-channel@7:17-7:31'],
    kept: ['checkout/pay'],
    suggestion: 'contact-center',
  },
  {
    name: 'bad journey id drops the journey and offers a fixed id',
    text: lines(
      'version: 1',
      'journeys:',
      '  - id: Check Out',
      '    name: Checkout',
      '    touchpoints:',
      ...TOUCHPOINT,
    ),
    expect: ['bad-id@2:8-2:17'],
    kept: [],
    suggestion: 'check-out',
  },
  {
    name: 'numeric id is the wrong type',
    text: lines('version: 1', 'journeys:', '  - id: 404', '    name: Not found', '    touchpoints:', ...TOUCHPOINT),
    expect: ['wrong-type@2:8-2:11'],
    kept: [],
  },
  {
    name: 'duplicate journey ids: the second one is dropped',
    text: lines(
      ...journey('    touchpoints:', ...TOUCHPOINT),
      '  - id: checkout',
      '    name: Again',
      '    touchpoints:',
      ...TOUCHPOINT,
    ),
    expect: ['duplicate-journey-id@8:8-8:16'],
    kept: ['checkout/pay'],
  },
  {
    name: 'duplicate touchpoint ids in a journey: the second one is dropped',
    text: lines(...journey('    touchpoints:', ...TOUCHPOINT, ...TOUCHPOINT)),
    expect: ['duplicate-touchpoint-id@8:12-8:15'],
    kept: ['checkout/pay'],
  },
  {
    name: 'duplicate keys are reported by position',
    text: lines(...journey('    name: Again', '    touchpoints:', ...TOUCHPOINT)),
    expect: ['duplicate-key@4:4-4:8'],
    kept: ['checkout/pay'],
  },
  {
    name: 'missing name drops the journey',
    text: lines('version: 1', 'journeys:', '  - id: checkout', '    touchpoints:', ...TOUCHPOINT),
    expect: ['missing-field@2:4-2:6'],
    kept: [],
  },
  {
    name: 'empty touchpoints and empty paths',
    text: lines(
      ...journey('    touchpoints: []'),
      '  - id: refund',
      '    name: Refund',
      '    touchpoints:',
      '      - id: ask',
      '        name: Ask',
      '        paths:',
    ),
    expect: ['empty-list@4:17-4:19', 'empty-list@10:8-10:13'],
    kept: [],
  },
  {
    name: 'a journey keeps its valid touchpoints and a touchpoint its valid patterns',
    text: lines(
      ...journey(
        '    touchpoints:',
        '      - id: pay',
        '        name: Pay',
        '        paths:',
        '          - ../shared/**',
        '          - services/pay/**',
        '          - C:\\src\\pay',
        '      - id: refund',
        '        paths: [x]',
      ),
    ),
    expect: ['parent-segment@8:12-8:24', 'absolute-pattern@10:12-10:22', 'missing-field@11:8-11:10'],
    kept: ['checkout/pay'],
  },
  {
    name: 'every pattern problem on its own line',
    text: lines(
      ...journey(
        '    touchpoints:',
        '      - id: pay',
        '        name: Pay',
        '        paths:',
        '          - ""',
        '          - "!"',
        '          - "a\\0b"',
        '          - //server/share/**',
        '          - \\\\server\\share',
        '          - C:/src/**',
        '          - "{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}"',
        '          - "{1..1001}"',
        '          - src/**',
      ),
    ),
    expect: [
      'empty-pattern@8:12-8:14',
      'empty-pattern@9:12-9:15',
      'nul-in-pattern@10:12-10:18',
      'absolute-pattern@11:12-11:29',
      'absolute-pattern@12:12-12:26',
      'absolute-pattern@13:12-13:21',
      'too-many-alternatives@14:12-14:64',
      'too-many-alternatives@15:12-15:23',
    ],
    kept: ['checkout/pay'],
  },
  {
    name: 'a pattern that is not text',
    text: lines(
      ...journey('    touchpoints:', '      - id: pay', '        name: Pay', '        paths: [2024, [a], src/**]'),
    ),
    expect: ['wrong-type@7:16-7:20', 'wrong-type@7:22-7:25'],
    kept: ['checkout/pay'],
  },
  {
    name: 'links: non-http schemes are dropped, http(s) kept',
    text: lines(
      ...journey(
        '    links:',
        '      runbook: https://runbooks.example.com/checkout',
        '      script: javascript:alert(1)',
        '      files: file:///etc/passwd',
        '      broken: https://',
        '    touchpoints:',
        ...TOUCHPOINT,
      ),
    ),
    expect: ['bad-link@6:14-6:33', 'bad-link@7:13-7:31', 'bad-link@8:14-8:22'],
    kept: ['checkout/pay'],
  },
  {
    name: 'symbols: bad entries are dropped, good ones kept',
    text: lines(
      ...journey(
        '    touchpoints:',
        ...TOUCHPOINT,
        '        symbols: [PaymentService.*, "a..b", ".x", "two words", 7]',
      ),
    ),
    expect: ['bad-symbol@8:36-8:42', 'bad-symbol@8:44-8:48', 'bad-symbol@8:50-8:61', 'bad-symbol@8:63-8:64'],
    kept: ['checkout/pay'],
  },
  {
    name: 'wrong types for optional text keys and customers',
    text: lines(
      ...journey('    owner: [a, b]', '    slo:', '    customers: {n: 1}', '    touchpoints:', ...TOUCHPOINT),
    ),
    expect: ['wrong-type@4:11-4:17', 'empty-value@5:4-5:7', 'wrong-type@6:15-6:21'],
    kept: ['checkout/pay'],
  },
  {
    name: 'YAML syntax errors are all reported and the rest is still read',
    text: lines(
      ...journey('    description: a: b', '    owner: [x', '    touchpoints:', ...TOUCHPOINT),
      '  - id: refund',
      '    name: Refund',
      '    touchpoints:',
      ...TOUCHPOINT,
    ),
    // The broken journey is left out without a cascade of follow-on problems; the next one is read.
    expect: ['yaml-syntax@4:17-4:18', 'yaml-syntax@6:4-6:5'],
    kept: ['refund/pay'],
  },
  {
    name: 'tabs as indentation',
    text: 'version: 1\njourneys:\n\t- id: a\n',
    // The item is still read: it has no name and no touchpoints.
    expect: ['yaml-syntax@2:0-2:1', 'missing-field@2:3-2:5', 'missing-field@2:3-2:5'],
    kept: [],
  },
  {
    name: 'merge keys are refused',
    text: lines(
      'version: 1',
      'base: &b {name: X}',
      'journeys:',
      '  - <<: *b',
      '    id: a',
      '    touchpoints:',
      ...TOUCHPOINT,
    ),
    expect: ['unknown-key@1:0-1:4', 'merge-key@3:4-3:6', 'missing-field@3:4-3:6'],
    kept: [],
  },
  {
    name: 'the root is a list',
    text: lines('- version: 1'),
    expect: ['not-a-map@0:0-1:0'],
  },
  {
    name: 'an empty file',
    text: '',
    expect: ['not-a-map@0:0-0:0'],
  },
  {
    name: 'only comments',
    text: lines('# nothing here yet'),
    expect: ['not-a-map@0:0-0:18'],
  },
];

describe('parseMap: invalid maps', () => {
  for (const c of invalid) {
    it(c.name, () => {
      const { map, diagnostics } = parseMap(c.text, 'cx-map.yaml');
      assert.deepEqual(diagnostics.map(brief), c.expect);
      for (const d of diagnostics) {
        assert.equal(d.file, 'cx-map.yaml');
        assert.ok(d.message.length > 20, `a message that says how to fix it: ${d.message}`);
      }
      if (c.kept !== undefined) {
        assert.ok(map, 'a map with errors still yields what is valid');
        assert.deepEqual(
          map.journeys.flatMap((j) => j.touchpoints.map((t) => `${j.id}/${t.id}`)),
          c.kept,
        );
      }
      if ('suggestion' in c) {
        assert.equal(diagnostics[0]?.suggestion, c.suggestion);
      }
    });
  }

  it('reports several problems of one file together, in document order', () => {
    const text = lines(
      'version: 3',
      'journeys:',
      '  - id: Checkout',
      '    name: Checkout',
      '    tire: high',
      '    touchpoints:',
      '      - id: pay',
      '        name: Pay',
      '        channel: phone',
      '        paths: ["../x", ok/**]',
    );
    const { map, diagnostics } = parseMap(text, 'cx-map.yaml');
    assert.deepEqual(diagnostics.map(brief), [
      'unsupported-version@0:9-0:10',
      'bad-id@2:8-2:16',
      'unknown-key@4:4-4:8',
      'bad-channel@8:17-8:22',
      'parent-segment@9:16-9:22',
    ]);
    assert.equal(diagnostics[2]?.suggestion, 'tier');
    assert.deepEqual(map?.journeys, []);
  });

  it("says what to do about YAML syntax errors, in the map's terms", () => {
    const cases: [text: string, advice: RegExp][] = [
      ['version: 1\njourneys:\n\t- id: a\n', /Indent with spaces, not tabs/],
      ['version: 1\n---\nversion: 1\n', /^The file holds more than one YAML document\. A map is one YAML document/],
      ['version: 1\njourneys:\n  - id: a\n    name: Checkout: the flow\n', /text that contains `: ` must be in quotes/],
      ['version: 1\njourneys: [a, b\n', /Add the closing bracket/],
      ['version: 1\njourneys:\n  - id: "a\n', /closing quote or bracket/],
    ];
    for (const [text, advice] of cases) {
      const messages = parseMap(text, 'cx-map.yaml')
        .diagnostics.filter((d) => d.code === 'yaml-syntax')
        .map((d) => d.message);
      assert.ok(
        messages.some((m) => advice.test(m)),
        `${JSON.stringify(text)}: ${messages.join(' | ')}`,
      );
      assert.ok(!messages.some((m) => m.includes('parseAllDocuments')));
    }
  });

  it('names the closest key and the valid values in the message', () => {
    const { diagnostics } = parseMap(lines(...journey('    touchpoint: []', '    tier: Critical')), 'cx-map.yaml');
    const unknown = diagnostics.find((d) => d.code === 'unknown-key');
    assert.match(unknown?.message ?? '', /did you mean `touchpoints`\?/);
    assert.equal(unknown?.suggestion, 'touchpoints');
    const tier = diagnostics.find((d) => d.code === 'bad-tier');
    assert.equal(tier?.suggestion, 'critical');
    assert.match(tier?.message ?? '', /critical, high, medium, low/);
  });
});

describe('the indirect key', () => {
  const base =
    'journeys:\n  - id: a\n    name: A\n    touchpoints:\n      - id: t\n        name: T\n        paths: [src]\n';
  it('reads maxHops, sharedAbove and exclude', () => {
    const { map, diagnostics } = parseMap(
      `version: 1\nindirect:\n  maxHops: 1\n  sharedAbove: 50\n  exclude:\n    - "**/*.stories.tsx"\n    - tools/**\n${base}`,
      'cx-map.yaml',
    );
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(map?.indirect, { maxHops: 1, sharedAbove: 50, exclude: ['**/*.stories.tsx', 'tools/**'] });
  });
  it('reports bad values with their position and keeps the defaults; unknown keys get the closest known one', () => {
    const { map, diagnostics } = parseMap(
      `version: 1\nindirect:\n  maxHops: two\n  sharedAbov: 50\n  exclude: ["../x"]\n${base}`,
      'cx-map.yaml',
    );
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]),
      [
        ['wrong-type', 2, 11],
        ['unknown-key', 3, 2],
        ['parent-segment', 4, 12],
      ],
    );
    assert.match(diagnostics[1]!.message, /sharedAbove/);
    assert.deepEqual(map?.indirect, { exclude: [] });
    assert.equal(map?.journeys.length, 1);
  });
});
