// `npm run bench:entry` (issue #17): the entry-point list of a generated 3,000-file repository, cold (a new code
// reader: every file parsed, in the worker threads) and warm (the same reader again: answers from the cache by
// content, so only reading the files, hashing and the assembly remain). Compared in the same run with the naive way:
// every file parsed on this thread, no cheap text filter, no cache. Budgets (issue #17): cold <= 1 s, warm <= 100 ms.
// A script, not a test: the figures depend on the machine (and on what else runs on it).
//
//   npm run bench:entry                 3,000 files, 5 warm runs
//   npm run bench:entry -- --files 10000 --runs 10
import * as fs from 'node:fs';
import { loadavg, tmpdir, availableParallelism } from 'node:os';
import * as path from 'node:path';
import { languageOfPath } from '../src/core/code/languages';
import { codeParser } from '../src/node/tree-sitter-host';
import { packageWasmDir } from '../src/node/package-wasm';
import { assembleEntryPoints } from '../src/core/entry-points/assemble';
import { detectGo } from '../src/core/entry-points/go-http';
import type { EntryFacts } from '../src/core/entry-points/types';
import { CodeReader } from '../src/node/code-reader';
import { readEntryPoints } from '../src/node/entry-points';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at < 0 ? NaN : Number(process.argv[at + 1]);
  return value > 0 ? value : fallback;
}

const FILES = option('files', 3_000);
const RUNS = option('runs', 5);

/** A repository like a mid-sized back end: mostly plain modules, some routers, controllers and Go handlers. */
function generate(root: string, count: number): string[] {
  const files: Record<string, string> = {};
  for (let i = 0; files && Object.keys(files).length < count; i++) {
    const svc = `services/svc${i % 40}`;
    switch (i % 10) {
      case 0:
        files[`${svc}/src/routes${i}.ts`] = [
          "import { Router } from 'express';",
          `import { list${i}, show${i} } from './handlers${i}';`,
          `export const router${i} = Router();`,
          `router${i}.get('/items${i}', list${i});`,
          `router${i}.get('/items${i}/:id', show${i});`,
          `router${i}.post('/items${i}', (req, res) => res.end());`,
          '',
        ].join('\n');
        files[`${svc}/src/handlers${i}.ts`] = `export function list${i}() {}\nexport function show${i}() {}\n`;
        break;
      case 1:
        files[`${svc}/src/orders${i}.controller.ts`] = [
          "import { Controller, Get, Post, Param } from '@nestjs/common';",
          `@Controller('orders${i}')`,
          `export class Orders${i}Controller {`,
          "  @Get(':id') one(@Param('id') id: string) { return id; }",
          '  @Post() create() { return 1; }',
          '}',
          '',
        ].join('\n');
        break;
      case 2:
        files[`${svc}/http${i}.go`] =
          `package svc\n\nimport "net/http"\n\nfunc (h *H${i}) Routes(mux *http.ServeMux) {\n\tmux.HandleFunc("GET /things${i}", h.list${i})\n\tmux.HandleFunc("POST /things${i}", h.create${i})\n}\n`;
        files[`${svc}/things${i}.go`] =
          `package svc\n\nfunc (h *H${i}) list${i}(w http.ResponseWriter, r *http.Request) {}\nfunc (h *H${i}) create${i}(w http.ResponseWriter, r *http.Request) {}\n`;
        break;
      case 3:
        files[`${svc}/app/views${i}.py`] =
          `from fastapi import APIRouter\nrouter = APIRouter(prefix="/v${i}")\n\n@router.get("/{id}")\ndef read${i}(id: int):\n    return id\n`;
        break;
      default: {
        const body = Array.from(
          { length: 30 },
          (_, k) =>
            `export function helper${i}_${k}(a: number, b: number): number {\n  const m = new Map<string, number>();\n  m.set('k${k}', a + b);\n  return m.get('k${k}') ?? 0;\n}\n`,
        ).join('');
        files[`${svc}/src/lib/util${i}.ts`] = body;
      }
    }
  }
  const list = Object.keys(files).slice(0, count).sort();
  for (const file of list) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), files[file]!);
  }
  return list;
}

function workerScript(dir: string): string {
  const built = path.join(__dirname, '..', 'dist', 'code-worker.js');
  if (fs.existsSync(built)) return built;
  const script = path.join(dir, 'worker.js');
  fs.writeFileSync(
    script,
    `require(${JSON.stringify(require.resolve('tsx/cjs'))});\nrequire(${JSON.stringify(path.join(__dirname, '..', 'src', 'node', 'code-worker.ts'))});\n`,
  );
  return script;
}

/** process.cpuUsage counts every thread of the process, the code workers included. */
function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function naive(root: string, files: readonly string[]): Promise<number> {
  // Every file parsed on this thread, every detector run on every tree, nothing cached.
  const parser = codeParser(packageWasmDir());
  const { readTsModule } = await import('../src/core/entry-points/ts-module');
  const { detectTsRouters } = await import('../src/core/entry-points/ts-routers');
  const { detectNest } = await import('../src/core/entry-points/nest');
  const { detectPython } = await import('../src/core/entry-points/python');
  const started = performance.now();
  const facts = new Map<string, EntryFacts>();
  for (const file of files) {
    const language = languageOfPath(file);
    if (!language) continue;
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const found: EntryFacts = { entries: [], mounts: [] };
    await parser.withTree(language, text, (tree) => {
      if (language === 'go') detectGo(tree.rootNode, found);
      else if (language === 'python') detectPython(tree.rootNode, found);
      else {
        const module = readTsModule(tree.rootNode);
        detectTsRouters(module, found);
        detectNest(module, found);
      }
    });
    facts.set(file, found);
  }
  assembleEntryPoints(facts, files);
  const ms = performance.now() - started;
  parser.dispose();
  return ms;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(tmpdir(), 'cx-bench-entry-'));
  try {
    const root = path.join(dir, 'repo');
    const files = generate(root, FILES);
    console.log(
      `bench:entry — ${files.length} files, ${availableParallelism()} cores, load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    const reader = new CodeReader({ wasmDir: packageWasmDir(), workerScript: workerScript(dir) });
    // Starting the workers and loading the grammars is paid once per process (the CLI and the extension pay it on
    // first use): measured apart, on one small file, so "cold" is the repository's own cost.
    let started = performance.now();
    await reader.ask('entryPoints', 'warmup.ts', "import express from 'express';\n");
    await reader.ask('entryPoints', 'warmup.go', 'package a\n');
    await reader.ask('entryPoints', 'warmup.py', 'import flask\n');
    const startup = performance.now() - started;
    started = performance.now();
    let cpu = process.cpuUsage();
    const cold = await readEntryPoints(root, files, reader);
    const coldMs = performance.now() - started;
    const coldCpu = cpuMs(process.cpuUsage(cpu));
    const warm: number[] = [];
    const warmCpu: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      started = performance.now();
      cpu = process.cpuUsage();
      const again = await readEntryPoints(root, files, reader);
      warm.push(performance.now() - started);
      warmCpu.push(cpuMs(process.cpuUsage(cpu)));
      if (again.entryPoints.length !== cold.entryPoints.length) throw new Error('warm and cold lists differ');
    }
    reader.dispose();
    const naiveMs = await naive(root, files);
    console.log(
      `entry points found:        ${cold.entryPoints.length} (${reader.stats.parsed} files parsed cold, ${reader.stats.cached} answers from the cache warm)`,
    );
    console.log(`worker start + grammars:   ${startup.toFixed(0)} ms (once per process)`);
    console.log(
      `cold (workers, filtered):  ${coldMs.toFixed(0)} ms wall, ${coldCpu.toFixed(0)} ms CPU (all threads)   budget 1000 ms  ${coldMs <= 1000 ? 'ok' : 'OVER'}`,
    );
    console.log(
      `warm (cache), median of ${RUNS}: ${median(warm).toFixed(0)} ms wall, ${median(warmCpu).toFixed(0)} ms CPU   budget 100 ms  ${median(warm) <= 100 ? 'ok' : 'OVER'}   (runs: ${warm.map((w) => w.toFixed(0)).join(', ')})`,
    );
    if (loadavg()[0]! > availableParallelism())
      console.log(
        `note: the load average (${loadavg()[0]!.toFixed(1)}) is above the core count: wall times include waiting for a core.`,
      );
    console.log(`naive (this thread, every file parsed, no cache): ${naiveMs.toFixed(0)} ms`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
