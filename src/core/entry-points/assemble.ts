// Joins the files' facts into the repository's entry points: prefixes of routers mounted in another file, Next.js
// routes by path (with evidence that the folder is a Next.js app), and the file that defines each handler.
// The handler lookups here are the few this feature needs (a Go method in its package, a TS import, a Python
// module); they are small functions so that the shared symbol finder can take their place.
import * as posix from '../posix-path';
import { nextEntries, nextRouteOf } from './next';
import type { EntryFacts, EntryPoint, FoundEntry, FoundMount, HandlerRef, NestClassRef } from './types';

/** A router mounted under a prefix from another place. */
interface MountedAt {
  prefix: string;
  file: string;
  on: string;
  /** Flask `register_blueprint(bp, url_prefix=…)`: replaces the blueprint's own url_prefix. */
  replaces?: boolean;
}

const MAX_MOUNT_DEPTH = 6;
const MAX_PREFIXES = 8;

export function assembleEntryPoints(
  facts: ReadonlyMap<string, EntryFacts>,
  allFiles: Iterable<string> = facts.keys(),
): EntryPoint[] {
  const files = new Set(allFiles);
  for (const f of facts.keys()) files.add(f);
  const lookup = new HandlerLookup(facts, files);
  const mounts = mountIndex(facts, lookup);
  // One NestJS app per repository is the common case; with several global prefixes none is guessed.
  const nestPrefixes = new Set(
    [...facts.values()].flatMap((f) => (f.nestGlobalPrefix !== undefined ? [f.nestGlobalPrefix] : [])),
  );
  const nestPrefix = nestPrefixes.size === 1 ? [...nestPrefixes][0]! : '';
  const nestPaths = nestRouterPaths(facts, lookup);
  // Spring: interface name -> the controllers implementing it.
  const implementers = new Map<string, { file: string; className: string }[]>();
  for (const [file, found] of facts) {
    for (const c of found.springControllers ?? []) {
      for (const name of c.interfaces)
        implementers.set(name, [...(implementers.get(name) ?? []), { file, className: c.className }]);
    }
  }
  const out: EntryPoint[] = [];
  const prefixMemo = new Map<string, string[]>();
  for (const [file, found] of facts) {
    const entries: FoundEntry[] = [];
    for (const entry of found.entries) {
      const by = entry.springInterface !== undefined ? implementers.get(entry.springInterface) : undefined;
      if (!by) {
        entries.push(entry);
        continue;
      }
      // The route is served by each implementing controller, whose method is the handler.
      const method = entry.handler?.symbol?.slice(entry.handler.symbol.lastIndexOf('.') + 1) ?? '';
      for (const impl of by) {
        const point: EntryPoint = {
          kind: entry.kind,
          framework: entry.framework,
          file,
          line: entry.line,
          handlerFile: impl.file,
          handler: `${impl.className}.${method}`,
        };
        if (entry.method !== undefined) point.method = entry.method;
        if (entry.route !== undefined) point.route = entry.route;
        out.push(point);
      }
    }
    if (found.nextExports && isNextApp(file, found, files)) entries.push(...nextEntries(file, found));
    for (const entry of entries) {
      const prefixes: { prefix: string; replaces?: boolean }[] =
        entry.route === undefined
          ? [{ prefix: '' }]
          : entry.framework === 'nestjs'
            ? (nestPaths.get(`${file}\u0000${entry.router ?? ''}`) ?? ['']).map((p) => ({
                prefix: joinPrefix(nestPrefix, p),
              }))
            : innerPrefixes(mounts, file, entry.router ?? '', prefixMemo);
      const handler = lookup.resolve(file, entry.handler);
      for (const { prefix, replaces } of prefixes) {
        const point: EntryPoint = {
          kind: entry.kind,
          framework: entry.framework,
          file,
          line: entry.line,
          handlerFile: handler.file,
        };
        if (entry.method !== undefined) point.method = entry.method;
        const route = replaces && entry.bareRoute !== undefined ? entry.bareRoute : entry.route;
        if (route !== undefined) point.route = prefix ? joinPrefix(prefix, route) : route;
        if (entry.operation !== undefined) point.operation = entry.operation;
        if (handler.symbol !== undefined) point.handler = handler.symbol;
        out.push(point);
      }
    }
  }
  return dedupe(out).sort(byPlace);
}

/** NestJS RouterModule: controller (`file\0Class`) -> the paths its module is registered under. */
function nestRouterPaths(facts: ReadonlyMap<string, EntryFacts>, lookup: HandlerLookup): Map<string, string[]> {
  const where = (file: string, ref: NestClassRef): string | undefined => {
    if (ref.from === undefined) return `${file}\u0000${ref.name}`;
    const target = lookup.tsModule(file, ref.from);
    const name = ref.imported === 'default' ? facts.get(target ?? '')?.defaultExport : ref.imported;
    return target && name ? `${target}\u0000${name}` : undefined;
  };
  const modulePaths = new Map<string, string[]>();
  for (const [file, found] of facts) {
    for (const route of found.nestRoutes ?? []) {
      const key = where(file, route.module);
      if (key) modulePaths.set(key, [...(modulePaths.get(key) ?? []), route.path]);
    }
  }
  const out = new Map<string, string[]>();
  if (modulePaths.size === 0) return out;
  for (const [file, found] of facts) {
    for (const m of found.nestModules ?? []) {
      const paths = modulePaths.get(`${file}\u0000${m.className}`);
      if (!paths) continue;
      for (const c of m.controllers) {
        const key = where(file, c);
        if (key) out.set(key, [...new Set([...(out.get(key) ?? []), ...paths])].slice(0, MAX_PREFIXES));
      }
    }
  }
  return out;
}

function isNextApp(file: string, found: EntryFacts, files: Set<string>): boolean {
  if (found.importsNext) return true;
  const where = nextRouteOf(file);
  if (!where) return false;
  const dir = where.root ? `${where.root}/` : '';
  return ['js', 'mjs', 'cjs', 'ts', 'mts'].some((ext) => files.has(`${dir}next.config.${ext}`));
}

function mountIndex(facts: ReadonlyMap<string, EntryFacts>, lookup: HandlerLookup): Map<string, MountedAt[]> {
  const index = new Map<string, MountedAt[]>();
  for (const [file, found] of facts) {
    for (const mount of found.mounts) {
      const target = mountTarget(file, mount, facts, lookup);
      if (!target) continue;
      const key = `${target.file}\u0000${target.name}`;
      const list = index.get(key) ?? [];
      list.push({
        prefix: mount.prefix,
        file,
        on: (mount.router ?? '').replace(/\(\)$/, ''),
        ...(mount.replacesOwnPrefix ? { replaces: true } : {}),
      });
      index.set(key, list);
    }
  }
  return index;
}

function mountTarget(
  file: string,
  mount: FoundMount,
  facts: ReadonlyMap<string, EntryFacts>,
  lookup: HandlerLookup,
): { file: string; name: string } | undefined {
  if (mount.pyModule !== undefined) {
    // Django: `from blog import urls; include(urls)` mounts the submodule's `urlpatterns`.
    const submodule = mount.pySubmodule
      ? lookup.pythonModule(file, joinModule(mount.pyModule, mount.target))
      : undefined;
    if (submodule) return { file: submodule, name: 'urlpatterns' };
    const target = lookup.pythonModule(file, mount.pyModule);
    return target ? { file: target, name: mount.target } : undefined;
  }
  if (mount.goFunction) {
    const target = mount.goMethod
      ? lookup.goMethodFile(mount.target, mount.goImport!)
      : lookup.goFunctionFile(file, mount.target, mount.goImport);
    return target ? { file: target, name: mount.target } : undefined;
  }
  if (mount.from === undefined) return { file, name: mount.target };
  const target = lookup.tsModule(file, mount.from);
  if (!target) return undefined;
  const name =
    mount.imported === 'default' || mount.imported === '*' ? facts.get(target)?.defaultExport : mount.imported;
  return name === undefined ? undefined : { file: target, name };
}

/** The prefixes a router is served under, and whether the mount nearest to it replaces the router's own prefix. */
function innerPrefixes(
  mounts: Map<string, MountedAt[]>,
  file: string,
  router: string,
  memo: Map<string, string[]>,
): { prefix: string; replaces?: boolean }[] {
  const key = `${file}\u0000${router.replace(/\(\)$/, '')}`;
  const at = mounts.get(key);
  if (!at) return [{ prefix: '' }];
  const out = new Map<string, { prefix: string; replaces?: boolean }>();
  for (const m of at) {
    for (const outer of prefixesOf(mounts, m.file, m.on, 1, new Set([key]), memo)) {
      const prefix = joinPrefix(outer, m.prefix);
      out.set(`${prefix}\u0000${m.replaces === true}`, { prefix, ...(m.replaces ? { replaces: true } : {}) });
    }
  }
  // Mounted only inside itself (a cycle, a broken URL conf): listed as written.
  return out.size > 0 ? [...out.values()].slice(0, MAX_PREFIXES) : [{ prefix: '' }];
}

/**
 * The prefixes a router is served under, through the routers it is mounted on (at most MAX_MOUNT_DEPTH deep); a
 * mount that leads back into the chain (a cycle) contributes none. Memoised per router, depth and chain: a router
 * mounted 40 times on another is 40 steps per level, not 40 to the depth.
 */
function prefixesOf(
  mounts: Map<string, MountedAt[]>,
  file: string,
  router: string,
  depth: number,
  chain: Set<string>,
  memo: Map<string, string[]>,
): string[] {
  const key = `${file}\u0000${router.replace(/\(\)$/, '')}`;
  if (chain.has(key)) return [];
  const at = mounts.get(key);
  if (!at || depth >= MAX_MOUNT_DEPTH) return [''];
  const memoKey = `${key}\u0001${depth}\u0001${[...chain].join('\u0001')}`;
  const known = memo.get(memoKey);
  if (known) return known;
  const inner = new Set([...chain, key]);
  const out = new Set<string>();
  for (const m of at)
    for (const outer of prefixesOf(mounts, m.file, m.on, depth + 1, inner, memo)) out.add(joinPrefix(outer, m.prefix));
  // Mounted only inside itself: served at its own root.
  const result = out.size > 0 ? [...out].slice(0, MAX_PREFIXES) : [''];
  memo.set(memoKey, result);
  return result;
}

function joinModule(module: string, name: string): string {
  return module.endsWith('.') ? `${module}${name}` : `${module}.${name}`;
}

/** `/api` + `/orders` = `/api/orders`; Django's `api/` + `/orders/` = `/api/orders/`. */
export function joinPrefix(prefix: string, route: string): string {
  if (!prefix) return route;
  const head = prefix.startsWith('/') || prefix.startsWith('^') ? prefix : `/${prefix}`;
  const tail = route.replace(/^\^/, '');
  if (tail === '/' || tail === '') return head;
  return `${head.replace(/\/+$/, '')}/${tail.replace(/^\/+/, '')}`;
}

const TS_EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'];

/** Finds the file that defines a handler, from what the registering file says about it. */
export class HandlerLookup {
  private readonly byDir = new Map<string, string[]>();

  constructor(
    private readonly facts: ReadonlyMap<string, EntryFacts>,
    private readonly files: ReadonlySet<string>,
  ) {
    for (const file of facts.keys()) {
      if (!file.endsWith('.go') || file.endsWith('_test.go')) continue;
      const dir = posix.dirname(file);
      const list = this.byDir.get(dir) ?? [];
      list.push(file);
      this.byDir.set(dir, list);
    }
  }

  /** The handler's symbol and defining file; the registering file when the handler cannot be followed. */
  resolve(file: string, handler: HandlerRef | undefined): { file: string; symbol?: string } {
    if (!handler) return { file };
    const here = handler.symbol !== undefined ? { file, symbol: handler.symbol } : { file };
    if (handler.from !== undefined) {
      const target = this.tsModule(file, handler.from);
      return target ? { ...here, file: target } : here;
    }
    if (handler.goMethod !== undefined) return this.goMethod(file, handler.goMethod) ?? { file };
    if (handler.goFunc !== undefined) {
      const dir = handler.goImport !== undefined ? this.goPackageDir(handler.goImport) : posix.dirname(file);
      const target = dir === undefined ? undefined : this.goFunc(dir, handler.goFunc);
      // A name of another package that is not one of its functions (a variable, a type): no symbol is claimed.
      return target ? { file: target, symbol: handler.goFunc } : handler.goImport !== undefined ? { file } : here;
    }
    if (handler.pyModule !== undefined) {
      const target = this.pythonModule(file, handler.pyModule);
      return target ? { ...here, file: target } : here;
    }
    return here;
  }

  /** A relative import, resolved as the compiler does: extensions, `index` files, `.js` written for `.ts`. */
  tsModule(from: string, spec: string): string | undefined {
    if (!spec.startsWith('.')) return undefined;
    const base = posix.normalize(posix.join(posix.dirname(from), spec));
    const stems = [base, base.replace(/\.(m|c)?jsx?$/, '')];
    if (this.files.has(base) && TS_EXTENSIONS.some((e) => base.endsWith(e))) return base;
    for (const stem of stems) {
      for (const ext of TS_EXTENSIONS) if (this.files.has(`${stem}${ext}`)) return `${stem}${ext}`;
      for (const ext of TS_EXTENSIONS) if (this.files.has(`${stem}/index${ext}`)) return `${stem}/index${ext}`;
    }
    return undefined;
  }

  /** `h.showUnreadPage`: the file of the same package that defines a method of that name, when only one type does. */
  goMethod(file: string, method: string): { file: string; symbol: string } | undefined {
    const found: { file: string; symbol: string }[] = [];
    for (const candidate of this.byDir.get(posix.dirname(file)) ?? []) {
      for (const symbol of this.facts.get(candidate)?.goMethods ?? [])
        if (symbol.endsWith(`.${method}`)) found.push({ file: candidate, symbol });
    }
    return found.length === 1 ? found[0] : undefined;
  }

  /** The file defining function `name` in the file's own package, or in the imported package `importPath`. */
  goFunctionFile(file: string, name: string, importPath?: string): string | undefined {
    const dir = importPath !== undefined ? this.goPackageDir(importPath) : posix.dirname(file);
    return dir === undefined ? undefined : this.goFunc(dir, name);
  }

  /** The file of the imported package `importPath` defining a method `name`, when only one type there has one. */
  goMethodFile(name: string, importPath: string): string | undefined {
    const dir = this.goPackageDir(importPath);
    const found = (dir === undefined ? [] : (this.byDir.get(dir) ?? [])).filter((candidate) =>
      this.facts.get(candidate)?.goMethods?.some((m) => m.endsWith(`.${name}`)),
    );
    return found.length === 1 ? found[0] : undefined;
  }

  private goFunc(dir: string, name: string): string | undefined {
    return (this.byDir.get(dir) ?? []).find((candidate) => this.facts.get(candidate)?.goFuncs?.includes(name));
  }

  /** The folder of an imported package of this repository: the longest folder the import path ends with. */
  private goPackageDir(importPath: string): string | undefined {
    let best: string | undefined;
    for (const dir of this.byDir.keys()) {
      if ((importPath === dir || importPath.endsWith(`/${dir}`)) && (best === undefined || dir.length > best.length))
        best = dir;
    }
    return best;
  }

  /** `.views` relative to the file's package, or `shop.views` anywhere in the repository (the shortest path when several match). */
  pythonModule(from: string, module: string): string | undefined {
    const dots = /^\.*/.exec(module)![0].length;
    const rest = module
      .slice(dots)
      .split('.')
      .filter((s) => s.length > 0)
      .join('/');
    if (dots > 0) {
      let dir = posix.dirname(from);
      for (let i = 1; i < dots; i++) dir = posix.dirname(dir);
      const stem = dir === '.' ? rest : rest ? `${dir}/${rest}` : dir;
      return [`${stem}.py`, `${stem}/__init__.py`].find((f) => this.files.has(f));
    }
    const matches = [...this.files].filter(
      (f) =>
        f === `${rest}.py` ||
        f.endsWith(`/${rest}.py`) ||
        f === `${rest}/__init__.py` ||
        f.endsWith(`/${rest}/__init__.py`),
    );
    return matches.length === 1 ? matches[0] : matches.sort((a, b) => a.length - b.length)[0];
  }
}

function dedupe(points: EntryPoint[]): EntryPoint[] {
  const seen = new Set<string>();
  return points.filter((p) => {
    const key = [p.file, p.line, p.kind, p.method, p.route, p.operation, p.handlerFile].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function byPlace(a: EntryPoint, b: EntryPoint): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line;
}
