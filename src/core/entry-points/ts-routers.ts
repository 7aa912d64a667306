// Express, Fastify, Koa (@koa/router) and Hono: `app.get('/x', handler)` on a router the file creates with the
// framework (or takes as a parameter typed with one of its types), and `app.use('/api', router)` mounts.
// A call on anything else (`map.get('x')`, `axios.get('/x')`) is not a route.
import type { Node } from '../code/parser';
import type { EntryFacts } from './types';
import { HTTP_METHODS, kids, lineOf, literal, walk } from './tree';
import { enclosingTopLevel, importedFrom, importsAny, tsHandler, type TsModule } from './ts-module';

const FRAMEWORKS: Readonly<Record<string, string>> = {
  express: 'express',
  fastify: 'fastify',
  koa: 'koa',
  '@koa/router': 'koa',
  'koa-router': 'koa',
  hono: 'hono',
};
const PACKAGES = Object.keys(FRAMEWORKS);
const ROUTE_METHODS = new Set<string>([...HTTP_METHODS, 'all']);

interface Router {
  framework: string;
  /** `new Router({ prefix: '/api' })`, `new Hono().basePath('/api')`. */
  prefix: string;
}

export function detectTsRouters(module: TsModule, facts: EntryFacts): void {
  if (!importsAny(module, PACKAGES)) return;
  const routers = findRouters(module);
  if (routers.size === 0) return;
  walk(module.root, (node) => {
    if (node.type !== 'call_expression') return;
    const fn = node.childForFieldName('function');
    if (fn?.type !== 'member_expression') return;
    const object = fn.childForFieldName('object');
    const name = fn.childForFieldName('property')?.text ?? '';
    const args = kids(node.childForFieldName('arguments') ?? node);
    // router.route('/x').get(h).post(h2)
    if (object?.type === 'call_expression' && ROUTE_METHODS.has(name)) {
      const chainRoot = routeChain(object, routers);
      if (chainRoot) {
        facts.entries.push({
          kind: 'http',
          framework: chainRoot.router.framework,
          method: methodOf(name),
          route: joinPrefix(chainRoot.router.prefix, chainRoot.route),
          line: lineOf(node),
          ...handlerOf(args[args.length - 1], module),
          ...scopeOf(node, chainRoot.name, module),
        });
      }
      return;
    }
    const first = literal(args[0]);
    // Fastify's route({ method, url, handler }) is a route, not a mount: read below.
    if (name === 'use' || (name === 'route' && first !== undefined)) {
      const owner = mountOwner(node, object, routers, module);
      if (!owner) return;
      if (first !== undefined && isRoutePath(first) && args.length >= 2) {
        // app.use('/api', auth, router); app.route('/api', sub) (Hono); router.use('/x', sub.routes()) (Koa)
        mount(facts, module, joinPrefix(owner.router.prefix, first), args[args.length - 1], owner.name);
      } else if (name === 'use' && first === undefined) {
        // app.use(routes), Router().use(tags).use(articles): every router passed is served at the owner's root.
        for (const arg of args) mount(facts, module, owner.router.prefix, arg, owner.name);
      }
      return;
    }
    if (object?.type !== 'identifier') return;
    const router = routers.get(object.text);
    if (!router) return;
    if (ROUTE_METHODS.has(name) && first !== undefined && isRoutePath(first) && args.length >= 2) {
      facts.entries.push({
        kind: 'http',
        framework: router.framework,
        method: methodOf(name),
        route: joinPrefix(router.prefix, first),
        line: lineOf(node),
        ...handlerOf(args[args.length - 1], module),
        ...scopeOf(node, object.text, module),
      });
    } else if (name === 'route' && router.framework === 'fastify' && args[0]?.type === 'object') {
      const options = objectPairs(args[0]);
      const url = literal(options.get('url') ?? options.get('path'));
      const methodNode = options.get('method');
      const methods = methodNode?.type === 'array' ? kids(methodNode).map((m) => literal(m)) : [literal(methodNode)];
      if (url === undefined || !isRoutePath(url)) return;
      for (const method of methods) {
        if (method === undefined) continue;
        facts.entries.push({
          kind: 'http',
          framework: 'fastify',
          method: method.toUpperCase(),
          route: joinPrefix(router.prefix, url),
          line: lineOf(node),
          ...handlerOf(options.get('handler'), module),
          ...scopeOf(node, object.text, module),
        });
      }
    } else if (
      name === 'register' &&
      router.framework === 'fastify' &&
      args.length >= 2 &&
      args[1]?.type === 'object'
    ) {
      // fastify.register(plugin, { prefix: '/api' })
      const prefix = literal(objectPairs(args[1]).get('prefix'));
      if (prefix !== undefined) mount(facts, module, joinPrefix(router.prefix, prefix), args[0], object.text);
    }
  });
}

function mount(facts: EntryFacts, module: TsModule, prefix: string, targetNode: Node | undefined, on: string): void {
  let target = targetNode;
  // sub.routes(), sub.middleware()
  if (target?.type === 'call_expression') {
    const fn = target.childForFieldName('function');
    if (fn?.type === 'member_expression') target = fn.childForFieldName('object') ?? undefined;
  }
  // app.use('/users', require('./routes/users')): the module's default export (`module.exports = router`).
  if (target?.type === 'call_expression' && target.childForFieldName('function')?.text === 'require') {
    const from = literal(kids(target.childForFieldName('arguments') ?? target)[0]);
    if (from !== undefined) facts.mounts.push({ prefix, target: 'require', router: on, from, imported: 'default' });
    return;
  }
  // app.use('/users', makeRouter()): the routes the function registers on the router it makes (named `makeRouter()`).
  if (target?.type === 'call_expression' && target.childForFieldName('function')?.type === 'identifier') {
    const fn = target.childForFieldName('function')!.text;
    const imported = module.imports.get(fn);
    facts.mounts.push({
      prefix,
      target: fn,
      router: on,
      ...(imported ? { from: imported.from, imported: imported.imported } : {}),
    });
    return;
  }
  // app.use('/orders', orders.router) with `import * as orders from './orders'` (or `const orders = require(…)`).
  if (target?.type === 'member_expression') {
    const object = target.childForFieldName('object');
    const property = target.childForFieldName('property')?.text;
    const imported = object?.type === 'identifier' ? module.imports.get(object.text) : undefined;
    if (imported?.imported === '*' && property)
      facts.mounts.push({ prefix, target: property, router: on, from: imported.from, imported: property });
    return;
  }
  if (target?.type !== 'identifier') return;
  const imported = module.imports.get(target.text);
  facts.mounts.push({
    prefix,
    target: target.text,
    router: on,
    ...(imported ? { from: imported.from, imported: imported.imported } : {}),
  });
}

/**
 * The router a `use`/`route` call mounts on: a router variable (`app.use(…)`), or a chain that starts from one
 * (`app.use(a).use(b)`) or from a router created in place (`const api = Router().use(a)`, `export default
 * Router().use('/api', api)`), named after what the chain is assigned to (`default` for a default export).
 */
function mountOwner(
  call: Node,
  object: Node | null,
  routers: Map<string, Router>,
  module: TsModule,
): { name: string; router: Router } | undefined {
  if (object?.type === 'identifier') {
    const router = routers.get(object.text);
    return router ? { name: object.text, router } : undefined;
  }
  let root: Node | null = object;
  while (root?.type === 'call_expression') {
    const fn: Node | null = root.childForFieldName('function');
    if (fn?.type !== 'member_expression') break;
    root = fn.childForFieldName('object');
  }
  if (root?.type === 'identifier') {
    const router = routers.get(root.text);
    return router ? { name: root.text, router } : undefined;
  }
  const created = root ? createdRouter(root, module) : undefined;
  if (!created) return undefined;
  const owner = chainOwner(call);
  return owner ? { name: owner, router: created } : undefined;
}

/** What a call chain is assigned to: `const api = …` -> `api`, `export default …` -> `default`. */
function chainOwner(call: Node): string | undefined {
  let top = call;
  while (top.parent?.type === 'member_expression' && top.parent.parent?.type === 'call_expression')
    top = top.parent.parent;
  const parent = top.parent;
  if (parent?.type === 'variable_declarator') return parent.childForFieldName('name')?.text;
  if (parent?.type === 'export_statement') return 'default';
  return undefined;
}

/** The routers of the file: created with the framework, or parameters typed with its types. */
function findRouters(module: TsModule): Map<string, Router> {
  const routers = new Map<string, Router>();
  walk(module.root, (node) => {
    if (node.type === 'variable_declarator') {
      const name = node.childForFieldName('name');
      const value = node.childForFieldName('value');
      if (name?.type !== 'identifier' || !value) return;
      let root: Node = value;
      // const api = Router().use(a).use(b)
      for (
        let fn = root.type === 'call_expression' ? root.childForFieldName('function') : null;
        fn?.type === 'member_expression' && fn.childForFieldName('property')?.text === 'use';
      ) {
        const inner = fn.childForFieldName('object');
        if (!inner) break;
        root = inner;
        fn = root.type === 'call_expression' ? root.childForFieldName('function') : null;
      }
      const created = createdRouter(root, module);
      if (created) routers.set(name.text, created);
    }
    if (node.type === 'required_parameter' || node.type === 'optional_parameter') {
      const name = node.childForFieldName('pattern');
      const type = node.childForFieldName('type');
      if (name?.type !== 'identifier' || !type) return;
      const typeName = kids(type)[0];
      const head = (typeName?.type === 'generic_type' ? kids(typeName)[0] : typeName)?.text.split('.')[0] ?? '';
      const typed = module.typeImports.get(head);
      const from =
        importedFrom(module, head, PACKAGES) ??
        (typed && PACKAGES.includes(rootPackage(typed.from)) ? typed : undefined);
      if (from) routers.set(name.text, { framework: FRAMEWORKS[rootPackage(from.from)] ?? 'express', prefix: '' });
    }
  });
  return routers;
}

function createdRouter(value: Node, module: TsModule): Router | undefined {
  let node = value;
  if (node.type === 'await_expression') node = kids(node)[0] ?? node;
  // new Hono().basePath('/api')
  if (node.type === 'call_expression') {
    const fn = node.childForFieldName('function');
    if (fn?.type === 'member_expression' && fn.childForFieldName('property')?.text === 'basePath') {
      const inner = fn.childForFieldName('object');
      const base = inner ? createdRouter(inner, module) : undefined;
      const prefix = literal(kids(node.childForFieldName('arguments') ?? node)[0]);
      if (base && prefix !== undefined) return { framework: base.framework, prefix: joinPrefix(base.prefix, prefix) };
      return undefined;
    }
  }
  if (node.type !== 'call_expression' && node.type !== 'new_expression') return undefined;
  const callee =
    node.type === 'call_expression' ? node.childForFieldName('function') : node.childForFieldName('constructor');
  if (!callee) return undefined;
  // express(), Router(), Fastify(), new Koa(), new Router(), new Hono(), express.Router(), require('express').Router()
  const head = callee.type === 'member_expression' ? callee.childForFieldName('object') : callee;
  const required =
    head?.type === 'call_expression' && head.childForFieldName('function')?.text === 'require'
      ? literal(kids(head.childForFieldName('arguments') ?? head)[0])
      : undefined;
  if (head?.type !== 'identifier' && required === undefined) return undefined;
  const from =
    required !== undefined
      ? PACKAGES.includes(rootPackage(required))
        ? { from: required }
        : undefined
      : importedFrom(module, head!.text, PACKAGES);
  if (!from) return undefined;
  if (callee.type === 'member_expression' && callee.childForFieldName('property')?.text !== 'Router') return undefined;
  const framework = FRAMEWORKS[rootPackage(from.from)] ?? 'express';
  const options = kids(node.childForFieldName('arguments') ?? node)[0];
  const prefix = options?.type === 'object' ? literal(objectPairs(options).get('prefix')) : undefined;
  return { framework, prefix: prefix ?? '' };
}

function routeChain(
  call: Node,
  routers: Map<string, Router>,
): { router: Router; name: string; route: string } | undefined {
  let node: Node | null = call;
  while (node?.type === 'call_expression') {
    const fn: Node | null = node.childForFieldName('function');
    if (fn?.type !== 'member_expression') return undefined;
    const object = fn.childForFieldName('object');
    if (fn.childForFieldName('property')?.text === 'route' && object?.type === 'identifier') {
      const router = routers.get(object.text);
      const route = literal(kids(node.childForFieldName('arguments') ?? node)[0]);
      return router && route !== undefined && isRoutePath(route) ? { router, name: object.text, route } : undefined;
    }
    node = object;
  }
  return undefined;
}

function handlerOf(node: Node | undefined, module: TsModule): { handler?: ReturnType<typeof tsHandler> } {
  // fastify.get('/x', { handler })
  if (node?.type === 'object') {
    const handler = objectPairs(node).get('handler');
    return handler ? handlerOf(handler, module) : {};
  }
  const handler = tsHandler(node, module);
  return handler ? { handler } : {};
}

/** Routes registered on a function's parameter (a Fastify plugin, `export function routes(router: Router)`). */
function scopeOf(node: Node, router: string, module: TsModule): { router: string } {
  if (module.locals.has(router) || module.imports.has(router)) return { router };
  const scope = enclosingTopLevel(node);
  return { router: scope ? `${scope}()` : router };
}

export function objectPairs(object: Node): Map<string, Node> {
  const out = new Map<string, Node>();
  for (const part of kids(object)) {
    if (part.type === 'pair') {
      const key = part.childForFieldName('key');
      const value = part.childForFieldName('value');
      const name = key ? (literal(key) ?? key.text) : undefined;
      if (name !== undefined && value) out.set(name, value);
    }
    if (part.type === 'shorthand_property_identifier') out.set(part.text, part);
  }
  return out;
}

function isRoutePath(route: string): boolean {
  return route.startsWith('/') || route === '*';
}

function methodOf(name: string): string {
  return name === 'all' ? 'ANY' : name.toUpperCase();
}

function joinPrefix(prefix: string, route: string): string {
  if (!prefix) return route;
  return `${prefix.replace(/\/+$/, '')}${route === '/' ? '' : route}` || '/';
}

function rootPackage(spec: string): string {
  return PACKAGES.find((p) => spec === p || spec.startsWith(`${p}/`)) ?? spec;
}
