import { codeSpan, escapeMarkdown } from '../core/render/escape';
import type { Coverage } from '../core/types';

/** The impact of one file, for a review comment or a chat message. */
export function renderFileImpactMarkdown(path: string, coverage: readonly Coverage[]): string {
  const lines = [`**${codeSpan(path)}** — customer impact`, ''];
  if (coverage.length === 0) {
    lines.push('No journey in cx-map.yaml covers this file.');
    return lines.join('\n') + '\n';
  }
  lines.push('| Journey | Touchpoint | Tier | Channel | Owner | Why |', '|---|---|---|---|---|---|');
  for (const c of coverage) {
    lines.push(
      `| ${escapeMarkdown(c.journey.name)} | ${escapeMarkdown(c.touchpoint.name)} | ${c.journey.tier} | ${c.touchpoint.channel ?? ''} | ${escapeMarkdown(c.journey.owner ?? '')} | ${codeSpan(c.pattern.source)} (${escapeMarkdown(c.map.file)}:${c.pattern.line}) |`,
    );
  }
  return lines.join('\n') + '\n';
}
