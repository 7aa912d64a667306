// Indirect reach in the reports (contract §5.3), shown apart from direct reach: each chain from the changed file to
// the touchpoint's file, how many hops and how likely; shared infrastructure once; what lies beyond maxHops counted.
import type { ImpactReport, IndirectHit, JourneyImpact } from '../impact/impact';
import { renderChain } from '../graph/chain';
import { codeSpan, escapeMarkdown, escapeTerminal } from './escape';

export function likelihood(hops: number): string {
  return hops <= 1 ? 'likely' : hops === 2 ? 'possible' : 'unlikely';
}

export function hopsText(hops: number): string {
  return `${hops} ${hops === 1 ? 'hop' : 'hops'}, ${likelihood(hops)}`;
}

/** Each indirect hit of a journey with its touchpoint's name. */
export function indirectHits(journey: JourneyImpact): { touchpoint: string; hit: IndirectHit }[] {
  return journey.touchpoints.flatMap((tp) => (tp.indirect ?? []).map((hit) => ({ touchpoint: tp.name, hit })));
}

export function indirectTextLines(journey: JourneyImpact, dim: (text: string) => string): string[] {
  const hits = indirectHits(journey);
  if (hits.length === 0) return [];
  const out = [`  Indirect, through imports${journey.reach === 'indirect' ? ' (no touchpoint file changed)' : ''}:`];
  for (const { touchpoint, hit } of hits) {
    out.push(`    ${escapeTerminal(touchpoint)} ← ${escapeTerminal(hit.file)} ${dim(`(${hopsText(hit.hops)})`)}`);
    out.push(`      ${dim(`via ${renderChain(hit, escapeTerminal, escapeTerminal)}`)}`);
  }
  return out;
}

export function indirectMarkdownLines(journey: JourneyImpact): string[] {
  const hits = indirectHits(journey);
  if (hits.length === 0) return [];
  const title =
    journey.reach === 'indirect'
      ? 'Reached only indirectly, through imports:'
      : 'Also reached indirectly, through imports:';
  return [
    `**${title}**`,
    '',
    ...hits.map(
      ({ touchpoint, hit }) =>
        `- ${escapeMarkdown(touchpoint)} ← ${codeSpan(hit.file)} · ${escapeMarkdown(hopsText(hit.hops))} · via ${renderChain(hit, codeSpan, escapeMarkdown)}`,
    ),
    '',
  ];
}

export function sharedTextLines(report: ImpactReport, bold: (text: string) => string): string[] {
  const out: string[] = [];
  if (report.shared && report.shared.length > 0) {
    out.push('', bold(`Shared infrastructure (${report.shared.length})`));
    for (const s of report.shared)
      out.push(`  ${escapeTerminal(s.file)}: ${s.importers} files depend on it; journeys not listed one by one`);
  }
  if (report.indirectBeyond && report.indirectBeyond.length > 0) {
    out.push('', bold(`Beyond the hop limit (${report.indirectBeyond.length})`));
    for (const b of report.indirectBeyond)
      out.push(
        `  ${escapeTerminal(b.file)}: ${b.touchpoints} ${b.touchpoints === 1 ? 'touchpoint' : 'touchpoints'} further away`,
      );
  }
  return out;
}

export function sharedMarkdownLines(report: ImpactReport): string[] {
  const out: string[] = [];
  if (report.shared && report.shared.length > 0) {
    out.push(
      '### Shared infrastructure',
      '',
      'Changed files that much of the code depends on; their journeys are not listed one by one:',
      '',
    );
    for (const s of report.shared) out.push(`- ${codeSpan(s.file)}: ${s.importers} files depend on it`);
    out.push('');
  }
  if (report.indirectBeyond && report.indirectBeyond.length > 0) {
    out.push('<details><summary>Beyond the hop limit</summary>', '');
    for (const b of report.indirectBeyond)
      out.push(
        `- ${codeSpan(b.file)}: ${b.touchpoints} ${b.touchpoints === 1 ? 'touchpoint' : 'touchpoints'} further away`,
      );
    out.push('', '</details>', '');
  }
  return out;
}
