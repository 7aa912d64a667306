// The Changes view and the Impact Report follow HEAD by themselves: git runs in a child process, as from a terminal,
// and each step shows in both. The git extension's own refresh on file events is turned off (git.autorefresh), so
// only the extension's watch on HEAD and the refs can bring the change: without it, this test fails.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import type { CxImpactApi } from '../../src/extension';
import type { ReportSnapshot } from '../../src/report/report-panel';
import type { TreeSnapshot } from '../../src/views/sidebar';
import { api, eventually, fixture, fixtureDir } from './support';
import { Command } from '../../src/workspace/command-ids';

const run = promisify(execFile);

// Not TestRepo's git, on purpose: asynchronous, so the extension under test, in this same process, keeps running
// (its HEAD watcher and views) while git moves HEAD, as when a person runs git in a terminal.
async function git(...args: string[]): Promise<void> {
  await run('git', ['-c', 'user.name=CX Impact tests', '-c', 'user.email=tests@cx-impact.invalid', ...args], {
    cwd: fixtureDir,
  });
}

/** Generous for a loaded 2-core machine; a follow that works takes well under a second (the log says how long). */
const FOLLOW_MS = 15_000;
const BRANCH = 'follow-head-test';

function outline(nodes: readonly TreeSnapshot[]): string {
  return JSON.stringify(nodes.map((g) => [g.label, g.description, g.children?.map((c) => c.label)]));
}

(fixture === 'workspace' ? describe : describe.skip)(
  'the Changes view and the Impact Report follow HEAD (workspace fixture)',
  function () {
    this.timeout(120_000);
    let cx: CxImpactApi;
    let autorefresh: boolean | undefined;

    before(async function () {
      if (!fixtureDir || !fs.existsSync(path.join(fixtureDir, '.git'))) this.skip();
      cx = await api();
      const config = vscode.workspace.getConfiguration('git');
      autorefresh = config.inspect<boolean>('autorefresh')?.globalValue;
      await config.update('autorefresh', false, vscode.ConfigurationTarget.Global);
    });

    after(async () => {
      await vscode.workspace
        .getConfiguration('git')
        .update('autorefresh', autorefresh, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await git('checkout', '-q', '-f', 'main').catch(() => undefined);
      await git('branch', '-q', '-D', BRANCH).catch(() => undefined);
    });

    /** Waits for the view and the open report to show what `expected` checks; logs how long each took. */
    async function follows(
      step: string,
      view: (branch: string | undefined, changes: TreeSnapshot[]) => boolean,
      report: (snapshot: ReportSnapshot | undefined) => boolean,
    ): Promise<void> {
      const started = Date.now();
      let lastView = '';
      let lastReport = '';
      await Promise.all([
        eventually(`the Changes view after ${step}`, FOLLOW_MS, async () => {
          const changes = (await cx.sidebar.snapshot()).changes;
          const branch = await cx.sidebar.changesDescription();
          lastView = `${branch ?? '(none)'} ${outline(changes)}`;
          return view(branch, changes) ? true : undefined;
        }).then(() => console.log(`follow-head: the Changes view followed ${step} in ${Date.now() - started} ms`)),
        eventually(`the Impact Report after ${step}`, FOLLOW_MS, async () => {
          const snapshot = await cx.report.settled();
          lastReport = `${snapshot?.gathered?.label ?? snapshot?.page.message ?? '(none)'} ${JSON.stringify(snapshot?.gathered?.report.changedFiles)}`;
          return report(snapshot) ? true : undefined;
        }).then(() => console.log(`follow-head: the Impact Report followed ${step} in ${Date.now() - started} ms`)),
      ]).catch((err: unknown) => assert.fail(`${String(err)}\nview: ${lastView}\nreport: ${lastReport}`));
    }

    const branchGroup = (changes: TreeSnapshot[]) => changes.find((g) => g.label === 'Branch vs main');
    const noCommits = (changes: TreeSnapshot[]) =>
      branchGroup(changes)?.children?.[0]?.label === 'No commits since main.';

    it('shows checkout -b, commit, checkout main and branch -D made in a terminal', async () => {
      await vscode.commands.executeCommand(Command.showImpactReport, { kind: 'branch' });
      await follows(
        'the start',
        (branch, changes) => branch === 'main' && noCommits(changes),
        (s) => s?.gathered?.label === 'Branch main vs main',
      );

      await git('checkout', '-q', '-b', BRANCH);
      await follows(
        'git checkout -b',
        (branch, changes) => branch === BRANCH && noCommits(changes),
        (s) => s?.gathered?.label === `Branch ${BRANCH} vs main` && s.gathered.report.changedFiles.length === 0,
      );

      const login = path.join(fixtureDir, 'services/accounts/login.ts');
      fs.writeFileSync(login, `${fs.readFileSync(login, 'utf8')}// remember me\n`);
      await git('commit', '-q', '-am', 'Remember me');
      await follows(
        'git commit',
        (branch, changes) => branch === BRANCH && branchGroup(changes)?.description === '1 file · 1 journey',
        (s) =>
          s?.gathered?.label === `Branch ${BRANCH} vs main` &&
          s.gathered.report.changedFiles.join() === 'services/accounts/login.ts',
      );

      await git('checkout', '-q', 'main');
      await follows(
        'git checkout main',
        (branch, changes) => branch === 'main' && noCommits(changes),
        (s) => s?.gathered?.label === 'Branch main vs main' && s.gathered.report.changedFiles.length === 0,
      );

      await git('branch', '-q', '-D', BRANCH);
      await follows(
        'git branch -D',
        (branch, changes) => branch === 'main' && noCommits(changes),
        (s) => s?.gathered?.label === 'Branch main vs main' && !s.gathered.refs.some((r) => r.name === BRANCH),
      );
    });
  },
);
