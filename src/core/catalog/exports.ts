// The catalogue's other formats: Backstage entities (`--format backstage`) and Mermaid journey diagrams
// (`--format mermaid`). JSON is catalog.json itself.
import { stringify } from 'yaml';
import type { Catalog, CatalogJourney } from './types';

/** Backstage's entity name: letters, digits, `-_.`, starting and ending with a letter or digit, at most 63. */
export function backstageName(text: string): string {
  const name = text
    .replace(/[^A-Za-z0-9\-_.]+/g, '-')
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '')
    .slice(0, 63)
    .replace(/[^A-Za-z0-9]+$/g, '');
  return name || 'journey';
}

/**
 * An owner as Backstage names it: `@org/team` is the group `team` (as GitHub's org ingestion names it), `@user` the user
 * `user`, `name@example.com` the user `name`; free text becomes a group of that name.
 */
export function backstageOwner(owner: string | undefined): string | undefined {
  if (owner === undefined || owner.trim() === '') return undefined;
  const text = owner.trim();
  const team = /^@[^/\s]+\/(.+)$/.exec(text);
  if (team) return `group:default/${backstageName(team[1]!).toLowerCase()}`;
  const user = /^@([^/\s]+)$/.exec(text);
  if (user) return `user:default/${backstageName(user[1]!).toLowerCase()}`;
  const mail = /^([^@\s]+)@[^@\s]+$/.exec(text);
  if (mail) return `user:default/${backstageName(mail[1]!).toLowerCase()}`;
  return `group:default/${backstageName(text).toLowerCase()}`;
}

function safeLink(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

export function backstageEntity(j: CatalogJourney): Record<string, unknown> {
  const owner = backstageOwner(j.owner) ?? backstageOwner(j.codeOwners[0]) ?? 'group:default/unowned';
  const annotations: Record<string, string> = {
    'cx-impact/journey': j.id,
    'cx-impact/tier': j.tier,
    'cx-impact/map': `${j.map}:${j.line}`,
  };
  if (j.owner !== undefined) annotations['cx-impact/owner'] = j.owner;
  if (j.slo !== undefined) annotations['cx-impact/slo'] = j.slo;
  if (j.codeOwners.length > 0) annotations['cx-impact/code-owners'] = j.codeOwners.join(' ');
  const channels = [...new Set(j.touchpoints.map((t) => t.channel))];
  const metadata: Record<string, unknown> = {
    name: backstageName(j.key),
    title: j.name,
    annotations,
    tags: ['customer-journey', `tier-${j.tier}`, ...channels.map((c) => `channel-${c}`)].map((t) =>
      t
        .toLowerCase()
        .replace(/[^a-z0-9+#-]+/g, '-')
        .slice(0, 63),
    ),
  };
  if (j.description !== undefined) metadata.description = j.description;
  const links = Object.entries(j.links)
    .filter(([, url]) => safeLink(url))
    .map(([title, url]) => ({ url, title }));
  if (links.length > 0) metadata.links = links;
  return { apiVersion: 'backstage.io/v1alpha1', kind: 'System', metadata, spec: { type: 'customer-journey', owner } };
}

/** Every journey as a Backstage System, one YAML document each. */
export function renderBackstage(catalog: Catalog): string {
  const seen = new Map<string, number>();
  return catalog.journeys
    .map((j) => {
      const entity = backstageEntity(j);
      const meta = entity.metadata as { name: string };
      const n = seen.get(meta.name) ?? 0;
      seen.set(meta.name, n + 1);
      if (n > 0) meta.name = backstageName(`${meta.name.slice(0, 58)}-${n + 1}`);
      return `---\n${stringify(entity, { lineWidth: 0 })}`;
    })
    .join('');
}

/** Mermaid's journey syntax reads `:` `;` `#` and line breaks; the text keeps its words without them. */
function mermaidText(text: string): string {
  return (
    text
      .replace(/[\r\n]+/g, ' ')
      .replace(/[:;#`]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() || '-'
  );
}

function markdownText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_{}[\]<>()#+!|~-]/g, (c) => `\\${c}`);
}

/**
 * A Markdown document with one Mermaid `journey` block per journey: a section per channel, a task per touchpoint.
 * Mermaid wants a score from 1 to 5 for each task; it says how well the map knows the touchpoint: 5 files serve it
 * and a route, operation or screen reaches it; 3 files serve it; 1 no file serves it.
 */
export function renderMermaid(catalog: Catalog): string {
  const out: string[] = [];
  for (const j of catalog.journeys) {
    out.push(`## ${markdownText(j.name)} (${j.tier})`, '');
    if (j.description) out.push(markdownText(j.description), '');
    out.push('```mermaid', 'journey', `  title ${mermaidText(j.name)}`);
    const actors = [j.owner, ...j.codeOwners].filter((a): a is string => Boolean(a)).map(mermaidText);
    const actor = [...new Set(actors)].slice(0, 3).join(', ') || 'customer';
    const byChannel = new Map<string, CatalogJourney['touchpoints']>();
    for (const t of j.touchpoints) byChannel.set(t.channel, [...(byChannel.get(t.channel) ?? []), t]);
    for (const [channel, list] of byChannel) {
      out.push(`  section ${mermaidText(channel)}`);
      for (const t of list)
        out.push(`    ${mermaidText(t.name)}: ${t.files === 0 ? 1 : t.entryPoints.length > 0 ? 5 : 3}: ${actor}`);
    }
    out.push('```', '');
  }
  return out.join('\n');
}
