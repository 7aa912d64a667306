// End-to-end: what `npm run demo` shows, opened exactly as the demo opens it (scripts/demo-workspace.mjs): the demo
// repository on its feature branch, a covered file open with its CodeLens, and the Changes view showing the branch's
// journeys without a click. Its screenshot is the README's first picture (scripts/refresh-images.mjs).
import * as assert from 'node:assert/strict';
import type { Frame, Locator, Page } from 'playwright-core';
import { DEMO_FILE } from '../../scripts/demo-workspace.mjs';
import { openWorkbench, type Workbench } from './workbench';

/**
 * The first row of `pane`'s tree whose text has `text`, scrolled into view: the tree renders only the rows in view,
 * so it scrolls down a step at a time (and back to the top now and then) until the row is there or time runs out.
 */
async function rowIn(pane: Locator, text: string, timeoutMs: number): Promise<Locator> {
  const page = pane.page();
  const deadline = Date.now() + timeoutMs;
  for (let step = 0; Date.now() < deadline; step++) {
    const row = pane.locator('.monaco-list-row', { hasText: text }).first();
    if (await row.isVisible()) return row;
    const box = await pane.locator('.monaco-list').first().boundingBox();
    if (box) {
      await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 40));
      await page.mouse.wheel(0, step % 12 === 11 ? -5000 : 120);
    }
    await page.waitForTimeout(400);
  }
  throw new Error(`no row with "${text}" in ${timeoutMs} ms`);
}

describe('npm run demo, as it opens', function () {
  this.timeout(240_000);
  let workbench: Workbench;
  let page: Page;

  before(async () => {
    workbench = await openWorkbench('demo', { profilePrefix: 'cx-impact-e2e-demo-' });
    page = workbench.page;
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) await workbench.failed('demo');
  });

  after(async () => {
    await workbench?.close();
  });

  it('lands on a covered file with its CodeLens and the Changes view showing the branch’s journeys', async () => {
    const fileName = DEMO_FILE.slice(DEMO_FILE.lastIndexOf('/') + 1);
    await page.locator(`.tabs-container .tab.active[aria-label^="${fileName}"]`).waitFor({ timeout: 60_000 });
    // Lenses need the file's document symbols, which wait for the TypeScript server to start.
    await page.locator('.codelens-decoration', { hasText: 'Refunds' }).first().waitFor({ timeout: 180_000 });

    const changes = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Changes' }) });
    await changes.waitFor({ timeout: 60_000 });
    const branch = changes.locator('.monaco-list-row', { hasText: 'Branch vs main' });
    await branch.first().waitFor({ timeout: 60_000 });
    for (const journey of ['Checkout', 'Refunds']) {
      await changes.locator('.monaco-list-row', { hasText: journey }).first().waitFor({ timeout: 30_000 });
    }
    // Two journeys directly; a third (indirect) joins once the dependency graph is read, in the test below.
    assert.match((await branch.first().textContent()) ?? '', /\d+ files · [23] journeys/);
    assert.match((await changes.locator('.pane-header').textContent()) ?? '', /feature\/refund-speedup/);

    await page.mouse.move(900, 500);
    await page.keyboard.press('Escape');
    await workbench.shoot('00-demo');
  });

  it('shows the journey a changed service reaches only through imports, with its chain (indirect impact)', async () => {
    // The branch changes services/accounts/src/session.service.ts, which no touchpoint names; login.ts imports it.
    const changes = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Changes' }) });
    // The dependency graph builds in the background on first use: the journey appears once it is read. It sorts
    // after Checkout and Refunds, below the pane's fold, and the tree renders only the rows in view: scroll to it.
    await rowIn(changes, 'Account access', 180_000);
    const reason = await rowIn(changes, 'session.service.ts', 30_000);
    assert.match((await reason.textContent()) ?? '', /indirect · 1 hop/);
    const chainEnd = await rowIn(changes, '› login.ts', 30_000);
    await chainEnd.scrollIntoViewIfNeeded();
    await page.mouse.move(900, 500);
    await workbench.shoot('01-demo-indirect');
    await page.mouse.move(200, 400);
    await page.mouse.wheel(0, -5000);
    assert.match(
      (await (await rowIn(changes, 'Branch vs main', 10_000)).textContent()) ?? '',
      /\d+ files · 3 journeys/,
    );
  });

  it('lists the route no journey covers in the Journeys view (entry points)', async () => {
    const journeysHeader = page.locator('.pane-header', { hasText: 'Journeys' });
    const journeys = page.locator('.pane', { has: journeysHeader });
    if ((await journeysHeader.getAttribute('aria-expanded')) !== 'true') await journeysHeader.click();
    // Entry points are read lazily, in the code workers, when the view first asks.
    const group = journeys.locator('.monaco-list-row', { hasText: 'Entry points no journey covers' }).first();
    await group.waitFor({ timeout: 180_000 });
    assert.match((await group.textContent()) ?? '', /\(1\)/);
    const route = journeys.locator('.monaco-list-row', { hasText: '/payments/{chargeID}/receipt' }).first();
    await route.waitFor({ timeout: 30_000 });
    await route.scrollIntoViewIfNeeded();
    await page.mouse.move(900, 500);
    await workbench.shoot('02-demo-entry-points');
  });
  it('opens the journey catalogue from the Journeys view title bar, the page running in a webview', async () => {
    const journeysHeader = page.locator('.pane-header', { hasText: 'Journeys' });
    await journeysHeader.hover();
    await journeysHeader.locator('.action-label[aria-label^="Open Journey Catalogue"]').click({ timeout: 30_000 });
    await page.locator('.tabs-container .tab', { hasText: 'Journey Catalogue' }).first().waitFor({ timeout: 120_000 });
    // The page is in the webview's nested frames: the one whose body the catalogue script marked ready.
    const deadline = Date.now() + 120_000;
    let frame: Frame | undefined;
    while (!frame && Date.now() < deadline) {
      for (const f of page.frames()) {
        try {
          if ((await f.locator('body[data-host="vscode"][data-ready="1"]').count()) > 0) frame = f;
        } catch {
          // A frame that went away while looking.
        }
      }
      if (!frame) await page.waitForTimeout(250);
    }
    assert.ok(frame, 'the catalogue page did not load in the webview');
    assert.deepEqual((await frame.locator('.journey-row .row-name').allTextContents()).slice(0, 3), [
      'Checkout',
      'Checkout pages',
      'Refunds',
    ]);
    await frame.locator('.journey-row', { hasText: 'Refunds' }).first().click();
    await frame.locator('main article.journey h2', { hasText: 'Refunds' }).waitFor({ timeout: 10_000 });
    await page.mouse.move(1300, 800);
    await workbench.shoot('09-catalog');
    // A path on the page opens in the editor.
    await frame.locator('main button.path-link', { hasText: 'services/orders/orders/api.py' }).first().click();
    await page.locator('.tabs-container .tab.active[aria-label^="api.py"]').waitFor({ timeout: 30_000 });
  });
});
