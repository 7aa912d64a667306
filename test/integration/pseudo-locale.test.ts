// Runs only in the first-run launch, whose VS Code is in the pseudo-locale (qps-ploc) with pseudo-localized copies of
// package.nls.json and l10n/bundle.l10n.json beside the extension: every string the extension shows must come out
// pseudo-localized. Anything left in plain English escaped localization. Screenshots: test-results/integration/.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CxImpactApi } from '../../src/extension';
import { api, eventually, file, fixture } from './support';
import { Command } from '../../src/workspace/command-ids';

const PSEUDO = 'qps-ploc';

/** VS Code hands localized command titles over as `{ value, original }`, other strings as they are. */
type Shown = string | { value: string; original: string };
const text = (shown: Shown | undefined): string => (typeof shown === 'object' ? shown.value : (shown ?? ''));

interface Manifest {
  contributes: {
    commands: { command: string; title: Shown; category?: Shown }[];
    views: Record<string, { id: string; name: Shown }[]>;
    viewsWelcome: { view: string; contents: Shown }[];
    walkthroughs: { title: Shown; steps: { title: Shown; description: Shown }[] }[];
  };
}

/** Pseudo-localization turns letters into accented look-alikes: a string with a run of three plain ASCII letters escaped. */
function looksPseudo(text: string): boolean {
  // Link targets, placeholders and codicons ($(pulse)) are no words.
  const withoutLinks = text
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/\{\d+\}/g, '')
    .replace(/\$\([\w-]+\)/g, '');
  return (
    /[\u00c0-\u024f\u1e00-\u1eff]/.test(withoutLinks) &&
    !/[A-Za-z]{3}/.test(withoutLinks.replace(/cx-map\.ya?ml|GitHub|CodeLens/g, ''))
  );
}

/** Two journeys cover src/index.ts, so its CodeLens has words of the extension's own (touchpoints, journeys). */
const MAP = `version: 1
journeys:
  - id: first
    name: First
    touchpoints:
      - id: a
        name: A
        paths: [src/**]
  - id: second
    name: Second
    tier: critical
    touchpoints:
      - id: b
        name: B
        paths: [src/index.ts]
`;

async function screenshot(name: string): Promise<void> {
  // The offline host takes it when this line reaches the workbench (scripts/vscode-host/offline-host.mjs).
  console.log(`[cx-impact screenshot] ${name}`);
  await new Promise((resolve) => setTimeout(resolve, 3_000));
}

(fixture === 'first-run' ? describe : describe.skip)(
  'pseudo-localized (qps-ploc): nothing user-facing escapes localization',
  function () {
    this.timeout(120_000);
    let cx: CxImpactApi;
    let root: string;
    let nls: Record<string, string>;
    let pseudoNls: Record<string, string>;
    let pseudoBundle: Record<string, string>;
    const mapFile = () => file('cx-map.yaml');

    before(async () => {
      cx = await api();
      // Let the first-run check see the workspace as it is (no map) before this module adds one.
      await cx.walkthrough.firstRun;
      const ext = vscode.extensions.getExtension('cx-impact.cx-impact');
      assert.ok(ext);
      root = ext.extensionUri.fsPath;
      const read = (f: string) => JSON.parse(fs.readFileSync(path.join(root, f), 'utf8')) as Record<string, string>;
      nls = read('package.nls.json');
      pseudoNls = read(`package.nls.${PSEUDO}.json`);
      pseudoBundle = read(`l10n/bundle.l10n.${PSEUDO}.json`);
      fs.writeFileSync(mapFile().fsPath, MAP);
      await eventually('the map to load', 30_000, () => (cx.maps.hasMaps() ? true : undefined));
    });

    after(async () => {
      // The walkthrough module after this one needs the workspace without a map again.
      fs.rmSync(mapFile().fsPath, { force: true });
      await eventually('the map to go', 30_000, () => (cx.maps.hasMaps() ? undefined : true));
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('VS Code runs in the pseudo-locale', () => {
      assert.equal(vscode.env.language, PSEUDO);
    });

    it('commands, view titles, the welcome text and the walkthrough come from package.nls.qps-ploc.json', () => {
      const ext = vscode.extensions.getExtension('cx-impact.cx-impact');
      const manifest = ext?.packageJSON as Manifest;
      const shown = [
        ...manifest.contributes.commands.flatMap((c) => [c.title, c.category]),
        ...Object.values(manifest.contributes.views).flatMap((views) => views.map((v) => v.name)),
        ...manifest.contributes.viewsWelcome.map((w) => w.contents),
        ...manifest.contributes.walkthroughs.flatMap((w) => [
          w.title,
          ...w.steps.flatMap((s) => [s.title, s.description]),
        ]),
      ]
        .map(text)
        .filter(Boolean);
      const pseudoValues = new Set(Object.values(pseudoNls));
      const english = shown.filter((text) => !pseudoValues.has(text));
      assert.deepEqual(english, [], 'shown as written in package.json or package.nls.json, not pseudo-localized');
      assert.ok(shown.every(looksPseudo), shown.filter((t) => !looksPseudo(t)).join('\n'));
      assert.ok(shown.length > 40, `${shown.length} strings`);
      assert.ok(!shown.some((t) => Object.values(nls).includes(t)), 'an English string of package.nls.json is shown');
    });

    it('every vscode.l10n.t string resolves to its pseudo-localized text', () => {
      const english = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<
        string,
        string
      >;
      assert.ok(Object.keys(english).length > 0);
      for (const key of Object.keys(english)) {
        assert.equal(vscode.l10n.t(key), pseudoBundle[key], key);
        assert.ok(looksPseudo(vscode.l10n.t(key)), vscode.l10n.t(key));
      }
    });

    it('a CodeLens shows the pseudo text, and so does a notification (screenshot)', async () => {
      const uri = file('src/index.ts');
      await vscode.window.showTextDocument(uri);
      const title = await eventually('a CX Impact CodeLens', 30_000, async () => {
        const all =
          (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
        return all.find((l) => l.command?.command === Command.revealInSidebar)?.command?.title;
      });
      console.log(`[pseudo-locale] CodeLens: ${title}`);
      // Journey names are the map's own words; everything else is the extension's, so pseudo-localized.
      assert.ok(looksPseudo(title.replace(/\b(First|Second|A|B)\b/g, '')), `CodeLens in plain English: ${title}`);
      await vscode.commands.executeCommand('workbench.view.extension.cxImpact');
      // A notification with the extension's own words (and a button): the copied CI workflow.
      await vscode.commands.executeCommand(Command.walkthroughCopyCiWorkflow);
      await screenshot('pseudo-locale-editor');
      const category = pseudoNls['category.CX-Impact'] ?? '';
      await vscode.commands.executeCommand('workbench.action.quickOpen', `>${category}`);
      await screenshot('pseudo-locale-commands');
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    });
  },
);
