// Issue #8, load: a generated workspace of 200,000 files (a git repository) and maps of 10,000 patterns, 50 editors
// open. While a whole-workspace coverage count runs (what "Show Files No Journey Covers", the map CodeLens and the map
// warnings ask for), CodeLens and hover requests on covered files are timed round trip through the workbench, and a
// probe measures how late the extension host's event loop runs. Figures are printed on lines starting `LOAD:`.
//
// Budgets. Engine time of a CodeLens/hover lookup: 2 ms (issue #4 allows 2 ms of engine time for a CodeLens request).
// Round trip of a CodeLens or hover request through the workbench (IPC included): 50 ms at p95 is the target — a
// person notices a hover later than ~100 ms, and half of that is left to the workbench. That target is printed, not
// asserted: on a shared 2-core box the round trip through code-server and Chromium alone was 600 ms at p95 with
// nothing else running (the "idle" line). What is asserted is what this extension controls: while the count runs the
// extension host's event loop never stalls more than 500 ms, and round trips stay within 2× (+50/100 ms) of idle ones.
// Counting on the host's thread instead stalls it for the whole count (seconds: the control below measures it).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { Matcher } from '../../src/core/match/matcher';
import type { CxImpactApi } from '../../src/extension';
import { api, eventually, file, fixture } from './support';
import { Command } from '../../src/workspace/command-ids';

interface LoadInfo {
  files: number;
  patterns: number;
  maps: string[];
  open: string[];
  coveredFiles: number;
}

const TARGET_MS = 50;
const STALL_BOUND_MS = 500;
const ENGINE_BUDGET_MS = 2;

interface Sample {
  start: number;
  end: number;
  ms: number;
}

/** How late a 10 ms timer fires, in ms: the extension host's event loop (the tests run on its thread). */
class LagProbe {
  readonly samples: Sample[] = [];
  private timer: NodeJS.Timeout | undefined;
  start(): void {
    let last = performance.now();
    this.timer = setInterval(() => {
      const now = performance.now();
      this.samples.push({ start: Date.now() - (now - last), end: Date.now(), ms: Math.max(0, now - last - 10) });
      last = now;
    }, 10);
  }
  stop(): Sample[] {
    if (this.timer) clearInterval(this.timer);
    return this.samples;
  }
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
}

function stats(values: readonly number[]): string {
  return `n=${values.length} p50=${percentile(values, 50).toFixed(1)} p95=${percentile(values, 95).toFixed(1)} p99=${percentile(values, 99).toFixed(1)} max=${Math.max(...values).toFixed(1)} ms`;
}

async function timed<T>(run: () => Thenable<T>): Promise<Sample & { value: T }> {
  const start = Date.now();
  const t = performance.now();
  const value = await run();
  return { start, end: Date.now(), ms: performance.now() - t, value };
}

const codeLenses = (uri: vscode.Uri) =>
  vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
const hovers = (uri: vscode.Uri) =>
  vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(0, 0));

(fixture === 'load' ? describe : describe.skip)('load: 200,000 files, 10,000 patterns, 50 editors', function () {
  this.timeout(600_000);
  let cx: CxImpactApi;
  let info: LoadInfo;
  let folder: vscode.WorkspaceFolder;
  let uris: vscode.Uri[];

  before(async () => {
    info = JSON.parse(fs.readFileSync(process.env.CX_IMPACT_LOAD_INFO ?? '', 'utf8')) as LoadInfo;
    const started = Date.now();
    cx = await api();
    folder = vscode.workspace.workspaceFolders![0]!;
    const patterns = () =>
      cx.maps
        .byFolder()[0]
        ?.maps.reduce(
          (n, m) => n + m.journeys.reduce((k, j) => k + j.touchpoints.reduce((p, t) => p + t.paths.length, 0), 0),
          0,
        ) ?? 0;
    await eventually(`the ${info.maps.length} maps to load`, 120_000, () =>
      patterns() === info.patterns ? true : undefined,
    );
    console.log(
      `LOAD: maps loaded: ${info.maps.length} maps, ${patterns()} patterns, ${Date.now() - started} ms after the tests started; activate() ${cx.activationMs.toFixed(1)} ms`,
    );
  });

  it('lists the 200,000 files with git', async () => {
    const probe = new LagProbe();
    probe.start();
    const listed = await timed(() => cx.files.filesOf(folder));
    const lag = probe.stop().map((s) => s.ms);
    console.log(
      `LOAD: listing ${listed.value.length} files (git ls-files): ${listed.ms.toFixed(0)} ms; host event-loop lag meanwhile ${stats(lag)}`,
    );
    assert.equal(listed.value.length, info.files);
  });

  it('opens 50 editors on covered files', async () => {
    uris = info.open.map((f) => file(f));
    const opened = await timed(async () => {
      for (const uri of uris) await vscode.window.showTextDocument(uri, { preview: false });
    });
    console.log(`LOAD: opened ${uris.length} editors in ${opened.ms.toFixed(0)} ms`);
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).length;
    assert.ok(tabs >= 50, `${tabs} tabs open`);
    for (const uri of uris) assert.ok(cx.maps.coverageOf(uri).length > 0, `${uri.path} is not covered`);
  });

  it('answers CodeLens and hover within budget while a whole-workspace coverage count runs', async () => {
    // Idle first, for comparison: the same requests with nothing else running.
    const idle = { lens: [] as number[], hover: [] as number[] };
    for (const uri of uris) {
      idle.lens.push((await timed(() => codeLenses(uri))).ms);
      idle.hover.push((await timed(() => hovers(uri))).ms);
    }
    console.log(`LOAD: idle CodeLens round trip ${stats(idle.lens)}`);
    console.log(`LOAD: idle hover round trip ${stats(idle.hover)}`);

    const probe = new LagProbe();
    probe.start();
    const recordsBefore = cx.files.countRecords.length;
    const workspace = cx.maps.byFolder()[0]!;
    let done = false;
    const counting = cx.files.coverageCounts(folder, workspace.matcher, 'load test').finally(() => (done = true));
    const lens: Sample[] = [];
    const hover: Sample[] = [];
    const engine: number[] = [];
    for (let i = 0; !done; i++) {
      const uri = uris[i % uris.length]!;
      const t = performance.now();
      const coverage = cx.maps.coverageOf(uri);
      engine.push(performance.now() - t);
      assert.ok(coverage.length > 0);
      const l = await timed(() => codeLenses(uri));
      assert.ok(
        (l.value ?? []).some((x) => x.command?.command === Command.revealInSidebar),
        `no CX Impact lens on ${uri.path}`,
      );
      lens.push(l);
      const h = await timed(() => hovers(uri));
      assert.ok((h.value ?? []).length > 0, `no hover on ${uri.path}`);
      hover.push(h);
    }
    const counts = await counting;
    const lag = probe.stop();
    const record = cx.files.countRecords.at(-1);
    assert.ok(record && cx.files.countRecords.length > recordsBefore, 'no count job was recorded');
    const during = <T extends Sample>(s: T) => s.start >= record.started && s.end <= record.ended;
    const lensDuring = lens.filter(during).map((s) => s.ms);
    const hoverDuring = hover.filter(during).map((s) => s.ms);
    const lagDuring = lag.filter(during).map((s) => s.ms);

    console.log(
      `LOAD: coverage count of ${counts.totalFiles} files × ${info.patterns} patterns: ${record.ended - record.started} ms from request to answer, ${record.countMs.toFixed(0)} ms of counting in the ${record.where}`,
    );
    console.log(`LOAD: during the count, CodeLens round trip ${stats(lensDuring)}`);
    console.log(`LOAD: during the count, hover round trip ${stats(hoverDuring)}`);
    console.log(`LOAD: during the count, host event-loop lag ${stats(lagDuring)}`);
    console.log(`LOAD: engine time of a lookup (maps.coverageOf, what CodeLens and hover ask) ${stats(engine)}`);

    assert.equal(record.where, 'worker', 'the count ran on the extension host thread');
    assert.equal(counts.totalFiles, info.files);
    assert.equal(counts.coveredFiles, info.coveredFiles, 'the worker counted other files covered than the engine did');
    assert.ok(
      lensDuring.length >= 20 && hoverDuring.length >= 20,
      `only ${lensDuring.length} CodeLens and ${hoverDuring.length} hover requests ran during the count`,
    );
    console.log(
      `LOAD: round-trip target p95 <= ${TARGET_MS} ms: CodeLens ${percentile(lensDuring, 95) <= TARGET_MS ? 'met' : 'not met'}, hover ${percentile(hoverDuring, 95) <= TARGET_MS ? 'met' : 'not met'} (idle p95 ${percentile(idle.lens, 95).toFixed(0)} / ${percentile(idle.hover, 95).toFixed(0)} ms)`,
    );
    for (const [what, during, before] of [
      ['CodeLens', lensDuring, idle.lens],
      ['hover', hoverDuring, idle.hover],
    ] as const) {
      assert.ok(
        percentile(during, 50) <= 2 * percentile(before, 50) + 50,
        `${what} p50 ${percentile(during, 50)} ms during the count, ${percentile(before, 50)} ms idle`,
      );
      assert.ok(
        percentile(during, 95) <= 2 * percentile(before, 95) + 100,
        `${what} p95 ${percentile(during, 95)} ms during the count, ${percentile(before, 95)} ms idle`,
      );
    }
    assert.ok(
      Math.max(...lagDuring) <= STALL_BOUND_MS,
      `the host's event loop stalled ${Math.max(...lagDuring)} ms during the count`,
    );
    assert.ok(
      percentile(engine, 95) <= ENGINE_BUDGET_MS,
      `lookup p95 ${percentile(engine, 95)} ms > ${ENGINE_BUDGET_MS} ms`,
    );
  });

  it('control: the same count on the host thread stalls hovers for its whole length (what the worker avoids)', async () => {
    const files = await cx.files.filesOf(folder);
    const maps = cx.maps.byFolder()[0]!.maps;
    const probe = new LagProbe();
    probe.start();
    const uri = uris[0]!;
    const pending = timed(() => hovers(uri));
    const blocked = performance.now();
    // What WorkspaceFiles.coverageCounts did before the worker: compile and count on this thread.
    new Matcher(maps).coverageReport(files);
    const blockedMs = performance.now() - blocked;
    const hover = await pending;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const lag = probe.stop().map((s) => s.ms);
    console.log(
      `LOAD: control, counting on the host thread: blocked ${blockedMs.toFixed(0)} ms; a hover sent meanwhile took ${hover.ms.toFixed(0)} ms; longest event-loop stall ${Math.max(...lag).toFixed(0)} ms`,
    );
    // The probe sees a blocked thread for what it is: the test above would catch a count that blocks again.
    assert.ok(
      Math.max(...lag) >= 0.8 * blockedMs,
      `the probe saw only ${Math.max(...lag)} ms of stall while the thread was blocked ${blockedMs} ms`,
    );
    assert.ok(
      hover.ms >= 0.8 * blockedMs,
      `a hover sent while the thread was blocked ${blockedMs} ms answered in ${hover.ms} ms`,
    );
  });
});
