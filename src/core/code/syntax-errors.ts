// Where tree-sitter could not read a file: one of the questions of src/core/questions/questions.ts, kept beside the
// parser it reads so the parser's tests need nothing above core/code.
import type { LanguageId } from './languages';
import type { CodeParser, Node } from './parser';

/** Where tree-sitter found text it could not read (ERROR and MISSING nodes), zero-based. */
export interface SyntaxProblem {
  line: number;
  character: number;
  missing: boolean;
}

export interface SyntaxErrors {
  problems: SyntaxProblem[];
}

/** At most this many problems are listed; a file with more is still known to have them. */
const MAX_PROBLEMS = 20;

export async function syntaxErrors(parser: CodeParser, language: LanguageId, text: string): Promise<SyntaxErrors> {
  return parser.withTree(language, text, (tree) => {
    const problems: SyntaxProblem[] = [];
    const visit = (node: Node): void => {
      if (problems.length >= MAX_PROBLEMS) return;
      if (node.isError || node.isMissing) {
        problems.push({ line: node.startPosition.row, character: node.startPosition.column, missing: node.isMissing });
        return;
      }
      if (!node.hasError) return;
      for (const child of node.children) if (child) visit(child);
    };
    visit(tree.rootNode);
    return { problems };
  });
}
