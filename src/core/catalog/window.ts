// The catalogue's window of history (`--since`) and what a commit's subject says about its pull request.

/** The window when `--since` is not given. */
export const DEFAULT_SINCE = '90d';

const UNITS: Record<string, 'h' | 'd' | 'w' | 'm' | 'y'> = {
  h: 'h',
  hour: 'h',
  hours: 'h',
  d: 'd',
  day: 'd',
  days: 'd',
  w: 'w',
  week: 'w',
  weeks: 'w',
  m: 'm',
  mo: 'm',
  month: 'm',
  months: 'm',
  y: 'y',
  year: 'y',
  years: 'y',
};

/**
 * The start of the window: an ISO date (`2026-11-01`, `2026-11-01T08:00:00Z`) as it is, or a duration (`90d`, `6w`,
 * `3m`, `1y`, `12h`) counted back from `headDate` (HEAD's commit date), so the same commit gives the same window.
 * Undefined when the value is neither; the caller says so.
 */
export function windowStart(value: string, headDate: Date): Date | undefined {
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) {
    // A bare date is midnight UTC, whatever the machine's zone: the page must not depend on where it was built.
    const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text.replace(' ', 'T'));
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  const m = /^(\d{1,5})\s*([a-z]+)$/i.exec(text);
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || !unit) return undefined;
  const n = Number(m[1]);
  const d = new Date(headDate.getTime());
  if (unit === 'h') d.setTime(d.getTime() - n * 3_600_000);
  else if (unit === 'd') d.setTime(d.getTime() - n * 86_400_000);
  else if (unit === 'w') d.setTime(d.getTime() - n * 7 * 86_400_000);
  else if (unit === 'm') d.setUTCMonth(d.getUTCMonth() - n);
  else d.setUTCFullYear(d.getUTCFullYear() - n);
  return d;
}

/**
 * The pull-request number a subject names: GitHub's squash `Subject (#123)`, its merge `Merge pull request #123 from
 * …`, GitLab's `See merge request group/project!123`, Bitbucket's `Merged in branch (pull request #123)`.
 */
export function pullRequestOf(subject: string, body = ''): number | undefined {
  const m =
    /^Merge pull request #(\d+)\b/.exec(subject) ??
    /\(#(\d+)\)\s*$/.exec(subject) ??
    /\(pull request #(\d+)\)/i.exec(subject) ??
    /See merge request [\w./-]*!(\d+)/.exec(body) ??
    /^Merge branch .* into .*\n*.*!(\d+)/.exec(`${subject}\n${body}`);
  if (!m) return undefined;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** A merge commit's subject says little (`Merge pull request #12 from org/branch`): the title is the body's first line. */
export function plainSubject(subject: string, body = ''): string {
  if (/^Merge (pull request #\d+ from|branch '.*' into)/.test(subject)) {
    const title = body
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.length > 0 && !/^See merge request/.test(l));
    if (title) return title;
  }
  return subject;
}
