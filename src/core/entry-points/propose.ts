// A first map proposed from the code's entry points: one journey per route prefix (`/orders`, `/api/cart`, GraphQL
// `Query`), one touchpoint per handler file. The user reviews the groups before anything is written.
import { entryPointLabel, routePrefix } from './coverage';
import type { EntryPoint } from './types';

export interface EntryPointGroup {
  prefix: string;
  points: EntryPoint[];
}

/** Entry points by route prefix, most first, then by prefix. */
export function groupByPrefix(points: readonly EntryPoint[]): EntryPointGroup[] {
  const groups = new Map<string, EntryPoint[]>();
  for (const point of points) {
    const prefix = routePrefix(point);
    const list = groups.get(prefix) ?? [];
    list.push(point);
    groups.set(prefix, list);
  }
  return [...groups]
    .map(([prefix, list]) => ({ prefix, points: list }))
    .sort((a, b) => b.points.length - a.points.length || (a.prefix < b.prefix ? -1 : 1));
}

/** A map id from free text: `/api/orders` -> `api-orders`. */
export function idOf(text: string, fallback: string): string {
  const id = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return id || fallback;
}

function yamlString(text: string): string {
  return /^[A-Za-z0-9_/][A-Za-z0-9_ ./-]*$/.test(text) && !/^(true|false|null|yes|no|on|off)$/i.test(text)
    ? text
    : JSON.stringify(text);
}

/** A valid, commented cx-map.yaml for the chosen groups. Paths are relative to `mapDir` ('' for the top level). */
export function proposeMap(groups: readonly EntryPointGroup[], mapDir = ''): string {
  const out = [
    '# Journey map for CX Impact, proposed from the entry points of this code (routes, GraphQL operations, pages).',
    '# One journey per route prefix, one touchpoint per handler file: rename, merge and set tiers as customers see them.',
    '# Check it from a terminal with `npx cx-impact check --entry-points`.',
    'version: 1',
    'journeys:',
  ];
  const journeyIds = new Set<string>();
  for (const group of groups) {
    const base = idOf(group.prefix === '/' ? 'home' : group.prefix, 'journey');
    let id = base;
    for (let n = 2; journeyIds.has(id); n++) id = `${base}-${n}`;
    journeyIds.add(id);
    out.push(
      `  - id: ${id}`,
      `    name: ${yamlString(group.prefix === '/' ? 'Home' : group.prefix)}`,
      '    tier: medium',
      '    touchpoints:',
    );
    const byFile = new Map<string, EntryPoint[]>();
    for (const point of group.points) {
      const list = byFile.get(point.handlerFile) ?? [];
      list.push(point);
      byFile.set(point.handlerFile, list);
    }
    const touchpointIds = new Set<string>();
    for (const [file, points] of byFile) {
      const base = file.slice(file.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
      let tid = idOf(base, 'step');
      for (let n = 2; touchpointIds.has(tid); n++) tid = `${idOf(base, 'step')}-${n}`;
      touchpointIds.add(tid);
      const labels = points.map(entryPointLabel);
      const channel = points.every((p) => p.kind === 'page') ? 'web' : 'api';
      const relative = mapDir && file.startsWith(`${mapDir}/`) ? file.slice(mapDir.length + 1) : file;
      out.push(
        `      - id: ${tid}`,
        `        name: ${yamlString(labels[0] ?? base)}${labels.length > 1 ? ` # and ${labels.slice(1).join(', ').replace(/#/g, '')}` : ''}`,
        `        channel: ${channel}`,
        '        paths:',
        `          - ${yamlString(relative)}`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}
