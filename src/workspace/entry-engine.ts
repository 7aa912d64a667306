// What the editor's entry points run on, in a bundle of its own (dist/entry-engine.js, scripts/bundles.mjs): the
// entry points are read on first request, never at activation, so src/workspace/workspace-entry-points.ts loads
// this then.
export { readEntryPoints } from '../node/entry-points';
