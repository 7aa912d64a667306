// Issue #25, the journey catalogue in the editor (shop fixture: a copy of examples/shop made a git repository): the
// command builds the same catalogue as `cx-impact catalog`, shows it in a webview whose page script runs under the
// webview's CSP and reports back, and a path the page asks to open opens in the editor (and only inside the folder).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type CatalogSnapshot } from '../../src/catalog/catalog-panel';
import type { Catalog } from '../../src/core/catalog/types';
import type { CxImpactApi } from '../../src/extension';
import { api, eventually, fixture, fixtureDir } from './support';
import { gitCalls, isCxImpactCall } from './watch';
import { Command } from '../../src/workspace/command-ids';

const EXTENSION_ID = 'cx-impact.cx-impact';

(fixture === 'shop' ? describe : describe.skip)('the journey catalogue (shop fixture)', function () {
  this.timeout(180_000);
  let cx: CxImpactApi;
  let snapshot: CatalogSnapshot;
  before(async () => {
    cx = await api();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('is on the Journeys view title and in a walkthrough step', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: {
        menus: Record<string, { command: string; when?: string }[]>;
        walkthroughs: { steps: { description: string }[] }[];
      };
    };
    assert.ok(
      manifest.contributes.menus['view/title']!.some(
        (m) => m.command === Command.openCatalog && m.when === 'view == cxImpact.journeys',
      ),
    );
    assert.ok(
      manifest.contributes.walkthroughs[0]!.steps.some((s) => s.description.includes(`command:${Command.openCatalog}`)),
    );
  });

  it('opens the catalogue the CLI writes, in a webview whose script runs under a nonce and reports back', async () => {
    const opened = await vscode.commands.executeCommand<CatalogSnapshot | undefined>(Command.openCatalog);
    assert.ok(opened, 'the command returned no catalogue');
    snapshot = opened;
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const cli = JSON.parse(
      execFileSync(process.execPath, [path.join(ext.extensionPath, 'dist', 'cli.js'), 'catalog', '--format', 'json'], {
        cwd: fixtureDir,
        encoding: 'utf8',
      }),
    ) as Catalog;
    const shape = (c: Catalog) =>
      c.journeys.map((j) => ({
        key: j.key,
        tier: j.tier,
        owner: j.owner,
        mapEdited: j.mapEdited?.commit,
        touchpoints: j.touchpoints.map((t) => [
          t.id,
          t.channel,
          t.files,
          t.indirectFiles,
          t.entryPoints.map((p) => `${p.method ?? ''} ${p.route ?? p.operation ?? ''}`).join(','),
        ]),
        changes: j.changes.map((c) => `${c.commit} ${c.reach} ${c.touchpoints.join(',')}`),
      }));
    assert.deepEqual(shape(snapshot.catalog), shape(cli));
    assert.deepEqual(snapshot.catalog.blindSpots, cli.blindSpots);
    assert.ok(snapshot.catalog.journeys.length > 3);
    assert.ok(
      snapshot.catalog.journeys.some((j) => j.changes.length > 0),
      'the fixture commit is in the window',
    );

    assert.match(
      snapshot.html,
      /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;nonce-[\w-]+&#39;; style-src &#39;nonce-/,
    );
    assert.doesNotMatch(snapshot.html, /<script[^>]+src=/);
    const rendered = await eventually(
      'the catalogue page to report back',
      60_000,
      () => cx.catalog.snapshot()?.rendered,
    );
    assert.deepEqual(
      { journeys: rendered.journeys, heading: rendered.heading },
      { journeys: snapshot.catalog.journeys.length, heading: 'Journeys' },
    );
    assert.ok(
      vscode.window.tabGroups.activeTabGroup.tabs.some(
        (t) => t.input instanceof vscode.TabInputWebview && t.label.startsWith('Journey Catalogue'),
      ),
    );
  });

  it('opens a path the page asks for in the editor, at its line; never one outside the folder', async () => {
    const point =
      snapshot.catalog.journeys.flatMap((j) => j.touchpoints.flatMap((t) => t.entryPoints))[0] ??
      snapshot.catalog.blindSpots.uncoveredEntryPoints[0];
    assert.ok(point, 'an entry point to open');
    await cx.catalog.handleMessage({ type: 'open', file: point.file, line: point.line });
    const editor = await eventually('the file to open', 20_000, () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.fsPath === path.join(fixtureDir, point.file) ? e : undefined;
    });
    assert.equal(editor.selection.active.line, point.line - 1);
    for (const file of ['../outside.txt', '/etc/passwd', 'a/../../b']) {
      await cx.catalog.handleMessage({ type: 'open', file, line: 1 });
      assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, path.join(fixtureDir, point.file), file);
    }
  });
});

(fixture === 'untrusted' ? describe : describe.skip)('the journey catalogue in an untrusted workspace', function () {
  this.timeout(180_000);
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows the journeys without history, running no git', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const cx = await api();
    const opened = await vscode.commands.executeCommand<CatalogSnapshot | undefined>(Command.openCatalog);
    assert.ok(opened, 'the command returned no catalogue');
    assert.ok(opened.catalog.journeys.length > 0);
    assert.equal(opened.catalog.repository.head, undefined);
    assert.deepEqual(
      opened.catalog.journeys.flatMap((j) => j.changes),
      [],
    );
    await eventually('the catalogue page to report back', 60_000, () => cx.catalog.snapshot()?.rendered);
    const calls = gitCalls() ?? [];
    assert.deepEqual(calls.filter(isCxImpactCall), [], `git was run:\n${calls.join('\n')}`);
  });
});
