// JSON for scripts (contract §4). The report objects are built in the contract's field order, so this only prints.
import type { CoverageReport, ExplainEntry } from '../impact/coverage';
import type { DepsReport } from '../graph/deps';
import type { ImpactReport } from '../impact/impact';
import type { MapDiagnostic } from '../types';

export function renderJson(
  value: ImpactReport | CoverageReport | readonly ExplainEntry[] | readonly MapDiagnostic[] | DepsReport,
): string {
  return JSON.stringify(value, null, 2) + '\n';
}
