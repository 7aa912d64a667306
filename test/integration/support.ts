// What the integration tests share: the extension's API, fixture paths and polling with a deadline.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CxImpactApi } from '../../src/extension';

/** The fixture the launcher opened (`workspace`, `multi-root`, …) and its temporary copy on disk. */
export const fixture = process.env.CX_IMPACT_FIXTURE ?? '';
export const fixtureDir = process.env.CX_IMPACT_FIXTURE_DIR ?? '';

/** The activated extension's API, once its maps are loaded. */
export async function api(): Promise<CxImpactApi> {
  const ext = vscode.extensions.getExtension<CxImpactApi>('cx-impact.cx-impact');
  assert.ok(ext, 'the extension is not loaded');
  const exports = await ext.activate();
  await exports.maps.ready;
  return exports;
}

/** A file of the first workspace folder. */
export function file(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder');
  return vscode.Uri.joinPath(folder.uri, relative);
}

/** Polls `probe` until it answers (not undefined) or the deadline passes: the host's events arrive when they do. */
export async function eventually<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined> | T | undefined,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
