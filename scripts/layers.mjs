// The layers of src/ (docs/architecture.md), read by eslint.config.mjs (a wrong import fails `npm run lint`) and by
// test/lint/folder-graph.test.ts (which also sees `require()` and `import('…')` types, which the lint rule does not).
//
//   core  →  node  →  workspace  →  surfaces  →  extension.ts
//              ↘ cli
//
// A folder is named by its first segment under src/ (`core/graph` is `core`). Each layer lists what it may import;
// anything else under src/ is refused. A surface never imports another surface: what two surfaces share moves down.

/** The editor's surfaces: each may import core, node and workspace, and nothing of another surface. */
export const SURFACES = [
  'views',
  'codelens',
  'hovers',
  'statusbar',
  'decorations',
  'report',
  'map-editor',
  'walkthrough',
  'catalog',
  'commands',
];

/** What each top folder of src/ may import (besides itself). `.` is src/extension.ts, which wires everything. */
export const MAY_IMPORT = {
  core: [],
  node: ['core'],
  cli: ['core', 'node'],
  workspace: ['core', 'node'],
  l10n: [],
  ...Object.fromEntries(SURFACES.map((s) => [s, ['core', 'node', 'workspace']])),
};

/** Every top folder (and src/extension.ts as `extension`), for the lint rule's list of what is refused. */
export const TOP_FOLDERS = Object.keys(MAY_IMPORT);

export function topOf(folder) {
  return folder === '.' ? '.' : folder.split('/')[0];
}

/** Whether a file in `from` (a folder under src/, `.` for src/ itself) may import one in `to`. */
export function mayImport(from, to) {
  const a = topOf(from);
  const b = topOf(to);
  if (a === '.' || a === b) return true;
  return (MAY_IMPORT[a] ?? []).includes(b);
}

/** The message the lint rule gives, by the importing layer. */
export function layerMessage(top) {
  if (SURFACES.includes(top)) {
    return `Layers (docs/architecture.md): src/${top}/ is a surface; it may import core/, node/ and workspace/ only, never another surface, cli/ or extension.ts. Move what two surfaces share down to src/workspace/ (or src/core/ when it needs no editor).`;
  }
  const may = MAY_IMPORT[top] ?? [];
  return `Layers (docs/architecture.md): src/${top}/ may import ${may.length ? may.map((m) => `${m}/`).join(', ') : 'nothing else under src/'} only; imports go one way, core → node → workspace → surfaces → extension.ts.`;
}

/**
 * Imports across layers that wait for a change in flight, each from a file to a file (paths from the repository's
 * root). The lint rule and the folder-graph test allow these and nothing else. None now: the last one
 * (report/comparison.ts taking baseCandidates from the Changes view) ended when baseCandidates moved to src/node/git.ts.
 */
/** @type {{ file: string; imports: string }[]} */
export const PENDING_IMPORTS = [];
