// The coverage worker (bundled as dist/coverage-worker.js): counts what maps cover in a workspace's file list off the
// extension host's thread, so CodeLens, hovers and typing stay smooth while 200,000 files are matched. File lists
// arrive in chunks once per list version and stay here until forgotten; each job names its list and sends its maps.
import { parentPort } from 'node:worker_threads';
import { countCoverage, mapsFromSlimJson, type RawCounts } from './coverage-count';

export type ToWorker =
  | { type: 'files'; list: string; chunk: string[]; last: boolean }
  | { type: 'forget'; list: string }
  | { type: 'count'; job: number; list: string; maps: string };

export type FromWorker =
  { type: 'counted'; job: number; counts: RawCounts } | { type: 'failed'; job: number; message: string };

const port = parentPort;
if (port) {
  const lists = new Map<string, { files: string[]; complete: boolean }>();
  port.on('message', (message: ToWorker) => {
    if (message.type === 'files') {
      let entry = lists.get(message.list);
      if (!entry || entry.complete) lists.set(message.list, (entry = { files: [], complete: false }));
      for (const file of message.chunk) entry.files.push(file);
      entry.complete = message.last;
    } else if (message.type === 'forget') {
      lists.delete(message.list);
    } else {
      const entry = lists.get(message.list);
      let reply: FromWorker;
      try {
        if (!entry?.complete) throw new Error(`file list ${message.list} was not sent`);
        const counts = countCoverage(mapsFromSlimJson(message.maps), entry.files);
        reply = { type: 'counted', job: message.job, counts };
      } catch (err) {
        reply = { type: 'failed', job: message.job, message: err instanceof Error ? err.message : String(err) };
      }
      const transfer =
        reply.type === 'counted'
          ? [
              reply.counts.uncovered.buffer,
              reply.counts.patternFiles.buffer,
              reply.counts.patternDecided.buffer,
              reply.counts.touchpointFiles.buffer,
              reply.counts.journeyFiles.buffer,
            ]
          : [];
      port.postMessage(reply, transfer as ArrayBuffer[]);
    }
  });
}
