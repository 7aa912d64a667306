// The edit behind "Add this file to a touchpoint…": one insertion into the map's text, so comments, order and
// formatting stay byte for byte and the change is one undo step. Pure: offsets into the text.
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from './fix-edits';
import { needsQuotes } from './quoting';

export interface AddPathTarget {
  journey: string;
  touchpoint: string;
  /** Set to create the journey (it must not exist yet). */
  newJourney?: { name: string };
  /** Set to create the touchpoint (it must not exist yet in the journey). */
  newTouchpoint?: { name: string };
  /** Relative to the map's folder, as it will be written. */
  pattern: string;
}

export type AddPathResult = { edit: TextEdit } | { already: true } | { problem: string };

export function addPathEdit(text: string, target: AddPathTarget): AddPathResult {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) return { problem: 'The map has YAML errors: fix them first.' };
  const root = doc.contents;
  if (!isMap(root)) return { problem: 'The map has no `journeys:` list.' };
  const journeys = valueOf(root, 'journeys');
  if (!isSeq(journeys) || journeys.flow || journeys.items.length === 0)
    return { problem: 'The map has no `journeys:` list written one entry per line.' };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const entry = quoted(target.pattern);

  const journey = journeys.items.find((j): j is YAMLMap => isMap(j) && scalarOf(j, 'id') === target.journey);
  if (!journey) {
    if (!target.newJourney) return { problem: `The map has no journey \`${target.journey}\`.` };
    const { at, dash, keys } = appendPoint(text, journeys);
    const lines = [
      `- id: ${target.journey}`,
      `  name: ${quoted(target.newJourney.name)}`,
      '  touchpoints:',
      `    - id: ${target.touchpoint}`,
      `      name: ${quoted(target.newTouchpoint?.name ?? target.touchpoint)}`,
      '      paths:',
      `        - ${entry}`,
    ];
    return {
      edit: {
        start: at,
        end: at,
        text: lines.map((l, i) => `${eol}${i === 0 ? dash : keys}${i === 0 ? l : l.slice(2)}`).join(''),
      },
    };
  }
  const touchpoints = valueOf(journey, 'touchpoints');
  if (!isSeq(touchpoints) || touchpoints.flow || touchpoints.items.length === 0)
    return { problem: `The journey \`${target.journey}\` has no \`touchpoints:\` list written one entry per line.` };
  const touchpoint = touchpoints.items.find((t): t is YAMLMap => isMap(t) && scalarOf(t, 'id') === target.touchpoint);
  if (!touchpoint) {
    if (!target.newTouchpoint)
      return { problem: `The journey \`${target.journey}\` has no touchpoint \`${target.touchpoint}\`.` };
    const { at, dash, keys } = appendPoint(text, touchpoints);
    const lines = [
      `- id: ${target.touchpoint}`,
      `  name: ${quoted(target.newTouchpoint.name)}`,
      '  paths:',
      `    - ${entry}`,
    ];
    return {
      edit: {
        start: at,
        end: at,
        text: lines.map((l, i) => `${eol}${i === 0 ? dash : keys}${i === 0 ? l : l.slice(2)}`).join(''),
      },
    };
  }
  const paths = valueOf(touchpoint, 'paths');
  if (!isSeq(paths)) return { problem: `The touchpoint \`${target.touchpoint}\` has no \`paths:\` list.` };
  if (paths.items.some((p) => isScalar(p) && p.value === target.pattern)) return { already: true };
  if (paths.flow) {
    // `paths: [a, b]`: before the closing bracket.
    const close = (paths.range?.[1] ?? 0) - 1;
    const at = text.lastIndexOf(']', close);
    if (at < 0) return { problem: 'The `paths` list could not be read.' };
    return { edit: { start: at, end: at, text: `${paths.items.length > 0 ? ', ' : ''}${entry}` } };
  }
  if (paths.items.length === 0)
    return { problem: `The touchpoint \`${target.touchpoint}\` has an empty \`paths\` list.` };
  const { at, dash } = appendPoint(text, paths);
  return { edit: { start: at, end: at, text: `${eol}${dash}- ${entry}` } };
}

/** Where a new entry of a block list goes (after the last entry's last line) and the indentation of its dash and keys. */
function appendPoint(text: string, seq: YAMLSeq): { at: number; dash: string; keys: string } {
  const last = seq.items[seq.items.length - 1] as Node;
  const start = last.range?.[0] ?? 0;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const dashCol = text.lastIndexOf('-', start - 1) - lineStart;
  const keyCol = start - lineStart;
  return { at: lineEnd(text, contentEnd(last) - 1), dash: ' '.repeat(Math.max(dashCol, 0)), keys: ' '.repeat(keyCol) };
}

/** The end of the last thing written in a node (not the comments or blank lines the parser may count in). */
function contentEnd(node: unknown): number {
  if (isMap(node) || isSeq(node)) {
    const items = node.items as Array<Pair | Node>;
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i];
      const inner = isPair(item) ? (item.value ?? item.key) : item;
      const end = contentEnd(inner);
      if (end > 0) return end;
    }
  }
  if (isScalar(node) && node.range) return node.range[1];
  const range = (node as Node | undefined)?.range;
  return range ? range[1] : 0;
}

function isPair(value: unknown): value is Pair {
  return typeof value === 'object' && value !== null && 'key' in value && 'value' in value;
}

function valueOf(map: YAMLMap, key: string): unknown {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key)?.value;
}

function scalarOf(map: YAMLMap, key: string): string | undefined {
  const value = valueOf(map, key);
  return isScalar(value) && typeof value.value === 'string' ? value.value : undefined;
}

function quoted(value: string): string {
  return needsQuotes(value) || /^(true|false|null|yes|no|on|off|~|[-+.\d][\d._eE+-]*)$/i.test(value)
    ? JSON.stringify(value)
    : value;
}

function lineEnd(text: string, offset: number): number {
  let i = Math.max(0, Math.min(offset, text.length));
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}
