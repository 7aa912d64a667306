// readBlockYaml, the fast reader for plain block-style maps, against the yaml package's composer: wherever the fast
// reader takes a text, it must build the same nodes (values and ranges) as yaml, and parseMap must return the same
// maps and diagnostics with and without it.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isAlias, parseDocument, stringify } from 'yaml';
import {
  journeysAsYamlData,
  seededRandom,
  syntheticMaps,
  syntheticPaths,
} from '../../../test/synthetic/synthetic-repo';
import { mutatedMap, validishMap } from '../../../test/properties/maps';
import { suiteRuns } from '../../../test/properties/run';
import { isMapNode, isScalarNode, isSeqNode, readBlockYaml } from './block-yaml';
import { parseMap, setBlockReader } from './parse';

/** A node as plain data: kind, value, range, children. */
function tree(node: unknown): unknown {
  if (isAlias(node)) return { alias: node.source };
  if (isMapNode(node)) return { map: node.range, items: node.items.map((pair) => [tree(pair.key), tree(pair.value)]) };
  if (isSeqNode(node)) return { seq: node.range, items: node.items.map(tree) };
  if (isScalarNode(node)) return { value: node.value, range: node.range };
  return { other: String(node) };
}

function parseMapBothWays(text: string): [ReturnType<typeof parseMap>, ReturnType<typeof parseMap>] {
  try {
    setBlockReader(false);
    const slow = parseMap(text, 'cx-map.yaml');
    setBlockReader(true);
    return [slow, parseMap(text, 'cx-map.yaml')];
  } finally {
    setBlockReader(true);
  }
}

/** Whether the fast reader took `text`; throws when it took it and differs from yaml or from the slow parseMap. */
function checkSame(text: string): boolean {
  const fast = readBlockYaml(text);
  const [slow, quick] = parseMapBothWays(text);
  assert.deepEqual(quick, slow, 'parseMap with and without the block reader');
  if (fast === undefined) return false;
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  assert.deepEqual(
    doc.errors.map((e) => e.code),
    [],
    'the fast reader took a text yaml finds errors in',
  );
  assert.deepEqual(
    doc.warnings.map((e) => e.code),
    [],
    'the fast reader took a text yaml warns about',
  );
  assert.deepEqual(tree(fast), tree(doc.contents));
  return true;
}

/** Strings that `yaml.stringify` writes in the fast reader's subset: plain, quoted (`: `, ` #`, quotes, `\\`), folded when long. */
const mild = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-z0-9 ./*!{},_-]{0,120}$/) },
  {
    weight: 1,
    arbitrary: fc
      .array(
        fc.constantFrom(
          'a',
          'services',
          '/',
          '**',
          ' ',
          '  ',
          '-',
          ': ',
          ':',
          ' #',
          '#',
          '"',
          "'",
          '\\',
          '1',
          '.5',
          'é',
          '日本',
          '😀',
          'x'.repeat(90),
        ),
        { maxLength: 8 },
      )
      .map((parts) => parts.join('')),
  },
);

/** Strings that stress the scalar rules beyond the subset too: line breaks, numbers, keywords, indicators, control characters. */
const wild = fc.oneof(
  { weight: 8, arbitrary: mild },
  {
    weight: 2,
    arbitrary: fc
      .array(
        fc.constantFrom(
          'a',
          '/',
          ' ',
          '-',
          ': ',
          ' #',
          '"',
          "'",
          '\\',
          '\n',
          '\n\n',
          '\t',
          '1',
          '0x1F',
          '1e3',
          '.5',
          '.inf',
          'null',
          'true',
          '~',
          '&a',
          '*a',
          '!x',
          '|',
          '>',
          '[',
          ']',
          '{',
          '}',
          ',',
          '?',
          '%',
          '@',
          '`',
          '\u0085',
          '\u2028',
          '\r',
          'x'.repeat(90),
        ),
        { maxLength: 8 },
      )
      .map((parts) => parts.join('')),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

function jsMap(text: fc.Arbitrary<string>, number: fc.Arbitrary<number>) {
  return fc.record({
    version: fc.oneof(
      { weight: 6, arbitrary: fc.constant<unknown>(1) },
      fc.constant<unknown>('1'),
      number,
      fc.constant<unknown>(null),
    ),
    journeys: fc.array(
      fc.record(
        {
          id: text,
          name: text,
          tier: fc.oneof(fc.constantFrom('critical', 'high', 'low'), text),
          owner: text,
          customers: fc.oneof(number, text),
          links: fc.dictionary(fc.constantFrom('dashboard', 'runbook', 'x'), text, { maxKeys: 2 }),
          touchpoints: fc.array(
            fc.record(
              {
                id: text,
                name: text,
                channel: text,
                paths: fc.array(text, { maxLength: 5 }),
                symbols: fc.array(text, { maxLength: 2 }),
              },
              { requiredKeys: ['id', 'name', 'paths'] },
            ),
            { maxLength: 3 },
          ),
        },
        { requiredKeys: ['id', 'name', 'touchpoints'] },
      ),
      { maxLength: 3 },
    ),
  });
}

/** A map as `yaml.stringify` writes it, at random widths and indentations (narrow widths fold long values). */
function stringified(text: fc.Arbitrary<string>, number: fc.Arbitrary<number>): fc.Arbitrary<string> {
  return fc
    .tuple(jsMap(text, number), fc.constantFrom(0, 20, 40, 80), fc.constantFrom(2, 2, 3, 4), fc.boolean())
    .map(([map, lineWidth, indent, indentSeq]) => stringify(map, { lineWidth, minContentWidth: 0, indent, indentSeq }));
}

const mildMaps = stringified(mild, fc.nat());
const wildMaps = stringified(wild, fc.oneof(fc.integer(), fc.double()));

type Edit =
  | { at: number; column: number; text: string }
  | { at: number; drop: true }
  | { at: number; indent: number }
  | { at: number; line: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    at: fc.nat(),
    column: fc.nat(),
    text: fc.constantFrom(
      ' ',
      ':',
      ': ',
      '#',
      ' #',
      '"',
      "'",
      '\\',
      '\\n',
      '\n',
      '-',
      '- ',
      'a',
      '1',
      '&a ',
      '*a',
      '!',
      '[',
      '{',
      ',',
      '?',
      '\t',
      '\r',
      '...',
    ),
  }),
  fc.record({
    at: fc.nat(),
    line: fc.constantFrom('', '  ', '#', '# a comment', '  # indented', '      #', '---', '...'),
  }),
  fc.record({ at: fc.nat(), drop: fc.constant(true as const) }),
  fc.record({ at: fc.nat(), indent: fc.integer({ min: -3, max: 3 }) }),
);

function applyEdits(text: string, edits: readonly Edit[]): string {
  const lines = text.split('\n');
  for (const e of edits) {
    const i = e.at % lines.length;
    const line = lines[i] ?? '';
    if ('drop' in e) lines.splice(i, 1);
    else if ('line' in e) lines.splice(i, 0, e.line);
    else if ('indent' in e)
      lines[i] = e.indent >= 0 ? ' '.repeat(e.indent) + line : line.replace(new RegExp(`^ {0,${-e.indent}}`), '');
    else {
      const column = e.column % (line.length + 1);
      lines[i] = line.slice(0, column) + e.text + line.slice(column);
    }
  }
  return lines.join('\n');
}

/** The repository's maps and the property tests' maps carry comments; without them more of them are in the subset. */
const withoutComments = (text: string): string =>
  text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n');

/** Blank lines and whole-line comments, at any indentation, between the lines of a map. */
const commentEdit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  line: fc.oneof(
    fc.constantFrom('', '  ', '#', '# a comment'),
    fc.nat({ max: 10 }).map((n) => `${' '.repeat(n)}# note`),
  ),
});
const commentedMaps = fc
  .tuple(mildMaps, fc.array(commentEdit, { minLength: 1, maxLength: 5 }))
  .map(([text, edits]) => applyEdits(text, edits));

const editedText = fc.oneof(
  { weight: 2, arbitrary: wildMaps },
  {
    weight: 2,
    arbitrary: fc
      .tuple(mildMaps, fc.array(edit, { minLength: 1, maxLength: 4 }))
      .map(([text, edits]) => applyEdits(text, edits)),
  },
  { weight: 1, arbitrary: validishMap },
  { weight: 1, arbitrary: validishMap.map(withoutComments) },
  { weight: 1, arbitrary: mutatedMap.map(withoutComments) },
);

/** Checks `texts` cases; returns how many the fast reader took. */
function checkMany(texts: fc.Arbitrary<string>, runs: number): { taken: number; cases: number } {
  let taken = 0;
  let cases = 0;
  fc.assert(
    fc.property(texts, (text) => {
      cases++;
      if (checkSame(text)) taken++;
    }),
    { numRuns: runs },
  );
  console.log(`      the fast reader took ${taken} of ${cases} texts`);
  return { taken, cases };
}

function mapsUnder(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(path).isDirectory()) mapsUnder(path, found);
    else if (/^cx-map\.ya?ml$/.test(name)) found.push(path);
  }
  return found;
}

describe('readBlockYaml: the fast reader gives what the yaml package gives', function () {
  // `PROPERTY_RUNS=30000 npx mocha src/core/map/block-yaml.test.ts` for a longer search.
  this.timeout(Math.max(300_000, suiteRuns(2000) * 100));

  it(`builds the same nodes as yaml, and parseMap the same result, on maps written by yaml.stringify (${suiteRuns(1000)} texts)`, () => {
    const { taken, cases } = checkMany(mildMaps, suiteRuns(1000));
    // Not vacuous: most stringified maps are in the subset.
    assert.ok(taken > cases / 2, `the fast reader took only ${taken} of ${cases} texts`);
  });

  it(`gives parseMap the same result, and builds the same nodes as yaml where it reads, on stringified maps with odd values, edited and mutated maps (${suiteRuns(2000)} texts)`, () => {
    const { taken } = checkMany(editedText, suiteRuns(2000));
    assert.ok(taken > 0);
  });

  it(`builds the same nodes as yaml, and parseMap the same result, on maps with blank and comment lines (${suiteRuns(2000)} texts)`, () => {
    const { taken, cases } = checkMany(commentedMaps, suiteRuns(2000));
    assert.ok(taken > cases / 10, `the fast reader took only ${taken} of ${cases} texts`);
  });

  it('takes the generated 10,000-pattern maps of the benchmark and reads them as yaml does', () => {
    const paths = syntheticPaths(2_000, seededRandom(7));
    const maps = syntheticMaps(paths, { patterns: 3_000, packageMaps: 1 }, seededRandom(8));
    for (const map of maps) {
      const text = stringify({ version: 1, journeys: journeysAsYamlData(map) });
      assert.ok(checkSame(text), `the fast reader refused ${map.file}`);
    }
  });

  it("reads the repository's example and fixture maps as yaml does (with and without their comments)", () => {
    const root = join(__dirname, '..', '..', '..');
    const files = [...mapsUnder(join(root, 'examples')), ...mapsUnder(join(root, 'test', 'fixtures'))];
    assert.ok(files.length > 3);
    let taken = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (checkSame(text)) taken++;
      if (checkSame(withoutComments(text))) taken++;
    }
    assert.ok(taken > 0);
  });

  it('reads folded plain and double-quoted values, quotes and whole numbers', () => {
    const text = [
      'version: 1',
      'journeys:',
      '  - id: a',
      '    name: "A \\"quoted\\" \\\\ name"',
      "    owner: 'it''s'",
      '    customers: 120000',
      '    touchpoints:',
      '      - id: t',
      '        name: T',
      '        paths:',
      '          - services/my',
      '            folder/**',
      '          - "!services/long-\\',
      '            name/**"',
      '          - "a',
      '            b"',
      '        channel:',
      '',
    ].join('\n');
    assert.ok(checkSame(text));
    const map = parseMap(text, 'cx-map.yaml').map;
    assert.deepEqual(
      map?.journeys[0]?.touchpoints[0]?.paths.map((p) => p.source),
      ['services/my folder/**', '!services/long-name/**', 'a b'],
    );
  });

  it('leaves everything else to yaml', () => {
    const refused = [
      'version: 1\njourneys:\n  - id: a # comment\n',
      'version: 1\njourneys: []\n\n',
      'version: 1\njourneys:\n  - id: a\n      # deeper than the next line\n    name: A\n',
      'version: 1\r\njourneys:\r\n',
      'version: 1\njourneys: [a]\n',
      'version: 1\njourneys:\n  - &x id: a\n',
      'version: 1\nname: |\n  text\n',
      'version: 1\nname: "\\t"\n',
      'version: 0x1\n',
      'version: 1.0\n',
      'version: true\n',
      '"version": 1\n',
      '---\nversion: 1\n',
      'version: 1',
      'version:\ta\n',
      'version: 1\n  name: x\n',
    ];
    for (const text of refused) {
      assert.equal(readBlockYaml(text), undefined, JSON.stringify(text));
      checkSame(text);
    }
  });
});
