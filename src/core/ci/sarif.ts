// SARIF 2.1.0 for code scanning (github/codeql-action/upload-sarif and other SARIF viewers): one rule per diagnostic
// code, its help taken from the documentation's table (diagnostic-help.generated.ts), one result per map problem.
import { MAP_DIAGNOSTIC_CODES } from '../map/codes';
import type { MapDiagnostic, Severity } from '../types';
import { DIAGNOSTIC_HELP } from './diagnostic-help.generated';

export const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

export interface SarifOptions {
  version: string;
  /** The product's home page, when package.json names one: a rule's helpUri points at its docs there. */
  informationUri?: string;
}

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note' };

/** `map-too-large` → `MapTooLarge`: SARIF's `name` is meant to be read, its `id` to be stable. */
function ruleName(code: string): string {
  return code.replace(/(^|-)([a-z0-9])/g, (_m, _dash: string, c: string) => c.toUpperCase());
}

/** Plain text keeps the doc's backticks: they mark keys and values (`,` `[` `{`) that would read as punctuation. */
function plain(markdown: string): string {
  return markdown;
}

/** A table cell as a sentence; a leading code span keeps its case (`tier` is a key, not a word). */
function sentence(text: string): string {
  const t = text.trim();
  const first = t.startsWith('`') ? '' : t.charAt(0).toUpperCase();
  return `${first}${t.slice(first.length)}${/[.!?…]$/.test(t) ? '' : '.'}`;
}

/** Every code the parser emits, in a stable order, so `ruleIndex` means the same in every run. */
function rules(informationUri: string | undefined) {
  return Object.entries(MAP_DIAGNOSTIC_CODES).map(([code, known]) => {
    const doc = DIAGNOSTIC_HELP[code];
    const problem = doc?.problem ?? code;
    const fix = doc?.fix ?? known.fix;
    return {
      id: code,
      name: ruleName(code),
      shortDescription: { text: sentence(plain(problem)) },
      fullDescription: { text: `${sentence(plain(problem))} ${sentence(plain(fix))}` },
      help: {
        text: `${sentence(plain(problem))} How to fix it: ${sentence(plain(fix))}`,
        markdown: `${sentence(problem)}\n\n**How to fix it:** ${sentence(fix)}`,
      },
      defaultConfiguration: { level: LEVEL[known.severity] },
      ...(informationUri
        ? { helpUri: `${informationUri.replace(/\/$/, '')}/blob/HEAD/docs/cx-map.md#diagnostic-codes` }
        : {}),
      properties: { tags: ['cx-map'] },
    };
  });
}

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
function uriOf(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

export function sarifLog(
  diagnostics: readonly MapDiagnostic[],
  options: SarifOptions,
  path: (file: string) => string = (f) => f,
) {
  const ruleList = rules(options.informationUri);
  const index = new Map(ruleList.map((r, i) => [r.id, i]));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: 'cx-impact',
            version: options.version,
            semanticVersion: options.version,
            ...(options.informationUri ? { informationUri: options.informationUri } : {}),
            rules: ruleList,
          },
        },
        // Columns are counted as JavaScript counts them (UTF-16 code units), like the editor's.
        columnKind: 'utf16CodeUnits' as const,
        originalUriBaseIds: {
          SRCROOT: { description: { text: 'The repository root: result paths are relative to it.' } },
        },
        results: diagnostics.map((d) => {
          const ruleIndex = index.get(d.code);
          return {
            ruleId: d.code,
            ...(ruleIndex !== undefined ? { ruleIndex } : {}),
            level: LEVEL[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: uriOf(path(d.file)), uriBaseId: 'SRCROOT' },
                  region: {
                    startLine: d.range.start.line + 1,
                    startColumn: d.range.start.character + 1,
                    endLine: Math.max(d.range.end.line, d.range.start.line) + 1,
                    endColumn:
                      d.range.end.line > d.range.start.line
                        ? d.range.end.character + 1
                        : Math.max(d.range.end.character, d.range.start.character) + 1,
                  },
                },
              },
            ],
          };
        }),
      },
    ],
  };
}

export function renderSarif(
  diagnostics: readonly MapDiagnostic[],
  options: SarifOptions,
  path?: (file: string) => string,
): string {
  return JSON.stringify(sarifLog(diagnostics, options, path), null, 2) + '\n';
}
