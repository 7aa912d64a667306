// Next.js pages and route handlers, found by their path: `pages/**` (API routes under `pages/api`),
// `app/**/page.tsx` and `app/**/route.ts` (one entry per exported GET, POST…). The assembly keeps them only with
// evidence that the folder is a Next.js app (a next.config beside it, or an import of `next`).
import type { Node } from '../code/parser';
import type { EntryFacts, FoundEntry } from './types';
import { kids, lineOf } from './tree';
import { importsAny, type TsModule } from './ts-module';

const ROUTE_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
const SCRIPT = /\.(tsx|ts|jsx|js|mjs)$/;

/** Where a path sits in a Next.js app: the app's folder and the route, or nothing. */
export function nextRouteOf(
  path: string,
): { root: string; router: 'pages' | 'app'; route: string; api: boolean; file: string } | undefined {
  if (!SCRIPT.test(path) || /\.(test|spec|stories|d)\.[a-z]+$/.test(path)) return undefined;
  const segments = path.split('/');
  const at = segments.findIndex((s, i) => (s === 'pages' || s === 'app') && i < segments.length - 1);
  if (at < 0) return undefined;
  const router = segments[at] as 'pages' | 'app';
  let root = segments.slice(0, at).join('/');
  if (root === 'src' || root.endsWith('/src')) root = root.slice(0, -'src'.length).replace(/\/$/, '');
  const rest = segments.slice(at + 1);
  const file = rest.pop()!.replace(SCRIPT, '');
  if (rest.some((s) => s.startsWith('_') || s === 'node_modules' || s === 'components')) return undefined;
  if (router === 'app') {
    if (file !== 'page' && file !== 'route') return undefined;
    const parts = rest.filter((s) => !(s.startsWith('(') && s.endsWith(')')) && !s.startsWith('@'));
    return { root, router, route: `/${parts.join('/')}`, api: file === 'route', file };
  }
  if (file.startsWith('_')) return undefined;
  const parts = file === 'index' ? rest : [...rest, file];
  return { root, router, route: `/${parts.join('/')}`, api: rest[0] === 'api', file };
}

/**
 * What a Next.js page or route handler needs from its file: the default export and the exported HTTP-method
 * functions. Recorded for every file (an answer is cached by content, not path); the assembly keeps them only for
 * files whose path is a page or a route.
 */
export function detectNextExports(module: TsModule, facts: EntryFacts): void {
  if (importsAny(module, ['next'])) facts.importsNext = true;
  const exported = exportedNames(module.root);
  const methods = ROUTE_METHODS.flatMap((method) => {
    const found = exported.get(method);
    return found ? [{ method, line: lineOf(found.node) }] : [];
  });
  const page = exported.get('default');
  if (!page && methods.length === 0) return;
  facts.nextExports = {
    methods,
    ...(page ? { defaultExport: { line: lineOf(page.node), ...(page.name ? { name: page.name } : {}) } } : {}),
  };
}

/** The entries of a file that sits where Next.js serves pages or route handlers. */
export function nextEntries(path: string, facts: EntryFacts): FoundEntry[] {
  const where = nextRouteOf(path);
  const exports = facts.nextExports;
  if (!where || !exports) return [];
  const base = { framework: 'nextjs', route: where.route };
  if (where.router === 'app' && where.file === 'route') {
    return exports.methods.map(({ method, line }) => ({
      ...base,
      kind: 'http' as const,
      method,
      line,
      handler: { local: true, symbol: method },
    }));
  }
  const page = exports.defaultExport;
  if (!page) return [];
  return [
    {
      ...base,
      kind: where.api ? ('http' as const) : ('page' as const),
      ...(where.api ? { method: 'ANY' } : {}),
      line: page.line,
      handler: { local: true, ...(page.name ? { symbol: page.name } : {}) },
    },
  ];
}

interface Exported {
  node: Node;
  name?: string;
}

/** The file's exports by name (`default` for the default export), with the node that exports each. */
function exportedNames(root: Node): Map<string, Exported> {
  const out = new Map<string, Exported>();
  for (const statement of kids(root)) {
    if (statement.type !== 'export_statement') continue;
    const declaration = statement.childForFieldName('declaration');
    if (statement.text.startsWith('export default')) {
      const name = declaration?.childForFieldName('name')?.text ?? statement.childForFieldName('value')?.text;
      out.set('default', { node: statement, ...(name && /^[A-Za-z_$][\w$]*$/.test(name) ? { name } : {}) });
      continue;
    }
    if (declaration) {
      const name = declaration.childForFieldName('name')?.text;
      if (name) out.set(name, { node: statement, name });
      for (const declarator of kids(declaration).filter((k) => k.type === 'variable_declarator')) {
        const n = declarator.childForFieldName('name')?.text;
        if (n) out.set(n, { node: statement, name: n });
      }
    }
    // export { handler as GET, POST }
    for (const clause of kids(statement).filter((k) => k.type === 'export_clause')) {
      for (const spec of kids(clause)) {
        const name = spec.childForFieldName('name')?.text;
        const alias = spec.childForFieldName('alias')?.text;
        if (name) out.set(alias ?? name, { node: statement, name });
      }
    }
  }
  return out;
}
