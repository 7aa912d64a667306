// What the editor does when files move under it (issue #8): a map deleted or renamed while open, a source file
// deleted while open, a map that is a symbolic link out of the folder, and every write to a user's file going
// through an undoable edit that respects unsaved text. Each case also checks that CX Impact showed no stream of
// notifications and left no promise rejection unhandled. Runs in the `resilience` launch (a copy of the workspace
// fixture); works in `resil/` of it and removes that after.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CxImpactApi } from '../../src/extension';
import { api, eventually, file, fixture } from './support';
import { record, type Recorder } from './watch';
import { Command } from '../../src/workspace/command-ids';

const MAP = `# A map the resilience tests own.
version: 1
journeys:
  - id: resilience
    name: Resilience
    tier: high
    touchpoints:
      - id: kept
        name: Keep working
        channel: emial
        paths:
          - src/**
`;

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'cx-impact');
}

function write(relative: string, text: string): vscode.Uri {
  const uri = file(relative);
  fs.mkdirSync(path.dirname(uri.fsPath), { recursive: true });
  fs.writeFileSync(uri.fsPath, text);
  return uri;
}

async function coverageLenses(uri: vscode.Uri): Promise<string[]> {
  await vscode.workspace.openTextDocument(uri);
  const all = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
  return all.filter((l) => l.command?.command === Command.revealInSidebar).map((l) => l.command?.title ?? '');
}

function journeysOf(cx: CxImpactApi, uri: vscode.Uri): string[] {
  return cx.maps.coverageOf(uri).map((c) => c.journey.id);
}

async function setText(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

/** Closes the document's editors without saving (a dirty buffer is reverted first, so no dialog asks). */
async function closeWithoutSaving(doc: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

(fixture === 'resilience' ? describe : describe.skip)(
  'resilience: files moving under the editor (workspace fixture, own launch)',
  () => {
    let cx: CxImpactApi;
    let recorder: Recorder;

    /** Writes resil/cx-map.yaml (and a covered source file) and waits until the extension uses it. */
    async function ownMap(text = MAP): Promise<vscode.Uri> {
      const uri = write('resil/cx-map.yaml', text);
      const source = write('resil/src/kept.ts', 'export class Kept {}\n');
      await eventually('resil/cx-map.yaml to be loaded', 20_000, () =>
        journeysOf(cx, source).includes('resilience') ? true : undefined,
      );
      return uri;
    }

    before(async () => {
      cx = await api();
      // VS Code for the Web saves after a second by default; these tests need unsaved buffers to stay unsaved.
      await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
      recorder = record();
    });

    beforeEach(() => recorder.clear());

    afterEach(() => {
      assert.deepEqual(recorder.rejections, [], 'unhandled promise rejections in the extension host');
      assert.deepEqual(recorder.repeated(), [], 'the same notification more than once');
    });

    after(async () => {
      recorder.dispose();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(file('resil').fsPath, { recursive: true, force: true });
      await eventually('the resil/ maps to be gone', 20_000, async () =>
        (await cx.mapFiles()).some((u) => u.includes('/resil/')) ? undefined : true,
      );
      await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Global);
    });

    it('records what CX Impact shows (control: one notice for a file outside the workspace)', async () => {
      const outside = vscode.Uri.file(path.join(os.tmpdir(), 'not-in-the-workspace.ts'));
      assert.equal(await vscode.commands.executeCommand(Command.addFileToTouchpoint, outside, {}), false);
      assert.deepEqual(recorder.shown, [
        {
          kind: 'information',
          message: 'CX Impact: open or select a file of the workspace to add it to a touchpoint.',
        },
      ]);
    });

    it('a map deleted while open: its diagnostics, lenses and journeys go; its editor keeps the unsaved text', async function () {
      this.timeout(60_000);
      const uri = await ownMap();
      const source = file('resil/src/kept.ts');
      await eventually("the map's diagnostics", 10_000, () =>
        ours(uri).some((d) => d.code === 'bad-channel') ? true : undefined,
      );
      assert.deepEqual(await coverageLenses(source), ['Resilience › Keep working · high']);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      await setText(doc, `${MAP}# my unsaved note\n`);
      fs.rmSync(uri.fsPath);

      await eventually('the deleted map to be dropped', 20_000, async () =>
        journeysOf(cx, source).length === 0 && !(await cx.mapFiles()).includes(uri.toString()) ? true : undefined,
      );
      assert.deepEqual(ours(uri), [], 'diagnostics of the deleted map');
      assert.deepEqual(await coverageLenses(source), []);
      const { journeys } = await cx.sidebar.snapshot();
      assert.ok(
        !journeys.some((j) => j.label === 'Resilience'),
        "the Journeys view still lists the deleted map's journey",
      );
      assert.equal(doc.isClosed, false, 'the editor of the deleted map was closed');
      assert.ok(doc.getText().endsWith('# my unsaved note\n'), 'the unsaved text was lost');
      assert.deepEqual(recorder.shown, []);
      await closeWithoutSaving(doc);
      assert.deepEqual(ours(uri), [], 'closing the deleted map left diagnostics');
    });

    it('a map renamed while open: its journeys and diagnostics move to the new name, then go when it is no map', async function () {
      this.timeout(60_000);
      const uri = await ownMap();
      const source = file('resil/src/kept.ts');
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const renamed = file('resil/cx-map.yml');
      fs.renameSync(uri.fsPath, renamed.fsPath);

      await eventually('the renamed map in use', 20_000, async () => {
        const files = await cx.mapFiles();
        return files.includes(renamed.toString()) && !files.includes(uri.toString()) ? true : undefined;
      });
      const hit = cx.maps.coverageOf(source).find((c) => c.journey.id === 'resilience');
      assert.ok(hit, 'the renamed map no longer covers its files');
      assert.equal(cx.maps.uriOf(hit.map)?.toString(), renamed.toString());
      await eventually('diagnostics to move to the new name', 10_000, () =>
        ours(uri).length === 0 && ours(renamed).some((d) => d.code === 'bad-channel') ? true : undefined,
      );
      assert.deepEqual(await coverageLenses(source), ['Resilience › Keep working · high']);

      // Renamed to a name that is no map: nothing of it stays.
      fs.renameSync(renamed.fsPath, file('resil/cx-map.yml.bak').fsPath);
      await eventually('the map to be dropped', 20_000, () =>
        journeysOf(cx, source).length === 0 && ours(renamed).length === 0 ? true : undefined,
      );
      assert.deepEqual(await coverageLenses(source), []);
      assert.deepEqual(recorder.shown, []);
      await closeWithoutSaving(doc);
      fs.rmSync(file('resil/cx-map.yml.bak').fsPath);
    });

    it('a source file open but deleted on disk: CodeLens, hover, This File and the commands answer without an error', async function () {
      this.timeout(60_000);
      await ownMap();
      const gone = write('resil/src/gone.ts', 'export class Gone {}\n');
      await eventually('the new file covered', 10_000, () =>
        journeysOf(cx, gone).includes('resilience') ? true : undefined,
      );
      const doc = await vscode.workspace.openTextDocument(gone);
      await vscode.window.showTextDocument(doc);
      fs.rmSync(gone.fsPath);
      await new Promise((resolve) => setTimeout(resolve, 1_000));

      // The buffer still says what the file was: the features answer from it, or say nothing, but never fail.
      const lenses = await coverageLenses(gone);
      assert.ok(lenses.length <= 1, `lenses: ${lenses.join(', ')}`);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        gone,
        new vscode.Position(0, 14),
      );
      assert.ok(Array.isArray(hovers));
      await vscode.commands.executeCommand(Command.revealInSidebar, gone);
      const snap = await cx.sidebar.snapshot();
      assert.ok(Array.isArray(snap.thisFile));
      await vscode.commands.executeCommand(Command.copyFileImpact, gone);
      assert.equal(doc.isClosed, false);
      assert.deepEqual(
        recorder.shown.filter((s) => s.kind !== 'information'),
        [],
        'errors or warnings shown',
      );
      await closeWithoutSaving(doc);
    });

    it('a map that is a symbolic link out of the folder is refused with a diagnostic saying why; its journeys are not used', async function () {
      this.timeout(60_000);
      const outsideDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-resil-outside-'));
      const outside = path.join(outsideDir, 'secret.yaml');
      fs.writeFileSync(
        outside,
        MAP.replace('id: resilience', 'id: leaked')
          .replace('name: Resilience', 'name: Leaked secret')
          .replace('src/**', '**'),
      );
      const source = write('resil/linked/page.ts', 'export const page = 1;\n');
      const link = file('resil/linked/cx-map.yaml');
      fs.symlinkSync(outside, link.fsPath);
      try {
        const refused = await eventually('the linked map to be refused', 20_000, () =>
          ours(link).find((d) => d.code === 'map-link-outside'),
        );
        assert.match(
          refused.message,
          /resil\/linked\/cx-map\.yaml: it is a symbolic link to a file outside the workspace folder/,
        );
        assert.equal(refused.severity, vscode.DiagnosticSeverity.Error);
        assert.deepEqual(ours(link).length, 1, 'only the refusal, nothing parsed from the linked file');
        assert.ok(!refused.message.includes('Leaked'), "the linked file's text leaked into the message");
        assert.ok(!journeysOf(cx, source).includes('leaked'));
        assert.ok(!(await cx.mapFiles()).includes(link.toString()));
        assert.ok(cx.maps.refusedMaps().some((r) => r.uri.toString() === link.toString()));
        const { journeys } = await cx.sidebar.snapshot();
        assert.ok(!journeys.some((j) => j.label === 'Leaked secret'));
        // Opening it does not bring its text's diagnostics back.
        const doc = await vscode.workspace.openTextDocument(link);
        await new Promise((resolve) => setTimeout(resolve, 500));
        assert.deepEqual(
          ours(link).map((d) => d.code),
          ['map-link-outside'],
        );
        await closeWithoutSaving(doc);
        assert.deepEqual(recorder.shown, [], 'the diagnostic is the notice: no notification');
      } finally {
        fs.rmSync(link.fsPath, { force: true });
        fs.rmSync(outsideDir, { recursive: true, force: true });
      }
      await eventually('the refusal to go with the link', 20_000, () => (ours(link).length === 0 ? true : undefined));
    });

    it('Add this file to a touchpoint edits a dirty map buffer without saving it: disk unchanged, both edits undoable', async function () {
      this.timeout(60_000);
      const uri = await ownMap();
      const onDisk = fs.readFileSync(uri.fsPath);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, new vscode.Position(0, 0), '# my unsaved note\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(doc.isDirty);
      const added = await vscode.commands.executeCommand<boolean>(
        Command.addFileToTouchpoint,
        file('resil/src/kept.ts'),
        {
          map: uri,
          journey: 'resilience',
          touchpoint: 'kept',
          pattern: 'extra/**',
        },
      );
      assert.equal(added, true);
      assert.ok(doc.isDirty);
      assert.ok(fs.readFileSync(uri.fsPath).equals(onDisk), 'the map on disk changed');
      assert.ok(doc.getText().startsWith('# my unsaved note\n'), 'the unsaved edit was lost');
      assert.match(doc.getText(), /\n {10}- extra\/\*\*\n/);
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('undo');
      assert.equal(doc.getText(), `# my unsaved note\n${MAP}`);
      await vscode.commands.executeCommand('undo');
      assert.equal(doc.getText(), MAP);
      assert.ok(fs.readFileSync(uri.fsPath).equals(onDisk));
      await closeWithoutSaving(doc);
    });

    it('saving the Impact Report never overwrites a file with unsaved edits; an open clean file gets one undoable edit', async function () {
      this.timeout(120_000);
      await vscode.commands.executeCommand(Command.showImpactReport, { kind: 'worktree' });
      const snapshot = await cx.report.settled();
      assert.ok(snapshot?.gathered, `no report: ${snapshot?.page.message ?? ''}`);
      const markdown = cx.report.markdown();
      assert.ok(markdown);

      const target = write('resil/report.md', 'my notes\n');
      const doc = await vscode.workspace.openTextDocument(target);
      await vscode.window.showTextDocument(doc);
      await setText(doc, 'my notes, not saved yet\n');
      assert.equal(await cx.report.saveTo('markdown', target), false);
      assert.equal(fs.readFileSync(target.fsPath, 'utf8'), 'my notes\n', 'the file on disk was overwritten');
      assert.equal(doc.getText(), 'my notes, not saved yet\n', 'the unsaved text was replaced');
      assert.equal(recorder.shown.length, 1);
      assert.match(recorder.shown[0]!.message, /resil\/report\.md has unsaved changes in an editor/);

      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      assert.equal(await cx.report.saveTo('markdown', target), true);
      assert.equal(doc.getText(), markdown);
      assert.equal(doc.isDirty, false);
      assert.equal(fs.readFileSync(target.fsPath, 'utf8'), markdown);
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('undo');
      assert.equal(doc.getText(), 'my notes\n', 'the replaced text cannot be undone');
      await closeWithoutSaving(doc);

      const fresh = file('resil/report.json');
      assert.equal(await cx.report.saveTo('json', fresh), true);
      assert.equal(fs.readFileSync(fresh.fsPath, 'utf8'), cx.report.json());
      assert.equal(recorder.shown.length, 1, 'notifications after the refusal');
    });
  },
);
