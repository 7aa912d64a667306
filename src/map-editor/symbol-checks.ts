// `symbols` entries that name no symbol in the files their touchpoint covers. Pure: the extension hands in the
// qualified symbol names it got from the languages' symbol providers.
import * as l10n from '@vscode/l10n';
import { isMap, isScalar, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { TextPositions } from '../core/map/text-position';
import { anySymbolMatches } from '../core/symbols';
import type { MapDiagnostic } from '../core/types';
import { WORKSPACE_CHECK_CODES } from './workspace-checks';

export interface SymbolEntry {
  journey: string;
  touchpoint: string;
  symbol: string;
  /** Offsets of the entry's scalar in the text. */
  start: number;
  end: number;
}

/** Every `symbols` entry of the map's text with where it is written. */
export function symbolEntries(text: string): SymbolEntry[] {
  const doc = parseDocument(text, { uniqueKeys: false });
  const out: SymbolEntry[] = [];
  const root = doc.contents;
  if (!isMap(root)) return out;
  for (const journey of seqOf(root, 'journeys')) {
    const jid = idOf(journey);
    if (!jid) continue;
    for (const touchpoint of seqOf(journey, 'touchpoints')) {
      const tid = idOf(touchpoint);
      const symbols = valueOf(touchpoint, 'symbols');
      if (!tid || !isSeq(symbols)) continue;
      for (const item of symbols.items) {
        if (isScalar(item) && typeof item.value === 'string' && item.range)
          out.push({ journey: jid, touchpoint: tid, symbol: item.value, start: item.range[0], end: item.range[1] });
      }
    }
  }
  return out;
}

/**
 * `names` holds, by `journey/touchpoint`, the qualified symbol names of the files the touchpoint covers; a touchpoint
 * left out (no file, or no symbol provider answered) is not judged.
 */
export function symbolWarnings(
  file: string,
  text: string,
  entries: readonly SymbolEntry[],
  names: ReadonlyMap<string, readonly string[]>,
): MapDiagnostic[] {
  const positions = new TextPositions(text);
  const out: MapDiagnostic[] = [];
  for (const entry of entries) {
    const known = names.get(`${entry.journey}/${entry.touchpoint}`);
    if (!known || known.some((name) => anySymbolMatches([entry.symbol], name))) continue;
    out.push({
      file,
      range: positions.range(entry.start, entry.end),
      severity: WORKSPACE_CHECK_CODES['symbol-not-found'].severity,
      code: 'symbol-not-found',
      message: l10n.t(
        "No symbol `{0}` in the files of `{1}/{2}` (by their languages' symbol providers).",
        entry.symbol.length > 60 ? `${entry.symbol.slice(0, 57)}...` : entry.symbol,
        entry.journey,
        entry.touchpoint,
      ),
    });
  }
  return out;
}

function valueOf(map: YAMLMap, key: string): unknown {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key)?.value;
}

function seqOf(map: YAMLMap, key: string): YAMLMap[] {
  const value = valueOf(map, key);
  return isSeq(value) ? value.items.filter((i): i is YAMLMap => isMap(i)) : [];
}

function idOf(map: YAMLMap): string | undefined {
  const value = valueOf(map, 'id');
  return isScalar(value) && typeof value.value === 'string' ? value.value : undefined;
}
