// Whether the extension activates depends on the workspace the launcher opened (CX_IMPACT_FIXTURE): it must
// activate wherever a cx-map.yaml/yml exists (root, nested folder, second root of a multi-root workspace) and
// stay dormant otherwise.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CxImpactApi } from '../../src/extension';

const EXTENSION_ID = 'cx-impact.cx-impact';

const fixture = process.env.CX_IMPACT_FIXTURE ?? '';

/** The map files each fixture holds, relative to their workspace folder (`folder/` prefix in multi-root). */
const expectedMaps: Record<string, string[]> = {
  workspace: ['cx-map.yaml', 'packages/web/cx-map.yaml'],
  'nested-only': ['apps/mobile/cx-map.yml'],
  'multi-root': ['fulfilment/cx-map.yaml'],
};

function extension(): vscode.Extension<CxImpactApi> {
  const found = vscode.extensions.getExtension<CxImpactApi>(EXTENSION_ID);
  assert.ok(found, `${EXTENSION_ID} is not loaded in this host`);
  return found;
}

/** Activation by `workspaceContains` happens after startup; give it a bounded time. */
async function waitForActivation(ext: vscode.Extension<unknown>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!ext.isActive && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return ext.isActive;
}

/** `cx-map.yaml` in a single-folder workspace, `fulfilment/cx-map.yaml` when several folders are open. */
function relativeToItsFolder(uri: string): string {
  const parsed = vscode.Uri.parse(uri);
  const folder = vscode.workspace.getWorkspaceFolder(parsed);
  assert.ok(folder, `${uri} is outside every workspace folder`);
  const relative = path.posix.relative(folder.uri.path, parsed.path);
  return (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? `${folder.name}/${relative}` : relative;
}

describe('activation', () => {
  it('runs in a workspace the launcher named', () => {
    assert.ok(fixture.length > 0, 'CX_IMPACT_FIXTURE is not set: the launcher must say which fixture it opened');
    assert.ok((vscode.workspace.workspaceFolders?.length ?? 0) > 0, 'no workspace folder is open');
  });

  if (fixture === 'empty') {
    it('does not activate in a workspace without a map', async () => {
      const ext = extension();
      // Long enough for a workspaceContains activation to have happened if it were going to.
      const activated = await waitForActivation(ext, 5_000);
      assert.equal(activated, false, 'the extension activated although the workspace has no cx-map.yaml');
    });
    return;
  }

  const maps = expectedMaps[fixture];
  if (!maps) return;

  it(`activates on its own because the workspace holds ${maps.join(', ')}`, async () => {
    const ext = extension();
    const activated = await waitForActivation(ext, 15_000);
    assert.equal(activated, true, 'the extension did not activate within 15 s');
  });

  it('finds exactly the map files of the workspace', async () => {
    const api = await extension().activate();
    const found = (await api.mapFiles()).map(relativeToItsFolder).sort();
    assert.deepEqual(found, [...maps].sort());
  });

  if (fixture === 'multi-root') {
    it('opened both folders, the first of which has no map', () => {
      const names = vscode.workspace.workspaceFolders?.map((folder) => folder.name);
      assert.deepEqual(names, ['storefront', 'fulfilment']);
    });
  }
});
