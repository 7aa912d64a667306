// The questions the engine asks of code, one entry point each, answered from one parse. Each answer is plain,
// structured-cloneable data, so the same function runs in a worker thread (src/node/code-worker.ts), on the calling
// thread, and in tests; and answers can be cached by content.
import type { LanguageId } from './languages';
import { importsOf } from './imports';
import type { CodeParser, Node } from './parser';
import { entryPointFacts } from '../entry-points/facts';
import { findSymbols } from './symbols';

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

/**
 * Every question by name. A question added here is answered by the worker and the reader with no other change:
 * (parser, language, text, path) -> plain data.
 */
export const QUESTIONS = {
  syntaxErrors: (parser: CodeParser, language: LanguageId, text: string, _path: string) => syntaxErrors(parser, language, text),
  imports: (parser: CodeParser, language: LanguageId, text: string, _path: string) => importsOf(parser, language, text),
  entryPoints: entryPointFacts,
  symbols: (parser: CodeParser, language: LanguageId, text: string, _path: string) => findSymbols(parser, language, text),
} as const;

export type QuestionName = keyof typeof QUESTIONS;
export type Answer<Q extends QuestionName> = Awaited<ReturnType<(typeof QUESTIONS)[Q]>>;

export function answer<Q extends QuestionName>(
  parser: CodeParser,
  question: Q,
  language: LanguageId,
  text: string,
  path: string,
): Promise<Answer<Q>> {
  return QUESTIONS[question](parser, language, text, path) as Promise<Answer<Q>>;
}
