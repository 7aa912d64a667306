// For the graph's tests and the bench: a dependency graph from in-memory sources, read by the real parser.
import { importsOf, type FileImports } from '../code/imports';
import { languageOfPath } from '../code/languages';
import type { CodeParser } from '../code/parser';
import { buildGraph, type DependencyGraph } from './graph';
import { isConfigFile, Resolver } from './resolve';

export async function graphOfSources(
  parser: CodeParser,
  sources: Readonly<Record<string, string>>,
  exclude?: string[],
): Promise<DependencyGraph> {
  const files = Object.keys(sources).sort();
  const imports = new Map<string, FileImports>();
  for (const file of files) {
    const language = languageOfPath(file);
    if (language) imports.set(file, await importsOf(parser, language, sources[file]!));
  }
  const texts = new Map(files.filter(isConfigFile).map((f) => [f, sources[f]!]));
  return buildGraph({ files, imports, resolver: new Resolver({ files, texts }), ...(exclude ? { exclude } : {}) });
}

/** `a.ts -> b.ts` lines for every edge, sorted: what a test compares. */
export function edgesOf(graph: DependencyGraph): string[] {
  return graph.files
    .flatMap((_, from) => graph.importsOf(from).map((e) => `${graph.files[from]} -> ${graph.files[e.to]}`))
    .sort();
}
