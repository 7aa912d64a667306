#!/usr/bin/env node
// `npm run package`: a production build, then dist/cx-impact.vsix, its size against the budget.
//
// The repository's address is written in one place, package.json `config.repositoryUrl` (e.g.
// https://github.com/acme/cx-impact). When it is filled in, this script derives `repository`, `bugs` and `homepage`
// from it (writing them into package.json when they differ) and packages without --allow-missing-repository. While it
// is empty there is honestly no repository to name: the script says what to fill in and passes the flag.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTENSION_BUDGET_BYTES } from './bundles.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const VSIX = path.join(root, 'dist', 'cx-impact.vsix');
/** The .vsix may grow to this (bytes); most of it is tree-sitter's grammars (about 2.3 MB compressed). */
export const VSIX_BUDGET_BYTES = 3.5 * 1024 * 1024;

/** The three fields vsce and the Marketplace read, from the one address; undefined while it is empty. */
export function repositoryFields(repositoryUrl) {
  const url = (repositoryUrl ?? '')
    .trim()
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
  if (!url) return undefined;
  if (!/^https:\/\/[^\s/]+\/\S+$/.test(url))
    throw new Error(`package.json config.repositoryUrl must be an https:// URL, got "${repositoryUrl}"`);
  return { repository: { type: 'git', url: `${url}.git` }, bugs: { url: `${url}/issues` }, homepage: `${url}#readme` };
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const manifestPath = path.join(root, 'package.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  const fields = repositoryFields(manifest.config?.repositoryUrl);
  const flags = [];
  if (fields) {
    const stale = Object.entries(fields).some(
      ([key, value]) => JSON.stringify(manifest[key]) !== JSON.stringify(value),
    );
    if (stale) {
      Object.assign(manifest, fields);
      fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
      console.log('package.json: repository, bugs and homepage set from config.repositoryUrl');
    }
  } else {
    console.warn(
      'package.json config.repositoryUrl is empty: packaging without a repository link. Fill it in (the https URL of the ' +
        'repository) before publishing; see README.md, "Publishing".',
    );
    flags.push('--allow-missing-repository');
  }
  run(process.execPath, ['scripts/build.mjs', '--production']);
  const vsce = path.join(root, 'node_modules', '.bin', 'vsce');
  run(vsce, ['package', '--no-dependencies', '--no-rewrite-relative-links', ...flags, '-o', path.relative(root, VSIX)]);
  const extension = fs.statSync(path.join(root, 'dist', 'extension.js')).size;
  console.log(
    `dist/extension.js: ${extension} bytes, budget ${EXTENSION_BUDGET_BYTES} (what activation does not need is in bundles of its own)`,
  );
  if (extension > EXTENSION_BUDGET_BYTES) {
    console.error(
      `dist/extension.js is over its budget by ${extension - EXTENSION_BUDGET_BYTES} bytes: load what activation does not need on first use (scripts/bundles.mjs).`,
    );
    process.exit(1);
  }
  const size = fs.statSync(VSIX).size;
  const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
  console.log(`${path.relative(root, VSIX)}: ${size} bytes (${mb(size)}), budget ${mb(VSIX_BUDGET_BYTES)}`);
  if (size > VSIX_BUDGET_BYTES) {
    console.error(`The .vsix is over its budget by ${size - VSIX_BUDGET_BYTES} bytes: see what vsce ls lists.`);
    process.exit(1);
  }
}
