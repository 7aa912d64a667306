// The Getting Started walkthrough, walked through by its own buttons' commands in a real VS Code: in the workspace
// fixture (a map exists) and in the first-run launch (an empty folder: the walkthrough opens by itself, once).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CxImpactApi } from '../../src/extension';
import { api, eventually, fixture, fixtureDir } from './support';
import { Command } from '../../src/workspace/command-ids';

/** The launch that opens an empty folder with a fresh profile (launches.mjs). */
const FIRST_RUN = 'first-run';

function allTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs);
}

/** The walkthrough editor is no text, webview or custom editor for the API: its tab has no known input. */
function walkthroughTabs(): vscode.Tab[] {
  return allTabs().filter(
    (tab) => tab.input === undefined && /walkthrough|welcome|get started|cx impact/i.test(tab.label),
  );
}

function workflowOfDocs(extensionRoot: string): string {
  const doc = fs.readFileSync(path.join(extensionRoot, 'docs', 'ci.md'), 'utf8');
  const section = /^## GitHub Actions\s*$([\s\S]*?)(?=^## )/m.exec(doc)?.[1] ?? '';
  return /^```ya?ml\n([\s\S]*?)^```/m.exec(section)?.[1] ?? 'no workflow in docs/ci.md';
}

describe('the Getting Started walkthrough', function () {
  this.timeout(90_000);
  let cx: CxImpactApi;
  before(async () => {
    cx = await api();
  });

  if (fixture === FIRST_RUN) {
    it('opens by itself on the first activation in a workspace without a map, and is marked seen', async () => {
      assert.equal(await cx.walkthrough.firstRun, true, 'the first-run check did not open the walkthrough');
      assert.equal(cx.walkthrough.seen(), true);
      // Other test modules may have closed editors since; the walkthrough's tab is there unless they did.
      console.log(
        `[walkthrough] tabs: ${allTabs()
          .map((t) => t.label)
          .join(' | ')}`,
      );
    });

    it('never opens again once seen, even with still no map', async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      assert.equal(await cx.walkthrough.openIfFirstRun(), false);
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.deepEqual(
        walkthroughTabs().map((t) => t.label),
        [],
      );
    });

    it('opens again on request (Get Started with CX Impact)', async () => {
      await vscode.commands.executeCommand(Command.walkthroughOpen);
      const tab = await eventually('the walkthrough tab', 20_000, () => walkthroughTabs()[0]);
      console.log(`[walkthrough] opened as "${tab.label}"`);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });
  } else {
    it('does not open by itself where a map exists', async () => {
      assert.equal(await cx.walkthrough.firstRun, false);
    });
  }

  it('step 1: "Open the Map" opens the map, creating it where there is none', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(Command.walkthroughOpenMap);
    assert.ok(uri, 'no map was opened or created');
    assert.match(uri.path, /\/cx-map\.ya?ml$/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    await eventually('the map to load', 30_000, () => (cx.maps.hasMaps() ? true : undefined));
  });

  it('step 2: "Add This File to a Touchpoint…" puts the current file in the map, unsaved', async () => {
    const added = path.join(fixtureDir, 'src', 'walkthrough-step.ts');
    fs.mkdirSync(path.dirname(added), { recursive: true });
    fs.writeFileSync(added, 'export const step = 2;\n');
    const fileUri = vscode.Uri.file(added);
    await vscode.window.showTextDocument(fileUri);
    // The map at the folder's root governs src/ (the workspace fixture also has packages/web/cx-map.yaml).
    const mapUri = cx.maps.mapUris().find((uri) => path.dirname(uri.fsPath) === fixtureDir);
    assert.ok(mapUri, `no map at the root of ${fixtureDir}`);
    const map = cx.maps.parsed(mapUri)?.map;
    const journey = map?.journeys[0];
    const touchpoint = journey?.touchpoints[0];
    assert.ok(journey && touchpoint, 'the map has no touchpoint to add to');
    try {
      const done = await vscode.commands.executeCommand<boolean>(Command.addFileToTouchpoint, fileUri, {
        map: mapUri,
        journey: journey.id,
        touchpoint: touchpoint.id,
        pattern: 'src/walkthrough-step.ts',
      });
      if (done !== true) {
        const map = await vscode.workspace.openTextDocument(mapUri);
        console.log(
          `[walkthrough] add-file refused; map dirty: ${map.isDirty}; journey ${journey.id}/${touchpoint.id}; map starts:\n${map.getText().slice(0, 400)}`,
        );
      }
      assert.equal(done, true);
      const document = await vscode.workspace.openTextDocument(mapUri);
      assert.match(document.getText(), /- src\/walkthrough-step\.ts/);
      assert.equal(document.isDirty, true, 'the map was saved without the person');
    } finally {
      // Put the fixture back as other modules expect it.
      await vscode.window.showTextDocument(mapUri);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      fs.rmSync(added, { force: true });
    }
  });

  it('step 3: "Open a Covered File" opens a file with the CodeLens and the hover', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(Command.walkthroughOpenCoveredFile);
    assert.ok(uri, 'no covered file was opened');
    assert.ok(cx.maps.coverageOf(uri).length > 0);
    const lenses = await eventually('a CX Impact CodeLens', 30_000, async () => {
      const all =
        (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
      const ours = all.filter((l) => l.command?.command === Command.revealInSidebar);
      return ours.length > 0 ? ours : undefined;
    });
    assert.ok((lenses[0]?.command?.title ?? '').length > 0);
    const settings = vscode.workspace.getConfiguration('cxImpact');
    await settings.update('hover.mode', 'everywhere', vscode.ConfigurationTarget.Global);
    try {
      let seen = '';
      const hover = await eventually('a CX Impact hover', 30_000, async () => {
        const hovers =
          (await vscode.commands.executeCommand<vscode.Hover[]>(
            'vscode.executeHoverProvider',
            uri,
            new vscode.Position(0, 1),
          )) ?? [];
        seen = hovers
          .flatMap((h) => h.contents)
          .map((c) => (typeof c === 'string' ? c : c.value))
          .join('\n');
        return seen.includes(`command:${Command.openMapAt}`) ? seen : undefined;
      }).catch((error: unknown) => {
        throw new Error(`${String(error)} on ${uri.path}; hovers said: ${seen}`);
      });
      assert.ok(hover.length > 0);
    } finally {
      await settings.update('hover.mode', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('step 4: "Show Impact Report" opens the report of the branch', async () => {
    await vscode.commands.executeCommand(Command.showImpactReport);
    const snapshot = await eventually('the Impact Report', 60_000, () => cx.report.settled());
    assert.ok(snapshot.html.length > 0);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('step 5: "Copy the GitHub Actions Workflow" copies the workflow of docs/ci.md', async () => {
    const extension = vscode.extensions.getExtension('cx-impact.cx-impact');
    assert.ok(extension);
    const expected = workflowOfDocs(extension.extensionUri.fsPath);
    const copied = await vscode.commands.executeCommand<string>(Command.walkthroughCopyCiWorkflow);
    assert.equal(copied, expected);
    const clipboard = await vscode.env.clipboard.readText();
    console.log(`[walkthrough] clipboard holds ${clipboard.length} characters`);
    assert.equal(clipboard, expected);
  });
});
