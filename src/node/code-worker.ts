// The code worker (bundled as dist/code-worker.js): answers the engine's questions about code (src/core/code) off the
// calling thread, so parsing a repository never blocks the extension host or the CLI's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import type { LanguageId } from '../core/code/languages';
import { ParseError, type ParseFailure } from '../core/code/parser';
import { answer, type QuestionName } from '../core/questions/questions';
import { codeParser } from './tree-sitter-host';

export interface CodeWorkerData {
  wasmDir: string;
}

export type ToCodeWorker = { id: number; question: QuestionName; language: LanguageId; text: string; path: string };

export type FromCodeWorker =
  { id: number; ok: true; answer: unknown } | { id: number; ok: false; message: string; reason?: ParseFailure };

const port = parentPort;
if (port) {
  const parser = codeParser((workerData as CodeWorkerData).wasmDir);
  port.on('message', (message: ToCodeWorker) => {
    answer(parser, message.question, message.language, message.text, message.path).then(
      (result) => port.postMessage({ id: message.id, ok: true, answer: result } satisfies FromCodeWorker),
      (err: unknown) => {
        const reply: FromCodeWorker = {
          id: message.id,
          ok: false,
          message: err instanceof Error ? err.message : String(err),
        };
        if (err instanceof ParseError) reply.reason = err.reason;
        port.postMessage(reply);
      },
    );
  });
}
