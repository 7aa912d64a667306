#!/usr/bin/env node
// l10n/bundle.l10n.json: every `vscode.l10n.t(...)` string of the extension's sources, collected by @vscode/l10n-dev
// (the tool VS Code's own extensions use). The build writes it; a unit test fails when the committed one is stale.
// `--pseudo` also writes the qps-ploc (pseudo-localized) manifest and bundle for the integration launch that proves
// nothing user-facing escapes localization; those are not committed and not packaged.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getL10nJson, getL10nPseudoLocalized } from '@vscode/l10n-dev';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE = path.join(root, 'l10n', 'bundle.l10n.json');
export const PSEUDO_LOCALE = 'qps-ploc';
export const PSEUDO_FILES = [
  path.join(root, `package.nls.${PSEUDO_LOCALE}.json`),
  path.join(root, 'l10n', `bundle.l10n.${PSEUDO_LOCALE}.json`),
];

/** The extension's sources: what runs in the extension host (not tests, not the CLI, not the webview page). */
export function sourceFiles(dir = path.join(root, 'src')) {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.endsWith('.test.ts'))
    .filter((file) => !file.split(path.sep).includes('test'))
    .sort()
    .map((file) => path.join(dir, file));
}

export async function bundleText() {
  const files = sourceFiles().map((file) => ({ extension: '.ts', contents: fs.readFileSync(file, 'utf8') }));
  const bundle = await getL10nJson(files);
  const sorted = Object.fromEntries(Object.entries(bundle).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return JSON.stringify(sorted, null, 2) + '\n';
}

export async function writeBundle() {
  const text = await bundleText();
  fs.mkdirSync(path.dirname(BUNDLE), { recursive: true });
  if (!fs.existsSync(BUNDLE) || fs.readFileSync(BUNDLE, 'utf8') !== text) fs.writeFileSync(BUNDLE, text);
  return BUNDLE;
}

/** Pseudo-localized copies of package.nls.json and the bundle; returns their paths (the caller removes them). */
export async function writePseudo() {
  await writeBundle();
  const [nlsOut, bundleOut] = PSEUDO_FILES;
  const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8'));
  fs.writeFileSync(nlsOut, JSON.stringify(getL10nPseudoLocalized(nls), null, 2) + '\n');
  fs.writeFileSync(
    bundleOut,
    JSON.stringify(getL10nPseudoLocalized(JSON.parse(fs.readFileSync(BUNDLE, 'utf8'))), null, 2) + '\n',
  );
  return PSEUDO_FILES;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(process.argv.includes('--pseudo') ? (await writePseudo()).join('\n') : await writeBundle());
}
