// The file-level dependency graph of a repository (contract §5.2), with the precision rules that keep it from saying
// "everything touches everything": a name imported through a re-exporting file is an edge to the file defining it
// (barrel collapse), an import used only for types is no edge, and test, spec, e2e, story and fixture files carry
// no impact. Pure: built from each file's imports (the `imports` question) and a Resolver.
import { Minimatch } from 'minimatch';
import { languageOfPath } from '../code/languages';
import type { FileImports, ImportRecord, Reexport, TypeRef } from '../code/imports';
import { dirOf, type Resolver } from './resolve';

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

/**
 * Why a file depends on another (contract §5.6): an import line; an import the compiler keeps only for decorator
 * metadata (`emitDecoratorMetadata`); or a name its package declares in another file, with no import line (Java, Go).
 */
export type EdgeKind = 'import' | 'metadata' | 'same-package';

export interface Edge {
  /** Index of the imported file. */
  to: number;
  /** Zero-based line of the import in the importing file (0 for a same-package reference). */
  line: number;
  specifier: string;
  /** Undefined for an import line. */
  kind: Exclude<EdgeKind, 'import'> | undefined;
  /** The declarations of the importing file that use the imported names (symbol-scoped reach), when known. */
  usedIn: readonly string[] | undefined;
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
  /**
   * Edges by why they exist (`edges` is their sum), and implementation pairs: a file whose class implements an
   * interface or abstract class of another file, and so stands in for it.
   */
  byKind: { import: number; metadata: number; samePackage: number; implementation: number };
}

/**
 * Files one import line names all of (a Go package): held once, however many files import it. An import of a hub is
 * one entry in the importing file's list (`to` = -1 - hub), read as an edge to each member but the importer itself;
 * for reach it is still one hop, from a member to each importer (issue #23: a package of 5,000 files imported by
 * 5,000 files was 25 million edge objects).
 */
interface Hub {
  /** Its files, in the resolver's order, excluded ones left out. */
  readonly members: readonly number[];
  /** Who imports it, ascending. */
  readonly importers: number[];
}

export class DependencyGraph {
  readonly index = new Map<string, number>();
  /** What each file imports, after barrel collapse: edges, and imports of a hub (`to` < 0). */
  private readonly entries: Edge[][];
  /** Who imports each file by an edge of its own, ascending (a hub's importers are the hub's). */
  private readonly direct: number[][];
  private readonly hubs: Hub[];
  /** The hubs each file is a member of. */
  private readonly memberOf: (number[] | undefined)[];
  readonly excluded: boolean[];
  /** For each file, the files whose interfaces or abstract classes it implements (directly or not): it stands in for them. */
  standIn: number[][];
  /** Problems met building it (cyclic extends or implements), each once. */
  readonly warnings: string[] = [];

  constructor(
    readonly files: readonly string[],
    excluded: readonly boolean[],
    entries: Edge[][],
    hubs: readonly (readonly number[])[],
    readonly unresolved: readonly UnresolvedImport[],
    readonly stats: GraphStats,
    /** Files that could not be read (too large, binary, unreadable), with why: counted, never dropped silently. */
    readonly skipped: ReadonlyMap<string, string>,
  ) {
    files.forEach((f, i) => this.index.set(f, i));
    this.excluded = [...excluded];
    this.entries = entries;
    this.direct = files.map(() => []);
    this.hubs = [];
    this.memberOf = files.map(() => undefined);
    for (const members of hubs) this.addHub(members);
    this.standIn = files.map(() => []);
    entries.forEach((edges, from) => {
      for (const e of edges) (e.to >= 0 ? this.direct[e.to]! : this.hubs[-1 - e.to]!.importers).push(from);
    });
  }

  indexOf(file: string): number | undefined {
    return this.index.get(file);
  }

  /** What a file imports, one edge per imported file, in the order of its import lines. */
  importsOf(file: number): Edge[] {
    const out: Edge[] = [];
    for (const e of this.entries[file] ?? []) {
      if (e.to >= 0) out.push(e);
      else
        for (const to of this.hubs[-1 - e.to]!.members)
          if (to !== file) out.push({ to, line: e.line, specifier: e.specifier, kind: e.kind, usedIn: e.usedIn });
    }
    return out;
  }

  /** The files a file imports (as importsOf, without the edges). */
  importedFiles(file: number): number[] {
    const out: number[] = [];
    for (const e of this.entries[file] ?? []) {
      if (e.to >= 0) out.push(e.to);
      else for (const to of this.hubs[-1 - e.to]!.members) if (to !== file) out.push(to);
    }
    return out;
  }

  /**
   * Who imports a file, ascending (the order a fresh build gives). Importers through a hub for which `skip` is true
   * are left out (a walk that has already passed them all).
   */
  importersOf(file: number, skip?: (hub: number) => boolean): readonly number[] {
    const own = this.direct[file];
    if (!own) return [];
    const hubs = this.memberOf[file];
    if (!hubs) return own;
    let lists: number[][] | undefined;
    for (const h of hubs) if (!skip?.(h)) (lists ??= []).push(this.hubs[h]!.importers);
    if (!lists) return own;
    if (lists.length === 1) {
      // Merge two ascending lists (the common case: a Go package file has one hub).
      const a = own;
      const b = lists[0]!;
      const out: number[] = [];
      let x = 0;
      let y = 0;
      while (x < a.length || y < b.length) {
        const next = y >= b.length || (x < a.length && a[x]! < b[y]!) ? a[x++]! : b[y++]!;
        if (next !== file) out.push(next);
      }
      return out;
    }
    return [...own, ...lists.flat()].filter((f) => f !== file).sort((p, q) => p - q);
  }

  /** Who imports a file by an edge of its own, ascending: all of its importers in a graph without hubs. */
  directImporters(file: number): readonly number[] {
    return this.direct[file] ?? [];
  }

  /** The hubs a file is a member of (undefined: none). */
  hubsOf(file: number): readonly number[] | undefined {
    return this.memberOf[file];
  }

  get hubCount(): number {
    return this.hubs.length;
  }

  /** The declarations of `from` that use what it imports from `to`; undefined when not known (or no such edge). */
  usedIn(from: number, to: number): readonly string[] | undefined {
    for (const e of this.entries[from] ?? []) {
      if (e.to === to) return e.usedIn;
      if (e.to < 0 && to !== from && this.memberOf[to]?.includes(-1 - e.to)) return e.usedIn;
    }
    return undefined;
  }

  /** @internal For the graph builder: a new hub's index. */
  addHub(members: readonly number[]): number {
    const hub = this.hubs.length;
    this.hubs.push({ members, importers: [] });
    for (const m of members) (this.memberOf[m] ??= []).push(hub);
    return hub;
  }

  /** @internal For the graph builder: replaces a file's entries (a save), keeping every list ascending. */
  replaceEntries(from: number, entries: Edge[]): void {
    for (const e of this.entries[from]!) {
      const list = e.to >= 0 ? this.direct[e.to]! : this.hubs[-1 - e.to]!.importers;
      const at = sortedIndex(list, from);
      if (list[at] === from) list.splice(at, 1);
    }
    this.entries[from] = entries;
    for (const e of entries) {
      const list = e.to >= 0 ? this.direct[e.to]! : this.hubs[-1 - e.to]!.importers;
      const at = sortedIndex(list, from);
      if (list[at] !== from) list.splice(at, 0, from);
    }
  }

  /** @internal */
  entriesOf(from: number): readonly Edge[] {
    return this.entries[from]!;
  }
}

function sortedIndex(list: readonly number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
  /** `excludeMatcher(exclude)` made by the caller, for one that builds graphs again and again (it may remember). */
  isExcluded?: (file: string) => boolean;
}

export function excludeMatcher(extra: readonly string[] = []): (file: string) => boolean {
  const matchers = [...DEFAULT_EXCLUDE, ...extra].map((g) => new Minimatch(g.replace(/^\.?\//, ''), { dot: true }));
  return (file) => matchers.some((m) => m.match(file));
}

interface Resolved {
  record: ImportRecord;
  targets: number[];
  /** The names followed through barrels (the record's own, or its metadata names). */
  names?: readonly string[] | undefined;
  kind?: 'metadata' | 'same-package';
}

/** Re-exports followed through at most this many files (`export *` chains thousands long stop here). */
const MAX_REEXPORT_DEPTH = 200;

export function buildGraph(input: GraphInput): DependencyGraph {
  const files = input.files.filter((f) => languageOfPath(f) !== undefined || input.imports.has(f));
  const index = new Map<string, number>();
  files.forEach((f, i) => index.set(f, i));
  const isExcluded = input.isExcluded ?? excludeMatcher(input.exclude);
  const excluded = files.map((f) => isExcluded(f));
  const stats: GraphStats = {
    files: files.length,
    read: 0,
    edges: 0,
    typeOnly: 0,
    external: 0,
    unresolved: 0,
    partial: 0,
    byKind: { import: 0, metadata: 0, samePackage: 0, implementation: 0 },
  };
  const unresolved: UnresolvedImport[] = [];

  // A Go package: the resolver answers its importers with one list of its files, which maps to one list of indexes,
  // a candidate hub (see Hub) once a second importer gets it. (Other languages' answers are new lists each time.)
  const sharedTargets = new WeakMap<readonly string[], number[]>();
  const shared = new WeakSet<number[]>();
  const resolveTo = (
    file: string,
    specifier: string,
    line: number,
    names?: readonly string[],
    kind?: ImportRecord['kind'],
  ): number[] | undefined => {
    const language = languageOfPath(file);
    if (!language) return undefined;
    const result = input.resolver.resolve(file, specifier, language, names, kind);
    if ('files' in result) {
      if (language !== 'go') return result.files.flatMap((f) => (index.has(f) ? [index.get(f)!] : []));
      const known = sharedTargets.get(result.files);
      if (known) {
        shared.add(known);
        return known;
      }
      const targets = result.files.flatMap((f) => (index.has(f) ? [index.get(f)!] : []));
      if (targets.length > 1) sharedTargets.set(result.files, targets);
      return targets;
    }
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
  const typeExportsOf: (Set<string> | undefined)[] = files.map(() => undefined);
  const packages = new SamePackage(files, index, input.imports);
  const resolveImports = (file: string, i: number, read: FileImports, count: boolean): Resolved[] => {
    const out: Resolved[] = [];
    const metadataRuns =
      read.imports.some((r) => r.metadata || r.metadataLoose) && input.resolver.decoratorMetadata(file);
    const loose = metadataRuns && !input.resolver.strictNullChecks(file);
    const metadataOf = (record: ImportRecord): string[] =>
      metadataRuns ? [...(record.metadata ?? []), ...(loose ? (record.metadataLoose ?? []) : [])] : [];
    for (const record of read.imports) {
      const metadata = metadataOf(record);
      if (record.typeOnly) {
        if (count && metadata.length === 0) stats.typeOnly++;
        // Kept by the compiler only to write decorator metadata: a run-time edge where the tsconfig says so.
        if (metadata.length > 0) {
          const targets = resolveTo(file, record.specifier, record.line, metadata, record.kind);
          if (targets) out.push({ record, targets, names: metadata, kind: 'metadata' });
        }
        continue;
      }
      const targets = resolveTo(file, record.specifier, record.line, record.names, record.kind);
      if (!targets) continue;
      const names = metadata.length > 0 && record.names ? [...record.names, ...metadata] : record.names;
      out.push({ record, targets: packages.narrowStar(file, record, targets, read), names });
    }
    for (const { to, name } of packages.references(file, i, read)) {
      out.push({
        record: { specifier: name, kind: 'import', line: 0, typeOnly: false },
        targets: [to],
        kind: 'same-package',
      });
    }
    return out;
  };
  files.forEach((file, i) => {
    const read = input.imports.get(file);
    if (!read) return;
    stats.read++;
    if (read.partial) stats.partial++;
    exportsOf[i] = new Set(read.exports);
    if (read.typeExports) typeExportsOf[i] = new Set(read.typeExports);
    resolvedImports[i] = resolveImports(file, i, read, true);
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
        if (re.names === '*' || re.names.some((n) => n.from === '*'))
          out.push(...(seen.has(t) ? [t] : (definers(t, '*', seen) ?? [t])));
        else for (const n of re.names) out.push(...(definers(t, n.from, seen) ?? [t]));
      }
    }
    return [...new Set(out)];
  };

  const imports: Edge[][] = files.map(() => []);
  // Hubs: the shared lists imported as a whole, none of whose files passes anything on (re-exports would move the
  // edges to other files). Made as importers meet them; after the build, the graph adds them.
  const hubOf = new Map<number[], number | undefined>();
  const hubs: number[][] = [];
  const made: { graph?: DependencyGraph } = {};
  const hubFor = (targets: number[]): number | undefined => {
    if (!shared.has(targets)) return undefined;
    if (hubOf.has(targets)) return hubOf.get(targets);
    let hub: number | undefined;
    if (targets.every((t) => reexportsOf[t]!.length === 0)) {
      const members = targets.filter((t) => !excluded[t]);
      hub = made.graph ? made.graph.addHub(members) : hubs.length;
      hubs.push(members);
    }
    hubOf.set(targets, hub);
    return hub;
  };
  /** `stamp[f] === check`: f is imported by the file being checked (the overlap check of edgesFrom). */
  const stamp = new Uint32Array(files.length);
  let check = 0;
  const edgesFrom = (i: number, expand = false): Edge[] => {
    const out: Edge[] = [];
    if (excluded[i]) return out;
    const seenTargets = new Map<number, Edge>();
    let groups = 0;
    for (const { record, targets, names: followed, kind } of resolvedImports[i]!) {
      // An import of a whole hub is one entry; its edges are each member, as below (no barrels, no other reason).
      const hub = kind === undefined && !expand ? hubFor(targets) : undefined;
      if (hub !== undefined) {
        out.push({
          to: -1 - hub,
          line: record.line,
          specifier: record.specifier,
          kind: undefined,
          usedIn: record.usedIn,
        });
        groups++;
        continue;
      }
      const names = kind === 'same-package' ? undefined : (followed ?? record.names);
      for (const target of targets) {
        const defining =
          kind === 'same-package'
            ? [target]
            : names === undefined || names.length === 0
              ? definers(target, '*', new Set())
              : names.flatMap((n) => {
                  const found = definers(target, n, new Set()) ?? [target];
                  // Metadata names an interface or a type alias as `Object`: nothing of that file runs.
                  return kind === 'metadata' ? found.filter((f) => !typeExportsOf[f]?.has(n)) : found;
                });
        for (const to of defining ?? [target]) {
          if (to === i || excluded[to]) continue;
          const known = seenTargets.get(to);
          if (known) {
            // An import line wins over the other reasons for the same edge.
            if (known.kind && !kind) known.kind = undefined;
            if (known.usedIn && record.usedIn) known.usedIn = [...new Set([...known.usedIn, ...record.usedIn])];
            else if (known.usedIn && !record.usedIn) known.usedIn = undefined;
            continue;
          }
          // Every field in the literal, always: one object shape for millions of edges (adding a property later
          // gives each edge a second allocation: about 90 MB on 2.25 million Go edges).
          const edge: Edge = { to, line: record.line, specifier: record.specifier, kind, usedIn: record.usedIn };
          seenTargets.set(to, edge);
          out.push(edge);
        }
      }
    }
    // A file that reaches a hub's file another way too (twice the same package, or an edge of its own) merges the
    // reasons per file, as above: its edges are made one by one.
    if (groups > 1 || (groups === 1 && seenTargets.size > 0)) {
      check++;
      for (const e of out) {
        if (e.to >= 0) continue;
        for (const to of hubs[-1 - e.to]!) {
          if (to === i) continue;
          if (stamp[to] === check) return edgesFrom(i, true);
          stamp[to] = check;
        }
      }
      for (const to of seenTargets.keys()) if (stamp[to] === check) return edgesFrom(i, true);
    }
    return out;
  };
  const countEdges = (from: number, edges: readonly Edge[], sign: 1 | -1): void => {
    for (const e of edges) {
      const n = e.to >= 0 ? 1 : hubs[-1 - e.to]!.length - (hubs[-1 - e.to]!.includes(from) ? 1 : 0);
      stats.edges += sign * n;
      if (e.kind === 'metadata') stats.byKind.metadata += sign * n;
      else if (e.kind === 'same-package') stats.byKind.samePackage += sign * n;
      else stats.byKind.import += sign * n;
    }
  };
  files.forEach((_, i) => {
    imports[i] = edgesFrom(i);
    countEdges(i, imports[i], 1);
  });

  // Implementations (contract §5.6): which file's class stands in for which file's interface or abstract class.
  const typeFile = (file: string, i: number, ref: TypeRef): number[] => {
    if (ref.specifier !== undefined) {
      // Resolved again without counting: the import itself was counted (and listed if unresolved) above.
      const language = languageOfPath(file);
      const result = language ? input.resolver.resolve(file, ref.specifier, language, [ref.name]) : undefined;
      const targets =
        result && 'files' in result ? result.files.flatMap((f) => (index.has(f) ? [index.get(f)!] : [])) : [];
      return [...new Set(targets.flatMap((t) => definers(t, ref.name, new Set()) ?? [t]))];
    }
    if (languageOfPath(file) === 'java') {
      const found = packages.javaType(file, input.imports.get(file), ref.name, input.resolver);
      return found === undefined ? [] : [found];
    }
    return [i];
  };
  const supers: { from: TypeNode; to: TypeNode; provider: boolean }[] = [];
  files.forEach((file, i) => {
    const read = input.imports.get(file);
    if (!read?.implementations || excluded[i]) return;
    for (const impl of read.implementations) {
      const own = typeFile(file, i, impl.impl);
      const of = typeFile(file, i, impl.of);
      const simple = (r: TypeRef): string => r.name.slice(r.name.lastIndexOf('.') + 1);
      for (const a of own)
        for (const b of of)
          supers.push({
            from: { file: a, name: simple(impl.impl) },
            to: { file: b, name: simple(impl.of) },
            provider: impl.provider === true,
          });
    }
  });
  const abstractsOf = (f: number): readonly string[] => input.imports.get(files[f]!)?.abstracts ?? [];
  const { standIn, warnings, pairs } = implementationClosure(files, supers, abstractsOf, excluded);
  stats.byKind.implementation = pairs;

  const built = new DependencyGraph(files, excluded, imports, hubs, unresolved, stats, input.skipped ?? new Map());
  made.graph = built;
  built.standIn = standIn;
  built.warnings.push(...warnings);
  updaters.set(built, (file, read) => {
    const i = index.get(file);
    const before = input.imports.get(file);
    // A file whose exports or re-exports changed changes its importers' edges too: that needs a full build.
    // So do its declarations, interfaces and implementations (the package's and the implementers' edges move).
    const shape = (r: FileImports): string =>
      JSON.stringify([r.exports, r.reexports, r.typeExports, r.abstracts, r.implementations, r.declares, r.methods]);
    if (i === undefined || !before || shape(before) !== shape(read)) return false;
    for (let k = unresolved.length - 1; k >= 0; k--) if (unresolved[k]!.file === file) unresolved.splice(k, 1);
    resolvedImports[i] = resolveImports(file, i, read, false);
    countEdges(i, built.entriesOf(i), -1);
    const edges = edgesFrom(i);
    countEdges(i, edges, 1);
    built.replaceEntries(i, edges);
    return true;
  });
  return built;
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

interface TypeNode {
  file: number;
  name: string;
}

/**
 * From `B implements A` pairs to the files each file stands in for: every interface or abstract class its classes
 * implement or extend, through any depth (`B extends C`, `C implements A`), and whatever a provider object names.
 * A cycle (`A extends B`, `B extends A`) is walked once and reported once.
 */
function implementationClosure(
  files: readonly string[],
  supers: readonly { from: TypeNode; to: TypeNode; provider: boolean }[],
  abstractsOf: (file: number) => readonly string[],
  excluded: readonly boolean[],
): { standIn: number[][]; warnings: string[]; pairs: number } {
  const key = (n: TypeNode): string => `${n.file}\u0000${n.name}`;
  const out = new Map<string, { node: TypeNode; provider: boolean }[]>();
  const nodes = new Map<string, TypeNode>();
  for (const s of supers) {
    if (s.from.file === s.to.file && s.from.name === s.to.name) continue;
    const k = key(s.from);
    nodes.set(k, s.from);
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push({ node: s.to, provider: s.provider });
  }
  const abstract = new Map<number, Set<string>>();
  const isAbstract = (n: TypeNode): boolean => {
    let set = abstract.get(n.file);
    if (!set) abstract.set(n.file, (set = new Set(abstractsOf(n.file))));
    return set.has(n.name);
  };
  const warnings: string[] = [];
  const warned = new Set<string>();
  const memo = new Map<string, Map<string, TypeNode>>();
  const onStack = new Set<string>();
  /** Every type `n` can stand in for: abstract ones and those a provider names. */
  const closure = (n: TypeNode): Map<string, TypeNode> => {
    const k = key(n);
    const known = memo.get(k);
    if (known) return known;
    const found = new Map<string, TypeNode>();
    if (onStack.has(k)) {
      if (!warned.has(k)) {
        warned.add(k);
        warnings.push(
          `${files[n.file]}: ${n.name} extends or implements itself through a cycle; the cycle is followed once`,
        );
      }
      return found;
    }
    onStack.add(k);
    for (const { node, provider } of out.get(k) ?? []) {
      if (provider || isAbstract(node)) found.set(key(node), node);
      for (const [kk, inner] of closure(node)) found.set(kk, inner);
    }
    onStack.delete(k);
    memo.set(k, found);
    return found;
  };
  const standIn: Set<number>[] = files.map(() => new Set());
  for (const n of nodes.values()) {
    if (excluded[n.file]) continue;
    for (const target of closure(n).values())
      if (target.file !== n.file && !excluded[target.file]) standIn[n.file]!.add(target.file);
  }
  let pairs = 0;
  const lists = standIn.map((s) => {
    pairs += s.size;
    return [...s].sort((a, b) => a - b);
  });
  return { standIn: lists, warnings, pairs };
}

/**
 * Names a package shares without import lines (contract §5.6). Java: a simple type name of the file's own package is
 * an edge to that type's file, and `import a.b.*` leads only to the types of a.b the file names. Go: a file that uses
 * a name (a type, function, variable, constant or method) declared in another file of its package depends on that
 * file.
 */
class SamePackage {
  private goDeclared: Map<string, Map<string, number[]>> | undefined;

  constructor(
    private readonly files: readonly string[],
    private readonly index: ReadonlyMap<string, number>,
    private readonly imports: ReadonlyMap<string, FileImports>,
  ) {}

  /** `import a.b.*` (not static): only the files of a.b whose type the file names. */
  narrowStar(file: string, record: ImportRecord, targets: number[], read: FileImports): number[] {
    if (!file.endsWith('.java') || !record.specifier.endsWith('.*') || record.names?.includes('static')) return targets;
    const uses = new Set(read.uses ?? []);
    const own = new Set(this.singleImports(read));
    const dir = dirOf(file);
    const outer = record.specifier.slice(0, -2);
    const outerName = outer.slice(outer.lastIndexOf('.') + 1);
    return targets.filter((t) => {
      const target = this.files[t]!;
      const name = target.slice(target.lastIndexOf('/') + 1, -'.java'.length);
      // `import a.b.Outer.*`: the nested types of Outer, in Outer's own file.
      if (name === outerName && targets.length === 1 && target.endsWith(`${outer.split('.').join('/')}.java`))
        return true;
      // A type of the file's own package hides one of the same name imported on demand.
      if (!uses.has(name) || own.has(name) || (dirOf(target) !== dir && this.index.has(`${dir}/${name}.java`)))
        return false;
      return target.endsWith('.java');
    });
  }

  private singleImports(read: FileImports): string[] {
    return read.imports
      .filter((r) => !r.specifier.endsWith('.*') && !r.names?.includes('static'))
      .map((r) => r.specifier.slice(r.specifier.lastIndexOf('.') + 1));
  }

  /** The same-package references of a file: each used name declared in another file of its package. */
  references(file: string, i: number, read: FileImports): { to: number; name: string }[] {
    if (!read.uses) return [];
    const out: { to: number; name: string }[] = [];
    const dir = dirOf(file);
    if (file.endsWith('.java')) {
      const own = new Set(this.singleImports(read));
      for (const name of read.uses) {
        if (own.has(name)) continue;
        const to = this.index.get(dir === '' ? `${name}.java` : `${dir}/${name}.java`);
        if (to !== undefined && to !== i) out.push({ to, name });
      }
    } else if (file.endsWith('.go') && !file.endsWith('_test.go')) {
      const declared = this.goPackage(dir);
      for (const name of read.uses) {
        for (const to of declared.get(name) ?? []) if (to !== i) out.push({ to, name });
      }
    }
    return out;
  }

  /** Names declared by each non-test Go file of a folder (its package): declarations and methods. */
  private goPackage(dir: string): Map<string, number[]> {
    if (!this.goDeclared) {
      this.goDeclared = new Map<string, Map<string, number[]>>();
      for (const [file, read] of this.imports) {
        if (!file.endsWith('.go') || file.endsWith('_test.go')) continue;
        const i = this.index.get(file);
        if (i === undefined) continue;
        const d = dirOf(file);
        let names = this.goDeclared.get(d);
        if (!names) this.goDeclared.set(d, (names = new Map<string, number[]>()));
        for (const name of [...(read.declares ?? []), ...(read.methods ?? [])]) {
          const list = names.get(name);
          if (list) list.push(i);
          else names.set(name, [i]);
        }
      }
    }
    return this.goDeclared.get(dir) ?? new Map<string, number[]>();
  }

  /** The file of a Java type named in `file`: single import, the same package, an import on demand, or fully qualified. */
  javaType(file: string, read: FileImports | undefined, name: string, resolver: Resolver): number | undefined {
    const dot = name.indexOf('.');
    const simple = dot < 0 ? name : name.slice(0, dot);
    const first = (specifier: string): number | undefined => {
      const r = resolver.resolve(file, specifier, 'java');
      return 'files' in r ? r.files.map((f) => this.index.get(f)).find((x) => x !== undefined) : undefined;
    };
    for (const r of read?.imports ?? []) {
      if (r.names?.includes('static') || r.specifier.endsWith('.*')) continue;
      if (r.specifier === simple || r.specifier.endsWith(`.${simple}`)) return first(r.specifier);
    }
    const dir = dirOf(file);
    const same = this.index.get(dir === '' ? `${simple}.java` : `${dir}/${simple}.java`);
    if (same !== undefined) return same;
    if (dot > 0) {
      const qualified = first(name);
      if (qualified !== undefined) return qualified;
    }
    for (const r of read?.imports ?? []) {
      if (r.names?.includes('static') || !r.specifier.endsWith('.*')) continue;
      const found = first(`${r.specifier.slice(0, -2)}.${simple}`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
}
