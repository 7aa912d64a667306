// The resolver run backwards (issue #24): for a file, the strings any import that resolves to it must contain, so
// that a plain byte search of the repository finds every file that could import it, and only those are parsed.
// Sound by construction against src/core/graph/resolve.ts: each rule there is reversed below; where one cannot be
// (an index or a package entry at the top-level, Python's top-level `__init__.py`), the answer is "everything", and
// the caller builds the full graph.
//
// What each rule leaves in the specifier:
// - TS/JS relative, `baseUrl` and `paths` `prefix*` -> `dir/*` (the star is a path ending in the file): the file's
//   stem (`money` for money.ts, written `./money`, `./money.js`, `@lib/money`); an `index` file, or a folder whose
//   package.json `main`/`types` leads to it, by the folder's name, or by `.`/`..` from inside that folder.
// - `paths` aliases: the alias with its star filled in by the part of a path that leads to the file (exact: the
//   alias). Not reversed: a specifier that climbs out of its alias with `..` (`@app/../x`), which nobody writes.
// - workspace packages (their name, `exports` keys): the package's name.
// - Go: the package's import path (module path + folder), and the files of its folder (its package's names need no
//   import). Python: the module's name, or the package folder's (an
//   `__init__.py`; `from . import x` inside it). Java: the type's simple name before `;` or `.`; `a.b.*` ends with
//   the folder's name; inside its own folder (its package), the simple name anywhere. Not reversed: a Java import written with spaces inside it (`a.b. *`).
// A TS/JS or Go specifier is a literal: the strings end with its closing quote, so `m1` does not find `m13`.
import { languageOfPath } from '../code/languages';
import { dirOf, joinPath, type Resolver } from './resolve';

export interface Needles {
  /** Any file whose text contains one of these may import the file. */
  strings: string[];
  /**
   * A file under one of these folders may import it when its text contains one of `strings` (TS/JS `'.'`, `'..'`),
   * or whatever it holds when there are none (Python's `from . import x`). `exact`: only the files directly in the
   * folder, not in its subfolders (a Go package: its files use each other's names without an import).
   */
  folders: { folder: string; strings?: string[]; exact?: boolean }[];
  /** Set when a rule cannot be reversed for this file: every file may import it. */
  everything?: string;
}

interface TsPathsEntry {
  pattern: string;
  prefix: string;
  suffix: string;
  star: boolean;
  targets: string[];
}
interface TsOptionsView {
  baseUrl?: string;
  paths?: TsPathsEntry[];
  pathsBase?: string;
}
interface PackageView {
  name: string;
  dir: string;
  manifest: Record<string, unknown>;
}

/** A TS/JS or Go specifier is a string literal: it ends where its quote does. */
function ends(specifier: string): string[] {
  return [`${specifier}'`, `${specifier}"`, `${specifier}\``];
}

/** `'.'`, `'..'`, `'./'`, `'../..'`: a folder named from inside it, by dots alone. */
const DOTS_ONLY = [...ends('.'), ...ends('/')];

/** The resolver's configuration, read through its private fields (kept there so the resolver stays one file). */
interface ResolverView {
  tsConfig(file: string, seen: Set<string>): TsOptionsView;
  packages: PackageView[];
  goModules: { path: string; dir: string }[];
  resolvePackage(pkg: PackageView, subpath: string): string | undefined;
  probe(target: string): string | undefined;
}

/** What reversing needs, computed once per repository. */
export class ReverseResolver {
  private readonly view: ResolverView;
  private readonly tsOptions: TsOptionsView[] = [];
  /** Folders with a package.json (their `main`/`types` may name a file by the folder). */
  private readonly manifestDirs: string[] = [];
  /** Each tsconfig/jsconfig `baseUrl`, and the folders of the configs that set it (their files use it). */
  private readonly baseUrls = new Map<string, string[]>();

  constructor(
    resolver: Resolver,
    private readonly files: readonly string[],
  ) {
    this.view = resolver as unknown as ResolverView;
    for (const file of files) {
      const name = file.slice(file.lastIndexOf('/') + 1);
      if (/^(tsconfig|jsconfig)([.-][\w.-]*)?\.json$/.test(name)) {
        const options = this.view.tsConfig(file, new Set());
        this.tsOptions.push(options);
        if (options.baseUrl !== undefined)
          this.baseUrls.set(options.baseUrl, [...(this.baseUrls.get(options.baseUrl) ?? []), dirOf(file)]);
      }
      if (name === 'package.json') this.manifestDirs.push(dirOf(file));
    }
  }

  private named: { manifestDirs: Map<string, string[]>; strings: Map<string, string[]> } | undefined;

  /**
   * What names a file whatever the file is, found once for the repository (not once per file asked about): the
   * folders whose package.json leads to a file, exact `paths` aliases, workspace packages' entries and exact
   * `exports` keys (`name`, `name/key`), each with the file it resolves to.
   */
  private namedBy(): { manifestDirs: Map<string, string[]>; strings: Map<string, string[]> } {
    if (this.named) return this.named;
    const manifestDirs = new Map<string, string[]>();
    const strings = new Map<string, string[]>();
    const add = <T>(map: Map<string, T[]>, file: string | undefined, ...values: T[]): void => {
      if (file === undefined) return;
      let list = map.get(file);
      if (!list) map.set(file, (list = []));
      list.push(...values);
    };
    for (const d of this.manifestDirs) add(manifestDirs, this.view.probe(d), d);
    for (const options of this.tsOptions) {
      for (const entry of options.paths ?? []) {
        for (const target of entry.targets) {
          if (entry.star && target.includes('*')) continue;
          const at = joinPath(options.pathsBase ?? '', target);
          if (at !== undefined)
            add(strings, this.view.probe(at), ...ends(entry.star ? entry.prefix + entry.suffix : entry.pattern));
        }
      }
    }
    for (const pkg of this.view.packages) {
      if (leavesPackage(pkg.manifest)) continue;
      add(strings, this.view.resolvePackage(pkg, ''), ...ends(pkg.name), ...ends(`${pkg.name}/`));
      const exportsField = pkg.manifest.exports;
      if (typeof exportsField !== 'object' || exportsField === null || Array.isArray(exportsField)) continue;
      for (const key of Object.keys(exportsField)) {
        if (!key.startsWith('./') || key.includes('*')) continue;
        add(
          strings,
          this.view.resolvePackage(pkg, key.slice(2)),
          ...ends(`${pkg.name}/${key.slice(2)}`),
          ...ends(`${pkg.name}/${key.slice(2)}/`),
        );
      }
    }
    this.named = { manifestDirs, strings };
    return this.named;
  }

  needlesOf(file: string): Needles {
    const language = languageOfPath(file);
    const out: Needles = { strings: [], folders: [] };
    const base = file.slice(file.lastIndexOf('/') + 1);
    const dir = dirOf(file);
    const folderName = dir.slice(dir.lastIndexOf('/') + 1);
    switch (language) {
      case 'typescript':
      case 'tsx':
      case 'javascript':
        this.script(file, base, dir, out);
        break;
      case 'go':
        if (file.endsWith('_test.go')) break;
        for (const mod of this.view.goModules) {
          if (mod.dir !== '' && dir !== mod.dir && !dir.startsWith(`${mod.dir}/`)) continue;
          const rel = mod.dir === '' ? dir : dir.slice(mod.dir.length + 1);
          out.strings.push(...ends(rel === '' ? mod.path : `${mod.path}/${rel}`));
        }
        // Its package (the files of its folder, not of subfolders) uses its names with no import line (contract
        // §5.6): each of them may.
        out.folders.push({ folder: dir, exact: true });
        break;
      case 'python': {
        const stem = base.replace(/\.pyi?$/, '');
        if (stem === '__init__') {
          if (dir === '') return { strings: [], folders: [], everything: 'the top-level __init__.py' };
          out.strings.push(folderName);
          out.folders.push({ folder: dir });
        } else out.strings.push(stem);
        break;
      }
      case 'java':
        // `import a.b.Type;`, `import static a.b.Type.member;`, `import a.b.*;` (the folder's name before `.*`).
        out.strings.push(`${base.replace(/\.java$/, '')};`, `${base.replace(/\.java$/, '')}.`);
        if (folderName !== '') out.strings.push(`${folderName}.*`);
        // Its package uses it by its simple name, with no import line (contract §5.6).
        out.folders.push({ folder: dir, strings: [base.replace(/\.java$/, '')] });
        break;
      default:
        break;
    }
    return out;
  }

  private script(file: string, base: string, dir: string, out: Needles): void {
    // `a.test.ts` is written `./a.test`: the stem is everything before the last extension (and `.d` of `.d.ts`).
    const stem = base.replace(/(\.d)?\.[^.]+$/, '');
    pathForms(dir === '' ? stem : `${dir}/${stem}`, true, this.baseUrls, out);
    // Folders that name this file: its own (an index), any whose package.json leads here.
    const named = this.namedBy();
    const byFolder = new Set<string>();
    if (stem === 'index') byFolder.add(dir);
    for (const d of named.manifestDirs.get(file) ?? []) byFolder.add(d);
    for (const d of byFolder) {
      if (d === '') {
        out.everything = `${file} is the top-level folder's entry`;
        return;
      }
      pathForms(d, false, this.baseUrls, out);
      out.folders.push({ folder: d, strings: DOTS_ONLY });
    }
    // What a path probes to this file from: itself, without its extension, `.js` for `.ts`, a folder that leads here.
    const extless = file.replace(/(\.d)?\.[^./]+$/, '');
    const preimage = [
      file,
      extless,
      `${extless}.js`,
      `${extless}.jsx`,
      `${extless}.mjs`,
      `${extless}.cjs`,
      ...byFolder,
    ];
    /** Specifiers `prefix + star + suffix` whose star, put into `placed` (`before\0after`), is a path of the preimage. */
    const filled = (placed: string | undefined, prefix: string, suffix: string): void => {
      if (placed === undefined) return;
      const [before = '', after = ''] = placed.split('\u0000');
      for (const t of preimage) {
        if (t.length >= before.length + after.length && t.startsWith(before) && t.endsWith(after)) {
          const specifier = prefix + t.slice(before.length, t.length - after.length) + suffix;
          out.strings.push(...ends(specifier), ...ends(`${specifier}/`));
        }
      }
    };
    // tsconfig `paths`: the alias (found once for every file, in namedBy), or the alias with its star filled in.
    out.strings.push(...(named.strings.get(file) ?? []));
    for (const options of this.tsOptions) {
      for (const entry of options.paths ?? []) {
        for (const target of entry.targets) {
          if (entry.star && target.includes('*'))
            filled(joinPath(options.pathsBase ?? '', target.replace('*', '\u0000')), entry.prefix, entry.suffix);
        }
      }
    }
    // Workspace packages: the name (its entry), `name/key` (an `exports` key), `name/key-with-star-filled` (a pattern,
    // its built output mapped back to src/), and `name/sub` found under the package or its src/.
    for (const pkg of this.view.packages) {
      if (leavesPackage(pkg.manifest)) {
        out.strings.push(pkg.name);
        continue;
      }
      if (pkg.dir !== '' && !file.startsWith(`${pkg.dir}/`)) continue;
      const inside = pkg.dir === '' ? '' : `${pkg.dir}/`;
      filled(`${inside}\u0000`, `${pkg.name}/`, '');
      filled(`${inside}src/\u0000`, `${pkg.name}/`, '');
      const exportsField = pkg.manifest.exports;
      if (typeof exportsField !== 'object' || exportsField === null || Array.isArray(exportsField)) continue;
      for (const [key, value] of Object.entries(exportsField as Record<string, unknown>)) {
        if (!key.startsWith('./')) continue;
        const star = key.indexOf('*');
        if (star < 0) continue;
        const prefix = `${pkg.name}/${key.slice(2, star)}`;
        const suffix = key.slice(star + 1);
        for (const target of stringsIn(value)) {
          if (!target.includes('*')) continue;
          const placed = joinPath(pkg.dir, target.replace('*', '\u0000'));
          if (placed === undefined) continue;
          filled(placed, prefix, suffix);
          // `./dist/*.js` is built from `./src/*.ts` (the resolver maps it back).
          const rel = placed.slice(inside.length);
          const fromSource = rel.replace(/^(dist|lib|build|out|esm|cjs)(\/(esm|cjs|types))?\//, 'src/');
          if (fromSource !== rel) filled(`${inside}${fromSource}`, prefix, suffix);
        }
      }
    }
  }
}

/**
 * How a relative or `baseUrl` specifier ends when it names `path` (a file without its extension, or a folder). Seen
 * from a folder A above it, the rest of the path S follows either `./` (`./S`, `../S`, `../../S`: dots climb, so the
 * importer is inside A) or the opening quote (A is the `baseUrl` of the importer's tsconfig); then come the closing quote, a `/`, or (a file) an
 * extension. Not reversed: a specifier that goes down and back up again before the end (`../x/../S`).
 */
function pathForms(path: string, file: boolean, baseUrls: ReadonlyMap<string, readonly string[]>, out: Needles): void {
  const forms = (written: string): string[] => [
    ...ends(written),
    ...ends(`${written}/`),
    ...(file ? [`${written}.`] : []),
  ];
  const parts = path.split('/');
  for (let k = parts.length - 1; k >= 0; k--) {
    const above = parts.slice(0, k).join('/');
    const rest = parts.slice(k).join('/');
    if (above === '') out.strings.push(...forms(`./${rest}`));
    else out.folders.push({ folder: above, strings: forms(`./${rest}`) });
    // Written from a `baseUrl`: by the files under the config that sets it.
    for (const configDir of baseUrls.get(above) ?? []) {
      const quoted = ["'", '"', '`'].flatMap((quote) => forms(`${quote}${rest}`));
      if (configDir === '') out.strings.push(...quoted);
      else out.folders.push({ folder: configDir, strings: quoted });
    }
  }
}

/** Every string in a package.json value (conditions nest). */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsIn);
  return [];
}

/** A manifest whose entries point outside its own folder (`../x`): any file may be its entry. */
function leavesPackage(manifest: Record<string, unknown>): boolean {
  let leaves = leaving.get(manifest);
  if (leaves === undefined) {
    leaves = JSON.stringify([
      manifest.exports,
      manifest.main,
      manifest.types,
      manifest.typings,
      manifest.module,
    ]).includes('..');
    leaving.set(manifest, leaves);
  }
  return leaves;
}
/** Asked for every file of every package: answered once per manifest. */
const leaving = new WeakMap<Record<string, unknown>, boolean>();

/**
 * The files that may import any of `targets`, by a byte search of `texts` (files already known are skipped).
 * `everything` when a target cannot be reversed.
 */
export function candidateImporters(
  needles: readonly Needles[],
  texts: ReadonlyMap<string, string>,
  known: ReadonlySet<string>,
): { files: string[] } | { everything: string } {
  // The three quotes are one to the search (the automaton reads `"` and `` ` `` as `'`): a third of the strings.
  const strings = new Set<string>();
  const folders: Needles['folders'] = [];
  for (const n of needles) {
    if (n.everything !== undefined) return { everything: n.everything };
    for (const s of n.strings) if (s !== '') strings.add(oneQuote(s));
    for (const f of n.folders) folders.push(f.strings ? { folder: f.folder, strings: f.strings.map(oneQuote) } : f);
  }
  // One pass over each text finds every needle (Aho-Corasick); a needle found counts anywhere, or only in a file
  // under one of its folders.
  const scopes = new Map<string, Set<string> | 'anywhere'>();
  for (const x of strings) scopes.set(x, 'anywhere');
  const everywhereIn = new Set<string>();
  const directlyIn = new Set<string>();
  for (const f of folders) {
    if (f.strings === undefined) {
      (f.exact ? directlyIn : everywhereIn).add(f.folder);
      continue;
    }
    for (const x of f.strings) {
      if (x === '') continue;
      const scope = scopes.get(x);
      if (scope === 'anywhere') continue;
      if (scope) scope.add(f.folder);
      else scopes.set(x, new Set([f.folder]));
    }
  }
  const automaton = new Automaton([...scopes.keys()]);
  const under = (file: string, folders: ReadonlySet<string>): boolean => {
    for (let at = file.lastIndexOf('/'); at > 0; at = file.lastIndexOf('/', at - 1))
      if (folders.has(file.slice(0, at))) return true;
    return false;
  };
  const out: string[] = [];
  for (const [file, text] of texts) {
    if (known.has(file)) continue;
    const hit =
      (everywhereIn.size > 0 && under(file, everywhereIn)) ||
      (directlyIn.size > 0 && directlyIn.has(dirOf(file))) ||
      automaton.some(text, (needle) => {
        const scope = scopes.get(needle);
        return scope === 'anywhere' || (scope !== undefined && under(file, scope));
      });
    if (hit) out.push(file);
  }
  return { files: out };
}

function oneQuote(s: string): string {
  return s.replace(/["`]/g, "'");
}

/** Aho-Corasick over UTF-16 code units: every occurrence of any of the strings, in one pass over a text. */
class Automaton {
  private readonly next: Map<number, number>[] = [new Map<number, number>()];
  private readonly fail: number[] = [0];
  /** The strings that end at each state (its own and, through the failure links, shorter ones). */
  private readonly out: string[][] = [[]];

  constructor(strings: readonly string[]) {
    for (const x of strings) {
      let state = 0;
      for (let i = 0; i < x.length; i++) {
        const c = x.charCodeAt(i);
        let to = this.next[state]!.get(c);
        if (to === undefined) {
          to = this.next.length;
          this.next.push(new Map<number, number>());
          this.fail.push(0);
          this.out.push([]);
          this.next[state]!.set(c, to);
        }
        state = to;
      }
      this.out[state]!.push(x);
    }
    const queue: number[] = [];
    for (const to of this.next[0]!.values()) queue.push(to);
    const order = [0];
    for (let head = 0; head < queue.length; head++) {
      order.push(queue[head]!);
      const state = queue[head]!;
      for (const [c, to] of this.next[state]!) {
        let f = this.fail[state]!;
        while (f !== 0 && !this.next[f]!.has(c)) f = this.fail[f]!;
        const target = this.next[f]!.get(c);
        this.fail[to] = target !== undefined && target !== to ? target : 0;
        this.out[to]!.push(...this.out[this.fail[to]]!);
        queue.push(to);
      }
    }
    // ASCII, the common case, goes through a table with the failure links already followed, one column per ASCII
    // character the strings hold (column 0: any other, which leads back to the start): thousands of needles make
    // tens of thousands of states, and 128 columns each cost more than the search.
    const states = this.next.length;
    const classes = new Uint8Array(128);
    const columns: number[] = [-1];
    for (const x of strings)
      for (let i = 0; i < x.length; i++) {
        const c = x.charCodeAt(i);
        if (c < 128 && classes[c] === 0) classes[c] = columns.push(c) - 1;
      }
    // `"` and `` ` `` read as `'` (the strings were written with `'` alone).
    classes[34] = classes[96] = classes[39]!;
    const width = columns.length;
    this.classes = classes;
    this.width = width;
    this.table = new Int32Array(states * width);
    this.ends = new Uint8Array(states);
    for (const state of order) {
      if (this.out[state]!.length > 0) this.ends[state] = 1;
      const moves = this.next[state]!;
      for (let k = 1; k < width; k++) {
        const to = moves.get(columns[k]!);
        this.table[state * width + k] =
          to !== undefined ? to : state === 0 ? 0 : this.table[this.fail[state]! * width + k]!;
      }
    }
  }

  private readonly table: Int32Array;
  private readonly classes: Uint8Array;
  private readonly width: number;
  private readonly ends: Uint8Array;

  /** True as soon as `accept` takes one of the strings found in `text`. */
  some(text: string, accept: (found: string) => boolean): boolean {
    if (this.next.length === 1) return false;
    const { table, ends, classes, width } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 128) state = table[state * width + classes[c]!]!;
      else {
        let to = this.next[state]!.get(c);
        while (to === undefined && state !== 0) {
          state = this.fail[state]!;
          to = this.next[state]!.get(c);
        }
        state = to ?? 0;
      }
      if (ends[state] === 0) continue;
      const found = this.out[state]!;
      for (let k = 0; k < found.length; k++) if (accept(found[k]!)) return true;
    }
    return false;
  }
}
