// `npm run bench:activation`: what the extension bundle costs before anything runs. dist/extension.js is built twice
// side by side (scripts/bundles.mjs): with the code activation does not need split into bundles loaded on first use,
// and as one bundle of everything (as it was before). For each, in fresh Node processes: the time to load it
// (`require`, which parses and runs the module's top level) and `activate()` against a stand-in `vscode` module
// that answers every call with another stand-in. The real activation inside VS Code is measured by the integration
// suite (test/integration/editor-surfaces.test.ts prints `activate() took`); this one isolates what the bundle adds.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..');
/** The names of the vscode module the extension reads (\`vscode.X\` in src/). */
const VSCODE_NAMES =
  'CancellationError CancellationTokenSource CodeAction CodeActionKind CodeLens CompletionItem CompletionItemKind CompletionList Diagnostic DiagnosticSeverity Disposable DocumentSymbol EventEmitter FileDecoration FileSystemError FoldingRange Hover Location MarkdownString Position ProgressLocation QuickPickItemKind Range RelativePattern Selection SnippetString StatusBarAlignment SymbolInformation SymbolKind TextEditorRevealType ThemeColor ThemeIcon TreeItem TreeItemCollapsibleState Uri ViewColumn WorkspaceEdit commands env extensions languages l10n window workspace'.split(
    ' ',
  );
const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 15;

const STUB = `
const NAMES = ${JSON.stringify(VSCODE_NAMES)};
const any = () => new Proxy(function () {}, {
  get: (_t, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : key === Symbol.iterator ? [][Symbol.iterator] : any()),
  apply: () => any(),
  construct: () => any(),
  set: () => true,
  defineProperty: () => true,
});
// esbuild's interop copies the module's own properties: each name the extension uses is one.
for (const name of NAMES) exports[name] = any();
`;

const PROBE = `
process.on('uncaughtException', () => {});
process.on('unhandledRejection', () => {});
const t0 = performance.now();
const ext = require(process.argv[2]);
const t1 = performance.now();
const vscode = require('vscode');
const context = { subscriptions: [], extensionUri: vscode.Uri.file('/x'), storageUri: undefined, globalStorageUri: vscode.Uri.file('/y'), globalState: vscode, workspaceState: vscode };
let activate = NaN;
try { const a = performance.now(); ext.activate(context); activate = performance.now() - a; } catch (e) { process.stderr.write(String(e instanceof Error ? e.stack : e) + '\\n'); }
process.stdout.write(JSON.stringify({ load: t1 - t0, activate }));
process.exit(0);
`;

function median(values: number[]): number {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.floor(s.length / 2)]!;
}

async function main(): Promise<void> {
  const bundles = (await import('./bundles.mjs')) as typeof import('./bundles.mjs');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cx-impact-bench-activation-'));
  try {
    mkdirSync(path.join(dir, 'node_modules', 'vscode'), { recursive: true });
    writeFileSync(path.join(dir, 'node_modules', 'vscode', 'index.js'), STUB);
    writeFileSync(path.join(dir, 'probe.js'), PROBE);
    const variants = [
      { name: 'split (code loaded on first use in bundles of its own)', lazy: true },
      { name: 'one bundle of everything (before)', lazy: false },
    ];
    const rows: string[] = [];
    for (const v of variants) {
      const out = path.join(dir, v.lazy ? 'split' : 'one');
      await bundles.buildExtension({ root, outdir: out, production: true, lazy: v.lazy });
      const size = statSync(path.join(out, 'extension.js')).size;
      const loads: number[] = [];
      const activations: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const r = spawnSync(process.execPath, [path.join(dir, 'probe.js'), path.join(out, 'extension.js')], {
          cwd: dir,
          encoding: 'utf8',
        });
        if (!r.stdout) process.stderr.write(r.stderr);
        const m = JSON.parse(r.stdout || '{}') as { load?: number; activate?: number };
        loads.push(m.load ?? NaN);
        activations.push(m.activate ?? NaN);
      }
      rows.push(
        `| ${v.name} | ${size.toLocaleString('en')} | ${median(loads).toFixed(1)} ms | ${median(activations).toFixed(1)} ms |`,
      );
    }
    console.log(
      `extension bundle, ${RUNS} fresh processes each (median), load average ${os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(', ')}`,
    );
    console.log(`budget: dist/extension.js <= ${bundles.EXTENSION_BUDGET_BYTES.toLocaleString('en')} bytes`);
    console.log('| dist/extension.js | bytes | load (require) | activate() against a stand-in vscode |');
    console.log('|---|---:|---:|---:|');
    for (const row of rows) console.log(row);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
