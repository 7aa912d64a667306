// Symbol-precise change impact (contract §3) in the real host: the Changes view, the Impact Report and the CLI agree
// that a commit changing only a function no touchpoint names leaves a symbol-scoped touchpoint out, and that a commit
// changing a named symbol reports it with that symbol. Then the engine's finder against VS Code's own TypeScript
// document symbols on examples/shop's TypeScript files.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { findSymbols } from '../../src/core/code/symbols';
import { qualifySymbols } from '../../src/core/symbols';
import type { CxImpactApi } from '../../src/extension';
import type { TreeSnapshot } from '../../src/views/sidebar';
import { api, eventually, fixture, fixtureDir } from './support';
import { TestRepo } from '../../src/node/test-repo';
import { codeParser } from '../../src/node/tree-sitter-host';
import { Command } from '../../src/workspace/command-ids';

const EXTENSION_ID = 'cx-impact.cx-impact';
const REFUND = 'services/payments/refund.ts';

/** Git in the fixture's repository, as the CLI tests run it (TestRepo: without the machine's configuration). */
const fixtureRepo = new TestRepo(fixtureDir);

function edit(file: string, from: string, to: string): void {
  const target = path.join(fixtureDir, file);
  const text = fs.readFileSync(target, 'utf8');
  assert.ok(text.includes(from), `${file} has no ${from}`);
  fs.writeFileSync(target, text.replace(from, to));
}

function outline(nodes: readonly TreeSnapshot[] | undefined, depth = 0): string {
  return (nodes ?? [])
    .map(
      (n) =>
        `${'  '.repeat(depth)}${n.label}${n.description ? ` (${n.description})` : ''}\n${outline(n.children, depth + 1)}`,
    )
    .join('');
}

function cli(ext: vscode.Extension<unknown>, args: string[]): string {
  return execFileSync(process.execPath, [path.join(ext.extensionPath, 'dist', 'cli.js'), ...args], {
    cwd: fixtureDir,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
}

(fixture === 'workspace' ? describe : describe.skip)('symbol-precise change impact (workspace fixture)', function () {
  this.timeout(180_000);
  let cx: CxImpactApi;
  let ext: vscode.Extension<unknown>;
  before(async function () {
    if (!fixtureDir || !fs.existsSync(path.join(fixtureDir, '.git'))) this.skip();
    cx = await api();
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found);
    ext = found;
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** A branch with one commit on main that makes `from` `to` in refund.ts; back on main afterwards. */
  async function onCommit(name: string, from: string, to: string, body: () => Promise<void>): Promise<void> {
    fixtureRepo.git('checkout', '-q', '-b', name, 'main');
    try {
      edit(REFUND, from, to);
      fixtureRepo.git('commit', '-q', '-am', name);
      await body();
    } finally {
      fixtureRepo.git('checkout', '-q', '-f', 'main');
      fixtureRepo.git('branch', '-q', '-D', name);
    }
  }

  async function branchGroup(description: string): Promise<TreeSnapshot> {
    let last: TreeSnapshot[] = [];
    return eventually(`the Branch vs main group with ${description}`, 60_000, async () => {
      last = (await cx.sidebar.snapshot()).changes;
      const group = last.find((g) => g.label === 'Branch vs main');
      // The symbol pass follows the file-level paint: wait for the declarations under the file.
      const withSymbols =
        JSON.stringify(group).includes('"refundPolicyDays"') ||
        JSON.stringify(group).includes('"RefundService.requestRefund"');
      return group?.description === description && withSymbols ? group : undefined;
    }).catch((err: unknown) => assert.fail(`${String(err)}; the Changes view shows:\n${outline(last)}`));
  }

  it('a commit that changes only a function no touchpoint names leaves the symbol-scoped touchpoints out', async () => {
    await onCommit('symbols-unnamed', 'return 30;', 'return 45;', async () => {
      // Changes view: Refunds' touchpoints name RefundService.requestRefund, .status and formatRefundStatus: not touched.
      const group = await branchGroup('1 file · 1 journey');
      assert.deepEqual(group.children, [
        {
          label: 'Checkout',
          description: 'critical · 1 touchpoint',
          children: [
            {
              label: 'Pay for the order',
              description: '1 file · web',
              children: [
                {
                  label: 'refund.ts',
                  description: 'services/payments · modified',
                  children: [{ label: 'refundPolicyDays', description: 'lines 37–39' }],
                },
              ],
            },
          ],
        },
      ]);

      // Impact Report: the same journeys, and the declaration named.
      await vscode.commands.executeCommand(Command.showImpactReport, { kind: 'branch' });
      const snapshot = await cx.report.settled();
      assert.ok(snapshot?.gathered, snapshot?.page.message);
      assert.deepEqual(
        snapshot.gathered.report.journeys.map((j) => j.id),
        ['checkout'],
      );
      assert.deepEqual(
        snapshot.gathered.report.changes.map((c) => [c.path, c.symbols]),
        [[REFUND, ['refundPolicyDays']]],
      );
      assert.match(snapshot.html, /refundPolicyDays \(lines 37–39\)/);

      // CLI: the same answer.
      const json = JSON.parse(cli(ext, ['impact', '--base', 'main', '--head', 'HEAD', '--format', 'json'])) as {
        journeys: { id: string }[];
      };
      assert.deepEqual(
        json.journeys.map((j) => j.id),
        ['checkout'],
      );
      assert.equal(
        cx.report.markdown(),
        cli(ext, ['impact', '--base', 'main', '--head', 'HEAD', '--format', 'markdown']),
      );
    });
  });

  it('a commit that changes a named symbol reports its touchpoint with that symbol, and a click opens the change there', async () => {
    await onCommit(
      'symbols-named',
      "throw new Error('A refund must be for a positive amount');",
      "throw new Error('A refund must be for more than nothing');",
      async () => {
        const group = await branchGroup('1 file · 2 journeys');
        const refunds = group.children?.find((j) => j.label === 'Refunds');
        assert.deepEqual(refunds, {
          label: 'Refunds',
          description: 'high · 1 touchpoint',
          children: [
            {
              label: 'Ask for a refund',
              description: '1 file · contact-center',
              children: [
                {
                  label: 'refund.ts',
                  description: 'services/payments · modified',
                  children: [{ label: 'RefundService.requestRefund', description: 'lines 14–21' }],
                },
              ],
            },
          ],
        });

        await vscode.commands.executeCommand(Command.showImpactReport, { kind: 'branch' });
        const snapshot = await cx.report.settled();
        assert.ok(snapshot?.gathered, snapshot?.page.message);
        const ask = snapshot.gathered.report.journeys.find((j) => j.id === 'refunds')?.touchpoints;
        assert.deepEqual(
          ask?.map((t) => [t.id, t.precision, t.symbols?.map((s) => [s.file, s.symbol, s.side, s.lines])]),
          [['request-refund', 'symbol', [[REFUND, 'RefundService.requestRefund', 'new', [14, 21]]]]],
        );
        assert.match(
          snapshot.html,
          /data-action="open-symbol"[^>]*data-line="14"[^>]*>RefundService\.requestRefund \(lines 14–21\)/,
        );

        // The page's symbol button opens the change with the cursor on the symbol's first line.
        const index = snapshot.gathered.report.changedFiles.indexOf(REFUND);
        await cx.report.handleMessage({ type: 'open-file', file: index, line: 14, side: 'new' });
        const editor = await eventually('an editor on refund.ts', 20_000, () => {
          const active = vscode.window.activeTextEditor;
          return active?.document.uri.path.endsWith(REFUND) ? active : undefined;
        });
        assert.equal(editor.selection.active.line, 13);

        const json = JSON.parse(cli(ext, ['impact', '--base', 'main', '--head', 'HEAD', '--format', 'json'])) as {
          journeys: { id: string }[];
        };
        assert.deepEqual(
          json.journeys.map((j) => j.id),
          ['checkout', 'refunds'],
        );
      },
    );
  });

  it('the hover on a named symbol says whether the working tree changed it', async () => {
    const uri = vscode.Uri.file(path.join(fixtureDir, REFUND));
    const target = path.join(fixtureDir, REFUND);
    const original = fs.readFileSync(target, 'utf8');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const at = (name: string) => {
      const line = document
        .getText()
        .split('\n')
        .findIndex((l) => l.includes(`${name}(`));
      return new vscode.Position(line, document.lineAt(line).text.indexOf(name) + 1);
    };
    const hoverText = async (name: string) => {
      const hovers =
        (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at(name))) ?? [];
      // Plain text appended to a MarkdownString comes back escaped (`&nbsp;`, `\(`): read it as text.
      return hovers
        .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
        .join('\n')
        .replace(/&nbsp;/g, ' ')
        .replace(/\\/g, '');
    };
    try {
      fs.writeFileSync(
        target,
        original.replace('    if (amountCents <= 0) {', '    // checked twice\n    if (amountCents <= 0) {'),
      );
      let last = '';
      const changed = await eventually('the hover on requestRefund to say it changed', 30_000, async () => {
        last = await hoverText('requestRefund');
        return last.includes('changed RefundService.requestRefund') ? last : undefined;
      }).catch((err: unknown) =>
        assert.fail(
          `${String(err)}; the hover says: ${last}; the document (v${document.version}, dirty ${document.isDirty}) reads: ${document.getText().slice(300, 600)}`,
        ),
      );
      assert.match(changed, /Ask for a refund/);
      assert.match(await hoverText('status'), /did not change RefundService\.status/);
    } finally {
      fs.writeFileSync(target, original);
    }
  });

  it('a Go file, with no Go language server in the host, gets its symbol lenses from the engine', async () => {
    const dir = path.join(fixtureDir, 'services', 'ledger');
    fs.mkdirSync(dir, { recursive: true });
    const goFile = path.join(dir, 'ledger.go');
    try {
      fs.writeFileSync(
        goFile,
        'package ledger\n\ntype Ledger struct{}\n\nfunc (l *Ledger) Post(amount int) error {\n\treturn nil\n}\n\nfunc audit() {}\n',
      );
      // A package map of its own, scoped to the Go method by its receiver type.
      fs.writeFileSync(
        path.join(dir, 'cx-map.yaml'),
        'version: 1\njourneys:\n  - id: ledger\n    name: Ledger\n    tier: high\n    touchpoints:\n      - id: post\n        name: Post an entry\n        paths: [ledger.go]\n        symbols: [Ledger.Post]\n',
      );
      const uri = vscode.Uri.file(goFile);
      const document = await vscode.workspace.openTextDocument(uri);
      const lspSymbols =
        (await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>(
          'vscode.executeDocumentSymbolProvider',
          uri,
        )) ?? [];
      const lenses = await eventually('a lens above Ledger.Post', 30_000, async () => {
        const all =
          (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
        const ours = all.filter((l) => l.command?.command === Command.revealInSidebar);
        return ours.length > 0 ? ours : undefined;
      });
      // One lens, on the line of Post (line 5), whatever the host's own Go symbols are (none without a Go extension).
      assert.deepEqual(
        lenses.map((l) => l.range.start.line),
        [4],
        `the host's own Go symbols: ${lspSymbols.length}`,
      );
      assert.match(document.lineAt(4).text, /\) Post\(/);
      assert.match(lenses[0]?.command?.title ?? '', /Post an entry/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names and ranges: the engine’s finder against VS Code’s TypeScript document symbols on examples/shop', async () => {
    const shop = path.join(ext.extensionPath, 'examples', 'shop');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        if (entry.name === 'node_modules') continue;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(entry.name)) files.push(full);
      }
    };
    walk(shop);
    assert.ok(files.length > 0, 'examples/shop has TypeScript files');
    // Copies outside the workspace: opened as loose files, the TypeScript server reads them on their own.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-symbols-'));
    const parser = codeParser(path.join(ext.extensionPath, 'dist', 'tree-sitter'));
    const differences: string[] = [];
    let compared = 0;
    try {
      for (const file of files) {
        const rel = path.relative(shop, file);
        const copy = path.join(dir, rel.replace(/[\\/]/g, '__'));
        const text = fs.readFileSync(file, 'utf8');
        fs.writeFileSync(copy, text);
        const document = await vscode.workspace.openTextDocument(copy);
        const vscodeSymbols = await eventually(`TypeScript's symbols of ${rel}`, 60_000, async () => {
          const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>(
            'vscode.executeDocumentSymbolProvider',
            document.uri,
          );
          return found && found.length > 0 ? found : undefined;
        });
        const theirs = qualifySymbols(vscodeSymbols).map((s) => ({
          name: s.name,
          line: s.range.start.line,
          end: s.range.end.line,
          nameAt: `${s.selectionRange.start.line}:${s.selectionRange.start.character}`,
        }));
        const ours = (await findSymbols(parser, file.endsWith('.tsx') ? 'tsx' : 'typescript', text)).symbols.map(
          (s) => ({
            name: s.name,
            line: s.range.start.line,
            end: s.range.end.line,
            nameAt: `${s.selectionRange.start.line}:${s.selectionRange.start.character}`,
          }),
        );
        compared += ours.length;
        for (const o of ours) {
          const t = theirs.find((x) => x.name === o.name && x.nameAt === o.nameAt);
          if (!t) differences.push(`${rel}: ${o.name} (name at ${o.nameAt}) only in the finder`);
          else if (t.line !== o.line || t.end !== o.end)
            differences.push(
              `${rel}: ${o.name} lines ${o.line + 1}–${o.end + 1} in the finder, ${t.line + 1}–${t.end + 1} in VS Code`,
            );
        }
        for (const t of theirs)
          if (!ours.some((o) => o.name === t.name && o.nameAt === t.nameAt))
            differences.push(`${rel}: ${t.name} (name at ${t.nameAt}) only in VS Code`);
      }
    } finally {
      parser.dispose();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(dir, { recursive: true, force: true });
    }
    console.log(
      `[symbols vs TypeScript] ${files.length} files, ${compared} finder symbols; differences:\n${differences.join('\n') || '(none)'}`,
    );
    // Every declaration the finder reports, VS Code reports too, at the same name position.
    assert.deepEqual(
      differences.filter((d) => d.includes('only in the finder')),
      [],
    );
  });
});
