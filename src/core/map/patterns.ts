// Checks on one path pattern as written in a map (contract §2.6). Shared by the parser and the editor.

/** Longer patterns are refused before any other work: minimatch itself throws past 64 KiB. */
export const MAX_PATTERN_LENGTH = 4096;
/** A brace pattern may expand to at most this many alternatives. */
export const MAX_ALTERNATIVES = 1000;

export interface PatternProblem {
  code:
    | 'empty-pattern'
    | 'nul-in-pattern'
    | 'pattern-too-long'
    | 'absolute-pattern'
    | 'parent-segment'
    | 'too-many-alternatives';
  message: string;
}

const PARENT_SEGMENT = /(?:^|[\\/])\.\.(?:[\\/]|$)/;

/** What is wrong with a pattern (`!` included, as written in the map), or undefined when it is usable. */
export function patternProblem(source: string): PatternProblem | undefined {
  const body = source.startsWith('!') ? source.slice(1) : source;
  if (body.trim() === '') {
    return {
      code: 'empty-pattern',
      message:
        "The pattern is empty: write a path relative to the map's folder (e.g. `services/payments/**`) or remove the entry.",
    };
  }
  if (body.includes('\0')) {
    return {
      code: 'nul-in-pattern',
      message: 'The pattern contains a NUL character, which no path can contain: remove it.',
    };
  }
  if (source.length > MAX_PATTERN_LENGTH) {
    return {
      code: 'pattern-too-long',
      message: `The pattern is ${source.length} characters long; the limit is ${MAX_PATTERN_LENGTH}: split it into several patterns.`,
    };
  }
  if (/^[A-Za-z]:[\\/]/.test(body) || body.startsWith('\\\\') || body.startsWith('//')) {
    return {
      code: 'absolute-pattern',
      message: "The pattern is an absolute path: write it relative to the map's folder, with `/` (e.g. `src/**`).",
    };
  }
  if (PARENT_SEGMENT.test(body)) {
    return {
      code: 'parent-segment',
      message:
        'The pattern contains a `..` segment: a map only covers its own folder and below. Put a map in the parent folder instead, or remove the `..`.',
    };
  }
  if (body.includes('{') && countAlternatives(body, MAX_ALTERNATIVES) > MAX_ALTERNATIVES) {
    return {
      code: 'too-many-alternatives',
      message: `The braces in this pattern expand to more than ${MAX_ALTERNATIVES} alternatives: use \`*\` or \`**\`, or split it into several patterns.`,
    };
  }
  return undefined;
}

/** The message for a pattern's problem, or undefined when it is usable. */
export function validatePattern(source: string): string | undefined {
  return patternProblem(source)?.message;
}

const NUMERIC_SEQUENCE = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/;
const ALPHA_SEQUENCE = /^([a-zA-Z])\.\.([a-zA-Z])(?:\.\.(-?\d+))?$/;

/**
 * How many alternatives brace expansion turns `pattern` into, counted without building them, the way
 * minimatch's brace-expansion reads braces: `{a,b}` sets (nested), `{1..9..2}` and `{a..z}` sequences,
 * `\` escapes, `${…}` and unmatched `{` left literal. Stops counting once the result exceeds `cap`.
 * Linear in the pattern's length apart from nesting; callers bound the length first (recursion follows nesting).
 *
 * The one count used by the validator and the matcher. It is not minimatch's `braceExpand` with
 * `braceExpandMax` because that builds the strings: bounded, but on 4 KB patterns it took up to 110 ms
 * and 26 MiB each (braces nested a thousand deep), so a map of such patterns under MAX_MAP_VALUES took
 * 1.9 s of CPU to validate, against 3 ms or less per pattern here. Where they differ (sets of empty
 * members, sequences nested past brace-expansion's depth limit) this counts more: it refuses rather than
 * lets through (200,000 random brace patterns: 21 differences, none counted lower).
 */
export function countAlternatives(pattern: string, cap = Number.POSITIVE_INFINITY): number {
  const close = matchBraces(pattern);

  const sequence = (lo: number, hi: number): number => {
    let total = 1;
    for (let i = lo; i < hi; i++) {
      const c = pattern.charCodeAt(i);
      if (c === 0x5c) {
        i++;
        continue;
      }
      const end = close[i] ?? -1;
      if (c !== 0x7b || end < 0 || end >= hi) {
        continue;
      }
      if (i === 0 || pattern[i - 1] !== '$') {
        total *= group(i + 1, end);
        if (total > cap) {
          return total;
        }
      }
      i = end;
    }
    return total;
  };

  const group = (lo: number, hi: number): number => {
    const body = pattern.slice(lo, hi);
    const numeric = NUMERIC_SEQUENCE.exec(body);
    if (numeric) {
      return sequenceLength(Number(numeric[1]), Number(numeric[2]), numeric[3]);
    }
    const alpha = ALPHA_SEQUENCE.exec(body);
    if (alpha) {
      return sequenceLength(body.charCodeAt(0), (alpha[2] ?? '').charCodeAt(0), alpha[3]);
    }
    const commas: number[] = [];
    for (let i = lo; i < hi; i++) {
      const c = pattern.charCodeAt(i);
      if (c === 0x5c) {
        i++;
      } else if (c === 0x7b && (close[i] ?? -1) >= 0 && (close[i] ?? -1) < hi) {
        i = close[i] ?? i;
      } else if (c === 0x2c) {
        commas.push(i);
      }
    }
    if (commas.length === 0) {
      // `{a}` stays literal, but braces inside it still expand.
      return sequence(lo, hi);
    }
    let sum = 0;
    let start = lo;
    for (const comma of [...commas, hi]) {
      sum += sequence(start, comma);
      if (sum > cap) {
        return sum;
      }
      start = comma + 1;
    }
    return sum;
  };

  return sequence(0, pattern.length);
}

function sequenceLength(from: number, to: number, step: string | undefined): number {
  const increment = Math.max(Math.abs(step === undefined ? 1 : Number(step)), 1);
  return Math.floor(Math.abs(to - from) / increment) + 1;
}

/** For each `{`, the index of its matching `}` (-1 when unmatched); escaped characters are skipped. */
function matchBraces(pattern: string): Int32Array {
  const close = new Int32Array(pattern.length).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (c === 0x5c) {
      i++;
    } else if (c === 0x7b) {
      open.push(i);
    } else if (c === 0x7d) {
      const start = open.pop();
      if (start !== undefined) {
        close[start] = i;
      }
    }
  }
  return close;
}
