// End-to-end: the packaged .vsix installed into a fresh VS Code (the offline host), driven through its UI as a
// person would. Screenshots go to test-results/e2e/ for a person to look at.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { LAUNCHES, prepareLaunch, type PreparedLaunch } from '../../../scripts/vscode-host/launches.mjs';
import {
  extensionHostLog,
  installVsix,
  launchChromium,
  makeProfile,
  openQuery,
  startServer,
  type Profile,
  type RunningServer,
} from '../../../scripts/vscode-host/offline-host.mjs';
import { projectRoot } from '../../../scripts/vscode-host/paths.mjs';

const vsix = path.join(projectRoot, 'dist', 'cx-impact.vsix');
const screenshots = path.join(projectRoot, 'test-results', 'e2e');
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

async function shoot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: path.join(screenshots, `${name}.png`) });
}

describe('CX Impact installed from its .vsix', function () {
  // Generous: on a busy machine the extension host and the TypeScript server (symbols for lenses) start slowly.
  this.timeout(240_000);
  let profile: Profile;
  let workspace: PreparedLaunch;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let page: Page;

  before(async () => {
    assert.ok(fs.existsSync(vsix), `${vsix} is missing: run \`npm run package\` first`);
    profile = makeProfile('cx-impact-e2e-');
    const installed = installVsix(profile, vsix);
    assert.match(installed, /successfully installed/);
    const fixture = LAUNCHES.find((launch) => launch.fixture === 'workspace');
    assert.ok(fixture);
    workspace = prepareLaunch(fixture);
    server = await startServer({ profile, workspace: workspace.open });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    await page.goto(`${server.url}/?${openQuery(workspace.open)}`);
  });

  afterEach(async function () {
    // What the screen showed when a check failed is the first thing to look at.
    if (this.currentTest?.state === 'failed' && page) {
      await shoot(page, `failed-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-')}`);
      console.error(`extension host log about cx-impact:\n${extensionHostLog(profile) || '(nothing)'}`);
    }
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    workspace?.remove();
    profile?.remove();
  });

  it('shows the workspace in the Explorer', async () => {
    await explorerRow(page, 'cx-map.yaml').waitFor({ timeout: 60_000 });
    await explorerRow(page, 'services').waitFor();
    await shoot(page, '01-workbench');
  });

  it('opens a covered file clicked in the Explorer', async () => {
    for (const name of coveredFile) await explorerRow(page, name).click();
    const fileName = coveredFile[coveredFile.length - 1] ?? '';
    await page.locator(`.tabs-container .tab.active[aria-label^="${fileName}"]`).waitFor({ timeout: 20_000 });
    await page.locator('.editor-instance .view-lines', { hasText: 'export class RefundService' }).waitFor();
    await shoot(page, '02-covered-file');
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
    await shoot(page, '03-codelens');
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
    await shoot(page, '04-sidebar');
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
