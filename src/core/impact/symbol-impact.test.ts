import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ParseError } from '../code/parser';
import { languageOfPath } from '../code/languages';
import { findSymbols } from '../code/symbols';
import { parseUnifiedDiff, unquote, wholeFileAdded, type FileHunks } from '../diff-hunks';
import { computeImpact, type ImpactReport } from './impact';
import {
  applySymbolChanges,
  describeSymbol,
  symbolChangesOf,
  type FileSymbolChange,
  type SideSymbols,
} from './symbol-impact';
import type { Coverage, Journey, Touchpoint } from '../types';
import { packageParser } from '../../../test/support/tree-sitter';

/** The real `git diff -U0` of two texts (no repository needed: --no-index). */
function diffOf(file: string, before: string | undefined, after: string | undefined): FileHunks {
  const dir = mkdtempSync(path.join(tmpdir(), 'cx-hunks-'));
  try {
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    writeFileSync(a, before ?? '');
    writeFileSync(b, after ?? '');
    let out = '';
    try {
      out = execFileSync(
        'git',
        ['diff', '--no-index', '--no-ext-diff', '--no-textconv', '--no-color', '-U0', '--', a, b],
        { encoding: 'utf8' },
      );
    } catch (err) {
      // Exit 1: the texts differ.
      out = (err as { stdout: string }).stdout;
    }
    const hunks = parseUnifiedDiff(out)[0]?.hunks ?? [];
    return { path: file, hunks };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('diff hunks (git diff -U0)', () => {
  it('reads both sides of each hunk, insertions and deletions', () => {
    const out = [
      'diff --git a/src/a.ts b/src/a.ts',
      'index 1..2 100644',
      '--- a/src/a.ts',
      '+++ b/src/a.ts',
      '@@ -3 +3 @@ x',
      '-old',
      '+new',
      '@@ -10,0 +11,2 @@',
      '+a',
      '+b',
      '@@ -20,3 +22,0 @@',
      '-x',
      'diff --git a/old name.py b/new name.py',
      'similarity index 90%',
      'rename from old name.py',
      'rename to new name.py',
      '--- a/old name.py',
      '+++ b/new name.py',
      '@@ -1 +1 @@',
      'diff --git a/gone.go b/gone.go',
      'deleted file mode 100644',
      '--- a/gone.go',
      '+++ /dev/null',
      '@@ -1,4 +0,0 @@',
      'diff --git "a/t\\303\\251st.rb" "b/t\\303\\251st.rb"',
      '--- "a/t\\303\\251st.rb"',
      '+++ "b/t\\303\\251st.rb"',
      '@@ -2 +2 @@',
      '',
    ].join('\n');
    const files = parseUnifiedDiff(out);
    assert.deepEqual(
      files.map((f) => [f.path, f.oldPath]),
      [
        ['src/a.ts', undefined],
        ['new name.py', 'old name.py'],
        ['gone.go', undefined],
        ['tést.rb', undefined],
      ],
    );
    assert.deepEqual(files[0]!.hunks, [
      { removed: { start: 3, end: 3 }, added: { start: 3, end: 3 }, oldAnchor: 2, newAnchor: 2 },
      { added: { start: 11, end: 12 }, oldAnchor: 10, newAnchor: 10 },
      { removed: { start: 20, end: 22 }, oldAnchor: 19, newAnchor: 22 },
    ]);
    assert.deepEqual(files[2]!.hunks, [{ removed: { start: 1, end: 4 }, oldAnchor: 0, newAnchor: 0 }]);
  });

  it('unquotes git names', () => {
    assert.equal(unquote('"a\\tb\\"c\\\\"'), 'a\tb"c\\');
    assert.equal(unquote('plain'), 'plain');
  });

  it('counts an untracked file as added in full', () => {
    assert.deepEqual(wholeFileAdded('x.ts', 'a\nb\n').hunks, [
      { added: { start: 1, end: 2 }, oldAnchor: 0, newAnchor: 0 },
    ]);
    assert.deepEqual(wholeFileAdded('x.ts', '').hunks, []);
  });
});

/** Per language: a file with two top-level declarations, `named` (a touchpoint names it) and `other`. */
interface Case {
  file: string;
  named: string;
  before: string;
  /** A change inside `named`. */
  inside: string;
  /** A change inside the other declaration only. */
  outside: string;
  /** `named` deleted. */
  deleted: string;
  /** `named` renamed. */
  renamed: string;
  /** `named` moved below the other declaration, unchanged. */
  moved: string;
}

const CASES: Case[] = [
  {
    file: 'services/refunds/refund.ts',
    named: 'RefundService.requestRefund',
    before:
      'export class RefundService {\n  requestRefund(id: string) {\n    return id;\n  }\n}\n\nexport function formatRefundStatus(s: string) {\n  return s;\n}\n',
    inside:
      'export class RefundService {\n  requestRefund(id: string) {\n    return id.trim();\n  }\n}\n\nexport function formatRefundStatus(s: string) {\n  return s;\n}\n',
    outside:
      'export class RefundService {\n  requestRefund(id: string) {\n    return id;\n  }\n}\n\nexport function formatRefundStatus(s: string) {\n  return s.toUpperCase();\n}\n',
    deleted: 'export class RefundService {\n}\n\nexport function formatRefundStatus(s: string) {\n  return s;\n}\n',
    renamed:
      'export class RefundService {\n  askForRefund(id: string) {\n    return id;\n  }\n}\n\nexport function formatRefundStatus(s: string) {\n  return s;\n}\n',
    moved:
      'export function formatRefundStatus(s: string) {\n  return s;\n}\n\nexport class RefundService {\n  requestRefund(id: string) {\n    return id;\n  }\n}\n',
  },
  {
    file: 'services/payments/charge.go',
    named: 'Service.Charge',
    before:
      'package payments\n\nfunc (s *Service) Charge(amount int) int {\n\treturn amount\n}\n\nfunc format(amount int) string {\n\treturn ""\n}\n',
    inside:
      'package payments\n\nfunc (s *Service) Charge(amount int) int {\n\treturn amount * 2\n}\n\nfunc format(amount int) string {\n\treturn ""\n}\n',
    outside:
      'package payments\n\nfunc (s *Service) Charge(amount int) int {\n\treturn amount\n}\n\nfunc format(amount int) string {\n\treturn "x"\n}\n',
    deleted: 'package payments\n\nfunc format(amount int) string {\n\treturn ""\n}\n',
    renamed:
      'package payments\n\nfunc (s *Service) Pay(amount int) int {\n\treturn amount\n}\n\nfunc format(amount int) string {\n\treturn ""\n}\n',
    moved:
      'package payments\n\nfunc format(amount int) string {\n\treturn ""\n}\n\nfunc (s *Service) Charge(amount int) int {\n\treturn amount\n}\n',
  },
  {
    file: 'services/orders/refunds.py',
    named: 'Refunds.request',
    before:
      'class Refunds:\n    def request(self, order):\n        return order\n\n\ndef describe(order):\n    return str(order)\n',
    inside:
      'class Refunds:\n    def request(self, order):\n        return order.id\n\n\ndef describe(order):\n    return str(order)\n',
    outside:
      'class Refunds:\n    def request(self, order):\n        return order\n\n\ndef describe(order):\n    return repr(order)\n',
    deleted: 'class Refunds:\n    pass\n\n\ndef describe(order):\n    return str(order)\n',
    renamed:
      'class Refunds:\n    def ask(self, order):\n        return order\n\n\ndef describe(order):\n    return str(order)\n',
    moved:
      'def describe(order):\n    return str(order)\n\n\nclass Refunds:\n    def request(self, order):\n        return order\n',
  },
  {
    file: 'src/money.rs',
    named: 'Money.add',
    before: 'impl Money {\n    fn add(&self) -> i64 {\n        1\n    }\n}\n\nfn round() -> i64 {\n    0\n}\n',
    inside: 'impl Money {\n    fn add(&self) -> i64 {\n        2\n    }\n}\n\nfn round() -> i64 {\n    0\n}\n',
    outside: 'impl Money {\n    fn add(&self) -> i64 {\n        1\n    }\n}\n\nfn round() -> i64 {\n    5\n}\n',
    deleted: 'impl Money {\n}\n\nfn round() -> i64 {\n    0\n}\n',
    renamed: 'impl Money {\n    fn plus(&self) -> i64 {\n        1\n    }\n}\n\nfn round() -> i64 {\n    0\n}\n',
    moved: 'fn round() -> i64 {\n    0\n}\n\nimpl Money {\n    fn add(&self) -> i64 {\n        1\n    }\n}\n',
  },
  {
    file: 'src/Orders.java',
    named: 'Orders.place',
    before: 'class Orders {\n  void place() {\n    int a = 1;\n  }\n\n  void cancel() {\n    int b = 1;\n  }\n}\n',
    inside: 'class Orders {\n  void place() {\n    int a = 2;\n  }\n\n  void cancel() {\n    int b = 1;\n  }\n}\n',
    outside: 'class Orders {\n  void place() {\n    int a = 1;\n  }\n\n  void cancel() {\n    int b = 2;\n  }\n}\n',
    deleted: 'class Orders {\n  void cancel() {\n    int b = 1;\n  }\n}\n',
    renamed: 'class Orders {\n  void submit() {\n    int a = 1;\n  }\n\n  void cancel() {\n    int b = 1;\n  }\n}\n',
    moved: 'class Orders {\n  void cancel() {\n    int b = 1;\n  }\n\n  void place() {\n    int a = 1;\n  }\n}\n',
  },
];

describe('symbol-precise change impact', () => {
  const parser = packageParser();
  after(() => parser.dispose());

  const side = async (file: string, text: string | undefined): Promise<SideSymbols> => {
    if (text === undefined) return 'absent';
    try {
      const found = await findSymbols(parser, languageOfPath(file)!, text);
      return found.syntaxErrors ? { unread: 'syntax errors' } : { symbols: found.symbols, text };
    } catch (err) {
      if (err instanceof ParseError) return { unread: err.reason };
      throw err;
    }
  };
  const change = async (
    file: string,
    before: string | undefined,
    after: string | undefined,
  ): Promise<FileSymbolChange> =>
    symbolChangesOf(diffOf(file, before, after), await side(file, before), await side(file, after));
  const touchedNames = (c: FileSymbolChange) => c.touched.map((t) => t.symbol);

  for (const c of CASES) {
    describe(languageOfPath(c.file)!, () => {
      it('a change inside the named symbol touches it', async () => {
        const result = await change(c.file, c.before, c.inside);
        assert.equal(result.precision, 'symbol');
        assert.ok(touchedNames(result).includes(c.named), touchedNames(result).join(', '));
        assert.ok(result.changed.some((t) => t.symbol === c.named && t.side === 'new' && t.change === 'changed'));
      });
      it('a change outside it does not', async () => {
        const result = await change(c.file, c.before, c.outside);
        assert.ok(!touchedNames(result).includes(c.named), touchedNames(result).join(', '));
        assert.equal(result.changed.length, 1, JSON.stringify(result.changed));
      });
      it('deleting it touches it, on the old side', async () => {
        const result = await change(c.file, c.before, c.deleted);
        const hit = result.touched.find((t) => t.symbol === c.named);
        assert.deepEqual([hit?.side, hit?.change], ['old', 'deleted']);
      });
      it('renaming it touches the old name (deleted) and the new one (added)', async () => {
        const result = await change(c.file, c.before, c.renamed);
        assert.deepEqual(result.touched.find((t) => t.symbol === c.named)?.change, 'deleted');
        assert.ok(result.touched.some((t) => t.change === 'added' && t.side === 'new'));
      });
      it('moving it is a move, not a change: what the diff shows moving is touched as moved', async () => {
        const result = await change(c.file, c.before, c.moved);
        // git shows one of the two swapped declarations as removed and added again; whichever, its text is the same.
        const moved = result.touched.filter((t) => t.change === 'moved').map((t) => t.symbol);
        assert.ok(moved.length > 0, JSON.stringify(result.touched));
        assert.deepEqual(
          result.touched.filter(
            (t) =>
              t.change === 'changed' &&
              !moved.some((m) => m.startsWith(`${t.symbol}.`) || t.symbol.startsWith(`${m}.`)),
          ),
          [],
        );
      });
    });
  }

  it('falls back to the whole file when a side cannot be parsed, and says why', async () => {
    const big = `export function f() {}\n${'// filler line\n'.repeat(80_000)}`;
    const result = await change('src/big.ts', CASES[0]!.before, big);
    assert.deepEqual([result.precision, result.unread], ['file', 'too-large']);
    const broken = await change('src/a.ts', CASES[0]!.before, 'export class RefundService {\n  requestRefund( {\n');
    assert.deepEqual([broken.precision, broken.unread], ['file', 'syntax errors']);
  });

  it('counts every symbol of a file moved to another path as touched', async () => {
    const hunks: FileHunks = { path: 'b/refund.ts', oldPath: 'a/refund.ts', hunks: [] };
    const result = symbolChangesOf(hunks, await side('a.ts', CASES[0]!.before), await side('a.ts', CASES[0]!.before));
    assert.ok(result.touched.some((t) => t.symbol === 'RefundService.requestRefund' && t.change === 'moved'));
    assert.deepEqual(result.changed, [], 'a move alone changes no declaration');
  });

  describe('narrowing the report', () => {
    const touchpoint = (id: string, symbols: string[]): Touchpoint =>
      ({ id, name: id, symbols }) as unknown as Touchpoint;
    const refund = touchpoint('ask', ['RefundService.requestRefund']);
    const whole = touchpoint('admin', []);
    const journey = {
      id: 'refunds',
      name: 'Refunds',
      tier: 'high',
      links: [],
      touchpoints: [refund, whole],
    } as unknown as Journey;
    const map = { file: 'cx-map.yaml', dir: '', journeys: [journey] };
    const coverage = {
      coverageOf: (file: string): Coverage[] =>
        file.endsWith('.ts')
          ? [refund, whole].map(
              (t) =>
                ({
                  map,
                  journey,
                  touchpoint: t,
                  pattern: { source: '**', line: 3 },
                  symbolScoped: t.symbols.length > 0,
                }) as unknown as Coverage,
            )
          : [],
    };
    const report = (files: string[]): ImpactReport =>
      computeImpact({
        base: 'b',
        head: 'h',
        coverage,
        changedFiles: files.map((p) => ({ path: p, status: 'modified' as const })),
      });

    it('drops a symbol-scoped touchpoint whose symbols the change did not touch, keeps the others', async () => {
      const changes = new Map([['src/refund.ts', await change('src/refund.ts', CASES[0]!.before, CASES[0]!.outside)]]);
      const narrowed = applySymbolChanges(report(['src/refund.ts']), changes);
      assert.deepEqual(
        narrowed.journeys[0]?.touchpoints.map((t) => t.id),
        ['admin'],
      );
      assert.deepEqual(narrowed.changes[0]?.symbols, ['formatRefundStatus']);
      assert.deepEqual(narrowed.changes[0]?.symbolLines, [
        { file: 'src/refund.ts', symbol: 'formatRefundStatus', side: 'new', lines: [7, 9], change: 'changed' },
      ]);
      assert.deepEqual(narrowed.unmappedFiles, []);
    });

    it('keeps it, with the symbol and its lines, when the change touches a named symbol; its symbols come first', async () => {
      const both = CASES[0]!.inside.replace('return s;', 'return s + "";');
      const changes = new Map([['src/refund.ts', await change('src/refund.ts', CASES[0]!.before, both)]]);
      const narrowed = applySymbolChanges(report(['src/refund.ts']), changes);
      const ask = narrowed.journeys[0]?.touchpoints.find((t) => t.id === 'ask');
      assert.equal(ask?.precision, 'symbol');
      assert.deepEqual(ask?.symbols, [
        { file: 'src/refund.ts', symbol: 'RefundService.requestRefund', side: 'new', lines: [2, 4], change: 'changed' },
      ]);
      assert.deepEqual(narrowed.changes[0]?.symbols, ['RefundService.requestRefund', 'formatRefundStatus']);
      assert.equal(describeSymbol(ask.symbols[0]!), 'RefundService.requestRefund (lines 2–4)');
    });

    it('keeps the whole file, precision "file", when its symbols could not be read', async () => {
      const changes = new Map([
        [
          'src/refund.ts',
          await change('src/refund.ts', CASES[0]!.before, 'export class RefundService {\n  requestRefund( {\n'),
        ],
      ]);
      const narrowed = applySymbolChanges(report(['src/refund.ts']), changes);
      const ask = narrowed.journeys[0]?.touchpoints.find((t) => t.id === 'ask');
      assert.deepEqual([ask?.precision, ask?.files], ['file', ['src/refund.ts']]);
      assert.deepEqual([narrowed.changes[0]?.precision, narrowed.changes[0]?.unread], ['file', 'syntax errors']);
    });

    it('drops a journey left with no touchpoint', async () => {
      const onlyScoped = { ...journey, touchpoints: [refund] };
      const scopedMap = { ...map, journeys: [onlyScoped] };
      const scopedCoverage = {
        coverageOf: (): Coverage[] => [
          {
            map: scopedMap,
            journey: onlyScoped,
            touchpoint: refund,
            pattern: { source: '**', line: 3 },
            symbolScoped: true,
          } as unknown as Coverage,
        ],
      };
      const before = computeImpact({
        base: 'b',
        head: 'h',
        coverage: scopedCoverage,
        changedFiles: [{ path: 'src/refund.ts', status: 'modified' }],
      });
      const changes = new Map([['src/refund.ts', await change('src/refund.ts', CASES[0]!.before, CASES[0]!.outside)]]);
      assert.deepEqual(applySymbolChanges(before, changes).journeys, []);
    });
  });
});
