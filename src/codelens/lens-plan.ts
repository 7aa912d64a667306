// Where a file's coverage lenses go, without vscode: the provider and the benchmark share it.
import { anySymbolMatches, type QualifiedSymbol } from '../core/symbols';
import type { Coverage } from '../core/types';
import { coverageSummary } from '../workspace/coverage-text';

export interface PlannedLens<R> {
  /** Undefined: the top of the file. */
  at: R | undefined;
  title: string;
  coverage: Coverage[];
}

/**
 * One lens at the top for the touchpoints that cover the whole file, and one above each symbol that a
 * symbol-scoped touchpoint names. `symbols` is undefined when the symbol provider has not answered.
 */
export function planLenses<R>(
  coverage: readonly Coverage[],
  symbols: readonly QualifiedSymbol<R>[] | undefined,
): PlannedLens<R>[] {
  const whole = coverage.filter((c) => !c.symbolScoped);
  const scoped = coverage.filter((c) => c.symbolScoped);
  const lenses: PlannedLens<R>[] = [];
  if (whole.length > 0) lenses.push({ at: undefined, title: coverageSummary(whole), coverage: whole });
  if (scoped.length > 0 && symbols) {
    for (const symbol of symbols) {
      const hits = scoped.filter((c) => anySymbolMatches(c.touchpoint.symbols, symbol.name));
      if (hits.length > 0) lenses.push({ at: symbol.selectionRange, title: coverageSummary(hits), coverage: hits });
    }
  }
  return lenses;
}

/** True when some touchpoint is scoped to symbols, so the lenses need the document's symbols. */
export function needsSymbols(coverage: readonly Coverage[]): boolean {
  return coverage.some((c) => c.symbolScoped);
}
