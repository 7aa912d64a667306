// The CodeReader of a bundle (dist/cli.js, the benchmarks): tree-sitter's files in `tree-sitter/` and the worker in
// `code-worker.js` beside the script (scripts/build.mjs puts them there). From the source tree (tests run through
// tsx) the installed package's folder serves instead, and questions run on the calling thread.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { CodeReader } from './code-reader';

export function bundledCodeReader(
  dir: string,
  log?: (message: string) => void,
  /** Questions on the calling thread only (no worker is ever started): for a few files, sooner than a worker starts. */
  thisThread = false,
): CodeReader | undefined {
  const bundled = path.join(dir, 'tree-sitter');
  let wasmDir: string | undefined = existsSync(path.join(bundled, 'tree-sitter.wasm')) ? bundled : undefined;
  if (!wasmDir) {
    try {
      wasmDir = path.dirname(require.resolve('@vscode/tree-sitter-wasm'));
    } catch {
      return undefined;
    }
  }
  const worker = path.join(dir, 'code-worker.js');
  return new CodeReader({
    wasmDir,
    ...(!thisThread && existsSync(worker) ? { workerScript: worker } : {}),
    ...(log ? { log } : {}),
  });
}
