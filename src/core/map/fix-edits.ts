// Text edits behind the map's quick fixes. Each edit touches only the span it fixes, so the map's comments,
// order and formatting stay as they were. Pure: offsets into the text, no editor objects.
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { TextPositions } from './text-position';
import type { Position } from '../types';
import { needsQuotes } from './quoting';

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export function offsetAt(text: string, position: Position): number {
  let line = 0;
  let i = 0;
  while (line < position.line && i < text.length) {
    const c = text[i];
    i++;
    if (c === '\r' && text[i] === '\n') i++;
    if (c === '\n' || c === '\r') line++;
  }
  return Math.min(i + position.character, text.length);
}

/** A scalar written anew in the style of the one it replaces: quoted the same way, or quoted when YAML needs it. */
export function replaceScalar(text: string, start: number, end: number, value: string): TextEdit {
  const old = text.slice(start, end);
  const quote = old.startsWith('"') ? '"' : old.startsWith("'") ? "'" : needsQuotes(value) ? '"' : '';
  const body =
    quote === '"'
      ? value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')
      : quote === "'"
        ? value.replace(/'/g, "''")
        : value;
  return { start, end, text: `${quote}${body}${quote}` };
}

/**
 * Removes the list entry on the line of `start`, line break included, when the entry has the line to itself
 * (`  - pattern  # comment`). Undefined otherwise: a flow list or an entry sharing its line is left to the user.
 */
export function removeEntryLine(text: string, start: number): TextEdit | undefined {
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, 0);
  let lineEnd = text.indexOf('\n', start);
  if (lineEnd < 0) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  if (!/^\s*-\s+("([^"\\]|\\.)*"|'([^']|'')*'|[^\s#"'][^#]*?)\s*(#.*)?$/.test(line)) return undefined;
  if (lineStart + line.search(/-/) > start) return undefined;
  return { start: lineStart, end: lineEnd < text.length ? lineEnd + 1 : lineEnd, text: '' };
}

/**
 * Adds a `touchpoints:` list with one placeholder touchpoint to the journey whose first key starts at `at`, when it
 * has none. Placed after the journey's last line, at its keys' indentation.
 */
export function addTouchpointsList(text: string, at: number): TextEdit | undefined {
  const doc = parseDocument(text, { uniqueKeys: false });
  const journey = findJourneyAt(doc.contents, at);
  if (!journey || journey.items.some((p) => keyOf(p) === 'touchpoints')) return undefined;
  const firstKey = journey.items[0]?.key as Node | undefined;
  const lastPair = journey.items[journey.items.length - 1];
  if (!firstKey?.range || !lastPair) return undefined;
  const positions = new TextPositions(text);
  const indent = ' '.repeat(positions.position(firstKey.range[0]).character);
  const lastNode = (isNodeWithRange(lastPair.value) ? lastPair.value : lastPair.key) as Node | undefined;
  const endOffset = lastNode?.range ? lastNode.range[1] : firstKey.range[1];
  // The end of the last value's line (a block scalar or nested list ends on its own last line).
  const insertAt = lineEnd(text, Math.max(endOffset - 1, firstKey.range[0]));
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const block = ['touchpoints:', '  - id: touchpoint-id', '    name: Touchpoint name', '    paths:', '      - "**/*"']
    .map((l) => `${eol}${indent}${l}`)
    .join('');
  return { start: insertAt, end: insertAt, text: block };
}

function findJourneyAt(root: unknown, at: number): YAMLMap | undefined {
  if (!isMap(root)) return undefined;
  const journeys = root.items.find((p) => keyOf(p) === 'journeys')?.value;
  if (!isSeq(journeys)) return undefined;
  for (const item of journeys.items) {
    if (!isMap(item)) continue;
    const first = item.items[0]?.key;
    if (isNodeWithRange(first) && first.range[0] === at) return item;
    if (item.range && item.range[0] <= at && at < item.range[1]) return item;
  }
  return undefined;
}

function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

function isNodeWithRange(value: unknown): value is Node & { range: [number, number, number] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'range' in value &&
    Array.isArray((value as { range?: unknown }).range)
  );
}

function lineEnd(text: string, offset: number): number {
  let i = Math.max(0, Math.min(offset, text.length));
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
