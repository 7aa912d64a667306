// For the detector tests: the entry points of a few files, read the way the CLI reads a repository (one parse of
// each file through the engine's question, then the assembly).
import { languageOfPath } from '../code/languages';
import { CodeParser } from '../code/parser';
import { assembleEntryPoints } from './assemble';
import { entryPointFacts } from './facts';
import type { EntryFacts, EntryPoint } from './types';
import { packageParser } from '../../../test/support/tree-sitter';

let shared: CodeParser | undefined;

export function testParser(): CodeParser {
  shared ??= packageParser();
  return shared;
}

export async function entryPointsOf(files: Record<string, string>): Promise<EntryPoint[]> {
  const facts = new Map<string, EntryFacts>();
  for (const [path, text] of Object.entries(files)) {
    const language = languageOfPath(path);
    if (language) facts.set(path, await entryPointFacts(testParser(), language, text, path));
  }
  return assembleEntryPoints(facts, Object.keys(files));
}

/** `GET /x -> file#symbol` lines, easy to compare in a table. */
export function summary(points: readonly EntryPoint[]): string[] {
  return points.map((p) => {
    const what = p.kind === 'graphql' ? p.operation : p.kind === 'page' ? `page ${p.route}` : `${p.method} ${p.route}`;
    return `${what} @${p.file}:${p.line} -> ${p.handlerFile}${p.handler ? `#${p.handler}` : ''}`;
  });
}
