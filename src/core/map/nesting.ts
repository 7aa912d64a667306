import { CST, Lexer } from 'yaml';

/**
 * Where the YAML in `text` first nests deeper than `limit` levels, or undefined.
 *
 * Runs before the yaml composer, which recurses once per level: thousands of `[` or `- - -` make it
 * slow, and past the stack limit Node can die outright (a V8 regexp-compiler abort, not a catchable
 * error). The lexer is iterative and linear, so this estimate is safe on any input. It over-counts
 * (every `-`, `?` and `:` indicator and every deeper indentation is a level), which is harmless:
 * a real map is about ten levels deep by this count.
 */
export function findDeepNesting(text: string, limit: number): number | undefined {
  const gauge = new NestingGauge(limit);
  for (const lexeme of new Lexer().lex(text)) {
    const deep = gauge.next(lexeme);
    if (deep !== undefined) return deep;
  }
  return undefined;
}

/**
 * `findDeepNesting` one lexeme at a time, so that the parser can read the same lexemes instead of
 * lexing the text a second time: feed each lexeme of `new Lexer().lex(text)` to `next` before the
 * parser sees it, and stop at the first offset it returns.
 */
export class NestingGauge {
  private offset = 0;
  private lineStart = 0;
  private atLineStart = true;
  private scalarNext = false;
  private flow = 0;
  private readonly columns: number[] = [];

  constructor(private readonly limit: number) {}

  /** The offset where `lexeme` makes the YAML too deep, or undefined. */
  next(lexeme: string): number | undefined {
    const offset = this.offset;
    if (this.scalarNext) {
      // The source of a scalar, which may span lines (block scalars, multi-line flow scalars).
      this.scalarNext = false;
      if (this.flow === 0 && this.atLineStart && this.enterBlock(offset - this.lineStart, true)) return offset;
      this.offset += lexeme.length;
      const lastBreak = Math.max(lexeme.lastIndexOf('\n'), lexeme.lastIndexOf('\r'));
      if (lastBreak >= 0) this.lineStart = offset + lastBreak + 1;
      this.atLineStart = lastBreak === lexeme.length - 1;
      return undefined;
    }
    switch (CST.tokenType(lexeme)) {
      case 'scalar':
        this.scalarNext = true;
        return undefined;
      case 'doc-mode':
      case 'flow-error-end':
        return undefined;
      case 'byte-order-mark':
        this.offset += lexeme.length;
        this.lineStart = this.offset;
        return undefined;
      case 'newline':
        this.offset += lexeme.length;
        this.lineStart = this.offset;
        this.atLineStart = true;
        return undefined;
      case 'space':
      case 'comment':
        this.offset += lexeme.length;
        return undefined;
      case 'doc-start':
        this.columns.length = 0;
        break;
      case 'flow-map-start':
      case 'flow-seq-start':
        this.flow++;
        if (this.columns.length + this.flow > this.limit) return offset;
        break;
      case 'flow-map-end':
      case 'flow-seq-end':
        this.flow = Math.max(0, this.flow - 1);
        break;
      default:
        if (this.flow === 0 && this.enterBlock(offset - this.lineStart, this.atLineStart)) return offset;
    }
    this.offset += lexeme.length;
    this.atLineStart = false;
    return undefined;
  }

  private enterBlock(column: number, firstOnLine: boolean): boolean {
    const columns = this.columns;
    if (firstOnLine) {
      while (columns.length > 0 && (columns[columns.length - 1] ?? 0) >= column) columns.pop();
    }
    columns.push(column);
    return columns.length + this.flow > this.limit;
  }
}
