// What the editor's dependency graph runs on, in a bundle of its own (dist/graph-engine.js, scripts/build.mjs):
// the graph is built on first use, never at activation, so src/workspace/workspace-graph.ts loads this then.
export { buildGraph, updateGraphFile } from '../core/graph/graph';
export { reachTargets } from '../core/graph/indirect-impact';
export { reachOf } from '../core/graph/reach';
export { isConfigFile, Resolver } from '../core/graph/resolve';
export { inExcludedFolder, loadDependencyGraph } from '../node/dependency-graph';
export { ImportCache } from '../node/graph-cache';
export { indexBlobs } from '../node/git';
export { loadReachableGraph } from '../node/reachable-graph';
