// Symbol-precise change impact (contract §3): which declarations a change touched, and which symbol-scoped
// touchpoints that leaves touched. A symbol-scoped touchpoint keeps a changed file only when a changed line range
// overlaps a symbol it names (old side for removed lines, new side for added lines), or the change adds, deletes or
// renames such a symbol. A file whose symbols cannot be read keeps the file-level answer and says so.
// This runs after computeImpact, on its report: the file-level engine stays as it is.
import type { CodeSymbol } from '../code/symbols';
import type { FileHunks, Hunk } from '../diff-hunks';
import type { ImpactReport, JourneyImpact, TouchpointImpact } from './impact';
import { anySymbolMatches } from '../symbols';

export type SymbolSide = 'old' | 'new';

/** Why a file in a language without a grammar has no symbols. */
export const NO_GRAMMAR = 'no grammar for this language';

/** How the change met a declaration: its lines changed, it appeared, it went, or its whole file moved. */
export type SymbolChangeKind = 'changed' | 'added' | 'deleted' | 'moved';

export interface TouchedSymbol {
  symbol: string;
  side: SymbolSide;
  /** 1-based, inclusive, on `side`. */
  lines: [number, number];
  change: SymbolChangeKind;
}

/** The symbols of one side of a file: read, unreadable (and why), or absent (the file does not exist there). */
export type SideSymbols = { symbols: readonly CodeSymbol[]; text?: string } | { unread: string } | 'absent';

export interface FileSymbolChange {
  path: string;
  oldPath?: string;
  /** `file` when the symbols of a side could not be read: then nothing below is known. */
  precision: 'symbol' | 'file';
  /** Why the symbols could not be read (no grammar, too large, binary, syntax errors...). */
  unread?: string;
  /** Every declaration the change touched, containers included (a class whose method changed). */
  touched: TouchedSymbol[];
  /** The innermost of them, in document order: what a reader wants to see. */
  changed: TouchedSymbol[];
}

/** The JSON entry of a touched symbol in a touchpoint (contract §4). */
export interface TouchpointSymbol {
  file: string;
  symbol: string;
  side: SymbolSide;
  lines: [number, number];
  /** Beyond the contract's fields: how the change met it. */
  change: SymbolChangeKind;
}

/** What `changes[]` gains. */
export interface ChangeSymbols {
  /** The declarations the change touched, a touchpoint's symbols first. */
  symbols?: string[];
  /** The same with their lines. */
  symbolLines?: TouchpointSymbol[];
  /** `file` when this file's symbols could not be read. */
  precision?: 'file';
  /** Why not. */
  unread?: string;
}

function linesOf(symbol: CodeSymbol): [number, number] {
  const { start, end } = symbol.range;
  // A range that ends at the start of a line does not take that line.
  const last = end.line > start.line && end.character === 0 ? end.line - 1 : end.line;
  return [start.line + 1, last + 1];
}

function overlaps(lines: [number, number], start: number, end: number): boolean {
  return lines[0] <= end && start <= lines[1];
}

/** The declarations a file's change touched. */
export function symbolChangesOf(hunks: FileHunks, before: SideSymbols, after: SideSymbols): FileSymbolChange {
  const base: Pick<FileSymbolChange, 'path' | 'oldPath'> = {
    path: hunks.path,
    ...(hunks.oldPath !== undefined ? { oldPath: hunks.oldPath } : {}),
  };
  const unread = [before, after].find((s): s is { unread: string } => s !== 'absent' && 'unread' in s);
  if (unread) return { ...base, precision: 'file', unread: unread.unread, touched: [], changed: [] };
  if (hunks.binary) return { ...base, precision: 'file', unread: 'binary', touched: [], changed: [] };
  const oldSide = before === 'absent' ? undefined : (before as { symbols: readonly CodeSymbol[]; text?: string });
  const newSide = after === 'absent' ? undefined : (after as { symbols: readonly CodeSymbol[]; text?: string });
  const oldSymbols = oldSide?.symbols ?? [];
  const newSymbols = newSide?.symbols ?? [];
  const oldLines = oldSide?.text?.split('\n');
  const newLines = newSide?.text?.split('\n');
  const textOf = (lines: string[] | undefined, s: CodeSymbol) =>
    lines?.slice(linesOf(s)[0] - 1, linesOf(s)[1]).join('\n');
  const oldNames = new Set(oldSymbols.map((s) => s.name));
  const newNames = new Set(newSymbols.map((s) => s.name));

  const touched: TouchedSymbol[] = [];
  const seen = new Set<string>();
  const fileMoves = new Set<TouchedSymbol>();
  const add = (symbol: CodeSymbol, side: SymbolSide, change: SymbolChangeKind) => {
    const key = `${side}\u0000${symbol.name}\u0000${symbol.range.start.line}`;
    if (seen.has(key)) return;
    seen.add(key);
    touched.push({ symbol: symbol.name, side, lines: linesOf(symbol), change });
  };
  const hit = (h: Hunk, side: SymbolSide) => (side === 'old' ? h.removed : h.added);
  for (const symbol of newSymbols) {
    const lines = linesOf(symbol);
    if (!oldNames.has(symbol.name)) add(symbol, 'new', 'added');
    else if (
      hunks.hunks.some((h) => {
        const span = hit(h, 'new');
        return span !== undefined && overlaps(lines, span.start, span.end);
      })
    ) {
      // The diff may show a declaration that only moved as removed here and added there: same text, a move.
      const text = textOf(newLines, symbol);
      const same = text !== undefined && oldSymbols.some((o) => o.name === symbol.name && textOf(oldLines, o) === text);
      add(symbol, 'new', same ? 'moved' : 'changed');
    }
  }
  for (const symbol of oldSymbols) {
    const lines = linesOf(symbol);
    if (!newNames.has(symbol.name)) add(symbol, 'old', 'deleted');
    else if (
      hunks.hunks.some((h) => {
        const span = hit(h, 'old');
        return span !== undefined && overlaps(lines, span.start, span.end);
      })
    ) {
      // Touched on both sides: the new side is the one to show.
      if (!touched.some((t) => t.symbol === symbol.name && t.side === 'new')) add(symbol, 'old', 'changed');
    }
  }
  // A file moved to another path moves every declaration in it: a touchpoint that names one is touched.
  if (hunks.oldPath !== undefined && hunks.oldPath !== hunks.path) {
    for (const symbol of newSymbols) {
      if (!oldNames.has(symbol.name) || touched.some((t) => t.symbol === symbol.name)) continue;
      add(symbol, 'new', 'moved');
      fileMoves.add(touched[touched.length - 1]!);
    }
  }
  const order = (t: TouchedSymbol) => (t.side === 'new' ? 0 : 1);
  touched.sort((a, b) => order(a) - order(b) || a.lines[0] - b.lines[0] || a.lines[1] - b.lines[1]);
  const shown = touched.filter((t) => !fileMoves.has(t));
  const changed = shown.filter((t) => !shown.some((inner) => inner !== t && inner.symbol.startsWith(`${t.symbol}.`)));
  return { ...base, precision: 'symbol', touched, changed };
}

/** The changed files of a report that a symbol-scoped touchpoint covers: the ones whose symbols decide. */
export function filesNeedingSymbols(report: ImpactReport): string[] {
  const files = new Set<string>();
  for (const j of report.journeys)
    for (const t of j.touchpoints) if (t.symbolScope?.length) for (const f of t.files) files.add(f);
  return [...files].sort();
}

/**
 * Narrows the report's symbol-scoped touchpoints to the files whose change touched a symbol they name, lists those
 * symbols, and adds the touched declarations to `changes[]`. `changes` is keyed by path (a rename under both paths).
 * A touchpoint left with no file goes, and a journey left with no touchpoint.
 */
export function applySymbolChanges(report: ImpactReport, changes: ReadonlyMap<string, FileSymbolChange>): ImpactReport {
  const namedBy = new Map<string, string[]>();
  const journeys: JourneyImpact[] = [];
  for (const journey of report.journeys) {
    const touchpoints: TouchpointImpact[] = [];
    for (const tp of journey.touchpoints) {
      const scope = tp.symbolScope;
      if (!scope?.length) {
        touchpoints.push(tp);
        continue;
      }
      for (const f of tp.files) namedBy.set(f, [...(namedBy.get(f) ?? []), ...scope]);
      const files: string[] = [];
      const reasons = [];
      const symbols: TouchpointSymbol[] = [];
      let fileLevel = false;
      for (const [i, file] of tp.files.entries()) {
        const change = changes.get(file);
        let keep = false;
        if (!change || change.precision === 'file') {
          keep = true;
          fileLevel = true;
        } else {
          for (const t of change.touched) {
            if (!anySymbolMatches(scope, t.symbol)) continue;
            keep = true;
            if (!symbols.some((s) => s.file === file && s.symbol === t.symbol && s.side === t.side))
              symbols.push({ file, symbol: t.symbol, side: t.side, lines: t.lines, change: t.change });
          }
        }
        if (keep) {
          files.push(file);
          const reason = tp.reasons[i]?.file === file ? tp.reasons[i] : tp.reasons.find((r) => r.file === file);
          if (reason) reasons.push(reason);
        }
      }
      if (files.length === 0) continue;
      const narrowed: TouchpointImpact = { ...tp, files, reasons, symbols };
      if (fileLevel) narrowed.precision = 'file';
      else narrowed.precision = 'symbol';
      touchpoints.push(narrowed);
    }
    if (touchpoints.length > 0) journeys.push({ ...journey, touchpoints });
  }
  const out: ImpactReport = { ...report, journeys };
  out.changes = report.changes.map((entry) => {
    const change = changes.get(entry.path) ?? (entry.oldPath !== undefined ? changes.get(entry.oldPath) : undefined);
    if (!change) return entry;
    const extra: ChangeSymbols = {};
    if (change.precision === 'file') {
      extra.precision = 'file';
      if (change.unread !== undefined) extra.unread = change.unread;
    } else {
      const scope = [
        ...(namedBy.get(entry.path) ?? []),
        ...(entry.oldPath !== undefined ? (namedBy.get(entry.oldPath) ?? []) : []),
      ];
      const first = change.changed.filter((t) => anySymbolMatches(scope, t.symbol));
      const rest = change.changed.filter((t) => !first.includes(t));
      const ordered = [...first, ...rest];
      extra.symbols = [...new Set(ordered.map((t) => t.symbol))];
      extra.symbolLines = ordered.map((t) => ({
        file: t.side === 'old' ? (change.oldPath ?? change.path) : change.path,
        symbol: t.symbol,
        side: t.side,
        lines: t.lines,
        change: t.change,
      }));
    }
    return { ...entry, ...extra };
  });
  return out;
}

/** `RefundService.requestRefund (lines 14–21)`, as reports print a touched declaration. */
export function describeSymbol(t: DescribedSymbol): string {
  return `${t.symbol} ${symbolWhere(t)}`;
}

type DescribedSymbol = { symbol: string; side: SymbolSide; lines: [number, number]; change?: SymbolChangeKind };

/** `(lines 14–21)`, `(line 3, deleted)`: plain text with no markup in it. */
export function symbolWhere(t: DescribedSymbol): string {
  const [a, b] = t.lines;
  const where = a === b ? `line ${a}` : `lines ${a}–${b}`;
  const how =
    t.change === 'deleted'
      ? ', deleted'
      : t.change === 'added'
        ? ', added'
        : t.change === 'moved'
          ? ', moved'
          : t.side === 'old'
            ? ', before the change'
            : '';
  return `(${where}${how})`;
}

/** The touched symbols a touchpoint lists for one of its files. */
export function touchpointSymbolsOf(tp: TouchpointImpact, file: string): TouchpointSymbol[] {
  return (tp.symbols ?? []).filter((s) => s.file === file);
}

export interface ChangedDeclarations {
  path: string;
  precision: 'symbol' | 'file';
  unread?: string;
  /** A touchpoint's symbols first. */
  symbols: TouchpointSymbol[];
}

/** Per changed file whose symbols were read (or could not be), the declarations the change touched. */
export function changedDeclarations(report: ImpactReport): ChangedDeclarations[] {
  const out: ChangedDeclarations[] = [];
  // A file no grammar reads is worth a word only where a touchpoint wanted its symbols.
  const scoped = new Set(
    report.journeys.flatMap((j) => j.touchpoints.filter((t) => t.symbolScope?.length).flatMap((t) => t.files)),
  );
  for (const c of report.changes) {
    if (
      c.precision === 'file' &&
      c.unread === NO_GRAMMAR &&
      !scoped.has(c.path) &&
      !(c.oldPath !== undefined && scoped.has(c.oldPath))
    )
      continue;
    if (c.precision === 'file')
      out.push({
        path: c.path,
        precision: 'file',
        ...(c.unread !== undefined ? { unread: c.unread } : {}),
        symbols: [],
      });
    else if (c.symbolLines?.length) out.push({ path: c.path, precision: 'symbol', symbols: c.symbolLines });
  }
  return out;
}
