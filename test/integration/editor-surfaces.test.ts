// CodeLens, hover, status bar, Explorer badges and map reloading, asserted through the public API in the
// fixture workspace (a temporary copy: tests may edit it, and put back what they change).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { CxImpactApi } from '../../src/extension';
import { api, eventually, file, fixture } from './support';
import { Command } from '../../src/workspace/command-ids';

/** Our lenses only (other extensions may add theirs). */
async function lenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  // The lens command only answers for documents the editor has loaded.
  await vscode.workspace.openTextDocument(uri);
  const all = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
  return all.filter((l) => l.command?.command === Command.revealInSidebar);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n')
    .replace(/&nbsp;/g, ' ');
}

(fixture === 'workspace' ? describe : describe.skip)('editor surfaces (workspace fixture)', () => {
  let cx: CxImpactApi;
  before(async () => {
    cx = await api();
  });

  it('activates cheaply (the time is printed; budget 50 ms on an idle machine)', () => {
    console.log(`[cx-impact tests] activate() took ${cx.activationMs.toFixed(1)} ms`);
    // A loose bound here: the machine may be busy; the 50 ms budget is checked on the printed figure.
    assert.ok(cx.activationMs < 500, `activate() took ${cx.activationMs} ms`);
  });

  describe('CodeLens', () => {
    it('names the touchpoint, journey and tier at the top of a covered file', async () => {
      const found = await lenses(file('services/payments/charge.ts'));
      assert.deepEqual(
        found.map((l) => [l.range.start.line, l.command?.title]),
        [[0, 'Checkout › Pay for the order · critical']],
      );
    });

    it('summarises several touchpoints', async () => {
      const found = await lenses(file('services/payments/receipt.ts'));
      assert.deepEqual(
        found.map((l) => l.command?.title),
        ['Checkout › 2 touchpoints · critical'],
      );
    });

    it('gives an uncovered file no lens', async () => {
      assert.deepEqual(await lenses(file('services/search/index.ts')), []);
      assert.deepEqual(
        await lenses(file('services/payments/charge.test.ts')),
        [],
        'the negated test file is not covered',
      );
    });

    it('puts symbol-scoped touchpoints above their symbols', async () => {
      const uri = file('services/payments/refund.ts');
      const doc = await vscode.workspace.openTextDocument(uri);
      const lineOf = (needle: string) =>
        doc
          .getText()
          .split('\n')
          .findIndex((l) => l.includes(needle));
      // The TypeScript server may still be starting: symbol lenses appear once it answers.
      const found = await eventually('symbol lenses', 30_000, async () => {
        const all = await lenses(uri);
        return all.length >= 4 ? all : undefined;
      });
      assert.deepEqual(
        found.map((l) => [l.range.start.line, l.command?.title]),
        [
          [0, 'Checkout › Pay for the order · critical'],
          [lineOf('requestRefund('), 'Refunds › Ask for a refund · high'],
          [lineOf('status(orderId'), "Refunds › See the refund's status · high"],
          [lineOf('function formatRefundStatus'), "Refunds › See the refund's status · high"],
        ],
      );
    });

    it('uses a package map for files in its folder', async () => {
      const found = await lenses(file('packages/web/src/cart.ts'));
      assert.deepEqual(
        found.map((l) => l.command?.title),
        ['Browse the catalogue › Add to cart · high'],
      );
    });
  });

  describe('hover', () => {
    it('shows the card on a covered declaration', async function () {
      this.timeout(60_000);
      const uri = file('services/payments/charge.ts');
      const doc = await vscode.workspace.openTextDocument(uri);
      const line = doc
        .getText()
        .split('\n')
        .findIndex((l) => l.includes('class PaymentService'));
      const position = new vscode.Position(line, doc.lineAt(line).text.indexOf('PaymentService') + 3);
      let seen = '';
      const text = await eventually('a CX Impact hover', 40_000, async () => {
        const hovers =
          (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
        seen = hoverText(hovers);
        return seen.includes('Pay for the order') ? seen : undefined;
      }).catch((err: unknown) => {
        throw new Error(`${String(err)}; hovers said: ${seen}`);
      });
      for (const expected of [
        'Checkout',
        'critical',
        '@acme/payments',
        '99.95% of checkouts succeed',
        'https://grafana.example.com/d/checkout',
        'services/payments/\\*\\*',
      ]) {
        assert.ok(text.includes(expected), `hover lacks ${expected}:\n${text}`);
      }
      assert.match(text, /command:cxImpact\.openMapAt\?/, 'the card links to the rule in the map');
    });

    it('stays quiet away from declarations', async () => {
      const uri = file('services/payments/charge.ts');
      const doc = await vscode.workspace.openTextDocument(uri);
      const line = doc
        .getText()
        .split('\n')
        .findIndex((l) => l.includes('throw new Error'));
      const position = new vscode.Position(line, doc.lineAt(line).text.indexOf('Amount') + 2);
      const hovers =
        (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
      assert.ok(!hoverText(hovers).includes('Pay for the order'));
    });
  });

  describe('status bar and Explorer', () => {
    it('shows the highest tier and touchpoint count of the active file', async () => {
      await vscode.window.showTextDocument(file('services/payments/receipt.ts'));
      await eventually('status text', 5_000, () =>
        Promise.resolve(cx.status.snapshot().text.includes('critical') ? true : undefined),
      );
      assert.deepEqual(cx.status.snapshot(), { text: '$(pulse) critical · 2 touchpoints', visible: true });
      await vscode.window.showTextDocument(file('services/search/index.ts'));
      await eventually('status hidden', 5_000, () => Promise.resolve(cx.status.snapshot().visible ? undefined : true));
    });

    it('badges files of critical and high journeys only', () => {
      assert.equal(cx.decorations.provideFileDecoration(file('services/payments/charge.ts'))?.badge, 'C');
      assert.equal(cx.decorations.provideFileDecoration(file('packages/web/src/cart.ts'))?.badge, 'H');
      assert.equal(
        cx.decorations.provideFileDecoration(file('services/accounts/login.ts')),
        undefined,
        'medium is not badged by default',
      );
      assert.equal(cx.decorations.provideFileDecoration(file('services/search/index.ts')), undefined);
    });
  });

  describe('map reloading', () => {
    const mapPath = () => file('cx-map.yaml').fsPath;
    let original = '';
    before(() => {
      original = fs.readFileSync(mapPath(), 'utf8');
    });
    afterEach(async () => {
      const before = cx.maps.version;
      fs.writeFileSync(mapPath(), original);
      await eventually('the original map back', 10_000, () =>
        Promise.resolve(cx.maps.version > before ? true : undefined),
      );
      await eventually('the original lens back', 10_000, async () => {
        const titles = (await lenses(file('services/payments/charge.ts'))).map((l) => l.command?.title);
        return titles[0] === 'Checkout › Pay for the order · critical' ? true : undefined;
      });
    });

    it('reloads the map within a second of an edit on disk, and the lenses follow', async () => {
      const started = Date.now();
      const version = cx.maps.version;
      let reloadedAfter = -1;
      const watch = cx.maps.onDidChange(() => {
        if (reloadedAfter < 0 && cx.maps.version > version) reloadedAfter = Date.now() - started;
      });
      fs.writeFileSync(mapPath(), original.replace('name: Pay for the order', 'name: Pay for it'));
      await eventually('the renamed touchpoint', 3_000, async () => {
        const titles = (await lenses(file('services/payments/charge.ts'))).map((l) => l.command?.title);
        return titles[0] === 'Checkout › Pay for it · critical' ? true : undefined;
      });
      watch.dispose();
      console.log(
        `[cx-impact tests] map reloaded ${reloadedAfter} ms and lens updated ${Date.now() - started} ms after the map was written`,
      );
      // The lens time includes this test's own round trips to the workbench; the reload is the extension's part.
      assert.ok(
        reloadedAfter >= 0 && reloadedAfter < 1000,
        `the map was reloaded ${reloadedAfter} ms after it was written`,
      );
    });

    it('keeps the last good map and shows diagnostics while the map is broken', async () => {
      const mapUri = file('cx-map.yaml');
      fs.writeFileSync(
        mapPath(),
        original.replace('tier: critical', 'tier: crtical').replace('name: Pay for the order', 'name: Broken'),
      );
      const tierLine = original.split('\n').findIndex((l) => l.includes('tier: critical'));
      // writeFileSync truncates before it writes: a watcher event in between reads an empty map ("The map is
      // empty"), and the write's own event then brings the real problems. Wait for those, not for the first
      // diagnostic, which under load can be the empty file's.
      let seen: vscode.Diagnostic[] = [];
      const bad = await eventually(`a diagnostic on line ${tierLine + 1}`, 10_000, () => {
        seen = vscode.languages.getDiagnostics(mapUri).filter((d) => d.source === 'cx-impact');
        return seen.find((d) => d.range.start.line === tierLine);
      }).catch((error: unknown) => {
        const shown = seen.map((d) => `${d.range.start.line}:${d.message}`).join('; ');
        throw new Error(`${error instanceof Error ? error.message : String(error)}; diagnostics seen last: ${shown}`);
      });
      assert.equal(bad.severity, vscode.DiagnosticSeverity.Error);
      const titles = (await lenses(file('services/payments/charge.ts'))).map((l) => l.command?.title);
      assert.deepEqual(titles, ['Checkout › Pay for the order · critical'], 'the last good map stays in use');
    });
  });
});

(fixture === 'multi-root' ? describe : describe.skip)('editor surfaces (multi-root fixture)', () => {
  it('covers files of a second workspace folder from its own map', async () => {
    await api();
    const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === 'fulfilment');
    assert.ok(folder, 'the fulfilment folder is open');
    const found = await lenses(vscode.Uri.joinPath(folder.uri, 'src/shipping/notify.ts'));
    assert.deepEqual(
      found.map((l) => l.command?.title),
      ['Delivery › Shipping update text message · critical'],
    );
    const storefront = vscode.workspace.workspaceFolders?.find((f) => f.name === 'storefront');
    assert.ok(storefront);
    assert.deepEqual(await lenses(vscode.Uri.joinPath(storefront.uri, 'src/banner.ts')), []);
  });
});
