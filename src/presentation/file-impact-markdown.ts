import type { Coverage } from '../core/types';

/** Escapes text for a Markdown table cell or paragraph, HTML included: map text is never trusted markup. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/([\\`*_{}[\]()#+!~])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}

/** The impact of one file, for a review comment or a chat message. */
export function renderFileImpactMarkdown(path: string, coverage: readonly Coverage[]): string {
  const lines = [`**\`${path.replace(/`/g, "'")}\`** — customer impact`, ''];
  if (coverage.length === 0) {
    lines.push('No journey in cx-map.yaml covers this file.');
    return lines.join('\n') + '\n';
  }
  lines.push('| Journey | Touchpoint | Tier | Channel | Owner | Why |', '|---|---|---|---|---|---|');
  for (const c of coverage) {
    lines.push(
      `| ${escapeMarkdown(c.journey.name)} | ${escapeMarkdown(c.touchpoint.name)} | ${c.journey.tier} | ${c.touchpoint.channel ?? ''} | ${escapeMarkdown(c.journey.owner ?? '')} | ${codeCell(c.pattern.source)} (${escapeMarkdown(c.map.file)}:${c.pattern.line}) |`,
    );
  }
  return lines.join('\n') + '\n';
}

/** A code span inside a table cell: backticks cannot be escaped in a span, pipes must be. */
function codeCell(text: string): string {
  return `\`${text.replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}
