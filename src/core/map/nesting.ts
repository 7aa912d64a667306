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
  let offset = 0;
  let lineStart = 0;
  let atLineStart = true;
  let scalarNext = false;
  let flow = 0;
  const columns: number[] = [];

  const enterBlock = (column: number, firstOnLine: boolean): boolean => {
    if (firstOnLine) {
      while (columns.length > 0 && (columns[columns.length - 1] ?? 0) >= column) columns.pop();
    }
    columns.push(column);
    return columns.length + flow > limit;
  };

  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (scalarNext) {
      // The source of a scalar, which may span lines (block scalars, multi-line flow scalars).
      scalarNext = false;
      if (flow === 0 && atLineStart && enterBlock(offset - lineStart, true)) return offset;
      offset += token.length;
      const lastBreak = Math.max(token.lastIndexOf('\n'), token.lastIndexOf('\r'));
      if (lastBreak >= 0) lineStart = offset - token.length + lastBreak + 1;
      atLineStart = lastBreak === token.length - 1;
      continue;
    }
    switch (type) {
      case 'scalar':
        scalarNext = true;
        continue;
      case 'doc-mode':
      case 'flow-error-end':
        continue;
      case 'byte-order-mark':
        offset += token.length;
        lineStart = offset;
        continue;
      case 'newline':
        offset += token.length;
        lineStart = offset;
        atLineStart = true;
        continue;
      case 'space':
      case 'comment':
        offset += token.length;
        continue;
      case 'doc-start':
        columns.length = 0;
        break;
      case 'flow-map-start':
      case 'flow-seq-start':
        flow++;
        if (columns.length + flow > limit) return offset;
        break;
      case 'flow-map-end':
      case 'flow-seq-end':
        flow = Math.max(0, flow - 1);
        break;
      default:
        if (flow === 0 && enterBlock(offset - lineStart, atLineStart)) return offset;
    }
    offset += token.length;
    atLineStart = false;
  }
  return undefined;
}
