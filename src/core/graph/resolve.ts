// Where an import leads (contract §5.1): from a file and a specifier to the repository files it names, as the
// TypeScript compiler and Node resolve them (relative paths with extension and index probing, `.js` written for
// `.ts`, the nearest tsconfig/jsconfig `baseUrl` and `paths` following `extends`, workspace packages through their
// package.json), Go packages of the module (go.mod), Python modules under the source roots, Java package + type.
// Pure: it works from the list of files and the texts of the configuration files the caller read for it.
import { Minimatch } from 'minimatch';
import { parse as parseYaml } from 'yaml';
import type { ImportKind } from '../code/imports';
import type { LanguageId } from '../code/languages';

export type Resolution =
  /** Repository files (Go: every non-test file of the package; Python: the module or package). */
  | { files: readonly string[] }
  /** A package from outside the repository (npm, the standard library): not a repository file, not a problem. */
  | { external: true }
  /** Should be in the repository and is not: counted and listed (`deps --unresolved`). */
  | { unresolved: string };

export interface RepoConfigs {
  /** Every file of the repository, relative to its top-level with `/`. */
  files: readonly string[];
  /** The texts of its configuration files (see `isConfigFile`); a config missing here is taken as unreadable. */
  texts: ReadonlyMap<string, string>;
}

/** The files the resolver needs the text of: tsconfig/jsconfig (and what they extend), package.json, go.mod, pnpm-workspace.yaml. */
export function isConfigFile(file: string): boolean {
  const name = file.slice(file.lastIndexOf('/') + 1);
  return (
    name === 'package.json' ||
    name === 'go.mod' ||
    name === 'pnpm-workspace.yaml' ||
    /^(tsconfig|jsconfig)([.-][\w.-]*)?\.json$/.test(name)
  );
}

const SCRIPT_EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.js', '.jsx'];
/** `.js` written for `.ts` (TypeScript's rule for ESM output), and its module variants. */
const WRITTEN_FOR: Readonly<Record<string, string[]>> = {
  '.js': ['.ts', '.tsx', '.d.ts'],
  '.jsx': ['.tsx', '.d.ts'],
  '.mjs': ['.mts', '.d.mts'],
  '.cjs': ['.cts', '.d.cts'],
};

interface TsOptions {
  /** Where non-relative names are looked up first (repository path, '' for the top-level). */
  baseUrl?: string;
  paths?: { pattern: string; prefix: string; suffix: string; star: boolean; targets: string[] }[];
  /** What `paths` targets are relative to. */
  pathsBase?: string;
  experimentalDecorators?: boolean;
  emitDecoratorMetadata?: boolean;
  strict?: boolean;
  strictNullChecks?: boolean;
}

interface WorkspacePackage {
  name: string;
  dir: string;
  manifest: Record<string, unknown>;
}

export function dirOf(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? '' : file.slice(0, slash);
}

export function joinPath(dir: string, rel: string): string | undefined {
  const parts = dir === '' ? [] : dir.split('/');
  for (const part of rel.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      // Out of the repository: nothing there is ours.
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/** JSON with comments and trailing commas, as tsconfig files are written. */
export function parseJsonc(source: string): unknown {
  // A UTF-8 byte order mark, as editors on Windows write it: the compiler and Node skip it.
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else out += c;
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class Resolver {
  private readonly files: Set<string>;
  private readonly dirs = new Set<string>();
  private readonly filesByDir = new Map<string, string[]>();
  private readonly tsOptionsByDir = new Map<string, TsOptions>();
  private readonly tsConfigs = new Map<string, TsOptions>();
  private readonly packages: WorkspacePackage[] = [];
  private readonly goModules: { path: string; dir: string }[] = [];
  /** Each Go package's files, one list for all its importers (the graph holds a package imported by many once). */
  private readonly goPackages = new Map<string, readonly string[]>();
  private pythonRoots: string[] | undefined;
  private javaByName: Map<string, string[]> | undefined;
  /** Problems with configuration (an unreadable tsconfig): each reported once. */
  readonly warnings: string[] = [];
  private readonly warned = new Set<string>();

  constructor(private readonly repo: RepoConfigs) {
    this.files = new Set(repo.files);
    for (const file of repo.files) {
      const dir = dirOf(file);
      let list = this.filesByDir.get(dir);
      if (!list) {
        list = [];
        this.filesByDir.set(dir, list);
        for (let d = dir; d !== '' && !this.dirs.has(d); d = dirOf(d)) this.dirs.add(d);
      }
      list.push(file);
    }
    this.readWorkspaces();
    this.readGoModules();
  }

  private warn(key: string, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.warnings.push(message);
  }

  /** `kind` 'dynamic' for Python: a dotted string Django imports at run time (`include('shop.urls')`, `ROOT_URLCONF`). */
  resolve(
    importer: string,
    specifier: string,
    language: LanguageId,
    names?: readonly string[],
    kind?: ImportKind,
  ): Resolution {
    switch (language) {
      case 'typescript':
      case 'tsx':
      case 'javascript':
        return this.resolveScript(importer, specifier);
      case 'go':
        return this.resolveGo(specifier);
      case 'python':
        return kind === 'dynamic'
          ? this.resolveDottedString(importer, specifier, names)
          : this.resolvePython(importer, specifier, names);
      case 'java':
        return this.resolveJava(specifier);
      default:
        return { external: true };
    }
  }

  /**
   * Whether the compiler writes decorator metadata for this file: its nearest tsconfig (following `extends`) sets
   * `experimentalDecorators` and `emitDecoratorMetadata` (contract §5.6). Then the types a decorated class names in
   * its constructor and decorated members are run-time imports.
   */
  decoratorMetadata(importer: string): boolean {
    const options = this.tsOptionsFor(dirOf(importer));
    return options.experimentalDecorators === true && options.emitDecoratorMetadata === true;
  }

  /** `strictNullChecks` (or `strict`) for this file: then `A | null` is written into metadata as `Object`. */
  strictNullChecks(importer: string): boolean {
    const options = this.tsOptionsFor(dirOf(importer));
    return options.strictNullChecks ?? options.strict ?? false;
  }

  // --- TypeScript and JavaScript ---

  private resolveScript(importer: string, specifier: string): Resolution {
    if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') {
      const target = joinPath(dirOf(importer), specifier);
      const found = target === undefined ? undefined : this.probe(target);
      return found !== undefined ? { files: [found] } : { unresolved: 'no such file' };
    }
    if (specifier.startsWith('/') || /^[a-z]+:/i.test(specifier)) return { external: true };
    const options = this.tsOptionsFor(dirOf(importer));
    if (options.paths) {
      let best: NonNullable<TsOptions['paths']>[number] | undefined;
      for (const entry of options.paths) {
        const matches = entry.star
          ? specifier.length >= entry.prefix.length + entry.suffix.length &&
            specifier.startsWith(entry.prefix) &&
            specifier.endsWith(entry.suffix)
          : specifier === entry.pattern;
        // The longest prefix wins, as in the compiler.
        if (matches && (!best || entry.prefix.length > best.prefix.length)) best = entry;
      }
      if (best) {
        const star = best.star ? specifier.slice(best.prefix.length, specifier.length - best.suffix.length) : '';
        for (const target of best.targets) {
          const candidate = joinPath(options.pathsBase ?? '', target.replace('*', star));
          const found = candidate === undefined ? undefined : this.probe(candidate);
          if (found !== undefined) return { files: [found] };
        }
      }
    }
    if (options.baseUrl !== undefined) {
      const candidate = joinPath(options.baseUrl, specifier);
      const found = candidate === undefined ? undefined : this.probe(candidate);
      if (found !== undefined) return { files: [found] };
    }
    const pkg = this.workspacePackageOf(specifier);
    if (pkg) {
      const found = this.resolvePackage(pkg.pkg, pkg.subpath);
      return found !== undefined
        ? { files: [found] }
        : { unresolved: `workspace package ${pkg.pkg.name} has no source for "${pkg.subpath || '.'}"` };
    }
    return { external: true };
  }

  /** A file, `.js` written for `.ts`, the extensions, a folder's package.json or index: the first that exists. */
  probe(target: string): string | undefined {
    const dot = target.lastIndexOf('.');
    const ext = dot > target.lastIndexOf('/') ? target.slice(dot) : '';
    const written = WRITTEN_FOR[ext];
    if (written) {
      const stem = target.slice(0, dot);
      for (const e of written) if (this.files.has(stem + e)) return stem + e;
    }
    if ((ext === '.ts' || ext === '.tsx' || ext === '.mts' || ext === '.cts' || written) && this.files.has(target))
      return target;
    for (const e of SCRIPT_EXTENSIONS) if (this.files.has(target + e)) return target + e;
    if (this.files.has(target)) return target;
    if (target === '' || this.dirs.has(target)) {
      const manifest = this.json(joinPath(target, 'package.json') ?? '');
      if (isRecord(manifest)) {
        for (const field of ['types', 'typings', 'main']) {
          const value = manifest[field];
          if (typeof value !== 'string') continue;
          const inner = joinPath(target, value);
          if (inner === undefined) continue;
          const found = this.files.has(inner) ? inner : this.probeFile(inner);
          if (found !== undefined) return found;
        }
      }
      for (const e of SCRIPT_EXTENSIONS) {
        const index = target === '' ? `index${e}` : `${target}/index${e}`;
        if (this.files.has(index)) return index;
      }
    }
    return undefined;
  }

  /** The probe without folders (a package.json `main` naming a folder is rare; its index is tried by the caller). */
  private probeFile(target: string): string | undefined {
    const dot = target.lastIndexOf('.');
    const ext = dot > target.lastIndexOf('/') ? target.slice(dot) : '';
    const stem = ext === '' ? target : target.endsWith('.d.ts') ? target.slice(0, -5) : target.slice(0, dot);
    for (const e of WRITTEN_FOR[ext] ?? []) if (this.files.has(stem + e)) return stem + e;
    for (const e of SCRIPT_EXTENSIONS) if (this.files.has(stem + e)) return stem + e;
    return this.dirs.has(target) ? this.probe(target) : undefined;
  }

  private json(file: string): unknown {
    const text = this.repo.texts.get(file);
    if (text === undefined) return undefined;
    try {
      return parseJsonc(text);
    } catch {
      return undefined;
    }
  }

  private tsOptionsFor(dir: string): TsOptions {
    const known = this.tsOptionsByDir.get(dir);
    if (known) return known;
    let options: TsOptions | undefined;
    for (const name of ['tsconfig.json', 'jsconfig.json']) {
      const file = dir === '' ? name : `${dir}/${name}`;
      if (this.files.has(file)) {
        options = this.tsConfig(file, new Set());
        break;
      }
    }
    options ??= dir === '' ? {} : this.tsOptionsFor(dirOf(dir));
    this.tsOptionsByDir.set(dir, options);
    return options;
  }

  /** A config's baseUrl and paths, with what it extends underneath. An unreadable config: one warning, then defaults. */
  private tsConfig(file: string, seen: Set<string>): TsOptions {
    const known = this.tsConfigs.get(file);
    if (known) return known;
    if (seen.has(file)) {
      this.warn(file, `${file}: "extends" goes round in a circle; its paths are ignored`);
      return {};
    }
    seen.add(file);
    const text = this.repo.texts.get(file);
    let config: unknown;
    try {
      if (text === undefined) throw new Error('cannot be read');
      config = parseJsonc(text);
      if (!isRecord(config)) throw new Error('is not a JSON object');
    } catch (error) {
      this.warn(
        file,
        `${file} ${error instanceof Error && error.message === 'cannot be read' ? 'cannot be read' : 'is not valid JSON'}: using the defaults (relative imports only)`,
      );
      this.tsConfigs.set(file, {});
      return {};
    }
    let options: TsOptions = {};
    if (seen.size > MAX_EXTENDS_DEPTH) {
      this.warn(
        file,
        `${file}: "extends" goes more than ${MAX_EXTENDS_DEPTH} configs deep; what it extends is ignored`,
      );
    } else {
      for (const target of extendsTargets(
        file,
        config,
        this.files,
        (name) => this.packages.find((p) => p.name === name)?.dir,
      )) {
        options = { ...options, ...this.tsConfig(target, seen) };
      }
    }
    const compilerOptions = isRecord(config.compilerOptions) ? config.compilerOptions : {};
    for (const flag of ['experimentalDecorators', 'emitDecoratorMetadata', 'strict', 'strictNullChecks'] as const) {
      if (typeof compilerOptions[flag] === 'boolean') options[flag] = compilerOptions[flag];
    }
    if (typeof compilerOptions.baseUrl === 'string') {
      const baseUrl = joinPath(dirOf(file), compilerOptions.baseUrl);
      if (baseUrl !== undefined) {
        options.baseUrl = baseUrl;
        if (options.paths && options.pathsBase === undefined) options.pathsBase = baseUrl;
      }
    }
    if (isRecord(compilerOptions.paths)) {
      options.paths = Object.entries(compilerOptions.paths).flatMap(([pattern, targets]) => {
        if (!Array.isArray(targets)) return [];
        const star = pattern.indexOf('*');
        return [
          {
            pattern,
            star: star >= 0,
            prefix: star >= 0 ? pattern.slice(0, star) : pattern,
            suffix: star >= 0 ? pattern.slice(star + 1) : '',
            targets: targets.filter((t): t is string => typeof t === 'string'),
          },
        ];
      });
      // Paths are relative to baseUrl, or without one to the config that sets them.
      options.pathsBase = options.baseUrl ?? dirOf(file);
    }
    this.tsConfigs.set(file, options);
    return options;
  }

  private readWorkspaces(): void {
    const globs: string[] = [];
    for (const file of this.repo.files) {
      const name = file.slice(file.lastIndexOf('/') + 1);
      if (name === 'package.json' && !file.includes('node_modules/')) {
        const manifest = this.json(file);
        if (!isRecord(manifest)) continue;
        const ws = manifest.workspaces;
        const list = Array.isArray(ws) ? ws : isRecord(ws) && Array.isArray(ws.packages) ? ws.packages : [];
        for (const glob of list) if (typeof glob === 'string') globs.push(joinPath(dirOf(file), glob) ?? '');
      } else if (name === 'pnpm-workspace.yaml') {
        try {
          const doc: unknown = parseYaml(this.repo.texts.get(file) ?? '');
          const list = isRecord(doc) && Array.isArray(doc.packages) ? doc.packages : [];
          for (const glob of list)
            if (typeof glob === 'string' && !glob.startsWith('!')) globs.push(joinPath(dirOf(file), glob) ?? '');
        } catch {
          this.warn(file, `${file} is not valid YAML: its workspace packages are not known`);
        }
      }
    }
    if (globs.length === 0) return;
    const matchers = globs.filter((g) => g !== '').map((g) => new Minimatch(g.replace(/\/$/, ''), { dot: true }));
    for (const file of this.repo.files) {
      if (!file.endsWith('/package.json') || file.includes('node_modules/')) continue;
      const dir = dirOf(file);
      if (!matchers.some((m) => m.match(dir))) continue;
      const manifest = this.json(file);
      if (isRecord(manifest) && typeof manifest.name === 'string')
        this.packages.push({ name: manifest.name, dir, manifest });
    }
    // The longest name first, so `@a/b-c` is not taken for `@a/b`.
    this.packages.sort((a, b) => b.name.length - a.name.length);
  }

  private workspacePackageOf(specifier: string): { pkg: WorkspacePackage; subpath: string } | undefined {
    for (const pkg of this.packages) {
      if (specifier === pkg.name) return { pkg, subpath: '' };
      if (specifier.startsWith(`${pkg.name}/`)) return { pkg, subpath: specifier.slice(pkg.name.length + 1) };
    }
    return undefined;
  }

  /** A package's entry for a subpath: `exports`, then `types`/`main`, then its `src/`. Built output maps back to source. */
  private resolvePackage(pkg: WorkspacePackage, subpath: string): string | undefined {
    const tryTarget = (target: string): string | undefined => {
      const inside = joinPath(pkg.dir, target);
      if (inside === undefined) return undefined;
      const direct = this.files.has(inside) && !inside.endsWith('.d.ts') ? inside : this.probeFile(inside);
      if (direct !== undefined && !direct.endsWith('.d.ts')) return direct;
      // `./dist/index.js` is built from `./src/index.ts`: the build output is not in the repository.
      const rel = inside.slice(pkg.dir === '' ? 0 : pkg.dir.length + 1);
      const fromSource = rel.replace(/^(dist|lib|build|out|esm|cjs)(\/(esm|cjs|types))?\//, 'src/');
      if (fromSource !== rel) {
        const source = this.probeFile(joinPath(pkg.dir, fromSource) ?? '');
        if (source !== undefined) return source;
      }
      return direct;
    };
    const exportsField = pkg.manifest.exports;
    if (exportsField !== undefined) {
      for (const target of exportTargets(exportsField, subpath)) {
        const found = tryTarget(target);
        if (found !== undefined) return found;
      }
    }
    if (subpath === '') {
      for (const field of ['types', 'typings', 'module', 'main']) {
        const value = pkg.manifest[field];
        if (typeof value === 'string') {
          const found = tryTarget(value);
          if (found !== undefined) return found;
        }
      }
      return this.probe(joinPath(pkg.dir, 'src/index') ?? '') ?? this.probe(joinPath(pkg.dir, 'index') ?? '');
    }
    return this.probe(joinPath(pkg.dir, subpath) ?? '') ?? this.probe(joinPath(pkg.dir, `src/${subpath}`) ?? '');
  }

  // --- Go ---

  private readGoModules(): void {
    for (const file of this.repo.files) {
      if (file !== 'go.mod' && !file.endsWith('/go.mod')) continue;
      const match = /^\s*module\s+("?)([^\s"]+)\1/m.exec(this.repo.texts.get(file) ?? '');
      if (match) this.goModules.push({ path: match[2]!, dir: dirOf(file) });
      else this.warn(file, `${file} names no module: imports of its packages are not followed`);
    }
    this.goModules.sort((a, b) => b.path.length - a.path.length);
  }

  private resolveGo(specifier: string): Resolution {
    for (const mod of this.goModules) {
      if (specifier !== mod.path && !specifier.startsWith(`${mod.path}/`)) continue;
      const dir = joinPath(mod.dir, specifier.slice(mod.path.length + 1));
      let files = dir === undefined ? [] : this.goPackages.get(dir);
      if (files === undefined) {
        files = (this.filesByDir.get(dir!) ?? []).filter((f) => f.endsWith('.go') && !f.endsWith('_test.go'));
        this.goPackages.set(dir!, files);
      }
      return files.length > 0 ? { files } : { unresolved: `no Go files in ${dir ?? specifier}` };
    }
    return { external: true };
  }

  // --- Python ---

  private roots(): string[] {
    if (this.pythonRoots) return this.pythonRoots;
    const roots = new Set<string>(['']);
    for (const file of this.repo.files) {
      const name = file.slice(file.lastIndexOf('/') + 1);
      const dir = dirOf(file);
      if (name === 'pyproject.toml' || name === 'setup.py' || name === 'setup.cfg') {
        roots.add(dir);
        const src = joinPath(dir, 'src');
        if (src !== undefined && this.dirs.has(src)) roots.add(src);
      } else if (name === '__init__.py') {
        // The folder above a top-level package is where imports of that package start.
        const parent = dirOf(dir);
        if (dir !== '' && !this.files.has(parent === '' ? '__init__.py' : `${parent}/__init__.py`)) roots.add(parent);
      }
    }
    if (this.dirs.has('src')) roots.add('src');
    this.pythonRoots = [...roots];
    return this.pythonRoots;
  }

  private pythonModule(base: string, dotted: string): string | undefined {
    const rel = dotted === '' ? base : joinPath(base, dotted.split('.').join('/'));
    if (rel === undefined) return undefined;
    if (rel !== '' && this.files.has(`${rel}.py`)) return `${rel}.py`;
    const init = rel === '' ? '__init__.py' : `${rel}/__init__.py`;
    return this.files.has(init) ? init : undefined;
  }

  private resolvePython(importer: string, specifier: string, names?: readonly string[]): Resolution {
    const dots = /^\.*/.exec(specifier)![0].length;
    const moduleName = specifier.slice(dots);
    let bases: string[];
    if (dots > 0) {
      let base: string | undefined = dirOf(importer);
      for (let i = 1; i < dots && base !== undefined; i++) base = base === '' ? undefined : dirOf(base);
      if (base === undefined) return { unresolved: 'relative import above the repository' };
      bases = [base];
    } else bases = this.roots();
    for (const base of bases) {
      const module = this.pythonModule(base, moduleName);
      const files: string[] = [];
      // `from pkg import mod` takes the submodule when there is one.
      for (const name of names ?? []) {
        if (name === '*') continue;
        const sub = this.pythonModule(base, moduleName === '' ? name : `${moduleName}.${name}`);
        if (sub !== undefined) files.push(sub);
      }
      if (module !== undefined && (files.length === 0 || files.length < (names?.length ?? 0))) files.unshift(module);
      if (files.length > 0) return { files: [...new Set(files)] };
    }
    return dots > 0 ? { unresolved: 'no such module' } : { external: true };
  }

  /**
   * A module Django imports by its dotted name at run time. Outside the repository (`allauth.urls`) it is external;
   * when its top package is in the repository and the module is not, it is a mistake Django will raise on: unresolved,
   * with one warning.
   */
  private resolveDottedString(importer: string, specifier: string, names?: readonly string[]): Resolution {
    const found = this.resolvePython(importer, specifier, names);
    if (!('external' in found)) return found;
    const top = specifier.split('.')[0]!;
    if (!this.roots().some((base) => this.pythonModule(base, top) !== undefined)) return found;
    const named = names?.length === 1 ? `${specifier}.${names[0]}` : specifier;
    this.warn(
      `dotted\u0000${importer}\u0000${named}`,
      `${importer} names the module '${named}', which is not in the repository (Django imports it at run time)`,
    );
    return { unresolved: `no module ${named} in the repository (Django imports it at run time)` };
  }

  // --- Java ---

  private resolveJava(specifier: string): Resolution {
    if (!this.javaByName) {
      this.javaByName = new Map();
      for (const file of this.repo.files) {
        if (!file.endsWith('.java')) continue;
        const name = file.slice(file.lastIndexOf('/') + 1, -5);
        const list = this.javaByName.get(name) ?? [];
        list.push(file);
        this.javaByName.set(name, list);
      }
    }
    const segments = specifier.split('.');
    if (segments[segments.length - 1] === '*') {
      const dirSuffix = segments.slice(0, -1).join('/');
      const files: string[] = [];
      for (const [dir, list] of this.filesByDir) {
        if (dir === dirSuffix || dir.endsWith(`/${dirSuffix}`)) files.push(...list.filter((f) => f.endsWith('.java')));
      }
      if (files.length > 0) return { files };
      // `import static a.b.Type.*` and `import a.b.Outer.*` (its nested types): the type's own file.
      return this.resolveJava(segments.slice(0, -1).join('.'));
    }
    // `a.b.Outer.Inner` and `import static a.b.Type.member`: the file is the first segment that names one.
    for (let end = segments.length; end >= 2; end--) {
      const suffix = `${segments.slice(0, end).join('/')}.java`;
      const found = (this.javaByName.get(segments[end - 1]!) ?? []).filter(
        (f) => f === suffix || f.endsWith(`/${suffix}`),
      );
      if (found.length > 0) return { files: found };
    }
    return { external: true };
  }
}

/** The targets of `exports` for a subpath, most specific condition first (types, import, require, node, default). */
export function exportTargets(field: unknown, subpath: string): string[] {
  const key = subpath === '' ? '.' : `./${subpath}`;
  let entry: unknown;
  if (typeof field === 'string' || Array.isArray(field)) entry = subpath === '' ? field : undefined;
  else if (isRecord(field)) {
    const keys = Object.keys(field);
    if (keys.some((k) => k.startsWith('.'))) {
      if (key in field) entry = field[key];
      else {
        // Subpath patterns: `./*` and `./features/*.js`.
        let best: { value: unknown; star: string; prefix: number } | undefined;
        for (const k of keys) {
          const star = k.indexOf('*');
          if (star < 0) continue;
          const prefix = k.slice(0, star);
          const suffix = k.slice(star + 1);
          if (
            key.startsWith(prefix) &&
            key.endsWith(suffix) &&
            key.length >= prefix.length + suffix.length &&
            (!best || prefix.length > best.prefix)
          ) {
            best = {
              value: field[k],
              star: key.slice(prefix.length, key.length - suffix.length),
              prefix: prefix.length,
            };
          }
        }
        if (best) return conditionTargets(best.value).map((t) => t.replace('*', best.star));
      }
    } else if (subpath === '') entry = field;
  }
  return entry === undefined ? [] : conditionTargets(entry);
}

/** Conditions nest a few levels in real packages; deeper ones are not followed (no stack proportional to the input). */
const MAX_CONDITION_DEPTH = 32;
/** Targets one `exports` entry may give: enough for any real package. */
const MAX_CONDITION_TARGETS = 1000;

function conditionTargets(value: unknown, depth = 0, out: string[] = []): string[] {
  if (out.length >= MAX_CONDITION_TARGETS || depth > MAX_CONDITION_DEPTH) return out;
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const inner of value) conditionTargets(inner, depth + 1, out);
  else if (isRecord(value)) {
    for (const condition of CONDITIONS) if (condition in value) conditionTargets(value[condition], depth + 1, out);
    for (const [condition, inner] of Object.entries(value))
      if (!CONDITIONS.includes(condition)) conditionTargets(inner, depth + 1, out);
  }
  return out;
}

const CONDITIONS = ['types', 'import', 'require', 'node', 'default'];

/** A chain of `extends` longer than this is not followed further (tsc allows any depth; no real one is this long). */
const MAX_EXTENDS_DEPTH = 64;

/**
 * The repository files a tsconfig's `extends` names, as the compiler finds them: a relative path (`.json` added when
 * it is missing), or a package path (`@org/tsconfig/base.json`, `@org/tsconfig`: its `tsconfig.json`) when the
 * package is one of the repository's own (`packageDir`). Any file name: `tsconfig.base.json`, `base.json`,
 * `config/strict`. A package from outside the repository (node_modules) is not seen.
 */
export function extendsTargets(
  file: string,
  config: unknown,
  files: ReadonlySet<string>,
  packageDir: (name: string) => string | undefined,
): string[] {
  if (!isRecord(config)) return [];
  const list =
    typeof config.extends === 'string' ? [config.extends] : Array.isArray(config.extends) ? config.extends : [];
  const out: string[] = [];
  const withJson = (target: string): string =>
    target.endsWith('.json') || files.has(target) ? target : `${target}.json`;
  for (const base of list) {
    if (typeof base !== 'string' || base === '') continue;
    if (base.startsWith('.')) {
      const target = joinPath(dirOf(file), base);
      if (target !== undefined) out.push(withJson(target));
      continue;
    }
    if (base.startsWith('/') || /^[a-z]:/i.test(base)) continue;
    const parts = base.split('/');
    const nameLength = base.startsWith('@') ? 2 : 1;
    const name = parts.slice(0, nameLength).join('/');
    const dir = packageDir(name);
    if (dir === undefined) continue;
    const rest = parts.slice(nameLength).join('/');
    const target = rest === '' ? joinPath(dir, 'tsconfig.json') : joinPath(dir, rest);
    if (target !== undefined) out.push(rest === '' ? target : withJson(target));
  }
  return out;
}
