import type { Position, Range } from '../types';

/** Turns offsets into 0-based line/character positions the way editors count: `\n`, `\r\n` and `\r` end a line. */
export class TextPositions {
  private readonly lineStarts: number[] = [0];
  private lastLine = 0;

  constructor(private readonly text: string) {
    if (!text.includes('\r')) {
      // The string search is several times quicker than a loop over every character.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) {
        i++;
      }
      if (c === 0x0a || c === 0x0d) {
        this.lineStarts.push(i + 1);
      }
    }
  }

  position(offset: number): Position {
    let at = Math.max(0, Math.min(offset, this.text.length));
    // Between the `\r` and the `\n` of a line end is no place in a line: it is the end of the line before.
    if (at > 0 && this.text.charCodeAt(at) === 0x0a && this.text.charCodeAt(at - 1) === 0x0d) at--;
    const starts = this.lineStarts;
    // Asked mostly in document order: the line found last, or the next one, is usually the answer.
    const last = this.lastLine;
    let lo = (starts[last] ?? 0) <= at ? last : 0;
    let hi = lo === last ? starts.length - 1 : last - 1;
    if (lo < hi && (starts[lo + 1] ?? 0) <= at) {
      lo++;
      while (lo < hi && (starts[lo + 1] ?? 0) <= at) {
        const mid = (lo + hi + 1) >> 1;
        if ((starts[mid] ?? 0) <= at) lo = mid;
        else hi = mid - 1;
      }
    }
    const line = lo;
    this.lastLine = line;
    return { line, character: at - (starts[line] ?? 0) };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }
}
