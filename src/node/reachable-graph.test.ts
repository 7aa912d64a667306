// Narrowing the graph to what a change can reach (src/node/reachable-graph.ts) answers as the full graph does: on
// every test repository (examples/shop, the fixtures, the generated monorepos of the oracle test and of the bench)
// for every code file changed alone and for changes of several files; and, as a property, on generated monorepos
// that import every way the resolver knows (test/synthetic/reach-monorepo.ts).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { languageOfPath } from '../core/code/languages';
import { packageWasmDir } from './package-wasm';
import type { DependencyGraph } from '../core/graph/graph';
import { DEFAULT_INDIRECT, reachOf, type ReachTarget } from '../core/graph/reach';
import { reachMonorepo } from '../../test/synthetic/reach-monorepo';
import { syntheticMonorepo } from '../../test/synthetic/synthetic-monorepo';
import { CodeReader } from './code-reader';
import { ImportCache } from './graph-cache';
import { inExcludedFolder, loadDependencyGraph, type GraphLoadOptions } from './dependency-graph';
import { BlobReader, commitFiles } from './git-tree';
import { loadReachableGraph } from './reachable-graph';

const projectRoot = path.resolve(__dirname, '..', '..');

/** Every file under `dir`, relative with `/` (no .git). */
function walk(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(dir, rel))) {
    if (name === '.git') continue;
    const child = rel === '' ? name : `${rel}/${name}`;
    if (statSync(path.join(dir, child)).isDirectory()) out.push(...walk(dir, child));
    else out.push(child);
  }
  return out.sort();
}

function writeRepo(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cx-reach-repo-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

/** Every third code file is covered by a touchpoint of its folder: the walk stops there, as with a real map. */
function coverage(file: string): ReachTarget<string>[] {
  let h = 0;
  for (const c of file) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h % 3 === 0 ? [{ touchpoint: file, journey: path.posix.dirname(file), value: file }] : [];
}

function importersOf(graph: DependencyGraph, file: string): string[] {
  const start = graph.indexOf(file);
  if (start === undefined) return [];
  const seen = new Set([start]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const from of graph.importersOf(queue[i]!)) {
      if (seen.has(from)) continue;
      seen.add(from);
      queue.push(from);
    }
  }
  return queue
    .slice(1)
    .map((i) => graph.files[i]!)
    .sort();
}

/** Every file covered: the walk's first step, where an implementation's stand-in users are found. */
const everyFile = (file: string): ReachTarget<string>[] => [
  { touchpoint: file, journey: path.posix.dirname(file), value: file },
];
const unbounded = { maxHops: 1000, sharedAbove: Number.MAX_SAFE_INTEGER, sharedJourneys: Number.MAX_SAFE_INTEGER };

function answers(graph: DependencyGraph, from: readonly string[]): unknown {
  const options = { ...DEFAULT_INDIRECT, sharedAbove: 6 };
  return from.map((f) => ({
    reach: reachOf(graph, f, coverage, options),
    // Without the shared-infrastructure cut or a hop limit, so that every chain and stand-in is compared.
    far: reachOf(graph, f, coverage, unbounded),
    first: reachOf(graph, f, everyFile, unbounded),
    importers: importersOf(graph, f),
  }));
}

describe('the graph narrowed to what a change can reach', function () {
  this.timeout(300_000);
  let reader: CodeReader;
  const made: string[] = [];
  before(() => (reader = new CodeReader({ wasmDir: packageWasmDir() })));
  after(() => {
    reader.dispose();
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  /** Full and narrowed answers for each change; returns how many changes were narrowed (not the full graph). */
  async function same(
    root: string,
    files: string[],
    changes: string[][],
    read?: GraphLoadOptions['read'],
  ): Promise<{ narrowed: number; read: number[] }> {
    const full = await loadDependencyGraph({ root, files, reader, ...(read ? { read } : {}) });
    let narrowed = 0;
    const counts: number[] = [];
    for (const from of changes) {
      const narrow = await loadReachableGraph({ root, files, reader, from, ...(read ? { read } : {}) });
      assert.deepEqual(
        answers(narrow.graph, from),
        answers(full.graph, from),
        `change ${from.join(', ')} (${narrow.narrowed ? 'narrowed' : `full: ${narrow.why ?? ''}`})`,
      );
      if (narrow.narrowed) narrowed++;
      counts.push(narrow.read);
    }
    return { narrowed, read: counts };
  }

  const codeOf = (files: string[]): string[] =>
    files.filter((f) => languageOfPath(f) !== undefined && !inExcludedFolder(f));
  const eachAlone = (files: string[]): string[][] => codeOf(files).map((f) => [f]);

  it('examples/shop: every code file changed alone', async () => {
    const root = path.join(projectRoot, 'examples', 'shop');
    const files = walk(root);
    const { narrowed } = await same(root, files, eachAlone(files));
    assert.ok(narrowed > 0);
  });

  it('the test fixtures (workspace, multi-root, nested-only): every code file changed alone', async () => {
    for (const fixture of ['workspace', 'multi-root', 'nested-only']) {
      const root = path.join(projectRoot, 'test', 'fixtures', fixture);
      const files = walk(root);
      await same(root, files, eachAlone(files));
    }
  });

  it("the oracle test's generated workspace monorepo: every file alone, and changes of several files", async () => {
    const files = syntheticMonorepo({ packages: 6, modules: 8, apps: 2 });
    const root = writeRepo(files);
    made.push(root);
    const list = Object.keys(files).sort();
    const code = codeOf(list);
    const { narrowed, read } = await same(root, list, [
      ...eachAlone(list),
      code.slice(0, 5),
      code.filter((_, i) => i % 7 === 0),
    ]);
    assert.ok(narrowed > code.length / 2, `${narrowed} of ${code.length} changes narrowed`);
    // A leaf module's change reads a fraction of the repository.
    assert.ok(Math.min(...read) < code.length / 4, `fewest files read: ${Math.min(...read)} of ${code.length}`);
  });

  it('a generated repository read from a commit (git cat-file), its working tree emptied: every code file alone', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'cx-reach-git-'));
    made.push(root);
    const files = reachMonorepo({ seed: 7, packages: 3, modules: 4 });
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: root,
        env: { ...process.env, GIT_CONFIG_GLOBAL: os.devNull, GIT_CONFIG_NOSYSTEM: '1' },
      });
    git('init', '-q');
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'x');
    // The working tree is emptied: only the commit holds the imports.
    for (const file of Object.keys(files)) writeFileSync(path.join(root, file), '');
    const blobs = new BlobReader(root);
    try {
      const commit = await commitFiles(root, 'HEAD', blobs);
      const { narrowed } = await same(root, commit.files, eachAlone(commit.files), commit.read);
      assert.ok(narrowed > 0);
    } finally {
      blobs.close();
    }
  });

  it('a Django project: dotted strings (ROOT_URLCONF, include(), INSTALLED_APPS) are followed as the full graph does', async () => {
    const files: Record<string, string> = {
      'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'proj.settings')\n",
      'proj/__init__.py': '',
      'proj/settings.py':
        "ROOT_URLCONF = 'proj.urls'\nINSTALLED_APPS = ['shop.apps.ShopConfig', 'billing']\nMIDDLEWARE = ['shop.middleware.Audit']\n",
      'proj/urls.py':
        "from django.urls import include, path\nurlpatterns = [path('shop/', include('shop.urls')), path('bill/', include('billing.urls'))]\n",
      'shop/__init__.py': '',
      'shop/apps.py': 'class ShopConfig: pass\n',
      'shop/middleware.py': 'from .helpers import audit\nclass Audit: pass\n',
      'shop/helpers.py': 'def audit(): pass\n',
      'shop/urls.py': 'from . import views\nurlpatterns = []\n',
      'shop/views.py': 'from shop.helpers import audit\ndef index(): audit()\n',
      'billing/__init__.py': '',
      'billing/urls.py': 'from billing.views import pay\nurlpatterns = []\n',
      'billing/views.py': 'def pay(): pass\n',
    };
    const root = writeRepo(files);
    made.push(root);
    const list = Object.keys(files).sort();
    await same(root, list, eachAlone(list));
  });

  it('framework wiring (an implementation standing in for its interface, a NestJS provider, Java and Go same-package names): answers as the full graph, narrowed', async () => {
    const files: Record<string, string> = {
      // Spring: the controller names the interface; the implementation is injected.
      'shop/src/main/java/com/shop/web/OrderController.java':
        'package com.shop.web;\nimport com.shop.service.OrderService;\n@RestController\npublic class OrderController {\n  private final OrderService orders;\n  public OrderController(OrderService orders) { this.orders = orders; }\n  public void place() { orders.place(); }\n}\n',
      'shop/src/main/java/com/shop/service/OrderService.java':
        'package com.shop.service;\npublic interface OrderService { void place(); }\n',
      'shop/src/main/java/com/shop/service/OrderServiceImpl.java':
        'package com.shop.service;\n@Service\npublic class OrderServiceImpl implements OrderService {\n  private final PriceRules rules = new PriceRules();\n  public void place() { rules.apply(); }\n}\n',
      // Same package, no import line.
      'shop/src/main/java/com/shop/service/PriceRules.java':
        'package com.shop.service;\npublic class PriceRules { public void apply() {} }\n',
      // Go: the handler uses a name another file of its package declares.
      'go.mod': 'module example.com/feeds\n\ngo 1.22\n',
      'ui/handler.go': 'package ui\n\ntype handler struct{ store *Store }\n',
      'ui/unread.go': 'package ui\n\nfunc (h *handler) unread() { h.store.Query() }\n',
      'ui/store.go':
        'package ui\n\nimport "example.com/feeds/storage"\n\ntype Store struct{}\n\nfunc (s *Store) Query() { storage.Q() }\n',
      'storage/q.go': 'package storage\n\nfunc Q() {}\n',
      'main.go': 'package main\n\nimport "example.com/feeds/ui"\n\nfunc main() { ui.Serve() }\n',
      // NestJS: a provider object puts an implementation behind an abstract class.
      'api/tsconfig.json': '{ "compilerOptions": { "experimentalDecorators": true, "emitDecoratorMetadata": true } }\n',
      'api/src/payments.ts': 'export abstract class Payments { abstract charge(): void; }\n',
      'api/src/stripe-payments.ts':
        "import { Payments } from './payments';\nimport { round } from './money';\nexport class StripePayments extends Payments { charge(): void { round(); } }\n",
      'api/src/money.ts': 'export function round(): number { return 1; }\n',
      'api/src/app.module.ts':
        "import { Module } from '@nestjs/common';\nimport { Payments } from './payments';\nimport { StripePayments } from './stripe-payments';\nimport { PayController } from './pay.controller';\n@Module({ controllers: [PayController], providers: [{ provide: Payments, useClass: StripePayments }] })\nexport class AppModule {}\n",
      'api/src/pay.controller.ts':
        "import { Controller, Post } from '@nestjs/common';\nimport { Payments } from './payments';\n@Controller('pay')\nexport class PayController {\n  constructor(private readonly payments: Payments) {}\n  @Post() pay(): void { this.payments.charge(); }\n}\n",
      // Through a barrel: a concrete base class that a provider object puts behind an abstract one, so its subclass
      // stands in for the abstract one too (the closure passes through a class that is not abstract).
      'api/src/base/index.ts': "export * from './ticker';\nexport { Clock } from './clock';\n",
      'api/src/base/ticker.ts': 'export abstract class Ticker { abstract tick(): number; }\n',
      'api/src/base/clock.ts': 'export class Clock { tick(): number { return 0; } }\n',
      'api/src/system-clock.ts':
        "import { Clock } from './base';\nimport { stamp } from './format';\nexport class SystemClock extends Clock { tick(): number { return stamp(); } }\n",
      'api/src/format.ts': 'export function stamp(): number { return Date.now(); }\n',
      'api/src/clock.module.ts':
        "import { Module } from '@nestjs/common';\nimport { Clock, Ticker } from './base';\n@Module({ providers: [{ provide: Ticker, useClass: Clock }] })\nexport class ClockModule {}\n",
      'api/src/tick.controller.ts':
        "import { Controller } from '@nestjs/common';\nimport { Ticker } from './base';\n@Controller('tick')\nexport class TickController {\n  constructor(private readonly ticker: Ticker) {}\n  now(): number { return this.ticker.tick(); }\n}\n",
      'api/src/tick.page.ts':
        "import { TickController } from './tick.controller';\nexport const page = TickController.name;\n",
      // A provider object alone puts a class (which extends nothing) behind an abstract one.
      'api/src/refunds.ts': 'export abstract class Refunds { abstract refund(): void; }\n',
      'api/src/refund-queue.ts':
        "import { stamp } from './format';\nexport class RefundQueue { refund(): void { stamp(); } }\n",
      'api/src/refund.module.ts':
        "import { Module } from '@nestjs/common';\nimport { Refunds } from './refunds';\nimport { RefundQueue } from './refund-queue';\n@Module({ providers: [{ provide: Refunds, useClass: RefundQueue }] })\nexport class RefundModule {}\n",
      'api/src/refund.controller.ts':
        "import { Controller } from '@nestjs/common';\nimport { Refunds } from './refunds';\n@Controller('refund')\nexport class RefundController {\n  constructor(private readonly refunds: Refunds) {}\n}\n",
      // An interface imported for types only: its implementation still stands in for it.
      'api/src/auditor.ts': "export interface Auditor { log(): void }\nexport const auditorName = 'audit';\n",
      'api/src/file-auditor.ts':
        "import type { Auditor } from './auditor';\nimport { stamp } from './format';\nexport class FileAuditor implements Auditor { log(): void { stamp(); } }\n",
      'api/src/report.ts':
        "import { auditorName, type Auditor } from './auditor';\nexport const report = (a: Auditor): string => auditorName;\n",
    };
    const root = writeRepo(files);
    made.push(root);
    const list = Object.keys(files).sort();
    await same(root, list, eachAlone(list));
    // The TypeScript, Java and Go changes are narrowed (the graph is not built whole) and still answer as the full graph.
    const ts = eachAlone(list).filter(([f]) => f!.startsWith('api/') || f!.endsWith('.java') || f!.endsWith('.go'));
    const { narrowed, read } = await same(root, list, ts);
    assert.equal(narrowed, ts.length);
    assert.ok(Math.min(...read) < codeOf(list).length / 2, `fewest files read: ${Math.min(...read)}`);
    // format.ts reaches the users of Ticker through SystemClock, of Auditor through FileAuditor, of Refunds through
    // RefundQueue.
    const full = await loadDependencyGraph({ root, files: list, reader });
    const users = importersOf(full.graph, 'api/src/format.ts');
    const narrow = await loadReachableGraph({ root, files: list, reader, from: ['api/src/format.ts'] });
    const reached = reachOf(
      narrow.graph,
      'api/src/format.ts',
      (f) =>
        ['api/src/tick.controller.ts', 'api/src/report.ts', 'api/src/refund.controller.ts'].includes(f)
          ? [{ touchpoint: f, journey: f, value: f }]
          : [],
      { ...DEFAULT_INDIRECT, maxHops: 4 },
    );
    assert.deepEqual(users, [
      'api/src/file-auditor.ts',
      'api/src/refund-queue.ts',
      'api/src/refund.module.ts',
      'api/src/system-clock.ts',
    ]);
    for (const f of ['api/src/tick.controller.ts', 'api/src/report.ts', 'api/src/refund.controller.ts'])
      assert.ok(
        reached.hits.some((h) => h.target.value === f),
        `${f} reached: ${JSON.stringify(reached.hits.map((h) => h.target.value))}`,
      );
  });

  it("Go: a change is narrowed (its package's files and its importers are searched) and answers as the full graph", async () => {
    // Each package's files call each other's functions with no import line (same-package edges); packages import
    // the one below; a subfolder is a package of its own (a name it shares with its parent folder is no edge).
    const files: Record<string, string> = { 'go.mod': 'module example.com/shop\n\ngo 1.22\n' };
    for (let p = 0; p < 6; p++) {
      for (let f = 0; f < 4; f++) {
        const below = p > 0 && f === 0 ? `import "example.com/shop/pkg${p - 1}"\n\n` : '';
        const call = p > 0 && f === 0 ? `pkg${p - 1}.F0()` : f > 0 ? `F${f - 1}()` : '';
        files[`pkg${p}/f${f}.go`] = `package pkg${p}\n\n${below}func F${f}() { ${call} }\n`;
      }
      files[`pkg${p}/sub/s.go`] = `package sub\n\nfunc S() { F0() }\n`;
      files[`pkg${p}/f_test.go`] = `package pkg${p}\n\nfunc TestF() { F3() }\n`;
    }
    files['cmd/main.go'] = 'package main\n\nimport "example.com/shop/pkg5"\n\nfunc main() { pkg5.F3() }\n';
    const root = writeRepo(files);
    made.push(root);
    const list = Object.keys(files).sort();
    const go = eachAlone(list).filter(([f]) => !f!.endsWith('_test.go'));
    const { narrowed, read } = await same(root, list, [...go, ['pkg2/f3.go', 'pkg4/sub/s.go']]);
    assert.equal(narrowed, go.length + 1, 'every Go change narrowed');
    // pkg0/f2.go: used by f3 of its package only through a name; pkg1 imports pkg0 (and so on up to cmd/main.go).
    const full = await loadDependencyGraph({ root, files: list, reader });
    assert.ok(importersOf(full.graph, 'pkg0/f2.go').includes('pkg0/f3.go'), 'a same-package edge in the fixture');
    const deep = await loadReachableGraph({ root, files: list, reader, from: ['pkg5/f3.go'] });
    assert.ok(deep.narrowed && deep.read < codeOf(list).length / 2, `read ${deep.read} of ${codeOf(list).length}`);
    assert.ok(Math.min(...read) < codeOf(list).length / 2);
  });

  it('what a narrowed run parses is cached under the keys the full graph reads', async () => {
    const root = path.join(projectRoot, 'examples', 'shop');
    const files = walk(root);
    const cache = new ImportCache(mkdtempSync(path.join(os.tmpdir(), 'cx-reach-cache-')), root);
    made.push(path.dirname(cache.file));
    const narrow = await loadReachableGraph({
      root,
      files,
      reader,
      cache,
      from: ['services/checkout/src/payment-service.ts'],
    });
    assert.ok(narrow.narrowed && narrow.parsed > 0);
    const full = await loadDependencyGraph({ root, files, reader, cache });
    assert.equal(full.cached, narrow.parsed, 'every file the narrowed run parsed is a cache hit for the full graph');
  });

  it('falls back to the full graph, with progress, for a change too large to narrow and for a rule it cannot reverse', async () => {
    const files = syntheticMonorepo({ packages: 2, modules: 4, apps: 1 });
    const root = writeRepo({ ...files, 'index.ts': "export * from './packages/pkg0/src/index';\n" });
    made.push(root);
    const list = [...Object.keys(files), 'index.ts'].sort();
    const code = codeOf(list);
    const progress: number[] = [];
    const large = await loadReachableGraph({
      root,
      files: list,
      reader,
      from: code.slice(0, 6),
      maxFrom: 5,
      onProgress: (done) => progress.push(done),
    });
    assert.equal(large.narrowed, false);
    assert.equal(large.why, 'a change of 6 code files');
    assert.equal(progress.at(-1), code.length);
    // The top-level index.ts is named by `.` from anywhere: not reversed, so the full graph answers.
    const top = await loadReachableGraph({ root, files: list, reader, from: ['index.ts'] });
    assert.deepEqual([top.narrowed, top.why], [false, "index.ts is the top-level folder's entry"]);
    await same(root, list, [['index.ts'], code.slice(0, 6)]);
  });

  it('property: on generated monorepos in four languages, any change answers as the full graph', async () => {
    const runs = Number(process.env.PROPERTY_RUNS) > 0 ? Number(process.env.PROPERTY_RUNS) : 25;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
          packages: fc.integer({ min: 1, max: 4 }),
          modules: fc.integer({ min: 1, max: 5 }),
        }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        async (recipe, picks) => {
          const files = reachMonorepo(recipe);
          const root = writeRepo(files);
          try {
            const code = codeOf(Object.keys(files).sort());
            const change = [...new Set(picks.map((p) => code[p % code.length]!))];
            await same(root, Object.keys(files).sort(), [change]);
          } finally {
            rmSync(root, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: runs },
    );
  });
});
