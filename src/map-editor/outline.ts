import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import * as vscode from 'vscode';
import { mapText } from './map-document';

/**
 * Journeys → touchpoints for the outline and breadcrumbs, and folding for each of them. Read from the YAML itself,
 * not from the engine's model, so a journey with a problem still shows.
 */
export class MapOutlineProvider implements vscode.DocumentSymbolProvider, vscode.FoldingRangeProvider {
  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    return entries(document, 'journeys').map(({ node, range, id, name }) => {
      const journey = new vscode.DocumentSymbol(
        id ?? name ?? '(journey)',
        name && id ? name : '',
        vscode.SymbolKind.Module,
        range,
        idRange(document, node) ?? new vscode.Range(range.start, range.start),
      );
      journey.children = entries(document, 'touchpoints', node).map(
        (t) =>
          new vscode.DocumentSymbol(
            t.id ?? t.name ?? '(touchpoint)',
            t.name && t.id ? t.name : '',
            vscode.SymbolKind.Event,
            t.range,
            idRange(document, t.node) ?? new vscode.Range(t.range.start, t.range.start),
          ),
      );
      return journey;
    });
  }

  provideFoldingRanges(document: vscode.TextDocument): vscode.FoldingRange[] {
    const ranges: vscode.FoldingRange[] = [];
    for (const journey of entries(document, 'journeys')) {
      if (journey.range.end.line > journey.range.start.line)
        ranges.push(new vscode.FoldingRange(journey.range.start.line, lastLine(journey.range)));
      for (const t of entries(document, 'touchpoints', journey.node)) {
        if (t.range.end.line > t.range.start.line)
          ranges.push(new vscode.FoldingRange(t.range.start.line, lastLine(t.range)));
      }
    }
    return ranges;
  }
}

interface Entry {
  node: YAMLMap;
  range: vscode.Range;
  id: string | undefined;
  name: string | undefined;
}

/** The mapping items of the list under `key` in `owner` (the root when not given). */
function entries(document: vscode.TextDocument, key: string, owner?: YAMLMap): Entry[] {
  const root = owner ?? mapText(document).yaml.contents;
  if (!isMap(root)) return [];
  const list = root.items.find((p) => isScalar(p.key) && p.key.value === key)?.value;
  if (!isSeq(list)) return [];
  const out: Entry[] = [];
  for (const item of list.items) {
    if (!isMap(item) || !item.range) continue;
    const range = new vscode.Range(
      document.positionAt(item.range[0]),
      document.positionAt(trimEnd(document, item.range[1])),
    );
    out.push({ node: item, range, id: text(item, 'id'), name: text(item, 'name') });
  }
  return out;
}

function text(map: YAMLMap, key: string): string | undefined {
  const value = map.items.find((p) => isScalar(p.key) && p.key.value === key)?.value;
  return isScalar(value) && (typeof value.value === 'string' || typeof value.value === 'number')
    ? String(value.value)
    : undefined;
}

function idRange(document: vscode.TextDocument, map: YAMLMap): vscode.Range | undefined {
  const value = map.items.find((p) => isScalar(p.key) && p.key.value === 'id')?.value as Node | undefined;
  return value?.range
    ? new vscode.Range(document.positionAt(value.range[0]), document.positionAt(value.range[1]))
    : undefined;
}

/** A block node's range takes in the line break (and blank lines) after it; the outline should not. */
function trimEnd(document: vscode.TextDocument, offset: number): number {
  const text = mapText(document).text;
  let end = offset;
  while (end > 0 && /\s/.test(text[end - 1] ?? '')) end--;
  return end;
}

function lastLine(range: vscode.Range): number {
  return range.end.character === 0 ? range.end.line - 1 : range.end.line;
}
