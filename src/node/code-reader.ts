// Asks the engine's questions about code (src/core/questions/questions.ts) in a small pool of worker threads, with the
// answers cached by content: the same text asked the same question is parsed once. Used by the CLI and the
// extension alike. Without a worker script (or when a worker cannot start) questions run on the calling thread.
import { createHash } from 'node:crypto';
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import { languageOfPath, type LanguageId } from '../core/code/languages';
import { CodeParser, ParseError } from '../core/code/parser';
import type { Answer, QuestionName } from '../core/questions/questions';
import type * as Questions from '../core/questions/questions';
import type { CodeWorkerData, FromCodeWorker, ToCodeWorker } from './code-worker';
import { codeParser } from './tree-sitter-host';

export interface CodeReaderOptions {
  /** The folder of tree-sitter's runtime and grammars (dist/tree-sitter, or packageWasmDir() in tests). */
  wasmDir: string;
  /** dist/code-worker.js. */
  workerScript?: string;
  /** Worker threads to start at most (default: the cores, at most 2). */
  workers?: number;
  /** Answers kept in memory (default 20,000). */
  cacheEntries?: number;
  log?: (message: string) => void;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
  message: ToCodeWorker;
}

interface PoolWorker {
  worker: Worker;
  busy: Map<number, Pending>;
}

/** The key an answer is cached under: the question, the grammar and the text's hash. */
export function answerKey(question: string, language: LanguageId, text: string): string {
  return `${question}\u0000${language}\u0000${createHash('sha1').update(text).digest('hex')}`;
}

/**
 * This process's Node flags without module loaders (`--import tsx`, `--require`, `--loader`): the worker script is
 * a bundle that needs none, and a loader inherited from a process run through one (the benchmarks, under tsx) cost
 * each worker about 250 ms of CPU to start (node --cpu-prof of the graph bench), against about 165 ms of parsing.
 */
export function workerExecArgv(argv: readonly string[] = process.execArgv): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (/^(--import|--require|-r|--loader|--experimental-loader)$/.test(flag)) i++;
    else if (!/^(--import|--require|--loader|--experimental-loader)=/.test(flag)) out.push(flag);
  }
  return out;
}

let questions: typeof Questions | undefined;

/**
 * The parsing code, loaded on first use on this thread: the extension asks its workers, so its bundle leaves this to
 * dist/code-questions.js (scripts/build.mjs), which only a worker that cannot start ever loads.
 */
function loadQuestions(): typeof Questions {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (questions ??= require('../core/questions/questions') as typeof Questions);
}

export class CodeReader {
  private readonly pool: PoolWorker[] = [];
  private broken = false;
  private nextId = 0;
  private next = 0;
  private local: CodeParser | undefined;
  private readonly cache = new Map<string, unknown>();
  private disposed = false;
  /** How many questions were answered from the cache, and how many were parsed (for tests and the bench). */
  readonly stats = { cached: 0, parsed: 0 };

  constructor(private readonly options: CodeReaderOptions) {}

  /** True while questions go to worker threads. */
  get inWorkers(): boolean {
    return !this.broken && this.options.workerScript !== undefined;
  }

  /**
   * Answers `question` for the file at `path` with content `text`. Undefined when no grammar reads the file;
   * rejects with ParseError when the file is too large, binary or too slow to parse.
   */
  ask<Q extends QuestionName>(
    question: Q,
    path: string,
    text: string,
    language = languageOfPath(path),
  ): Promise<Answer<Q> | undefined> {
    if (!language) return Promise.resolve(undefined);
    if (this.disposed) return Promise.reject(new Error('The code reader was disposed.'));
    const key = answerKey(question, language, text);
    if (this.cache.has(key)) {
      this.stats.cached++;
      const hit = this.cache.get(key) as Answer<Q>;
      // Most recently used last.
      this.cache.delete(key);
      this.cache.set(key, hit);
      return Promise.resolve(hit);
    }
    this.stats.parsed++;
    const run = this.inWorkers
      ? this.inWorker(question, language, text, path)
      : this.onThisThread(question, language, text, path);
    return run.then((result) => {
      this.remember(key, result);
      return result;
    });
  }

  private remember(key: string, value: unknown): void {
    this.cache.set(key, value);
    const max = this.options.cacheEntries ?? 20_000;
    while (this.cache.size > max) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
  }

  private onThisThread<Q extends QuestionName>(
    question: Q,
    language: LanguageId,
    text: string,
    path: string,
  ): Promise<Answer<Q>> {
    this.local ??= codeParser(this.options.wasmDir);
    return loadQuestions().answer(this.local, question, language, text, path);
  }

  private inWorker<Q extends QuestionName>(
    question: Q,
    language: LanguageId,
    text: string,
    path: string,
  ): Promise<Answer<Q>> {
    const worker = this.pickWorker();
    if (!worker) return this.onThisThread(question, language, text, path);
    const message: ToCodeWorker = { id: this.nextId++, question, language, text, path };
    return new Promise<unknown>((resolve, reject) => {
      worker.busy.set(message.id, { resolve, reject, message });
      worker.worker.postMessage(message);
    }) as Promise<Answer<Q>>;
  }

  /** The least busy worker, starting one while fewer than the pool's size run. */
  private pickWorker(): PoolWorker | undefined {
    const size = Math.max(1, this.options.workers ?? Math.min(2, os.availableParallelism()));
    if (this.pool.length < size && !this.broken) {
      const started = this.startWorker();
      if (started) return started;
    }
    if (this.pool.length === 0) return undefined;
    let best = this.pool[this.next++ % this.pool.length]!;
    for (const candidate of this.pool) if (candidate.busy.size < best.busy.size) best = candidate;
    return best;
  }

  private startWorker(): PoolWorker | undefined {
    try {
      const data: CodeWorkerData = { wasmDir: this.options.wasmDir };
      const worker = new Worker(this.options.workerScript!, { workerData: data, execArgv: workerExecArgv() });
      const entry: PoolWorker = { worker, busy: new Map() };
      worker.unref();
      worker.on('message', (reply: FromCodeWorker) => {
        const pending = entry.busy.get(reply.id);
        if (!pending) return;
        entry.busy.delete(reply.id);
        if (reply.ok) pending.resolve(reply.answer);
        else pending.reject(reply.reason ? new ParseError(reply.reason, reply.message) : new Error(reply.message));
      });
      worker.on('error', (err) => this.workerFailed(entry, err));
      worker.on('exit', (code) => {
        if (!this.disposed && entry.busy.size > 0)
          this.workerFailed(entry, new Error(`code worker exited with ${code}`));
      });
      this.pool.push(entry);
      return entry;
    } catch (err) {
      this.markBroken(err);
      return undefined;
    }
  }

  /** A worker that fails takes no more work; what it held is answered on this thread. */
  private workerFailed(entry: PoolWorker, err: unknown): void {
    const index = this.pool.indexOf(entry);
    if (index >= 0) this.pool.splice(index, 1);
    this.markBroken(err);
    const held = [...entry.busy.values()];
    entry.busy.clear();
    void entry.worker.terminate();
    for (const pending of held) {
      const m = pending.message;
      this.onThisThread(m.question, m.language, m.text, m.path).then(pending.resolve, pending.reject);
    }
  }

  private markBroken(err: unknown): void {
    if (this.broken) return;
    this.broken = true;
    this.options.log?.(
      `code worker unavailable, reading code on this thread: ${err instanceof Error ? err.message : String(err)}`,
    );
  }

  dispose(): void {
    this.disposed = true;
    for (const entry of this.pool) {
      for (const pending of entry.busy.values()) pending.reject(new Error('The code reader was disposed.'));
      void entry.worker.terminate();
    }
    this.pool.length = 0;
    this.local?.dispose();
    this.cache.clear();
  }
}
