// The imports of a file (contract §5.1): what it imports, from which literal specifier, whether only for types, and
// which names, so that the graph can follow a name through a re-exporting file (a barrel) to the file defining it.
// Read from tree-sitter's tree; a file with syntax errors keeps every import that could be read.
import type { LanguageId } from './languages';
import type { CodeParser, Node } from './parser';

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
}

const EMPTY: FileImports = { imports: [], reexports: [], exports: [], partial: false };

export async function importsOf(parser: CodeParser, language: LanguageId, text: string): Promise<FileImports> {
  switch (language) {
    case 'typescript':
    case 'tsx':
    case 'javascript':
      return parser.withTree(language, text, (tree) => scriptImports(tree.rootNode, language !== 'javascript'));
    case 'go':
      return parser.withTree(language, text, (tree) => goImports(tree.rootNode));
    case 'python':
      return parser.withTree(language, text, (tree) => pythonImports(tree.rootNode));
    case 'java':
      return parser.withTree(language, text, (tree) => javaImports(tree.rootNode));
    default:
      return EMPTY;
  }
}

function stringValue(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'string' || node.type === 'interpreted_string_literal' || node.type === 'raw_string_literal') {
    // A template or concatenation is not literal; only plain quoted text counts.
    const fragments = node.namedChildren.filter((c) => c !== null);
    if (fragments.some((c) => c.type !== 'string_fragment' && c.type !== 'interpreted_string_literal_content' && c.type !== 'raw_string_literal_content' && c.type !== 'escape_sequence')) return undefined;
    const raw = node.text;
    if (raw.length < 2) return undefined;
    // `'./\x61'` is `./a` to the runtime: escapes are decoded, as the compiler reads the string.
    return node.type === 'raw_string_literal' ? raw.slice(1, -1) : decodeEscapes(raw.slice(1, -1));
  }
  if (node.type === 'template_string') {
    const parts = node.namedChildren.filter((c) => c !== null);
    return parts.every((c) => c.type === 'string_fragment' || c.type === 'escape_sequence') ? decodeEscapes(node.text.slice(1, -1)) : undefined;
  }
  return undefined;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', a: '\x07', '0': '\0' };

/** The text of a JS/TS or Go string literal's content with its escapes decoded (`\x61`, `\u0061`, `\u{61}`, `\141`). */
export function decodeEscapes(content: string): string {
  if (!content.includes('\\')) return content;
  return content.replace(/\\(?:x([0-9a-fA-F]{2})|u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([0-7]{1,3})|(\r\n|[\s\S]))/g, (_m, x, braced, u, bigU, octal, other: string | undefined) => {
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
  });
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

  const visit = (node: Node): void => {
    switch (node.type) {
      case 'import_statement':
        readImport(node);
        return;
      case 'export_statement':
        readExport(node);
        return;
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
      case 'shorthand_property_identifier':
        valueUses.add(node.text);
        return;
    }
    for (const child of node.namedChildren) if (child) visit(child);
  };

  const readImport = (node: Node): void => {
    const line = node.startPosition.row;
    const requireClause = node.namedChildren.find((c) => c?.type === 'import_require_clause');
    if (requireClause) {
      const specifier = stringValue(requireClause.childForFieldName('source') ?? requireClause.namedChildren.find((c) => c?.type === 'string'));
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
        localExports.push({ local, as: spec.childForFieldName('alias')?.text ?? local, line, typeOnly: typeOnly || hasKeyword(spec, 'type') });
      }
      return;
    }
    const isDefault = hasKeyword(node, 'default');
    if (isDefault) exports.add('default');
    const declaration = node.childForFieldName('declaration');
    if (declaration) {
      if (!isDefault) for (const name of declaredNames(declaration)) exports.add(name);
      // The declaration's body uses names as values like any other code.
      visit(declaration);
    }
    const value = node.childForFieldName('value');
    if (value) visit(value);
  };

  visit(root);

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
    // Names passed on by `export { a }` are followed through the re-export, not as this file's own use.
    if (used.length === 0) record.typeOnly = true;
    else record.names = [...new Set(used.map((b) => b.imported))];
  }
  for (const record of imports) {
    if (record.kind === 'import-equals' && !record.typeOnly && typed) {
      const own = bindings.filter((b) => b.record === record);
      if (own.length > 0 && own.every((b) => !valueUses.has(b.local))) record.typeOnly = true;
    }
  }

  return { imports, reexports, exports: [...exports], partial: root.hasError };
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
  const visit = (node: Node): void => {
    if (node.type === 'import_spec') {
      const specifier = stringValue(node.childForFieldName('path'));
      if (specifier !== undefined) imports.push({ specifier, kind: 'import', line: node.startPosition.row, typeOnly: false });
      return;
    }
    // Imports sit at the top of a file; nothing inside a function can import.
    if (node.type === 'function_declaration' || node.type === 'method_declaration') return;
    for (const child of node.namedChildren) if (child) visit(child);
  };
  visit(root);
  return { imports, reexports: [], exports: [], partial: root.hasError };
}

function pythonImports(root: Node): FileImports {
  const imports: ImportRecord[] = [];
  const dotted = (node: Node | null | undefined): string | undefined => (node?.type === 'dotted_name' ? node.text.replace(/\s+/g, '') : undefined);
  const visit = (node: Node): void => {
    const line = node.startPosition.row;
    if (node.type === 'import_statement') {
      for (const child of node.namedChildren) {
        const name = child?.type === 'aliased_import' ? dotted(child.childForFieldName('name')) : dotted(child);
        if (name !== undefined) imports.push({ specifier: name, kind: 'import', line, typeOnly: insideTypeChecking(node) });
      }
      return;
    }
    if (node.type === 'import_from_statement') {
      const moduleNode = node.childForFieldName('module_name');
      if (!moduleNode) return;
      const specifier = moduleNode.type === 'relative_import' ? moduleNode.text.replace(/\s+/g, '') : dotted(moduleNode);
      if (specifier === undefined) return;
      const names: string[] = [];
      for (const child of node.namedChildren) {
        if (!child || child === moduleNode || child.equals(moduleNode)) continue;
        if (child.type === 'wildcard_import') names.push('*');
        const name = child.type === 'aliased_import' ? dotted(child.childForFieldName('name')) : dotted(child);
        if (name !== undefined) names.push(name);
      }
      // `if TYPE_CHECKING:` imports exist only for the type checker.
      imports.push({ specifier, kind: 'import', line, typeOnly: insideTypeChecking(node), names });
      return;
    }
    const runTime = djangoDottedString(node);
    if (runTime !== undefined) dottedStrings.push({ record: { specifier: runTime.module, kind: 'dynamic', line, typeOnly: false }, how: runTime.how });
    for (const child of node.namedChildren) if (child) visit(child);
  };
  const dottedStrings: { record: ImportRecord; how: 'ROOT_URLCONF' | 'include' }[] = [];
  visit(root);
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
    return assignment?.type === 'assignment' && /^(ROOT_URLCONF|INSTALLED_APPS)$/.test(assignment.childForFieldName('left')?.text ?? '');
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
      if (dot > 0) out.push({ specifier: value.slice(0, dot), kind: 'dynamic', line: node.startPosition.row, typeOnly: false, names: [value.slice(dot + 1)] });
      else if (outer === 'INSTALLED_APPS') out.push({ specifier: value, kind: 'dynamic', line: node.startPosition.row, typeOnly: false });
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
    return node.childForFieldName('left')?.text === 'ROOT_URLCONF' && value !== undefined && DOTTED.test(value) ? { module: value, how: 'ROOT_URLCONF' } : undefined;
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
  if (parts.some((c) => c.type !== 'string_start' && c.type !== 'string_content' && c.type !== 'string_end')) return undefined;
  if (/^[A-Za-z]*f/i.test(parts[0]?.text ?? '')) return undefined;
  return parts.filter((c) => c.type === 'string_content').map((c) => c.text).join('');
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
  for (const node of root.namedChildren) {
    if (node?.type !== 'import_declaration') continue;
    const name = node.namedChildren.find((c) => c?.type === 'scoped_identifier' || c?.type === 'identifier');
    if (!name) continue;
    const star = node.namedChildren.some((c) => c?.type === 'asterisk');
    const specifier = star ? `${name.text}.*` : name.text;
    imports.push({ specifier: specifier.replace(/\s+/g, ''), kind: 'import', line: node.startPosition.row, typeOnly: false, ...(hasKeyword(node, 'static') ? { names: ['static'] } : {}) });
  }
  return { imports, reexports: [], exports: [], partial: root.hasError };
}

/** The package a Java file declares (`package a.b;`), read without a parse: it is the first statement. */
export function javaPackageOf(text: string): string | undefined {
  return /^\s*package\s+([\w.]+)\s*;/m.exec(text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, ''))?.[1];
}
