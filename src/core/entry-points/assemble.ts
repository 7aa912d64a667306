// Joins the files' facts into the repository's entry points: prefixes of routers mounted in another file, Next.js
// routes by path (with evidence that the folder is a Next.js app), and the file that defines each handler.
// The handler lookups here are the few this feature needs (a Go method in its package, a TS import, a Python
// module); they are small functions so that the shared symbol finder can take their place.
import * as posix from 'node:path/posix';
import { nextEntries, nextRouteOf } from './next';
import type { EntryFacts, EntryPoint, FoundEntry, FoundMount, HandlerRef } from './types';

/** A router mounted under a prefix from another place. */
interface MountedAt {
  prefix: string;
  file: string;
  on: string;
}

const MAX_MOUNT_DEPTH = 6;
const MAX_PREFIXES = 8;

export function assembleEntryPoints(facts: ReadonlyMap<string, EntryFacts>, allFiles: Iterable<string> = facts.keys()): EntryPoint[] {
  const files = new Set(allFiles);
  for (const f of facts.keys()) files.add(f);
  const lookup = new HandlerLookup(facts, files);
  const mounts = mountIndex(facts, lookup);
  // One NestJS app per repository is the common case; with several global prefixes none is guessed.
  const nestPrefixes = new Set([...facts.values()].flatMap((f) => (f.nestGlobalPrefix !== undefined ? [f.nestGlobalPrefix] : [])));
  const nestPrefix = nestPrefixes.size === 1 ? [...nestPrefixes][0]! : '';
  const out: EntryPoint[] = [];
  const prefixMemo = new Map<string, string[]>();
  for (const [file, found] of facts) {
    const entries: FoundEntry[] = [...found.entries];
    if (found.nextExports && isNextApp(file, found, files)) entries.push(...nextEntries(file, found));
    for (const entry of entries) {
      const prefixes = entry.route === undefined ? [''] : entry.framework === 'nestjs' ? [nestPrefix] : prefixesOf(mounts, file, entry.router ?? '', 0, prefixMemo);
      const handler = lookup.resolve(file, entry.handler);
      for (const prefix of prefixes) {
        const point: EntryPoint = { kind: entry.kind, framework: entry.framework, file, line: entry.line, handlerFile: handler.file };
        if (entry.method !== undefined) point.method = entry.method;
        if (entry.route !== undefined) point.route = prefix ? joinPrefix(prefix, entry.route) : entry.route;
        if (entry.operation !== undefined) point.operation = entry.operation;
        if (handler.symbol !== undefined) point.handler = handler.symbol;
        out.push(point);
      }
    }
  }
  return dedupe(out).sort(byPlace);
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
      list.push({ prefix: mount.prefix, file, on: (mount.router ?? '').replace(/\(\)$/, '') });
      index.set(key, list);
    }
  }
  return index;
}

function mountTarget(file: string, mount: FoundMount, facts: ReadonlyMap<string, EntryFacts>, lookup: HandlerLookup): { file: string; name: string } | undefined {
  if (mount.pyModule !== undefined) {
    const target = lookup.pythonModule(file, mount.pyModule);
    if (!target) return undefined;
    // Django's include('shop.urls') mounts the whole module.
    return { file: target, name: mount.target === mount.pyModule ? '' : mount.target };
  }
  if (mount.goFunction) {
    const target = lookup.goFunctionFile(file, mount.target, mount.goImport);
    return target ? { file: target, name: mount.target } : undefined;
  }
  if (mount.from === undefined) return { file, name: mount.target };
  const target = lookup.tsModule(file, mount.from);
  if (!target) return undefined;
  const name = mount.imported === 'default' || mount.imported === '*' ? facts.get(target)?.defaultExport : mount.imported;
  return name === undefined ? undefined : { file: target, name };
}

/**
 * The prefixes a router is served under, through the routers it is mounted on (at most MAX_MOUNT_DEPTH deep).
 * Memoised per router and depth: a router mounted on itself 40 times is 40 × depth steps, not 40 to the depth.
 */
function prefixesOf(mounts: Map<string, MountedAt[]>, file: string, router: string, depth: number, memo = new Map<string, string[]>()): string[] {
  const key = `${file}\u0000${router.replace(/\(\)$/, '')}`;
  const at = mounts.get(key);
  if (!at || depth >= MAX_MOUNT_DEPTH) return [''];
  const memoKey = `${key}\u0000${depth}`;
  const known = memo.get(memoKey);
  if (known) return known;
  const out = new Set<string>();
  for (const m of at) {
    for (const outer of prefixesOf(mounts, m.file, m.on, depth + 1, memo)) out.add(joinPrefix(outer, m.prefix));
  }
  const result = [...out].slice(0, MAX_PREFIXES);
  memo.set(memoKey, result);
  return result;
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
      for (const symbol of this.facts.get(candidate)?.goMethods ?? []) if (symbol.endsWith(`.${method}`)) found.push({ file: candidate, symbol });
    }
    return found.length === 1 ? found[0] : undefined;
  }

  /** The file defining function `name` in the file's own package, or in the imported package `importPath`. */
  goFunctionFile(file: string, name: string, importPath?: string): string | undefined {
    const dir = importPath !== undefined ? this.goPackageDir(importPath) : posix.dirname(file);
    return dir === undefined ? undefined : this.goFunc(dir, name);
  }

  private goFunc(dir: string, name: string): string | undefined {
    return (this.byDir.get(dir) ?? []).find((candidate) => this.facts.get(candidate)?.goFuncs?.includes(name));
  }

  /** The folder of an imported package of this repository: the longest folder the import path ends with. */
  private goPackageDir(importPath: string): string | undefined {
    let best: string | undefined;
    for (const dir of this.byDir.keys()) {
      if ((importPath === dir || importPath.endsWith(`/${dir}`)) && (best === undefined || dir.length > best.length)) best = dir;
    }
    return best;
  }

  /** `.views` relative to the file's package, or `shop.views` anywhere in the repository (the shortest path when several match). */
  pythonModule(from: string, module: string): string | undefined {
    const dots = /^\.*/.exec(module)![0].length;
    const rest = module.slice(dots).split('.').filter((s) => s.length > 0).join('/');
    if (dots > 0) {
      let dir = posix.dirname(from);
      for (let i = 1; i < dots; i++) dir = posix.dirname(dir);
      const stem = dir === '.' ? rest : rest ? `${dir}/${rest}` : dir;
      return [`${stem}.py`, `${stem}/__init__.py`].find((f) => this.files.has(f));
    }
    const matches = [...this.files].filter((f) => f === `${rest}.py` || f.endsWith(`/${rest}.py`) || f === `${rest}/__init__.py` || f.endsWith(`/${rest}/__init__.py`));
    return matches.length === 1 ? matches[0] : matches.sort((a, b) => a.length - b.length)[0];
  }
}

function dedupe(points: EntryPoint[]): EntryPoint[] {
  const seen = new Set<string>();
  return points.filter((p) => {
    const key = [p.file, p.line, p.kind, p.method, p.route, p.operation].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function byPlace(a: EntryPoint, b: EntryPoint): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line;
}
