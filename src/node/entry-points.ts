// The repository's entry points, read from disk: each source file is asked the engine's `entryPoints` question
// through a CodeReader (worker threads, answers cached by content), and the answers are assembled. Used by the CLI
// and the extension alike.
import { lstat, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { languageOfPath } from '../core/code/languages';
import { MAX_PARSE_BYTES, ParseError } from '../core/code/parser';
import { assembleEntryPoints } from '../core/entry-points/assemble';
import type { EntryFacts, EntryPoint } from '../core/entry-points/types';
import type { CodeReader } from './code-reader';

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface EntryPointsRead {
  entryPoints: EntryPoint[];
  /** Source files that could not be read or parsed (too large, binary, a link out of the repository…). */
  skipped: SkippedFile[];
}

/** Files read at once: enough to keep the workers busy, few enough to bound memory. */
const IN_FLIGHT = 64;

/** `files` are relative to `root`, with `/`: the repository's files as git lists them. */
export async function readEntryPoints(root: string, files: readonly string[], reader: CodeReader): Promise<EntryPointsRead> {
  const sources = files.filter((f) => languageOfPath(f) !== undefined && !isVendored(f));
  const facts = new Map<string, EntryFacts>();
  const skipped: SkippedFile[] = [];
  let next = 0;
  const work = async (): Promise<void> => {
    while (next < sources.length) {
      const file = sources[next++]!;
      try {
        const abs = path.join(root, file);
        const info = await lstat(abs);
        // A link could point out of the repository; a deleted file is simply absent.
        if (!info.isFile()) continue;
        if (info.size > MAX_PARSE_BYTES) {
          skipped.push({ path: file, reason: 'too-large' });
          continue;
        }
        const answer = await reader.ask('entryPoints', file, await readFile(abs, 'utf8'));
        if (answer) facts.set(file, answer);
      } catch (error) {
        if (error instanceof ParseError) skipped.push({ path: file, reason: error.reason });
        else if ((error as NodeJS.ErrnoException).code !== 'ENOENT') skipped.push({ path: file, reason: error instanceof Error ? error.message : String(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, sources.length) }, work));
  // The assembly's result must not depend on which file finished first.
  const ordered = new Map([...facts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { entryPoints: assembleEntryPoints(ordered, files), skipped: skipped.sort((a, b) => (a.path < b.path ? -1 : 1)) };
}

/** Code the repository carries but does not serve: dependencies and build output. */
function isVendored(file: string): boolean {
  return /(^|\/)(node_modules|vendor|dist|build|out|\.next|target|__pycache__|\.venv|venv|site-packages)\//.test(file) || /\.min\.js$/.test(file) || file.endsWith('.d.ts');
}
