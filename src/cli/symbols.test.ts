import * as assert from 'node:assert/strict';
import { TestRepo, removeScratch } from '../node/test-repo';

const MAP = `version: 1
journeys:
  - id: refunds
    name: Refunds
    tier: high
    touchpoints:
      - id: ask
        name: Ask for a refund
        channel: web
        paths:
          - services/refunds/
        symbols:
          - RefundService.requestRefund
          - Service.Charge
      - id: docs
        name: Refund docs
        paths:
          - docs/refunds.md
`;

const REFUND_TS = `export class RefundService {
  requestRefund(id: string) {
    return id;
  }
}

export function formatRefundStatus(s: string) {
  return s;
}
`;

const CHARGE_GO = `package refunds

func (s *Service) Charge(amount int) int {
\treturn amount
}

func round(amount int) int {
\treturn amount
}
`;

interface Json {
  journeys: {
    id: string;
    touchpoints: {
      id: string;
      files: string[];
      precision?: string;
      symbols?: { file: string; symbol: string; side: string; lines: [number, number] }[];
    }[];
  }[];
  changes: { path: string; status: string; symbols?: string[]; precision?: string; unread?: string }[];
}

function repoWithRefunds(): { repo: TestRepo; base: string } {
  const repo = TestRepo.create({
    'cx-map.yaml': MAP,
    'services/refunds/refund.ts': REFUND_TS,
    'services/refunds/charge.go': CHARGE_GO,
    'docs/refunds.md': '# x\n',
  });
  return { repo, base: repo.commit('base') };
}

function impact(repo: TestRepo, args: string[]): Json {
  const result = repo.cli(['impact', '--format', 'json', ...args]);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as Json;
}

describe('cx-impact impact: symbol precision (contract §3)', function () {
  this.timeout(60_000);
  after(removeScratch);

  it('does not report a symbol-scoped touchpoint when the commit changes only a function it does not name', () => {
    const { repo, base } = repoWithRefunds();
    repo.write({ 'services/refunds/refund.ts': REFUND_TS.replace('return s;', 'return s.toUpperCase();') });
    const head = repo.commit('format only');
    const json = impact(repo, ['--base', base, '--head', head]);
    assert.deepEqual(json.journeys, []);
    assert.deepEqual(json.changes, [
      {
        path: 'services/refunds/refund.ts',
        status: 'modified',
        symbols: ['formatRefundStatus'],
        symbolLines: [
          {
            file: 'services/refunds/refund.ts',
            symbol: 'formatRefundStatus',
            side: 'new',
            lines: [7, 9],
            change: 'changed',
          },
        ],
      },
    ]);
    const text = repo.cli(['impact', '--base', base, '--head', head]);
    assert.match(text.stdout, /no journey touched/);
    assert.match(text.stdout, /services\/refunds\/refund\.ts: formatRefundStatus \(lines 7–9\)/);
  });

  it('reports it with the symbol and its lines when the commit changes a named symbol (TS and Go methods)', () => {
    const { repo, base } = repoWithRefunds();
    repo.write({
      'services/refunds/refund.ts': REFUND_TS.replace('return id;', 'return id.trim();'),
      'services/refunds/charge.go': CHARGE_GO.replace(
        'return amount\n}\n\nfunc round',
        'return amount * 2\n}\n\nfunc round',
      ),
    });
    const head = repo.commit('named');
    const json = impact(repo, ['--base', base, '--head', head]);
    const ask = json.journeys[0]?.touchpoints.find((t) => t.id === 'ask');
    assert.equal(ask?.precision, 'symbol');
    assert.deepEqual(ask?.files, ['services/refunds/charge.go', 'services/refunds/refund.ts']);
    assert.deepEqual(
      ask?.symbols?.map((s) => [s.file, s.symbol, s.side, s.lines]),
      [
        ['services/refunds/charge.go', 'Service.Charge', 'new', [3, 5]],
        ['services/refunds/refund.ts', 'RefundService.requestRefund', 'new', [2, 4]],
      ],
    );
    const md = repo.cli(['impact', '--base', base, '--head', head, '--format', 'markdown']);
    assert.match(md.stdout, /touches `RefundService\.requestRefund` \(lines 2–4\)/);
    assert.match(md.stdout, /Changed declarations in 2 files/);
  });

  it('counts the working tree, untracked files included, and a deleted named symbol', () => {
    const { repo } = repoWithRefunds();
    repo.write({
      'services/refunds/refund.ts':
        'export class RefundService {\n}\n\nexport function formatRefundStatus(s: string) {\n  return s;\n}\n',
      'services/refunds/new.ts': 'export function fresh() {}\n',
    });
    const json = impact(repo, ['--base', 'HEAD']);
    const ask = json.journeys[0]?.touchpoints.find((t) => t.id === 'ask');
    assert.deepEqual(
      ask?.symbols?.map((s) => [s.symbol, s.side]),
      [['RefundService.requestRefund', 'old']],
    );
    assert.deepEqual(json.changes.find((c) => c.path === 'services/refunds/new.ts')?.symbols, ['fresh']);
  });

  it('follows a renamed file: its named symbols moved with it', () => {
    const { repo, base } = repoWithRefunds();
    repo.git('mv', 'services/refunds/refund.ts', 'services/refunds/refund-service.ts');
    const head = repo.commit('rename');
    const json = impact(repo, ['--base', base, '--head', head]);
    const ask = json.journeys[0]?.touchpoints.find((t) => t.id === 'ask');
    assert.ok(
      ask?.symbols?.some((s) => s.symbol === 'RefundService.requestRefund'),
      JSON.stringify(ask),
    );
  });

  it('falls back to the whole file, and says so, when the symbols cannot be read', () => {
    const { repo, base } = repoWithRefunds();
    repo.write({ 'services/refunds/refund.ts': 'export class RefundService {\n  requestRefund( {\n' });
    const head = repo.commit('broken');
    const json = impact(repo, ['--base', base, '--head', head]);
    const ask = json.journeys[0]?.touchpoints.find((t) => t.id === 'ask');
    assert.deepEqual([ask?.precision, ask?.files], ['file', ['services/refunds/refund.ts']]);
    assert.deepEqual(json.changes[0], {
      path: 'services/refunds/refund.ts',
      status: 'modified',
      precision: 'file',
      unread: 'syntax errors',
    });
    const text = repo.cli(['impact', '--base', base, '--head', head]);
    assert.match(text.stdout, /symbols not read \(syntax errors\); the whole file counts/);
  });

  it('--symbols off reads no symbol: whole files, as before', () => {
    const { repo, base } = repoWithRefunds();
    repo.write({ 'services/refunds/refund.ts': REFUND_TS.replace('return s;', 'return s.toUpperCase();') });
    const head = repo.commit('format only');
    const json = impact(repo, ['--base', base, '--head', head, '--symbols', 'off']);
    assert.equal(json.journeys[0]?.touchpoints[0]?.precision, 'file');
    assert.equal(json.changes[0]?.symbols, undefined);
    const bad = repo.cli(['impact', '--symbols', 'some']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--symbols must be all, touchpoints or off/);
  });

  it('--symbols touchpoints names the declarations only of files a symbol-scoped touchpoint covers', () => {
    const { repo, base } = repoWithRefunds();
    repo.write({
      'services/refunds/refund.ts': REFUND_TS.replace('return id;', 'return id + 1;'),
      'other.ts': 'export const x = 1;\n',
    });
    const head = repo.commit('two');
    const json = impact(repo, ['--base', base, '--head', head, '--symbols', 'touchpoints']);
    assert.deepEqual(json.changes.find((c) => c.path === 'other.ts')?.symbols, undefined);
    assert.deepEqual(json.changes.find((c) => c.path === 'services/refunds/refund.ts')?.symbols, [
      'RefundService.requestRefund',
    ]);
  });
});
