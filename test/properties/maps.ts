// Random and mutated journey maps: parseMap never throws, places every range inside the document, stays bounded.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { MAP_DIAGNOSTIC_CODES } from '../../src/core/map/codes';
import { MAX_DIAGNOSTICS, parseMap } from '../../src/core/map/parse';
import { CHANNELS, TIERS, type ParseResult, type Range } from '../../src/core/types';
import { property } from './run';

/** Characters that mean something to YAML, a glob or a terminal, and some that are hard to count. */
const SPECIAL = [
  ':',
  '-',
  '- ',
  '? ',
  '[',
  ']',
  '{',
  '}',
  ',',
  '&a',
  '*a',
  '&',
  '*',
  '!',
  '!!str ',
  '!tag ',
  '|',
  '>',
  "'",
  '"',
  '#',
  '%',
  '@',
  '`',
  '<<',
  '---',
  '...',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u0085',
  '\u2028',
  '\ufeff',
  '\ud800',
  '\udfff',
  '😀',
  'é',
  '日本',
  '\\',
  '\\0',
  '\\x',
  '\\u',
  '{a,b}',
  '{1..9}',
  '**',
  '../',
  'C:\\',
  '//',
  '  ',
  '    ',
];

const text = (max: number): fc.Arbitrary<string> =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        'Checkout',
        'Pay for the order',
        '@acme/payments',
        '99.95% succeed',
        '120k a day',
        'x',
        '',
      ),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: max }) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...SPECIAL), { maxLength: 4 }).map((parts) => parts.join('')) },
  );

const idText = fc.oneof(
  fc.constantFrom('checkout', 'pay', 'refunds', '2fa-login', 'a', 'same', 'Bad Id', '-x', '404', ''),
  fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,8}$/),
);

const pattern = fc.oneof(
  fc.constantFrom(
    'services/payments/**',
    '!services/payments/**/*.test.ts',
    'src/',
    '*.md',
    '**/*.md',
    '/src/**',
    './a/b',
    '**/.env',
    'a/{b,c}/**',
    '+(a|b)/*',
    'a/[!x]*',
    '{1..3}/x',
    '../x',
    'C:\\x',
    '\\\\host\\share',
    '',
    '!',
    'a\u0000b',
    '{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}{o,p}{q,r}{s,t}',
  ),
  fc
    .array(fc.constantFrom('a', 'b', '*', '**', '?', '{x,y}', '[ab]', '.d', 'ü', 'a b', '+(a|b)', '!(x)'), {
      minLength: 1,
      maxLength: 4,
    })
    .map((s) => s.join('/')),
);

type Style = 'plain' | 'single' | 'double';

/** A scalar in one of YAML's styles; plain only where the text is plain-safe enough to stay one value. */
function scalar(value: string, style: Style): string {
  // eslint-disable-next-line no-control-regex
  if (style === 'double' || /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]|[\ud800-\udfff]/.test(value))
    return JSON.stringify(value);
  if (style === 'single') return `'${value.replace(/'/g, "''")}'`;
  if (value === '' || /^[\s\-?:,[\]{}#&*!|>'"%@`]|: | #|\s$/.test(value)) return JSON.stringify(value);
  return value;
}

interface TouchpointSpec {
  id: string;
  name: string;
  channel: string | undefined;
  description: string | undefined;
  paths: string[];
  flowPaths: boolean;
  symbols: string[];
  extraKey: string | undefined;
}

interface JourneySpec {
  id: string;
  name: string;
  tier: string | undefined;
  owner: string | undefined;
  slo: string | undefined;
  customers: string | number | undefined;
  links: [string, string][];
  touchpoints: TouchpointSpec[];
  anchorPaths: boolean;
}

const touchpointSpec: fc.Arbitrary<TouchpointSpec> = fc.record({
  id: idText,
  name: text(20),
  channel: fc.option(fc.oneof(fc.constantFrom(...CHANNELS), fc.constantFrom('webb', 'Web', '')), { nil: undefined }),
  description: fc.option(text(30), { nil: undefined }),
  paths: fc.array(pattern, { minLength: 0, maxLength: 5 }),
  flowPaths: fc.boolean(),
  symbols: fc.array(fc.constantFrom('PaymentService.charge', 'charge', 'A.*', 'bad name', 'a..b', '.x'), {
    maxLength: 3,
  }),
  extraKey: fc.option(fc.constantFrom('touchpoint', 'pathz', 'chanel', 'note', '<<'), { nil: undefined }),
});

const journeySpec: fc.Arbitrary<JourneySpec> = fc.record({
  id: idText,
  name: text(20),
  tier: fc.option(fc.oneof(fc.constantFrom(...TIERS), fc.constantFrom('urgent', 'Critical', '')), { nil: undefined }),
  owner: fc.option(text(20), { nil: undefined }),
  slo: fc.option(text(20), { nil: undefined }),
  customers: fc.option(fc.oneof(text(10), fc.integer()), { nil: undefined }),
  links: fc.array(
    fc.tuple(
      fc.constantFrom('dashboard', 'runbook', 'x', 'dashboard'),
      fc.constantFrom(
        'https://grafana.example.com/d/x',
        'http://a.b',
        'javascript:alert(1)',
        'command:workbench.action.terminal.new',
        'file:///etc/passwd',
        'https://',
        'ftp://x',
      ),
    ),
    { maxLength: 3 },
  ),
  touchpoints: fc.array(touchpointSpec, { minLength: 0, maxLength: 3 }),
  anchorPaths: fc.boolean(),
});

const mapSpec = fc.record({
  version: fc.constantFrom('1', '1', '1', '2', '"1"', ''),
  journeys: fc.array(journeySpec, { minLength: 0, maxLength: 4 }),
  style: fc.constantFrom<Style>('plain', 'single', 'double'),
});

/** A map written the way people write them: block style, some flow lists, anchors and aliases, comments. */
function writeMap(spec: { version: string; journeys: JourneySpec[]; style: Style }): string {
  const s = (value: string): string => scalar(value, spec.style);
  const lines = ['# a journey map', `version: ${spec.version}`, 'journeys:'];
  let anchors = 0;
  for (const j of spec.journeys) {
    lines.push(`  - id: ${s(j.id)}`, `    name: ${s(j.name)}`);
    if (j.tier !== undefined) lines.push(`    tier: ${s(j.tier)}`);
    if (j.owner !== undefined) lines.push(`    owner: ${s(j.owner)}`);
    if (j.slo !== undefined) lines.push(`    slo: ${s(j.slo)}`);
    if (j.customers !== undefined)
      lines.push(`    customers: ${typeof j.customers === 'number' ? String(j.customers) : s(j.customers)}`);
    if (j.links.length > 0) {
      lines.push('    links:');
      for (const [name, url] of j.links) lines.push(`      ${name}: ${s(url)}`);
    }
    lines.push('    touchpoints:');
    for (const t of j.touchpoints) {
      lines.push(`      - id: ${s(t.id)}`, `        name: ${s(t.name)}`);
      if (t.channel !== undefined) lines.push(`        channel: ${s(t.channel)}`);
      if (t.description !== undefined) lines.push(`        description: ${s(t.description)}`);
      if (j.anchorPaths && anchors > 0 && t.paths.length === 0) {
        lines.push(`        paths: *p${anchors - 1}`);
      } else {
        const anchor = j.anchorPaths ? `&p${anchors++} ` : '';
        if (t.flowPaths) lines.push(`        paths: ${anchor}[${t.paths.map((p) => JSON.stringify(p)).join(', ')}]`);
        else {
          lines.push(`        paths: ${anchor}`.trimEnd());
          for (const p of t.paths) lines.push(`          - ${s(p)}`);
        }
      }
      if (t.symbols.length > 0) lines.push(`        symbols: [${t.symbols.map((x) => JSON.stringify(x)).join(', ')}]`);
      if (t.extraKey !== undefined) lines.push(`        ${t.extraKey}: x`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export const validishMap = mapSpec.map(writeMap);

type Mutation =
  | { kind: 'delete' | 'duplicate' | 'tabs'; at: number }
  | { kind: 'indent'; at: number; by: number }
  | { kind: 'insert'; at: number; column: number; text: string }
  | { kind: 'swap-values' | 'swap-lines'; at: number; other: number }
  | { kind: 'truncate'; at: number; column: number }
  | { kind: 'line-endings'; ending: '\r\n' | '\r' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const, 'tabs' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -6, max: 6 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    column: fc.nat(),
    text: fc.oneof(
      fc.constantFrom(...SPECIAL),
      fc.string({ maxLength: 4 }),
      fc.string({ unit: 'binary', maxLength: 4 }),
    ),
  }),
  fc.record({ kind: fc.constantFrom('swap-values' as const, 'swap-lines' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(), column: fc.nat() }),
  fc.record({ kind: fc.constant('line-endings' as const), ending: fc.constantFrom('\r\n' as const, '\r' as const) }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  const lines = text.split('\n');
  let ending = '\n';
  for (const m of mutations) {
    if (m.kind === 'line-endings') {
      ending = m.ending;
      continue;
    }
    const i = m.at % lines.length;
    const line = lines[i] ?? '';
    switch (m.kind) {
      case 'delete':
        lines.splice(i, 1);
        if (lines.length === 0) lines.push('');
        break;
      case 'duplicate':
        lines.splice(i, 0, line);
        break;
      case 'tabs':
        lines[i] = line.replace(/^ +/, (spaces) => '\t'.repeat(Math.ceil(spaces.length / 2)));
        break;
      case 'indent':
        lines[i] = m.by >= 0 ? ' '.repeat(m.by) + line : line.replace(new RegExp(`^ {0,${-m.by}}`), '');
        break;
      case 'insert': {
        const column = m.column % (line.length + 1);
        lines[i] = line.slice(0, column) + m.text + line.slice(column);
        break;
      }
      case 'swap-values': {
        const j = m.other % lines.length;
        const [a, b] = [lines[i] ?? '', lines[j] ?? ''];
        const ca = a.indexOf(': ');
        const cb = b.indexOf(': ');
        if (ca >= 0 && cb >= 0) {
          lines[i] = a.slice(0, ca + 2) + b.slice(cb + 2);
          lines[j] = b.slice(0, cb + 2) + a.slice(ca + 2);
        }
        break;
      }
      case 'swap-lines': {
        const j = m.other % lines.length;
        [lines[i], lines[j]] = [lines[j] ?? '', line];
        break;
      }
      case 'truncate':
        lines[i] = line.slice(0, m.column % (line.length + 1));
        lines.splice(i + 1);
        break;
    }
  }
  return lines.join(ending);
}

export const mutatedMap = fc
  .tuple(validishMap, fc.array(mutation, { minLength: 1, maxLength: 8 }))
  .map(([text, mutations]) => mutate(text, mutations));

/** YAML's own tokens in random order: flow and block structure, anchors, tags, documents, directives. */
const tokenSoup = fc
  .array(
    fc.constantFrom(
      'version: 1\n',
      'journeys:\n',
      '  - ',
      'id: a',
      'name: A',
      'touchpoints:',
      'paths:',
      '&a ',
      '*a',
      '<<: ',
      '[',
      ']',
      '{',
      '}',
      ', ',
      ': ',
      '- ',
      '\n',
      '  ',
      '"',
      "'",
      '# c',
      '!!str ',
      '!!map ',
      '|\n',
      '>-\n',
      '? ',
      '---\n',
      '...\n',
      '%YAML 1.2\n',
      '%TAG ! x\n',
      '\t',
      'x',
      '1',
      '~',
      'null',
      '0x1F',
      '.inf',
      '\\',
      '\r',
      '\u0000',
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(''));

export const anyMapText = fc.oneof(
  { weight: 4, arbitrary: mutatedMap },
  { weight: 2, arbitrary: validishMap },
  { weight: 2, arbitrary: tokenSoup },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
);

/** The length of each line, counting `\n`, `\r\n` and `\r` as line ends, as editors (and TextPositions) do. */
export function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

function assertInside(range: Range, lines: readonly number[], what: string): void {
  const { start, end } = range;
  for (const [name, p] of [
    ['start', start],
    ['end', end],
  ] as const) {
    assert.ok(
      Number.isInteger(p.line) && p.line >= 0 && p.line < lines.length,
      `${what}: ${name} line ${p.line} of ${lines.length} lines`,
    );
    const length = lines[p.line] ?? 0;
    assert.ok(
      Number.isInteger(p.character) && p.character >= 0 && p.character <= length,
      `${what}: ${name} character ${p.character} on a line of ${length}`,
    );
  }
  assert.ok(
    start.line < end.line || (start.line === end.line && start.character <= end.character),
    `${what}: start after end`,
  );
}

/** Every range of the result (diagnostics, journeys, touchpoints, patterns, links) is inside the document. */
export function checkParseResult(text: string, result: ParseResult): void {
  const lines = lineLengths(text);
  assert.ok(result.diagnostics.length <= MAX_DIAGNOSTICS + 1, 'diagnostics are capped');
  for (const d of result.diagnostics) {
    const what = `${d.code} ${JSON.stringify(d.message)}`;
    assertInside(d.range, lines, what);
    assert.ok(d.code in MAP_DIAGNOSTIC_CODES || d.code === 'too-many-problems', `unknown code ${d.code}`);
    assert.ok(d.severity === 'error' || d.severity === 'warning' || d.severity === 'info', what);
    assert.ok(d.message.length > 0 && !/[\r\n]/.test(d.message), `a message is one line: ${what}`);
    assert.equal(d.file, 'cx-map.yaml');
  }
  if (!result.map) {
    assert.ok(
      result.diagnostics.some((d) => d.severity === 'error'),
      'no map without an error saying why',
    );
    return;
  }
  for (const j of result.map.journeys) {
    assertInside(j.range, lines, `journey ${j.id}`);
    assertInside(j.idRange, lines, `journey ${j.id} id`);
    assert.match(j.id, /^[a-z0-9][a-z0-9-]*$/);
    assert.ok((TIERS as readonly string[]).includes(j.tier));
    for (const l of j.links) {
      assertInside(l.range, lines, `link ${l.name}`);
      assert.match(l.url, /^https?:\/\//i, 'links are http(s) only');
    }
    assert.ok(j.touchpoints.length > 0, 'a journey without touchpoints is left out');
    for (const t of j.touchpoints) {
      assertInside(t.range, lines, `touchpoint ${t.id}`);
      assertInside(t.idRange, lines, `touchpoint ${t.id} id`);
      assert.ok(t.paths.length > 0, 'a touchpoint without patterns is left out');
      for (const p of t.paths) {
        assertInside(p.range, lines, `pattern ${p.source}`);
        assert.equal(p.line, p.range.start.line + 1);
        assert.equal(p.negated, p.source.startsWith('!'));
        assert.ok(p.source !== '' && !p.source.includes('\0'), 'unusable patterns are dropped');
      }
    }
  }
}

export const parseNeverThrows = property({
  name: 'parseMap: random and mutated maps',
  arbitrary: anyMapText,
  check: (text: string) => checkParseResult(text, parseMap(text, 'cx-map.yaml')),
});
