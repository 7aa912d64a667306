// What `npm run demo` opens, shared with the e2e checks that take the README's pictures from the same state: the
// repository examples/make-demo-repo.mjs builds (on feature/refund-speedup, against main), a covered file of the
// branch open, and the Changes view shown at once (cxImpact.changes.revealOnOpen, set in the demo's own profile).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeDemoRepo } from '../examples/make-demo-repo.mjs';
import { openQuery } from './vscode-host/offline-host.mjs';
import { onShutdown } from './vscode-host/shutdown.mjs';

/** A file the branch changed (renamed), which the Refunds journey covers: its CodeLens names the journey. */
export const DEMO_FILE = 'services/support/agent-desktop/src/refund-lookup.ts';

/** User settings of the demo's profile. */
export const DEMO_SETTINGS = { 'cxImpact.changes.revealOnOpen': true };

/**
 * Builds the demo repository in a temporary folder. Removed on exit unless `keep` (a desktop window outlives this
 * process).
 */
export function makeDemoWorkspace({ keep = false } = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-impact-demo-'));
  const open = path.join(root, 'shop');
  const removeNow = () => fs.rmSync(root, { recursive: true, force: true });
  const forget = keep ? () => undefined : onShutdown(removeNow);
  makeDemoRepo(open);
  return {
    open,
    file: path.join(open, ...DEMO_FILE.split('/')),
    remove() {
      forget();
      removeNow();
    },
  };
}

/** The offline host's address that opens the demo repository with the covered file in an editor. */
export function demoUrl(serverUrl, workspace) {
  const payload = [['openFile', `vscode-remote://${new URL(serverUrl).host}${workspace.file}`]];
  return `${serverUrl}/?${openQuery(workspace.open)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
