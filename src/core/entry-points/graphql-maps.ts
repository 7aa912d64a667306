// GraphQL resolver maps in TS/JS: `const resolvers = { Query: { orders }, Mutation: { placeOrder() {} } }`.
// Evidence: the file imports a GraphQL server or tool, or the object is named or typed as resolvers.
import type { Node } from '../code/parser';
import type { EntryFacts } from './types';
import { kids, lineOf, literal, walk } from './tree';
import { importsAny, tsHandler, type TsModule } from './ts-module';

const GRAPHQL_PACKAGES = [
  'graphql',
  'graphql-yoga',
  '@apollo/server',
  'apollo-server',
  'apollo-server-express',
  'apollo-server-koa',
  'apollo-server-fastify',
  '@graphql-tools/schema',
  '@graphql-tools/utils',
  'mercurius',
  'graphql-modules',
];
const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

export function detectResolverMaps(module: TsModule, facts: EntryFacts): void {
  const imported = importsAny(module, GRAPHQL_PACKAGES);
  walk(module.root, (node) => {
    if (node.type !== 'object') return;
    const roots = kids(node).filter(
      (p) => p.type === 'pair' && ROOT_TYPES.has(keyOf(p) ?? '') && p.childForFieldName('value')?.type === 'object',
    );
    if (roots.length === 0) return;
    if (!imported && !namedAsResolvers(node)) return;
    for (const root of roots) {
      const type = keyOf(root)!;
      for (const field of kids(root.childForFieldName('value')!)) {
        const name = field.type === 'shorthand_property_identifier' ? field.text : keyOf(field);
        if (name === undefined) continue;
        const value =
          field.type === 'pair'
            ? field.childForFieldName('value')
            : field.type === 'shorthand_property_identifier'
              ? field
              : undefined;
        const handler = value && value.type !== 'object' ? tsHandler(value, module) : { local: true };
        facts.entries.push({
          kind: 'graphql',
          framework: 'resolver-map',
          operation: `${type}.${name}`,
          line: lineOf(field),
          ...(handler ? { handler } : {}),
        });
      }
    }
    return false;
  });
}

function keyOf(node: Node): string | undefined {
  if (node.type !== 'pair' && node.type !== 'method_definition') return undefined;
  const key = node.childForFieldName(node.type === 'pair' ? 'key' : 'name');
  if (!key) return undefined;
  return literal(key) ?? (key.type === 'property_identifier' ? key.text : undefined);
}

/** `const resolvers = {…}`, `const r: Resolvers = {…}`, `{ resolvers: {…} }`, `export const orderResolvers = {…}`. */
function namedAsResolvers(object: Node): boolean {
  const parent = object.parent;
  if (!parent) return false;
  if (parent.type === 'variable_declarator') {
    const name = parent.childForFieldName('name')?.text ?? '';
    const type = parent.childForFieldName('type')?.text ?? '';
    return /resolvers$/i.test(name) || /Resolvers\b/.test(type);
  }
  if (parent.type === 'pair') return /resolvers$/i.test(parent.childForFieldName('key')?.text ?? '');
  if (parent.type === 'satisfies_expression' || parent.type === 'as_expression')
    return /Resolvers\b/.test(parent.text.slice(object.text.length));
  return false;
}
