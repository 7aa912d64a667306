// The CX Impact sidebar (This File, Changes, Journeys) in the fixture workspace, read through the Sidebar's
// snapshot. The launcher makes the fixture copy a git repository with one commit on `main`; tests that edit files
// put them back.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CxImpactApi } from '../../src/extension';
import type { TreeSnapshot } from '../../src/views/sidebar';
import { toSnapshot } from '../../src/views/view-node';
import { api, eventually, file, fixture, fixtureDir } from './support';

/** Labels and descriptions only, `label (description)`, nested by indentation: readable in a failure message. */
function outline(nodes: readonly TreeSnapshot[] | undefined, depth = 0): string {
  return (nodes ?? [])
    .map(
      (n) =>
        `${'  '.repeat(depth)}${n.label}${n.description ? ` (${n.description})` : ''}\n${outline(n.children, depth + 1)}`,
    )
    .join('');
}

function child(nodes: readonly TreeSnapshot[] | undefined, label: string): TreeSnapshot | undefined {
  return nodes?.find((n) => n.label === label);
}

(fixture === 'workspace' ? describe : describe.skip)('sidebar (workspace fixture)', () => {
  let cx: CxImpactApi;
  before(async () => {
    cx = await api();
  });

  describe('This File', () => {
    it('shows the touchpoint of the active covered file, with the deciding pattern and its map line', async () => {
      await vscode.window.showTextDocument(file('services/payments/charge.ts'));
      const shown = await eventually('This File to follow the editor', 5_000, async () => {
        const { thisFile } = await cx.sidebar.snapshot();
        return thisFile.length > 0 ? thisFile : undefined;
      });
      assert.deepEqual(shown, [
        {
          label: 'Checkout › Pay for the order',
          description: 'critical · web',
          children: [{ label: 'services/payments/**', description: 'cx-map.yaml:19' }],
        },
      ]);
    });

    it('shows the touchpoints of a revealed file of the nested package', async () => {
      await cx.sidebar.revealFile(file('packages/web/src/cart.ts'));
      const { thisFile } = await cx.sidebar.snapshot();
      assert.deepEqual(thisFile, [
        {
          label: 'Browse the catalogue › Add to cart',
          description: 'high · web',
          children: [{ label: 'src/cart.ts', description: 'packages/web/cx-map.yaml:13' }],
        },
      ]);
    });

    it('is empty for a file no journey covers', async () => {
      await vscode.window.showTextDocument(file('services/search/index.ts'));
      const empty = await eventually('This File to empty', 5_000, async () => {
        const { thisFile } = await cx.sidebar.snapshot();
        return thisFile.length === 0 ? thisFile : undefined;
      });
      assert.deepEqual(empty, []);
    });
  });

  describe('Journeys', () => {
    it('lists every journey of both maps, most critical first, with touchpoint and file counts', async () => {
      const { journeys } = await cx.sidebar.snapshot();
      assert.deepEqual(
        journeys.map((j) => [j.label, j.description]),
        [
          ['Checkout', 'critical · 2 touchpoints · 3 files'],
          ['Refunds', 'high · 2 touchpoints · 1 file'],
          ['Browse the catalogue', 'high · 2 touchpoints · 1 file'],
          ['Sign in', 'medium · 1 touchpoint · 1 file'],
        ],
        outline(journeys),
      );
      const checkout = child(journeys, 'Checkout');
      assert.deepEqual(checkout?.children, [
        {
          label: 'Pay for the order',
          description: '3 files · web',
          children: [
            { label: 'charge.ts', description: 'services/payments' },
            { label: 'receipt.ts', description: 'services/payments' },
            { label: 'refund.ts', description: 'services/payments' },
          ],
        },
        {
          label: 'Order confirmation email',
          description: '1 file · email',
          children: [{ label: 'receipt.ts', description: 'services/payments' }],
        },
      ]);
      const browse = child(journeys, 'Browse the catalogue');
      assert.deepEqual(
        browse?.children?.map((t) => [t.label, t.description, t.children?.map((f) => f.label)]),
        [
          ['Add to cart', '1 file · web', ['cart.ts']],
          ['Product page', '0 files · web', []],
        ],
      );
    });

    it('filters by tier, and lists every journey again without a filter', async () => {
      await cx.sidebar.filterJourneysByTier(['critical', 'medium']);
      const filtered = (await cx.sidebar.snapshot()).journeys.map((j) => j.label);
      await cx.sidebar.filterJourneysByTier([]);
      const all = (await cx.sidebar.snapshot()).journeys.map((j) => j.label);
      assert.deepEqual(filtered, ['Checkout', 'Sign in']);
      assert.deepEqual(all, ['Checkout', 'Refunds', 'Browse the catalogue', 'Sign in']);
    });

    it('lists a new covered file once it exists', async () => {
      const added = file('services/accounts/logout.ts');
      await vscode.workspace.fs.writeFile(added, new TextEncoder().encode('export const logout = () => undefined;\n'));
      try {
        const signIn = await eventually('the new file under Sign in', 20_000, async () => {
          const found = child((await cx.sidebar.snapshot()).journeys, 'Sign in');
          return found?.description === 'medium · 1 touchpoint · 2 files' ? found : undefined;
        });
        assert.deepEqual(
          signIn.children?.[0]?.children?.map((f) => f.label),
          ['login.ts', 'logout.ts'],
        );
      } finally {
        await vscode.workspace.fs.delete(added);
      }
    });
  });

  describe('Changes', () => {
    const changed = 'services/accounts/login.ts';
    let original: string | undefined;

    before(function () {
      // The launcher makes the fixture copy a repository; without one there is no change to show.
      if (!fixtureDir || !fs.existsSync(path.join(fixtureDir, '.git'))) {
        this.skip();
      }
    });

    afterEach(() => {
      if (original !== undefined) fs.writeFileSync(path.join(fixtureDir, changed), original);
      original = undefined;
      fs.rmSync(path.join(fixtureDir, 'services/payments/fees.ts'), { force: true });
    });

    it('starts with no change in the working tree and no commit since main', async () => {
      const clean = (changes: TreeSnapshot[]) =>
        JSON.stringify(changes.map((g) => [g.label, g.children?.map((c) => c.label)])) ===
        JSON.stringify([
          ['Working tree', ['No uncommitted changes.']],
          ['Branch vs main', ['No commits since main.']],
        ]);
      let last: TreeSnapshot[] = [];
      try {
        // Earlier tests put their files back; git notices that a moment later.
        await eventually('a clean repository', 20_000, async () => {
          last = (await cx.sidebar.snapshot()).changes;
          return clean(last) ? last : undefined;
        });
      } catch (err) {
        assert.fail(`${String(err)}; the Changes view shows:\n${outline(last)}`);
      }
    });

    it('shows a modified covered file under its journey and touchpoint, and an untracked one too', async () => {
      const target = path.join(fixtureDir, changed);
      original = fs.readFileSync(target, 'utf8');
      fs.writeFileSync(target, `${original}\n// Changed by the sidebar test.\n`);
      fs.writeFileSync(path.join(fixtureDir, 'services/payments/fees.ts'), 'export const fee = 0;\n');

      const working = await eventually('both changes in the Working tree group', 20_000, async () => {
        const group = child((await cx.sidebar.snapshot()).changes, 'Working tree');
        return group?.description === '2 files · 2 journeys' ? group : undefined;
      });
      assert.deepEqual(working.children, [
        {
          label: 'Checkout',
          description: 'critical · 1 touchpoint',
          children: [
            {
              label: 'Pay for the order',
              description: '1 file · web',
              // The changed declarations sit under the file (symbol precision, contract §3).
              children: [
                {
                  label: 'fees.ts',
                  description: 'services/payments · untracked',
                  children: [{ label: 'fee', description: 'line 1, added' }],
                },
              ],
            },
          ],
        },
        {
          label: 'Sign in',
          description: 'medium · 1 touchpoint',
          children: [
            {
              label: 'Log in',
              description: '1 file · web',
              children: [{ label: 'login.ts', description: 'services/accounts · modified' }],
            },
          ],
        },
      ]);
    });

    it('shows only whole answers: while a change comes in and on a refresh, every state it shows is the one before or the final one', async () => {
      // Every answer the tree gives VS Code, read when it says its items changed (VS Code then asks for them).
      const tree = cx.sidebar.changesTree();
      const shownNow = async (): Promise<string> => outline(((await tree.getChildren()) ?? []).map(toSnapshot));
      // The earlier tests put their files back; git notices that a moment later.
      const before = await eventually('a clean working tree', 20_000, async () => {
        const changes = (await cx.sidebar.snapshot()).changes;
        return child(changes, 'Working tree')?.children?.[0]?.label === 'No uncommitted changes.'
          ? outline(changes)
          : undefined;
      });
      // What a hidden view would be sent waits until it shows (the next test): these states are the shown ones.
      await vscode.commands.executeCommand('cxImpact.changes.focus');
      await eventually('the Changes view shown', 10_000, () => (cx.sidebar.changesVisible() ? true : undefined));
      const shown: Promise<string>[] = [];
      const listening = tree.onDidChangeTreeData?.(() => shown.push(shownNow()));
      try {
        // A covered file whose declaration the symbols read names: shown before they are read, it would lack `fee`.
        fs.writeFileSync(path.join(fixtureDir, 'services/payments/fees.ts'), 'export const fee = 0;\n');
        await eventually('the new file in the Working tree group', 20_000, async () => {
          const group = child((await cx.sidebar.snapshot()).changes, 'Working tree');
          return group?.description === '1 file · 1 journey' ? group : undefined;
        });
        cx.sidebar.refresh();
        const final = outline((await cx.sidebar.snapshot()).changes);
        assert.match(final, /fees\.ts \(services\/payments · untracked\)\n\s+fee \(line 1, added\)/);
        const states = await Promise.all(shown);
        assert.ok(states.includes(final), 'the final state was shown');
        const others = states.filter((s) => s !== before && s !== final);
        assert.deepEqual(
          others,
          [],
          `a state between the one before and the final one was shown; the final one:\n${final}`,
        );
      } finally {
        listening?.dispose();
      }
    });

    it('holds what changed while it is hidden and sends it when it shows, fetched anew', async () => {
      // VS Code keeps a refresh sent to a hidden view and replays it when the view shows, reading the children it
      // already has; its batching then gave an expanded journey no rows in 1 of 2 e2e runs (src/views/node-tree.ts).
      const tree = cx.sidebar.changesTree();
      await vscode.commands.executeCommand('workbench.view.explorer');
      await eventually('the Changes view hidden', 10_000, () => (cx.sidebar.changesVisible() ? undefined : true));
      let fired = 0;
      const listening = tree.onDidChangeTreeData?.(() => fired++);
      const target = path.join(fixtureDir, 'services/search/hidden.ts');
      try {
        fs.writeFileSync(target, 'export const hidden = true;\n');
        await eventually('the new file in the Working tree group', 20_000, async () => {
          const working = child((await cx.sidebar.snapshot()).changes, 'Working tree');
          return child(child(working?.children, 'Not in any journey')?.children, 'hidden.ts');
        });
        assert.equal(fired, 0, 'a refresh was sent while the view was hidden');
        await vscode.commands.executeCommand('cxImpact.changes.focus');
        await eventually('a refresh once the view shows', 10_000, () => (fired > 0 ? true : undefined));
        const shown = outline(((await tree.getChildren()) ?? []).map(toSnapshot));
        assert.match(shown, /hidden\.ts \(services\/search · untracked\)/);
      } finally {
        listening?.dispose();
        fs.rmSync(target, { force: true });
        // The next test starts from a clean working tree.
        await eventually('a clean working tree again', 20_000, async () => {
          const working = child((await cx.sidebar.snapshot()).changes, 'Working tree');
          return working?.children?.[0]?.label === 'No uncommitted changes.' ? true : undefined;
        });
      }
    });

    it('puts a changed file no journey covers in its own group', async () => {
      const target = path.join(fixtureDir, 'services/search/index.ts');
      const before = fs.readFileSync(target, 'utf8');
      fs.writeFileSync(target, `${before}\n// Changed by the sidebar test.\n`);
      try {
        const group = await eventually('the uncovered change', 20_000, async () => {
          const working = child((await cx.sidebar.snapshot()).changes, 'Working tree');
          return child(working?.children, 'Not in any journey');
        });
        assert.deepEqual(group, {
          label: 'Not in any journey',
          description: '1 file',
          children: [{ label: 'index.ts', description: 'services/search · modified' }],
        });
      } finally {
        fs.writeFileSync(target, before);
      }
    });

    it('shows what the branch committed since main, a rename under both of its paths', async () => {
      const git = (...args: string[]) =>
        execFileSync('git', ['-c', 'user.name=CX Impact tests', '-c', 'user.email=tests@cx-impact.invalid', ...args], {
          cwd: fixtureDir,
          stdio: 'ignore',
        });
      git('checkout', '-q', '-b', 'sidebar-test');
      try {
        git('mv', 'services/payments/refund.ts', 'services/accounts/refund.ts');
        git('commit', '-q', '-m', 'Move refunds to accounts');
        let last: TreeSnapshot[] = [];
        const branch = await eventually('the commit in the Branch vs main group', 20_000, async () => {
          last = (await cx.sidebar.snapshot()).changes;
          const group = child(last, 'Branch vs main');
          return group?.description === '2 files · 3 journeys' ? group : undefined;
        }).catch((err: unknown) => assert.fail(`${String(err)}; the Changes view shows:\n${outline(last)}`));
        const from = { label: 'refund.ts', description: 'services/payments · renamed to services/accounts/refund.ts' };
        assert.deepEqual(branch.children, [
          {
            label: 'Checkout',
            description: 'critical · 1 touchpoint',
            children: [{ label: 'Pay for the order', description: '1 file · web', children: [from] }],
          },
          {
            label: 'Refunds',
            description: 'high · 2 touchpoints',
            children: [
              // The file moved, so the symbols they name moved with it (symbol precision, contract §3).
              { label: 'Ask for a refund', description: '1 file · contact-center', children: [from] },
              { label: "See the refund's status", description: '1 file · web', children: [from] },
            ],
          },
          {
            label: 'Sign in',
            description: 'medium · 1 touchpoint',
            children: [
              {
                label: 'Log in',
                description: '1 file · web',
                children: [
                  { label: 'refund.ts', description: 'services/accounts · renamed from services/payments/refund.ts' },
                ],
              },
            ],
          },
        ]);
        assert.deepEqual(
          child(last, 'Working tree')?.children?.map((c) => c.label),
          ['No uncommitted changes.'],
          'a commit leaves nothing in the working tree',
        );
      } finally {
        git('checkout', '-q', 'main');
        git('branch', '-q', '-D', 'sidebar-test');
      }
    });
  });
});
