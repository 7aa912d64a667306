#!/usr/bin/env node
// Copies chosen e2e screenshots (test-results/e2e/, written by `npm run test:e2e`) to docs/images/, where the
// README and docs use them. Run it after looking at the screenshots, when the UI changed on purpose.
//
//   node scripts/refresh-images.mjs                 copy every image listed below
//   node scripts/refresh-images.mjs 03-codelens     copy only the named ones
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from './vscode-host/paths.mjs';

/** Screenshot (without .png) -> file name in docs/images/. */
const IMAGES = {
  // What `npm run demo` opens (test/e2e/demo.e2e.ts): a covered file, its CodeLens, the branch's journeys.
  '00-demo': 'editor.png',
  // The same demo, scrolled to the journey a changed service reaches only through imports, with its chain.
  '01-demo-indirect': 'indirect.png',
  '05-hover': 'hover.png',
  '06-impact-report': 'impact-report.png',
  // The map editor: journey lenses, a bad tier's squiggle and its quick fix.
  '08-map-quick-fix': 'map-editor.png',
  // The journey catalogue in its webview, opened from the Journeys view's title bar (test/e2e/demo.e2e.ts).
  '09-catalog': 'catalog-vscode.png',
};

const source = path.join(projectRoot, 'test-results', 'e2e');
const target = path.join(projectRoot, 'docs', 'images');
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in IMAGES));
if (unknown.length) {
  console.error(`unknown screenshot(s): ${unknown.join(', ')}; known: ${Object.keys(IMAGES).join(', ')}`);
  process.exit(2);
}

fs.mkdirSync(target, { recursive: true });
let missing = 0;
for (const [shot, image] of Object.entries(IMAGES)) {
  if (wanted.length && !wanted.includes(shot)) continue;
  const from = path.join(source, `${shot}.png`);
  if (!fs.existsSync(from)) {
    console.error(`missing ${path.relative(projectRoot, from)}: run \`npm run test:e2e\` first`);
    missing += 1;
    continue;
  }
  fs.copyFileSync(from, path.join(target, image));
  console.log(`${path.relative(projectRoot, from)} -> docs/images/${image}`);
}
process.exit(missing ? 1 : 0);
