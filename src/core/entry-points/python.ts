// Python: Flask (`@app.route('/x', methods=[…])`, `@bp.get`, Blueprint `url_prefix`), FastAPI (`@router.get`,
// APIRouter `prefix`, `include_router(…, prefix=…)`) and Django (`path()`/`re_path()` in a file importing
// django.urls, `include('app.urls')` as a mount).
import type { Node } from '../code/parser';
import type { EntryFacts, HandlerRef } from './types';
import { joinPrefix } from './assemble';
import { HTTP_METHODS, kids, lineOf, literal, walk } from './tree';

interface PyRouter {
  framework: 'flask' | 'fastapi';
  prefix: string;
}

const FACTORIES: Readonly<Record<string, PyRouter['framework']>> = {
  Flask: 'flask',
  Blueprint: 'flask',
  FastAPI: 'fastapi',
  APIRouter: 'fastapi',
};

export function detectPython(root: Node, facts: EntryFacts): void {
  /** Local name -> [module, imported name] (`from . import views` -> ['.', 'views']). */
  const imports = new Map<string, [string, string | undefined]>();
  const modules = new Set<string>();
  const funcs: string[] = [];
  for (const node of kids(root)) {
    if (node.type === 'import_from_statement') {
      const module = node.childForFieldName('module_name')?.text;
      if (!module) continue;
      modules.add(module);
      for (const name of kids(node).slice(1)) {
        const original = name.type === 'aliased_import' ? name.childForFieldName('name')?.text : name.text;
        const local = name.type === 'aliased_import' ? name.childForFieldName('alias')?.text : name.text;
        if (original && local) imports.set(local, [module, original]);
      }
    }
    if (node.type === 'import_statement') {
      for (const name of kids(node)) {
        const module = name.type === 'aliased_import' ? name.childForFieldName('name')?.text : name.text;
        const local = name.type === 'aliased_import' ? name.childForFieldName('alias')?.text : name.text;
        if (module && local) {
          modules.add(module);
          imports.set(local, [module, undefined]);
        }
      }
    }
    const def = node.type === 'decorated_definition' ? node.childForFieldName('definition') : node;
    if (def?.type === 'function_definition') {
      const name = def.childForFieldName('name')?.text;
      if (name) funcs.push(name);
    }
  }
  facts.pyFuncs = funcs;
  const uses = (pkg: string) => [...modules].some((m) => m === pkg || m.startsWith(`${pkg}.`));

  if (uses('flask') || uses('fastapi')) {
    const routers = new Map<string, PyRouter>();
    // At the top level, or in an application factory (`def create_app(): app = Flask(__name__)`).
    walk(root, (assignment) => {
      if (assignment.type !== 'assignment') return;
      const left = assignment.childForFieldName('left');
      const right = assignment.childForFieldName('right');
      if (left?.type !== 'identifier' || right?.type !== 'call') return false;
      const callee = right.childForFieldName('function');
      const factory = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : callee?.text;
      const framework = factory ? FACTORIES[factory] : undefined;
      if (!framework) return false;
      const prefix = literal(keyword(right, framework === 'flask' ? 'url_prefix' : 'prefix')) ?? '';
      routers.set(left.text, { framework, prefix });
      return false;
    });
    walk(root, (node) => {
      if (node.type === 'decorated_definition') {
        const def = node.childForFieldName('definition');
        const name = def?.type === 'function_definition' ? def.childForFieldName('name')?.text : undefined;
        if (!name) return;
        for (const decorator of kids(node).filter((k) => k.type === 'decorator')) {
          const call = kids(decorator)[0];
          if (call?.type !== 'call') continue;
          const callee = call.childForFieldName('function');
          if (callee?.type !== 'attribute') continue;
          const router = routers.get(callee.childForFieldName('object')?.text ?? '');
          const verb = callee.childForFieldName('attribute')?.text ?? '';
          if (!router) continue;
          const args = kids(call.childForFieldName('arguments') ?? call);
          const route = literal(
            args[0]?.type === 'keyword_argument' ? (keyword(call, 'path') ?? keyword(call, 'rule')) : args[0],
          );
          if (route === undefined) continue;
          let methods: string[];
          if ((HTTP_METHODS as readonly string[]).includes(verb)) methods = [verb.toUpperCase()];
          else if (verb === 'route' || verb === 'api_route') {
            const listed = keyword(call, 'methods');
            methods =
              listed?.type === 'list' || listed?.type === 'tuple'
                ? kids(listed)
                    .map((m) => literal(m)?.toUpperCase())
                    .filter((m): m is string => m !== undefined)
                : [verb === 'route' ? 'GET' : 'ANY'];
          } else if (verb === 'websocket') methods = ['WEBSOCKET'];
          else continue;
          for (const method of methods) {
            facts.entries.push({
              kind: 'http',
              framework: router.framework,
              method,
              route: router.prefix ? `${router.prefix.replace(/\/+$/, '')}/${route.replace(/^\/+/, '')}` : route,
              line: lineOf(decorator),
              handler: { local: true, symbol: name },
              router: callee.childForFieldName('object')!.text,
              ...(router.prefix && router.framework === 'flask' ? { bareRoute: route } : {}),
            });
          }
        }
        return false;
      }
      if (node.type !== 'call') return;
      const callee = node.childForFieldName('function');
      const verb = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : undefined;
      if (verb !== 'register_blueprint' && verb !== 'include_router') return;
      const on = callee!.childForFieldName('object')?.text;
      const parent = on === undefined ? undefined : routers.get(on);
      if (!on || !parent) return;
      const target = kids(node.childForFieldName('arguments') ?? node)[0];
      const given = keyword(node, verb === 'register_blueprint' ? 'url_prefix' : 'prefix');
      const prefix = given ? literal(given) : '';
      // A prefix computed at run time (`settings.API_PREFIX`) is not guessed.
      if (prefix === undefined || !target) return;
      // A router included without a prefix still serves under the prefixes of the one it is included in, and a
      // blueprint or router registered on another blueprint or router takes that one's own prefix too.
      // Flask: `url_prefix=` replaces the blueprint's own url_prefix; FastAPI's `prefix=` comes before the router's own.
      pyMount(
        facts,
        target,
        joinPrefix(parent.prefix, prefix),
        imports,
        on,
        verb === 'register_blueprint' && given !== undefined,
      );
    });
  }

  if (uses('django.urls') || uses('django.conf.urls')) detectDjango(root, facts, imports);
}

type PyImports = Map<string, [string, string | undefined]>;
const DJANGO_ROUTE = new Set(['path', 're_path', 'url']);

/**
 * Django URL confs. A route belongs to the list it is written in (`urlpatterns`, or `api_patterns = [...]`); a list is
 * served under every prefix it is mounted at: `include('shop.urls')` (the module's `urlpatterns`), `include(sub)`,
 * `include((sub, 'app'))`, `include(urls_module)`, an inline `include([...])`, and `urlpatterns = [...] + sub` (no prefix).
 */
function detectDjango(root: Node, facts: EntryFacts, imports: PyImports): void {
  const mount = (node: Node | undefined, prefix: string, list: string): void => {
    if (!node) return;
    if (node.type === 'tuple' || node.type === 'parenthesized_expression') return mount(kids(node)[0], prefix, list);
    const dotted = literal(node);
    if (dotted !== undefined) {
      if (/^[\w.]+$/.test(dotted)) facts.mounts.push({ prefix, target: 'urlpatterns', pyModule: dotted, router: list });
      return;
    }
    if (node.type === 'list') return visit(node, prefix, list);
    if (node.type === 'identifier') {
      const imported = imports.get(node.text);
      if (!imported) facts.mounts.push({ prefix, target: node.text, router: list });
      else if (imported[1] === undefined)
        facts.mounts.push({ prefix, target: 'urlpatterns', pyModule: imported[0], router: list });
      // `from blog import urls` (a module) or `from blog.urls import extra` (a list): the assembly tells which.
      else facts.mounts.push({ prefix, target: imported[1], pyModule: imported[0], router: list, pySubmodule: true });
      return;
    }
    if (node.type === 'attribute') {
      const imported = imports.get(node.childForFieldName('object')?.text ?? '');
      const attribute = node.childForFieldName('attribute')?.text;
      if (imported && attribute)
        facts.mounts.push({
          prefix,
          target: attribute,
          pyModule: imported[1] === undefined ? imported[0] : joinModule(imported[0], imported[1]),
          router: list,
        });
    }
  };
  const visit = (start: Node, prefix: string, list: string): void => {
    walk(start, (node) => {
      if (node !== start && (node.type === 'assignment' || node.type === 'augmented_assignment')) {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        if (left?.type !== 'identifier' || !right) return;
        // `urlpatterns = [...] + extra`, `urlpatterns += extra`: the other list is served where this one is.
        const operands = right.type === 'binary_operator' ? flattenSum(right) : [right];
        for (const operand of operands) {
          if (operand.type === 'identifier' || operand.type === 'attribute') mount(operand, '', left.text);
          else visit(operand, '', left.text);
        }
        return false;
      }
      if (node.type !== 'call') return;
      const callee = node.childForFieldName('function')?.text ?? '';
      if (!DJANGO_ROUTE.has(callee)) {
        // `urlpatterns.extend(extra)`
        const fn = node.childForFieldName('function');
        if (fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'extend') {
          const on = fn.childForFieldName('object');
          const arg = kids(node.childForFieldName('arguments') ?? node)[0];
          if (on?.type === 'identifier' && (arg?.type === 'identifier' || arg?.type === 'attribute')) {
            mount(arg, '', on.text);
            return false;
          }
        }
        return;
      }
      const args = kids(node.childForFieldName('arguments') ?? node);
      const route = literal(args[0]);
      const view = args[1];
      if (route === undefined || !view) return;
      const shown = joinPrefix(prefix, callee === 'path' ? `/${route}` : route);
      if (view.type === 'call' && view.childForFieldName('function')?.text === 'include') {
        mount(kids(view.childForFieldName('arguments') ?? view)[0], shown, list);
        return false;
      }
      const handler = pyHandler(view, imports);
      facts.entries.push({
        kind: 'http',
        framework: 'django',
        method: 'ANY',
        route: shown,
        line: lineOf(node),
        router: list,
        ...(handler ? { handler } : {}),
      });
      return false;
    });
  };
  visit(root, '', 'urlpatterns');
}

function flattenSum(node: Node): Node[] {
  if (node.type !== 'binary_operator' || node.childForFieldName('operator')?.text !== '+') return [node];
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  return [...(left ? flattenSum(left) : []), ...(right ? flattenSum(right) : [])];
}

function keyword(call: Node, name: string): Node | undefined {
  for (const arg of kids(call.childForFieldName('arguments') ?? call)) {
    if (arg.type === 'keyword_argument' && arg.childForFieldName('name')?.text === name)
      return arg.childForFieldName('value') ?? undefined;
  }
  return undefined;
}

function pyMount(
  facts: EntryFacts,
  target: Node,
  prefix: string,
  imports: Map<string, [string, string | undefined]>,
  on: string,
  replaces: boolean,
): void {
  const flag = replaces ? { replacesOwnPrefix: true } : {};
  // include_router(orders.router) with `from app.routers import orders`, or include_router(router) imported by name.
  if (target.type === 'attribute') {
    const object = target.childForFieldName('object')?.text ?? '';
    const attribute = target.childForFieldName('attribute')?.text ?? '';
    const imported = imports.get(object);
    if (!imported) return;
    const module = imported[1] === undefined ? imported[0] : joinModule(imported[0], imported[1]);
    facts.mounts.push({ prefix, target: attribute, pyModule: module, router: on, ...flag });
  } else if (target.type === 'identifier') {
    const imported = imports.get(target.text);
    facts.mounts.push({
      prefix,
      target: imported?.[1] ?? target.text,
      router: on,
      ...(imported ? { pyModule: imported[0] } : {}),
      ...flag,
    });
  }
}

function joinModule(module: string, name: string): string {
  return module.endsWith('.') ? `${module}${name}` : `${module}.${name}`;
}

/** `views.detail`, `detail` (imported or local), `OrderView.as_view()`. */
function pyHandler(node: Node | undefined, imports: Map<string, [string, string | undefined]>): HandlerRef | undefined {
  if (!node) return undefined;
  if (node.type === 'call') {
    const fn = node.childForFieldName('function');
    if (fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'as_view')
      return pyHandler(fn.childForFieldName('object') ?? undefined, imports);
    return undefined;
  }
  if (node.type === 'attribute') {
    const object = node.childForFieldName('object')?.text ?? '';
    const name = node.childForFieldName('attribute')?.text ?? '';
    const imported = imports.get(object);
    if (!imported) return { local: true, symbol: node.text };
    return { pyModule: imported[1] === undefined ? imported[0] : joinModule(imported[0], imported[1]), symbol: name };
  }
  if (node.type === 'identifier') {
    const imported = imports.get(node.text);
    if (imported && imported[1] !== undefined) return { pyModule: imported[0], symbol: imported[1] };
    return { local: true, symbol: node.text };
  }
  return undefined;
}
