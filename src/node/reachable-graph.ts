// The part of the dependency graph a change can reach (issue #24), for a cold `impact`: instead of parsing every
// file, the resolver is run backwards (src/core/graph/reverse.ts) to the strings an import of each changed file must
// contain; a byte search of the files' texts finds the candidates; only those are parsed and resolved; and the walk
// repeats from the importers found, to the end of the chain (the shared-infrastructure count needs all of them).
// Files that pass names on (barrels) are followed both ways: whatever re-exports a reached file is searched for too,
// and what a parsed file re-exports is parsed, so a name is collapsed to the same file as in the full graph. Where a
// rule cannot be reversed, or the candidates grow past a share of the repository, the full graph is built instead
// (from the texts already read). Names a package shares without an import are found by folder: a Java type's simple
// name among the files of its folder, and every file of a Go file's folder (its package) is a candidate. Framework wiring is reversed: a reached
// class that stands in for an interface or abstract class (its own `implements`/`extends`, or a provider object)
// makes that type's file reached, so its users are searched like a changed file's importers; decorator metadata is
// an import line. Every reach answer equals the full graph's (src/node/reachable-graph.test.ts).
import { realpath } from 'node:fs/promises';
import type { FileImports } from '../core/code/imports';
import { languageOfPath } from '../core/code/languages';
import { MAX_PARSE_BYTES, ParseError } from '../core/code/parser';
import { buildGraph, excludeMatcher, type DependencyGraph } from '../core/graph/graph';
import { dirOf, Resolver } from '../core/graph/resolve';
import { ReverseResolver, candidateImporters } from '../core/graph/reverse';
import type { CodeReader } from './code-reader';
import {
  cacheByText,
  cachedByText,
  importsCacheKey,
  inExcludedFolder,
  loadDependencyGraph,
  readConfigs,
  readRepoFile,
  type GraphLoad,
  type GraphLoadOptions,
  type Read,
} from './dependency-graph';

export interface ReachableGraphOptions extends GraphLoadOptions {
  /**
   * Parses on the calling thread (a CodeReader without workers): a few hundred files are read sooner here than
   * worker threads start. Batches larger than that go to `reader`.
   */
  localReader?: CodeReader;
  /** The changed files whose importers are wanted. */
  from: readonly string[];
  /** When the candidates pass this share of the code files, the full graph is built instead (default 0.5). */
  maxShare?: number;
  /** A change of more files than this builds the full graph at once (default 5,000). */
  maxFrom?: number;
}

export interface ReachableLoad extends GraphLoad {
  /** False when the full graph was built, with why. */
  narrowed: boolean;
  why?: string;
  /** Files parsed (or taken from the cache) to answer: the candidates and what they re-export. */
  read: number;
}

const CONCURRENCY = 48;
/** Up to this many files at once (one step of the walk) are parsed by `localReader`. */
const LOCAL_BATCH = 200;

async function pool<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

export async function loadReachableGraph(options: ReachableGraphOptions): Promise<ReachableLoad> {
  const files = options.files.filter((f) => !inExcludedFolder(f));
  const code = files.filter((f) => languageOfPath(f) !== undefined);
  const codeSet = new Set(code);
  const from = [...new Set(options.from)].filter((f) => codeSet.has(f));
  const full = async (
    why: string,
    texts?: ReadonlyMap<string, string>,
    skipped?: ReadonlyMap<string, string>,
  ): Promise<ReachableLoad> => {
    // The texts already read are not read again.
    const read = options.read ?? ((file: string) => readRepoFile(options.root, realRoot, file));
    // Nor are the files already parsed parsed again: their answers stand in front of the cache.
    const cache = options.cache;
    const load = await loadDependencyGraph({
      ...options,
      cache: {
        get: (key) => answered.get(key) ?? cache?.get(key),
        set: (key, value) => cache?.set(key, value),
      },
      read: async (file, max): Promise<Read> => {
        const text = texts?.get(file);
        if (text !== undefined) return { text };
        const why = skipped?.get(file);
        return why !== undefined ? { skipped: why } : read(file, max);
      },
    });
    return {
      ...load,
      narrowed: false,
      why,
      read: load.cached + load.parsed,
      parsed: load.parsed + parsed,
      cached: load.cached - parsed,
    };
  };
  /** What this run parsed or took from the cache, by cache key, and how many of each. */
  const answered = new Map<string, FileImports>();
  let cached = 0;
  let parsed = 0;
  const realRoot = options.read ? options.root : await realpath(options.root);
  if (from.length > (options.maxFrom ?? 5000)) return full(`a change of ${from.length} code files`);

  const read = options.read ?? ((file: string) => readRepoFile(options.root, realRoot, file));
  // Configuration and the code's texts: the byte search runs over these (no parse).
  const { texts: configs } = await readConfigs(files, read, options.overrides);
  const texts = new Map<string, string>();
  const skipped = new Map<string, string>();
  let scanned = 0;
  await pool(code, async (file) => {
    const r = options.overrides?.has(file) ? { text: options.overrides.get(file)! } : await read(file, MAX_PARSE_BYTES);
    if ('text' in r) texts.set(file, r.text);
    else skipped.set(file, r.skipped);
    if (++scanned % 2000 === 0) options.onProgress?.(scanned, code.length);
  });

  // The blob ids (git may have run while the texts were read): what is parsed is cached under them.
  const blobs = await options.blobs;
  const resolver = new Resolver({ files, texts: configs });
  const reverse = new ReverseResolver(resolver, files);
  const imports = new Map<string, FileImports>();
  let parser = options.reader;
  const parse = async (file: string): Promise<void> => {
    if (imports.has(file) || !texts.has(file)) return;
    const text = texts.get(file)!;
    const key = importsCacheKey(file, text);
    const oid = options.overrides?.has(file) ? undefined : blobs?.get(file);
    const hit = cachedByText(options.cache, file, text, oid);
    if (hit) {
      imports.set(file, hit);
      answered.set(key, hit);
      cached++;
      return;
    }
    try {
      const answer = await parser.ask('imports', file, text);
      parsed++;
      if (answer) {
        imports.set(file, answer);
        answered.set(key, answer);
        cacheByText(options.cache, file, text, oid, answer);
      }
    } catch (error) {
      skipped.set(
        file,
        error instanceof ParseError
          ? error.reason
          : `unreadable (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  };
  /** Where a parsed file's re-exports lead. */
  const reexportTargets = (file: string): string[] => {
    const language = languageOfPath(file);
    const answer = imports.get(file);
    if (!language || !answer) return [];
    return answer.reexports.flatMap((re) => {
      if (re.typeOnly) return [];
      const r = resolver.resolve(file, re.specifier, language);
      return 'files' in r ? r.files : [];
    });
  };

  // The graph is built over the files that matter only: the parsed ones and whatever their imports resolve to, in
  // the repository's order (so each file's importers come in the same order as in the full graph, and so do the
  // chains reach picks). The full list's exclusion globs alone would cost more than the rest at 200,000 files.
  const targetsOf = new Map<string, string[]>();
  // A Java file's same-package names are looked up among the files of its folder (a type there hides one imported
  // on demand): those files are in the graph whenever one of the folder's files is read.
  const javaByDir = new Map<string, string[]>();
  for (const f of code) {
    if (!f.endsWith('.java')) continue;
    const d = dirOf(f);
    const list = javaByDir.get(d);
    if (list) list.push(f);
    else javaByDir.set(d, [f]);
  }
  const subset = (): string[] => {
    const keep = new Set<string>(from);
    for (const [file, answer] of imports) {
      keep.add(file);
      if (file.endsWith('.java')) for (const f of javaByDir.get(dirOf(file)) ?? []) keep.add(f);
      let targets = targetsOf.get(file);
      if (!targets) {
        const language = languageOfPath(file);
        targets = [];
        if (language) {
          for (const r of [...answer.imports, ...answer.reexports]) {
            if (r.typeOnly) continue;
            const res =
              'kind' in r
                ? resolver.resolve(file, r.specifier, language, r.names, r.kind)
                : resolver.resolve(file, r.specifier, language);
            if ('files' in res) targets.push(...res.files);
          }
        }
        targetsOf.set(file, targets);
      }
      for (const t of targets) keep.add(t);
    }
    return files.filter((f) => keep.has(f));
  };
  // The graph is built again at each step of the walk: whether a file is excluded is matched once.
  const matchExcluded = excludeMatcher(options.exclude);
  const excludedAnswers = new Map<string, boolean>();
  const isExcluded = (file: string): boolean => {
    let answer = excludedAnswers.get(file);
    if (answer === undefined) excludedAnswers.set(file, (answer = matchExcluded(file)));
    return answer;
  };
  const build = (): DependencyGraph => buildGraph({ files: subset(), imports, skipped, resolver, isExcluded });

  const reexportsOf = new Map<string, string[]>();
  const known = new Set<string>(from);
  const searched = new Set<string>();
  let pending = [...from];
  const limit = Math.max(50, Math.floor((options.maxShare ?? 0.5) * code.length));
  let graph: DependencyGraph | undefined;
  /** What `file` re-exports with `export * from`: a name looked up through it may be defined there. */
  const starTargets = (file: string): string[] => {
    const language = languageOfPath(file);
    const answer = imports.get(file);
    if (!language || !answer) return [];
    return answer.reexports.flatMap((re) => {
      if (re.typeOnly || re.names !== '*') return [];
      const r = resolver.resolve(file, re.specifier, language);
      return 'files' in r ? r.files : [];
    });
  };
  const parseAll = async (list: readonly string[]): Promise<void> => {
    // A step's few files parse sooner here than workers start (about 200 ms on the bench machine), and a batch of
    // tens of small files gains nothing from two threads; a large batch goes to the workers.
    parser = list.length > LOCAL_BATCH ? options.reader : (options.localReader ?? options.reader);
    await pool(list, parse);
  };
  const tooMany = (): string | undefined =>
    Math.max(known.size, imports.size) > limit
      ? `the change may reach ${Math.max(known.size, imports.size)} of ${code.length} code files`
      : undefined;
  /** The files a Java type name may be in, as seen from `file` (a superset of the graph's `javaType`). */
  const javaTypeFiles = (file: string, answer: FileImports, name: string): string[] => {
    const dot = name.indexOf('.');
    const simple = dot < 0 ? name : name.slice(0, dot);
    const out = new Set<string>();
    const add = (specifier: string): void => {
      const r = resolver.resolve(file, specifier, 'java');
      if ('files' in r) for (const t of r.files) out.add(t);
    };
    for (const r of answer.imports) {
      if (r.names?.includes('static')) continue;
      if (r.specifier.endsWith('.*')) add(`${r.specifier.slice(0, -2)}.${simple}`);
      else if (r.specifier === simple || r.specifier.endsWith(`.${simple}`)) add(r.specifier);
    }
    const dir = dirOf(file);
    const same = dir === '' ? `${simple}.java` : `${dir}/${simple}.java`;
    if (codeSet.has(same)) out.add(same);
    if (dot > 0) add(name);
    return [...out];
  };
  /** Supertype files of reached classes (read as reached), and the reached files whose type names were followed. */
  const supertypes = new Set<string>();
  const typesRead = new Set<string>();
  /**
   * The files defining `name` as `specifier` (imported by `file`) exports it, as the graph's lookup finds them:
   * through named re-exports and `export *`, each file on the way parsed (not reached).
   */
  const definingFiles = async (
    file: string,
    specifier: string,
    name: string,
    language: NonNullable<ReturnType<typeof languageOfPath>>,
  ): Promise<string[]> => {
    const r = resolver.resolve(file, specifier, language, [name]);
    if (!('files' in r)) return [];
    const lookup = async (at: string, wanted: string, seen: Set<string>): Promise<string[] | undefined> => {
      if (seen.has(at) || seen.size >= 200) return undefined;
      seen.add(at);
      const found = await step(at, wanted, seen);
      seen.delete(at);
      return found;
    };
    const step = async (at: string, wanted: string, seen: Set<string>): Promise<string[] | undefined> => {
      if (!imports.has(at)) await parse(at);
      const answer = imports.get(at);
      const atLanguage = languageOfPath(at);
      if (!answer || !atLanguage) return undefined;
      if (answer.exports.includes(wanted)) return [at];
      const targetsOf = (re: (typeof answer.reexports)[number]): string[] => {
        const t = resolver.resolve(at, re.specifier, atLanguage);
        return 'files' in t ? [...t.files] : [];
      };
      for (const re of answer.reexports) {
        if (re.typeOnly || re.names === '*') continue;
        const entry = re.names.find((n) => n.as === wanted);
        if (!entry) continue;
        const out: string[] = [];
        for (const t of targetsOf(re)) out.push(...((await lookup(t, entry.from, seen)) ?? [t]));
        return out;
      }
      for (const re of answer.reexports) {
        if (re.typeOnly || re.names !== '*') continue;
        for (const t of targetsOf(re)) {
          const inner = await lookup(t, wanted, seen);
          if (inner) return inner;
        }
      }
      return undefined;
    };
    const out: string[] = [];
    for (const t of r.files) out.push(...((await lookup(t, name, new Set())) ?? [t]));
    return [...new Set(out)];
  };
  for (;;) {
    if (pending.length > 0) {
      for (const f of pending) searched.add(f);
      const found = candidateImporters(
        pending.map((f) => reverse.needlesOf(f)),
        texts,
        known,
      );
      if ('everything' in found) return full(found.everything, texts, skipped);
      for (const f of found.files) known.add(f);
    }
    const many = tooMany();
    if (many) return full(many, texts, skipped);
    await parseAll([...known].filter((f) => !imports.has(f)));
    graph = build();
    // Reached: the changed files' transitive importers; what a reached file stands in for (contract §5.6: an
    // implementation reaches the users of its interface, so the interface's importers are searched as a changed
    // file's are); the classes a reached file's classes extend or implement, wherever they are defined (their own
    // supertypes, and the provider objects that name them, are read so the stand-in closure is the full graph's);
    // and whatever re-exports a reached file, whose importers import it by the barrel's name.
    const reached = new Set<string>();
    const queue: number[] = [];
    const reach = (name: string): void => {
      if (reached.has(name)) return;
      reached.add(name);
      const i = graph!.indexOf(name);
      if (i !== undefined) queue.push(i);
    };
    for (const f of from) reach(f);
    for (const f of supertypes) reach(f);
    for (let head = 0; head < queue.length; head++) {
      const at = queue[head]!;
      for (const importer of graph.importersOf(at)) reach(graph.files[importer]!);
      for (const target of graph.standIn[at]!) reach(graph.files[target]!);
    }
    let added = false;
    for (const f of [...reached]) {
      const answer = imports.get(f);
      if (!answer?.implementations || typesRead.has(f)) continue;
      typesRead.add(f);
      const language = languageOfPath(f);
      if (!language) continue;
      for (const impl of answer.implementations) {
        if (language === 'java') {
          // A Java type is named without a specifier: every file the graph's lookup could pick (single import, the
          // same package, fully qualified, on demand) is read as a reached one.
          for (const d of javaTypeFiles(f, answer, impl.of.name)) {
            if (d === f || supertypes.has(d)) continue;
            supertypes.add(d);
            reached.add(d);
            if (!imports.has(d)) {
              await parse(d);
              added = true;
            }
          }
          continue;
        }
        for (const ref of [impl.impl, impl.of]) {
          if (ref.specifier === undefined) continue;
          const before = imports.size;
          const defining = await definingFiles(f, ref.specifier, ref.name, language);
          if (imports.size > before) added = true;
          // `class B extends C` in a reached file: C's file is read as a reached one (a concrete C is not in
          // standIn, yet what C stands in for, by its own declaration or a provider naming it, B stands in for).
          if (ref === impl.of && !impl.provider && impl.impl.specifier === undefined) {
            for (const d of defining)
              if (!supertypes.has(d)) {
                supertypes.add(d);
                reached.add(d);
              }
          }
        }
      }
    }
    const reexporters = new Map<string, string[]>();
    for (const f of imports.keys()) {
      let targets = reexportsOf.get(f);
      if (!targets) reexportsOf.set(f, (targets = reexportTargets(f)));
      for (const t of targets) reexporters.set(t, [...(reexporters.get(t) ?? []), f]);
    }
    const through = [...reached];
    for (let i = 0; i < through.length; i++) {
      for (const f of reexporters.get(through[i]!) ?? []) {
        if (reached.has(f)) continue;
        reached.add(f);
        through.push(f);
      }
    }
    // A name looked up through a reached file's `export *` may be defined in a file not reached: those are read
    // too (and what they `export *` in turn), so the lookup ends where the full graph's does.
    const seen = new Set<string>();
    let frontier = [...reached];
    while (frontier.length > 0) {
      const next: string[] = [];
      for (const f of frontier) {
        for (const t of starTargets(f)) {
          if (seen.has(t)) continue;
          seen.add(t);
          next.push(t);
        }
      }
      const unread = next.filter((t) => !imports.has(t) && texts.has(t) && !skipped.has(t));
      if (unread.length > 0) {
        added = true;
        await parseAll(unread);
      }
      frontier = next;
    }
    pending = [...reached].filter((f) => !searched.has(f));
    if (pending.length === 0 && !added) break;
  }
  graph ??= build();
  options.onProgress?.(code.length, code.length);
  return {
    graph,
    warnings: resolver.warnings,
    cached,
    parsed,
    source: { files, imports, texts: configs },
    narrowed: true,
    read: imports.size,
  };
}
