// A Go package imported as a whole by many files (issue #23, case 9): the graph holds it once (a hub), and every
// answer is the one an edge per (importer, package file) pair gives: deps, importers, reach chains, stats, saves.
import * as assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { CodeParser } from '../code/parser';
import { importsOf, type FileImports } from '../code/imports';
import { depsOf } from './deps';
import { buildGraph, updateGraphFile, type DependencyGraph } from './graph';
import { DEFAULT_INDIRECT, reachOf, transitiveImporters, type ReachTarget } from './reach';
import { Resolver } from './resolve';
import { packageParser } from '../../../test/support/tree-sitter';

const GO_MOD = 'module example.com/m\n\ngo 1.22\n';

async function goGraph(
  parser: CodeParser,
  sources: Record<string, string>,
): Promise<{ graph: DependencyGraph; imports: Map<string, FileImports>; files: string[] }> {
  const files = Object.keys(sources).sort();
  const imports = new Map<string, FileImports>();
  for (const f of files) if (f.endsWith('.go')) imports.set(f, await importsOf(parser, 'go', sources[f]!));
  const graph = buildGraph({ files, imports, resolver: new Resolver({ files, texts: new Map([['go.mod', GO_MOD]]) }) });
  return { graph, imports, files };
}

function chains(
  graph: DependencyGraph,
  file: string,
  covered: Record<string, string>,
  options = DEFAULT_INDIRECT,
): string[] {
  const coverage = (f: string): ReachTarget<string>[] =>
    covered[f] ? [{ touchpoint: covered[f], journey: covered[f], value: covered[f] }] : [];
  return reachOf(graph, file, coverage, options).hits.map((h) => `${h.target.value} ${h.hops} ${h.via.join(' > ')}`);
}

/** The heap the graph holds, after collecting what its build left behind. */
function heapMb(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

describe('a Go package imported as a whole: held once, answers as one edge per file', () => {
  const parser = packageParser();
  after(() => parser.dispose());

  it('a package of 1,500 files imported by 1,500 files: 2.25 million edges counted and listed, a few MB held', () => {
    const n = 1500;
    const files = ['go.mod'];
    const imports = new Map<string, FileImports>();
    for (let i = 0; i < n; i++) {
      files.push(`pkg/big/f${i}.go`);
      imports.set(`pkg/big/f${i}.go`, {
        imports: [],
        reexports: [],
        exports: [],
        partial: false,
        declares: [`F${i}`],
        uses: [],
      });
    }
    for (let i = 0; i < n; i++) {
      files.push(`cmd/u${i}/main.go`);
      imports.set(`cmd/u${i}/main.go`, {
        imports: [{ specifier: 'example.com/m/pkg/big', kind: 'import', line: 2, typeOnly: false, usedIn: ['main'] }],
        reexports: [],
        exports: [],
        partial: false,
        declares: ['main'],
        uses: ['big'],
      });
    }
    const before = heapMb();
    const graph = buildGraph({
      files,
      imports,
      resolver: new Resolver({ files, texts: new Map([['go.mod', GO_MOD]]) }),
    });
    const held = heapMb() - before;
    // An edge object per pair held about 150 MB here (and 2.7 GB at 5,000 by 5,000).
    assert.ok(held < 40, `${held.toFixed(0)} MB held by the graph`);
    assert.equal(graph.stats.edges, n * n);
    assert.equal(graph.stats.byKind.import, n * n);
    const deps = depsOf(graph, ['cmd/u7/main.go', 'pkg/big/f3.go'], false);
    assert.equal(deps.files[0]!.imports.length, n);
    assert.deepEqual(deps.files[0]!.imports[5], { file: 'pkg/big/f5.go', line: 3, specifier: 'example.com/m/pkg/big' });
    assert.equal(deps.files[1]!.importers.length, n);
    assert.equal(transitiveImporters(graph, graph.indexOf('pkg/big/f3.go')!), n);
    // Every file of the package reaches every importer at one hop (shared infrastructure past 300 importers).
    assert.equal(reachOf(graph, 'pkg/big/f9.go', () => [], DEFAULT_INDIRECT).shared?.importers, n);
    const covered = { 'cmd/u0/main.go': 'u0', 'cmd/u1499/main.go': 'u1499' };
    assert.deepEqual(chains(graph, 'pkg/big/f9.go', covered, { ...DEFAULT_INDIRECT, sharedAbove: 10_000 }), [
      'u0 1 pkg/big/f9.go > cmd/u0/main.go',
      'u1499 1 pkg/big/f9.go > cmd/u1499/main.go',
    ]);
  });

  it("deps lists a package import as an edge to each of its files, in import order, among the file's other edges", async () => {
    const { graph } = await goGraph(parser, {
      'go.mod': GO_MOD,
      'p/a.go': 'package p\n\nfunc A() {}\n',
      'p/b.go': 'package p\n\nfunc B() {}\n',
      'q/c.go': 'package q\n\nfunc C() {}\n',
      'q/d.go': 'package q\n\nimport (\n\t"example.com/m/p"\n)\n\nfunc D() { p.A(); C() }\n',
      // Imports its own package (Go refuses it, the graph must not double an edge), and another one twice.
      'q/e.go':
        'package q\n\nimport (\n\tx "example.com/m/p"\n\ty "example.com/m/p"\n\tself "example.com/m/q"\n)\n\nfunc E() { x.A(); y.B(); self.C(); D() }\n',
    });
    const deps = depsOf(graph, ['q/d.go', 'q/e.go', 'p/a.go', 'q/c.go'], false);
    const lines = (k: number) =>
      deps.files[k]!.imports.map((e) => `${e.file} ${e.line} ${e.specifier}${e.kind ? ` ${e.kind}` : ''}`);
    assert.deepEqual(lines(0), ['p/a.go 4 example.com/m/p', 'p/b.go 4 example.com/m/p', 'q/c.go 1 C same-package']);
    assert.deepEqual(lines(1), [
      'p/a.go 4 example.com/m/p',
      'p/b.go 4 example.com/m/p',
      'q/c.go 6 example.com/m/q',
      'q/d.go 6 example.com/m/q',
    ]);
    assert.deepEqual(deps.files[2]!.importers, ['q/d.go', 'q/e.go']);
    assert.deepEqual(deps.files[3]!.importers, ['q/d.go', 'q/e.go']);
    assert.equal(graph.stats.edges, 7);
    assert.deepEqual(graph.stats.byKind, { import: 6, metadata: 0, samePackage: 1, implementation: 0 });
  });

  it('a save keeps the importers in the order a fresh build gives, so the chain shown does not change', async () => {
    const sources: Record<string, string> = {
      'go.mod': GO_MOD,
      'p/a.go': 'package p\n\nfunc A() {}\n',
      'p/b.go': 'package p\n\nfunc B() {}\n',
      'x/x.go': 'package x\n\nimport "example.com/m/p"\n\nfunc X() { p.A() }\n',
      'y/y.go': 'package y\n\nimport "example.com/m/p"\n\nfunc Y() { p.B() }\n',
      'c/c.go': 'package c\n\nimport (\n\t"example.com/m/x"\n\t"example.com/m/y"\n)\n\nfunc C() { x.X(); y.Y() }\n',
    };
    const { graph } = await goGraph(parser, sources);
    const covered = { 'c/c.go': 'checkout' };
    assert.deepEqual(chains(graph, 'p/a.go', covered), ['checkout 2 p/a.go > x/x.go > c/c.go']);
    // Saved with the same imports: the answer is the fresh build's (it used to take the chain through y/y.go).
    assert.ok(updateGraphFile(graph, 'x/x.go', await importsOf(parser, 'go', sources['x/x.go']!)));
    assert.deepEqual(chains(graph, 'p/a.go', covered), ['checkout 2 p/a.go > x/x.go > c/c.go']);
    assert.deepEqual(depsOf(graph, ['p/b.go'], false).files[0]!.importers, ['x/x.go', 'y/y.go']);
    // A save that drops the package import takes its edges away; one that adds it back restores them.
    assert.ok(updateGraphFile(graph, 'x/x.go', await importsOf(parser, 'go', 'package x\n\nfunc X() {}\n')));
    assert.deepEqual(depsOf(graph, ['p/b.go'], false).files[0]!.importers, ['y/y.go']);
    assert.deepEqual(chains(graph, 'p/a.go', covered), ['checkout 2 p/a.go > y/y.go > c/c.go']);
    assert.equal(graph.stats.edges, 4);
    assert.ok(updateGraphFile(graph, 'x/x.go', await importsOf(parser, 'go', sources['x/x.go']!)));
    assert.deepEqual(chains(graph, 'p/a.go', covered), ['checkout 2 p/a.go > x/x.go > c/c.go']);
    assert.equal(graph.stats.edges, 6);
  });
});
