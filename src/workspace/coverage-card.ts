import * as vscode from 'vscode';
import { escapeMarkdown, safeUrl } from '../core/render/escape';
import type { Coverage } from '../core/types';
import type { WorkspaceMaps } from './workspace-maps';
import { Command } from './command-ids';

/**
 * The card shown by hovers and the status bar tooltip. Everything that comes from the map is appended as text
 * (escaped); the only trusted links are the product's own `cxImpact.openMapAt` command and http(s) URLs.
 */
export function coverageCard(coverage: readonly Coverage[], maps: WorkspaceMaps): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: [Command.openMapAt] };
  md.supportHtml = false;
  coverage.forEach((c, i) => {
    if (i > 0) md.appendMarkdown('\n\n---\n\n');
    md.appendMarkdown('**');
    md.appendText(c.journey.name);
    md.appendMarkdown('** › ');
    md.appendText(c.touchpoint.name);
    md.appendMarkdown(`  \n$(pulse) \`${c.journey.tier}\``);
    if (c.touchpoint.channel) md.appendMarkdown(` · \`${c.touchpoint.channel}\``);
    const facts: Array<[string, string | undefined]> = [
      [vscode.l10n.t('Owner'), c.journey.owner],
      [vscode.l10n.t('SLO'), c.journey.slo],
      [vscode.l10n.t('Reach'), c.journey.customers],
    ];
    for (const [label, value] of facts) {
      if (!value) continue;
      md.appendMarkdown(`  \n${label}: `);
      md.appendText(value);
    }
    // http(s) only: anything else in a map is never rendered as a link.
    const links = c.journey.links.flatMap((l) => {
      const url = safeUrl(l.url);
      return url ? [`[${escapeMarkdown(l.name)}](${url})`] : [];
    });
    if (links.length > 0) md.appendMarkdown(`  \n${links.join(' · ')}`);
    md.appendMarkdown(`  \n${vscode.l10n.t('Why:')} `);
    md.appendText(c.pattern.source);
    const uri = maps.uriOf(c.map);
    if (uri) {
      const args = encodeURIComponent(JSON.stringify([uri.toString(), c.pattern.line]));
      md.appendMarkdown(
        ` — [${escapeMarkdown(`${c.map.file}:${c.pattern.line}`)}](command:${Command.openMapAt}?${args})`,
      );
    }
    if (c.symbolScoped)
      md.appendMarkdown(`  \n_${vscode.l10n.t('Scoped to symbols:')}_ `).appendText(c.touchpoint.symbols.join(', '));
  });
  return md;
}
