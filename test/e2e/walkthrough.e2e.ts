// End-to-end: the packaged .vsix in a fresh VS Code on a folder without a map, as a new user meets it. Opening the
// CX Impact sidebar activates the extension, which opens the Getting Started walkthrough once. Screenshots go to
// test-results/e2e/ (walkthrough-*.png).
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openWorkbench, type Workbench } from './workbench';

describe('the Getting Started walkthrough of the installed .vsix', function () {
  this.timeout(180_000);
  let workbench: Workbench;
  let page: Page;

  before(async () => {
    workbench = await openWorkbench('empty', { profilePrefix: 'cx-impact-e2e-walkthrough-' });
    page = workbench.page;
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page)
      await workbench.failed(`walkthrough-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-')}`);
  });

  after(async () => {
    await workbench?.close();
  });

  it('opens by itself the first time the CX Impact sidebar is opened in a folder without a map', async () => {
    await page.locator('.activitybar .action-item a[aria-label^="CX Impact"]').click({ timeout: 60_000 });
    const title = page.locator('.gettingStartedContainer', { hasText: 'Get Started with CX Impact' });
    await title.first().waitFor({ state: 'visible', timeout: 60_000 });
    for (const step of [
      'Create or open the journey map',
      'Add the current file to a touchpoint',
      'See the CodeLens and the hover',
      'Open the Impact Report of your branch',
      'Share the journey catalogue',
      'Add the CI check',
    ]) {
      await page
        .locator('.gettingStartedContainer .getting-started-step', { hasText: step })
        .first()
        .waitFor({ timeout: 10_000 });
    }
    await page.mouse.move(1300, 800);
    await workbench.shoot('walkthrough-first-run');
  });

  it("shows the step media: the last step's workflow note", async () => {
    await page
      .locator('.gettingStartedContainer .getting-started-step', { hasText: 'Add the CI check' })
      .first()
      .click();
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
    assert.ok(found, "the CI step's markdown did not render");
    await workbench.shoot('walkthrough-ci-step');
  });
});
