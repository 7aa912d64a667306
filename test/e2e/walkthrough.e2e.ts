// End-to-end: the packaged .vsix in a fresh VS Code on a folder without a map, as a new user meets it. Opening the
// CX Impact sidebar activates the extension, which opens the Getting Started walkthrough once. Screenshots go to
// test-results/e2e/ (walkthrough-*.png).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { LAUNCHES, prepareLaunch, type PreparedLaunch } from '../../scripts/vscode-host/launches.mjs';
import { extensionHostLog, installVsix, launchChromium, makeProfile, openQuery, startServer, type Profile, type RunningServer } from '../../scripts/vscode-host/offline-host.mjs';
import { projectRoot } from '../../scripts/vscode-host/paths.mjs';

const vsix = path.join(projectRoot, 'dist', 'cx-impact.vsix');
const screenshots = path.join(projectRoot, 'test-results', 'e2e');

async function shoot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: path.join(screenshots, `${name}.png`) });
}

describe('the Getting Started walkthrough of the installed .vsix', function () {
  this.timeout(180_000);
  let profile: Profile;
  let workspace: PreparedLaunch;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let page: Page;

  before(async () => {
    assert.ok(fs.existsSync(vsix), `${vsix} is missing: run \`npm run package\` first`);
    profile = makeProfile('cx-impact-e2e-walkthrough-');
    assert.match(installVsix(profile, vsix), /successfully installed/);
    const empty = LAUNCHES.find((launch) => launch.fixture === 'empty');
    assert.ok(empty);
    workspace = prepareLaunch(empty);
    server = await startServer({ profile, workspace: workspace.open });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    await page.goto(`${server.url}/?${openQuery(workspace.open)}`);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) {
      await shoot(page, `failed-walkthrough-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-')}`);
      console.error(`extension host log about cx-impact:\n${extensionHostLog(profile) || '(nothing)'}`);
    }
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    workspace?.remove();
    profile?.remove();
  });

  it('opens by itself the first time the CX Impact sidebar is opened in a folder without a map', async () => {
    await page.locator('.activitybar .action-item a[aria-label^="CX Impact"]').click({ timeout: 60_000 });
    const title = page.locator('.gettingStartedContainer', { hasText: 'Get Started with CX Impact' });
    await title.first().waitFor({ state: 'visible', timeout: 60_000 });
    for (const step of ['Create or open the journey map', 'Add the current file to a touchpoint', 'See the CodeLens and the hover', 'Open the Impact Report of your branch', 'Share the journey catalogue', 'Add the CI check']) {
      await page.locator('.gettingStartedContainer .getting-started-step', { hasText: step }).first().waitFor({ timeout: 10_000 });
    }
    await page.mouse.move(1300, 800);
    await shoot(page, 'walkthrough-first-run');
  });

  it('shows the step media: the last step\'s workflow note', async () => {
    await page.locator('.gettingStartedContainer .getting-started-step', { hasText: 'Add the CI check' }).first().click();
    // The step's markdown media renders in a webview beside the steps.
    const deadline = Date.now() + 30_000;
    let found = false;
    while (!found && Date.now() < deadline) {
      for (const frame of page.frames()) {
        try {
          if ((await frame.locator('text=cx-impact check --format github').count()) > 0) found = true;
        } catch {
          // A frame that went away while looking.
        }
      }
      if (!found) await page.waitForTimeout(250);
    }
    assert.ok(found, 'the CI step\'s markdown did not render');
    await shoot(page, 'walkthrough-ci-step');
  });
});
