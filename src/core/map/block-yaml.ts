import { isMap, isNode, isScalar, isSeq, type Alias } from 'yaml';

/** Start, end of the value, end with what trails it (comment, line break): as yaml's `Node.range`. */
export type NodeRange = [number, number, number];

// The block reader's nodes: the fields of yaml's nodes that a map is read from, in plain classes that are
// cheaper to build than yaml's (whose constructor defines a symbol property on every node).
export class BlockScalar {
  constructor(
    readonly value: string | number | null,
    readonly range: NodeRange,
  ) {}
}
export class BlockPair {
  constructor(
    readonly key: BlockScalar,
    readonly value: BlockNode,
  ) {}
}
export class BlockMap {
  readonly items: BlockPair[] = [];
  range: NodeRange = [0, 0, 0];
}
export class BlockSeq {
  readonly items: BlockNode[] = [];
  range: NodeRange = [0, 0, 0];
}
export type BlockNode = BlockScalar | BlockMap | BlockSeq;

// What a reader of either kind of node needs: these guards accept yaml's nodes and the block reader's.
export interface ScalarNode {
  value: unknown;
  range?: NodeRange | null;
}
export interface PairNode {
  key: unknown;
  value: unknown;
}
export interface MapNode {
  items: PairNode[];
  range?: NodeRange | null;
}
export interface SeqNode {
  items: unknown[];
  range?: NodeRange | null;
}
export const isMapNode = (node: unknown): node is MapNode => node instanceof BlockMap || isMap(node);
export const isSeqNode = (node: unknown): node is SeqNode => node instanceof BlockSeq || isSeq(node);
export const isScalarNode = (node: unknown): node is ScalarNode => node instanceof BlockScalar || isScalar(node);
/** A scalar, mapping, list or alias, of yaml's or of the block reader. */
export type AnyNode = MapNode | SeqNode | ScalarNode | Alias;
export const isAnyNode = (node: unknown): node is AnyNode =>
  node instanceof BlockScalar || node instanceof BlockMap || node instanceof BlockSeq || isNode(node);

/**
 * A fast reader for the plainest YAML a map is written in: block mappings and block lists indented with
 * spaces, `key: value` lines with plain keys, and values that are plain text (also folded over several
 * lines), double-quoted text (with `\\`, `\"` and line-end `\` escapes, also folded), one-line single-quoted
 * text, a whole number, or an empty `[]` / `{}`; blank lines and whole-line comments between entries. That
 * is what `yaml.stringify` writes for a map and what most maps look like.
 *
 * It builds nodes with the same values and ranges as the yaml package's composer does on such a text
 * (`block-yaml.test.ts` holds it to that, node by node, on generated, commented and mutated maps), in a
 * fraction of the time: yaml's lexer, parser and composer cost about 2 µs per token. On anything else —
 * comments after a value or where a block ends, blank lines inside values or at the end, `\r`, tabs, flow
 * collections, anchors, aliases, tags, block scalars, other escapes, document markers, keys that are not
 * plain names, odd indentation — it returns undefined without a word and the caller reads the text with the
 * yaml package, which reports problems: every text outside the subset is read exactly as before.
 */
export function readBlockYaml(text: string): BlockMap | undefined {
  if (text.length === 0 || text.charCodeAt(text.length - 1) !== NEWLINE) return undefined;
  try {
    return new BlockReader(text).document();
  } catch (error) {
    if (error === OUTSIDE) return undefined;
    throw error;
  }
}

/** Thrown (and caught in `readBlockYaml`) when the text leaves the subset. */
const OUTSIDE = new Error('outside the block subset');

/** Deeper than this is left to the yaml path, which applies the nesting limit; a map is about four. */
const MAX_DEPTH = 16;
/** yaml refuses implicit keys over 1,024 characters; this leaves long keys to it. */
const MAX_KEY = 256;

const NEWLINE = 0x0a;
const SPACE = 0x20;
const COLON = 0x3a;
const HASH = 0x23;
const DASH = 0x2d;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const BACKSLASH = 0x5c;

/** Plain text that the core schema reads as something else than a string: null, booleans, numbers. */
const NOT_A_STRING = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
];
/** Tabs, `\r`, other control characters, U+0085, U+2028, U+2029 (line breaks to some readers) and U+FEFF (a BOM). */
// eslint-disable-next-line no-control-regex
const UNUSUAL_CHARACTER = /[\u0000-\u0009\u000b-\u001f\u007f\u0085\u2028\u2029\ufeff]/;
const SMALL_WHOLE_NUMBER = /^[0-9]{1,15}$/;
/** A key this reader takes: a plain name the core schema reads as a string. */
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const KEYWORD = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$/;

/** Whether `c` (followed by `next`) may not start a plain scalar: indicators, quotes, a space; `-`, `?`, `:` unless text follows. */
function badPlainStart(c: number, next: number): boolean {
  if (c === DASH || c === 0x3f || c === COLON) return next === SPACE || next === NEWLINE;
  // , [ ] { } # & * ! | > ' " % @ `
  return (
    c === 0x2c ||
    c === 0x5b ||
    c === 0x5d ||
    c === 0x7b ||
    c === 0x7d ||
    c === HASH ||
    c === 0x26 ||
    c === 0x2a ||
    c === 0x21 ||
    c === 0x7c ||
    c === 0x3e ||
    c === APOSTROPHE ||
    c === QUOTE ||
    c === 0x25 ||
    c === 0x40 ||
    c === 0x60 ||
    c === SPACE
  );
}

class BlockReader {
  /** Start of the current line. */
  private line = 0;
  /** End of the current line (the offset of its `\n`). */
  private lineEnd = 0;
  /** Indentation of the current line: spaces before its first other character. */
  private indent = 0;
  private depth = 0;
  /** Whether blank or comment lines came before the current line. */
  private skipped = false;

  constructor(private readonly text: string) {
    // One search refuses what the subset never contains, so the line reader need not look for it.
    if (UNUSUAL_CHARACTER.test(text)) throw OUTSIDE;
    this.enter(0);
  }

  document(): BlockMap {
    const text = this.text;
    if (this.indent !== 0) throw OUTSIDE;
    // Directives, document markers.
    const first = text.charCodeAt(0);
    if (first === 0x25 || text.startsWith('---') || text.startsWith('...')) throw OUTSIDE;
    const root = this.blockMap(0, 0);
    if (this.line < text.length) throw OUTSIDE;
    return root;
  }

  /**
   * Moves to the first line from `start` that holds YAML, past blank and whole-line comment lines (noted in
   * `skipped`); the callers refuse them where yaml would count them into a range.
   */
  private enter(start: number): void {
    const text = this.text;
    this.skipped = false;
    let commentIndent = -1;
    for (;;) {
      this.line = start;
      if (start >= text.length) {
        // Blank or comment lines at the end: yaml counts them into the last value's range; left to it.
        if (this.skipped) throw OUTSIDE;
        this.lineEnd = start;
        this.indent = -1;
        return;
      }
      let i = start;
      while (text.charCodeAt(i) === SPACE) i++;
      const c = text.charCodeAt(i);
      const end = c === NEWLINE ? i : text.indexOf('\n', i);
      if (c === NEWLINE || c === HASH) {
        // A blank line or a whole-line comment: skipped, and noted for the scalar readers.
        this.skipped = true;
        if (c === HASH) commentIndent = Math.max(commentIndent, i - start);
        start = end + 1;
        continue;
      }
      // `---` / `...` at the start of a line end the document.
      if (i === start && (text.startsWith('---', i) || text.startsWith('...', i))) throw OUTSIDE;
      this.indent = i - start;
      // yaml counts a comment indented deeper than the line after it into the value before it.
      if (commentIndent > this.indent) throw OUTSIDE;
      this.lineEnd = end;
      return;
    }
  }

  private nextLine(): void {
    this.enter(this.lineEnd + 1);
  }

  /**
   * A block mapping whose first key starts at `at` on the current line (column `column`); its other keys
   * are the following lines indented by `column`.
   */
  private blockMap(at: number, column: number): BlockMap {
    if (++this.depth > MAX_DEPTH) throw OUTSIDE;
    const map = new BlockMap();
    let keyStart = at;
    let end: number;
    for (;;) {
      const pair = this.pair(keyStart, column);
      map.items.push(pair);
      end = pair.value.range[2];
      if (this.indent !== column) {
        // yaml counts blank and comment lines where a block ends into the block's range: left to it.
        if (this.skipped) throw OUTSIDE;
        break;
      }
      keyStart = this.line + column;
      if (this.text.charCodeAt(keyStart) === DASH && this.text.charCodeAt(keyStart + 1) === SPACE) throw OUTSIDE;
    }
    if (this.indent > column) throw OUTSIDE;
    map.range = [at, end, end];
    this.depth--;
    return map;
  }

  /** `key: value` or `key:` and a nested block, with the key at `at` on the current line. */
  private pair(at: number, column: number): BlockPair {
    const text = this.text;
    const colon = text.indexOf(':', at);
    if (colon < 0 || colon > this.lineEnd || colon - at > MAX_KEY) throw OUTSIDE;
    const name = text.slice(at, colon);
    if (!PLAIN_KEY.test(name) || KEYWORD.test(name)) throw OUTSIDE;
    const key = new BlockScalar(name, [at, colon, colon]);
    const after = text.charCodeAt(colon + 1);
    if (after === NEWLINE) {
      // A nested block, or an empty value.
      const nullAt = colon + 1;
      this.nextLine();
      if (this.indent > column) {
        const start = this.line + this.indent;
        if (text.charCodeAt(start) === DASH && text.charCodeAt(start + 1) === SPACE) {
          return new BlockPair(key, this.blockSeq(start, this.indent));
        }
        return new BlockPair(key, this.blockMap(start, this.indent));
      }
      const first = this.line + column;
      if (this.indent === column && text.charCodeAt(first) === DASH && text.charCodeAt(first + 1) === SPACE) {
        // A list may sit at its key's own indentation.
        return new BlockPair(key, this.blockSeq(first, column, true));
      }
      // yaml counts blank and comment lines after an empty value into its range.
      if (this.skipped) throw OUTSIDE;
      return new BlockPair(key, new BlockScalar(null, [nullAt, nullAt, nullAt]));
    }
    if (after !== SPACE) throw OUTSIDE;
    const valueAt = colon + 2;
    return new BlockPair(key, this.scalar(valueAt, column));
  }

  /**
   * A block list whose first `- ` is at `at` on the current line (column `column`). `inMap`: the value of a
   * key at the same column, so a line there without `- ` is the mapping's next key.
   */
  private blockSeq(at: number, column: number, inMap = false): BlockSeq {
    if (++this.depth > MAX_DEPTH) throw OUTSIDE;
    const text = this.text;
    const seq = new BlockSeq();
    let dash = at;
    let end: number;
    for (;;) {
      const itemAt = dash + 2;
      const c = text.charCodeAt(itemAt);
      if (c === SPACE || c === NEWLINE) throw OUTSIDE;
      let item: BlockNode;
      if (this.startsPair(itemAt)) {
        item = this.blockMap(itemAt, column + 2);
      } else {
        item = this.scalar(itemAt, column);
      }
      seq.items.push(item);
      end = item.range[2];
      if (this.indent !== column) {
        // yaml counts blank and comment lines where a block ends into the block's range: left to it.
        if (this.skipped) throw OUTSIDE;
        break;
      }
      dash = this.line + column;
      if (text.charCodeAt(dash) !== DASH || text.charCodeAt(dash + 1) !== SPACE) {
        if (inMap && !this.skipped) break;
        throw OUTSIDE;
      }
    }
    if (this.indent > column) throw OUTSIDE;
    seq.range = [at, end, end];
    this.depth--;
    return seq;
  }

  /** Whether the current line holds `name:` (end of line or a space after it) at `at`. */
  private startsPair(at: number): boolean {
    const text = this.text;
    let i = at;
    for (; i < this.lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === COLON) break;
      if (!(
        (c >= 0x61 && c <= 0x7a) ||
        (c >= 0x41 && c <= 0x5a) ||
        (c >= 0x30 && c <= 0x39) ||
        c === 0x5f ||
        c === DASH
      ))
        return false;
    }
    if (i === at || i === this.lineEnd) return false;
    const after = text.charCodeAt(i + 1);
    return after === SPACE || after === NEWLINE;
  }

  /**
   * A scalar value starting at `at` on the current line, in a block whose indentation is `column`: it may go
   * on over more-indented lines. Leaves the reader on the line after it.
   */
  private scalar(at: number, column: number): BlockNode {
    const c = this.text.charCodeAt(at);
    if (c === QUOTE) return this.doubleQuoted(at, column);
    if (c === APOSTROPHE) return this.singleQuoted(at);
    if ((c === 0x5b || c === 0x7b) && at + 2 === this.lineEnd) return this.emptyFlow(at, c);
    return this.plain(at, column);
  }

  /** `[]` or `{}`, the whole rest of the line. */
  private emptyFlow(at: number, open: number): BlockSeq | BlockMap {
    if (this.text.charCodeAt(at + 1) !== open + 2) throw OUTSIDE;
    const collection = open === 0x5b ? new BlockSeq() : new BlockMap();
    collection.range = [at, at + 2, at + 3];
    this.nextLine();
    return collection;
  }

  private plain(at: number, column: number): BlockScalar {
    const text = this.text;
    if (badPlainStart(text.charCodeAt(at), text.charCodeAt(at + 1))) throw OUTSIDE;
    let parts: string | undefined;
    let lineFrom = at;
    let end: number;
    for (;;) {
      const lineEnd = this.lineEnd;
      // `: ` or ` #` would make it a key or a comment; a trailing space or `:` is left to yaml too.
      const last = text.charCodeAt(lineEnd - 1);
      if (last === SPACE || last === COLON) throw OUTSIDE;
      const content = text.slice(lineFrom, lineEnd);
      if (content.includes(': ') || content.includes(' #')) throw OUTSIDE;
      parts = parts === undefined ? content : `${parts} ${content}`;
      end = lineEnd;
      this.nextLine();
      if (this.indent <= column) break;
      // After a blank line the fold is a line break; after a comment the value has ended. Left to yaml.
      if (this.skipped) throw OUTSIDE;
      // A continuation line: folded into the value with a space.
      lineFrom = this.line + this.indent;
      if (badPlainStart(text.charCodeAt(lineFrom), text.charCodeAt(lineFrom + 1))) throw OUTSIDE;
    }
    return new BlockScalar(plainValue(parts), [at, end, end + 1]);
  }

  private singleQuoted(at: number): BlockScalar {
    const text = this.text;
    const lineEnd = this.lineEnd;
    // One line, ending with the closing quote; `''` is a quote.
    if (text.charCodeAt(lineEnd - 1) !== APOSTROPHE || lineEnd - 1 === at) throw OUTSIDE;
    const body = text.slice(at + 1, lineEnd - 1);
    if (body.replaceAll("''", '').includes("'")) throw OUTSIDE;
    const scalar = new BlockScalar(body.replaceAll("''", "'"), [at, lineEnd, lineEnd + 1]);
    this.nextLine();
    return scalar;
  }

  private doubleQuoted(at: number, column: number): BlockScalar {
    const text = this.text;
    let value = '';
    let i = at + 1;
    /** Where the text of the current line starts. */
    let from = i;
    for (;;) {
      if (i >= this.lineEnd) {
        // A line break inside the quotes: trailing spaces go, then a space (or `\n`s for empty lines).
        value += text.slice(from, i).replace(/ +$/, '');
        value = this.foldQuoted(value, column, true);
        i = this.line + this.indent;
        from = i;
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        const next = text.charCodeAt(i + 1);
        if (next === BACKSLASH || next === QUOTE) {
          value += text.slice(from, i) + String.fromCharCode(next);
          i += 2;
          from = i;
          continue;
        }
        if (i + 1 === this.lineEnd) {
          // An escaped line break: the line's text is kept as it is and the next line's indentation goes.
          value += text.slice(from, i);
          value = this.foldQuoted(value, column, false);
          i = this.line + this.indent;
          from = i;
          continue;
        }
        throw OUTSIDE;
      }
      i++;
    }
    value += text.slice(from, i);
    // The closing quote ends the line.
    if (i + 1 !== this.lineEnd) throw OUTSIDE;
    const scalar = new BlockScalar(value, [at, i + 1, i + 2]);
    this.nextLine();
    return scalar;
  }

  /** Moves into the next line of a quoted scalar, which must be indented past `column`. */
  private foldQuoted(value: string, column: number, space: boolean): string {
    this.nextLine();
    // A blank line in quotes is a line break, and a `#` line is text: left to yaml.
    if (this.indent <= column || this.skipped) throw OUTSIDE;
    const start = this.line + this.indent;
    // `"` or `\` opening the line, or `---`: left to yaml.
    const c = this.text.charCodeAt(start);
    if (c === QUOTE || c === BACKSLASH) throw OUTSIDE;
    return space ? `${value} ` : value;
  }
}

function plainValue(source: string): string | number {
  // Only these can begin null, a boolean or a number: `~` `n` `N` `t` `T` `f` `F` `+` `-` `.` digits, or nothing.
  const c = source.charCodeAt(0);
  if (!(
    source === '' ||
    c === 0x7e ||
    c === 0x6e ||
    c === 0x4e ||
    c === 0x74 ||
    c === 0x54 ||
    c === 0x66 ||
    c === 0x46 ||
    c === 0x2b ||
    c === DASH ||
    c === 0x2e ||
    (c >= 0x30 && c <= 0x39)
  )) {
    return source;
  }
  for (const test of NOT_A_STRING) {
    if (test.test(source)) {
      if (SMALL_WHOLE_NUMBER.test(source)) return Number(source);
      throw OUTSIDE;
    }
  }
  return source;
}
