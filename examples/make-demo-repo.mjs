#!/usr/bin/env node
// Makes a git repository from examples/shop to try cx-impact on: a few commits on `main`, then the branch
// `feature/refund-speedup` (checked out) that changes covered and uncovered files, renames and deletes files, and
// edits the map. Commits carry fixed names and dates, so the commit ids (and the reports) are the same every time.
//
//   node examples/make-demo-repo.mjs [TARGET] [--force]
//
// TARGET defaults to examples/demo-repo (git-ignored). --force replaces a demo repository made earlier.
// `npm run demo` opens the same repository (scripts/demo.mjs imports makeDemoRepo).
//
// The history is the list STEPS below: one entry per commit, in order. To add a commit, add an entry where it
// belongs: `{ branch, message, tag?, change(r) }`, where `change` edits files through `r` (copy from examples/shop, write,
// edit = replace text that must be there, git). Every change the step makes is committed (`git add .`). A step on
// `main` after the feature branch's first step is committed on main (the branch then does not have it: a base that
// moved on). The CLI's snapshot (src/cli/snapshots/refund-speedup.md) shows the report; update it as its test says.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { devNull } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const shop = path.join(here, 'shop');

/** The branch the repository is left on. */
export const FEATURE_BRANCH = 'feature/refund-speedup';

/** Parts of examples/shop that later commits on main add. */
const later = new Set(['apps', 'packages', path.join('services', 'search')]);

export const STEPS = [
  {
    branch: 'main',
    message: 'Shop services, database and journey map',
    change(r) {
      for (const entry of readdirSync(shop)) if (!later.has(entry) && entry !== 'services') r.copy(entry);
      for (const entry of readdirSync(path.join(shop, 'services'))) if (!later.has(path.join('services', entry))) r.copy(path.join('services', entry));
    },
  },
  { branch: 'main', message: 'Add the mobile app', change: (r) => r.copy('apps') },
  { branch: 'main', message: 'Add the storefront package with its own journey map', change: (r) => r.copy('packages') },
  { branch: 'main', message: 'Add product search', change: (r) => r.copy(path.join('services', 'search')) },
  // Indirect impact (docs/indirect.md), part 1 of 2: on main, sign-in uses a session service that no touchpoint names.
  {
    branch: 'main',
    message: 'Accounts: session lifetime in the session service',
    change({ edit, write }) {
      write(
        'services/accounts/src/session.service.ts',
        `const DAY_MS = 24 * 3600 * 1000;

/** How long a session lasts after sign-in. */
export function sessionExpiry(now: Date): Date {
  return new Date(now.getTime() + 30 * DAY_MS);
}
`,
      );
      edit('services/accounts/src/login.ts', 'export interface Session {', "import { sessionExpiry } from './session.service';\n\nexport interface Session {");
      edit('services/accounts/src/login.ts', 'expiresAt: new Date(Date.now() + 30 * 24 * 3600 * 1000)', 'expiresAt: sessionExpiry(new Date())');
    },
  },
  {
    branch: FEATURE_BRANCH,
    message: 'Issue refunds from a queue instead of the nightly batch',
    change({ edit, write }) {
      edit(
        'services/payments/refund.go',
        '\treturn gw.Refund(ctx, gateway.RefundRequest{ChargeID: chargeID, AmountCents: amountCents})',
        '\t// Refunds go out as soon as they are approved; the queue retries gateway timeouts.\n\treturn Enqueue(ctx, gw, gateway.RefundRequest{ChargeID: chargeID, AmountCents: amountCents})',
      );
      write(
        'services/payments/refund_queue.go',
        `package payments

import (
	"context"
	"time"

	"shop.example/payments/gateway"
)

const maxAttempts = 5

// Enqueue sends a refund to the gateway, retrying timeouts with backoff instead of waiting for the nightly batch.
func Enqueue(ctx context.Context, gw gateway.Client, req gateway.RefundRequest) (string, error) {
	var lastErr error
	for attempt := 0; attempt < maxAttempts; attempt++ {
		id, err := gw.Refund(ctx, req)
		if err == nil {
			return id, nil
		}
		lastErr = err
		time.Sleep(time.Duration(1<<attempt) * 200 * time.Millisecond)
	}
	return "", lastErr
}
`,
      );
      edit(
        'services/payments/gateway/client.go',
        'type RefundRequest struct {\n\tChargeID    string\n\tAmountCents int64\n}',
        'type RefundRequest struct {\n\tChargeID    string\n\tAmountCents int64\n\t// IdempotencyKey lets the queue retry without refunding twice.\n\tIdempotencyKey string\n}',
      );
      edit('services/payments/refund_test.go', 't.Fatal("expected an error for a zero refund")', 't.Fatalf("expected an error for a zero refund")');
      edit(
        'services/orders/orders/refunds.py',
        '    # Refunds are reviewed by a batch job every night before payments issues them.\n',
        '    # Approved refunds go straight to the payments queue (no nightly batch any more).\n    refund.status = "queued"\n',
      );
      write(
        'db/migrations/003_refund_queue.sql',
        `ALTER TABLE refunds ADD COLUMN attempts INT NOT NULL DEFAULT 0;
CREATE INDEX refunds_status_idx ON refunds (status) WHERE status IN ('pending', 'queued');
`,
      );
    },
  },
  {
    branch: FEATURE_BRANCH,
    message: 'Agent desktop: name the refund lookup; drop the legacy refund rules',
    change({ git }) {
      git('mv', 'services/support/agent-desktop/src/refunds.ts', 'services/support/agent-desktop/src/refund-lookup.ts');
      git('rm', '-q', 'services/orders/orders/legacy_refunds.py');
    },
  },
  {
    branch: FEATURE_BRANCH,
    message: 'Refund status in the app; faster refund e-mail wording; map the new touchpoint',
    change({ edit, write }) {
      edit(
        'services/notifications/templates/email/refund-issued.html',
        'within 5 to 10 business days',
        'within 3 to 5 business days',
      );
      edit(
        'cx-map.yaml',
        '          - services/support/agent-desktop/src/**\n',
        '          - services/support/agent-desktop/src/refund-*.ts\n',
      );
      edit(
        'cx-map.yaml',
        '          - services/notifications/templates/email/refund-*\n',
        `          - services/notifications/templates/email/refund-*
      - id: app-refund-status
        name: Refund status in the app
        channel: mobile
        paths:
          - apps/mobile/src/screens/RefundStatus.tsx
`,
      );
      write(
        'docs/refunds.md',
        `# Refunds

Approved refunds are sent to the card gateway right away through a retrying queue
(services/payments/refund_queue.go). Customers see the status in the app and by e-mail.
`,
      );
    },
  },
  // Indirect impact, part 2 of 2: the branch changes only the session service; `impact` reaches Sign in through login.ts.
  {
    branch: FEATURE_BRANCH,
    message: 'Sessions last 14 days instead of 30',
    change: ({ edit }) => edit('services/accounts/src/session.service.ts', 'now.getTime() + 30 * DAY_MS', 'now.getTime() + 14 * DAY_MS'),
  },
  // Symbol precision (contract §3): the pay touchpoint names PaymentService.charge. The first commit changes only
  // PaymentService.status in the same file, so pay is not touched; the second changes PaymentService.charge and is.
  // Tagged so each commit can be compared alone: cx-impact impact --base symbols/unnamed~1 --head symbols/unnamed.
  {
    branch: FEATURE_BRANCH,
    message: 'Payments: say why a status lookup failed',
    tag: 'symbols/unnamed',
    change: ({ edit }) =>
      edit(
        'services/checkout/src/payment-service.ts',
        '    const body = (await response.json()) as { status: string };\n',
        '    if (!response.ok) throw new Error(`status lookup failed: ${response.status}`);\n    const body = (await response.json()) as { status: string };\n',
      ),
  },
  {
    branch: FEATURE_BRANCH,
    message: 'Payments: name the order when a charge fails',
    tag: 'symbols/named',
    change: ({ edit }) =>
      edit(
        'services/checkout/src/payment-service.ts',
        '    if (!response.ok) throw new Error(`charge failed: ${response.status}`);',
        '    if (!response.ok) throw new Error(`charge of order ${request.orderId} failed: ${response.status}`);',
      ),
  },
];

/** Builds the repository at `target` (which must be empty, or a demo repository made earlier with `force`). */
export function makeDemoRepo(target, { force = false } = {}) {
  const marker = path.join(target, '.git', 'cx-impact-demo');
  if (existsSync(target) && readdirSync(target).length > 0) {
    if (!force || !existsSync(marker)) {
      throw new Error(`${target} is not empty${existsSync(marker) ? '; pass --force to make it again' : ' and is not a demo repository made by this script'}`);
    }
    rmSync(target, { recursive: true, force: true });
  }
  mkdirSync(target, { recursive: true });

  let clock = Date.parse('2026-03-02T09:00:00Z');
  const git = (...gitArgs) => {
    const date = new Date(clock).toISOString();
    return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false', ...gitArgs], {
      cwd: target,
      encoding: 'utf8',
      env: {
        ...process.env,
        // The user's own git configuration must not change the commits (hooks, signing, templates).
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: devNull,
        GIT_AUTHOR_NAME: 'Ada Lindqvist',
        GIT_AUTHOR_EMAIL: 'ada@shop.example',
        GIT_COMMITTER_NAME: 'Ada Lindqvist',
        GIT_COMMITTER_EMAIL: 'ada@shop.example',
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      },
    });
  };
  const r = {
    git,
    copy(rel) {
      cpSync(path.join(shop, rel), path.join(target, rel), { recursive: true });
    },
    write(rel, text) {
      mkdirSync(path.dirname(path.join(target, rel)), { recursive: true });
      writeFileSync(path.join(target, rel), text);
    },
    /** Replaces text that must be there: the script fails loudly if examples/shop drifted. */
    edit(rel, from, to) {
      const file = path.join(target, rel);
      const text = readFileSync(file, 'utf8');
      if (!text.includes(from)) throw new Error(`${rel} no longer contains ${JSON.stringify(from)}`);
      writeFileSync(file, text.replace(from, to));
    },
  };

  git('init', '-q');
  writeFileSync(marker, 'made by examples/make-demo-repo.mjs\n');
  const branches = new Set(['main']);
  let current = 'main';
  for (const step of STEPS) {
    if (step.branch !== current) {
      git('switch', '-q', ...(branches.has(step.branch) ? [] : ['-c']), step.branch);
      branches.add(step.branch);
      current = step.branch;
    }
    step.change(r);
    git('add', '--', '.');
    git('commit', '-q', '-m', step.message);
    if (step.tag) git('tag', step.tag);
    clock += 3 * 3600 * 1000;
  }
  if (current !== FEATURE_BRANCH) git('switch', '-q', FEATURE_BRANCH);
  return target;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const target = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(here, 'demo-repo'));
  try {
    makeDemoRepo(target, { force: args.includes('--force') });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  const shown = path.relative(process.cwd(), target);
  console.log(`Made ${target} on branch ${FEATURE_BRANCH}. Try:\n  cd ${shown.startsWith('..') ? target : shown || '.'} && cx-impact impact --base main`);
}
