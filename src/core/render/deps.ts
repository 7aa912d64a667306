// The text of `cx-impact deps` and of the indirect part of `cx-impact explain`, from the reports src/core/graph/deps.ts
// builds.
import { renderChain } from '../graph/chain';
import type { DepsReport, ExplainEntryWithReach } from '../graph/deps';
import { escapeTerminal as t } from './escape';
import { hopsText } from './indirect';

export function renderDepsText(report: DepsReport): string {
  const out: string[] = [];
  for (const f of report.files) {
    if (!f.inGraph || f.skipped !== undefined) {
      out.push(
        `${t(f.path)}: not in the dependency graph${f.skipped !== undefined ? ` (${t(f.skipped)})` : ' (not a code file the graph reads, or in an excluded folder)'}`,
      );
      continue;
    }
    out.push(`${t(f.path)}${f.excluded ? ' (a test, story or fixture: carries no impact)' : ''}`);
    out.push(`  imports (${f.imports.length})`);
    for (const e of f.imports) {
      out.push(
        e.kind === 'same-package'
          ? `    ${t(e.file)}  same package: ${t(e.specifier)}`
          : `    ${t(e.file)}  line ${e.line}: ${t(e.specifier)}${e.kind === 'metadata' ? ' (decorator metadata)' : ''}`,
      );
    }
    out.push(`  imported by (${f.importers.length})`);
    for (const e of f.importers) out.push(`    ${t(e)}`);
    if (f.unresolved) {
      out.push(`  unresolved (${f.unresolved.length})`);
      for (const u of f.unresolved) out.push(`    line ${u.line}: ${t(u.specifier)} (${t(u.reason)})`);
    }
  }
  if (report.unresolved) {
    out.push(`Unresolved imports (${report.unresolved.length})`);
    for (const u of report.unresolved) out.push(`  ${t(u.file)}:${u.line} ${t(u.specifier)} (${t(u.reason)})`);
  }
  const s = report.stats;
  out.push(
    `Graph: ${s.files} code files, ${s.edges} edges; ${s.typeOnly} type-only imports, ${s.external} external, ${s.unresolved} unresolved; ${report.skipped} files skipped, ${s.partial} with syntax errors`,
  );
  return out.join('\n') + '\n';
}

export function renderExplainIndirectText(entries: readonly ExplainEntryWithReach[]): string {
  const out: string[] = [];
  for (const e of entries) {
    if (!e.indirect) continue;
    if (e.shared) {
      out.push(`${t(e.path)}: shared infrastructure, ${e.shared.importers} files depend on it`);
      continue;
    }
    if (e.indirect.length === 0) {
      out.push(
        `${t(e.path)}: reaches no touchpoint through its importers${e.beyond ? ` within the hop limit (${e.beyond} further away)` : ''}`,
      );
      continue;
    }
    out.push(
      `${t(e.path)}: reaches ${e.indirect.length} ${e.indirect.length === 1 ? 'touchpoint' : 'touchpoints'} indirectly`,
    );
    for (const i of e.indirect) {
      out.push(
        `  ${t(i.journeyName)} › ${t(i.touchpointName)} (${t(i.journey)}/${t(i.touchpoint)}, ${hopsText(i.hops)})`,
      );
      out.push(`    via ${renderChain(i, t, t)}`);
    }
  }
  return out.length > 0 ? out.join('\n') + '\n' : '';
}
