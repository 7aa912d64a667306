// A small shop repository for the catalogue's tests (CLI and Chromium): four journeys over five channels, a
// CODEOWNERS file, routes (one that no journey covers), a touchpoint that covers nothing, and dated commits, so the
// window, the pull-request numbers and indirect reach (a helper imported by a touchpoint's file) are all exercised.
import { execFileSync } from 'node:child_process';
import { TestRepo, gitEnv } from '../node/test-repo';

export const SHOP_MAP = `version: 1
journeys:
  - id: checkout
    name: Checkout
    tier: critical
    owner: "@shop/checkout"
    description: Shoppers turn a cart into a paid order.
    slo: 99.95% of checkouts succeed
    links:
      dashboard: https://grafana.example.com/d/checkout
    touchpoints:
      - id: pay
        name: Pay for the order
        channel: web
        paths: [src/checkout/**]
      - id: confirm
        name: Order confirmation e-mail
        channel: email
        paths: [emails/confirm/**]
  - id: refunds
    name: Get my money back
    tier: high
    owner: "@shop/payments"
    description: Customers get their money back.
    touchpoints:
      - id: ask
        name: Ask for a refund
        channel: web
        paths: [src/refunds/**]
      - id: agent
        name: Agent refunds on the phone
        channel: contact-center
        paths: [src/support/**]
  - id: tracking
    name: Where is my order
    tier: medium
    owner: "@shop/fulfilment"
    touchpoints:
      - id: sms
        name: Delivery text messages
        channel: sms
        paths: [src/tracking/**]
  - id: search
    name: Find a product
    tier: low
    owner: Discovery team
    touchpoints:
      - id: box
        name: Search box
        channel: web
        paths: [src/search/**]
      - id: voice
        name: Ask the speaker
        channel: voice
        paths: [src/voice/**]
`;

export const SHOP_FILES: Record<string, string> = {
  'cx-map.yaml': SHOP_MAP,
  '.github/CODEOWNERS':
    '# owners\n* @shop/platform\nsrc/refunds/ @shop/refunds-eng\n/src/support/ @shop/contact-center @shop/payments\n',
  'src/app.ts': [
    "import express from 'express';",
    "import { pay } from './checkout/pay';",
    "import { askRefund } from './refunds/ask';",
    "import { adminReport } from './admin/report';",
    'const app = express();',
    "app.post('/checkout/pay', pay);",
    "app.post('/refunds', askRefund);",
    "app.get('/admin/report', adminReport);",
    'export default app;',
  ].join('\n'),
  'src/checkout/pay.ts':
    "import { round } from '../lib/money';\nexport function pay(): number { return round(1.234); }\n",
  'src/lib/money.ts': 'export function round(n: number): number { return Math.round(n * 100) / 100; }\n',
  'src/refunds/ask.ts': 'export function askRefund(): void {}\n',
  'src/support/agent.ts': 'export function agentRefund(): void {}\n',
  'src/tracking/sms.ts': 'export function sendSms(): void {}\n',
  'src/search/box.ts': 'export function search(): void {}\n',
  'src/admin/report.ts': 'export function adminReport(): void {}\n',
  'emails/confirm/body.html': '<p>Thanks</p>\n',
};

/** Commits with fixed dates and authors: the same repository, the same page. */
export function commitAt(repo: TestRepo, date: string, message: string, author = 'Test', body?: string): void {
  repo.git('add', '-A');
  const env = {
    ...process.env,
    ...gitEnv,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
    GIT_AUTHOR_NAME: author,
    GIT_AUTHOR_EMAIL: `${author.replace(/\W+/g, '.')}@example.com`,
  };
  execFileSync('git', ['commit', '-q', '--allow-empty', '-m', message, ...(body ? ['-m', body] : [])], {
    cwd: repo.dir,
    env,
  });
}

/** The shop with its history: HEAD is 2026-12-02; `--since 30d` holds the last four commits. */
export function shopRepo(map = SHOP_MAP): TestRepo {
  const repo = TestRepo.create({ ...SHOP_FILES, 'cx-map.yaml': map });
  commitAt(repo, '2026-01-01T09:00:00Z', 'Initial shop', 'Grace Hopper');
  repo.write({
    'src/checkout/pay.ts':
      "import { round } from '../lib/money';\nexport function pay(): number { return round(2.5); }\n",
  });
  commitAt(repo, '2026-11-20T10:00:00Z', 'Speed up payment (#101)', 'Ada Lindqvist');
  repo.write({ 'src/support/agent.ts': 'export function agentRefund(): string { return "ok"; }\n' });
  commitAt(
    repo,
    '2026-11-25T10:00:00Z',
    'Merge pull request #102 from shop/refund-wording',
    'Linus Berg',
    'Clearer refund wording for agents',
  );
  repo.write({ 'src/tracking/sms.ts': 'export function sendSms(): string { return "on its way"; }\n' });
  commitAt(repo, '2026-12-01T10:00:00Z', 'Tracking texts say when', 'Mina Osei');
  repo.write({
    'src/lib/money.ts': 'export function round(n: number): number { return Math.round(n * 1000) / 1000; }\n',
  });
  commitAt(repo, '2026-12-02T10:00:00Z', 'Round money to the tenth of a cent (#104)', 'Ada Lindqvist');
  return repo;
}
