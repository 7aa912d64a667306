// NestJS controllers (`@Controller('orders')` + `@Get(':id')`), and GraphQL resolver classes of NestJS and
// type-graphql (`@Resolver` + `@Query`/`@Mutation`/`@ResolveField`). A decorator counts only when the file imports it
// from the framework.
import type { Node } from '../code/parser';
import type { EntryFacts, NestClassRef } from './types';
import { joinRoute, kids, lineOf, literal, walk } from './tree';
import { importedFrom, importsAny, type TsModule } from './ts-module';
import { objectPairs } from './ts-routers';

const NEST_HTTP = ['@nestjs/common'];
const GRAPHQL = ['@nestjs/graphql', 'type-graphql'];
const HTTP_DECORATORS: Readonly<Record<string, string>> = {
  Get: 'GET',
  Post: 'POST',
  Put: 'PUT',
  Patch: 'PATCH',
  Delete: 'DELETE',
  Head: 'HEAD',
  Options: 'OPTIONS',
  All: 'ANY',
};
const OPERATIONS: Readonly<Record<string, string>> = {
  Query: 'Query',
  Mutation: 'Mutation',
  Subscription: 'Subscription',
};
const FIELD_RESOLVERS = new Set(['ResolveField', 'FieldResolver', 'ResolveProperty']);

interface Decorator {
  /** The name it has where it was declared (`Get`), whatever it is called locally. */
  name: string;
  package: string;
  args: Node[];
  node: Node;
}

export function detectNest(module: TsModule, facts: EntryFacts): void {
  if (importsAny(module, ['@nestjs/core'])) {
    walk(module.root, (node) => {
      if (node.type !== 'call_expression') return;
      const fn = node.childForFieldName('function');
      if (fn?.type !== 'member_expression' || fn.childForFieldName('property')?.text !== 'setGlobalPrefix') return;
      const prefix = literal(kids(node.childForFieldName('arguments') ?? node)[0]);
      if (prefix !== undefined) facts.nestGlobalPrefix = prefix;
    });
  }
  // RouterModule.register([{ path: 'admin', module: AdminModule, children: [...] }]): the module's controllers are
  // served under the path.
  const routerModule = [...module.imports.entries()].find(
    ([, i]) => i.from === '@nestjs/core' && i.imported === 'RouterModule',
  )?.[0];
  if (routerModule) {
    walk(module.root, (node) => {
      if (node.type !== 'call_expression') return;
      const fn = node.childForFieldName('function');
      if (fn?.type !== 'member_expression' || fn.childForFieldName('object')?.text !== routerModule) return;
      if (!['register', 'forRoutes'].includes(fn.childForFieldName('property')?.text ?? '')) return;
      const routes = kids(node.childForFieldName('arguments') ?? node)[0];
      if (routes?.type === 'array') nestRoutes(routes, '', module, facts);
      return false;
    });
  }
  const packages = [...NEST_HTTP, ...GRAPHQL];
  if (![...module.imports.values()].some((i) => packages.includes(i.from))) return;
  const visit = (node: Node, outer: Node[]): void => {
    for (const child of kids(node)) {
      if (child.type === 'class_declaration' || child.type === 'abstract_class_declaration') {
        // A class's decorators sit on the class, or on the `export` statement around it.
        const own = kids(child).filter((k) => k.type === 'decorator');
        readClass(
          child,
          [...outer, ...own].map((d) => decorator(d, module)).filter((d) => d !== undefined),
          module,
          facts,
        );
      } else if (child.type === 'export_statement') {
        visit(
          child,
          kids(child).filter((k) => k.type === 'decorator'),
        );
      }
    }
  };
  visit(module.root, []);
}

function readClass(cls: Node, decorators: Decorator[], module: TsModule, facts: EntryFacts): void {
  const className = cls.childForFieldName('name')?.text;
  const body = cls.childForFieldName('body');
  if (!className || !body) return;
  const moduleDecorator = decorators.find((d) => d.name === 'Module' && d.package === '@nestjs/common');
  const controllers =
    moduleDecorator?.args[0]?.type === 'object' ? objectPairs(moduleDecorator.args[0]).get('controllers') : undefined;
  if (controllers?.type === 'array') {
    const refs = kids(controllers).flatMap((c) => (c.type === 'identifier' ? [classRef(c.text, module)] : []));
    (facts.nestModules ??= []).push({ className, controllers: refs });
  }
  const controller = decorators.find((d) => d.name === 'Controller' && d.package === '@nestjs/common');
  const resolver = decorators.find((d) => d.name === 'Resolver' && GRAPHQL.includes(d.package));
  if (!controller && !resolver) return;
  const prefixes = controller ? routesOf(controller.args[0]) : [];
  const parentType = resolver ? (resolverType(resolver.args[0]) ?? className.replace(/Resolver$/, '')) : '';
  // Method decorators precede their method_definition inside the class body.
  let pending: Decorator[] = [];
  for (const member of kids(body)) {
    if (member.type === 'decorator') {
      const d = decorator(member, module);
      if (d) pending.push(d);
      continue;
    }
    if (member.type !== 'method_definition') {
      pending = [];
      continue;
    }
    const method = member.childForFieldName('name')?.text;
    const found = pending;
    pending = [];
    if (!method) continue;
    const handler = { local: true, symbol: `${className}.${method}` };
    for (const d of found) {
      const verb = HTTP_DECORATORS[d.name];
      if (controller && verb && d.package === '@nestjs/common') {
        const paths = d.args.length > 0 ? routesOf(d.args[0]) : [''];
        for (const prefix of prefixes.length > 0 ? prefixes : ['']) {
          for (const route of paths.length > 0 ? paths : ['']) {
            facts.entries.push({
              kind: 'http',
              framework: 'nestjs',
              method: verb,
              route: joinRoute(prefix, route),
              line: lineOf(d.node),
              handler,
              router: className,
            });
          }
        }
      }
      if (resolver && GRAPHQL.includes(d.package)) {
        const type = OPERATIONS[d.name];
        const field = FIELD_RESOLVERS.has(d.name);
        if (!type && !field) continue;
        const name = operationName(d.args) ?? method;
        facts.entries.push({
          kind: 'graphql',
          framework: d.package === 'type-graphql' ? 'type-graphql' : 'nestjs',
          operation: `${type ?? parentType}.${name}`,
          line: lineOf(d.node),
          handler,
        });
      }
    }
  }
}

/** A class named in this file: imported (`from`, `imported`) or its own. */
function classRef(name: string, module: TsModule): NestClassRef {
  const imported = module.imports.get(name);
  return imported ? { name, from: imported.from, imported: imported.imported } : { name };
}

function nestRoutes(routes: Node, outer: string, module: TsModule, facts: EntryFacts): void {
  for (const route of kids(routes)) {
    if (route.type !== 'object') continue;
    const pairs = objectPairs(route);
    const path = literal(pairs.get('path'));
    // A path computed at run time is not guessed.
    if (path === undefined) continue;
    const full = joinRoute(outer, path);
    const target = pairs.get('module');
    if (target?.type === 'identifier')
      (facts.nestRoutes ??= []).push({ path: full, module: classRef(target.text, module) });
    const children = pairs.get('children');
    if (children?.type === 'array') nestRoutes(children, full, module, facts);
  }
}

function decorator(node: Node, module: TsModule): Decorator | undefined {
  const expr = kids(node)[0];
  if (!expr) return undefined;
  const callee = expr.type === 'call_expression' ? expr.childForFieldName('function') : expr;
  if (callee?.type !== 'identifier') return undefined;
  const from = importedFrom(module, callee.text, [...NEST_HTTP, ...GRAPHQL]);
  if (!from) return undefined;
  const args = expr.type === 'call_expression' ? kids(expr.childForFieldName('arguments') ?? expr) : [];
  return { name: from.imported, package: from.from, args, node };
}

/** `'orders'`, `['a', 'b']`, `{ path: 'orders' }`; none for an argument computed at run time. */
function routesOf(arg: Node | undefined): string[] {
  if (!arg) return [''];
  const direct = literal(arg);
  if (direct !== undefined) return [direct];
  if (arg.type === 'array')
    return kids(arg)
      .map((k) => literal(k))
      .filter((s): s is string => s !== undefined);
  if (arg.type === 'object') {
    const path = objectPairs(arg).get('path');
    if (!path) return [''];
    return routesOf(path);
  }
  return [];
}

/** `@Resolver(() => Order)`, `@Resolver(of => Order)`, `@Resolver(Order)`, `@Resolver('Order')`. */
function resolverType(arg: Node | undefined): string | undefined {
  if (!arg) return undefined;
  const text = literal(arg);
  if (text !== undefined) return text;
  if (arg.type === 'identifier') return arg.text;
  if (arg.type === 'arrow_function') {
    const body = arg.childForFieldName('body');
    if (body?.type === 'identifier') return body.text;
  }
  return undefined;
}

/** `@Query(() => [Order], { name: 'orders' })`, `@ResolveField('items')`. */
function operationName(args: Node[]): string | undefined {
  for (const arg of args) {
    const text = literal(arg);
    if (text !== undefined) return text;
    if (arg.type === 'object') {
      const name = literal(objectPairs(arg).get('name'));
      if (name !== undefined) return name;
    }
  }
  return undefined;
}
