// GitHub Actions workflow commands (`::error file=…,line=…::message`): the runner turns each line of a step's output
// into an annotation on the file and line, shown in the pull request's diff. Map text is untrusted: escaping keeps a
// message from ending its command early or starting a new one.
import type { ImpactReport } from '../impact/impact';
import type { MapDiagnostic, Severity } from '../types';

/** The message part: `%`, CR and LF are the only characters the runner decodes there. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: also `:` (ends the properties) and `,` (separates them). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export type WorkflowCommand = 'error' | 'warning' | 'notice';

export function workflowCommand(
  command: WorkflowCommand,
  properties: Record<string, string | number | undefined>,
  message: string,
): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${command}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

const COMMAND: Record<Severity, WorkflowCommand> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * One annotation per map problem. `path` turns a diagnostic's file into the path GitHub knows (relative to the
 * repository root); positions are 1-based, as the runner expects.
 */
export function renderDiagnosticsGithub(
  diagnostics: readonly MapDiagnostic[],
  path: (file: string) => string = (f) => f,
): string {
  return diagnostics
    .map(
      (d) =>
        workflowCommand(
          COMMAND[d.severity],
          {
            file: path(d.file),
            line: d.range.start.line + 1,
            col: d.range.start.character + 1,
            endLine: d.range.end.line + 1,
            endColumn: d.range.end.character + 1,
            title: d.code,
          },
          d.message,
        ) + '\n',
    )
    .join('');
}

/** A notice per touched critical journey, on the first changed file that reaches it (so it shows in the diff). */
export function renderCriticalNotices(report: ImpactReport): string {
  return report.journeys
    .filter((j) => j.tier === 'critical')
    .map((j) => {
      const files = [...new Set(j.touchpoints.flatMap((tp) => tp.files))];
      const touchpoints = j.touchpoints.map((tp) => tp.name).join(', ');
      const shown = files.slice(0, 5).join(', ') + (files.length > 5 ? ` and ${files.length - 5} more` : '');
      return (
        workflowCommand(
          'notice',
          { file: files[0], title: `Critical journey touched: ${j.name}` },
          `This change touches the critical journey ${j.name} (${j.id}, map ${j.map}) through ${touchpoints}: ${shown}.`,
        ) + '\n'
      );
    })
    .join('');
}
