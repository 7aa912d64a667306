// Issue #8, memory: 1,000 reloads of a map (its text changed on disk each time, read again by WorkspaceMaps through
// its file watchers, with the map warnings counted again each time) must not grow the extension host's heap. The heap
// is measured after forced garbage collections at 0, 100, 500 and 1,000 reloads; lines start with `LOAD:`.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import type { CxImpactApi } from '../../src/extension';
import { api, eventually, file, fixture } from './support';

const RELOADS = 1_000;
const CHECKPOINTS = [100, 500, 1_000];
/**
 * Growth allowed over the last 500 reloads. The first ones are warm-up: measured, the heap grew ~20 MB between 100
 * and 500 reloads and then stayed flat (bounded caches filling: 64 counts, 100 warnings, 500 documents' symbols, the
 * host's own), so a real leak shows as growth after 500. Retaining every parsed map fails this bound.
 */
const GROWTH_BOUND_MB = 10;
const WARM_UP = 500;

interface LoadInfo {
  maps: string[];
  patterns: number;
}

function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

(fixture === 'reload' ? describe : describe.skip)('load: 1,000 map reloads', function () {
  this.timeout(900_000);
  let cx: CxImpactApi;
  let info: LoadInfo;

  before(async () => {
    info = JSON.parse(fs.readFileSync(process.env.CX_IMPACT_LOAD_INFO ?? '', 'utf8')) as LoadInfo;
    cx = await api();
  });

  it('does not grow the heap', async () => {
    const gc = collector();
    const mapUri = file(info.maps[0]!);
    const original = fs.readFileSync(mapUri.fsPath, 'utf8');
    const heap = async (): Promise<{ heap: number; rss: number }> => {
      // Work the reload started (the map warnings' counts in the worker) settles before measuring.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      for (let i = 0; i < 3; i++) gc();
      const m = process.memoryUsage();
      return { heap: m.heapUsed / 2 ** 20, rss: m.rss / 2 ** 20 };
    };
    const loadedName = (name: string) =>
      cx.maps.byFolder().some((f) => f.maps.some((m) => m.journeys.some((j) => j.name === name)));
    const readings = new Map<number, { heap: number; rss: number }>();
    readings.set(0, await heap());
    const started = Date.now();
    try {
      for (let i = 1; i <= RELOADS; i++) {
        // A new journey with a pattern that is new each time: a new map, a new matcher and a new count every reload.
        const name = `Reload ${i}`;
        fs.writeFileSync(
          mapUri.fsPath,
          `${original}  - id: reload\n    name: ${name}\n    tier: low\n    touchpoints:\n      - id: t\n        name: T\n        paths:\n          - "gone-${i}/**"\n`,
        );
        await eventually(`reload ${i}`, 20_000, () => (loadedName(name) ? true : undefined));
        if (CHECKPOINTS.includes(i)) {
          readings.set(i, await heap());
          console.log(
            `LOAD: after ${i} reloads (${((Date.now() - started) / 1000).toFixed(0)} s): heap ${readings.get(i)!.heap.toFixed(1)} MB, rss ${readings.get(i)!.rss.toFixed(0)} MB`,
          );
        }
      }
    } finally {
      fs.writeFileSync(mapUri.fsPath, original);
    }
    const at = (n: number) => readings.get(n)!.heap;
    console.log(
      `LOAD: heap after forced GC at 0/100/500/1000 reloads: ${[0, ...CHECKPOINTS].map((n) => at(n).toFixed(1)).join(' / ')} MB; growth ${WARM_UP}→${RELOADS}: ${(at(RELOADS) - at(WARM_UP)).toFixed(1)} MB (${info.patterns} patterns, ${((Date.now() - started) / RELOADS).toFixed(0)} ms per reload)`,
    );
    assert.ok(
      at(RELOADS) - at(WARM_UP) < GROWTH_BOUND_MB,
      `the heap grew ${(at(RELOADS) - at(WARM_UP)).toFixed(1)} MB from ${WARM_UP} to ${RELOADS} reloads`,
    );
    await eventually('the original map to load again', 20_000, () => (loadedName('Reload 1000') ? undefined : true));
  });
});
