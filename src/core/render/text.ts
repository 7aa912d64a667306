// Plain-text reports for a terminal. Colour is an option the caller turns on (a TTY without NO_COLOR).
import { changedDeclarations, describeSymbol, touchpointSymbolsOf } from '../impact/symbol-impact';
import type { CoverageReport, ExplainEntry } from '../impact/coverage';
import type { ImpactReport } from '../impact/impact';
import type { MapDiagnostic, Tier } from '../types';
import { escapeTerminal as t } from './escape';
import { indirectTextLines, sharedTextLines } from './indirect';
import { changeNotes, mapErrorsLine, plural, shortCommit, tierCounts } from './markdown';

export interface TextOptions {
  color?: boolean;
}

type Style = 'bold' | 'dim' | 'red' | 'yellow' | 'green' | 'cyan' | 'magenta';
const CODES: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  yellow: [33, 39],
  green: [32, 39],
  cyan: [36, 39],
  magenta: [35, 39],
};
const TIER_STYLE: Record<Tier, Style> = { critical: 'red', high: 'magenta', medium: 'yellow', low: 'dim' };

function painter(options: TextOptions): (style: Style, text: string) => string {
  return (style, text) => (options.color ? `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : text);
}

export function renderImpactText(report: ImpactReport, options: TextOptions = {}): string {
  const paint = painter(options);
  const notes = changeNotes(report);
  const note = (file: string): string => {
    const text = notes.get(file);
    return text === undefined ? '' : ` (${t(text)})`;
  };
  const out: string[] = [];
  const range = t(`${shortCommit(report.base)}...${shortCommit(report.head)}`);
  if (report.journeys.length === 0) {
    out.push(
      `${paint('bold', 'Customer impact')} ${range}: no journey touched by ${plural(report.changedFiles.length, 'changed file')}.`,
    );
  } else {
    out.push(
      `${paint('bold', 'Customer impact')} ${range}: ${plural(report.journeys.length, 'journey')} (${tierCounts(report.journeys)}) from ${plural(report.changedFiles.length, 'changed file')}`,
    );
  }
  if (report.mapErrors) out.push(paint('yellow', mapErrorsLine(report.mapErrors).replace(/`/g, '')));
  for (const j of report.journeys) {
    out.push('');
    const facts = [j.owner && `owner ${t(j.owner)}`, j.slo && `SLO ${t(j.slo)}`, `map ${t(j.map)}`]
      .filter(Boolean)
      .join(', ');
    out.push(
      `${paint(TIER_STYLE[j.tier], j.tier.toUpperCase().padEnd(8))} ${paint('bold', t(j.name))} (${t(j.id)}) ${paint('dim', facts)}`,
    );
    for (const tp of j.touchpoints) {
      const channel = tp.channel ? ` [${t(tp.channel)}]` : '';
      const precision =
        tp.precision === 'file'
          ? paint('dim', ` (whole files; symbols ${tp.symbolScope?.map(t).join(', ') ?? ''})`)
          : '';
      out.push(`  ${t(tp.name)}${channel}: ${plural(tp.files.length, 'file')}${precision}`);
      for (const r of tp.reasons) {
        out.push(`    ${t(r.file)}${note(r.file)}  ${paint('dim', `${t(r.map)}:${r.line} ${t(r.pattern)}`)}`);
        for (const s of touchpointSymbolsOf(tp, r.file)) out.push(`      ${t(describeSymbol(s))}`);
      }
    }
    out.push(...indirectTextLines(j, (text) => paint('dim', text)));
  }
  const moved = (report.mapChanges ?? []).filter((c) => c.added.length + c.removed.length > 0);
  if (moved.length > 0) {
    out.push('', paint('bold', 'Map changes'));
    for (const c of moved) {
      out.push(`  ${t(c.map)} ${t(c.journey)}/${t(c.touchpoint)}: +${c.added.length} -${c.removed.length}`);
      for (const f of c.added) out.push(`    ${paint('green', '+')} ${t(f)}`);
      for (const f of c.removed) out.push(`    ${paint('red', '-')} ${t(f)}`);
    }
  }
  const declared = changedDeclarations(report);
  if (declared.length > 0) {
    out.push('', paint('bold', 'Changed declarations'));
    for (const c of declared)
      out.push(
        `  ${t(c.path)}: ${c.precision === 'file' ? paint('dim', `symbols not read (${t(c.unread ?? 'unknown')}); the whole file counts`) : t(c.symbols.map(describeSymbol).join(', '))}`,
      );
  }
  out.push(...sharedTextLines(report, (text) => paint('bold', text)));
  if (report.unmappedFiles.length > 0) {
    out.push('', paint('bold', `In no map (${report.unmappedFiles.length})`));
    for (const f of report.unmappedFiles) out.push(`  ${t(f)}${note(f)}`);
  }
  return out.join('\n') + '\n';
}

export function renderExplainText(entries: readonly ExplainEntry[], options: TextOptions = {}): string {
  const paint = painter(options);
  const out: string[] = [];
  for (const e of entries) {
    if (e.touchpoints.length === 0) {
      out.push(`${paint('bold', t(e.path))}: in no touchpoint`);
      continue;
    }
    out.push(`${paint('bold', t(e.path))}: ${plural(e.touchpoints.length, 'touchpoint')}`);
    for (const tp of e.touchpoints) {
      const symbols = tp.symbols ? paint('dim', ` (only symbols ${tp.symbols.map(t).join(', ')})`) : '';
      out.push(
        `  ${paint(TIER_STYLE[tp.tier], tp.tier)} ${t(tp.journey)}/${t(tp.touchpoint)} (${t(tp.journeyName)}: ${t(tp.touchpointName)})${symbols}`,
      );
      out.push(`    decided by ${t(tp.pattern)} at ${t(tp.map)}:${tp.line}`);
    }
  }
  return out.join('\n') + '\n';
}

export function renderCoverageText(report: CoverageReport, options: TextOptions = {}): string {
  const paint = painter(options);
  const pct = report.totalFiles === 0 ? 0 : (100 * report.coveredFiles) / report.totalFiles;
  const out = [
    `${paint('bold', 'Coverage')}: ${report.coveredFiles} of ${plural(report.totalFiles, 'file')} in a touchpoint (${pct.toFixed(1)}%)`,
  ];
  const idle = report.patterns.filter((p) => p.files === 0);
  if (idle.length > 0) {
    out.push('', paint('bold', `Patterns that match no file (${idle.length})`));
    for (const p of idle)
      out.push(`  ${t(p.map)}:${p.line} ${t(p.pattern)} ${paint('dim', `(${t(p.journey)}/${t(p.touchpoint)})`)}`);
  }
  if (report.uncoveredFiles.length > 0) {
    out.push('', paint('bold', `In no touchpoint (${report.uncoveredFiles.length})`));
    for (const f of report.uncoveredFiles) out.push(`  ${t(f)}`);
  }
  return out.join('\n') + '\n';
}

/** `file:line:col severity code message`, 1-based, sorted by file and position. */
export function renderDiagnosticsText(diagnostics: readonly MapDiagnostic[], options: TextOptions = {}): string {
  const paint = painter(options);
  const style: Record<MapDiagnostic['severity'], Style> = { error: 'red', warning: 'yellow', info: 'cyan' };
  const sorted = [...diagnostics].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character,
  );
  return sorted
    .map(
      (d) =>
        `${t(d.file)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${paint(style[d.severity], d.severity)} ${d.code} ${t(d.message)}\n`,
    )
    .join('');
}
