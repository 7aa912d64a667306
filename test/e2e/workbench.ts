// What every e2e file does first: the packaged .vsix installed into a fresh profile of the offline host, the host
// serving a fixture, and Chromium on the workbench's page. Also the screenshot and the log a failed check leaves.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO_SETTINGS, demoUrl, makeDemoWorkspace } from '../../scripts/demo-workspace.mjs';
import { LAUNCHES, prepareLaunch } from '../../scripts/vscode-host/launches.mjs';
import {
  extensionHostLog,
  installVsix,
  launchChromium,
  makeProfile,
  openQuery,
  startServer,
  type Profile,
  type RunningServer,
} from '../../scripts/vscode-host/offline-host.mjs';
import { projectRoot } from '../../scripts/vscode-host/paths.mjs';

export const vsix = path.join(projectRoot, 'dist', 'cx-impact.vsix');
export const screenshots = path.join(projectRoot, 'test-results', 'e2e');

/** A fixture of scripts/vscode-host/launches.mjs, or the repository `npm run demo` opens (scripts/demo-workspace.mjs). */
export type WorkbenchFixture = 'workspace' | 'empty' | 'demo';

export interface Workbench {
  page: Page;
  profile: Profile;
  /** The environment the fixture's launch sets (CX_IMPACT_FIXTURE_DIR, ...); empty for the demo. */
  env: Record<string, string>;
  /** A screenshot to test-results/e2e/<name>.png. */
  shoot(name: string): Promise<void>;
  /** For afterEach: the screen as it was, to failed-<name>.png, and what the extension host logged about cx-impact. */
  failed(name: string): Promise<void>;
  /** Closes the browser, stops the host, removes the workspace and the profile. */
  close(): Promise<void>;
}

/**
 * Opens the fixture in the installed extension's workbench. `settings` go to the profile's user settings (the demo's
 * own settings, DEMO_SETTINGS, for 'demo'); `profilePrefix` names the profile's temp folder.
 */
export async function openWorkbench(
  fixture: WorkbenchFixture,
  options: { profilePrefix: string; settings?: Record<string, unknown> },
): Promise<Workbench> {
  assert.ok(fs.existsSync(vsix), `${vsix} is missing: run \`npm run package\` first`);
  const profile = makeProfile(options.profilePrefix, options.settings ?? (fixture === 'demo' ? DEMO_SETTINGS : {}));
  let workspace: { open: string; remove(): void } | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const close = async (): Promise<void> => {
    await browser?.close();
    await server?.stop();
    workspace?.remove();
    profile.remove();
  };
  try {
    assert.match(installVsix(profile, vsix), /successfully installed/);
    let url: (serverUrl: string) => string;
    let env: Record<string, string> = {};
    if (fixture === 'demo') {
      const demo = makeDemoWorkspace();
      workspace = demo;
      url = (serverUrl) => demoUrl(serverUrl, demo);
    } else {
      const launch = LAUNCHES.find((l) => l.fixture === fixture);
      assert.ok(launch, `no launch of the ${fixture} fixture`);
      const prepared = prepareLaunch(launch);
      workspace = prepared;
      env = prepared.env;
      url = (serverUrl) => `${serverUrl}/?${openQuery(prepared.open)}`;
    }
    server = await startServer({ profile, workspace: workspace.open });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    await page.goto(url(server.url));
    const shoot = async (name: string): Promise<void> => {
      fs.mkdirSync(screenshots, { recursive: true });
      await page.screenshot({ path: path.join(screenshots, `${name}.png`) });
    };
    return {
      page,
      profile,
      env,
      shoot,
      failed: async (name) => {
        await shoot(`failed-${name}`);
        console.error(`extension host log about cx-impact:\n${extensionHostLog(profile) || '(nothing)'}`);
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
