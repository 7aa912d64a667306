// The words for indirect reach in the editor: one line per reached touchpoint, as the CodeLens shows it
// (`Checkout › Pay for the order · via order.service.ts, 1 hop`). Pure, so it is tested in plain Node.
import type { ReachHit } from '../core/graph/reach';
import type { Coverage } from '../core/types';

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function hopWord(hops: number): string {
  return `${hops} ${hops === 1 ? 'hop' : 'hops'}`;
}

/**
 * `Checkout › Pay for the order · via order.service.ts, 1 hop`: via names the next file of the chain; through an
 * interface, `via OrderService.ts › order.controller.ts`; to a symbol-scoped touchpoint, `via views.py › ping`.
 */
export function reachLine(hit: ReachHit<Coverage>): string {
  const next = hit.via[1] ?? hit.file;
  const standIn = hit.standIns?.find((s) => s.index === 0);
  const names = [
    ...(standIn ? [baseName(standIn.implements)] : []),
    baseName(next),
    ...(hit.symbol !== undefined && next === hit.file ? [hit.symbol] : []),
  ];
  return `${hit.target.value.journey.name} › ${hit.target.value.touchpoint.name} · via ${names.join(' › ')}, ${hopWord(hit.hops)}`;
}

/** Hits in the order people read them: nearest first, then the most critical journey. */
export function orderedHits(hits: readonly ReachHit<Coverage>[]): ReachHit<Coverage>[] {
  const rank = { critical: 0, high: 1, medium: 2, low: 3 } as const;
  return [...hits].sort(
    (a, b) =>
      a.hops - b.hops ||
      rank[a.target.value.journey.tier] - rank[b.target.value.journey.tier] ||
      a.file.localeCompare(b.file),
  );
}
