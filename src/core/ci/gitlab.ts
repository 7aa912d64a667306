// GitLab's code quality report (artifacts:reports:codequality): a JSON array of issues that the merge request widget
// and diff show. GitLab needs description, check_name, fingerprint, severity, location.path and location.lines.begin.
import type { MapDiagnostic, Severity } from '../types';

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number } };
}

// An error stops `cx-impact check` (exit 1), so it ranks above what only warns.
const SEVERITY: Record<Severity, CodeQualityIssue['severity']> = { error: 'major', warning: 'minor', info: 'info' };

/**
 * The fingerprint says which issue is "the same" between the base and the head pipeline: the file, code and message
 * (not the line, so an issue does not turn new when lines above it move), and a count for repeats of the same three.
 * `sha256` (hex) comes from the host (src/node/hash.ts): the engine imports no host module.
 */
export function codeQualityIssues(
  diagnostics: readonly MapDiagnostic[],
  sha256: (text: string) => string,
  path: (file: string) => string = (f) => f,
): CodeQualityIssue[] {
  const seen = new Map<string, number>();
  return diagnostics.map((d) => {
    const file = path(d.file);
    const key = `${file}\0${d.code}\0${d.message}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return {
      description: d.message,
      check_name: d.code,
      fingerprint: sha256(`${key}\0${n}`).slice(0, 32),
      severity: SEVERITY[d.severity],
      location: { path: file, lines: { begin: d.range.start.line + 1 } },
    };
  });
}

export function renderGitlabCodeQuality(
  diagnostics: readonly MapDiagnostic[],
  sha256: (text: string) => string,
  path?: (file: string) => string,
): string {
  return JSON.stringify(codeQualityIssues(diagnostics, sha256, path), null, 2) + '\n';
}
