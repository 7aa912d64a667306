// What each language declares, for the symbol finder (./symbols.ts): per tree-sitter node type, the symbols it
// declares and the bodies whose members are named under it. Node types not listed are either walked through
// (`transparent`: files, namespaces, export wrappers, class bodies) or skipped — so nothing inside a function body
// or an expression is ever read as a declaration.
//
// Choices, the same in every language:
// - Namespaces and packages (C#, C++, PHP, Java, Go) are not part of a name: `Cart.add`, as a touchpoint writes it.
//   TypeScript namespaces and Rust modules are containers (`Ns.fn`, `tests.it_works`): they are values and paths.
// - Top-level constants and variables count when exported (TS/JS `export`, Go and C# capitalised names are not
//   special-cased beyond Go's rule), and in TS/JS also when not exported but their value is a function, an arrow
//   function or a class: those are functions in all but syntax. Python module variables are not symbols.
// - Members: methods, constructors, fields and properties, interface members, enum members.
import type { Node } from './parser';

export type SymbolKind =
  | 'class'
  | 'interface'
  | 'enum'
  | 'type'
  | 'function'
  | 'method'
  | 'constructor'
  | 'field'
  | 'property'
  | 'constant'
  | 'variable'
  | 'enum-member'
  | 'module';

export interface Found {
  name: string;
  /** Undefined for a scope that is no symbol itself (a Rust `impl`): its members are named under `name`. */
  kind?: SymbolKind;
  nameNode?: Node;
  /** The declaration's range when it is not the node's own (one of several declarators). */
  rangeNode?: Node;
  /** Bodies whose declarations are members of this one. */
  members?: Node[];
}

export type Rule = (node: Node, prefix: string) => Found[];

export interface LanguageRules {
  declarations: Readonly<Record<string, Rule>>;
  transparent: ReadonlySet<string>;
  /** Nodes that wrap one declaration (`export`, decorators): the declaration's range is the wrapper's. */
  wrappers: ReadonlySet<string>;
  /** Children of a wrapper that are not declarations (decorators, comments). */
  wrapperExtras: ReadonlySet<string>;
}

function field(node: Node, name: string): Node | undefined {
  return node.childForFieldName(name) ?? undefined;
}

function named(node: Node, ...types: string[]): Node[] {
  return node.namedChildren.filter((c): c is Node => c !== null && types.includes(c.type));
}

/** A declaration named by its `name` field; `body` (a field or child types) holds its members. */
function decl(kind: SymbolKind, options: { nameField?: string; body?: string | string[] } = {}): Rule {
  return (node) => {
    const nameNode = field(node, options.nameField ?? 'name');
    if (!nameNode) return [];
    const found: Found = { name: clean(nameNode.text), kind, nameNode };
    if (options.body !== undefined) {
      const bodies =
        typeof options.body === 'string'
          ? [field(node, options.body)].filter((b): b is Node => b !== undefined)
          : named(node, ...options.body);
      found.members = bodies;
    }
    return [found];
  };
}

/** Names as a touchpoint writes them: no quotes, no `$`, `::` as `.`. */
function clean(text: string): string {
  return text.replace(/^['"`$]|['"`]$/g, '').replace(/::/g, '.');
}

/** Each `name` child of the node's declarators (Java `int a, b;`, C# fields, PHP properties). */
function declarators(
  kind: SymbolKind,
  declaratorTypes: string[],
  nameOf: (d: Node) => Node | undefined,
  within?: (n: Node) => Node[],
): Rule {
  return (node) => {
    const list = (within ? within(node) : [node]).flatMap((n) => named(n, ...declaratorTypes));
    return list.flatMap((d): Found[] => {
      const nameNode = nameOf(d);
      return nameNode
        ? [{ name: clean(nameNode.text), kind, nameNode, ...(list.length > 1 ? { rangeNode: d } : {}) }]
        : [];
    });
  };
}

// TypeScript, TSX and JavaScript

const FUNCTION_VALUES = new Set(['arrow_function', 'function_expression', 'function', 'generator_function', 'class']);

const jsVariables: Rule = (node) => {
  const exported = node.parent?.type === 'export_statement';
  const list = named(node, 'variable_declarator');
  return list.flatMap((d): Found[] => {
    const nameNode = field(d, 'name');
    if (!nameNode || nameNode.type !== 'identifier') return [];
    const value = field(d, 'value');
    const isFunction = value !== undefined && FUNCTION_VALUES.has(value.type);
    // Module level only (a namespace's body counts as one); `exported` or a function in all but syntax.
    if (!exported && !isFunction) return [];
    const kind: SymbolKind = isFunction
      ? value.type === 'class'
        ? 'class'
        : 'function'
      : node.text.startsWith('const')
        ? 'constant'
        : 'variable';
    return [{ name: nameNode.text, kind, nameNode, ...(list.length > 1 ? { rangeNode: d } : {}) }];
  });
};

function jsRules(): LanguageRules {
  const enumMembers: Rule = (node) => {
    const nameNode = field(node, 'name');
    if (!nameNode) return [];
    const body = field(node, 'body');
    const members: Found[] = [{ name: clean(nameNode.text), kind: 'enum', nameNode }];
    // Enum members are bare identifiers in the body, not declarations of their own.
    const prefixName = clean(nameNode.text);
    for (const m of body?.namedChildren ?? []) {
      if (!m) continue;
      const memberName =
        m.type === 'enum_assignment'
          ? field(m, 'name')
          : m.type === 'property_identifier' || m.type === 'string'
            ? m
            : undefined;
      if (memberName)
        members.push({
          name: `${prefixName}.${clean(memberName.text)}`,
          kind: 'enum-member',
          nameNode: memberName,
          rangeNode: m,
        });
    }
    return members;
  };
  const member = (kind: SymbolKind): Rule => decl(kind);
  return {
    declarations: {
      function_declaration: decl('function'),
      generator_function_declaration: decl('function'),
      function_signature: decl('function'),
      class_declaration: decl('class', { body: 'body' }),
      abstract_class_declaration: decl('class', { body: 'body' }),
      interface_declaration: decl('interface', { body: 'body' }),
      enum_declaration: enumMembers,
      type_alias_declaration: decl('type'),
      internal_module: decl('module', { body: 'body' }),
      module: decl('module', { body: 'body' }),
      method_definition: member('method'),
      method_signature: member('method'),
      abstract_method_signature: member('method'),
      public_field_definition: member('field'),
      field_definition: decl('field', { nameField: 'property' }),
      property_signature: member('property'),
      lexical_declaration: jsVariables,
      variable_declaration: jsVariables,
    },
    transparent: new Set([
      'program',
      'export_statement',
      'class_body',
      'interface_body',
      'object_type',
      'expression_statement',
      'ambient_declaration',
      'statement_block',
    ]),
    wrappers: new Set(['export_statement', 'ambient_declaration']),
    wrapperExtras: new Set(['decorator', 'comment']),
  };
}

// Go

function goReceiverType(node: Node): string | undefined {
  const receiver = field(node, 'receiver');
  const param = receiver ? named(receiver, 'parameter_declaration')[0] : undefined;
  let type = param ? field(param, 'type') : undefined;
  while (type && (type.type === 'pointer_type' || type.type === 'generic_type' || type.type === 'parenthesized_type')) {
    type = type.type === 'generic_type' ? field(type, 'type') : (type.namedChildren[0] ?? undefined);
  }
  return type?.text;
}

const goExported = (name: string) => /^\p{Lu}/u.test(name);

function goRules(): LanguageRules {
  const typeSpec: Rule = (node) => {
    const nameNode = field(node, 'name');
    const type = field(node, 'type');
    if (!nameNode) return [];
    const kind: SymbolKind =
      type?.type === 'struct_type' ? 'class' : type?.type === 'interface_type' ? 'interface' : 'type';
    const declaration =
      node.parent?.type === 'type_declaration' && named(node.parent, 'type_spec').length === 1 ? node.parent : node;
    const members =
      type?.type === 'struct_type'
        ? named(type, 'field_declaration_list')
        : type?.type === 'interface_type'
          ? [type]
          : [];
    return [{ name: nameNode.text, kind, nameNode, rangeNode: declaration, members }];
  };
  const spec =
    (kind: SymbolKind): Rule =>
    (node, prefix) => {
      if (prefix) return [];
      const names = named(node, 'identifier').filter((n) => goExported(n.text));
      const parent = node.parent?.type === 'var_spec_list' ? node.parent.parent : node.parent;
      const alone =
        parent &&
        named(parent, 'const_spec', 'var_spec').length +
          (node.parent?.type === 'var_spec_list' ? named(node.parent, 'var_spec').length - 1 : 0) ===
          1;
      return names.map((n) => ({
        name: n.text,
        kind,
        nameNode: n,
        ...(alone && names.length === 1 ? { rangeNode: parent } : {}),
      }));
    };
  return {
    declarations: {
      function_declaration: decl('function'),
      method_declaration: (node) => {
        const nameNode = field(node, 'name');
        const receiver = goReceiverType(node);
        if (!nameNode) return [];
        return [{ name: receiver ? `${receiver}.${nameNode.text}` : nameNode.text, kind: 'method', nameNode }];
      },
      type_spec: typeSpec,
      type_alias: typeSpec,
      field_declaration: (node) =>
        named(node, 'field_identifier').map((n) => ({ name: n.text, kind: 'field' as const, nameNode: n })),
      method_elem: decl('method'),
      method_spec: decl('method'),
      const_spec: spec('constant'),
      var_spec: spec('variable'),
    },
    transparent: new Set([
      'source_file',
      'type_declaration',
      'const_declaration',
      'var_declaration',
      'var_spec_list',
      'field_declaration_list',
    ]),
    wrappers: new Set(),
    wrapperExtras: new Set(),
  };
}

// Python

function pythonRules(): LanguageRules {
  return {
    declarations: {
      class_definition: decl('class', { body: 'body' }),
      function_definition: (node, prefix) => {
        const nameNode = field(node, 'name');
        if (!nameNode) return [];
        const inClass = node.parent?.type === 'block' || node.parent?.parent?.type === 'block';
        return [
          {
            name: nameNode.text,
            kind: prefix && inClass ? (nameNode.text === '__init__' ? 'constructor' : 'method') : 'function',
            nameNode,
          },
        ];
      },
    },
    transparent: new Set(['module', 'decorated_definition', 'block']),
    wrappers: new Set(['decorated_definition']),
    wrapperExtras: new Set(['decorator', 'comment']),
  };
}

// Java

function javaRules(): LanguageRules {
  const container = (kind: SymbolKind) => decl(kind, { body: 'body' });
  return {
    declarations: {
      class_declaration: container('class'),
      interface_declaration: container('interface'),
      enum_declaration: container('enum'),
      record_declaration: container('class'),
      annotation_type_declaration: container('interface'),
      method_declaration: decl('method'),
      constructor_declaration: decl('constructor'),
      compact_constructor_declaration: decl('constructor'),
      annotation_type_element_declaration: decl('method'),
      field_declaration: declarators('field', ['variable_declarator'], (d) => field(d, 'name')),
      constant_declaration: declarators('constant', ['variable_declarator'], (d) => field(d, 'name')),
      enum_constant: decl('enum-member'),
    },
    transparent: new Set([
      'program',
      'class_body',
      'interface_body',
      'enum_body',
      'enum_body_declarations',
      'annotation_type_body',
    ]),
    wrappers: new Set(),
    wrapperExtras: new Set(),
  };
}

// C#

function csharpRules(): LanguageRules {
  const container = (kind: SymbolKind) => decl(kind, { body: 'body' });
  return {
    declarations: {
      class_declaration: container('class'),
      struct_declaration: container('class'),
      record_declaration: container('class'),
      record_struct_declaration: container('class'),
      interface_declaration: container('interface'),
      enum_declaration: container('enum'),
      method_declaration: decl('method'),
      constructor_declaration: decl('constructor'),
      destructor_declaration: decl('method'),
      property_declaration: decl('property'),
      event_declaration: decl('property'),
      delegate_declaration: decl('type'),
      enum_member_declaration: decl('enum-member'),
      field_declaration: declarators(
        'field',
        ['variable_declarator'],
        (d) => field(d, 'name') ?? named(d, 'identifier')[0],
        (n) => named(n, 'variable_declaration'),
      ),
      event_field_declaration: declarators(
        'field',
        ['variable_declarator'],
        (d) => field(d, 'name') ?? named(d, 'identifier')[0],
        (n) => named(n, 'variable_declaration'),
      ),
    },
    transparent: new Set([
      'compilation_unit',
      'namespace_declaration',
      'file_scoped_namespace_declaration',
      'declaration_list',
      'enum_member_declaration_list',
    ]),
    wrappers: new Set(),
    wrapperExtras: new Set(),
  };
}

// Rust

function rustTypeName(type: Node | undefined): string | undefined {
  if (!type) return undefined;
  if (type.type === 'generic_type') return rustTypeName(field(type, 'type'));
  if (type.type === 'scoped_type_identifier') return field(type, 'name')?.text;
  if (type.type === 'reference_type') return rustTypeName(field(type, 'type'));
  return type.text;
}

function rustRules(): LanguageRules {
  return {
    declarations: {
      function_item: (node, prefix) => decl(prefix ? 'method' : 'function')(node, prefix),
      function_signature_item: decl('method'),
      struct_item: decl('class', { body: 'body' }),
      union_item: decl('class', { body: 'body' }),
      enum_item: decl('enum', { body: 'body' }),
      trait_item: decl('interface', { body: 'body' }),
      mod_item: decl('module', { body: 'body' }),
      const_item: decl('constant'),
      static_item: decl('variable'),
      type_item: decl('type'),
      associated_type: decl('type'),
      macro_definition: decl('function'),
      field_declaration: decl('field'),
      enum_variant: decl('enum-member'),
      impl_item: (node) => {
        const name = rustTypeName(field(node, 'type'));
        const body = field(node, 'body');
        return name && body ? [{ name, members: [body] }] : [];
      },
    },
    transparent: new Set(['source_file', 'declaration_list', 'field_declaration_list', 'enum_variant_list']),
    wrappers: new Set(),
    wrapperExtras: new Set(),
  };
}

// Ruby

function rubyRules(): LanguageRules {
  const container =
    (kind: SymbolKind): Rule =>
    (node) => {
      const nameNode = field(node, 'name');
      if (!nameNode) return [];
      return [{ name: clean(nameNode.text), kind, nameNode, members: [node] }];
    };
  return {
    declarations: {
      class: container('class'),
      module: container('module'),
      method: (node, prefix) => decl(prefix ? 'method' : 'function')(node, prefix),
      singleton_method: decl('method'),
    },
    transparent: new Set(['program', 'body_statement', 'singleton_class']),
    wrappers: new Set(),
    wrapperExtras: new Set(),
  };
}

// PHP

function phpRules(): LanguageRules {
  const container = (kind: SymbolKind) => decl(kind, { body: 'body' });
  return {
    declarations: {
      class_declaration: container('class'),
      interface_declaration: container('interface'),
      trait_declaration: container('class'),
      enum_declaration: container('enum'),
      method_declaration: decl('method'),
      function_definition: decl('function'),
      enum_case: decl('enum-member'),
      property_declaration: declarators('property', ['property_element'], (d) => {
        const variable = field(d, 'name') ?? named(d, 'variable_name')[0];
        return variable ? (named(variable, 'name')[0] ?? variable) : undefined;
      }),
      const_declaration: declarators('constant', ['const_element'], (d) => named(d, 'name')[0]),
    },
    transparent: new Set([
      'program',
      'namespace_definition',
      'compound_statement',
      'declaration_list',
      'enum_declaration_list',
    ]),
    wrappers: new Set(),
    wrapperExtras: new Set(),
  };
}

// C++

/** The name a declarator declares: through pointers, references and the function declarator. */
function cppDeclaratorName(node: Node | undefined): Node | undefined {
  let d = node;
  while (
    d &&
    [
      'pointer_declarator',
      'reference_declarator',
      'function_declarator',
      'array_declarator',
      'parenthesized_declarator',
      'init_declarator',
    ].includes(d.type)
  ) {
    d = field(d, 'declarator') ?? d.namedChildren.find((c) => c !== null && c.type !== 'type_qualifier') ?? undefined;
  }
  return d;
}

function isFunctionDeclarator(node: Node | undefined): boolean {
  let d = node;
  while (d && (d.type === 'pointer_declarator' || d.type === 'reference_declarator')) d = field(d, 'declarator');
  return d?.type === 'function_declarator';
}

/** `shop::Cart::add` is `Cart.add`: the scope nearest the name is its class; outer scopes are namespaces. */
function cppName(nameNode: Node): string {
  const segments = nameNode.text
    .replace(/<[^<>]*>/g, '')
    .split('::')
    .map((s) => s.trim());
  return segments.slice(-2).join('.');
}

function cppRules(): LanguageRules {
  const container =
    (kind: SymbolKind): Rule =>
    (node) => {
      const nameNode = field(node, 'name');
      const body = field(node, 'body');
      if (!nameNode || !body) return [];
      return [{ name: clean(nameNode.text.replace(/<[^<>]*>/g, '')), kind, nameNode, members: [body] }];
    };
  const functionDefinition: Rule = (node, prefix) => {
    const nameNode = cppDeclaratorName(field(node, 'declarator'));
    if (!nameNode) return [];
    const qualified = nameNode.type === 'qualified_identifier';
    const name = cppName(nameNode);
    return [
      {
        name: qualified && prefix ? name.split('.').pop()! : name,
        kind: prefix || qualified ? 'method' : 'function',
        nameNode,
      },
    ];
  };
  /** Inside a class: methods and fields it declares; elsewhere only classes nested in the declaration's type. */
  const declaration: Rule = (node, prefix) => {
    const out: Found[] = [];
    const type = field(node, 'type');
    if (type && ['class_specifier', 'struct_specifier', 'union_specifier', 'enum_specifier'].includes(type.type))
      out.push(...containerRules[type.type]!(type, prefix));
    if (!prefix) return out;
    const declared = node.childrenForFieldName('declarator').filter((d): d is Node => d !== null);
    for (const d of declared) {
      const nameNode = cppDeclaratorName(d);
      if (!nameNode) continue;
      out.push({
        name: cppName(nameNode),
        kind: isFunctionDeclarator(d) ? 'method' : 'field',
        nameNode,
        ...(declared.length > 1 ? { rangeNode: d } : {}),
      });
    }
    return out;
  };
  const containerRules: Record<string, Rule> = {
    class_specifier: container('class'),
    struct_specifier: container('class'),
    union_specifier: container('class'),
    enum_specifier: container('enum'),
  };
  return {
    declarations: {
      ...containerRules,
      function_definition: functionDefinition,
      field_declaration: declaration,
      declaration,
      enumerator: decl('enum-member'),
    },
    transparent: new Set([
      'translation_unit',
      'namespace_definition',
      'declaration_list',
      'field_declaration_list',
      'template_declaration',
      'linkage_specification',
      'enumerator_list',
      'preproc_if',
      'preproc_ifdef',
      'preproc_else',
      'preproc_elif',
      'type_definition',
      'access_specifier',
    ]),
    wrappers: new Set(['template_declaration']),
    wrapperExtras: new Set(['template_parameter_list', 'comment']),
  };
}

export const RULES: Readonly<Record<import('./languages').LanguageId, LanguageRules>> = (() => {
  const js = jsRules();
  return {
    typescript: js,
    tsx: js,
    javascript: js,
    go: goRules(),
    python: pythonRules(),
    java: javaRules(),
    csharp: csharpRules(),
    rust: rustRules(),
    ruby: rubyRules(),
    php: phpRules(),
    cpp: cppRules(),
  };
})();
