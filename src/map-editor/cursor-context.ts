// Where the cursor is in a cx-map.yaml, worked out from indentation alone: while someone types, the YAML is often
// incomplete (`tier:` with no value, a half-written key), and a parser's recovery would give odd shapes exactly there.
// Block-style YAML only (what the starter map and the docs use); inside flow `[...]`/`{...}` nothing is offered.

/** The keys leading to the cursor, outermost first; `-` stands for a list item (e.g. `journeys - touchpoints -`). */
export type KeyPath = string[];

export type CursorContext =
  /** Where a key goes. `owner` is the mapping: root, journey, touchpoint, links (a link name), or other. */
  | {
      kind: 'key';
      owner: MappingKind;
      path: KeyPath;
      prefix: string;
      siblings: string[];
      startsItem: boolean;
      replaceStart: number;
    }
  /** After `key: `. `prefix` is the value typed so far. */
  | { kind: 'value'; owner: MappingKind; key: string; path: KeyPath; prefix: string; replaceStart: number }
  /** A `- ` entry of a `paths` or `symbols` list. */
  | {
      kind: 'item';
      list: 'paths' | 'symbols';
      path: KeyPath;
      prefix: string;
      replaceStart: number;
      quote: '' | '"' | "'";
    }
  | { kind: 'none' };

export type MappingKind = 'root' | 'journey' | 'touchpoint' | 'links' | 'indirect' | 'other';

interface LineShape {
  /** Column of the first character, -1 for blank and comment-only lines. */
  indent: number;
  /** Column of the first key character after any `- `, or -1 when the line has no `key:`. */
  keyCol: number;
  key: string | undefined;
  /** Column of a leading `-` (the last one, for `- - x`), or -1. */
  dashCol: number;
}

const KEY_LINE = /^(\s*)((?:-\s+)*)([A-Za-z0-9_][A-Za-z0-9_-]*|"[^"]*"|'[^']*')\s*:(?:\s|$)/;

function shapeOf(line: string): LineShape {
  const indent = line.search(/\S/);
  if (indent < 0 || line[indent] === '#') return { indent: -1, keyCol: -1, key: undefined, dashCol: -1 };
  const m = KEY_LINE.exec(line);
  const dashes = /^(\s*)((?:-(?:\s+|$))+)/.exec(line);
  const dashCol = dashes ? (dashes[1]?.length ?? 0) + (dashes[2] ?? '').lastIndexOf('-') : -1;
  if (!m) return { indent, keyCol: -1, key: undefined, dashCol };
  const keyCol = (m[1]?.length ?? 0) + (m[2]?.length ?? 0);
  return { indent, keyCol, key: unquote(m[3] ?? ''), dashCol };
}

function unquote(key: string): string {
  return (key.startsWith('"') && key.endsWith('"')) || (key.startsWith("'") && key.endsWith("'"))
    ? key.slice(1, -1)
    : key;
}

export function mappingKind(path: KeyPath): MappingKind {
  const p = path.join(' ');
  if (p === '') return 'root';
  if (p === 'journeys -') return 'journey';
  if (p === 'journeys - touchpoints -') return 'touchpoint';
  if (p === 'journeys - links') return 'links';
  if (p === 'indirect') return 'indirect';
  return 'other';
}

/**
 * The keys above a node at `col` on line `lineNo`: `item` says the node is a `- ` entry, else it is a key of a
 * mapping. Also collects the mapping's other keys (above and below) when the node is a key.
 */
export function ancestry(
  lines: readonly string[],
  lineNo: number,
  col: number,
  item: boolean,
): { path: KeyPath; siblings: string[] } {
  const path: KeyPath = [];
  const siblings: string[] = [];
  let state: { kind: 'key' | 'item'; col: number } = { kind: item ? 'item' : 'key', col };
  let first = true;
  for (let i = lineNo - 1; i >= 0; i--) {
    const s = shapeOf(lines[i] ?? '');
    if (s.indent < 0) continue;
    if (state.kind === 'key') {
      if (s.indent > state.col) continue;
      if (s.keyCol === state.col) {
        if (first && s.key !== undefined) siblings.push(s.key);
        if (s.dashCol >= 0 && s.dashCol < state.col) {
          path.unshift('-');
          state = { kind: 'item', col: s.dashCol };
          first = false;
        }
        continue;
      }
      if (s.keyCol >= 0 && s.keyCol < state.col) {
        first = false;
        path.unshift(s.key ?? '');
        if (s.dashCol >= 0) {
          path.unshift('-');
          state = { kind: 'item', col: s.dashCol };
        } else state = { kind: 'key', col: s.keyCol };
        continue;
      }
      if (s.indent < state.col) break; // a scalar or something odd at a lower indent: nothing to say
    } else {
      if (s.dashCol === state.col) continue;
      if (s.indent > state.col) continue;
      if (s.keyCol >= 0 && s.keyCol <= state.col) {
        path.unshift(s.key ?? '');
        if (s.dashCol >= 0 && s.dashCol < s.keyCol) {
          path.unshift('-');
          state = { kind: 'item', col: s.dashCol };
        } else state = { kind: 'key', col: s.keyCol };
        continue;
      }
      break;
    }
  }
  if (!item) {
    // Keys of the same mapping below the cursor.
    for (let i = lineNo + 1; i < lines.length; i++) {
      const s = shapeOf(lines[i] ?? '');
      if (s.indent < 0 || s.indent > col) continue;
      if (s.keyCol === col && s.dashCol < 0 && s.key !== undefined) siblings.push(s.key);
      else break;
    }
  }
  return { path, siblings };
}

/** The context at `character` of line `lineNo` (0-based). */
export function cursorContext(text: string, lineNo: number, character: number): CursorContext {
  const lines = text.split(/\r\n|\r|\n/);
  const line = lines[lineNo] ?? '';
  const before = line.slice(0, character);
  // In a comment: nothing to complete.
  if (/(^|\s)#/.test(before.replace(/"[^"]*"|'[^']*'/g, ''))) return { kind: 'none' };
  if (/[[{]/.test(before)) return { kind: 'none' };

  // A value after `key:`.
  const valueMatch =
    /^(\s*)((?:-\s+)?)([A-Za-z0-9_][A-Za-z0-9_-]*)\s*:\s+(.*)$/.exec(before) ??
    /^(\s*)((?:-\s+)?)([A-Za-z0-9_][A-Za-z0-9_-]*):()$/.exec(before);
  if (valueMatch) {
    const keyCol = (valueMatch[1]?.length ?? 0) + (valueMatch[2]?.length ?? 0);
    const isItem = (valueMatch[2] ?? '') !== '';
    const { path } = isItem
      ? ancestry(lines, lineNo, keyCol - (valueMatch[2]?.length ?? 0), true)
      : ancestry(lines, lineNo, keyCol, false);
    const full = isItem ? [...path, '-'] : path;
    const prefix = valueMatch[4] ?? '';
    return {
      kind: 'value',
      owner: mappingKind(full),
      key: valueMatch[3] ?? '',
      path: full,
      prefix,
      replaceStart: character - prefix.length,
    };
  }

  // A list entry: `  - services/pay`, possibly quoted.
  const itemMatch = /^(\s*)-\s+(["']?)([^"':#]*)$/.exec(before) ?? /^(\s*)-()()$/.exec(before);
  if (itemMatch) {
    const dashCol = itemMatch[1]?.length ?? 0;
    const { path } = ancestry(lines, lineNo, dashCol, true);
    const list = path[path.length - 1];
    if ((list === 'paths' || list === 'symbols') && mappingKind(path.slice(0, -1)) === 'touchpoint') {
      const prefix = itemMatch[3] ?? '';
      const quote = (itemMatch[2] ?? '') as '' | '"' | "'";
      return { kind: 'item', list, path, prefix, replaceStart: character - prefix.length, quote };
    }
  }

  // A key being typed: `  na`, `  - id`, or an empty line.
  const keyMatch = /^(\s*)((?:-\s+)?)([A-Za-z0-9_-]*)$/.exec(before);
  if (keyMatch) {
    const dash = keyMatch[2] ?? '';
    const keyCol = (keyMatch[1]?.length ?? 0) + dash.length;
    let path: KeyPath;
    let siblings: string[];
    if (dash) {
      // A new item: the mapping starts here; its list is the owner.
      const found = ancestry(lines, lineNo, keyMatch[1]?.length ?? 0, true);
      path = [...found.path, '-'];
      siblings = siblingsBelow(lines, lineNo, keyCol);
    } else {
      ({ path, siblings } = ancestry(lines, lineNo, keyCol, false));
    }
    const prefix = keyMatch[3] ?? '';
    return {
      kind: 'key',
      owner: mappingKind(path),
      path,
      prefix,
      siblings,
      startsItem: dash !== '',
      replaceStart: character - prefix.length,
    };
  }
  return { kind: 'none' };
}

function siblingsBelow(lines: readonly string[], lineNo: number, col: number): string[] {
  const keys: string[] = [];
  for (let i = lineNo + 1; i < lines.length; i++) {
    const s = shapeOf(lines[i] ?? '');
    if (s.indent < 0 || s.indent > col) continue;
    if (s.keyCol === col && s.dashCol < 0 && s.key !== undefined) keys.push(s.key);
    else break;
  }
  return keys;
}
