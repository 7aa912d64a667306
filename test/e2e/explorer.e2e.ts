// End-to-end: the packaged .vsix installed into a fresh VS Code (the offline host), driven through its UI as a
// person would. Screenshots go to test-results/e2e/ for a person to look at.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { projectRoot } from '../../scripts/vscode-host/paths.mjs';
import { openWorkbench, type Workbench } from './workbench';

const coveredFile = ['services', 'payments', 'refund.ts'];

/**
 * The lens check is strict when the packaged extension registers a CodeLens provider (or when
 * CX_IMPACT_E2E_EXPECT_LENS=1); CX_IMPACT_E2E_EXPECT_LENS=0 turns it off.
 */
function expectLens(): boolean {
  const forced = process.env.CX_IMPACT_E2E_EXPECT_LENS;
  if (forced === '1' || forced === '0') return forced === '1';
  return fs.readFileSync(path.join(projectRoot, 'dist', 'extension.js'), 'utf8').includes('registerCodeLensProvider');
}

/** Journeys of the fixture map that cover services/payments/refund.ts: Checkout the whole file, Refunds symbols. */
const lensJourneys = (process.env.CX_IMPACT_E2E_LENS_TEXT ?? 'Checkout,Refunds').split(',');

function explorerRow(page: Page, name: string) {
  return page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`);
}

let page: Page;
let workbench: Workbench;

/** Runs a command from the Command Palette (F1), by its title. */
async function runCommand(title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

/**
 * The frame of the Impact Report's page (webviews are nested iframes) in which `ready` finds something: the page is
 * replaced when the report changes, so it is looked up again each time.
 */
async function reportFrame(ready: (frame: Frame) => Locator, timeout = 60_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames()) {
      try {
        if ((await ready(frame).count()) > 0) return frame;
      } catch {
        // A frame that went away while looking.
      }
    }
    if (Date.now() > deadline) throw new Error('no Impact Report page showed what was expected');
    await page.waitForTimeout(250);
  }
}

describe('CX Impact installed from its .vsix', function () {
  // Generous: on a busy machine the extension host and the TypeScript server (symbols for lenses) start slowly.
  this.timeout(240_000);
  before(async () => {
    // VS Code in a browser saves edits after a delay by default; the map editor check types into cx-map.yaml and
    // undoes it, which must never reach the disk (the report and the views read it).
    workbench = await openWorkbench('workspace', {
      profilePrefix: 'cx-impact-e2e-',
      settings: { 'files.autoSave': 'off' },
    });
    page = workbench.page;
  });

  afterEach(async function () {
    // What the screen showed when a check failed is the first thing to look at.
    if (this.currentTest?.state === 'failed' && page)
      await workbench.failed(this.currentTest.title.replace(/[^a-z0-9]+/gi, '-'));
  });

  after(async () => {
    await workbench?.close();
  });

  it('shows the workspace in the Explorer', async () => {
    await explorerRow(page, 'cx-map.yaml').waitFor({ timeout: 60_000 });
    await explorerRow(page, 'services').waitFor();
    await workbench.shoot('01-workbench');
  });

  it('opens a covered file clicked in the Explorer', async () => {
    for (const name of coveredFile) await explorerRow(page, name).click();
    const fileName = coveredFile[coveredFile.length - 1] ?? '';
    await page.locator(`.tabs-container .tab.active[aria-label^="${fileName}"]`).waitFor({ timeout: 20_000 });
    await page.locator('.editor-instance .view-lines', { hasText: 'export class RefundService' }).waitFor();
    await workbench.shoot('02-covered-file');
  });

  it('shows the journeys that cover the file in a CodeLens', async function () {
    if (!expectLens()) {
      // Pending (not passed) while the packaged extension has no CodeLens provider.
      this.skip();
    }
    // Lenses need the language's document symbols, which wait for the TypeScript server to start.
    for (const journey of lensJourneys) {
      await page.locator('.codelens-decoration', { hasText: journey }).first().waitFor({ timeout: 180_000 });
    }
    const titles = await page.locator('.codelens-decoration').allTextContents();
    for (const journey of lensJourneys) {
      assert.ok(
        titles.some((title) => title.includes(journey)),
        `no lens names ${journey}: ${JSON.stringify(titles)}`,
      );
    }
    await workbench.shoot('03-codelens');
  });

  it("lists the open file's journeys in the CX Impact sidebar", async () => {
    await page.locator('.activitybar .action-item a[aria-label^="CX Impact"]').click();
    const thisFile = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'This File' }) });
    await thisFile.waitFor({ timeout: 20_000 });
    for (const journey of ['Checkout', 'Refunds']) {
      await thisFile.locator('.monaco-list-row', { hasText: journey }).first().waitFor({ timeout: 30_000 });
    }
    const journeys = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Journeys' }) });
    await journeys.locator('.monaco-list-row', { hasText: 'Checkout' }).first().waitFor({ timeout: 30_000 });
    // The README's picture: the lens, the sidebar and the status bar together, without the activity bar's hover.
    await page.mouse.move(900, 450);
    await page.keyboard.press('Escape');
    await page.locator('.workbench-hover').first().waitFor({ state: 'hidden', timeout: 5_000 });
    await workbench.shoot('04-sidebar');
  });

  it('shows the touchpoint card when hovering a covered declaration', async () => {
    // requestRefund is in refund.ts (open since the checks above): Checkout covers the file, Refunds the method.
    const name = page
      .locator('.editor-instance .view-line', { hasText: 'requestRefund(orderId: string' })
      .locator('span span', { hasText: /^requestRefund$/ })
      .first();
    await name.waitFor({ timeout: 20_000 });
    const card = page.locator('.monaco-hover', { hasText: 'Checkout' });
    // The card needs the file's document symbols (the TypeScript server): hover again until it is there.
    const deadline = Date.now() + 150_000;
    for (;;) {
      await page.mouse.move(1300, 800);
      await name.hover();
      try {
        await card.first().waitFor({ state: 'visible', timeout: 8_000 });
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
    }
    const text = ((await card.first().textContent()) ?? '').replace(/\s+/g, ' ');
    for (const expected of [
      'Checkout',
      'Pay for the order',
      'critical',
      '@acme/payments',
      'Refunds',
      'Ask for a refund',
      'high',
    ]) {
      assert.ok(text.includes(expected), `the hover card lacks ${expected}: ${JSON.stringify(text)}`);
    }
    await workbench.shoot('05-hover');
    await page.mouse.move(1300, 800);
    await page.keyboard.press('Escape');
  });

  it('shows the Impact Report of the working tree', async () => {
    // A change to two covered files in the workspace copy (a git repository with one commit).
    const dir = workbench.env.CX_IMPACT_FIXTURE_DIR;
    assert.ok(dir);
    const charge = path.join(dir, 'services', 'payments', 'charge.ts');
    fs.appendFileSync(charge, '\nexport const CHARGE_RETRIES = 3;\n');
    const refund = path.join(dir, 'services', 'payments', 'refund.ts');
    fs.writeFileSync(
      refund,
      fs.readFileSync(refund, 'utf8').replace("state: 'requested' }", "state: 'requested' as RefundState }"),
    );

    await runCommand('CX Impact: Show Impact Report');
    await page.locator('.tabs-container .tab.active[aria-label^="Impact Report"]').waitFor({ timeout: 20_000 });
    const first = await reportFrame((frame) => frame.locator('h1', { hasText: 'Customer impact' }));
    await first.locator('input[name="kind"][value="worktree"]').check();
    await first.locator('form#comparison button[type="submit"]').click();
    const frame = await reportFrame((f) => f.locator('#summary', { hasText: /journeys? touched/ }));
    const summary = (await frame.locator('#summary').textContent()) ?? '';
    assert.match(summary, /2 journeys touched, highest tier critical/);
    const headings = await frame.locator('section.journey h2').allTextContents();
    assert.ok(
      headings.some((h) => h.includes('Checkout')),
      `no Checkout section: ${JSON.stringify(headings)}`,
    );
    assert.ok(
      headings.some((h) => h.includes('Refunds')),
      `no Refunds section: ${JSON.stringify(headings)}`,
    );
    assert.match((await frame.locator('.compared').textContent()) ?? '', /working tree/);
    // The Changes view beside it follows the same two files, written outside VS Code: through the git extension, or its
    // own re-read 1.5 s after a file event the extension left unanswered. It first counts refund.ts for both Refunds
    // touchpoints, then drops the one scoped to symbols the change does not touch (RefundService.status) once the
    // symbols are read, as the report did. Shot once both agree.
    await page.locator('.monaco-list-row', { hasText: /Working tree\s*2 files/ }).waitFor({ timeout: 20_000 });
    await page.locator('.monaco-list-row', { hasText: /Refunds\s*high · 1 touchpoint$/ }).waitFor({ timeout: 20_000 });
    await workbench.shoot('06-impact-report');
  });

  it('helps edit cx-map.yaml: lenses, a quick fix for a bad tier, tier completion', async () => {
    await page.locator('.activitybar .action-item a[aria-label^="Explorer"]').click();
    await explorerRow(page, 'cx-map.yaml').click();
    await page.locator('.tabs-container .tab.active[aria-label^="cx-map.yaml"]').waitFor({ timeout: 20_000 });
    const lens = page.locator('.codelens-decoration', { hasText: /\d+ files? · \d+ touchpoints?/ });
    await lens.first().waitFor({ timeout: 60_000 });
    const lenses = await lens.allTextContents();
    assert.ok(
      lenses.some((t) => t.includes('· 2 touchpoints')),
      `no "· 2 touchpoints" lens: ${JSON.stringify(lenses)}`,
    );
    await page.mouse.move(1300, 800);
    await workbench.shoot('07-map-codelens');

    // A typo in Checkout's tier: an error squiggle, and a quick fix back to `critical`.
    // The value is selected with the keyboard: the end of the line, then a word to the left.
    const selectTierValue = async (value: string) => {
      await page
        .locator('.editor-instance .view-line', { hasText: `tier: ${value}` })
        .first()
        .click();
      await page.keyboard.press('End');
      await page.keyboard.press('Shift+Control+ArrowLeft');
    };
    await selectTierValue('critical');
    await page.keyboard.type('crtical');
    await page.locator('.editor-instance .view-line', { hasText: 'tier: crtical' }).waitFor();
    await page.locator('.editor-instance .squiggly-error').first().waitFor({ timeout: 20_000 });
    // Typing opens word suggestions ("critical" is a word of the file); with them open, Ctrl+. can find no action.
    // The quick fix also needs the diagnostic at the cursor: ask again until it is offered.
    const fix = page.locator('.action-widget', { hasText: 'Change to' });
    const deadline = Date.now() + 30_000;
    for (;;) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Period');
      try {
        await fix.waitFor({ timeout: 4_000 });
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
    }
    assert.match((await fix.textContent()) ?? '', /Change to .?critical/);
    await workbench.shoot('08-map-quick-fix');
    await page.keyboard.press('Escape');
    await fix.waitFor({ state: 'hidden' });

    // Completion of the tier's value.
    await selectTierValue('crtical');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Control+Space');
    const suggest = page.locator('.editor-widget.suggest-widget', { hasText: 'critical' });
    await suggest.waitFor({ state: 'visible', timeout: 20_000 });
    const items = await suggest.locator('.monaco-list-row').allTextContents();
    for (const tier of ['critical', 'high', 'medium', 'low']) {
      assert.ok(
        items.some((item) => item.includes(tier)),
        `no ${tier} in the completion list: ${JSON.stringify(items)}`,
      );
    }
    await workbench.shoot('09-map-completion');
    await page.keyboard.press('Escape');

    // Undo back to the saved text (never saved), so the map is as it was.
    const dirty = page.locator('.tabs-container .tab.active.dirty');
    assert.equal(await dirty.count(), 1, 'cx-map.yaml should be modified, not saved');
    for (let i = 0; i < 10 && (await dirty.count()) > 0; i++) {
      await page.keyboard.press('Control+z');
      await page.waitForTimeout(200);
    }
    assert.equal(await dirty.count(), 0, 'cx-map.yaml is still modified after undo');
    await page.locator('.editor-instance .view-line', { hasText: 'tier: critical' }).waitFor();
  });

  it('shows no error notification', async () => {
    const errors = await page
      .locator('.notification-toast-container .notification-list-item', {
        has: page.locator('.codicon-error'),
      })
      .allTextContents();
    assert.deepEqual(errors, [], `error notifications on screen: ${JSON.stringify(errors)}`);
  });
});
