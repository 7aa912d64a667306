// Go HTTP routers: net/http (with Go 1.22 `"GET /path"` patterns), gorilla/mux (`.Methods("GET")`,
// `PathPrefix().Subrouter()`), chi (`r.Get`, `r.Route("/x", func(r chi.Router) {…})`), gin and echo (`r.GET`,
// `r.Group("/api")`). A framework's calls count only in a file that imports it. The file's own methods and functions
// are listed too, so `h.showUnreadPage` can be found in the file of its package that defines it.
import type { Node } from '../code/parser';
import type { EntryFacts, HandlerRef } from './types';
import { kids, lineOf, literal, walk } from './tree';

type Framework = 'net/http' | 'gorilla' | 'chi' | 'gin' | 'echo';

const IMPORTS: Readonly<Record<string, Framework>> = {
  'net/http': 'net/http',
  'github.com/gorilla/mux': 'gorilla',
  'github.com/go-chi/chi': 'chi',
  'github.com/go-chi/chi/v5': 'chi',
  'github.com/gin-gonic/gin': 'gin',
  'github.com/labstack/echo': 'echo',
  'github.com/labstack/echo/v4': 'echo',
};
const CHI_METHODS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'Head', 'Options', 'Connect', 'Trace']);
const UPPER_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'CONNECT', 'TRACE']);

export function detectGo(root: Node, facts: EntryFacts): void {
  returnedCache = new Map();
  const imports = new Map<string, string>();
  const frameworks = new Set<Framework>();
  const methods: string[] = [];
  const funcs: string[] = [];
  for (const node of kids(root)) {
    if (node.type === 'import_declaration') {
      walk(node, (spec) => {
        if (spec.type !== 'import_spec') return;
        const path = literal(spec.childForFieldName('path'));
        if (path === undefined) return false;
        const alias = spec.childForFieldName('name')?.text ?? defaultAlias(path);
        imports.set(alias, path);
        const framework = IMPORTS[path];
        if (framework) frameworks.add(framework);
        return false;
      });
    }
    if (node.type === 'method_declaration') {
      const receiver = kids(node.childForFieldName('receiver') ?? node)[0]?.childForFieldName('type');
      const type = receiver ? baseType(receiver) : undefined;
      const name = node.childForFieldName('name')?.text;
      if (type && name) methods.push(`${type}.${name}`);
    }
    if (node.type === 'function_declaration') {
      const name = node.childForFieldName('name')?.text;
      if (name) funcs.push(name);
    }
  }
  facts.goMethods = methods;
  facts.goFuncs = funcs;
  // A file that imports no router package may still make groups and hand them on (`v1 := r.Group("/api");
  // h.Register(v1)` with `r := router.New()` from a package of the repository): only the prefixes it hands to a
  // registering function are read; the evidence is that function's parameter, typed with the framework's group.
  const handsOnly = frameworks.size === 0;
  if (handsOnly && !root.text.includes('.Group(')) return;

  // Prefixes of routers made from others: `api := r.PathPrefix("/api").Subrouter()`, `g := r.Group("/api")`,
  // and the parameter of `r.Route("/api", func(r chi.Router) {…})` inside its function.
  const prefixes = new Map<string, string>();
  const prefixAt = (node: Node, name: string): string => {
    for (let at: Node | null = node; at; at = at.parent) {
      const scoped = routeScopes.get(at.id);
      if (scoped && scoped.name === name) return scoped.prefix;
    }
    return prefixes.get(name) ?? '';
  };
  const routeScopes = new Map<number, { name: string; prefix: string }>();
  /** `g := r.Group("/x")`: g -> r, so routes on g inside a registering function follow r's prefixes. */
  const origins = new Map<string, string>();
  /** `h := handler.New()`: h -> the import path of its package. */
  const valuePackages = new Map<string, string>();

  walk(root, (node) => {
    if (node.type === 'short_var_declaration' || node.type === 'assignment_statement') {
      const left = kids(node.childForFieldName('left') ?? node)[0];
      const right = kids(node.childForFieldName('right') ?? node)[0];
      if (left?.type === 'identifier' && right) {
        // h := handler.New(…), h := &handler.Handler{…}: a value of that package, whose methods may register routes.
        const made = right.type === 'unary_expression' ? kids(right)[0] : right;
        const head =
          made?.type === 'call_expression'
            ? made.childForFieldName('function')
            : made?.type === 'composite_literal'
              ? made.childForFieldName('type')
              : undefined;
        const pkg =
          head?.type === 'selector_expression' || head?.type === 'qualified_type'
            ? head.childForFieldName(head.type === 'qualified_type' ? 'package' : 'operand')?.text
            : undefined;
        if (pkg !== undefined && imports.has(pkg)) valuePackages.set(left.text, imports.get(pkg)!);
        const prefix = derivedPrefix(right, frameworks, (n, name) => prefixAt(n, name));
        if (prefix !== undefined) {
          prefixes.set(left.text, prefix);
          const from = routerOperand(right);
          if (from !== undefined && from !== left.text) origins.set(left.text, from);
        }
      }
      return;
    }
    if (node.type !== 'call_expression') return;
    const fn = node.childForFieldName('function');
    registerCall(node, fn, imports, valuePackages, facts, (arg) => {
      if (arg.type === 'identifier') return prefixes.get(arg.text);
      return derivedPrefix(arg, frameworks, (n, name) => prefixAt(n, name));
    });
    if (handsOnly) return;
    if (fn?.type !== 'selector_expression') return;
    const operand = fn.childForFieldName('operand');
    const name = fn.childForFieldName('field')?.text ?? '';
    const args = kids(node.childForFieldName('arguments') ?? node);
    const receiver = operand?.type === 'identifier' ? operand.text : undefined;
    const base = receiver ? prefixAt(node, receiver) : '';

    // chi: r.Mount("/users", users.Routes()) — the routes the function registers on the router it returns.
    if (frameworks.has('chi') && name === 'Mount' && args.length === 2 && args[1]?.type === 'call_expression') {
      const route = literal(args[0]);
      if (route !== undefined) {
        const callee = args[1].childForFieldName('function');
        const pkg = callee?.type === 'selector_expression' ? callee.childForFieldName('operand') : undefined;
        const goImport = pkg?.type === 'identifier' ? imports.get(pkg.text) : undefined;
        const target =
          callee?.type === 'identifier'
            ? callee.text
            : goImport !== undefined
              ? callee?.childForFieldName('field')?.text
              : undefined;
        if (target)
          facts.mounts.push({
            prefix: join(base, route),
            target,
            goFunction: true,
            router: parameterScope(node, origins) ?? '',
            ...(goImport ? { goImport } : {}),
          });
      }
      return;
    }
    // chi: r.Route("/api", func(r chi.Router) { … }) — the function's parameter carries the prefix.
    if (frameworks.has('chi') && name === 'Route' && args.length === 2 && args[1]?.type === 'func_literal') {
      const route = literal(args[0]);
      const param = kids(args[1].childForFieldName('parameters') ?? args[1])[0]?.childForFieldName('name')?.text;
      if (route !== undefined && param) routeScopes.set(args[1].id, { name: param, prefix: join(base, route) });
      return;
    }
    if (
      (name === 'HandleFunc' || name === 'Handle') &&
      args.length >= 2 &&
      (frameworks.has('net/http') || frameworks.has('gorilla') || frameworks.has('chi'))
    ) {
      const pattern = literal(args[0]);
      if (pattern === undefined) return;
      const { method, route } = splitPattern(pattern);
      // An event bus or a template set also has Handle("order.created", …): a route is a path.
      if (!/^([a-z0-9.-]+(:\d+)?)?\//i.test(route)) return;
      const gorillaMethods = frameworks.has('gorilla') ? chainedMethods(node) : [];
      for (const m of gorillaMethods.length > 0 ? gorillaMethods : [method]) {
        push(
          facts,
          origins,
          node,
          frameworks.has('gorilla') && receiver !== 'http' ? 'gorilla' : 'net/http',
          m,
          join(base, route),
          args[args.length - 1],
          imports,
        );
      }
      return;
    }
    if (frameworks.has('chi') && CHI_METHODS.has(name) && args.length >= 2) {
      const route = literal(args[0]);
      if (route === undefined || !route.startsWith('/')) return;
      push(facts, origins, node, 'chi', name.toUpperCase(), join(base, route), args[args.length - 1], imports);
      return;
    }
    if (frameworks.has('chi') && (name === 'Method' || name === 'MethodFunc') && args.length === 3) {
      const method = literal(args[0]);
      const route = literal(args[1]);
      if (method === undefined || route === undefined) return;
      push(facts, origins, node, 'chi', method.toUpperCase(), join(base, route), args[2], imports);
      return;
    }
    const ginOrEcho: Framework | undefined = frameworks.has('gin')
      ? 'gin'
      : frameworks.has('echo')
        ? 'echo'
        : undefined;
    if (ginOrEcho && (UPPER_METHODS.has(name) || name === 'Any') && args.length >= 2) {
      const route = literal(args[0]);
      // `tags.GET("", h.Tags)`: the group's own path.
      const groupRoot =
        route === '' &&
        receiver !== undefined &&
        (prefixes.has(receiver) || parameterScope(node, origins) !== undefined);
      if (route === undefined || (!route.startsWith('/') && !groupRoot)) return;
      push(
        facts,
        origins,
        node,
        ginOrEcho,
        name === 'Any' ? 'ANY' : name,
        join(base, route),
        args[args.length - 1],
        imports,
      );
      return;
    }
    if (ginOrEcho === 'gin' && name === 'Handle' && args.length >= 3) {
      const method = literal(args[0]);
      const route = literal(args[1]);
      if (method !== undefined && route !== undefined)
        push(facts, origins, node, 'gin', method.toUpperCase(), join(base, route), args[args.length - 1], imports);
    }
  });
}

function push(
  facts: EntryFacts,
  origins: ReadonlyMap<string, string>,
  node: Node,
  framework: Framework,
  method: string,
  route: string,
  handlerNode: Node | undefined,
  imports: Map<string, string>,
): void {
  const handler = goHandler(handlerNode, imports);
  const scope = parameterScope(node, origins);
  facts.entries.push({
    kind: 'http',
    framework,
    method,
    route,
    line: lineOf(node),
    ...(handler ? { handler } : {}),
    ...(scope ? { router: scope } : {}),
  });
}

/**
 * Routes registered on a parameter of the enclosing function (`func UsersRegister(router *gin.RouterGroup)`) are
 * served under whatever prefix its callers hand in: the entry names the function, `UsersRegister()`.
 */
function parameterScope(call: Node, origins: ReadonlyMap<string, string>): string | undefined {
  const receiver = call.childForFieldName('function')?.childForFieldName('operand');
  if (receiver?.type !== 'identifier') return undefined;
  // `users := rg.Group("/users")` inside the function: the group comes from the parameter `rg`.
  const names = [receiver.text];
  for (let name = origins.get(receiver.text); name !== undefined && !names.includes(name); name = origins.get(name))
    names.push(name);
  for (let at: Node | null = call.parent; at; at = at.parent) {
    if (at.type === 'func_literal') return undefined;
    if (at.type === 'function_declaration' || at.type === 'method_declaration') {
      const params = kids(at.childForFieldName('parameters') ?? at).flatMap((p) =>
        kids(p)
          .filter((k) => k.type === 'identifier')
          .map((k) => k.text),
      );
      const name = at.childForFieldName('name')?.text;
      if (!name) return undefined;
      if (names.some((n) => params.includes(n))) return `${name}()`;
      // chi: `func Routes() chi.Router { r := chi.NewRouter(); r.Get(…); return r }`, mounted with `r.Mount("/x", users.Routes())`.
      return names.some((n) => returnedNames(at).has(n)) ? `${name}()` : undefined;
    }
  }
  return undefined;
}

/** `users.UsersRegister(v1.Group("/users"))`, `registerRoutes(api)`: a group handed to a function that registers routes. */
function registerCall(
  call: Node,
  fn: Node | null,
  imports: Map<string, string>,
  values: ReadonlyMap<string, string>,
  facts: EntryFacts,
  prefixOf: (arg: Node) => string | undefined,
): void {
  let target: string | undefined;
  let goImport: string | undefined;
  let goMethod = false;
  if (fn?.type === 'identifier') target = fn.text;
  else if (fn?.type === 'selector_expression') {
    const operand = fn.childForFieldName('operand');
    const name = operand?.type === 'identifier' ? operand.text : undefined;
    // h.Register(v1) with `h := handler.New()`: a method of a type of that package.
    const path = name === undefined ? undefined : (imports.get(name) ?? values.get(name));
    goMethod = name !== undefined && !imports.has(name);
    if (!path || IMPORTS[path]) return;
    target = fn.childForFieldName('field')?.text;
    goImport = path;
  }
  if (!target) return;
  for (const arg of kids(call.childForFieldName('arguments') ?? call)) {
    const prefix = prefixOf(arg);
    if (prefix === undefined || prefix === '') continue;
    facts.mounts.push({
      prefix,
      target,
      goFunction: true,
      ...(goImport ? { goImport } : {}),
      ...(goMethod ? { goMethod: true } : {}),
    });
    return;
  }
}

/** Per tree (reset by detectGo): node ids are unique only within one tree. */
let returnedCache = new Map<number, Set<string>>();

/** The identifiers a function returns (`return r`), read once per function. */
function returnedNames(fn: Node): Set<string> {
  let names = returnedCache.get(fn.id);
  if (names) return names;
  const found = new Set<string>();
  walk(fn.childForFieldName('body') ?? fn, (node) => {
    if (node.type === 'func_literal') return false;
    if (node.type === 'return_statement') {
      const value = kids(node)[0];
      const first = value?.type === 'expression_list' ? kids(value)[0] : value;
      if (first?.type === 'identifier') found.add(first.text);
    }
  });
  names = found;
  returnedCache.set(fn.id, names);
  return names;
}

/** The router a derived one is made from: `r` in `r.Group("/api")` and `r.PathPrefix("/api").Subrouter()`. */
function routerOperand(expr: Node): string | undefined {
  let at: Node | null | undefined = expr;
  while (at?.type === 'call_expression') {
    const fn: Node | null = at.childForFieldName('function');
    if (fn?.type !== 'selector_expression') return undefined;
    at = fn.childForFieldName('operand');
  }
  return at?.type === 'identifier' ? at.text : undefined;
}

/** `r.PathPrefix("/api").Subrouter()`, `r.Group("/api")` (gin, echo), `chi.NewRouter()` (no prefix). */
function derivedPrefix(
  expr: Node,
  frameworks: Set<Framework>,
  prefixOf: (node: Node, name: string) => string,
): string | undefined {
  if (expr.type !== 'call_expression') return undefined;
  const fn = expr.childForFieldName('function');
  if (fn?.type !== 'selector_expression') return undefined;
  const field = fn.childForFieldName('field')?.text;
  const operand = fn.childForFieldName('operand');
  const args = kids(expr.childForFieldName('arguments') ?? expr);
  if (field === 'Subrouter' && operand?.type === 'call_expression' && frameworks.has('gorilla')) {
    const inner = operand.childForFieldName('function');
    const on = inner?.childForFieldName('operand');
    const prefix = literal(kids(operand.childForFieldName('arguments') ?? operand)[0]);
    if (inner?.childForFieldName('field')?.text === 'PathPrefix' && on?.type === 'identifier' && prefix !== undefined)
      return join(prefixOf(expr, on.text), prefix);
    return undefined;
  }
  if (
    field === 'Group' &&
    (frameworks.has('gin') || frameworks.has('echo') || frameworks.size === 0) &&
    operand?.type === 'identifier'
  ) {
    const prefix = literal(args[0]);
    if (prefix !== undefined) return join(prefixOf(expr, operand.text), prefix);
  }
  return undefined;
}

/** gorilla: `r.HandleFunc("/x", h).Methods("GET", "POST")`. */
function chainedMethods(call: Node): string[] {
  const out: string[] = [];
  for (
    let at: Node | null = call;
    at?.parent?.type === 'selector_expression' && at.parent.parent?.type === 'call_expression';
    at = at.parent.parent
  ) {
    if (at.parent.childForFieldName('field')?.text !== 'Methods') continue;
    for (const arg of kids(at.parent.parent.childForFieldName('arguments') ?? at.parent.parent)) {
      const m = literal(arg);
      if (m !== undefined) out.push(m.toUpperCase());
    }
  }
  return out;
}

/** Go 1.22 patterns: `"GET /unread"`, `"POST example.com/x"`, `"/static/"`. */
export function splitPattern(pattern: string): { method: string; route: string } {
  const m = /^([A-Z]+)\s+(\S.*)$/.exec(pattern.trim());
  if (m) return { method: m[1]!, route: m[2]! };
  return { method: 'ANY', route: pattern };
}

function goHandler(node: Node | undefined, imports: Map<string, string>, depth = 0): HandlerRef | undefined {
  if (!node || depth > 3) return undefined;
  if (node.type === 'identifier') return { goFunc: node.text, symbol: node.text };
  if (node.type === 'selector_expression') {
    const operand = node.childForFieldName('operand');
    const field = node.childForFieldName('field')?.text;
    if (!field) return undefined;
    if (operand?.type === 'identifier' && imports.has(operand.text)) {
      const path = imports.get(operand.text)!;
      return IMPORTS[path] || !path.includes('.') ? undefined : { goImport: path, goFunc: field, symbol: field };
    }
    return { goMethod: field };
  }
  if (node.type === 'call_expression') {
    // http.HandlerFunc(h.x), middleware(h.x), h.makeHandler()
    const args = kids(node.childForFieldName('arguments') ?? node);
    for (const arg of args) {
      if (arg.type === 'identifier' || arg.type === 'selector_expression' || arg.type === 'call_expression') {
        const found = goHandler(arg, imports, depth + 1);
        if (found) return found;
      }
    }
    const fn = node.childForFieldName('function');
    return fn?.type === 'selector_expression' && !imports.has(fn.childForFieldName('operand')?.text ?? '')
      ? goHandler(fn, imports, depth + 1)
      : undefined;
  }
  if (node.type === 'func_literal') return { local: true };
  return undefined;
}

function baseType(node: Node): string | undefined {
  if (node.type === 'pointer_type') return baseType(kids(node)[0]!);
  if (node.type === 'generic_type') return kids(node)[0]?.text;
  if (node.type === 'type_identifier') return node.text;
  return undefined;
}

function defaultAlias(path: string): string {
  const parts = path.split('/');
  const last = parts[parts.length - 1] ?? path;
  // github.com/go-chi/chi/v5 is imported as chi.
  return /^v\d+$/.test(last) && parts.length > 1 ? parts[parts.length - 2]! : last;
}

function join(prefix: string, route: string): string {
  if (!prefix) return route;
  return `${prefix.replace(/\/+$/, '')}${route === '/' ? '' : route}` || '/';
}
