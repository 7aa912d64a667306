// The one symbol finder of the engine (contract §3): the declarations of a file with their qualified names
// (`Outer.inner` at any depth, Go methods and Rust impl members under their type) and zero-based ranges, read from
// one tree-sitter parse. The CLI's change impact and the editor's lenses and hovers both ask this question, so they
// agree. What each language declares is a table in ./symbol-rules.ts.
import type { LanguageId } from './languages';
import type { CodeParser, Node, Tree } from './parser';
import { RULES, type LanguageRules, type SymbolKind } from './symbol-rules';

export type { SymbolKind };

/** Zero-based line and column (UTF-16 code units, as the tree-sitter runtime reads a JavaScript string). */
export interface CodePosition {
  line: number;
  character: number;
}

export interface CodeRange {
  start: CodePosition;
  end: CodePosition;
}

export interface CodeSymbol {
  /** Qualified: `RefundService.requestRefund`, `Service.Method` for a Go method, `Money.fmt` in a Rust impl. */
  name: string;
  kind: SymbolKind;
  /** The whole declaration, with its `export` or decorators when the grammar wraps it in them. */
  range: CodeRange;
  /** The declaration's name. */
  selectionRange: CodeRange;
}

export interface FileSymbols {
  symbols: CodeSymbol[];
  /** True when tree-sitter had to recover from syntax errors: the ranges may then be off. */
  syntaxErrors: boolean;
}

/** The declarations of `text`, in document order (a container before its members). */
export async function findSymbols(parser: CodeParser, language: LanguageId, text: string): Promise<FileSymbols> {
  return parser.withTree(language, text, (tree) => symbolsOfTree(tree, language));
}

/** The same from a tree the caller owns (the editor keeps trees to re-parse them incrementally). */
export function symbolsOfTree(tree: Tree, language: LanguageId): FileSymbols {
  const rules = RULES[language];
  const symbols: CodeSymbol[] = [];
  walkMembers(tree.rootNode, '', rules, symbols);
  return { symbols, syntaxErrors: tree.rootNode.hasError };
}

function walkMembers(container: Node, prefix: string, rules: LanguageRules, out: CodeSymbol[]): void {
  for (const child of container.namedChildren) {
    if (child) visit(child, prefix, rules, out);
  }
}

function visit(node: Node, prefix: string, rules: LanguageRules, out: CodeSymbol[]): void {
  const rule = rules.declarations[node.type];
  if (rule) {
    for (const found of rule(node, prefix)) {
      const name = prefix ? `${prefix}.${found.name}` : found.name;
      if (found.kind !== undefined && found.nameNode) {
        out.push({
          name,
          kind: found.kind,
          range: rangeOf(found.rangeNode ?? wrapperOf(node, rules)),
          selectionRange: rangeOf(found.nameNode),
        });
      }
      if (found.members) for (const body of found.members) walkMembers(body, name, rules, out);
    }
    return;
  }
  if (rules.transparent.has(node.type)) walkMembers(node, prefix, rules, out);
}

/** `export class A {}` and Python's decorated definitions wrap the declaration: the change of either is the symbol's. */
function wrapperOf(node: Node, rules: LanguageRules): Node {
  const parent = node.parent;
  return parent &&
    rules.wrappers.has(parent.type) &&
    parent.namedChildren.filter((c) => c && !rules.wrapperExtras.has(c.type)).length === 1
    ? parent
    : node;
}

function rangeOf(node: Node): CodeRange {
  return {
    start: { line: node.startPosition.row, character: node.startPosition.column },
    end: { line: node.endPosition.row, character: node.endPosition.column },
  };
}
