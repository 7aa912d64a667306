// The file-level dependency graph of a repository (contract §5.2), with the precision rules that keep it from saying
// "everything touches everything": a name imported through a re-exporting file is an edge to the file defining it
// (barrel collapse), an import used only for types is no edge, and test, spec, e2e, story and fixture files carry
// no impact. Pure: built from each file's imports (the `imports` question) and a Resolver.
import { Minimatch } from 'minimatch';
import { languageOfPath } from '../code/languages';
import type { FileImports, ImportRecord, Reexport } from '../code/imports';
import type { Resolver } from './resolve';

/** Files that never carry impact: tests, specs, e2e suites, stories, fixtures, mocks (contract §5.2). */
export const DEFAULT_EXCLUDE = [
  '**/*.{test,spec,e2e,stories,story,cy,bench}.*',
  '**/*_test.go',
  '**/test_*.py',
  '**/*_test.py',
  '**/conftest.py',
  '**/{__tests__,__mocks__,__fixtures__,fixtures,fixture,test,tests,e2e,testdata,stories,cypress}/**',
  '**/*.d.ts',
];

export interface Edge {
  /** Index of the imported file. */
  to: number;
  /** Zero-based line of the import in the importing file. */
  line: number;
  specifier: string;
}

export interface UnresolvedImport {
  file: string;
  line: number;
  specifier: string;
  reason: string;
}

export interface GraphStats {
  files: number;
  /** Files whose imports were read. */
  read: number;
  edges: number;
  /** Imports that carry only types, and so no edge. */
  typeOnly: number;
  /** Imports of packages from outside the repository. */
  external: number;
  unresolved: number;
  /** Files with syntax errors (their readable imports are kept). */
  partial: number;
}

export class DependencyGraph {
  readonly index = new Map<string, number>();
  /** What each file imports, after barrel collapse. */
  readonly imports: Edge[][];
  /** Who imports each file. */
  readonly importers: number[][];
  readonly excluded: boolean[];

  constructor(
    readonly files: readonly string[],
    excluded: readonly boolean[],
    imports: Edge[][],
    readonly unresolved: readonly UnresolvedImport[],
    readonly stats: GraphStats,
    /** Files that could not be read (too large, binary, unreadable), with why: counted, never dropped silently. */
    readonly skipped: ReadonlyMap<string, string>,
  ) {
    files.forEach((f, i) => this.index.set(f, i));
    this.excluded = [...excluded];
    this.imports = imports;
    this.importers = files.map(() => []);
    imports.forEach((edges, from) => {
      for (const e of edges) this.importers[e.to]!.push(from);
    });
  }

  indexOf(file: string): number | undefined {
    return this.index.get(file);
  }
}

export interface GraphInput {
  /** Every file of the repository (relative, `/`). */
  files: readonly string[];
  /** The imports of each code file that could be read. */
  imports: ReadonlyMap<string, FileImports>;
  skipped?: ReadonlyMap<string, string>;
  resolver: Resolver;
  /** Globs of files that carry no impact, added to DEFAULT_EXCLUDE. */
  exclude?: readonly string[];
}

export function excludeMatcher(extra: readonly string[] = []): (file: string) => boolean {
  const matchers = [...DEFAULT_EXCLUDE, ...extra].map((g) => new Minimatch(g.replace(/^\.?\//, ''), { dot: true }));
  return (file) => matchers.some((m) => m.match(file));
}

interface Resolved {
  record: ImportRecord;
  targets: number[];
}

/** Re-exports followed through at most this many files (`export *` chains thousands long stop here). */
const MAX_REEXPORT_DEPTH = 200;

export function buildGraph(input: GraphInput): DependencyGraph {
  const files = input.files.filter((f) => languageOfPath(f) !== undefined || input.imports.has(f));
  const index = new Map<string, number>();
  files.forEach((f, i) => index.set(f, i));
  const isExcluded = excludeMatcher(input.exclude);
  const excluded = files.map(isExcluded);
  const stats: GraphStats = { files: files.length, read: 0, edges: 0, typeOnly: 0, external: 0, unresolved: 0, partial: 0 };
  const unresolved: UnresolvedImport[] = [];

  const resolveTo = (file: string, specifier: string, line: number, names?: readonly string[], kind?: ImportRecord['kind']): number[] | undefined => {
    const language = languageOfPath(file);
    if (!language) return undefined;
    const result = input.resolver.resolve(file, specifier, language, names, kind);
    if ('files' in result) return result.files.flatMap((f) => (index.has(f) ? [index.get(f)!] : []));
    if ('external' in result) stats.external++;
    else {
      stats.unresolved++;
      unresolved.push({ file, line, specifier, reason: result.unresolved });
    }
    return undefined;
  };

  // Resolve once: imports for edges, re-exports for barrel collapse.
  const resolvedImports: Resolved[][] = files.map(() => []);
  const reexportsOf: { re: Reexport; targets: number[] }[][] = files.map(() => []);
  const exportsOf: Set<string>[] = files.map(() => new Set());
  files.forEach((file, i) => {
    const read = input.imports.get(file);
    if (!read) return;
    stats.read++;
    if (read.partial) stats.partial++;
    exportsOf[i] = new Set(read.exports);
    for (const record of read.imports) {
      if (record.typeOnly) {
        stats.typeOnly++;
        continue;
      }
      const targets = resolveTo(file, record.specifier, record.line, record.names, record.kind);
      if (targets) resolvedImports[i]!.push({ record, targets });
    }
    for (const re of read.reexports) {
      if (re.typeOnly) continue;
      const targets = resolveTo(file, re.specifier, re.line);
      if (targets) reexportsOf[i]!.push({ re, targets });
    }
  });

  // Which files define `name` as exported by `file`: through re-exports to the definition.
  const memo = new Map<string, number[] | undefined>();
  const definers = (file: number, name: string, seen: Set<number>): number[] | undefined => {
    const key = `${file}\u0000${name}`;
    if (memo.has(key)) return memo.get(key);
    if (seen.has(file)) return undefined;
    // A re-export chain deeper than any real barrel is not followed further (the stack stays bounded): the file
    // itself stands for what it passes on.
    if (seen.size >= MAX_REEXPORT_DEPTH) return undefined;
    seen.add(file);
    let found: number[] | undefined;
    if (name === '*') found = wholeModule(file, seen);
    else if (exportsOf[file]!.has(name)) found = [file];
    else {
      for (const { re, targets } of reexportsOf[file]!) {
        if (re.names === '*') continue;
        const entry = re.names.find((n) => n.as === name);
        if (!entry) continue;
        found = targets.flatMap((t) => definers(t, entry.from, seen) ?? [t]);
        break;
      }
      if (!found) {
        for (const { re, targets } of reexportsOf[file]!) {
          if (re.names !== '*') continue;
          for (const t of targets) {
            const inner = definers(t, name, seen);
            if (inner) {
              found = inner;
              break;
            }
          }
          if (found) break;
        }
      }
    }
    seen.delete(file);
    memo.set(key, found);
    return found;
  };
  /** All of a module: the file and everything it re-exports. */
  const wholeModule = (file: number, seen: Set<number>): number[] => {
    const out = [file];
    for (const { re, targets } of reexportsOf[file]!) {
      for (const t of targets) {
        if (re.names === '*' || re.names.some((n) => n.from === '*')) out.push(...(seen.has(t) ? [t] : definers(t, '*', seen) ?? [t]));
        else for (const n of re.names) out.push(...(definers(t, n.from, seen) ?? [t]));
      }
    }
    return [...new Set(out)];
  };

  const imports: Edge[][] = files.map(() => []);
  const edgesFrom = (i: number): Edge[] => {
    const out: Edge[] = [];
    if (excluded[i]) return out;
    const seenTargets = new Set<number>();
    for (const { record, targets } of resolvedImports[i]!) {
      for (const target of targets) {
        const names = record.names;
        const defining =
          names === undefined || names.length === 0
            ? definers(target, '*', new Set())
            : names.flatMap((n) => definers(target, n, new Set()) ?? [target]);
        for (const to of defining ?? [target]) {
          if (to === i || excluded[to] || seenTargets.has(to)) continue;
          seenTargets.add(to);
          out.push({ to, line: record.line, specifier: record.specifier });
        }
      }
    }
    return out;
  };
  files.forEach((_, i) => {
    imports[i] = edgesFrom(i);
    stats.edges += imports[i].length;
  });

  const graph = new DependencyGraph(files, excluded, imports, unresolved, stats, input.skipped ?? new Map());
  updaters.set(graph, (file, read) => {
    const i = index.get(file);
    const before = input.imports.get(file);
    // A file whose exports or re-exports changed changes its importers' edges too: that needs a full build.
    if (i === undefined || !before || JSON.stringify([before.exports, before.reexports]) !== JSON.stringify([read.exports, read.reexports])) return false;
    for (let k = unresolved.length - 1; k >= 0; k--) if (unresolved[k]!.file === file) unresolved.splice(k, 1);
    resolvedImports[i] = [];
    for (const record of read.imports) {
      if (record.typeOnly) continue;
      const targets = resolveTo(file, record.specifier, record.line, record.names, record.kind);
      if (targets) resolvedImports[i].push({ record, targets });
    }
    for (const e of graph.imports[i]!) {
      const list = graph.importers[e.to]!;
      const at = list.indexOf(i);
      if (at >= 0) list.splice(at, 1);
    }
    stats.edges -= graph.imports[i]!.length;
    graph.imports[i] = edgesFrom(i);
    stats.edges += graph.imports[i].length;
    for (const e of graph.imports[i]) graph.importers[e.to]!.push(i);
    return true;
  });
  return graph;
}

type Updater = (file: string, imports: FileImports) => boolean;
const updaters = new WeakMap<DependencyGraph, Updater>();

/**
 * Updates the graph in place after one file's text changed (a save): its own imports are resolved again and its
 * edges replaced. False when that is not enough (a new file, or its exports or re-exports changed, which moves its
 * importers' edges through barrels): then build the graph again. The caller's imports map must still hold the old
 * answer for the file when this is called.
 */
export function updateGraphFile(graph: DependencyGraph, file: string, imports: FileImports): boolean {
  return updaters.get(graph)?.(file, imports) ?? false;
}
