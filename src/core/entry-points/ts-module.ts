// What a TypeScript/JavaScript file imports and defines, as the TS/JS detectors need it: the evidence that a
// framework is in use, and where a handler named in a registration comes from.
import type { Node } from '../code/parser';
import type { HandlerRef } from './types';
import { kids, literal, walk } from './tree';

export interface ImportedName {
  from: string;
  /** The name exported by `from`: `default`, `*` for a namespace import, or the named export. */
  imported: string;
}

export interface TsModule {
  root: Node;
  /** Local name -> where it is imported from. */
  imports: Map<string, ImportedName>;
  /** Every module specifier imported or required. */
  specifiers: Set<string>;
  /** Top-level functions, classes and variables of the file. */
  locals: Set<string>;
  /** Local variables created with `new X()` -> X (`const ctrl = new OrdersController()`). */
  instances: Map<string, string>;
  /** `import type { FastifyInstance } from 'fastify'`: no run-time value, but a parameter typed with it is a router. */
  typeImports: Map<string, ImportedName>;
  defaultExport?: string;
}

export function readTsModule(root: Node): TsModule {
  const module: TsModule = {
    root,
    imports: new Map(),
    specifiers: new Set(),
    locals: new Set(),
    instances: new Map(),
    typeImports: new Map(),
  };
  for (const statement of kids(root)) {
    if (statement.type === 'import_statement') readImport(statement, module);
    const declaration =
      statement.type === 'export_statement' ? (statement.childForFieldName('declaration') ?? statement) : statement;
    if (statement.type === 'export_statement') {
      const value = statement.childForFieldName('value');
      // `export default router`, or `export default Router().use(…)`: a value with no name of its own.
      if (value) module.defaultExport = value.type === 'identifier' ? value.text : 'default';
      if (statement.text.startsWith('export default') && declaration !== statement) {
        const name = declaration.childForFieldName('name');
        if (name) module.defaultExport = name.text;
      }
    }
    readDeclaration(declaration, module);
    // module.exports = router
    if (statement.type === 'expression_statement') {
      const expr = kids(statement)[0];
      if (expr?.type === 'assignment_expression' && expr.childForFieldName('left')?.text === 'module.exports') {
        const right = expr.childForFieldName('right');
        if (right?.type === 'identifier') module.defaultExport = right.text;
      }
    }
  }
  // require() anywhere, and `const x = require('m')` / `const { a } = require('m')`.
  walk(root, (node) => {
    if (node.type !== 'call_expression') return;
    if (node.childForFieldName('function')?.text !== 'require') return;
    const spec = literal(kids(node.childForFieldName('arguments') ?? node)[0]);
    if (spec === undefined) return;
    module.specifiers.add(spec);
    const declarator = node.parent?.type === 'variable_declarator' ? node.parent : undefined;
    const name = declarator?.childForFieldName('name');
    if (name?.type === 'identifier') module.imports.set(name.text, { from: spec, imported: '*' });
    if (name?.type === 'object_pattern') {
      for (const part of kids(name)) {
        if (part.type === 'shorthand_property_identifier_pattern')
          module.imports.set(part.text, { from: spec, imported: part.text });
        if (part.type === 'pair_pattern') {
          const key = part.childForFieldName('key')?.text;
          const value = part.childForFieldName('value');
          if (key && value?.type === 'identifier') module.imports.set(value.text, { from: spec, imported: key });
        }
      }
    }
  });
  return module;
}

function readImport(statement: Node, module: TsModule): void {
  const from = literal(statement.childForFieldName('source'));
  if (from === undefined) return;
  module.specifiers.add(from);
  // `import type` carries no run-time value: no handler or router comes from it, only types for parameters.
  const typeOnly = /^import\s+type\s/.test(statement.text);
  const clause = kids(statement).find((k) => k.type === 'import_clause');
  if (!clause) return;
  if (typeOnly) {
    for (const spec of kids(clause).flatMap((part) => (part.type === 'named_imports' ? kids(part) : []))) {
      const name = spec.childForFieldName('name')?.text;
      if (spec.type === 'import_specifier' && name)
        module.typeImports.set(spec.childForFieldName('alias')?.text ?? name, { from, imported: name });
    }
    return;
  }
  for (const part of kids(clause)) {
    if (part.type === 'identifier') module.imports.set(part.text, { from, imported: 'default' });
    if (part.type === 'namespace_import') {
      const name = kids(part).find((k) => k.type === 'identifier');
      if (name) module.imports.set(name.text, { from, imported: '*' });
    }
    if (part.type === 'named_imports') {
      for (const spec of kids(part)) {
        if (spec.type !== 'import_specifier') continue;
        const name = spec.childForFieldName('name')?.text;
        const alias = spec.childForFieldName('alias')?.text;
        if (name) module.imports.set(alias ?? name, { from, imported: name });
      }
    }
  }
}

function readDeclaration(node: Node, module: TsModule): void {
  if (
    [
      'function_declaration',
      'generator_function_declaration',
      'class_declaration',
      'abstract_class_declaration',
    ].includes(node.type)
  ) {
    const name = node.childForFieldName('name');
    if (name) module.locals.add(name.text);
  }
  if (node.type === 'lexical_declaration' || node.type === 'variable_declaration') {
    for (const declarator of kids(node)) {
      if (declarator.type !== 'variable_declarator') continue;
      const name = declarator.childForFieldName('name');
      if (name?.type !== 'identifier') continue;
      module.locals.add(name.text);
      const value = declarator.childForFieldName('value');
      if (value?.type === 'new_expression') {
        const ctor = value.childForFieldName('constructor');
        if (ctor?.type === 'identifier') module.instances.set(name.text, ctor.text);
      }
    }
  }
}

/** True when the file imports or requires one of `packages` (or a subpath of one). */
export function importsAny(module: TsModule, packages: readonly string[]): boolean {
  for (const spec of module.specifiers) if (packages.some((p) => spec === p || spec.startsWith(`${p}/`))) return true;
  return false;
}

/** The package a local name is imported from, when it is one of `packages`. */
export function importedFrom(module: TsModule, local: string, packages: readonly string[]): ImportedName | undefined {
  const found = module.imports.get(local);
  if (!found) return undefined;
  return packages.some((p) => found.from === p || found.from.startsWith(`${p}/`)) ? found : undefined;
}

/**
 * The handler a registration names (its last argument): a function of this file, an imported one, a method of an
 * imported controller (`ctrl.list`), or an inline function. Wrappers such as `asyncHandler(list)` are looked through.
 */
export function tsHandler(node: Node | undefined, module: TsModule, depth = 0): HandlerRef | undefined {
  if (!node || depth > 3) return undefined;
  switch (node.type) {
    case 'shorthand_property_identifier':
    case 'identifier': {
      const imported = module.imports.get(node.text);
      if (imported)
        return {
          from: imported.from,
          imported: imported.imported,
          ...(imported.imported === 'default' || imported.imported === '*' ? {} : { symbol: imported.imported }),
        };
      return { local: true, symbol: node.text };
    }
    case 'member_expression': {
      const object = node.childForFieldName('object');
      const property = node.childForFieldName('property')?.text;
      if (!property) return undefined;
      if (object?.type === 'identifier') {
        const imported = module.imports.get(object.text);
        if (imported) {
          if (imported.imported === '*') return { from: imported.from, imported: property, symbol: property };
          return {
            from: imported.from,
            imported: imported.imported,
            symbol: `${imported.imported === 'default' ? object.text : imported.imported}.${property}`,
          };
        }
        const cls = module.instances.get(object.text);
        if (cls) {
          const classImport = module.imports.get(cls);
          if (classImport)
            return { from: classImport.from, imported: classImport.imported, symbol: `${cls}.${property}` };
          return { local: true, symbol: `${cls}.${property}` };
        }
      }
      if (object?.type === 'this') return { local: true };
      return { local: true, symbol: node.text };
    }
    case 'call_expression': {
      // asyncHandler(list), ctrl.list.bind(ctrl)
      const fn = node.childForFieldName('function');
      if (fn?.type === 'member_expression' && fn.childForFieldName('property')?.text === 'bind')
        return tsHandler(fn.childForFieldName('object') ?? undefined, module, depth + 1);
      const args = kids(node.childForFieldName('arguments') ?? node);
      const last = args[args.length - 1];
      return last ? tsHandler(last, module, depth + 1) : undefined;
    }
    case 'arrow_function':
    case 'function_expression':
    case 'function':
      return { local: true };
    default:
      return undefined;
  }
}

/** The name of the top-level function (or class) a node sits in, for routes registered on a plugin's parameter. */
export function enclosingTopLevel(node: Node): string | undefined {
  let current: Node | null = node;
  let name: string | undefined;
  while (current && current.parent) {
    if (['function_declaration', 'class_declaration'].includes(current.type))
      name = current.childForFieldName('name')?.text ?? name;
    if (current.type === 'variable_declarator') name = current.childForFieldName('name')?.text ?? name;
    current = current.parent;
  }
  return name;
}
