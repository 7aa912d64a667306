// The `entry-points` report as text (a terminal) and Markdown (a pull-request comment or a wiki page).
import type { CoveredEntryPoint, EntryPointReport } from '../entry-points/coverage';
import { entryPointLabel } from '../entry-points/coverage';
import { codeSpan, escapeMarkdown, escapeTerminal as t } from './escape';
import { plural } from './markdown';

export interface EntryPointJson {
  kind: string;
  method: string | null;
  route: string | null;
  operation: string | null;
  file: string;
  line: number;
  handler: string | null;
  handlerFile: string;
  framework: string;
  touchpoints: { journey: string; touchpoint: string; map: string }[];
}

/** The JSON of `entry-points --format json`: every documented field present (null when it does not apply). */
export function entryPointsJson(
  report: EntryPointReport,
  onlyUncovered: boolean,
): { entryPoints: EntryPointJson[]; total: number; covered: number } {
  const shown = onlyUncovered ? report.entryPoints.filter((p) => p.touchpoints.length === 0) : report.entryPoints;
  return {
    entryPoints: shown.map((p) => ({
      kind: p.kind,
      method: p.method ?? null,
      route: p.route ?? null,
      operation: p.operation ?? null,
      file: p.file,
      line: p.line,
      handler: p.handler ?? null,
      handlerFile: p.handlerFile,
      framework: p.framework,
      touchpoints: p.touchpoints.map((tp) => ({ journey: tp.journey, touchpoint: tp.touchpoint, map: tp.map })),
    })),
    total: report.total,
    covered: report.covered,
  };
}

function handlerOf(p: CoveredEntryPoint): string {
  return p.handler !== undefined ? `${p.handlerFile}#${p.handler}` : p.handlerFile;
}

export function renderEntryPointsText(report: EntryPointReport, onlyUncovered: boolean, color = false): string {
  const bold = (s: string) => (color ? `\u001b[1m${s}\u001b[22m` : s);
  const dim = (s: string) => (color ? `\u001b[2m${s}\u001b[22m` : s);
  const out = [`${bold('Entry points')}: ${report.covered} of ${plural(report.total, 'entry point')} in a journey`];
  const shown = onlyUncovered ? report.entryPoints.filter((p) => p.touchpoints.length === 0) : report.entryPoints;
  for (const p of shown) {
    const where =
      p.touchpoints.length > 0 ? p.touchpoints.map((tp) => `${tp.journey}/${tp.touchpoint}`).join(', ') : 'no journey';
    out.push(
      `  ${t(entryPointLabel(p))}  ${t(p.file)}:${p.line}  ${dim(`-> ${t(handlerOf(p))}`)}  ${p.touchpoints.length > 0 ? t(where) : bold(where)}`,
    );
  }
  return out.join('\n') + '\n';
}

export function renderEntryPointsMarkdown(report: EntryPointReport, onlyUncovered: boolean): string {
  const shown = onlyUncovered ? report.entryPoints.filter((p) => p.touchpoints.length === 0) : report.entryPoints;
  const out = [
    `## Entry points`,
    '',
    `${report.covered} of ${escapeMarkdown(plural(report.total, 'entry point'))} in a journey.`,
    '',
  ];
  if (shown.length === 0) return out.join('\n');
  out.push('| Entry point | Registered | Handler | Journeys |', '|---|---|---|---|');
  for (const p of shown) {
    const journeys =
      p.touchpoints.length > 0
        ? p.touchpoints.map((tp) => codeSpan(`${tp.journey}/${tp.touchpoint}`)).join(', ')
        : '**none**';
    out.push(
      `| ${codeSpan(entryPointLabel(p))} | ${codeSpan(`${p.file}:${p.line}`)} | ${codeSpan(handlerOf(p))} | ${journeys} |`,
    );
  }
  return out.join('\n') + '\n';
}
