// How a pattern as written in a map becomes something to match (contract §2), shared by the
// indexed matcher and the naive reference so that both read patterns the same way.
import { braceExpand, type MinimatchOptions } from 'minimatch';
import { MAX_ALTERNATIVES, MAX_PATTERN_LENGTH, countAlternatives } from '../map/patterns';

/** Every pattern is evaluated with these options (contract §2.1). */
export const MATCH_OPTIONS: MinimatchOptions = { dot: true };

export interface NormalizedPattern {
  /** The glob to hand to minimatch: no `!`, no leading `./` or `/`, no trailing `/`. */
  body: string;
  /** The pattern ended with `/`: it matches directories only (contract §2.3). */
  dirOnly: boolean;
}

/**
 * Reads a pattern's source. Undefined for a pattern that can match nothing safely (empty, NUL,
 * too many brace alternatives): the parser reports those; the matcher must only not blow up on them.
 */
export function normalizePattern(source: string, negated: boolean): NormalizedPattern | undefined {
  let body = negated && source.startsWith('!') ? source.slice(1) : source;
  // A leading `./` or `/` anchors at the map's folder, which every pattern already is.
  for (;;) {
    if (body.startsWith('./')) body = body.slice(2);
    else if (body.startsWith('/')) body = body.slice(1);
    else break;
  }
  let end = body.length;
  while (end > 0 && body.charCodeAt(end - 1) === 0x2f) end--;
  const dirOnly = end < body.length;
  body = body.slice(0, end);
  if (body === '' || body.includes('\0')) return undefined;
  // The same count as the map's validator, so that the matcher drops exactly what it reports.
  // Without a `{` there is one alternative: no need to count.
  if (
    body.length > MAX_PATTERN_LENGTH ||
    (body.includes('{') && countAlternatives(body, MAX_ALTERNATIVES) > MAX_ALTERNATIVES)
  )
    return undefined;
  return { body, dirOnly };
}

/** The brace alternatives of a pattern, at most MAX_ALTERNATIVES + 1 of them. */
export function expandAlternatives(body: string): string[] {
  return braceExpand(body, { braceExpandMax: MAX_ALTERNATIVES + 1 });
}
