// The imports of a file (contract §5.1): what it imports, from which literal specifier, whether only for types, and
// which names, so that the graph can follow a name through a re-exporting file (a barrel) to the file defining it.
// Read from tree-sitter's tree; a file with syntax errors keeps every import that could be read.
import type { LanguageId } from './languages';
import type { CodeParser, Node, Tree } from './parser';
import { symbolsOfTree } from './symbols';

export type ImportKind = 'import' | 'export' | 'require' | 'dynamic' | 'import-equals';

export interface ImportRecord {
  /** As written: `./a`, `@shop/money`, `example.com/m/pkg`, `a.b.c` (Python, Java), `..x` (Python relative). */
  specifier: string;
  kind: ImportKind;
  /** Zero-based line of the statement. */
  line: number;
  /** `import type`, `export type`, every name `type`, or names used only in type positions: no run-time edge. */
  typeOnly: boolean;
  /**
   * The names taken from the target as it exports them ('default', or `*` for all of it). Absent when the whole
   * module is taken (a side-effect import, `require`, `import()`, Go, Java).
   */
  names?: string[];
  /**
   * TypeScript: names of this import that a decorated class uses only in the types the compiler writes into decorator
   * metadata (`design:paramtypes`, `design:type`, `design:returntype`). Run-time edges where the nearest tsconfig sets
   * `emitDecoratorMetadata` (contract §5.6); otherwise types only.
   */
  metadata?: string[];
  /** Names written into metadata only as `A | null` or `A | undefined`: kept when `strictNullChecks` is off. */
  metadataLoose?: string[];
  /** The qualified names of the declarations (symbols) inside which a name of this import is used. */
  usedIn?: string[];
}

/** A type named by the class or module that says what stands in for it, as written in this file (contract §5.6). */
export interface TypeRef {
  /** The name as the target exports it (an imported name), or as this file or its package declares it. */
  name: string;
  /** The import it came through (TS/JS); absent for a name of this file or of its package (Java, Go). */
  specifier?: string;
}

/** `class B implements A`, `class B extends AbstractA`, `interface B extends A`, `{ provide: A, useClass: B }`. */
export interface Implementation {
  impl: TypeRef;
  of: TypeRef;
  /** A provider object says so itself: `of` need not be abstract. */
  provider?: true;
}

/** `export { a as b } from './x'` and `import { a } from './x'; export { a }`: the file passes names on. */
export interface Reexport {
  specifier: string;
  line: number;
  typeOnly: boolean;
  /** `*` for `export * from`; otherwise each name as the target exports it (`from`) and as this file does (`as`). */
  names: '*' | { from: string; as: string }[];
}

export interface FileImports {
  imports: ImportRecord[];
  reexports: Reexport[];
  /** Names this file itself defines and exports (TS/JS), 'default' included. */
  exports: string[];
  /** True when the file has syntax errors: what could be read is here. */
  partial: boolean;
  /** Exported names that are types only (interfaces, type aliases): decorator metadata writes `Object` for them. */
  typeExports?: string[];
  /** Interfaces and abstract classes this file declares: what an implementation can stand in for. */
  abstracts?: string[];
  /** Implementations this file declares (contract §5.6). */
  implementations?: Implementation[];
  /** Java, Go: the simple names the file uses that its package may declare in another file (types, identifiers). */
  uses?: string[];
  /** Go: the package-level names this file declares (types, functions, variables, constants). */
  declares?: string[];
  /** Go: the methods this file declares (matched against selectors used in the package's other files). */
  methods?: string[];
}

/** Bumped whenever what `importsOf` answers changes shape: cached answers of an older version are read again. */
export const IMPORTS_VERSION = 2;

const EMPTY: FileImports = { imports: [], reexports: [], exports: [], partial: false };

export async function importsOf(parser: CodeParser, language: LanguageId, text: string): Promise<FileImports> {
  switch (language) {
    case 'typescript':
    case 'tsx':
    case 'javascript':
      return parser.withTree(language, text, (tree) =>
        withUsedIn(scriptImports(tree.rootNode, language !== 'javascript'), tree, language),
      );
    case 'go':
      return parser.withTree(language, text, (tree) => withUsedIn(goImports(tree.rootNode), tree, language));
    case 'python':
      return parser.withTree(language, text, (tree) => withUsedIn(pythonImports(tree.rootNode), tree, language));
    case 'java':
      return parser.withTree(language, text, (tree) => withUsedIn(javaImports(tree.rootNode), tree, language));
    default:
      return EMPTY;
  }
}

/**
 * Visits `root` and the nodes below it in document order, iteratively: a deeply nested file cannot overflow the call
 * stack. `visit` returns whether to walk into the node's named children; a visitor that walks into only some of them
 * (or into other nodes) pushes those onto `stack` itself and returns false. Pushed nodes are visited next.
 */
function walkInOrder(root: Node, visit: (node: Node) => boolean, stack: Node[] = []): void {
  stack.push(root);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!visit(node)) continue;
    for (let c = node.namedChildren.length - 1; c >= 0; c--) {
      const child = node.namedChildren[c];
      if (child) stack.push(child);
    }
  }
}

function stringValue(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'string' || node.type === 'interpreted_string_literal' || node.type === 'raw_string_literal') {
    // A template or concatenation is not literal; only plain quoted text counts.
    const fragments = node.namedChildren.filter((c) => c !== null);
    if (
      fragments.some(
        (c) =>
          c.type !== 'string_fragment' &&
          c.type !== 'interpreted_string_literal_content' &&
          c.type !== 'raw_string_literal_content' &&
          c.type !== 'escape_sequence',
      )
    )
      return undefined;
    const raw = node.text;
    if (raw.length < 2) return undefined;
    // `'./\x61'` is `./a` to the runtime: escapes are decoded, as the compiler reads the string.
    return node.type === 'raw_string_literal' ? raw.slice(1, -1) : decodeEscapes(raw.slice(1, -1));
  }
  if (node.type === 'template_string') {
    const parts = node.namedChildren.filter((c) => c !== null);
    return parts.every((c) => c.type === 'string_fragment' || c.type === 'escape_sequence')
      ? decodeEscapes(node.text.slice(1, -1))
      : undefined;
  }
  return undefined;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
  v: '\v',
  a: '\x07',
  '0': '\0',
};

/** The text of a JS/TS or Go string literal's content with its escapes decoded (`\x61`, `\u0061`, `\u{61}`, `\141`). */
export function decodeEscapes(content: string): string {
  if (!content.includes('\\')) return content;
  return content.replace(
    /\\(?:x([0-9a-fA-F]{2})|u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([0-7]{1,3})|(\r\n|[\s\S]))/g,
    (_m, x, braced, u, bigU, octal, other: string | undefined) => {
      const hex = (x ?? braced ?? u ?? bigU) as string | undefined;
      if (hex !== undefined) {
        const code = parseInt(hex, 16);
        return code <= 0x10ffff ? String.fromCodePoint(code) : '';
      }
      if (octal !== undefined) return octal === '0' ? '\0' : String.fromCharCode(parseInt(octal as string, 8) & 0xff);
      if (other === undefined) return '';
      // A line continuation is nothing; any other escaped character is itself.
      if (other === '\n' || other === '\r\n' || other === '\r' || other === '\u2028' || other === '\u2029') return '';
      return SIMPLE_ESCAPES[other] ?? other;
    },
  );
}

function hasKeyword(node: Node, keyword: string): boolean {
  for (const child of node.children) if (child && !child.isNamed && child.type === keyword) return true;
  return false;
}

interface Binding {
  record: ImportRecord;
  imported: string;
  local: string;
  typeOnly: boolean;
}

function scriptImports(root: Node, typed: boolean): FileImports {
  const imports: ImportRecord[] = [];
  const reexports: Reexport[] = [];
  const exports = new Set<string>();
  const bindings: Binding[] = [];
  /** Names used as values anywhere outside import statements and export clauses. */
  const valueUses = new Set<string>();
  /** Local names exported by a bare `export { a, b as c }`. */
  const localExports: { local: string; as: string; line: number; typeOnly: boolean }[] = [];
  /** Where each value use is: for the symbols that use an import. */
  const positions = new Map<string, Position[]>();
  /** Names the compiler writes into decorator metadata (the first segment of each serialized type reference). */
  const metadataUses = new Set<string>();
  /** Those written only as `A | null` (or undefined): the compiler drops null there only without strictNullChecks. */
  const metadataLoose = new Set<string>();
  /** Where those types are written (for the symbols that use a metadata import). */
  const metadataPositions = new Map<string, Position[]>();
  const typeExports = new Set<string>();
  const abstracts = new Set<string>();
  /** Implementations with local names, mapped to their imports once every binding is known. */
  const localImplementations: { impl: string; of: string; provider?: true }[] = [];

  /** Nodes still to visit: iterative, so that a deeply nested file cannot overflow the call stack. */
  const stack: Node[] = [];
  const visit = (node: Node): boolean => {
    switch (node.type) {
      case 'import_statement':
        readImport(node);
        return false;
      case 'export_statement':
        readExport(node);
        return false;
      case 'call_expression': {
        const fn = node.childForFieldName('function');
        const args = node.childForFieldName('arguments');
        const first = args?.namedChildren.find((c) => c !== null && c.type !== 'comment');
        if (fn && first && args && args.namedChildren.filter((c) => c?.type !== 'comment').length >= 1) {
          const specifier = stringValue(first);
          if (specifier !== undefined && fn.type === 'import') {
            imports.push({ specifier, kind: 'dynamic', line: node.startPosition.row, typeOnly: false });
          } else if (specifier !== undefined && fn.type === 'identifier' && fn.text === 'require') {
            imports.push({ specifier, kind: 'require', line: node.startPosition.row, typeOnly: false });
          }
        }
        break;
      }
      case 'identifier':
      case 'shorthand_property_identifier': {
        valueUses.add(node.text);
        if (!importedLocals.has(node.text)) return false;
        let list = positions.get(node.text);
        if (!list) positions.set(node.text, (list = []));
        list.push(node.startPosition);
        return false;
      }
      case 'class_declaration':
      case 'abstract_class_declaration':
      case 'class':
        readClass(node);
        break;
      case 'interface_declaration': {
        const name = node.childForFieldName('name')?.text;
        if (name !== undefined) {
          abstracts.add(name);
          for (const clause of node.namedChildren) {
            if (clause?.type !== 'extends_type_clause') continue;
            for (const t of clause.namedChildren) {
              const of = t ? typeHead(t) : undefined;
              if (of !== undefined) localImplementations.push({ impl: name, of });
            }
          }
        }
        break;
      }
      case 'object':
        readProvider(node);
        break;
    }
    return true;
  };

  /** `class B extends A implements I`: B stands in for A and I; decorated members name their types in metadata. */
  const readClass = (node: Node): void => {
    const name = node.childForFieldName('name')?.text;
    if (name !== undefined && node.type === 'abstract_class_declaration') abstracts.add(name);
    const heritage = node.namedChildren.find((c) => c?.type === 'class_heritage');
    if (name !== undefined && heritage) {
      for (const clause of heritage.namedChildren) {
        if (!clause) continue;
        if (clause.type === 'extends_clause') {
          const value = clause.childForFieldName('value') ?? clause.namedChildren.find((c) => c !== null);
          if (value?.type === 'identifier') localImplementations.push({ impl: name, of: value.text });
        } else if (clause.type === 'implements_clause') {
          for (const t of clause.namedChildren) {
            const of = t ? typeHead(t) : undefined;
            if (of !== undefined) localImplementations.push({ impl: name, of });
          }
        } else if (clause.type === 'identifier') localImplementations.push({ impl: name, of: clause.text });
      }
    }
    if (!typed) return;
    const decorators = (n: Node | null | undefined): number =>
      n ? n.namedChildren.filter((c) => c?.type === 'decorator').length : 0;
    const params = (m: Node): Node[] =>
      (m.childForFieldName('parameters')?.namedChildren ?? []).filter(
        (p): p is Node => p !== null && (p.type === 'required_parameter' || p.type === 'optional_parameter'),
      );
    const note = (type: Node | null | undefined): void => {
      const head = serializedType(type);
      if (head === undefined || !type) return;
      (head.loose ? metadataLoose : metadataUses).add(head.name);
      let list = metadataPositions.get(head.name);
      if (!list) metadataPositions.set(head.name, (list = []));
      list.push(type.startPosition);
    };
    const body = node.childForFieldName('body');
    if (!body) return;
    const members = body.namedChildren.filter((m): m is Node => m !== null);
    const classDecorated =
      decorators(node) > 0 || (node.parent?.type === 'export_statement' && decorators(node.parent) > 0);
    let pending = false;
    for (const m of members) {
      if (m.type === 'decorator') {
        pending = true;
        continue;
      }
      if (m.type === 'method_definition') {
        const ps = params(m);
        const paramDecorated = ps.some((p) => decorators(p) > 0);
        if (m.childForFieldName('name')?.text === 'constructor') {
          // `design:paramtypes` of the constructor: written when the class or a constructor parameter is decorated.
          if (classDecorated || paramDecorated) for (const p of ps) note(p.childForFieldName('type'));
        } else if (pending || paramDecorated) {
          for (const p of ps) note(p.childForFieldName('type'));
          note(m.childForFieldName('return_type'));
        }
      } else if (m.type === 'public_field_definition' && (pending || decorators(m) > 0)) {
        note(m.childForFieldName('type'));
      }
      pending = false;
    }
  };

  /** `{ provide: A, useClass: B }` and `useExisting: B`: B stands in for A, whatever A is. */
  const readProvider = (node: Node): void => {
    let provide: string | undefined;
    const uses: string[] = [];
    for (const pair of node.namedChildren) {
      if (pair?.type !== 'pair') continue;
      const key = pair.childForFieldName('key')?.text;
      const value = pair.childForFieldName('value');
      if (value?.type !== 'identifier') continue;
      if (key === 'provide') provide = value.text;
      else if (key === 'useClass' || key === 'useExisting') uses.push(value.text);
    }
    if (provide !== undefined)
      for (const impl of uses) if (impl !== provide) localImplementations.push({ impl, of: provide, provider: true });
  };

  const readImport = (node: Node): void => {
    const line = node.startPosition.row;
    const requireClause = node.namedChildren.find((c) => c?.type === 'import_require_clause');
    if (requireClause) {
      const specifier = stringValue(
        requireClause.childForFieldName('source') ?? requireClause.namedChildren.find((c) => c?.type === 'string'),
      );
      const local = requireClause.namedChildren.find((c) => c?.type === 'identifier')?.text;
      if (specifier === undefined) return;
      const record: ImportRecord = { specifier, kind: 'import-equals', line, typeOnly: hasKeyword(node, 'type') };
      imports.push(record);
      if (local !== undefined && !record.typeOnly) bindings.push({ record, imported: '*', local, typeOnly: false });
      return;
    }
    const specifier = stringValue(node.childForFieldName('source'));
    if (specifier === undefined) return;
    const typeOnly = hasKeyword(node, 'type');
    const record: ImportRecord = { specifier, kind: 'import', line, typeOnly };
    imports.push(record);
    const clause = node.namedChildren.find((c) => c?.type === 'import_clause');
    if (!clause) return; // `import './x'`: the whole module, for its effects.
    const names: string[] = [];
    for (const part of clause.namedChildren) {
      if (!part) continue;
      if (part.type === 'identifier') {
        names.push('default');
        bindings.push({ record, imported: 'default', local: part.text, typeOnly });
      } else if (part.type === 'namespace_import') {
        names.push('*');
        const local = part.namedChildren.find((c) => c?.type === 'identifier')?.text;
        if (local !== undefined) bindings.push({ record, imported: '*', local, typeOnly });
      } else if (part.type === 'named_imports') {
        for (const spec of part.namedChildren) {
          if (!spec || spec.type !== 'import_specifier') continue;
          const name = spec.childForFieldName('name');
          if (!name) continue;
          const imported = name.type === 'string' ? (stringValue(name) ?? name.text) : name.text;
          const local = spec.childForFieldName('alias')?.text ?? imported;
          names.push(imported);
          bindings.push({ record, imported, local, typeOnly: typeOnly || hasKeyword(spec, 'type') });
        }
      }
    }
    record.names = names;
  };

  const readExport = (node: Node): void => {
    const line = node.startPosition.row;
    const typeOnly = hasKeyword(node, 'type');
    const source = node.childForFieldName('source');
    const clause = node.namedChildren.find((c) => c?.type === 'export_clause');
    if (source) {
      const specifier = stringValue(source);
      if (specifier === undefined) return;
      const namespace = node.namedChildren.find((c) => c?.type === 'namespace_export');
      if (namespace) {
        // `export * as ns from './x'`: this file defines `ns`, which is all of the target.
        const name = namespace.namedChildren.find((c) => c !== null)?.text;
        if (name !== undefined) reexports.push({ specifier, line, typeOnly, names: [{ from: '*', as: name }] });
      } else if (clause) {
        const names: { from: string; as: string }[] = [];
        let allTypes = true;
        for (const spec of clause.namedChildren) {
          if (!spec || spec.type !== 'export_specifier') continue;
          const name = spec.childForFieldName('name')?.text;
          if (name === undefined) continue;
          if (!hasKeyword(spec, 'type')) allTypes = false;
          names.push({ from: name, as: spec.childForFieldName('alias')?.text ?? name });
        }
        reexports.push({ specifier, line, typeOnly: typeOnly || (names.length > 0 && allTypes), names });
      } else {
        reexports.push({ specifier, line, typeOnly, names: '*' });
      }
      return;
    }
    if (clause) {
      for (const spec of clause.namedChildren) {
        if (!spec || spec.type !== 'export_specifier') continue;
        const local = spec.childForFieldName('name')?.text;
        if (local === undefined) continue;
        localExports.push({
          local,
          as: spec.childForFieldName('alias')?.text ?? local,
          line,
          typeOnly: typeOnly || hasKeyword(spec, 'type'),
        });
      }
      return;
    }
    // `@Module({ providers: [...] }) export class M {}`: the decorators are the statement's, and run.
    for (const child of node.namedChildren) if (child?.type === 'decorator') stack.push(child);
    const isDefault = hasKeyword(node, 'default');
    if (isDefault) exports.add('default');
    const declaration = node.childForFieldName('declaration');
    if (declaration) {
      if (!isDefault) for (const name of declaredNames(declaration)) exports.add(name);
      if (
        !isDefault &&
        (declaration.type === 'interface_declaration' || declaration.type === 'type_alias_declaration')
      ) {
        for (const name of declaredNames(declaration)) typeExports.add(name);
      }
      // The declaration's body uses names as values like any other code.
      stack.push(declaration);
    }
    const value = node.childForFieldName('value');
    if (value) stack.push(value);
  };

  // The names imports bind (imports sit at the top level): only their uses need a position.
  const importedLocals = new Set<string>();
  for (const top of root.namedChildren) {
    if (top?.type !== 'import_statement') continue;
    const collect = (n: Node): void => {
      if (n.type === 'identifier') importedLocals.add(n.text);
      else if (n.type === 'import_specifier') {
        const local = n.childForFieldName('alias') ?? n.childForFieldName('name');
        if (local) importedLocals.add(local.text);
      } else if (n.type !== 'string') for (const c of n.namedChildren) if (c) collect(c);
    };
    collect(top);
  }
  walkInOrder(root, visit, stack);

  // A bare `export { a }` of an imported binding passes the target's name on; of anything else, this file defines it.
  const byLocal = new Map(bindings.map((b) => [b.local, b]));
  for (const exported of localExports) {
    const binding = byLocal.get(exported.local);
    if (binding) {
      reexports.push({
        specifier: binding.record.specifier,
        line: exported.line,
        typeOnly: exported.typeOnly || binding.typeOnly,
        names: [{ from: binding.imported, as: exported.as }],
      });
    } else {
      exports.add(exported.as);
    }
  }

  // An import whose every name is a type, or (in TypeScript) is never used as a value, is elided by the compiler.
  const reexported = new Set(localExports.map((e) => e.local));
  for (const record of imports) {
    if (record.typeOnly || record.kind !== 'import' || record.names === undefined) continue;
    const own = bindings.filter((b) => b.record === record);
    if (own.length === 0) continue;
    const runtime = own.filter((b) => !b.typeOnly && (!typed || valueUses.has(b.local) || reexported.has(b.local)));
    const used = runtime.filter((b) => !reexported.has(b.local) || valueUses.has(b.local));
    const metadata = own.filter((b) => !b.typeOnly && typed && !valueUses.has(b.local) && metadataUses.has(b.local));
    if (metadata.length > 0) record.metadata = [...new Set(metadata.map((b) => b.imported))];
    const loose = own.filter(
      (b) =>
        !b.typeOnly && typed && !valueUses.has(b.local) && !metadataUses.has(b.local) && metadataLoose.has(b.local),
    );
    if (loose.length > 0) record.metadataLoose = [...new Set(loose.map((b) => b.imported))];
    // Names passed on by `export { a }` are followed through the re-export, not as this file's own use.
    if (used.length === 0) record.typeOnly = true;
    else record.names = [...new Set(used.map((b) => b.imported))];
  }
  for (const b of bindings) {
    const at = [...(positions.get(b.local) ?? []), ...(metadataPositions.get(b.local) ?? [])];
    if (at.length > 0) usePositions.set(b.record, [...(usePositions.get(b.record) ?? []), ...at]);
  }
  for (const record of imports) {
    if (record.kind === 'import-equals' && !record.typeOnly && typed) {
      const own = bindings.filter((b) => b.record === record);
      if (own.length > 0 && own.every((b) => !valueUses.has(b.local))) record.typeOnly = true;
    }
  }

  const ref = (local: string): TypeRef => {
    const b = byLocal.get(local);
    return b && b.imported !== '*' ? { name: b.imported, specifier: b.record.specifier } : { name: local };
  };
  const implementations = localImplementations.map((i): Implementation => ({
    impl: ref(i.impl),
    of: ref(i.of),
    ...(i.provider ? { provider: true as const } : {}),
  }));

  const out: FileImports = { imports, reexports, exports: [...exports], partial: root.hasError };
  if (typeExports.size > 0) out.typeExports = [...typeExports];
  if (abstracts.size > 0) out.abstracts = [...abstracts];
  if (implementations.length > 0) out.implementations = implementations;
  return out;
}

/** A type's head name, as written: `A`, `A<T>` → A. */
function typeHead(node: Node): string | undefined {
  if (node.type === 'type_identifier' || node.type === 'identifier') return node.text;
  if (node.type === 'generic_type') {
    const name = node.childForFieldName('name') ?? node.namedChildren.find((c) => c !== null);
    return name?.type === 'type_identifier' || name?.type === 'identifier' ? name.text : undefined;
  }
  return undefined;
}

/**
 * What the compiler writes into decorator metadata for a type annotation, reduced to the name it refers to at run time
 * (TypeScript's serializeTypeNode): a type reference is itself (`Repo<T>` → Repo, `ns.A` → ns); a union or
 * intersection whose members all name the same reference is that one; anything else (keywords, arrays, functions,
 * literals, object types, mixed unions, `any`, `unknown`) is a global (`Object`, `Array`, `String`...) and names
 * nothing here. `null` and `undefined` members are dropped only without strictNullChecks: then the answer is `loose`.
 */
function serializedType(node: Node | null | undefined): { name: string; loose: boolean } | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'type_annotation':
    case 'parenthesized_type':
      return serializedType(node.namedChildren.find((c) => c !== null));
    case 'type_identifier':
      return { name: node.text, loose: false };
    case 'generic_type':
      return serializedType(node.childForFieldName('name') ?? node.namedChildren.find((c) => c !== null));
    case 'nested_type_identifier':
      return { name: node.text.split('.')[0]!.trim(), loose: false };
    case 'union_type':
    case 'intersection_type': {
      const heads = new Set<string | undefined>();
      let loose = false;
      const add = (n: Node): void => {
        if (n.type === node.type || n.type === 'parenthesized_type') {
          for (const c of n.namedChildren) if (c) add(c);
          return;
        }
        const text = n.text.trim();
        if (text === 'never') return;
        if (text === 'null' || text === 'undefined') {
          loose = true;
          return;
        }
        heads.add(serializedType(n)?.name);
      };
      for (const c of node.namedChildren) if (c) add(c);
      const name = heads.size === 1 ? [...heads][0] : undefined;
      return name === undefined ? undefined : { name, loose };
    }
    default:
      return undefined;
  }
}

interface Position {
  row: number;
  column: number;
}

/** Where the names of each import are used, set by the readers that know it (TS/JS, Python). */
const usePositions = new WeakMap<ImportRecord, Position[]>();

/**
 * Each import's `usedIn`: the declarations (qualified, containers included) inside which its names are used. One
 * sweep over the uses and the symbols in document order (symbols nest), so a large file costs uses + symbols.
 */
function withUsedIn(read: FileImports, tree: Tree, language: LanguageId): FileImports {
  const uses: { at: number; names: Set<string> }[] = [];
  const key = (row: number, column: number): number => row * 0x100000 + Math.min(column, 0xfffff);
  const sets = new Map<ImportRecord, Set<string>>();
  for (const record of read.imports) {
    const at = usePositions.get(record);
    if (!at || at.length === 0 || (record.typeOnly && !record.metadata && !record.metadataLoose)) continue;
    const names = new Set<string>();
    sets.set(record, names);
    for (const p of at) uses.push({ at: key(p.row, p.column), names });
  }
  if (uses.length === 0) return read;
  uses.sort((a, b) => a.at - b.at);
  const found = symbolsOfTree(tree, language).symbols;
  const symbols = found
    .map((s) => ({
      name: s.name,
      kind: s.kind,
      start: key(s.range.start.line, s.range.start.character),
      end: key(s.range.end.line, s.range.end.character),
    }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  /** The members of each container: a name a class keeps in a field or takes in its constructor, its methods use. */
  const members = new Map<string, string[]>();
  for (const s of found) {
    const dot = s.name.lastIndexOf('.');
    if (dot < 0) continue;
    const container = s.name.slice(0, dot);
    const list = members.get(container);
    if (list) list.push(s.name);
    else members.set(container, [s.name]);
  }
  const open: { name: string; kind: string; end: number }[] = [];
  let next = 0;
  for (const use of uses) {
    while (next < symbols.length && symbols[next]!.start <= use.at) {
      const s = symbols[next++]!;
      while (open.length > 0 && open[open.length - 1]!.end <= s.start) open.pop();
      open.push(s);
    }
    while (open.length > 0 && open[open.length - 1]!.end <= use.at) open.pop();
    // Symbols nest, but a recovered tree may not: check each open one.
    let innermost: (typeof open)[number] | undefined;
    for (const s of open) {
      if (s.end <= use.at) continue;
      use.names.add(s.name);
      innermost = s;
    }
    if (!innermost) continue;
    // Injected state: a field's type, a constructor's parameter, the class's own heritage or decorators.
    const member =
      innermost.kind === 'field' ||
      innermost.kind === 'property' ||
      innermost.kind === 'constructor' ||
      /\.(constructor|__init__)$/.test(innermost.name);
    const container = member
      ? innermost.name.slice(0, innermost.name.lastIndexOf('.'))
      : innermost.kind === 'class'
        ? innermost.name
        : undefined;
    if (container !== undefined) for (const m of members.get(container) ?? []) use.names.add(m);
  }
  for (const [record, names] of sets) record.usedIn = [...names];
  return read;
}

function declaredNames(node: Node): string[] {
  switch (node.type) {
    case 'function_declaration':
    case 'generator_function_declaration':
    case 'class_declaration':
    case 'abstract_class_declaration':
    case 'interface_declaration':
    case 'type_alias_declaration':
    case 'enum_declaration':
    case 'module':
    case 'internal_module': {
      const name = node.childForFieldName('name');
      return name ? [name.text] : [];
    }
    case 'lexical_declaration':
    case 'variable_declaration': {
      const names: string[] = [];
      for (const d of node.namedChildren) {
        if (d?.type !== 'variable_declarator') continue;
        const name = d.childForFieldName('name');
        if (name) names.push(...patternNames(name));
      }
      return names;
    }
    default:
      return [];
  }
}

function patternNames(node: Node): string[] {
  if (node.type === 'identifier' || node.type === 'shorthand_property_identifier_pattern') return [node.text];
  const out: string[] = [];
  for (const child of node.namedChildren) {
    if (!child) continue;
    // `{ a: b }` binds b, not a.
    if (child.type === 'pair_pattern') {
      const value = child.childForFieldName('value');
      if (value) out.push(...patternNames(value));
    } else out.push(...patternNames(child));
  }
  return out;
}

function goImports(root: Node): FileImports {
  const imports: ImportRecord[] = [];
  const declares = new Set<string>();
  const methods = new Set<string>();
  const uses = new Set<string>();
  const positions = new Map<string, Position[]>();
  const aliases = new Map<ImportRecord, string>();
  /** The name an import is used by: its alias, or the last segment of its path (`yaml.v3` → yaml). */
  const packageName = (record: ImportRecord): string =>
    aliases.get(record) ?? record.specifier.slice(record.specifier.lastIndexOf('/') + 1).replace(/^go-|\.v\d+$/g, '');
  const packageNames = new Set<string>();
  const named = (n: Node | null | undefined): void => {
    if (n) declares.add(n.text);
  };
  for (const top of root.namedChildren) {
    if (!top) continue;
    if (top.type === 'function_declaration') named(top.childForFieldName('name'));
    else if (top.type === 'method_declaration') {
      const name = top.childForFieldName('name')?.text;
      if (name !== undefined) methods.add(name);
    } else if (top.type === 'type_declaration' || top.type === 'var_declaration' || top.type === 'const_declaration') {
      const specs = (n: Node): Node[] =>
        n.namedChildren.flatMap((c) =>
          !c
            ? []
            : c.type.endsWith('_spec') || c.type === 'type_alias'
              ? [c]
              : c.type.endsWith('_spec_list')
                ? specs(c)
                : [],
        );
      for (const spec of specs(top)) {
        if (spec.type === 'type_spec' || spec.type === 'type_alias') named(spec.childForFieldName('name'));
        else for (const c of spec.childrenForFieldName('name')) if (c) named(c);
      }
    }
  }
  const visit = (node: Node): boolean => {
    switch (node.type) {
      case 'import_spec': {
        const specifier = stringValue(node.childForFieldName('path'));
        if (specifier !== undefined) {
          const record: ImportRecord = { specifier, kind: 'import', line: node.startPosition.row, typeOnly: false };
          imports.push(record);
          const alias = node.childForFieldName('name');
          if (alias?.type === 'package_identifier') aliases.set(record, alias.text);
          packageNames.add(packageName(record));
        }
        return false;
      }
      case 'package_clause':
        return false;
      // `pkg.Type` names another package's type, not this package's.
      case 'qualified_type': {
        const pkg = node.childForFieldName('package');
        if (pkg) stack.push(pkg);
        return false;
      }
      // A struct field's own name uses nothing; its type does.
      case 'field_declaration': {
        const type = node.childForFieldName('type');
        if (type) stack.push(type);
        return false;
      }
      // `pkg.Name` (a package_identifier in a type, an identifier in an expression): where an import is used.
      case 'identifier':
      case 'type_identifier':
      case 'field_identifier':
      case 'package_identifier': {
        if (node.type !== 'package_identifier') uses.add(node.text);
        if (node.type === 'type_identifier' || node.type === 'field_identifier' || !packageNames.has(node.text))
          return false;
        let list = positions.get(node.text);
        if (!list) positions.set(node.text, (list = []));
        list.push(node.startPosition);
        return false;
      }
    }
    return true;
  };
  // The visitor pushes the children it chooses (a qualified type's package, a field's type) onto this stack itself.
  const stack: Node[] = [];
  walkInOrder(root, visit, stack);
  for (const d of [...declares, ...methods]) uses.delete(d);
  // Each import is used where its package name (the last segment of its path, or its alias) is.
  for (const record of imports) {
    const at = positions.get(packageName(record));
    if (at) usePositions.set(record, at);
  }
  const out: FileImports = { imports, reexports: [], exports: [], partial: root.hasError };
  if (uses.size > 0) out.uses = [...uses];
  if (declares.size > 0) out.declares = [...declares];
  if (methods.size > 0) out.methods = [...methods];
  return out;
}

function pythonImports(root: Node): FileImports {
  const imports: ImportRecord[] = [];
  const dotted = (node: Node | null | undefined): string | undefined =>
    node?.type === 'dotted_name' ? node.text.replace(/\s+/g, '') : undefined;
  /** The local names each import binds: `import a.b` binds a, `import a as c` c, `from m import x as y` y. */
  const bound: { record: ImportRecord; local: string }[] = [];
  const positions = new Map<string, Position[]>();
  const visit = (node: Node): boolean => {
    const line = node.startPosition.row;
    if (node.type === 'import_statement') {
      for (const child of node.namedChildren) {
        const name = child?.type === 'aliased_import' ? dotted(child.childForFieldName('name')) : dotted(child);
        if (name === undefined) continue;
        const record: ImportRecord = { specifier: name, kind: 'import', line, typeOnly: insideTypeChecking(node) };
        imports.push(record);
        const alias = child?.type === 'aliased_import' ? child.childForFieldName('alias')?.text : undefined;
        bound.push({ record, local: alias ?? name.split('.')[0]! });
      }
      return false;
    }
    if (node.type === 'import_from_statement') {
      const moduleNode = node.childForFieldName('module_name');
      if (!moduleNode) return false;
      const specifier =
        moduleNode.type === 'relative_import' ? moduleNode.text.replace(/\s+/g, '') : dotted(moduleNode);
      if (specifier === undefined) return false;
      const names: string[] = [];
      const locals: string[] = [];
      for (const child of node.namedChildren) {
        if (!child || child === moduleNode || child.equals(moduleNode)) continue;
        if (child.type === 'wildcard_import') names.push('*');
        const name = child.type === 'aliased_import' ? dotted(child.childForFieldName('name')) : dotted(child);
        if (name !== undefined) {
          names.push(name);
          locals.push(child.type === 'aliased_import' ? (child.childForFieldName('alias')?.text ?? name) : name);
        }
      }
      // `if TYPE_CHECKING:` imports exist only for the type checker.
      const record: ImportRecord = { specifier, kind: 'import', line, typeOnly: insideTypeChecking(node), names };
      imports.push(record);
      for (const local of locals) bound.push({ record, local });
      return false;
    }
    if (node.type === 'identifier') {
      let list = positions.get(node.text);
      if (!list) positions.set(node.text, (list = []));
      list.push(node.startPosition);
      return false;
    }
    const runTime = djangoDottedString(node);
    if (runTime !== undefined)
      dottedStrings.push({
        record: { specifier: runTime.module, kind: 'dynamic', line, typeOnly: false },
        how: runTime.how,
      });
    return true;
  };
  const dottedStrings: { record: ImportRecord; how: 'ROOT_URLCONF' | 'include' }[] = [];
  walkInOrder(root, visit);
  for (const { record, local } of bound) {
    const at = positions.get(local);
    if (at) usePositions.set(record, [...(usePositions.get(record) ?? []), ...at]);
  }
  // Modules Django imports by name at run time: `ROOT_URLCONF = 'site.urls'` (a settings file need not import
  // Django), and `include('shop.urls')` in a URL conf that imports Django.
  const django = imports.some((r) => r.specifier === 'django' || r.specifier.startsWith('django.'));
  for (const { record, how } of dottedStrings) if (how === 'ROOT_URLCONF' || django) imports.push(record);
  if (isDjangoSettings(root)) imports.push(...settingsStrings(root));
  return { imports, reexports: [], exports: [], partial: root.hasError };
}

/** A Django settings module sets ROOT_URLCONF or INSTALLED_APPS at its top level. */
function isDjangoSettings(root: Node): boolean {
  return root.namedChildren.some((statement) => {
    const assignment = statement?.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
    return (
      assignment?.type === 'assignment' &&
      /^(ROOT_URLCONF|INSTALLED_APPS)$/.test(assignment.childForFieldName('left')?.text ?? '')
    );
  });
}

/**
 * The dotted names a settings module gives Django to import (MIDDLEWARE, INSTALLED_APPS, AUTHENTICATION_BACKENDS,
 * WSGI_APPLICATION, REST_FRAMEWORK's classes…): `a.b.C` is read as `from a.b import C`, a submodule or a name of
 * the module, as Django's import_string does. (ROOT_URLCONF, a module, is read above.)
 */
function settingsStrings(root: Node): ImportRecord[] {
  const out: ImportRecord[] = [];
  // Iterative: a deeply nested settings file cannot overflow the call stack. Each node carries its setting's name.
  const stack: { node: Node; setting: string | undefined }[] = [{ node: root, setting: undefined }];
  while (stack.length > 0) {
    const { node, setting: outer } = stack.pop()!;
    if (node.type === 'string') {
      const value = pythonString(node);
      if (value === undefined || !DOTTED.test(value) || outer === 'ROOT_URLCONF') continue;
      const dot = value.lastIndexOf('.');
      // INSTALLED_APPS names modules, `shop` included; elsewhere a word without a dot is just a word.
      if (dot > 0)
        out.push({
          specifier: value.slice(0, dot),
          kind: 'dynamic',
          line: node.startPosition.row,
          typeOnly: false,
          names: [value.slice(dot + 1)],
        });
      else if (outer === 'INSTALLED_APPS')
        out.push({ specifier: value, kind: 'dynamic', line: node.startPosition.row, typeOnly: false });
      continue;
    }
    // Settings are data: a function's strings are not names given to Django.
    if (node.type === 'function_definition' || node.type === 'class_definition') continue;
    const setting = node.type === 'assignment' ? node.childForFieldName('left')?.text : outer;
    for (let c = node.namedChildren.length - 1; c >= 0; c--) {
      const child = node.namedChildren[c];
      if (child) stack.push({ node: child, setting });
    }
  }
  return out;
}

const DOTTED = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/;

/** `ROOT_URLCONF = 'site.urls'` or `include('shop.urls')` (also `include(('shop.urls', 'shop'))`): the module named. */
function djangoDottedString(node: Node): { module: string; how: 'ROOT_URLCONF' | 'include' } | undefined {
  if (node.type === 'assignment') {
    const value = pythonString(node.childForFieldName('right'));
    return node.childForFieldName('left')?.text === 'ROOT_URLCONF' && value !== undefined && DOTTED.test(value)
      ? { module: value, how: 'ROOT_URLCONF' }
      : undefined;
  }
  if (node.type !== 'call' || node.childForFieldName('function')?.text !== 'include') return undefined;
  let arg = node.childForFieldName('arguments')?.namedChildren[0];
  if (arg?.type === 'tuple') arg = arg.namedChildren[0];
  const value = pythonString(arg);
  return value !== undefined && DOTTED.test(value) ? { module: value, how: 'include' } : undefined;
}

/** A plain Python string literal's text (no f-string, no escapes, no concatenation). */
function pythonString(node: Node | null | undefined): string | undefined {
  if (node?.type !== 'string') return undefined;
  const parts = node.namedChildren.filter((c) => c !== null);
  if (parts.some((c) => c.type !== 'string_start' && c.type !== 'string_content' && c.type !== 'string_end'))
    return undefined;
  if (/^[A-Za-z]*f/i.test(parts[0]?.text ?? '')) return undefined;
  return parts
    .filter((c) => c.type === 'string_content')
    .map((c) => c.text)
    .join('');
}

function insideTypeChecking(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'if_statement') {
      const condition = p.childForFieldName('condition')?.text ?? '';
      if (/^(typing\.)?TYPE_CHECKING$/.test(condition.trim())) return true;
    }
  }
  return false;
}

function javaImports(root: Node): FileImports {
  const imports: ImportRecord[] = [];
  const uses = new Set<string>();
  const abstracts = new Set<string>();
  const implementations: Implementation[] = [];
  const positions = new Map<string, Position[]>();
  /** `A`, `A<T>` → A; `a.b.A` as written. */
  const typeName = (n: Node | null | undefined): string | undefined => {
    if (!n) return undefined;
    if (n.type === 'type_identifier' || n.type === 'identifier') return n.text;
    if (n.type === 'scoped_type_identifier') return n.text.replace(/\s+/g, '');
    if (n.type === 'generic_type') return typeName(n.namedChildren.find((c) => c?.type !== 'type_arguments'));
    return undefined;
  };
  const typesOf = (n: Node | null | undefined): string[] =>
    !n
      ? []
      : n.type === 'type_list' ||
          n.type === 'superclass' ||
          n.type === 'super_interfaces' ||
          n.type === 'extends_interfaces'
        ? n.namedChildren.flatMap(typesOf)
        : [typeName(n)].filter((t): t is string => t !== undefined);
  const visit = (node: Node): boolean => {
    switch (node.type) {
      case 'import_declaration': {
        const name = node.namedChildren.find((c) => c?.type === 'scoped_identifier' || c?.type === 'identifier');
        if (!name) return false;
        const star = node.namedChildren.some((c) => c?.type === 'asterisk');
        const specifier = star ? `${name.text}.*` : name.text;
        imports.push({
          specifier: specifier.replace(/\s+/g, ''),
          kind: 'import',
          line: node.startPosition.row,
          typeOnly: false,
          ...(hasKeyword(node, 'static') ? { names: ['static'] } : {}),
        });
        return false;
      }
      case 'package_declaration':
        return false;
      case 'class_declaration':
      case 'interface_declaration':
      case 'enum_declaration':
      case 'record_declaration': {
        const name = node.childForFieldName('name')?.text;
        if (name === undefined) break;
        const modifiers = node.namedChildren.find((c) => c?.type === 'modifiers');
        if (node.type === 'interface_declaration' || (modifiers && hasKeyword(modifiers, 'abstract')))
          abstracts.add(name);
        const supers = [
          ...typesOf(node.childForFieldName('superclass')),
          ...typesOf(node.childForFieldName('interfaces')),
          ...typesOf(node.namedChildren.find((c) => c?.type === 'extends_interfaces')),
        ];
        for (const of of supers) implementations.push({ impl: { name }, of: { name: of } });
        break;
      }
      case 'scoped_type_identifier': {
        // `Outer.Inner` or `a.b.Type`: the first segment is what this file names.
        const first = node.text.split('.')[0]!.trim();
        if (/^[A-Z]/.test(first)) uses.add(first);
        return false;
      }
      case 'type_identifier':
      case 'identifier':
        // Types, `Type.staticCall()`, `Type.CONSTANT`, `@Annotation`: capitalised, as Java names its types.
        if (/^[A-Z]/.test(node.text)) {
          uses.add(node.text);
          let list = positions.get(node.text);
          if (!list) positions.set(node.text, (list = []));
          list.push(node.startPosition);
        }
        return false;
    }
    return true;
  };
  walkInOrder(root, visit);
  // A single-type import is used where its simple name is; an on-demand or static one is not known here.
  for (const record of imports) {
    if (record.specifier.endsWith('.*') || record.names?.includes('static')) continue;
    const at = positions.get(record.specifier.slice(record.specifier.lastIndexOf('.') + 1));
    usePositions.set(record, at ?? []);
  }
  const out: FileImports = { imports, reexports: [], exports: [], partial: root.hasError };
  if (uses.size > 0) out.uses = [...uses];
  if (abstracts.size > 0) out.abstracts = [...abstracts];
  if (implementations.length > 0) out.implementations = implementations;
  return out;
}

/** The package a Java file declares (`package a.b;`), read without a parse: it is the first statement. */
export function javaPackageOf(text: string): string | undefined {
  return /^\s*package\s+([\w.]+)\s*;/m.exec(text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, ''))?.[1];
}
