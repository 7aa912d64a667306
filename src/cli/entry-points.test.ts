import * as assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import * as path from 'node:path';
import { TestRepo, removeScratch } from '../node/test-repo';

const MAP = `version: 1
journeys:
  - id: checkout
    name: Checkout
    tier: critical
    touchpoints:
      # Paying: the charge handler only.
      - id: pay
        name: Pay
        paths: [src/payments/**]
      - id: cancel
        name: Cancel an order
        paths: [src/orders/controller.ts]
        symbols: [OrdersController.cancel]
`;

const FILES: Record<string, string> = {
  'cx-map.yaml': MAP,
  'src/app.ts': [
    "import express from 'express';",
    "import { charge } from './payments/charge';",
    "import { orders } from './orders/routes';",
    'const app = express();',
    "app.post('/pay', charge);",
    "app.use('/orders', orders);",
    "app.get('/health', (req, res) => res.send('ok'));",
  ].join('\n'),
  'src/payments/charge.ts': 'export function charge() {}\n',
  'src/orders/routes.ts': [
    "import { Router } from 'express';",
    "import { OrdersController } from './controller';",
    'export const orders = Router();',
    'const ctrl = new OrdersController();',
    "orders.post('/:id/cancel', ctrl.cancel);",
    "orders.get('/:id', ctrl.show);",
  ].join('\n'),
  'src/orders/controller.ts': 'export class OrdersController {\n  cancel() {}\n  show() {}\n}\n',
  'web/routes.go':
    'package web\n\nimport "net/http"\n\nfunc (h *Handler) Routes(mux *http.ServeMux) {\n\tmux.HandleFunc("GET /unread", h.showUnreadPage)\n}\n',
  'web/unread.go': 'package web\n\nfunc (h *Handler) showUnreadPage(w http.ResponseWriter, r *http.Request) {}\n',
  'ignored/app.ts': "import express from 'express';\nconst app = express();\napp.get('/ignored', h);\n",
  '.gitignore': 'ignored/\n',
};

interface EntryPointsJson {
  entryPoints: {
    kind: string;
    method: string | null;
    route: string | null;
    operation: string | null;
    file: string;
    line: number;
    handler: string | null;
    handlerFile: string;
    touchpoints: { journey: string; touchpoint: string }[];
  }[];
  total: number;
  covered: number;
}

describe('cx-impact entry-points', () => {
  after(removeScratch);
  let repo: TestRepo;
  before(() => {
    repo = TestRepo.create(FILES);
    repo.commit('shop');
  });

  it('lists every entry point with its handler and the touchpoints that cover it (JSON)', () => {
    const result = repo.cli(['entry-points', '--format', 'json']);
    assert.equal(result.code, 0, result.stderr);
    const json = JSON.parse(result.stdout) as EntryPointsJson;
    assert.deepEqual(
      json.entryPoints.map((p) => [
        p.method,
        p.route,
        `${p.file}:${p.line}`,
        p.handler,
        p.handlerFile,
        p.touchpoints.map((t) => `${t.journey}/${t.touchpoint}`),
      ]),
      [
        ['POST', '/pay', 'src/app.ts:5', 'charge', 'src/payments/charge.ts', ['checkout/pay']],
        ['GET', '/health', 'src/app.ts:7', null, 'src/app.ts', []],
        [
          'POST',
          '/orders/:id/cancel',
          'src/orders/routes.ts:5',
          'OrdersController.cancel',
          'src/orders/controller.ts',
          ['checkout/cancel'],
        ],
        ['GET', '/orders/:id', 'src/orders/routes.ts:6', 'OrdersController.show', 'src/orders/controller.ts', []],
        ['GET', '/unread', 'web/routes.go:6', 'Handler.showUnreadPage', 'web/unread.go', []],
      ],
    );
    assert.equal(json.total, 5);
    assert.equal(json.covered, 2);
    const first = json.entryPoints[0]!;
    assert.deepEqual(Object.keys(first).slice(0, 8), [
      'kind',
      'method',
      'route',
      'operation',
      'file',
      'line',
      'handler',
      'handlerFile',
    ]);
    assert.equal(first.kind, 'http');
    assert.equal(first.operation, null);
  });

  it('--uncovered lists only what no journey covers, as text and Markdown', () => {
    const text = repo.cli(['entry-points', '--uncovered']);
    assert.equal(text.code, 0, text.stderr);
    const lines = text.stdout.trimEnd().split('\n');
    assert.equal(lines[0], 'Entry points: 2 of 5 entry points in a journey');
    assert.deepEqual(
      lines.slice(1).map((l) => l.trim().split(/\s{2,}/)[0]),
      ['GET /health', 'GET /orders/:id', 'GET /unread'],
    );
    const md = repo.cli(['entry-points', '--uncovered', '--format', 'markdown']);
    assert.equal(md.code, 0, md.stderr);
    assert.match(
      md.stdout,
      /\| `GET \/unread` \| `web\/routes\.go:6` \| `web\/unread\.go#Handler\.showUnreadPage` \| \*\*none\*\* \|/,
    );
    assert.doesNotMatch(md.stdout, /\/pay/);
  });

  it('coverage gains entryPoints: { total, covered }', () => {
    const result = repo.cli(['coverage', '--format', 'json']);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual((JSON.parse(result.stdout) as { entryPoints: unknown }).entryPoints, { total: 5, covered: 2 });
    assert.match(repo.cli(['coverage']).stdout, /^Entry points: 2 of 5 in a journey/m);
  });

  it('check --entry-points warns once per uncovered entry point; --fail-on-uncovered fails', () => {
    const warn = repo.cli(['check', '--entry-points']);
    assert.equal(warn.code, 0, warn.stderr);
    assert.deepEqual(warn.stdout.trimEnd().split('\n'), [
      'src/app.ts:7:1 warning uncovered-entry-point GET /health is in no journey: no touchpoint covers its handler src/app.ts',
      'src/orders/routes.ts:6:1 warning uncovered-entry-point GET /orders/:id is in no journey: no touchpoint covers its handler OrdersController.show in src/orders/controller.ts',
      'web/routes.go:6:1 warning uncovered-entry-point GET /unread is in no journey: no touchpoint covers its handler Handler.showUnreadPage in web/unread.go',
    ]);
    const fail = repo.cli(['check', '--entry-points', '--fail-on-uncovered'], { cwd: `${repo.dir}/src` });
    assert.equal(fail.code, 1);
    assert.match(fail.stdout, /^app\.ts:7:1 error uncovered-entry-point GET \/health/m);
    assert.equal(repo.cli(['check']).stdout, '');
  });

  it('refuses options that do not fit, in one line', () => {
    for (const [args, pattern] of [
      [['entry-points', '--format', 'yaml'], /entry-points --format must be text, markdown, json/],
      [['check', '--fail-on-uncovered'], /--fail-on-uncovered needs --entry-points/],
      [['coverage', '--uncovered'], /coverage does not take --uncovered/],
      [['entry-points', 'x'], /takes no arguments/],
    ] as const) {
      const result = repo.cli([...args]);
      assert.equal(result.code, 2, result.stdout);
      assert.match(result.stderr, /^cx-impact: [^\n]+\n$/);
      assert.match(result.stderr, pattern);
    }
  });
});

describe('cx-impact entry-points on examples/shop', () => {
  after(removeScratch);

  it('finds its routes, resolvers and pages, and exactly the one route the map leaves uncovered on purpose', () => {
    const repo = TestRepo.create();
    cpSync(path.join(__dirname, '..', '..', 'examples', 'shop'), repo.dir, { recursive: true });
    repo.commit('shop');
    const json = JSON.parse(repo.cli(['entry-points', '--format', 'json']).stdout) as EntryPointsJson;
    const labels = json.entryPoints.map((p) =>
      p.kind === 'graphql' ? p.operation : `${p.kind === 'page' ? 'page' : p.method} ${p.route}`,
    );
    for (const expected of [
      'GET /search',
      'POST /payments/{chargeID}/refunds',
      'GET /agent/refunds/:orderId',
      'GET /agent/refund-requests/:orderId',
      'POST /agent/refund-requests',
      'Query.refunds',
      'page /cart',
    ]) {
      assert.ok(labels.includes(expected), `${expected} in ${labels.join(', ')}`);
    }
    const uncovered = json.entryPoints.filter((p) => p.touchpoints.length === 0);
    assert.deepEqual(
      uncovered.map((p) => [p.method, p.route, `${p.file}:${p.line}`, p.handler, p.handlerFile]),
      [
        [
          'GET',
          '/payments/{chargeID}/receipt',
          'services/payments/http.go:18',
          'Handler.showReceipt',
          'services/payments/receipt.go',
        ],
      ],
    );
    assert.equal(json.covered, json.total - 1);
  });
});
