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
// - Go: the package's import path (module path + folder). Python: the module's name, or the package folder's (an
//   `__init__.py`; `from . import x` inside it). Java: the type's simple name; `a.b.*` ends with the folder's name.
import { languageOfPath } from '../code/languages';
import { dirOf, joinPath, type Resolver } from './resolve';

export interface Needles {
  /** Any file whose text contains one of these may import the file. */
  strings: string[];
  /** Every file under these folders may import it (`'.'`, `'..'`, Python's `from . import x`). */
  folders: string[];
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

  constructor(
    resolver: Resolver,
    private readonly files: readonly string[],
  ) {
    this.view = resolver as unknown as ResolverView;
    for (const file of files) {
      const name = file.slice(file.lastIndexOf('/') + 1);
      if (/^(tsconfig|jsconfig)([.-][\w.-]*)?\.json$/.test(name)) this.tsOptions.push(this.view.tsConfig(file, new Set()));
      if (name === 'package.json') this.manifestDirs.push(dirOf(file));
    }
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
          out.strings.push(rel === '' ? mod.path : `${mod.path}/${rel}`);
        }
        break;
      case 'python': {
        const stem = base.replace(/\.pyi?$/, '');
        if (stem === '__init__') {
          if (dir === '') return { strings: [], folders: [], everything: 'the top-level __init__.py' };
          out.strings.push(folderName);
          out.folders.push(dir);
        } else out.strings.push(stem);
        break;
      }
      case 'java':
        out.strings.push(base.replace(/\.java$/, ''));
        if (folderName !== '') out.strings.push(folderName);
        break;
      default:
        break;
    }
    return out;
  }

  private script(file: string, base: string, dir: string, out: Needles): void {
    // `a.test.ts` is written `./a.test`: the stem is everything before the last extension (and `.d` of `.d.ts`).
    const stem = base.replace(/(\.d)?\.[^.]+$/, '');
    out.strings.push(stem);
    // Folders that name this file: its own (an index), any whose package.json leads here.
    const byFolder = new Set<string>();
    if (stem === 'index') byFolder.add(dir);
    for (const d of this.manifestDirs) if (this.view.probe(d) === file) byFolder.add(d);
    for (const d of byFolder) {
      if (d === '') {
        out.everything = `${file} is the top-level folder's entry`;
        return;
      }
      out.strings.push(d.slice(d.lastIndexOf('/') + 1));
      out.folders.push(d);
    }
    // tsconfig `paths`: the specifier is the alias with the star filled in, so each path that probes to this file
    // (itself, without its extension, `.js` for `.ts`, a folder that leads to it) gives the one specifier naming it.
    const extless = file.replace(/(\.d)?\.[^./]+$/, '');
    const preimage = [file, extless, `${extless}.js`, `${extless}.jsx`, `${extless}.mjs`, `${extless}.cjs`, ...byFolder];
    for (const options of this.tsOptions) {
      for (const entry of options.paths ?? []) {
        for (const target of entry.targets) {
          if (!entry.star || !target.includes('*')) {
            const at = joinPath(options.pathsBase ?? '', target);
            if (at !== undefined && this.view.probe(at) === file) out.strings.push(entry.star ? entry.prefix + entry.suffix : entry.pattern);
            continue;
          }
          const placed = joinPath(options.pathsBase ?? '', target.replace('*', '\u0000'));
          if (placed === undefined) continue;
          const [before = '', after = ''] = placed.split('\u0000');
          for (const t of preimage) {
            if (t.length >= before.length + after.length && t.startsWith(before) && t.endsWith(after)) {
              out.strings.push(entry.prefix + t.slice(before.length, t.length - after.length) + entry.suffix);
            }
          }
        }
      }
    }
    // Workspace packages: `name` and `name/sub` (exports keys, or the subpath under the package or its src/).
    for (const pkg of this.view.packages) {
      const inside = pkg.dir === '' || file.startsWith(`${pkg.dir}/`);
      if (inside || this.view.resolvePackage(pkg, '') === file || leavesPackage(pkg.manifest)) out.strings.push(pkg.name);
    }
  }
}

/** A manifest whose entries point outside its own folder (`../x`): any file may be its entry. */
function leavesPackage(manifest: Record<string, unknown>): boolean {
  return JSON.stringify([manifest.exports, manifest.main, manifest.types, manifest.typings, manifest.module]).includes('..');
}

/**
 * The files that may import any of `targets`, by a byte search of `texts` (files already known are skipped).
 * `everything` when a target cannot be reversed.
 */
export function candidateImporters(
  needles: readonly Needles[],
  texts: ReadonlyMap<string, string>,
  known: ReadonlySet<string>,
): { files: string[] } | { everything: string } {
  const strings = new Set<string>();
  const folders: string[] = [];
  for (const n of needles) {
    if (n.everything !== undefined) return { everything: n.everything };
    for (const s of n.strings) if (s !== '') strings.add(s);
    folders.push(...n.folders);
  }
  const list = [...strings];
  const out: string[] = [];
  for (const [file, text] of texts) {
    if (known.has(file)) continue;
    if (folders.some((d) => file.startsWith(`${d}/`)) || list.some((s) => text.includes(s))) out.push(file);
  }
  return { files: out };
}
