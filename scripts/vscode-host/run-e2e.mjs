#!/usr/bin/env node
// Packages the extension (dist/cx-impact.vsix) and runs the end-to-end checks in test/e2e/ against it.
//
//   node scripts/vscode-host/run-e2e.mjs [--no-package]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { assertHostInstalled } from './offline-host.mjs';
import { projectRoot } from './paths.mjs';

function run(command, args) {
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit' });
  return result.status ?? 1;
}

export function runE2e({ pack = true } = {}) {
  assertHostInstalled();
  if (pack && run('npm', ['run', '--silent', 'package']) !== 0) return 1;
  const mocha = path.join(projectRoot, 'node_modules', 'mocha', 'bin', 'mocha.js');
  // Its own options: the project's .mocharc.json is for the unit tests.
  return run(process.execPath, [
    mocha,
    '--no-config',
    '--require',
    'tsx/cjs',
    '--timeout',
    '180000',
    '--reporter',
    'spec',
    'test/e2e/**/*.e2e.ts',
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit(runE2e({ pack: !process.argv.includes('--no-package') }));
}
