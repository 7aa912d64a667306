import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { MAP_DIAGNOSTIC_CODES } from '../map/codes';
import { parseMap } from '../map/parse';
import type { MapDiagnostic } from '../types';
import { DIAGNOSTIC_HELP } from './diagnostic-help.generated';
import { escapeData, escapeProperty, renderCriticalNotices, renderDiagnosticsGithub } from './github';
import { codeQualityIssues, renderGitlabCodeQuality } from './gitlab';
import { renderSarif, sarifLog } from './sarif';
import type { ImpactReport } from '../impact/impact';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

const root = path.resolve(__dirname, '../../..');
const schemas = path.join(root, 'test', 'fixtures', 'schemas');

/**
 * A reader of workflow commands written from GitHub's description of them (`::command k=v,k=v::message`, with
 * `%25`, `%0D`, `%0A` and, in properties, `%3A`, `%2C`), as the runner reads them. Checked against the examples
 * from GitHub's documentation first, then used on what we print.
 */
function readCommand(line: string): { command: string; properties: Record<string, string>; message: string } {
  const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/s.exec(line);
  assert.ok(match, `not a workflow command: ${line}`);
  const unescape = (text: string) =>
    text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    assert.ok(eq > 0, `property without "=": ${pair}`);
    properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1));
  }
  return { command: match[1] ?? '', properties, message: unescape(match[3] ?? '') };
}

function diagnostic(overrides: Partial<MapDiagnostic> = {}): MapDiagnostic {
  return {
    file: 'cx-map.yaml',
    range: { start: { line: 15, character: 10 }, end: { line: 15, character: 16 } },
    severity: 'error',
    code: 'bad-tier',
    message: 'tier "lowest" is not one of critical, high, medium, low; did you mean "low"?',
    ...overrides,
  };
}

/** Every code at least once, from real maps: the parser's own output is what CI sees. */
function realDiagnostics(): MapDiagnostic[] {
  const broken = `version: 1
journeys:
  - id: Checkout
    name: Checkout
    tier: lowest
    ownr: x
    links:
      wiki: ftp://x
    touchpoints:
      - id: pay
        name: Pay
        channel: fax
        paths: ["", "../x", "/abs/**", "a/{1..2000}"]
        symbols: ["a b"]
`;
  return parseMap(broken, 'maps/cx-map.yaml').diagnostics.map((d) => ({ ...d, file: 'maps/cx-map.yaml' }));
}

describe('CI formats', () => {
  describe('GitHub workflow commands', () => {
    it("the reader understands the examples of GitHub's documentation", () => {
      assert.deepEqual(readCommand('::error file=app.js,line=1::Missing semicolon'), {
        command: 'error',
        properties: { file: 'app.js', line: '1' },
        message: 'Missing semicolon',
      });
      assert.deepEqual(readCommand('::notice file=app.js,line=1,col=5,endColumn=7::Missing semicolon'), {
        command: 'notice',
        properties: { file: 'app.js', line: '1', col: '5', endColumn: '7' },
        message: 'Missing semicolon',
      });
      assert.deepEqual(readCommand('::warning file=app.js,line=1,endLine=2,title=Semi::Missing semicolon').properties, {
        file: 'app.js',
        line: '1',
        endLine: '2',
        title: 'Semi',
      });
    });

    it('escapes %, CR and LF in messages, and also : and , in properties', () => {
      assert.equal(escapeData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
      assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
    });

    it('prints one ::error or ::warning per problem with file, 1-based line and col, and the code as title', () => {
      const out = renderDiagnosticsGithub([
        diagnostic(),
        diagnostic({ severity: 'warning', code: 'unknown-key', message: 'unknown key "ownr"' }),
      ]);
      const lines = out.trimEnd().split('\n');
      assert.equal(lines.length, 2);
      assert.deepEqual(readCommand(lines[0] ?? ''), {
        command: 'error',
        properties: { file: 'cx-map.yaml', line: '16', col: '11', endLine: '16', endColumn: '17', title: 'bad-tier' },
        message: diagnostic().message,
      });
      assert.equal(readCommand(lines[1] ?? '').command, 'warning');
    });

    it('hostile file names and messages cannot end the command or start another', () => {
      const file = 'odd,dir/x:y%0A.yaml';
      const message = 'bad\n::error file=evil.ts::injected, 50% sure';
      const out = renderDiagnosticsGithub([diagnostic({ file, message })]);
      assert.equal(out.split('\n').length, 2, 'one line and the final newline');
      const read = readCommand(out.trimEnd());
      assert.equal(read.properties.file, file);
      assert.equal(read.message, message);
      assert.equal(Object.keys(read.properties).length, 6);
    });

    it('a ::notice per touched critical journey, on a changed file, none for other tiers', () => {
      const report: ImpactReport = {
        base: 'a',
        head: 'WORKTREE',
        changedFiles: ['src/pay.ts', 'src/search.ts'],
        changes: [],
        unmappedFiles: [],
        journeys: [
          {
            id: 'checkout',
            name: 'Checkout, the one',
            tier: 'critical',
            map: 'cx-map.yaml',
            links: [],
            touchpoints: [{ id: 'pay', name: 'Pay', files: ['src/pay.ts'], reasons: [] }],
          },
          {
            id: 'search',
            name: 'Search',
            tier: 'high',
            map: 'cx-map.yaml',
            links: [],
            touchpoints: [{ id: 'r', name: 'Results', files: ['src/search.ts'], reasons: [] }],
          },
        ],
      };
      const lines = renderCriticalNotices(report).trimEnd().split('\n');
      assert.equal(lines.length, 1);
      const notice = readCommand(lines[0] ?? '');
      assert.equal(notice.command, 'notice');
      assert.equal(notice.properties.file, 'src/pay.ts');
      assert.equal(notice.properties.title, 'Critical journey touched: Checkout, the one');
      assert.match(notice.message, /checkout.*Pay.*src\/pay\.ts/);
    });
  });

  describe('SARIF', () => {
    const ajv = new AjvDraft04({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(
      JSON.parse(readFileSync(path.join(schemas, 'sarif-schema-2.1.0.json'), 'utf8')) as object,
    );
    const valid = (log: unknown): void => assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));

    it('the committed schema is the OASIS SARIF 2.1.0 schema, and it rejects what is not SARIF', () => {
      const schema = JSON.parse(readFileSync(path.join(schemas, 'sarif-schema-2.1.0.json'), 'utf8')) as {
        id: string;
        definitions: object;
      };
      assert.match(schema.id, /^https:\/\/docs\.oasis-open\.org\/sarif\/sarif\/v2\.1\.0\//);
      assert.equal(Object.keys(schema.definitions).length, 52);
      assert.equal(validate({ version: '2.1.0' }), false, 'runs is required');
      assert.equal(
        validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ ruleId: 'x' }] }] }),
        false,
        'a result needs a message',
      );
      const region = {
        version: '2.1.0',
        runs: [
          {
            tool: { driver: { name: 'x' } },
            results: [
              {
                message: { text: 'm' },
                locations: [{ physicalLocation: { artifactLocation: { uri: 'a' }, region: { startLine: 0 } } }],
              },
            ],
          },
        ],
      };
      assert.equal(validate(region), false, 'lines are 1-based');
    });

    it('a log of every diagnostic the parser makes is valid SARIF 2.1.0', () => {
      const diagnostics = [...realDiagnostics(), diagnostic({ file: 'dir with space/é#?.yaml' })];
      assert.ok(diagnostics.length >= 8, `${diagnostics.length} diagnostics`);
      valid(JSON.parse(renderSarif(diagnostics, { version: '0.1.0' })));
      valid(JSON.parse(renderSarif([], { version: '0.1.0', informationUri: 'https://github.com/acme/cx-impact' })));
    });

    it("one rule per diagnostic code with the documentation's help, and results with regions", () => {
      const log = sarifLog([diagnostic()], { version: '1.2.3' });
      const run = log.runs[0];
      assert.ok(run);
      const ids = run.tool.driver.rules.map((r) => r.id);
      assert.deepEqual(ids, Object.keys(MAP_DIAGNOSTIC_CODES));
      const badTier = run.tool.driver.rules.find((r) => r.id === 'bad-tier');
      assert.ok(badTier);
      assert.equal(
        badTier.help.markdown,
        '`tier` is not one of the four (the message suggests the closest).\n\n**How to fix it:** Use `critical`, `high`, `medium` or `low`.',
      );
      assert.equal(badTier.shortDescription.text, '`tier` is not one of the four (the message suggests the closest).');
      assert.equal(badTier.defaultConfiguration.level, 'error');
      const result = run.results[0];
      assert.ok(result);
      assert.equal(result.ruleId, 'bad-tier');
      assert.equal(run.tool.driver.rules[result.ruleIndex ?? -1]?.id, 'bad-tier');
      assert.deepEqual(result.locations[0]?.physicalLocation.region, {
        startLine: 16,
        startColumn: 11,
        endLine: 16,
        endColumn: 17,
      });
      assert.equal(result.level, 'error');
    });

    it('file paths become relative URI references', () => {
      const log = sarifLog([diagnostic({ file: 'dir with space/a#b.yaml' })], { version: '1' });
      assert.equal(
        log.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri,
        'dir%20with%20space/a%23b.yaml',
      );
    });
  });

  describe('GitLab code quality', () => {
    const ajv = new Ajv({ allErrors: true });
    const validate = ajv.compile(
      JSON.parse(readFileSync(path.join(schemas, 'gitlab-code-quality.schema.json'), 'utf8')) as object,
    );

    it("the example report of GitLab's documentation passes the fields check", () => {
      const example = [
        {
          description: "'unused' is assigned a value but never used.",
          check_name: 'no-unused-vars',
          fingerprint: '7815696ecbf1c96e6894b779456d330e',
          severity: 'minor',
          location: { path: 'lib/index.js', lines: { begin: 42 } },
        },
      ];
      assert.ok(validate(example), JSON.stringify(validate.errors));
      assert.equal(validate([{ ...example[0], severity: 'warning' }]), false);
    });

    it('every diagnostic becomes an issue with the documented fields; fingerprints are unique and stable', () => {
      const diagnostics = realDiagnostics();
      const report = JSON.parse(renderGitlabCodeQuality(diagnostics, sha256)) as unknown;
      assert.ok(validate(report), JSON.stringify(validate.errors));
      const issues = codeQualityIssues(diagnostics, sha256);
      assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
      // The same problem two lines lower is the same issue (lines above it moved), so it keeps its fingerprint.
      const moved = codeQualityIssues(
        [diagnostic({ range: { start: { line: 17, character: 10 }, end: { line: 17, character: 16 } } })],
        sha256,
      );
      assert.equal(moved[0]?.fingerprint, codeQualityIssues([diagnostic()], sha256)[0]?.fingerprint);
      assert.deepEqual(codeQualityIssues([diagnostic()], sha256)[0]?.location, {
        path: 'cx-map.yaml',
        lines: { begin: 16 },
      });
      assert.equal(codeQualityIssues([diagnostic()], sha256)[0]?.severity, 'major');
      // The fingerprint is what GitLab compares between pipelines: the host's SHA-256 of file, code, message and count.
      const one = diagnostic();
      assert.equal(
        codeQualityIssues([one], sha256)[0]?.fingerprint,
        sha256(`${one.file}\0${one.code}\0${one.message}\0${0}`).slice(0, 32),
      );
    });
  });

  describe('diagnostic help from docs/cx-map.md', () => {
    it("the generated module is the doc's table as it is now (run node scripts/diagnostic-help.mjs)", async () => {
      const script = (await import(path.join(root, 'scripts', 'diagnostic-help.mjs'))) as {
        generatedModule(md: string): string;
      };
      const expected = script.generatedModule(readFileSync(path.join(root, 'docs', 'cx-map.md'), 'utf8'));
      assert.equal(readFileSync(path.join(__dirname, 'diagnostic-help.generated.ts'), 'utf8'), expected);
    });

    it('documents every code the parser emits, with its severity', () => {
      for (const [code, known] of Object.entries(MAP_DIAGNOSTIC_CODES)) {
        assert.equal(DIAGNOSTIC_HELP[code]?.severity, known.severity, code);
      }
    });
  });
});
