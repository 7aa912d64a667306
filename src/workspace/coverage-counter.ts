// Runs count jobs in one reused worker thread (dist/coverage-worker.js), one job at a time, so that matching a
// whole workspace never blocks the extension host. No vscode import: the unit tests drive it in plain Node.
import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { countCoverage, mapsFromSlimJson, type RawCounts } from './coverage-count';
import type { FromWorker, ToWorker } from './coverage-worker';

/** The part of a cancellation token the counter uses (vscode.CancellationToken fits). */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

export class CountCancelled extends Error {
  override name = 'CountCancelled';
  constructor() {
    super('The count was cancelled.');
  }
}

/** Posted in chunks, with a turn of the event loop between them: one post of 200,000 paths blocked the host ~60 ms. */
const FILES_PER_CHUNK = 10_000;

/** One finished job, for logs and the load test: where it ran and when (Date.now() clock). */
export interface CountRecord {
  where: 'worker' | 'thread';
  files: number;
  started: number;
  ended: number;
  /** Time the counting itself took where it ran. */
  countMs: number;
}

interface Job {
  list: string;
  files: readonly string[];
  maps: string;
  resolve: (counts: RawCounts) => void;
  reject: (err: Error) => void;
  cancelled: boolean;
  started?: number;
}

export interface CounterOptions {
  /** The worker's script; when missing or failing, jobs run on the calling thread instead. */
  script?: string;
  log?: (message: string) => void;
}

export class CoverageCounter {
  private worker: Worker | undefined;
  private broken = false;
  private readonly sentLists = new Set<string>();
  private readonly queue: Job[] = [];
  private running: Job | undefined;
  private disposed = false;
  private nextJob = 0;
  /** The last jobs that finished, newest last (bounded). */
  readonly records: CountRecord[] = [];

  constructor(private readonly options: CounterOptions) {}

  /** True while counting runs in a worker (false after the worker could not start, or without a script). */
  get inWorker(): boolean {
    return !this.broken && this.options.script !== undefined;
  }

  /**
   * Counts `mapsJson` (slimMapsJson) over the list `list` (`files`, sent to the worker once per list id). Rejects with
   * CountCancelled when `token` is cancelled first; a running job is stopped by restarting the worker.
   */
  count(list: string, files: readonly string[], mapsJson: string, token?: Cancellation): Promise<RawCounts> {
    if (this.disposed) return Promise.reject(new CountCancelled());
    return new Promise<RawCounts>((resolve, reject) => {
      const job: Job = { list, files, maps: mapsJson, resolve, reject, cancelled: false };
      if (token?.isCancellationRequested) return reject(new CountCancelled());
      const sub = token?.onCancellationRequested(() => this.cancel(job));
      const settle = (): void => sub?.dispose();
      job.resolve = (counts) => {
        settle();
        resolve(counts);
      };
      job.reject = (err) => {
        settle();
        reject(err);
      };
      this.queue.push(job);
      this.pump();
    });
  }

  /** The worker may drop this list (a newer version of the folder's files replaced it). */
  forget(list: string): void {
    if (this.sentLists.delete(list)) this.post({ type: 'forget', list });
  }

  dispose(): void {
    this.disposed = true;
    for (const job of this.queue.splice(0)) job.reject(new CountCancelled());
    this.running?.reject(new CountCancelled());
    this.running = undefined;
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private cancel(job: Job): void {
    if (job.cancelled) return;
    job.cancelled = true;
    const queued = this.queue.indexOf(job);
    if (queued >= 0) this.queue.splice(queued, 1);
    job.reject(new CountCancelled());
    if (this.running === job) {
      // A synchronous count cannot be interrupted inside the worker: a new worker is cheaper than waiting.
      this.running = undefined;
      this.restartWorker();
      this.pump();
    }
  }

  private pump(): void {
    if (this.running || this.disposed) return;
    const job = this.queue.shift();
    if (!job) return;
    this.running = job;
    job.started = Date.now();
    void this.run(job);
  }

  private async run(job: Job): Promise<void> {
    const worker = this.ensureWorker();
    if (!worker) {
      this.finishInThread(job);
      return;
    }
    try {
      await this.sendList(job.list, job.files);
    } catch {
      // The worker went away while the list was being sent; the job was settled by whoever ended it.
      return;
    }
    if (this.running !== job) return;
    this.post({ type: 'count', job: this.nextJob++, list: job.list, maps: job.maps });
  }

  private finishInThread(job: Job): void {
    try {
      const counts = countCoverage(mapsFromSlimJson(job.maps), job.files);
      this.record(job, 'thread', counts.ms);
      job.resolve(counts);
    } catch (err) {
      job.reject(err instanceof Error ? err : new Error(String(err)));
    } finally {
      this.running = undefined;
      this.pump();
    }
  }

  private async sendList(list: string, files: readonly string[]): Promise<void> {
    if (this.sentLists.has(list)) return;
    const worker = this.worker;
    for (let i = 0; i < files.length || i === 0; i += FILES_PER_CHUNK) {
      if (this.worker !== worker || !worker) throw new CountCancelled();
      const last = i + FILES_PER_CHUNK >= files.length;
      this.post({ type: 'files', list, chunk: files.slice(i, i + FILES_PER_CHUNK), last });
      if (!last) await new Promise((resolve) => setImmediate(resolve));
    }
    this.sentLists.add(list);
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker || this.broken) return this.worker;
    const script = this.options.script;
    if (!script || !fs.existsSync(script)) {
      this.fail(`the coverage worker ${script ?? '(none)'} is missing`);
      return undefined;
    }
    let worker: Worker;
    try {
      worker = new Worker(script, { name: 'cx-impact coverage' });
    } catch (err) {
      this.fail(`the coverage worker did not start: ${String(err)}`);
      return undefined;
    }
    worker.unref();
    worker.on('message', (message: FromWorker) => this.onMessage(worker, message));
    worker.on('error', (err) => {
      if (this.worker !== worker) return;
      this.fail(`the coverage worker failed: ${err.message}`);
      this.workerGone();
    });
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.fail('the coverage worker exited');
      this.workerGone();
    });
    this.worker = worker;
    return worker;
  }

  private onMessage(worker: Worker, message: FromWorker): void {
    const job = this.running;
    if (this.worker !== worker || !job) return;
    this.running = undefined;
    if (message.type === 'counted') {
      this.record(job, 'worker', message.counts.ms);
      job.resolve(message.counts);
    } else {
      job.reject(new Error(`Counting failed: ${message.message}`));
    }
    this.pump();
  }

  /** The worker died under a job: that job runs here instead, and so does every later one. */
  private workerGone(): void {
    this.worker = undefined;
    this.sentLists.clear();
    const job = this.running;
    this.running = undefined;
    if (job) this.queue.unshift(job);
    this.pump();
  }

  private restartWorker(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.sentLists.clear();
    void worker?.terminate();
  }

  private fail(message: string): void {
    if (this.broken) return;
    this.broken = true;
    this.options.log?.(`${message}; counting coverage on the extension host's thread instead.`);
  }

  private post(message: ToWorker): void {
    this.worker?.postMessage(message);
  }

  private record(job: Job, where: CountRecord['where'], countMs: number): void {
    this.records.push({
      where,
      files: job.files.length,
      started: job.started ?? Date.now(),
      ended: Date.now(),
      countMs,
    });
    if (this.records.length > 50) this.records.shift();
  }
}
