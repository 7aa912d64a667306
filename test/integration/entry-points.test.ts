// Issue #17, the map's blind spots, in the shop fixture (a copy of examples/shop, whose map leaves one route uncovered
// on purpose): the Journeys view's "Entry points no journey covers" node, the CodeLens on route registrations, the
// command that adds entry points to a touchpoint (one undoable edit), and "Create cx-map.yaml" proposing journeys.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CxImpactApi } from '../../src/extension';
import type { TreeSnapshot } from '../../src/views/sidebar';
import { api, eventually, file, fixture, fixtureDir } from './support';
import { Command } from '../../src/workspace/command-ids';

const UNCOVERED = /^Entry points no journey covers \((\d+)\)$/;

function uncoveredNode(journeys: readonly TreeSnapshot[]): TreeSnapshot | undefined {
  return journeys.find((n) => UNCOVERED.test(n.label));
}

(fixture === 'shop' ? describe : describe.skip)('entry points (shop fixture)', function () {
  this.timeout(60_000);
  let cx: CxImpactApi;
  before(async () => {
    cx = await api();
  });

  it('the Journeys view lists the one route no journey covers, grouped by route prefix, linked to its registration', async () => {
    const node = await eventually('the uncovered entry points node', 30_000, async () =>
      uncoveredNode((await cx.sidebar.snapshot()).journeys),
    );
    assert.deepEqual(node, {
      label: 'Entry points no journey covers (1)',
      children: [
        {
          label: '/payments',
          description: '1',
          children: [{ label: 'GET /payments/{chargeID}/receipt', description: 'services/payments/http.go:18' }],
        },
      ],
    });
  });

  it('a CodeLens on each route registration shows its journey, or "No journey" with the add action', async () => {
    const uri = file('services/payments/http.go');
    await vscode.window.showTextDocument(uri);
    const lenses = await eventually('the entry-point lenses', 30_000, async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      const mine = found.filter((l) => /^(Journey: |No journey)/.test(l.command?.title ?? ''));
      return mine.length >= 2 ? mine : undefined;
    });
    const byLine = lenses.map((l) => [l.range.start.line + 1, l.command?.title, l.command?.command]);
    assert.deepEqual(byLine.sort(), [
      [17, 'Journey: Refunds › Refund reaches the card', Command.openMapAt],
      [18, 'No journey: add to a touchpoint…', Command.addEntryPointsToTouchpoint],
    ]);
  });

  it('the map offers a quick fix that adds the uncovered entry points to a touchpoint', async () => {
    const mapUri = file('cx-map.yaml');
    await vscode.window.showTextDocument(mapUri);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      mapUri,
      new vscode.Range(3, 0, 3, 0),
    );
    const mine = actions.filter((a) => a.command?.command === Command.addEntryPointsToTouchpoint);
    assert.deepEqual(
      mine.map((a) => a.title),
      ['Add 1 entry point(s) no journey covers to a touchpoint…'],
    );
  });

  it('the add command puts the handler into a new touchpoint in one undoable edit that keeps the comments', async () => {
    const mapUri = file('cx-map.yaml');
    const document = await vscode.workspace.openTextDocument(mapUri);
    const before = document.getText();
    const added = await vscode.commands.executeCommand<boolean>(Command.addEntryPointsToTouchpoint, {
      entryPoints: [{ file: 'services/payments/http.go', line: 18 }],
      journey: 'checkout',
      touchpoint: 'receipt',
      newTouchpoint: { name: 'Download the receipt' },
    });
    assert.equal(added, true);
    const after = document.getText();
    assert.match(
      after,
      /- id: receipt\n {8}name: Download the receipt\n {8}paths:\n {10}- services\/payments\/receipt\.go\n/,
    );
    assert.ok(after.includes('# On purpose, no journey covers the newest route'), 'comments kept');
    assert.equal(
      after.length - before.length,
      after.indexOf('\n  - id: refunds') - before.indexOf('\n  - id: refunds'),
      'one insertion',
    );
    // The view follows the edited (unsaved) map: nothing is uncovered any more.
    await eventually('the uncovered node to go', 30_000, async () =>
      uncoveredNode((await cx.sidebar.snapshot()).journeys) ? undefined : true,
    );
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), before, 'one undo step restores the map');
    await eventually('the uncovered node to come back', 30_000, async () =>
      uncoveredNode((await cx.sidebar.snapshot()).journeys),
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('"Create cx-map.yaml" proposes journeys from the entry points grouped by route prefix', async () => {
    const folderUri = vscode.workspace.workspaceFolders![0]!.uri;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(path.join(fixtureDir, 'cx-map.yaml'));
    try {
      const created = await vscode.commands.executeCommand<vscode.Uri>(Command.createMap, folderUri, {
        prefixes: ['/payments', '/agent'],
      });
      assert.equal(created?.toString(), file('cx-map.yaml').toString());
      const text = fs.readFileSync(path.join(fixtureDir, 'cx-map.yaml'), 'utf8');
      assert.match(text, /- id: payments\n {4}name: \/payments\n/);
      assert.match(text, /- services\/payments\/receipt\.go/);
      assert.match(text, /- services\/payments\/refund_http\.go/);
      assert.match(text, /- id: agent\n/);
      assert.doesNotMatch(text, /search/, 'only the chosen groups');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});
