import * as assert from 'node:assert/strict';
import { LANGUAGES, type LanguageId } from './languages';
import { findSymbols, type CodeSymbol } from './symbols';
import { symbolMatches } from '../symbols';
import { packageParser } from '../../../test/support/tree-sitter';

/** Per language: a fixture and the qualified names the finder must return, in document order. */
const FIXTURES: Record<LanguageId, { text: string; names: string[] }> = {
  typescript: {
    text: [
      'import { x } from "./x";',
      'export class RefundService {',
      '  private readonly limit = 10;',
      '  constructor(private db: Db) {}',
      '  async requestRefund(id: string): Promise<void> {',
      '    function inner() {}',
      '    const local = () => 1;',
      '  }',
      '  static create() { return new RefundService(null!); }',
      '}',
      'export interface Refund { id: string; total(): number }',
      'export enum Status { Open, Done = 2 }',
      'export type Id = string;',
      'export const MAX = 3;',
      'const hidden = 4;',
      'const helper = (a: number) => a + 1;',
      'export function formatRefundStatus(s: Status): string { return String(s); }',
      'namespace Legacy { export function old() {} }',
      'describe("x", () => { function notTopLevel() {} });',
    ].join('\n'),
    names: [
      'RefundService',
      'RefundService.limit',
      'RefundService.constructor',
      'RefundService.requestRefund',
      'RefundService.create',
      'Refund',
      'Refund.id',
      'Refund.total',
      'Status',
      'Status.Open',
      'Status.Done',
      'Id',
      'MAX',
      'helper',
      'formatRefundStatus',
      'Legacy',
      'Legacy.old',
    ],
  },
  tsx: {
    text: 'export const Cart = () => <div>cart</div>;\nexport class Page extends React.Component { render() { return <p/>; } }\n',
    names: ['Cart', 'Page', 'Page.render'],
  },
  javascript: {
    text: 'class Shop {\n  #secret = 1;\n  checkout() {}\n}\nfunction pay() {}\nconst handler = function () {};\nmodule.exports = { pay };\n',
    names: ['Shop', 'Shop.#secret', 'Shop.checkout', 'pay', 'handler'],
  },
  go: {
    text: [
      'package payments',
      '',
      'type Service struct {',
      '\tgateway Gateway',
      '}',
      '',
      'type Gateway interface {',
      '\tCharge(amount int) error',
      '}',
      '',
      'func (s *Service) Charge(amount int) error {',
      '\treturn s.gateway.Charge(amount)',
      '}',
      '',
      'func (s Service) refund() {}',
      '',
      'func NewService() *Service { return &Service{} }',
      '',
      'const MaxAmount = 100',
      'const minAmount = 1',
    ].join('\n'),
    names: [
      'Service',
      'Service.gateway',
      'Gateway',
      'Gateway.Charge',
      'Service.Charge',
      'Service.refund',
      'NewService',
      'MaxAmount',
    ],
  },
  python: {
    text: [
      'import os',
      '',
      'class RefundRequest:',
      '    def __init__(self, order):',
      '        self.order = order',
      '',
      '    @property',
      '    def total(self):',
      '        def helper():',
      '            return 1',
      '        return helper()',
      '',
      'def request_refund(order):',
      '    return RefundRequest(order)',
      '',
      'LIMIT = 3',
    ].join('\n'),
    names: ['RefundRequest', 'RefundRequest.__init__', 'RefundRequest.total', 'request_refund'],
  },
  java: {
    text: 'package shop;\n\npublic class Orders {\n  private int count;\n  public Orders() {}\n  public void place(Order o) {\n    Runnable r = () -> {};\n  }\n  enum State { NEW, PAID }\n}\n',
    names: [
      'Orders',
      'Orders.count',
      'Orders.Orders',
      'Orders.place',
      'Orders.State',
      'Orders.State.NEW',
      'Orders.State.PAID',
    ],
  },
  csharp: {
    text: 'namespace Shop.Billing\n{\n  public class Invoice\n  {\n    public decimal Total { get; set; }\n    public void Send() { }\n  }\n}\n',
    names: ['Invoice', 'Invoice.Total', 'Invoice.Send'],
  },
  rust: {
    text: 'pub struct Money { cents: i64 }\n\nimpl Money {\n    pub fn add(&self, other: &Money) -> Money { Money { cents: self.cents + other.cents } }\n}\n\nimpl std::fmt::Display for Money {\n    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result { Ok(()) }\n}\n\npub fn round(m: Money) -> Money { m }\n',
    names: ['Money', 'Money.cents', 'Money.add', 'Money.fmt', 'round'],
  },
  ruby: {
    text: 'module Shop\n  class Cart\n    def add(item)\n      items << item\n    end\n\n    def self.empty\n      new\n    end\n  end\nend\n',
    names: ['Shop', 'Shop.Cart', 'Shop.Cart.add', 'Shop.Cart.empty'],
  },
  php: {
    text: '<?php\nnamespace App;\n\nclass Checkout\n{\n    private $total;\n    public function pay(): void\n    {\n    }\n}\n\nfunction helper() {}\n',
    names: ['Checkout', 'Checkout.total', 'Checkout.pay', 'helper'],
  },
  cpp: {
    text: 'namespace shop {\nclass Cart {\n public:\n  void add(int item);\n private:\n  int count;\n};\n}\n\nvoid shop::Cart::add(int item) {\n  count++;\n}\n\nint main() { return 0; }\n',
    names: ['Cart', 'Cart.add', 'Cart.count', 'Cart.add', 'main'],
  },
};

describe('symbol finder (tree-sitter)', () => {
  const parser = packageParser();
  after(() => parser.dispose());

  for (const language of LANGUAGES) {
    it(`finds the declarations of ${language} with qualified names`, async () => {
      const fixture = FIXTURES[language];
      const result = await findSymbols(parser, language, fixture.text);
      assert.equal(result.syntaxErrors, false);
      assert.deepEqual(
        result.symbols.map((s) => s.name),
        fixture.names,
      );
      // Every range holds its name, and the name's text ends with the last segment.
      const lines = fixture.text.split('\n');
      for (const s of result.symbols) {
        assert.ok(within(s.selectionRange, s.range), `${s.name}: name inside the declaration`);
        const line = lines[s.selectionRange.start.line] ?? '';
        const text = line.slice(
          s.selectionRange.start.character,
          s.selectionRange.start.line === s.selectionRange.end.line ? s.selectionRange.end.character : undefined,
        );
        const last = s.name.split('.').pop()!;
        assert.ok(text.replace(/^\$/, '').endsWith(last), `${s.name}: name range reads "${text}"`);
      }
    });
  }

  it('gives whole-declaration ranges, with export and decorators', async () => {
    const ts = await findSymbols(parser, 'typescript', FIXTURES.typescript.text);
    const method = byName(ts.symbols, 'RefundService.requestRefund');
    assert.deepEqual([method.range.start.line, method.range.end.line], [4, 7]);
    const cls = byName(ts.symbols, 'RefundService');
    assert.deepEqual(cls.range.start, { line: 1, character: 0 }, 'the range starts at `export`');
    assert.deepEqual(cls.selectionRange.start, { line: 1, character: 13 });
    const py = await findSymbols(parser, 'python', FIXTURES.python.text);
    assert.deepEqual(
      [
        byName(py.symbols, 'RefundRequest.total').range.start.line,
        byName(py.symbols, 'RefundRequest.total').range.end.line,
      ],
      [6, 10],
    );
    const go = await findSymbols(parser, 'go', FIXTURES.go.text);
    assert.deepEqual(
      [byName(go.symbols, 'Service.Charge').range.start.line, byName(go.symbols, 'Service.Charge').range.end.line],
      [10, 12],
    );
    assert.deepEqual(
      [byName(go.symbols, 'Service').range.start.line, byName(go.symbols, 'Service').range.end.line],
      [2, 4],
    );
  });

  it('names Go methods by their receiver type, through pointers and type parameters', async () => {
    const result = await findSymbols(
      parser,
      'go',
      'package a\nfunc (s *Store[K, V]) Get(k K) V { var v V; return v }\nfunc (Store[K, V]) Len() int { return 0 }\n',
    );
    assert.deepEqual(
      result.symbols.map((s) => s.name),
      ['Store.Get', 'Store.Len'],
    );
  });

  it('nests at any depth', async () => {
    const result = await findSymbols(
      parser,
      'typescript',
      'namespace A { export namespace B { export class C { d() {} } } }\n',
    );
    assert.deepEqual(
      result.symbols.map((s) => s.name),
      ['A', 'A.B', 'A.B.C', 'A.B.C.d'],
    );
  });

  it('says when the text has syntax errors, and still finds what it can', async () => {
    const result = await findSymbols(parser, 'typescript', 'export class A {\n  ok() {}\n}\nconst x = ;\n');
    assert.equal(result.syntaxErrors, true);
    assert.ok(result.symbols.some((s) => s.name === 'A'));
  });

  it('matches touchpoint patterns with the existing `*` globbing', async () => {
    const result = await findSymbols(parser, 'typescript', FIXTURES.typescript.text);
    const hits = result.symbols.filter((s) => symbolMatches('RefundService.*', s.name)).map((s) => s.name);
    assert.deepEqual(hits, [
      'RefundService.limit',
      'RefundService.constructor',
      'RefundService.requestRefund',
      'RefundService.create',
    ]);
  });

  it('counts columns in UTF-16 code units, as editors do', async () => {
    const result = await findSymbols(parser, 'typescript', 'const s = "€😀"; export function f() {}\n');
    assert.deepEqual(byName(result.symbols, 'f').selectionRange.start, {
      line: 0,
      character: 'const s = "€😀"; export function '.length,
    });
  });
});

function byName(symbols: CodeSymbol[], name: string): CodeSymbol {
  const found = symbols.find((s) => s.name === name);
  assert.ok(found, `no symbol ${name} in ${symbols.map((s) => s.name).join(', ')}`);
  return found;
}

function within(inner: CodeSymbol['range'], outer: CodeSymbol['range']): boolean {
  const before = (a: CodeSymbol['range']['start'], b: CodeSymbol['range']['start']) =>
    a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}
