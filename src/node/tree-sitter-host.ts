// What the engine's parser (src/core/code/parser.ts) needs from Node: tree-sitter's runtime, loaded from the wasm
// folder at run time (not bundled: it is only needed once a file is parsed), and the paths of the wasm files in it.
// The folder is dist/tree-sitter beside the bundle, or the installed package's own folder for tests and benchmarks
// (package-wasm.ts), which run from the source tree.
import * as path from 'node:path';
import { CodeParser, type TreeSitterHost } from '../core/code/parser';

export function treeSitterHost(wasmDir: string): TreeSitterHost {
  return {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loadRuntime: () => require(path.join(wasmDir, 'tree-sitter.js')) as ReturnType<TreeSitterHost['loadRuntime']>,
    locate: (file) => path.join(wasmDir, file),
  };
}

/** A parser over the wasm files in `wasmDir`. */
export function codeParser(wasmDir: string): CodeParser {
  return new CodeParser(treeSitterHost(wasmDir));
}
