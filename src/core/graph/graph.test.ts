import * as assert from 'node:assert/strict';
import { importsOf, type FileImports } from '../code/imports';
import { buildGraph, updateGraphFile, type DependencyGraph } from './graph';
import { Resolver } from './resolve';
import { DEFAULT_INDIRECT, reachOf, type ReachTarget } from './reach';
import { edgesOf, graphOfSources } from './test-graph';
import { packageParser } from '../../../test/support/tree-sitter';

/** Coverage by touchpoint name: `{ 'web/page.ts': ['checkout/pay'] }`. */
function coverage(map: Record<string, string[]>): (file: string) => ReachTarget<string>[] {
  return (file) => (map[file] ?? []).map((tp) => ({ touchpoint: tp, journey: tp.split('/')[0]!, value: tp }));
}

function brief(graph: DependencyGraph, file: string, cover: Record<string, string[]>, options = DEFAULT_INDIRECT) {
  const r = reachOf(graph, file, coverage(cover), options);
  return {
    hits: r.hits.map((h) => `${h.target.value} ${h.hops} ${h.via.join(' > ')}`),
    beyond: r.beyond,
    shared: r.shared,
  };
}

describe('dependency graph and indirect reach', () => {
  const parser = packageParser();
  after(() => parser.dispose());

  it('barrel collapse: a name imported through index.ts is an edge to the file that defines it', async () => {
    const g = await graphOfSources(parser, {
      'lib/index.ts':
        "export { round } from './round';\nexport * from './format';\nexport * as money from './money';\nexport const own = 1;\n",
      'lib/round.ts': 'export function round() {}\n',
      'lib/format.ts': 'export function format() {}\n',
      'lib/money.ts': 'export const cents = 1;\n',
      'app/a.ts': "import { round } from '../lib';\nround();\n",
      'app/b.ts': "import { format } from '../lib';\nformat();\n",
      'app/c.ts': "import { own } from '../lib';\nown;\n",
      'app/d.ts': "import * as lib from '../lib';\nlib;\n",
      'app/e.ts': "import { money } from '../lib';\nmoney;\n",
    });
    assert.deepEqual(edgesOf(g), [
      'app/a.ts -> lib/round.ts',
      'app/b.ts -> lib/format.ts',
      'app/c.ts -> lib/index.ts',
      // A namespace import takes all of the barrel.
      'app/d.ts -> lib/format.ts',
      'app/d.ts -> lib/index.ts',
      'app/d.ts -> lib/money.ts',
      'app/d.ts -> lib/round.ts',
      'app/e.ts -> lib/money.ts',
    ]);
    // So a change to round.ts reaches only the file that uses round.
    const r = brief(g, 'lib/round.ts', {
      'app/a.ts': ['checkout/pay'],
      'app/b.ts': ['search/results'],
      'app/c.ts': ['account/login'],
    });
    assert.deepEqual(r.hits, ['checkout/pay 1 lib/round.ts > app/a.ts']);
  });

  it('type-only elision: import type, type names and names used only as types are no edge', async () => {
    const g = await graphOfSources(parser, {
      'model.ts': 'export interface Order { id: string }\nexport class OrderRow {}\nexport const make = () => 1;\n',
      'a.ts': "import type { Order } from './model';\nexport const a = (o: Order) => o;\n",
      'b.ts': "import { OrderRow } from './model';\nexport function b(r: OrderRow): void {}\n",
      'c.ts': "import { type Order, make } from './model';\nexport const c = make();\n",
      'd.ts': "export type { Order } from './model';\n",
    });
    assert.deepEqual(edgesOf(g), ['c.ts -> model.ts']);
    assert.equal(g.stats.typeOnly, 2);
  });

  it('test exclusion: tests, specs, stories and fixtures carry no impact (and the globs are configurable)', async () => {
    const sources = {
      'src/pay.ts': "import { round } from './round';\nround();\n",
      'src/round.ts': 'export function round() {}\n',
      'src/round.test.ts': "import { round } from './round';\nround();\n",
      'src/Button.stories.tsx': "import { round } from './round';\nround();\n",
      'test/fixtures/x.ts': "import { round } from '../../src/round';\nround();\n",
      'tools/gen.ts': "import { round } from '../src/round';\nround();\n",
    };
    const g = await graphOfSources(parser, sources);
    assert.deepEqual(edgesOf(g), ['src/pay.ts -> src/round.ts', 'tools/gen.ts -> src/round.ts']);
    const cover = {
      'src/round.test.ts': ['checkout/pay'],
      'src/Button.stories.tsx': ['shop/ui'],
      'tools/gen.ts': ['ops/gen'],
    };
    assert.deepEqual(brief(g, 'src/round.ts', cover).hits, ['ops/gen 1 src/round.ts > tools/gen.ts']);
    const withExclude = await graphOfSources(parser, sources, ['tools/**']);
    assert.deepEqual(edgesOf(withExclude), ['src/pay.ts -> src/round.ts']);
  });

  it('reach: 1 hop, 2 hops with the chain, the nearest covered file ends the walk, beyond maxHops only counted', async () => {
    const g = await graphOfSources(parser, {
      'util.ts': 'export const u = 1;\n',
      'service.ts': "import { u } from './util';\nexport const s = u;\n",
      'handler.ts': "import { s } from './service';\nexport const h = s;\n",
      'page.ts': "import { h } from './handler';\nexport const p = h;\n",
      'far.ts': "import { p } from './page';\nexport const f = p;\n",
      'far2.ts': "import { f } from './far';\nexport const f2 = f;\n",
    });
    const cover = {
      'handler.ts': ['checkout/pay'],
      'page.ts': ['checkout/pay', 'search/results'],
      'far2.ts': ['account/login'],
    };
    assert.deepEqual(brief(g, 'service.ts', cover), {
      hits: ['checkout/pay 1 service.ts > handler.ts'],
      beyond: 0,
      shared: undefined,
    });
    // From util.ts: handler (2 hops) is reached; page.ts lies behind the covered handler, so the walk stops there.
    assert.deepEqual(brief(g, 'util.ts', cover).hits, ['checkout/pay 2 util.ts > service.ts > handler.ts']);
    const open = { 'page.ts': ['search/results'], 'far2.ts': ['account/login'] };
    assert.deepEqual(brief(g, 'service.ts', open), {
      hits: ['search/results 2 service.ts > handler.ts > page.ts'],
      beyond: 0,
      shared: undefined,
    });
    // far2.ts is 4 hops away: counted, not listed.
    assert.deepEqual(brief(g, 'service.ts', { 'far2.ts': ['account/login'] }), {
      hits: [],
      beyond: 1,
      shared: undefined,
    });
    assert.deepEqual(brief(g, 'service.ts', open, { ...DEFAULT_INDIRECT, maxHops: 0 }), {
      hits: [],
      beyond: 0,
      shared: undefined,
    });
  });

  it('shared infrastructure: more importers than sharedAbove, or 5 journeys within 2 hops, is reported once', async () => {
    const sources: Record<string, string> = { 'log.ts': 'export const log = 1;\n' };
    const cover: Record<string, string[]> = {};
    for (let i = 0; i < 6; i++) {
      sources[`j${i}.ts`] = `import { log } from './log';\nexport const x${i} = log;\n`;
      cover[`j${i}.ts`] = [`journey${i}/tp`];
    }
    sources['few.ts'] = 'export const few = 1;\n';
    sources['one.ts'] = "import { few } from './few';\nexport const one = few;\n";
    cover['one.ts'] = ['journey0/tp'];
    const g = await graphOfSources(parser, sources);
    assert.deepEqual(brief(g, 'log.ts', cover), { hits: [], beyond: 0, shared: { importers: 6, journeys: 6 } });
    assert.deepEqual(brief(g, 'log.ts', cover, { ...DEFAULT_INDIRECT, sharedJourneys: 10, sharedAbove: 5 }).shared, {
      importers: 6,
      journeys: 6,
    });
    assert.equal(
      brief(g, 'log.ts', cover, { ...DEFAULT_INDIRECT, sharedJourneys: 10, sharedAbove: 300 }).hits.length,
      6,
    );
    assert.deepEqual(brief(g, 'few.ts', cover).hits, ['journey0/tp 1 few.ts > one.ts']);
  });

  it('cycles: a cycle does not make everything in it reach everything', async () => {
    // A ring of 40 files, each importing the next; two of them are covered.
    const sources: Record<string, string> = {};
    const n = 40;
    for (let i = 0; i < n; i++)
      sources[`ring/f${i}.ts`] =
        `import { v${(i + 1) % n} } from './f${(i + 1) % n}';\nexport const v${i} = v${(i + 1) % n};\n`;
    const g = await graphOfSources(parser, sources);
    assert.equal(g.stats.edges, n);
    const cover = { 'ring/f5.ts': ['a/one'], 'ring/f25.ts': ['b/two'] };
    // f10 is imported by f9, f8, ...: f5 is 5 hops away, beyond maxHops; f25 is 25 hops away.
    assert.deepEqual(brief(g, 'ring/f10.ts', cover), { hits: [], beyond: 1, shared: undefined });
    assert.deepEqual(brief(g, 'ring/f7.ts', cover).hits, ['a/one 2 ring/f7.ts > ring/f6.ts > ring/f5.ts']);
    // The walk ends at f5, so b/two behind it is not even counted.
    assert.equal(brief(g, 'ring/f7.ts', cover).beyond, 0);
  });

  it('Go, Python and Java files get their edges', async () => {
    const g = await graphOfSources(parser, {
      'go.mod': 'module example.com/shop\n',
      'money/round.go': 'package money\nfunc Round() {}\n',
      'money/round_test.go': 'package money\nimport "testing"\n',
      'pay/charge.go': 'package pay\nimport "example.com/shop/money"\nfunc Charge() { money.Round() }\n',
      'orders/__init__.py': '',
      'orders/api.py': 'from .refunds import refund\nfrom orders import money\n',
      'orders/refunds.py': 'def refund(): pass\n',
      'orders/money.py': 'X = 1\n',
      'src/main/java/com/shop/Api.java': 'package com.shop;\nimport com.shop.pay.Charge;\nclass Api {}\n',
      'src/main/java/com/shop/pay/Charge.java': 'package com.shop.pay;\npublic class Charge {}\n',
    });
    assert.deepEqual(edgesOf(g), [
      'orders/api.py -> orders/money.py',
      'orders/api.py -> orders/refunds.py',
      'pay/charge.go -> money/round.go',
      'src/main/java/com/shop/Api.java -> src/main/java/com/shop/pay/Charge.java',
    ]);
  });

  it("a save that changes only a file's own imports updates its edges in place; a changed export needs a full build", async () => {
    const sources: Record<string, string> = {
      'a.ts': "import { b } from './b';\nexport const a = b;\n",
      'b.ts': 'export const b = 1;\n',
      'c.ts': 'export const c = 1;\n',
    };
    const files = Object.keys(sources).sort();
    const imports = new Map<string, FileImports>();
    for (const f of files) imports.set(f, await importsOf(parser, 'typescript', sources[f]!));
    const graph = buildGraph({ files, imports, resolver: new Resolver({ files, texts: new Map() }) });
    assert.deepEqual(edgesOf(graph), ['a.ts -> b.ts']);
    assert.ok(
      updateGraphFile(
        graph,
        'a.ts',
        await importsOf(parser, 'typescript', "import { c } from './c';\nexport const a = c;\n"),
      ),
    );
    assert.deepEqual(edgesOf(graph), ['a.ts -> c.ts']);
    assert.deepEqual(
      graph.files.map((_, i) => graph.importersOf(i).length),
      [0, 0, 1],
    );
    assert.equal(
      updateGraphFile(graph, 'b.ts', await importsOf(parser, 'typescript', 'export const renamed = 1;\n')),
      false,
    );
  });

  it('counts and lists what it cannot resolve, with the line', async () => {
    const g = await graphOfSources(parser, { 'a.ts': "import x from 'react';\nimport { y } from './nope';\nx; y;\n" });
    assert.deepEqual(g.unresolved, [{ file: 'a.ts', line: 1, specifier: './nope', reason: 'no such file' }]);
    assert.equal(g.stats.external, 1);
  });
});
