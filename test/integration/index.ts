// The integration suite's entry point: VS Code loads this module in the extension host (desktop or server) and
// awaits run(). It runs mocha over the bundled `*.test.js` files next to it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

/** Comma-separated test module names (e.g. `activation`) to run; all of them when unset. */
const ONLY_MODULES = 'CX_IMPACT_TEST_MODULES';

function testFiles(dir: string): string[] {
  const wanted = process.env[ONLY_MODULES]?.split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .filter((file) => !wanted || wanted.includes(path.basename(file, '.test.js')))
    .sort()
    .map((file) => path.join(dir, file));
}

export async function run(): Promise<void> {
  // Printed so a log says which VS Code the suite really ran in, whichever launcher started it.
  console.log(
    `[cx-impact tests] VS Code ${vscode.version} (${vscode.env.appName}, host: ${vscode.env.appHost}, ` +
      `fixture: ${process.env.CX_IMPACT_FIXTURE ?? 'unknown'})`,
  );
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  const files = testFiles(__dirname);
  if (files.length === 0)
    throw new Error(`No test modules selected in ${__dirname} (${ONLY_MODULES}=${process.env[ONLY_MODULES] ?? ''})`);
  for (const file of files) mocha.addFile(file);
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
