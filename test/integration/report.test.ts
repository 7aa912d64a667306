// The Impact Report panel in the fixture workspace. The launcher makes the fixture copy a git repository with one
// commit on `main`; each test makes its own branch, and goes back to `main` and deletes the branch afterwards.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CxImpactApi } from '../../src/extension';
import type { ReportSnapshot } from '../../src/report/report-panel';
import { api, eventually, fixture, fixtureDir } from './support';
import { TestRepo } from '../../src/node/test-repo';
import { Command } from '../../src/workspace/command-ids';

const EXTENSION_ID = 'cx-impact.cx-impact';

/** Git in the fixture's repository, as the CLI tests run it (TestRepo: without the machine's configuration). */
const fixtureRepo = new TestRepo(fixtureDir);

function edit(file: string, change: (text: string) => string): void {
  const target = path.join(fixtureDir, file);
  const before = fs.readFileSync(target, 'utf8');
  const after = change(before);
  assert.notEqual(after, before, `the edit of ${file} changed nothing`);
  fs.writeFileSync(target, after);
}

/** The page script reports what the live page shows once it has loaded this snapshot's report. */
function renderedPage(cx: CxImpactApi, snapshot: ReportSnapshot) {
  const key = snapshot.gathered ? `${snapshot.gathered.report.base}\u2026${snapshot.gathered.report.head}` : '';
  return eventually('the report page to load and report back', 60_000, () => {
    const rendered = cx.report.snapshot()?.rendered;
    return rendered && rendered.key === key ? rendered : undefined;
  });
}

/** On a throw-away branch off main; back on main, branch deleted, whatever happens. */
async function onBranch(name: string, body: () => Promise<void>): Promise<void> {
  fixtureRepo.git('checkout', '-q', '-b', name, 'main');
  try {
    await body();
  } finally {
    fixtureRepo.git('checkout', '-q', '-f', 'main');
    fixtureRepo.git('branch', '-q', '-D', name);
  }
}

(fixture === 'workspace' ? describe : describe.skip)('Impact Report panel (workspace fixture)', function () {
  // Each test runs git a dozen times and waits for a webview to load: on a busy 2-core machine one took 50 s.
  this.timeout(180_000);
  let cx: CxImpactApi;
  /** Scripts on a page with harmless names: VS Code's own and ours. */
  let cleanScripts: number | undefined;
  before(async () => {
    cx = await api();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('lists a branch’s journeys most critical first with their files, the map changes, and the CLI’s Markdown', async () => {
    await onBranch('report-test', async () => {
      edit('services/payments/charge.ts', (t) => `${t}// faster charges\n`);
      edit('services/accounts/login.ts', (t) => `${t}// remember me\n`);
      edit('packages/web/src/cart.ts', (t) => `${t}// bigger cart\n`);
      edit('docs/notes.md', (t) => `${t}\nMore notes.\n`);
      // The confirmation email loses receipt.ts; signing in gains the search service.
      edit('cx-map.yaml', (t) =>
        t
          .replace('          - services/payments/receipt.ts', '          - services/payments/email/**')
          .replace('          - services/accounts/', '          - services/accounts/\n          - services/search/**'),
      );
      fixtureRepo.git('commit', '-q', '-am', 'Faster checkout, and the map follows the code');

      await vscode.commands.executeCommand(Command.showImpactReport, { kind: 'branch' });
      const snapshot = await cx.report.settled();
      assert.ok(snapshot?.gathered, `no report: ${snapshot?.page.message ?? 'no snapshot'}`);
      const { report, label } = snapshot.gathered;
      assert.equal(label, 'Branch report-test vs main');
      assert.deepEqual(
        report.journeys.map((j) => [
          j.name,
          j.tier,
          j.map,
          Object.fromEntries(j.touchpoints.map((t) => [t.id, t.files])),
        ]),
        [
          ['Checkout', 'critical', 'cx-map.yaml', { pay: ['services/payments/charge.ts'] }],
          ['Browse the catalogue', 'high', 'packages/web/cx-map.yaml', { cart: ['packages/web/src/cart.ts'] }],
          ['Sign in', 'medium', 'cx-map.yaml', { login: ['services/accounts/login.ts'] }],
        ],
      );
      // The map's edit is reported by what it moves (mapChanges), not as a file in no map.
      assert.deepEqual(report.unmappedFiles, ['docs/notes.md']);
      assert.ok(report.changedFiles.includes('cx-map.yaml'));
      assert.deepEqual(report.mapChanges, [
        {
          map: 'cx-map.yaml',
          journey: 'checkout',
          touchpoint: 'confirmation-email',
          added: [],
          removed: ['services/payments/receipt.ts'],
        },
        {
          map: 'cx-map.yaml',
          journey: 'sign-in',
          touchpoint: 'login',
          added: ['services/search/index.ts'],
          removed: [],
        },
      ]);

      assert.match(snapshot.html, /<h2 id="map-changes-h">Map changes<\/h2>/);
      const page = await renderedPage(cx, snapshot);
      assert.deepEqual(page.headings, ['Checkout', 'Browse the catalogue', 'Sign in']);
      assert.deepEqual(page.files, [
        'services/payments/charge.ts',
        'packages/web/src/cart.ts',
        'services/accounts/login.ts',
        'docs/notes.md',
      ]);
      assert.equal(page.bodyScripts, 1);
      cleanScripts = page.scripts;

      // Copy and save use the one Markdown renderer: the text is the CLI's, byte for byte.
      const ext = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(ext);
      const cli = execFileSync(
        process.execPath,
        [
          path.join(ext.extensionPath, 'dist', 'cli.js'),
          'impact',
          '--base',
          'main',
          '--head',
          'HEAD',
          '--format',
          'markdown',
        ],
        {
          cwd: fixtureDir,
          encoding: 'utf8',
          env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
        },
      );
      assert.equal(cx.report.markdown(), cli);

      // Hidden behind another editor, the page is dropped (no retained context); shown again, it reloads with its state.
      await vscode.window.showTextDocument(vscode.Uri.file(path.join(fixtureDir, 'README.md')), {
        viewColumn: vscode.ViewColumn.Active,
      });
      const reportTab = vscode.window.tabGroups.activeTabGroup.tabs.findIndex(
        (t) => t.input instanceof vscode.TabInputWebview,
      );
      assert.ok(reportTab >= 0 && reportTab < 9, 'the report is a tab of the active group');
      await vscode.commands.executeCommand(`workbench.action.openEditorAtIndex${reportTab + 1}`);
      const shownAgain = await eventually('the page to load again', 60_000, () => {
        const rendered = cx.report.snapshot()?.rendered;
        return rendered && rendered.loads > page.loads ? rendered : undefined;
      });
      assert.equal(shownAgain.restored, true, 'the page found its saved state');
      assert.deepEqual(shownAgain.headings, page.headings);

      // A click on a file opens its diff between the compared commits; on a reason's map line, the head's map there.
      await cx.report.handleMessage({
        type: 'open-file',
        file: report.changedFiles.indexOf('services/payments/charge.ts'),
      });
      const diff = await eventually('the diff of charge.ts', 10_000, () => {
        const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
        return input instanceof vscode.TabInputTextDiff && input.modified.path.endsWith('/services/payments/charge.ts')
          ? input
          : undefined;
      });
      assert.equal(diff.original.scheme, 'git');
      assert.equal(diff.modified.scheme, 'git');
      assert.equal((JSON.parse(diff.original.query) as { ref?: string }).ref, report.base);
      assert.equal((JSON.parse(diff.modified.query) as { ref?: string }).ref, report.head);

      const maps = [
        ...new Set(
          report.journeys.flatMap((j) => [j.map, ...j.touchpoints.flatMap((t) => t.reasons.map((r) => r.map))]),
        ),
      ].sort();
      await cx.report.handleMessage({ type: 'open-map', map: maps.indexOf('packages/web/cx-map.yaml'), line: 13 });
      const mapEditor = await eventually('the nested map at line 13', 10_000, () => {
        const editor = vscode.window.activeTextEditor;
        return editor?.document.uri.path.endsWith('/packages/web/cx-map.yaml') ? editor : undefined;
      });
      assert.equal(mapEditor.selection.active.line, 12);
      assert.equal(mapEditor.document.lineAt(12).text.trim(), '- src/cart.ts');

      // A journey's "Map" link opens the map at that journey, as the head has it.
      const signIn = report.journeys.findIndex((j) => j.id === 'sign-in');
      await cx.report.handleMessage({ type: 'open-map', map: maps.indexOf('cx-map.yaml'), line: 0, journey: signIn });
      const atJourney = await eventually('the map at the sign-in journey', 10_000, () => {
        const editor = vscode.window.activeTextEditor;
        return editor?.document.uri.path.endsWith('/cx-map.yaml') &&
          !editor.document.uri.path.includes('packages') &&
          editor.selection.active.line > 0
          ? editor
          : undefined;
      });
      assert.equal(atJourney.document.uri.scheme, 'git', 'the head’s map');
      assert.equal(atJourney.document.lineAt(atJourney.selection.active.line).text.trim(), '- id: sign-in');

      // What the page sends is not trusted: unknown indexes and shapes open nothing.
      const opened = vscode.window.tabGroups.all.flatMap((g) => g.tabs).length;
      for (const message of [
        { type: 'open-file', file: report.changedFiles.length },
        { type: 'open-file', file: '0' },
        { type: 'open-map', map: -1, line: 1 },
        { type: 'open-map', map: 99, line: 1 },
        { type: 'more', list: '"><img>', offset: 0, count: 10 },
        'open-file',
        null,
      ]) {
        await cx.report.handleMessage(message);
      }
      assert.equal(vscode.window.tabGroups.all.flatMap((g) => g.tabs).length, opened);

      // The same change picked as two refs, from main's point of view.
      await vscode.commands.executeCommand(Command.showImpactReport, {
        kind: 'refs',
        base: 'main',
        head: 'report-test',
      });
      const refs = await cx.report.settled();
      assert.equal(refs?.gathered?.label, 'report-test vs main');
      assert.deepEqual(
        refs?.gathered?.report.journeys.map((j) => j.id),
        ['checkout', 'browse', 'sign-in'],
      );
      assert.deepEqual(refs?.page.comparison, { kind: 'refs', base: 'main', head: 'report-test' });
    });
  });

  it('compares the working tree with HEAD', async () => {
    const target = path.join(fixtureDir, 'services/payments/refund.ts');
    const before = fs.readFileSync(target, 'utf8');
    try {
      fs.writeFileSync(target, `${before}// refunds in a day\n`);
      await vscode.commands.executeCommand(Command.showImpactReport, { kind: 'worktree' });
      // The working tree's report uses the editor's maps, which the checkout back to main (the test before) rewrote:
      // on a loaded machine they may still be reloading, and the report follows them once they are.
      const snapshot = await eventually('the working tree’s journeys', 30_000, async () => {
        const shown = await cx.report.settled();
        return shown?.gathered?.report.journeys.length ? shown : undefined;
      }).catch(() => cx.report.settled());
      assert.equal(snapshot?.gathered?.label, 'Working tree vs HEAD');
      assert.deepEqual(snapshot?.gathered?.report.changedFiles, ['services/payments/refund.ts']);
      // The line added after the last declaration touches none of the symbols Refunds' touchpoints name (contract §3).
      assert.deepEqual(
        snapshot?.gathered?.report.journeys.map((j) => [j.id, j.touchpoints.map((t) => t.id)]),
        [['checkout', ['pay']]],
      );
    } finally {
      fs.writeFileSync(target, before);
    }
  });

  it('restores a panel after a reload with the comparison its page saved, and falls back on a hostile one', async () => {
    const restored = vscode.window.createWebviewPanel('cxImpact.report', 'Impact Report', vscode.ViewColumn.Active);
    await cx.report.restore(restored, { comparison: { kind: 'worktree' }, scrollY: 0 });
    const snapshot = await cx.report.settled();
    assert.equal(snapshot?.gathered?.label, 'Working tree vs HEAD');
    await renderedPage(cx, snapshot);

    const again = vscode.window.createWebviewPanel('cxImpact.report', 'Impact Report', vscode.ViewColumn.Active);
    await cx.report.restore(again, { comparison: { kind: 'refs', base: '--output=/tmp/x', head: 'HEAD' } });
    const fallback = await cx.report.settled();
    assert.deepEqual(fallback?.page.comparison, { kind: 'branch' });
    assert.equal(fallback?.gathered?.label, 'Branch main vs main');
    assert.equal(
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview)
        .length,
      1,
      'one report panel',
    );
  });

  it('shows a journey named like markup and a file named "><script> as plain text, and no script of theirs runs', async () => {
    const hostileJourney = '<img src=x onerror=alert(1)>';
    const hostileFile = 'services/search/"><script>';
    await onBranch('report-hostile', async () => {
      edit('cx-map.yaml', (t) =>
        t.replace(
          'journeys:\n',
          `journeys:\n  - id: hostile\n    name: "${hostileJourney}"\n    tier: critical\n    touchpoints:\n      - id: search\n        name: "</td><script>alert(2)</script>"\n        paths: [services/search/**]\n\n`,
        ),
      );
      fs.writeFileSync(path.join(fixtureDir, hostileFile), 'export const x = 1;\n');
      fixtureRepo.git('add', '-A');
      fixtureRepo.git('commit', '-q', '-m', 'Hostile names');

      await vscode.commands.executeCommand(Command.showImpactReport, { kind: 'branch' });
      const snapshot = await cx.report.settled();
      assert.ok(snapshot?.gathered, `no report: ${snapshot?.page.message ?? 'no snapshot'}`);
      assert.equal(snapshot.gathered.report.journeys[0]?.name, hostileJourney);
      assert.equal((snapshot.html.match(/<script/g) ?? []).length, 1, 'the page script only');
      assert.doesNotMatch(snapshot.html, /<img|<\/td><script>|"><script>/);

      // What the live page shows, reported by its own script (which could not have run had the markup broken out).
      const page = await renderedPage(cx, snapshot);
      assert.equal(page.headings[0], hostileJourney);
      assert.ok(page.files.includes(hostileFile), page.files.join(' | '));
      assert.deepEqual(
        { bodyScripts: page.bodyScripts, images: page.images, handlers: page.handlers },
        { bodyScripts: 1, images: 0, handlers: 0 },
      );
      if (cleanScripts !== undefined)
        assert.equal(page.scripts, cleanScripts, 'as many scripts as on a page with harmless names');
    });
  });
});
