// Warnings that need the workspace's file list as well as the map's text: a pattern or a touchpoint that covers no
// file. Pure: the extension hands in counts (worked out by the coverage worker); the CLI's `coverage` reports the
// same facts in its own form.
import * as l10n from '@vscode/l10n';
import { Matcher } from '../core/match/matcher';
import type { CxMap, MapDiagnostic, Severity } from '../core/types';
import type { WorkspaceCounts } from '../workspace/coverage-count';

export { unanchored } from '../workspace/coverage-count';

/** The codes these checks emit; docs/map-editing.md lists them, and the severities can be changed in settings. */
export const WORKSPACE_CHECK_CODES = {
  'pattern-covers-nothing': {
    severity: 'warning',
    fix: 'Correct the path, anchor it with `**/` when it names a file anywhere, or remove it.',
  },
  'touchpoint-covers-nothing': { severity: 'warning', fix: 'Give the touchpoint a pattern that covers its code.' },
  'symbol-not-found': { severity: 'info', fix: 'Correct the name (`Class.member` or a top-level name) or remove it.' },
} as const satisfies Record<string, { severity: Severity; fix: string }>;

export type WorkspaceCheckCode = keyof typeof WORKSPACE_CHECK_CODES;

/**
 * Diagnostics for the patterns and touchpoints of `map` that cover no file of the workspace. `counts` are the
 * workspace's counts for maps including `map` (countCoverage), with the `**\/` alternatives of empty patterns.
 */
export function coverageWarnings(map: CxMap, counts: WorkspaceCounts): MapDiagnostic[] {
  const warnings: MapDiagnostic[] = [];
  const empty = counts.patterns.filter((p) => p.map === map && !p.pattern.negated && p.files === 0);
  for (const p of empty) {
    const alternative = counts.alternatives.get(p.pattern);
    const hint = alternative
      ? ` Did you mean \`${alternative.pattern}\`? It would cover ${alternative.files} file${alternative.files === 1 ? '' : 's'}.`
      : ' Check the spelling, or remove it.';
    const diagnostic: MapDiagnostic = {
      file: map.file,
      range: p.pattern.range,
      severity: WORKSPACE_CHECK_CODES['pattern-covers-nothing'].severity,
      code: 'pattern-covers-nothing',
      message: l10n.t('`{0}` covers no file in the workspace.{1}', clip(p.pattern.source), hint),
    };
    if (alternative) diagnostic.suggestion = alternative.pattern;
    warnings.push(diagnostic);
  }
  for (const t of counts.touchpoints) {
    if (t.map !== map || t.files > 0) continue;
    warnings.push({
      file: map.file,
      range: t.touchpoint.idRange,
      severity: WORKSPACE_CHECK_CODES['touchpoint-covers-nothing'].severity,
      code: 'touchpoint-covers-nothing',
      message: l10n.t(
        'The touchpoint `{0}/{1}` covers no file in the workspace: its changes can never be reported.',
        t.journey.id,
        t.touchpoint.id,
      ),
    });
  }
  return warnings.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}

export interface MapCounts {
  /** Files each journey covers through any of its touchpoints (a file counts once), by journey id. */
  journeys: Map<string, number>;
  /** Files each touchpoint covers, by `journey/touchpoint` id. */
  touchpoints: Map<string, number>;
}

/** How many files each journey and touchpoint of `map` covers, by id; `counts` as for `coverageWarnings`. */
export function mapCounts(map: CxMap, counts: WorkspaceCounts): MapCounts {
  const touchpoints = new Map<string, number>();
  for (const t of counts.touchpoints) if (t.map === map) touchpoints.set(`${t.journey.id}/${t.touchpoint.id}`, t.files);
  const journeys = new Map<string, number>();
  for (const j of counts.journeys) if (j.map === map) journeys.set(j.journey.id, j.files);
  return { journeys, touchpoints };
}

/**
 * The files a pattern matches on its own (a `!` pattern: the files it would leave out), counted, and the first
 * `limit` of them in path order. `files` are relative to the same root as the map's `file`, sorted.
 */
export function filesOfPattern(
  map: Pick<CxMap, 'file' | 'dir'>,
  source: string,
  files: readonly string[],
  limit = 10,
): { count: number; first: string[] } {
  const plain = source.startsWith('!') ? source.slice(1) : source;
  const probe: CxMap = {
    file: map.file,
    dir: map.dir,
    journeys: [
      {
        id: 'probe',
        name: 'probe',
        tier: 'low',
        links: [],
        range: zero,
        idRange: zero,
        touchpoints: [
          {
            id: 'p',
            name: 'p',
            paths: [{ source: plain, negated: false, range: zero, line: 1 }],
            symbols: [],
            range: zero,
            idRange: zero,
          },
        ],
      },
    ],
  };
  const matcher = new Matcher([probe]);
  const count = matcher.coverageReport(files).coveredFiles;
  const first: string[] = [];
  for (const file of files) {
    if (first.length >= Math.min(limit, count)) break;
    if (matcher.coverageOf(file).length > 0) first.push(file);
  }
  return { count, first };
}

const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
