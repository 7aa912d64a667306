// An untrusted workspace (restricted mode): CX Impact runs no git process at all and says why; the map-based
// features keep working. The `untrusted` launch opens the git fixture with workspace trust on and the folder not
// trusted, with a logging `git` first on the PATH (launches.mjs). In the trusted `resilience` launch the same
// logging git shows CX Impact's calls: the control that proves the log would catch them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CxImpactApi } from '../../src/extension';
import { api, eventually, file, fixture } from './support';
import { gitCalls, isCxImpactCall, record, type Recorder } from './watch';
import { Command } from '../../src/workspace/command-ids';

async function coverageLenses(uri: vscode.Uri): Promise<string[]> {
  await vscode.workspace.openTextDocument(uri);
  const all = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
  return all.filter((l) => l.command?.command === Command.revealInSidebar).map((l) => l.command?.title ?? '');
}

/** The hover on a declaration (the default hover mode); the language server may take a while to find symbols. */
async function declarationHover(uri: vscode.Uri, name: string, expected: string): Promise<string> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const line = doc
    .getText()
    .split('\n')
    .findIndex((l) => l.includes(name));
  const position = new vscode.Position(line, doc.lineAt(line).text.indexOf(name) + 2);
  let seen = '';
  return eventually(`a hover saying ${expected}`, 40_000, async () => {
    const hovers =
      (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
    seen = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n')
      .replace(/&nbsp;/g, ' ');
    return seen.includes(expected) ? seen : undefined;
  }).catch((err: unknown) => {
    throw new Error(`${String(err)}; the hovers said: ${seen || '(nothing)'}`);
  });
}

/** Runs everything that would call git in a trusted workspace, then lets the debounced work settle. */
async function exerciseGitFeatures(cx: CxImpactApi): Promise<void> {
  await vscode.commands.executeCommand(Command.showImpactReport, { kind: 'worktree' });
  await cx.report.settled();
  await vscode.commands.executeCommand(Command.showImpactReport, { kind: 'branch' });
  await cx.report.settled();
  cx.sidebar.refresh();
  await cx.sidebar.snapshot();
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder);
  cx.files.invalidate();
  await cx.files.filesOf(folder);
  // The map editor's lenses count files (git ls-files when trusted).
  await vscode.workspace.openTextDocument(file('cx-map.yaml'));
  await vscode.commands.executeCommand('vscode.executeCodeLensProvider', file('cx-map.yaml'));
  await new Promise((resolve) => setTimeout(resolve, 1_500));
}

(fixture === 'untrusted' ? describe : describe.skip)('untrusted workspace (restricted mode)', () => {
  let cx: CxImpactApi;
  let recorder: Recorder;
  before(async () => {
    recorder = record();
    cx = await api();
  });
  after(() => {
    recorder.dispose();
  });

  it('really is untrusted (so nothing below passes vacuously)', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    assert.ok(gitCalls() !== undefined, 'the launch has no logging git (CX_IMPACT_GIT_LOG)');
  });

  it('still reads the maps: CodeLens, hover, This File and Journeys work', async function () {
    this.timeout(90_000);
    assert.ok((await cx.mapFiles()).length > 0, 'no map loaded');
    assert.deepEqual(await coverageLenses(file('services/payments/charge.ts')), [
      'Checkout › Pay for the order · critical',
    ]);
    assert.match(
      await declarationHover(file('services/payments/charge.ts'), 'PaymentService', 'Pay for the order'),
      /Checkout/,
    );
    await vscode.window.showTextDocument(file('services/payments/charge.ts'));
    const thisFile = await eventually('This File to follow the editor', 10_000, async () => {
      const snap = await cx.sidebar.snapshot();
      return snap.thisFile.length > 0 ? snap.thisFile : undefined;
    });
    assert.equal(thisFile[0]?.label, 'Checkout › Pay for the order');
    const { journeys } = await cx.sidebar.snapshot();
    assert.ok(
      journeys.some((j) => j.label === 'Checkout'),
      `Journeys: ${journeys.map((j) => j.label).join(', ')}`,
    );
    // The map editor's file counts come from workspace.findFiles instead of git ls-files.
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    assert.ok((await cx.files.filesOf(folder)).includes('services/payments/charge.ts'));
  });

  it('the Changes view is empty, so its welcome says change impact needs a trusted workspace and offers Manage Workspace Trust', async () => {
    const { changes } = await cx.sidebar.snapshot();
    assert.deepEqual(changes, []);
    // A message would hide the welcome content; VS Code shows the entry whose `when` is !isWorkspaceTrusted.
    assert.ok(!cx.sidebar.messages().changes, `the Changes view shows a message: ${cx.sidebar.messages().changes}`);
    const ext = vscode.extensions.getExtension('cx-impact.cx-impact');
    const welcome = (
      ext?.packageJSON as { contributes: { viewsWelcome: Array<{ view: string; contents: string; when: string }> } }
    ).contributes.viewsWelcome;
    const untrusted = welcome.filter((w) => w.view === 'cxImpact.changes' && /!isWorkspaceTrusted/.test(w.when));
    assert.equal(untrusted.length, 1);
    assert.match(untrusted[0]!.contents, /^Change impact needs a trusted workspace: /);
    assert.match(untrusted[0]!.contents, /\[Manage Workspace Trust\]\(command:workbench\.trust\.manage\)/);
    // The other Changes welcome entries say nothing in restricted mode.
    for (const other of welcome.filter((w) => w.view === 'cxImpact.changes' && w !== untrusted[0]))
      assert.match(other.when, /(^|&& )isWorkspaceTrusted/);
  });

  it('the Impact Report says why and offers Manage Workspace Trust', async () => {
    await vscode.commands.executeCommand(Command.showImpactReport, { kind: 'branch' });
    const snapshot = await cx.report.settled();
    assert.equal(snapshot?.gathered, undefined);
    assert.match(snapshot?.page.message ?? '', /not trusted, so CX Impact runs no git process/);
    assert.deepEqual(snapshot?.page.messageAction, { action: 'trust', label: 'Manage Workspace Trust' });
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('runs no git process at all, whatever is asked of it (and shows no error)', async () => {
    await exerciseGitFeatures(cx);
    const calls = gitCalls() ?? [];
    // VS Code's git extension does not run in restricted mode either, so the host runs no git at all.
    assert.deepEqual(calls, [], `git was run:\n${calls.join('\n')}`);
    assert.equal(vscode.extensions.getExtension('vscode.git')?.isActive ?? false, false, 'the git extension is active');
    assert.deepEqual(
      recorder.shown.filter((s) => s.kind !== 'information'),
      [],
    );
    assert.deepEqual(recorder.rejections, []);
  });
});

(fixture === 'resilience' ? describe : describe.skip)(
  'the logging git sees CX Impact in a trusted workspace (control)',
  () => {
    it("logs CX Impact's git calls, so an empty log in the untrusted launch means none", async () => {
      const cx = await api();
      assert.equal(vscode.workspace.isTrusted, true);
      await exerciseGitFeatures(cx);
      const calls = gitCalls();
      assert.ok(calls, 'the launch has no logging git (CX_IMPACT_GIT_LOG)');
      const ours = calls.filter(isCxImpactCall);
      console.log(`[cx-impact tests] logging git: ${calls.length} call(s) in this host, ${ours.length} from CX Impact`);
      assert.ok(
        ours.some((line) => / rev-parse --show-toplevel/.test(line)),
        `no CX Impact call logged:\n${calls.slice(0, 20).join('\n')}`,
      );
      assert.ok(
        ours.some((line) => / ls-files /.test(line)),
        'no git ls-files from CX Impact',
      );
    });
  },
);
