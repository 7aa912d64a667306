// The text of a new cx-map.yaml: a valid, commented starter map built from the workspace's top-level folders, for
// people who have never written one. Pure.
import { CHANNELS, TIERS } from '../core/types';
import { needsQuotes } from '../core/map/quoting';

/** Folders that are never a customer's touchpoint (dependencies, build output, tooling). */
const SKIPPED = new Set(['node_modules', 'dist', 'build', 'out', 'target', 'vendor', 'coverage', 'tmp']);

/** The top-level folders among `files` (paths with `/`), most files first, without hidden and build folders. */
export function topLevelFolders(files: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const file of files) {
    const slash = file.indexOf('/');
    if (slash <= 0) continue;
    const name = file.slice(0, slash);
    if (name.startsWith('.') || SKIPPED.has(name)) continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name);
}

export function scaffoldMap(folders: readonly string[]): string {
  const entry = (folder: string) => {
    const pattern = `${folder}/**`;
    return needsQuotes(pattern) ? JSON.stringify(pattern) : pattern;
  };
  const [first, ...rest] = folders;
  const paths = first
    ? [`          - ${entry(first)}`, ...rest.slice(0, 30).map((f) => `          # - ${entry(f)}`)]
    : ['          - "**/*"'];
  return [
    '# Journey map for CX Impact: which customer journeys and touchpoints this code serves.',
    "# Paths are relative to this file's folder. Hover a key to see what it means; Ctrl+Space offers keys and values.",
    '# Check it from a terminal with `npx cx-impact check`.',
    'version: 1',
    'journeys:',
    '  # A journey is something a customer sets out to do (check out, sign in, get a refund).',
    '  - id: example-journey',
    '    name: Example journey',
    `    tier: medium # ${TIERS.join(' | ')}`,
    '    owner: "@your-team"',
    '    touchpoints:',
    '      # A touchpoint is one step of the journey; `paths` lists the code behind it.',
    '      - id: example-step',
    '        name: Example step',
    `        channel: web # ${CHANNELS.join(' | ')}`,
    '        paths:',
    ...(first ? ['          # The top-level folders of this workspace: keep the ones behind this step.'] : []),
    ...paths,
    '',
  ].join('\n');
}
