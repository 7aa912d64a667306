// Workspace folders added and removed while the extension runs (multi-root launch: a .code-workspace, so changing
// its folders does not restart the extension host). The added folder's maps are found and used; when it is removed
// they are dropped with their diagnostics, Journeys entries and directory watchers. "Create cx-map.yaml" in a new
// folder is a file operation (a WorkspaceEdit), seen by onDidCreateFiles, unlike a plain write. With several folders
// that have maps, Show Impact Report asks which one.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CxImpactApi } from '../../src/extension';
import { api, eventually, fixture } from './support';
import { record, type Recorder } from './watch';
import { Command } from '../../src/workspace/command-ids';

const MAP = `version: 1
journeys:
  - id: returns
    name: Returns
    tier: medium
    touchpoints:
      - id: label
        name: Print a return label
        channel: emial
        paths:
          - src/**
`;

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'cx-impact');
}

async function changeFolders(change: () => boolean): Promise<void> {
  const changed = new Promise<void>((resolve) => {
    const sub = vscode.workspace.onDidChangeWorkspaceFolders(() => {
      sub.dispose();
      resolve();
    });
  });
  assert.ok(change(), 'VS Code refused the folder change');
  await changed;
}

(fixture === 'multi-root' ? describe : describe.skip)(
  'workspace folders added and removed while running (multi-root)',
  () => {
    let cx: CxImpactApi;
    let recorder: Recorder;
    let root: string;

    before(async () => {
      cx = await api();
      recorder = record();
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-folders-'));
    });

    after(() => {
      recorder.dispose();
      fs.rmSync(root, { recursive: true, force: true });
    });

    it('finds the maps of an added folder, and drops them (diagnostics, Journeys, watchers) when it is removed', async function () {
      this.timeout(90_000);
      const dir = path.join(root, 'returns');
      fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'cx-map.yaml'), MAP);
      fs.writeFileSync(path.join(dir, 'src', 'label.ts'), 'export const label = 1;\n');
      const folderUri = vscode.Uri.file(dir);
      const mapUri = vscode.Uri.joinPath(folderUri, 'cx-map.yaml');
      const source = vscode.Uri.joinPath(folderUri, 'src', 'label.ts');
      const before = (vscode.workspace.workspaceFolders ?? []).length;

      await changeFolders(() =>
        vscode.workspace.updateWorkspaceFolders(before, 0, { uri: folderUri, name: 'returns' }),
      );
      await eventually("the added folder's map in use", 30_000, async () =>
        (await cx.mapFiles()).includes(mapUri.toString()) &&
        cx.maps.coverageOf(source).some((c) => c.journey.id === 'returns')
          ? true
          : undefined,
      );
      await eventually('its diagnostics', 10_000, () =>
        ours(mapUri).some((d) => d.code === 'bad-channel') ? true : undefined,
      );
      const listed = await eventually('Journeys to list it', 20_000, async () => {
        const { journeys } = await cx.sidebar.snapshot();
        return journeys.find((j) => j.label === 'Returns');
      });
      assert.match(listed.description ?? '', /returns$/, 'the journey names its folder');
      assert.ok(cx.maps.watchedFolders().includes(dir), `watched: ${cx.maps.watchedFolders().join(', ')}`);

      const index = (vscode.workspace.workspaceFolders ?? []).findIndex(
        (f) => f.uri.toString() === folderUri.toString(),
      );
      assert.ok(index >= 0);
      await changeFolders(() => vscode.workspace.updateWorkspaceFolders(index, 1));
      await eventually("the removed folder's map to be dropped", 30_000, async () =>
        (await cx.mapFiles()).includes(mapUri.toString()) ? undefined : true,
      );
      assert.deepEqual(ours(mapUri), [], "diagnostics of the removed folder's map");
      assert.deepEqual(cx.maps.coverageOf(source), []);
      const { journeys } = await cx.sidebar.snapshot();
      assert.ok(!journeys.some((j) => j.label === 'Returns'), "Journeys still lists the removed folder's journey");
      assert.deepEqual(
        cx.maps.watchedFolders().filter((w) => w === dir || w.startsWith(`${dir}${path.sep}`)),
        [],
        'a watcher of the removed folder is left',
      );
      // The other folders' maps are still in use.
      assert.ok((await cx.mapFiles()).length > 0);
      assert.deepEqual(recorder.shown, []);
      assert.deepEqual(recorder.rejections, []);
    });

    it('Create cx-map.yaml in a new folder is a WorkspaceEdit file operation, never overwrites, and the new map is used', async function () {
      this.timeout(90_000);
      const dir = path.join(root, 'blank');
      fs.mkdirSync(path.join(dir, 'web'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'web', 'index.ts'), 'export {};\n');
      const folderUri = vscode.Uri.file(dir);
      const count = (vscode.workspace.workspaceFolders ?? []).length;
      await changeFolders(() => vscode.workspace.updateWorkspaceFolders(count, 0, { uri: folderUri, name: 'blank' }));
      const created: string[] = [];
      const sub = vscode.workspace.onDidCreateFiles((e) => created.push(...e.files.map((f) => f.toString())));
      try {
        const uri = await vscode.commands.executeCommand<vscode.Uri>(Command.createMap, folderUri);
        const expected = vscode.Uri.joinPath(folderUri, 'cx-map.yaml');
        assert.equal(uri?.toString(), expected.toString());
        assert.deepEqual(created, [expected.toString()], 'not created through a WorkspaceEdit');
        const text = fs.readFileSync(expected.fsPath, 'utf8');
        assert.match(text, /^version: 1$/m);
        await eventually('the new map in use', 30_000, async () =>
          (await cx.mapFiles()).includes(expected.toString()) ? true : undefined,
        );
        // Asked again, it opens the map and leaves it as it is.
        fs.appendFileSync(expected.fsPath, '# edited by hand\n');
        assert.equal(
          (await vscode.commands.executeCommand<vscode.Uri>(Command.createMap, folderUri))?.toString(),
          expected.toString(),
        );
        assert.equal(fs.readFileSync(expected.fsPath, 'utf8'), `${text}# edited by hand\n`);
      } finally {
        sub.dispose();
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        const index = (vscode.workspace.workspaceFolders ?? []).findIndex(
          (f) => f.uri.toString() === folderUri.toString(),
        );
        if (index >= 0) await changeFolders(() => vscode.workspace.updateWorkspaceFolders(index, 1));
      }
      assert.deepEqual(recorder.rejections, []);
      assert.deepEqual(recorder.repeated(), []);
    });

    it('Show Impact Report asks which folder when several have maps, the active editor’s first, and keeps its folder when cancelled', async function () {
      this.timeout(90_000);
      const dir = path.join(root, 'orders');
      fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'cx-map.yaml'), MAP);
      const source = path.join(dir, 'src', 'label.ts');
      fs.writeFileSync(source, 'export const label = 1;\n');
      const folderUri = vscode.Uri.file(dir);
      const count = (vscode.workspace.workspaceFolders ?? []).length;
      await changeFolders(() => vscode.workspace.updateWorkspaceFolders(count, 0, { uri: folderUri, name: 'orders' }));
      /** Runs the command and answers its question with `answer` (a quick-open command) once it is asked. */
      const showAnswering = async (answer: string): Promise<void> => {
        let done = false;
        const shown = Promise.resolve(vscode.commands.executeCommand(Command.showImpactReport)).finally(
          () => (done = true),
        );
        await eventually('the folder question to be answered', 20_000, async () => {
          if (done) return true;
          await vscode.commands.executeCommand(answer);
          await new Promise((resolve) => setTimeout(resolve, 200));
          return undefined;
        });
        await shown;
      };
      try {
        await eventually('the new folder’s map in use', 30_000, () =>
          cx.maps.coverageOf(vscode.Uri.file(source)).some((c) => c.journey.id === 'returns') ? true : undefined,
        );
        await vscode.window.showTextDocument(vscode.Uri.file(source));
        await showAnswering('workbench.action.acceptSelectedQuickOpenItem');
        assert.deepEqual(
          cx.report.offeredFolders,
          ['orders', 'fulfilment'],
          'the folders with maps, the active editor’s first',
        );
        assert.equal(
          (await cx.report.settled())?.page.folder,
          folderUri.toString(),
          'the report is on the folder picked',
        );

        const fulfilment = vscode.workspace.workspaceFolders?.find((f) => f.name === 'fulfilment');
        assert.ok(fulfilment);
        await vscode.window.showTextDocument(vscode.Uri.joinPath(fulfilment.uri, 'src', 'shipping', 'notify.ts'));
        await showAnswering('workbench.action.closeQuickOpen');
        assert.deepEqual(cx.report.offeredFolders, ['fulfilment', 'orders']);
        assert.equal(
          (await cx.report.settled())?.page.folder,
          folderUri.toString(),
          'a cancelled question changes nothing',
        );

        // Named by the argument (as the Source Control title bar does with its rootUri): no question.
        cx.report.offeredFolders = [];
        await vscode.commands.executeCommand(Command.showImpactReport, {
          kind: 'worktree',
          folder: fulfilment.uri.toString(),
        });
        assert.deepEqual(cx.report.offeredFolders, []);
        assert.equal((await cx.report.settled())?.page.folder, fulfilment.uri.toString());
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        const index = (vscode.workspace.workspaceFolders ?? []).findIndex(
          (f) => f.uri.toString() === folderUri.toString(),
        );
        if (index >= 0) await changeFolders(() => vscode.workspace.updateWorkspaceFolders(index, 1));
      }
    });
  },
);
