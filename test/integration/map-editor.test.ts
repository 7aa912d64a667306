// The cx-map.yaml editor (issue #6), asserted through VS Code's public commands in the fixture workspace. Edits are
// made to the open map's buffer and never saved, so the map on disk (which other tests read) stays as it is; every
// test puts the buffer back.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseMap } from '../../src/core/map/parse';
import type { CxImpactApi } from '../../src/extension';
import { uncoveredByFolder } from '../../src/map-editor/map-commands';
import { api, eventually, file, fixture } from './support';
import { Command } from '../../src/workspace/command-ids';

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'cx-impact');
}

function codeAt(d: vscode.Diagnostic): string {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return `${String(code)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
}

/** Replaces the whole buffer (one edit, not saved). */
async function setText(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

/** Puts the buffer back to the file on disk. */
async function revert(doc: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.equal(doc.isDirty, false);
}

function lineOf(text: string, needle: string): number {
  const line = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `no line with ${needle}`);
  return line;
}

function rangeOf(text: string, needle: string): string {
  const line = lineOf(text, needle);
  const start = text.split('\n')[line]!.indexOf(needle);
  return `${line}:${start}-${line}:${start + needle.length}`;
}

(fixture === 'workspace' ? describe : describe.skip)('map editor (workspace fixture)', () => {
  let cx: CxImpactApi;
  let mapUri: vscode.Uri;
  let doc: vscode.TextDocument;
  let original: string;

  before(async () => {
    cx = await api();
    // VS Code for the Web (the offline host) saves after a second by default; these tests edit without saving.
    // User settings, not the workspace's: a .vscode/settings.json would show up as a change in other tests.
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    mapUri = file('cx-map.yaml');
    original = fs.readFileSync(mapUri.fsPath, 'utf8');
    doc = await vscode.workspace.openTextDocument(mapUri);
    await vscode.window.showTextDocument(doc);
  });

  afterEach(async () => {
    if (doc.isDirty) await revert(doc);
  });

  describe('live diagnostics', () => {
    it('shows the engine codes and the workspace checks at their ranges as the user types, before saving', async () => {
      const broken = original
        .replace('    tier: critical', '    tiers: critical')
        .replace('channel: email', 'channel: emial')
        .replace(
          '          - services/payments/receipt.ts',
          '          - services/payments/receipt.ts\n          - "*.ts"',
        );
      await setText(doc, broken);
      assert.ok(doc.isDirty);
      const expected = [
        `unknown-key@${rangeOf(broken, 'tiers')}`,
        `bad-channel@${rangeOf(broken, 'emial')}`,
        `pattern-covers-nothing@${rangeOf(broken, '"*.ts"')}`,
      ];
      const edited = Date.now();
      const found = await eventually('the three diagnostics of the unsaved text', 10_000, () => {
        const codes = ours(mapUri).map(codeAt);
        return expected.every((e) => codes.includes(e)) ? codes : undefined;
      });
      console.log(
        `[cx-impact tests] live diagnostics (parser and workspace checks) shown ${Date.now() - edited} ms after the edit`,
      );
      assert.deepEqual(found.sort(), [...expected].sort());
      const covers = ours(mapUri).find((d) => d.code === 'pattern-covers-nothing');
      assert.match(covers?.message ?? '', /Did you mean `\*\*\/\*\.ts`\?/);
      assert.equal(covers?.severity, vscode.DiagnosticSeverity.Warning);
      assert.equal(fs.readFileSync(mapUri.fsPath, 'utf8'), original, 'nothing was saved');

      await revert(doc);
      await eventually('the diagnostics of the saved map again', 10_000, () =>
        ours(mapUri).length === 0 ? true : undefined,
      );
    });

    it("says when a symbols entry names no symbol of the touchpoint's files (once the language answers)", async () => {
      const text = original.replace('          - formatRefundStatus', '          - formatRefundStatuz');
      await setText(doc, text);
      const started = Date.now();
      let lastRecheck = Date.now();
      const found = await eventually('symbol-not-found on the misspelt name', 30_000, () => {
        const mine = ours(mapUri).filter((d) => d.code === 'symbol-not-found');
        if (mine.length > 0) return mine;
        // The TypeScript server may still be starting; an empty answer is not kept, so ask again now and then.
        if (Date.now() - lastRecheck > 2000) {
          lastRecheck = Date.now();
          cx.maps.recheck();
        }
        return undefined;
      });
      console.log(`[cx-impact tests] symbol check answered ${Date.now() - started} ms after the edit`);
      assert.deepEqual(found.map(codeAt), [`symbol-not-found@${rangeOf(text, 'formatRefundStatuz')}`]);
    });

    it('warns about a package map pattern and touchpoint that cover nothing', async () => {
      const web = file('packages/web/cx-map.yaml');
      const text = fs.readFileSync(web.fsPath, 'utf8');
      const codes = await eventually('the workspace checks of packages/web', 10_000, () => {
        const found = ours(web).map(codeAt);
        return found.length >= 2 ? found : undefined;
      });
      assert.deepEqual(
        codes.sort(),
        [
          `pattern-covers-nothing@${rangeOf(text, 'src/product/**')}`,
          `touchpoint-covers-nothing@${rangeOf(text, 'product-page')}`,
        ].sort(),
      );
    });
  });

  describe('quick fixes', () => {
    it('offers a fix for each problem, and applying them yields a map that check accepts', async () => {
      const broken = original
        .replace('    tier: critical', '    tiers: critical')
        .replace('channel: email', 'channel: emial')
        .replace(
          '          - services/payments/receipt.ts',
          '          - services/payments/receipt.ts\n          - "*.ts"',
        );
      await setText(doc, broken);
      const wanted = ['Rename the key to `tier`', 'Change to `email`', 'Anchor as `**/*.ts` (any depth)'];
      for (const title of wanted) {
        const action = await eventually(`the quick fix "${title}"`, 10_000, async () => {
          for (const d of ours(mapUri)) {
            const actions =
              (await vscode.commands.executeCommand<vscode.CodeAction[]>(
                'vscode.executeCodeActionProvider',
                mapUri,
                d.range,
                vscode.CodeActionKind.QuickFix.value,
              )) ?? [];
            const found = actions.find((a) => a.title === title);
            if (found) return found;
          }
          return undefined;
        });
        assert.ok(action.edit, `"${title}" carries an edit`);
        assert.ok(await vscode.workspace.applyEdit(action.edit));
      }
      const fixed = doc.getText();
      assert.equal(
        fixed,
        original.replace(
          '          - services/payments/receipt.ts',
          '          - services/payments/receipt.ts\n          - "**/*.ts"',
        ),
      );
      assert.deepEqual(parseMap(fixed, 'cx-map.yaml').diagnostics, [], 'check accepts the fixed map');
    });

    it('removes a pattern that covers nothing when the touchpoint keeps another', async () => {
      const text = original.replace(
        '          - services/payments/receipt.ts',
        '          - services/payments/receipt.ts\n          - nowhere/**  # old',
      );
      await setText(doc, text);
      const range = await eventually(
        'the pattern warning',
        10_000,
        () => ours(mapUri).find((d) => d.code === 'pattern-covers-nothing')?.range,
      );
      const actions =
        (await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          mapUri,
          range,
          vscode.CodeActionKind.QuickFix.value,
        )) ?? [];
      const remove = actions.find((a) => a.title === 'Remove this pattern');
      assert.ok(remove?.edit, `actions: ${actions.map((a) => a.title).join(', ')}`);
      assert.ok(await vscode.workspace.applyEdit(remove.edit));
      assert.equal(doc.getText(), original);
    });

    it('creates a missing touchpoints list', async () => {
      const start = lineOf(original, '    touchpoints:');
      const end = lineOf(original, '  - id: refunds') - 1;
      const lines = original.split('\n');
      const text = [...lines.slice(0, start), ...lines.slice(end)].join('\n');
      await setText(doc, text);
      const range = await eventually(
        'the missing-field error',
        10_000,
        () => ours(mapUri).find((d) => d.code === 'missing-field')?.range,
      );
      const actions =
        (await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          mapUri,
          range,
          vscode.CodeActionKind.QuickFix.value,
        )) ?? [];
      const add = actions.find((a) => a.title === 'Add a `touchpoints` list');
      assert.ok(add?.edit, `actions: ${actions.map((a) => a.title).join(', ')}`);
      assert.ok(await vscode.workspace.applyEdit(add.edit));
      assert.equal(
        parseMap(doc.getText(), 'cx-map.yaml').diagnostics.filter((d) => d.severity === 'error').length,
        0,
        doc.getText(),
      );
    });
  });

  describe('completion', () => {
    async function complete(position: vscode.Position): Promise<string[]> {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        mapUri,
        position,
      );
      return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    }

    it('offers the four tiers after `tier: `', async () => {
      const line = lineOf(original, 'tier: critical');
      const labels = await complete(new vscode.Position(line, '    tier: '.length));
      for (const tier of ['critical', 'high', 'medium', 'low'])
        assert.ok(labels.includes(tier), `${tier} in ${labels.join(', ')}`);
      assert.ok(!labels.includes('web'), 'no channels for a tier');
    });

    it('offers the channels after `channel: `', async () => {
      const line = lineOf(original, 'channel: email');
      const labels = await complete(new vscode.Position(line, '        channel: '.length));
      assert.ok(labels.includes('contact-center') && labels.includes('email'), labels.join(', '));
    });

    it('offers workspace folders in `paths`, then the folders inside the one typed', async () => {
      const line = lineOf(original, '- services/payments/**');
      const top = await complete(new vscode.Position(line, '          - '.length));
      assert.ok(top.includes('services/') && top.includes('packages/'), top.join(', '));
      const inner = await complete(new vscode.Position(line, '          - services/'.length));
      assert.ok(inner.includes('payments/') && inner.includes('search/'), inner.join(', '));
    });

    it('offers the keys a touchpoint does not have yet, and a new touchpoint snippet', async () => {
      const text = original.replace('        channel: email\n', '        channel: email\n        \n');
      await setText(doc, text);
      const labels = await complete(new vscode.Position(lineOf(text, 'channel: email') + 1, 8));
      assert.ok(labels.includes('description') && labels.includes('symbols'), labels.join(', '));
      assert.ok(!labels.includes('channel') && !labels.includes('name'), 'keys it has are not offered');
      const item = await complete(new vscode.Position(lineOf(text, '- id: confirmation-email'), '      - '.length));
      assert.ok(item.includes('New touchpoint'), item.join(', '));
    });
  });

  describe('hover', () => {
    it('reports how many files a pattern covers, with the first ones', async () => {
      const line = lineOf(original, '- services/payments/**');
      const hovers =
        (await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          mapUri,
          new vscode.Position(line, 16),
        )) ?? [];
      const text = hovers
        .flatMap((h) => h.contents)
        .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
        .join('\n');
      const onDisk = fs.readdirSync(file('services/payments').fsPath).length;
      assert.match(text, new RegExp(`covers \\*\\*${onDisk} files\\*\\*`), text);
      assert.match(text, /\[services\/payments\/charge\.ts\]\(file:/);
    });

    it('says what a key means', async () => {
      const line = lineOf(original, 'tier: critical');
      const hovers =
        (await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          mapUri,
          new vscode.Position(line, 5),
        )) ?? [];
      const text = hovers
        .flatMap((h) => h.contents)
        .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
        .join('\n');
      assert.match(text, /most critical journeys first/);
    });
  });

  describe('CodeLens', () => {
    it('counts the files and touchpoints of each journey and the files of each touchpoint', async () => {
      const lenses = await eventually('the map lenses', 10_000, async () => {
        const all =
          (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', mapUri)) ?? [];
        const mine = all.filter((l) => l.command?.command === Command.showTouchpointFiles);
        return mine.length > 0 ? mine : undefined;
      });
      const titles = lenses.map((l) => [l.range.start.line, l.command?.title]);
      // services/payments holds charge.ts, charge.test.ts (left out by the ! pattern), receipt.ts and refund.ts.
      assert.deepEqual(titles.slice(0, 3), [
        [lineOf(original, '- id: checkout'), '3 files · 2 touchpoints'],
        [lineOf(original, '- id: pay'), 'covers 3 files'],
        [lineOf(original, '- id: confirmation-email'), 'covers 1 file'],
      ]);
      assert.equal(lenses.length, 3 + 3 + 2);
    });
  });

  describe('outline', () => {
    it('lists journeys with their touchpoints', async () => {
      const symbols =
        (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
          'vscode.executeDocumentSymbolProvider',
          mapUri,
        )) ?? [];
      const tree = symbols.map((s) => [s.name, s.children.map((c) => c.name)]);
      assert.deepEqual(
        tree.filter(([name]) => ['checkout', 'refunds', 'sign-in'].includes(name as string)),
        [
          ['checkout', ['pay', 'confirmation-email']],
          ['refunds', ['request-refund', 'refund-status']],
          ['sign-in', ['login']],
        ],
      );
    });
  });

  describe('go to definition', () => {
    it('leads from `journey/touchpoint` and a bare journey id in notes to the ids in the map', async () => {
      // Outside the workspace, so that no test counting the workspace's files sees it.
      const notes = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cx-notes-')), 'notes.md');
      fs.writeFileSync(notes, 'Slow: checkout/pay and all of refunds.\n');
      const uri = vscode.Uri.file(notes);
      await vscode.workspace.openTextDocument(uri);
      const at = async (needle: string) => {
        const locations =
          (await vscode.commands.executeCommand<vscode.Location[]>(
            'vscode.executeDefinitionProvider',
            uri,
            new vscode.Position(0, 'Slow: checkout/pay and all of refunds.'.indexOf(needle) + 1),
          )) ?? [];
        return locations.filter((l) => l.uri.toString() === mapUri.toString()).map((l) => l.range.start.line);
      };
      assert.deepEqual(await at('checkout/pay'), [lineOf(original, '- id: pay')]);
      assert.deepEqual(await at('refunds'), [lineOf(original, '- id: refunds')]);
      fs.rmSync(path.dirname(notes), { recursive: true, force: true });
    });
  });

  describe('Add this file to a touchpoint', () => {
    it('adds the entry keeping every comment, and one undo restores the map byte for byte', async () => {
      const added = await vscode.commands.executeCommand<boolean>(Command.addFileToTouchpoint, file('docs/notes.md'), {
        journey: 'checkout',
        touchpoint: 'pay',
        pattern: 'docs/notes.md',
      });
      assert.equal(added, true);
      assert.equal(
        doc.getText(),
        original.replace(
          '"!services/payments/**/*.test.ts"\n',
          '"!services/payments/**/*.test.ts"\n          - docs/notes.md\n',
        ),
      );
      assert.equal(fs.readFileSync(mapUri.fsPath, 'utf8'), original, 'the map is changed in the editor, not saved');
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('undo');
      assert.equal(doc.getText(), original);
    });

    it('creates a journey and a touchpoint for the file, in one undo step', async () => {
      const added = await vscode.commands.executeCommand<boolean>(
        Command.addFileToTouchpoint,
        file('services/search/index.ts'),
        {
          journey: 'search',
          newJourney: { name: 'Search the shop' },
          touchpoint: 'results',
          newTouchpoint: { name: 'See results' },
          pattern: 'services/search/**',
        },
      );
      assert.equal(added, true);
      const text = doc.getText();
      assert.ok(text.startsWith(original.trimEnd()), 'everything before stays as it was');
      assert.deepEqual(parseMap(text, 'cx-map.yaml').diagnostics, []);
      assert.deepEqual(
        parseMap(text, 'cx-map.yaml').map?.journeys.map((j) => j.id),
        ['checkout', 'refunds', 'sign-in', 'search'],
      );
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('undo');
      assert.equal(doc.getText(), original);
    });
  });

  describe('workspace files', () => {
    function onDisk(dir: string, prefix = ''): string[] {
      return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        if (e.name === '.git') return [];
        return e.isDirectory() ? onDisk(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`];
      });
    }

    it("lists the folder's files relative to it, and again after a file is created and deleted", async () => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      assert.ok(folder);
      const listed = await cx.files.filesOf(folder);
      assert.deepEqual(
        [...listed],
        onDisk(folder.uri.fsPath).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
      );
      const version = cx.files.version;
      const extra = file('docs/listed-by-test.md');
      fs.writeFileSync(extra.fsPath, 'x\n');
      try {
        await eventually('the new file listed', 20_000, async () =>
          (await cx.files.filesOf(folder)).includes('docs/listed-by-test.md') ? true : undefined,
        );
        assert.ok(cx.files.version > version);
      } finally {
        fs.rmSync(extra.fsPath, { force: true });
      }
      await eventually('the deleted file gone', 20_000, async () =>
        (await cx.files.filesOf(folder)).includes('docs/listed-by-test.md') ? undefined : true,
      );
    });
  });

  describe('files no journey covers', () => {
    it('groups the uncovered files by folder, with the saved maps in use', async () => {
      const groups = await uncoveredByFolder(cx.maps, cx.files);
      const byDir = new Map(groups.map((g) => [g.dir, g.files]));
      assert.deepEqual(byDir.get('services/search'), ['services/search/index.ts']);
      assert.deepEqual(
        byDir.get('services/payments'),
        ['services/payments/charge.test.ts'],
        'left out by the ! pattern',
      );
      assert.ok(byDir.get('docs')?.includes('docs/notes.md'));
      const all = groups.flatMap((g) => g.files);
      assert.ok(
        !all.includes('services/payments/charge.ts') && !all.includes('packages/web/src/cart.ts'),
        'covered files are not listed',
      );
      const counts = groups.map((g) => g.files.length);
      assert.deepEqual(
        counts,
        [...counts].sort((a, b) => b - a),
        'most files first',
      );
    });
  });

  describe('settings and manifest', () => {
    it('hides a workspace warning whose severity is set to off', async () => {
      const web = file('packages/web/cx-map.yaml');
      const config = vscode.workspace.getConfiguration('cxImpact');
      await eventually('the pattern warning', 10_000, () =>
        ours(web).some((d) => d.code === 'pattern-covers-nothing') ? true : undefined,
      );
      await config.update(
        'mapDiagnostics.severity',
        { 'pattern-covers-nothing': 'off', 'touchpoint-covers-nothing': 'hint' },
        vscode.ConfigurationTarget.Global,
      );
      try {
        // The parser's diagnostics are shown first, the workspace checks' once they answer: wait for the latter.
        const codes = await eventually('the warning gone and the other one a hint', 10_000, () => {
          const found = ours(web);
          return found.some(
            (d) => d.code === 'touchpoint-covers-nothing' && d.severity === vscode.DiagnosticSeverity.Hint,
          )
            ? found
            : undefined;
        });
        assert.deepEqual(
          codes.map((d) => [d.code, d.severity]),
          [['touchpoint-covers-nothing', vscode.DiagnosticSeverity.Hint]],
        );
      } finally {
        await config.update('mapDiagnostics.severity', undefined, vscode.ConfigurationTarget.Global);
      }
      await eventually('the warning back', 10_000, () =>
        ours(web).some((d) => d.code === 'pattern-covers-nothing') ? true : undefined,
      );
    });

    it('contributes the JSON Schema for the Red Hat YAML extension, and the schema is shipped', () => {
      const ext = vscode.extensions.getExtension('cx-impact.cx-impact');
      assert.ok(ext);
      const contributes = (
        ext.packageJSON as { contributes: { yamlValidation?: Array<{ fileMatch: string[]; url: string }> } }
      ).contributes;
      assert.deepEqual(contributes.yamlValidation, [
        { fileMatch: ['cx-map.yaml', 'cx-map.yml'], url: './schema/cx-map.schema.json' },
      ]);
      const schema = JSON.parse(
        fs.readFileSync(vscode.Uri.joinPath(ext.extensionUri, 'schema/cx-map.schema.json').fsPath, 'utf8'),
      ) as { required?: string[] };
      assert.deepEqual(schema.required?.sort(), ['journeys', 'version']);
      const ignore = fs.readFileSync(vscode.Uri.joinPath(ext.extensionUri, '.vscodeignore').fsPath, 'utf8');
      assert.match(ignore, /^!schema\/\*\*$/m);
    });

    it('opens the existing map instead of overwriting it when asked to create one', async () => {
      const uri = await vscode.commands.executeCommand<vscode.Uri>(Command.createMap, file('README.md'));
      assert.equal(uri?.toString(), mapUri.toString());
      assert.equal(fs.readFileSync(mapUri.fsPath, 'utf8'), original);
    });
  });

  after(async () => {
    assert.ok(cx.files, 'the API exposes the workspace files');
    await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Global);
  });
});
