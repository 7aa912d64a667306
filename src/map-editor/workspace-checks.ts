// Warnings that need the workspace's file list as well as the map's text: a pattern or a touchpoint that covers no
// file. Pure: the extension hands in the file list; the CLI's `coverage` reports the same facts in its own form.
import { Matcher, type CoverageCounts } from '../core/match/matcher';
import type { CxMap, MapDiagnostic, PathPattern, Severity } from '../core/types';

/** The codes these checks emit; docs/map-editing.md lists them, and the severities can be changed in settings. */
export const WORKSPACE_CHECK_CODES = {
  'pattern-covers-nothing': { severity: 'warning', fix: 'Correct the path, anchor it with `**/` when it names a file anywhere, or remove it.' },
  'touchpoint-covers-nothing': { severity: 'warning', fix: 'Give the touchpoint a pattern that covers its code.' },
  'symbol-not-found': { severity: 'info', fix: 'Correct the name (`Class.member` or a top-level name) or remove it.' },
} as const satisfies Record<string, { severity: Severity; fix: string }>;

export type WorkspaceCheckCode = keyof typeof WORKSPACE_CHECK_CODES;

/** `services/x.sql` → `**\/services/x.sql`: the same pattern matched at any depth; undefined when already so. */
export function unanchored(source: string): string | undefined {
  const negated = source.startsWith('!');
  const body = (negated ? source.slice(1) : source).replace(/^(\.\/|\/)+/, '');
  if (body === '' || body.startsWith('**')) return undefined;
  return `${negated ? '!' : ''}**/${body}`;
}

/**
 * Diagnostics for the patterns and touchpoints of `map` that cover none of `files` (paths relative to the same root
 * as the map's `file`). `counts` is `new Matcher([map]).coverageReport(files)`, passed in so that callers can cache it.
 */
export function coverageWarnings(map: CxMap, counts: CoverageCounts, files: readonly string[]): MapDiagnostic[] {
  const warnings: MapDiagnostic[] = [];
  const empty = counts.patterns.filter((p) => p.map === map && !p.pattern.negated && p.files === 0);
  const alternatives = unanchoredCounts(
    map,
    empty.map((p) => p.pattern),
    files,
  );
  for (const p of empty) {
    const alternative = alternatives.get(p.pattern);
    const hint = alternative
      ? ` Did you mean \`${alternative.pattern}\`? It would cover ${alternative.files} file${alternative.files === 1 ? '' : 's'}.`
      : ' Check the spelling, or remove it.';
    const diagnostic: MapDiagnostic = {
      file: map.file,
      range: p.pattern.range,
      severity: WORKSPACE_CHECK_CODES['pattern-covers-nothing'].severity,
      code: 'pattern-covers-nothing',
      message: `\`${clip(p.pattern.source)}\` covers no file in the workspace.${hint}`,
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
      message: `The touchpoint \`${t.journey.id}/${t.touchpoint.id}\` covers no file in the workspace: its changes can never be reported.`,
    });
  }
  return warnings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** For each pattern, its `**\/` form and how many files that covers, when it covers any. One pass for all of them. */
function unanchoredCounts(map: CxMap, patterns: readonly PathPattern[], files: readonly string[]): Map<PathPattern, { pattern: string; files: number }> {
  const candidates: Array<{ original: PathPattern; pattern: string }> = [];
  for (const original of patterns) {
    const pattern = unanchored(original.source);
    if (pattern !== undefined) candidates.push({ original, pattern });
  }
  const found = new Map<PathPattern, { pattern: string; files: number }>();
  if (candidates.length === 0) return found;
  const probe: CxMap = {
    file: map.file,
    dir: map.dir,
    journeys: [
      {
        id: 'probe',
        name: 'probe',
        tier: 'low',
        links: [],
        range: map.journeys[0]?.range ?? zero,
        idRange: zero,
        touchpoints: candidates.map((c, i) => ({ id: `p${i}`, name: c.pattern, paths: [{ ...c.original, source: c.pattern, negated: false }], symbols: [], range: zero, idRange: zero })),
      },
    ],
  };
  const report = new Matcher([probe]).coverageReport(files);
  report.patterns.forEach((p, i) => {
    const candidate = candidates[i];
    if (candidate && p.files > 0) found.set(candidate.original, { pattern: candidate.pattern, files: p.files });
  });
  return found;
}

export interface MapCounts {
  /** Files each journey covers through any of its touchpoints (a file counts once), by journey id. */
  journeys: Map<string, number>;
  /** Files each touchpoint covers, by `journey/touchpoint` id. */
  touchpoints: Map<string, number>;
}

/** How many files each journey and touchpoint of `map` covers among `files`; `counts` as for `coverageWarnings`. */
export function mapCounts(map: CxMap, counts: CoverageCounts, files: readonly string[]): MapCounts {
  const touchpoints = new Map<string, number>();
  for (const t of counts.touchpoints) if (t.map === map) touchpoints.set(`${t.journey.id}/${t.touchpoint.id}`, t.files);
  const journeys = new Map<string, number>();
  for (const journey of map.journeys) {
    // One touchpoint: its count is the journey's. Several may share files, which must count once.
    const single = journey.touchpoints.length === 1 ? touchpoints.get(`${journey.id}/${journey.touchpoints[0]?.id ?? ''}`) : undefined;
    journeys.set(journey.id, single ?? new Matcher([{ ...map, journeys: [journey] }]).coverageReport(files).coveredFiles);
  }
  return { journeys, touchpoints };
}

/**
 * The files a pattern matches on its own (a `!` pattern: the files it would leave out), counted, and the first
 * `limit` of them in path order. `files` are relative to the same root as the map's `file`, sorted.
 */
export function filesOfPattern(map: Pick<CxMap, 'file' | 'dir'>, source: string, files: readonly string[], limit = 10): { count: number; first: string[] } {
  const plain = source.startsWith('!') ? source.slice(1) : source;
  const probe: CxMap = {
    file: map.file,
    dir: map.dir,
    journeys: [{ id: 'probe', name: 'probe', tier: 'low', links: [], range: zero, idRange: zero, touchpoints: [{ id: 'p', name: 'p', paths: [{ source: plain, negated: false, range: zero, line: 1 }], symbols: [], range: zero, idRange: zero }] }],
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
