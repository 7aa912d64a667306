// For the engine's tests (src/core), which parse with the real tree-sitter: its runtime and grammars come from the
// host (src/node/tree-sitter-host.ts), and src/core may not import src/node (docs/architecture.md), so they take the
// parser from here, over the installed package's wasm files.
import { codeParser } from '../../src/node/tree-sitter-host';
import { packageWasmDir } from '../../src/node/package-wasm';
import type { CodeParser } from '../../src/core/code/parser';

export { packageWasmDir };

/** A parser over the wasm files of the installed @vscode/tree-sitter-wasm. */
export function packageParser(): CodeParser {
  return codeParser(packageWasmDir());
}
