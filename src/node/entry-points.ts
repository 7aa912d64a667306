// The repository's entry points, read from disk: each source file is asked the engine's `entryPoints` question
// through a CodeReader (worker threads, answers cached by content), and the answers are assembled. Used by the CLI
// and the extension alike.
import { lstat } from 'node:fs/promises';
import * as path from 'node:path';
import { languageOfPath } from '../core/code/languages';
import { MAX_PARSE_BYTES, ParseError } from '../core/code/parser';
import { assembleEntryPoints } from '../core/entry-points/assemble';
import { mayHaveEntries } from '../core/entry-points/facts';
import type { EntryFacts, EntryPoint } from '../core/entry-points/types';
import type { CodeReader } from './code-reader';
import { readRegularFile } from './dependency-graph';

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

interface Known {
  size: number;
  mtimeMs: number;
  facts: EntryFacts;
}

/**
 * What each reader's last pass saw per file: a file whose size and modification time are unchanged is not read
 * again (its text, hash and answer would be the same). Kept per reader, and dropped with it.
 */
const seen = new WeakMap<CodeReader, Map<string, Known>>();
const NO_FACTS: EntryFacts = Object.freeze({ entries: [], mounts: [] });

/** `files` are relative to `root`, with `/`: the repository's files as git lists them. */
export async function readEntryPoints(
  root: string,
  files: readonly string[],
  reader: CodeReader,
): Promise<EntryPointsRead> {
  const sources = files.filter((f) => languageOfPath(f) !== undefined && !isVendored(f));
  const facts = new Map<string, EntryFacts>();
  const skipped: SkippedFile[] = [];
  let known = seen.get(reader);
  if (!known) seen.set(reader, (known = new Map<string, Known>()));
  const memo = known;
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
        const before = memo.get(file);
        if (before && before.size === info.size && before.mtimeMs === info.mtimeMs) {
          facts.set(file, before.facts);
          continue;
        }
        const read = await readRegularFile(abs);
        if ('skipped' in read) {
          skipped.push({ path: file, reason: read.skipped === 'over 1 MB' ? 'too-large' : read.skipped });
          continue;
        }
        const text = read.text;
        const language = languageOfPath(file)!;
        // Most files register nothing: the cheap look at the text spares them the trip to a worker.
        const answer = mayHaveEntries(language, text)
          ? await reader.ask('entryPoints', file, text, language)
          : NO_FACTS;
        if (answer) {
          facts.set(file, answer);
          memo.set(file, { size: info.size, mtimeMs: info.mtimeMs, facts: answer });
        }
      } catch (error) {
        if (error instanceof ParseError) skipped.push({ path: file, reason: error.reason });
        else if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
          skipped.push({ path: file, reason: error instanceof Error ? error.message : String(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, sources.length) }, work));
  // The assembly's result must not depend on which file finished first.
  const ordered = new Map([...facts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    entryPoints: assembleEntryPoints(ordered, files),
    skipped: skipped.sort((a, b) => (a.path < b.path ? -1 : 1)),
  };
}

/** Code the repository carries but does not serve: dependencies, build output, and tests (which register routes of their own). */
function isVendored(file: string): boolean {
  return (
    /(^|\/)(node_modules|vendor|dist|build|out|\.next|target|__pycache__|\.venv|venv|site-packages|__tests__|__mocks__|testdata|e2e)\//.test(
      file,
    ) ||
    /\.min\.js$/.test(file) ||
    file.endsWith('.d.ts') ||
    /(_test\.go|\.(test|spec|e2e-spec)\.[cm]?[jt]sx?|(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py)$/.test(file)
  );
}
