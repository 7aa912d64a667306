// Indirect reach in the editor (contract §5): a file no touchpoint covers shows the touchpoints it reaches through
// its importers in a CodeLens, the hover, This File, the Changes view and the Impact Report; a save updates it.
// Works on the fixture workspace's temporary copy, adding two files and removing them again.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CxImpactApi } from '../../src/extension';
import type { TreeSnapshot } from '../../src/views/sidebar';
import { api, eventually, file } from './support';
import { fixture } from './support';
import { Command } from '../../src/workspace/command-ids';
import { CodeReading } from '../../src/workspace/code-reading';
import { WorkspaceGraph } from '../../src/workspace/workspace-graph';

const DISCOUNT = 'services/pricing/discount.ts';
const TOTALS = 'services/payments/totals.ts';

async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  await vscode.workspace.openTextDocument(uri);
  const all = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
  return all.filter((l) => l.command?.command === Command.revealInSidebar).map((l) => l.command?.title ?? '');
}

function find(nodes: readonly TreeSnapshot[] | undefined, label: string): TreeSnapshot | undefined {
  for (const node of nodes ?? []) {
    if (node.label === label) return node;
    const inner = find(node.children, label);
    if (inner) return inner;
  }
  return undefined;
}

(fixture === 'workspace' ? describe : describe.skip)('indirect reach in the editor (workspace fixture)', function () {
  this.timeout(120_000);
  let cx: CxImpactApi;
  before(async () => {
    cx = await api();
    fs.mkdirSync(file('services/pricing').fsPath, { recursive: true });
    fs.writeFileSync(
      file(DISCOUNT).fsPath,
      'export function discount(cents: number): number {\n  return Math.round(cents * 0.9);\n}\n',
    );
    fs.writeFileSync(
      file(TOTALS).fsPath,
      "import { discount } from '../pricing/discount';\n\nexport const total = (cents: number): number => discount(cents);\n",
    );
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(file('services/pricing').fsPath, { recursive: true, force: true });
    fs.rmSync(file(TOTALS).fsPath, { force: true });
  });

  it('a CodeLens on the file no touchpoint covers names the touchpoint, the file it goes through and the hops', async () => {
    const titles = await eventually('the indirect lens', 60_000, async () => {
      const found = await lensTitles(file(DISCOUNT));
      return found.length > 0 ? found : undefined;
    });
    assert.deepEqual(titles, ['Checkout › Pay for the order · via totals.ts, 1 hop']);
    // The covered file keeps its own lens, and nothing indirect.
    assert.ok((await lensTitles(file(TOTALS))).every((t) => !t.includes(' via ')));
  });

  it('answers a file before the folder’s graph is built, from the graph narrowed to it, as the full graph does', async () => {
    // A graph of its own (the extension's may be built already): nothing read yet, as in a window just opened.
    const ext = vscode.extensions.getExtension('cx-impact.cx-impact');
    assert.ok(ext);
    const log = vscode.window.createOutputChannel('CX Impact (early answer test)', { log: true });
    const code = new CodeReading(ext.extensionUri, log);
    const storage = vscode.Uri.file(fs.mkdtempSync(path.join(os.tmpdir(), 'cx-impact-early-')));
    const fresh = new WorkspaceGraph(cx.maps, cx.files, () => code.reader, storage, log);
    try {
      const folder = vscode.workspace.getWorkspaceFolder(file(DISCOUNT));
      assert.ok(folder);
      const first = await eventually('an answer', 60_000, () => fresh.reachOf(file(DISCOUNT)));
      assert.equal(fresh.earlyAnswers, 1, 'the first answer came from the narrowed graph');
      await fresh.ensure(folder);
      assert.deepEqual(fresh.reachOf(file(DISCOUNT)), first);
      assert.deepEqual(
        first.hits.map((h) => [h.hops, h.via]),
        [[1, [DISCOUNT, TOTALS]]],
      );
    } finally {
      fresh.dispose();
      code.dispose();
      log.dispose();
      fs.rmSync(storage.fsPath, { recursive: true, force: true });
    }
  });

  it('the hover on a declaration shows the reach with the chain, each file a link', async () => {
    const uri = file(DISCOUNT);
    await vscode.window.showTextDocument(uri);
    const hovers = await eventually('the indirect hover', 30_000, async () => {
      const found =
        (await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          uri,
          new vscode.Position(0, 18),
        )) ?? [];
      const ours = found
        .flatMap((h) => h.contents)
        .map((c) => (typeof c === 'string' ? c : c.value))
        .join('\n');
      return ours.includes('Reaches through imports') ? ours : undefined;
    });
    assert.match(
      hovers,
      /Checkout › Pay for the order \(critical\) · 1 hop, likely · \[discount\.ts\]\(file:\/\/[^)]*services\/pricing\/discount\.ts\) › \[totals\.ts\]\(file:\/\/[^)]*services\/payments\/totals\.ts\)/,
    );
  });

  it('This File lists the reached touchpoint with its chain', async () => {
    await cx.sidebar.revealFile(file(DISCOUNT));
    const node = await eventually('This File', 30_000, async () =>
      find((await cx.sidebar.snapshot()).thisFile, 'Checkout › Pay for the order'),
    );
    assert.equal(node.description, 'indirect · 1 hop, likely');
    assert.deepEqual(
      node.children?.map((c) => c.label),
      ['discount.ts', '› totals.ts'],
    );
    assert.match(
      cx.sidebar.messages().thisFile ?? '',
      /No journey covers discount\.ts; through its importers it reaches:/,
    );
  });

  it('the Changes view shows the indirect reach apart from the direct files, with the chain', async () => {
    const pay = await eventually('the Changes view', 60_000, async () => {
      const { changes } = await cx.sidebar.snapshot();
      const working = changes.find((g) => g.label === 'Working tree');
      const touchpoint = find(find(working?.children, 'Checkout')?.children, 'Pay for the order');
      return touchpoint?.children?.some((c) => c.description?.startsWith('indirect')) ? touchpoint : undefined;
    });
    assert.equal(pay.description, '1 file · 1 indirect · web');
    const indirect = pay.children?.find((c) => c.label === 'discount.ts');
    assert.equal(indirect?.description, 'indirect · 1 hop, likely');
    assert.deepEqual(
      indirect?.children?.map((c) => [c.label, c.description]),
      [
        ['discount.ts', 'services/pricing'],
        ['› totals.ts', 'services/payments'],
      ],
    );
  });

  it('the Impact Report shows the indirect journey apart, each file of the chain a link that opens it', async () => {
    await vscode.commands.executeCommand(Command.showImpactReport, { kind: 'worktree' });
    const snapshot = await cx.report.settled();
    assert.ok(snapshot?.gathered, `no report: ${snapshot?.page.message ?? ''}`);
    const checkout = snapshot.gathered.report.journeys.find((j) => j.id === 'checkout');
    assert.equal(checkout?.reach, 'direct');
    assert.deepEqual(checkout?.touchpoints.find((t) => t.id === 'pay')?.indirect, [
      { file: DISCOUNT, hops: 1, via: [DISCOUNT, TOTALS] },
    ]);
    assert.ok(!snapshot.gathered.report.unmappedFiles.includes(DISCOUNT));
    assert.match(snapshot.html, /Reached indirectly, through imports:/);
    assert.match(
      snapshot.html,
      /data-action="open-path" data-path="1" title="Open services\/payments\/totals\.ts">services\/payments\/totals\.ts<\/button>/,
    );
    await cx.report.handleMessage({ type: 'open-path', path: 1 });
    await eventually('totals.ts opened', 10_000, () =>
      vscode.window.activeTextEditor?.document.uri.path.endsWith(TOTALS) ? true : undefined,
    );
  });

  it("the map's indirect key: completion offers its keys, a hover explains them, a bad value is a diagnostic", async () => {
    const mapUri = file('services/pricing/cx-map.yaml');
    const text =
      'version: 1\nindirect:\n  maxHops: two\n  \njourneys:\n  - id: pricing\n    name: Pricing\n    touchpoints:\n      - id: quote\n        name: Quote\n        paths: [quote.ts]\n';
    fs.writeFileSync(mapUri.fsPath, text);
    try {
      await vscode.window.showTextDocument(mapUri);
      const diagnostic = await eventually('the wrong-type diagnostic', 30_000, () =>
        vscode.languages.getDiagnostics(mapUri).find((d) => d.source === 'cx-impact' && d.code === 'wrong-type'),
      );
      assert.equal(diagnostic.range.start.line, 2);
      assert.match(diagnostic.message, /`maxHops` is a whole number from 0 to 100/);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        mapUri,
        new vscode.Position(3, 2),
      );
      const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      assert.ok(labels.includes('sharedAbove') && labels.includes('exclude'), labels.join(', '));
      assert.ok(!labels.includes('maxHops'), 'a key already there is not offered again');
      const hovers =
        (await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          mapUri,
          new vscode.Position(2, 4),
        )) ?? [];
      const hover = hovers
        .flatMap((h) => h.contents)
        .map((c) => (typeof c === 'string' ? c : c.value))
        .join('\n');
      assert.match(hover, /How many imports away a touchpoint is still reported/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      fs.rmSync(mapUri.fsPath, { force: true });
    }
  });

  it('a save updates the graph: once totals.ts no longer imports discount.ts, the lens goes', async () => {
    const doc = await vscode.workspace.openTextDocument(file(TOTALS));
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((b) =>
      b.replace(new vscode.Range(0, 0, 2, 0), 'const discount = (cents: number): number => cents;\n\n'),
    );
    await doc.save();
    await eventually('the lens to go', 30_000, async () =>
      (await lensTitles(file(DISCOUNT))).length === 0 ? true : undefined,
    );
    // Usually the saved file's edges are replaced in place (lastUpdateMs; unit-tested in graph.test.ts). When earlier
    // tests' file events make the graph rebuild while the save lands, the save makes that build stale and the graph is
    // built again instead: either way the lens must go, which is what the user sees.
    console.log(
      `[cx-impact tests] graph update after a save: ${cx.graph.lastUpdateMs === undefined ? 'rebuilt' : `${cx.graph.lastUpdateMs.toFixed(1)} ms in place`}`,
    );
  });
});
