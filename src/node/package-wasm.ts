// Where the installed @vscode/tree-sitter-wasm keeps its files: for tests and benchmarks, which run from the source
// tree. Bundled code finds them in dist/tree-sitter instead (copied there by scripts/build.mjs).
import * as path from 'node:path';

export function packageWasmDir(): string {
  return path.dirname(require.resolve('@vscode/tree-sitter-wasm'));
}
