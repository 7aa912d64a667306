// The questions the engine asks of code, one entry point each, answered from one parse. Each answer is plain,
// structured-cloneable data, so the same function runs in a worker thread (src/node/code-worker.ts), on the calling
// thread, and in tests; and answers can be cached by content.
import type { LanguageId } from '../code/languages';
import { importsOf } from '../code/imports';
import type { CodeParser } from '../code/parser';
import { syntaxErrors } from '../code/syntax-errors';
import { entryPointFacts } from '../entry-points/facts';
import { findSymbols } from '../code/symbols';

/**
 * Every question by name. A question added here is answered by the worker and the reader with no other change:
 * (parser, language, text, path) -> plain data.
 */
export const QUESTIONS = {
  syntaxErrors: (parser: CodeParser, language: LanguageId, text: string, _path: string) =>
    syntaxErrors(parser, language, text),
  imports: (parser: CodeParser, language: LanguageId, text: string, _path: string) => importsOf(parser, language, text),
  entryPoints: entryPointFacts,
  symbols: (parser: CodeParser, language: LanguageId, text: string, _path: string) =>
    findSymbols(parser, language, text),
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
