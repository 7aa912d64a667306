// What frameworks wire (contract §5.6): implementations standing in for their interfaces (Spring, NestJS), decorator
// metadata as run-time edges, Java and Go names shared within a package, and symbol-scoped reach. Each case is a
// small repository in memory, read by the real parser.
import * as assert from 'node:assert/strict';
import { importsOf } from '../code/imports';
import { renderChain } from './chain';
import type { DependencyGraph } from './graph';
import { DEFAULT_INDIRECT, reachOf, type ReachTarget } from './reach';
import { edgesOf, graphOfSources } from './test-graph';
import { packageParser } from '../../../test/support/tree-sitter';

/** Coverage by touchpoint: `{ 'web/page.ts': ['checkout/pay'] }`; `checkout/pay#ping,Other.run` is scoped to symbols. */
function coverage(map: Record<string, string[]>): (file: string) => ReachTarget<string>[] {
  return (file) =>
    (map[file] ?? []).map((entry) => {
      const [tp, symbols] = entry.split('#') as [string, string | undefined];
      const target: ReachTarget<string> = { touchpoint: tp, journey: tp.split('/')[0]!, value: tp };
      if (symbols) target.symbols = symbols.split(',');
      return target;
    });
}

/** Each hit as `touchpoint hops chain`, the chain drawn by the reports' own renderer. */
function hits(graph: DependencyGraph, file: string, cover: Record<string, string[]>): string[] {
  const r = reachOf(graph, file, coverage(cover), DEFAULT_INDIRECT);
  if (r.shared) return [`shared ${r.shared.importers} importers, ${r.shared.journeys} journeys`];
  return r.hits.map((h) => `${h.target.value} ${h.hops} ${renderChain(h, (f) => f)}`).sort();
}

describe('framework wiring: implementations, decorator metadata, packages, symbols', () => {
  const parser = packageParser();
  after(() => parser.dispose());

  describe('implementations stand in for what they implement', () => {
    const spring = {
      'src/main/java/shop/web/OrderController.java':
        'package shop.web;\nimport shop.service.OrderService;\nimport org.springframework.web.bind.annotation.RestController;\n@RestController\npublic class OrderController {\n  private final OrderService orders;\n  public OrderController(OrderService orders) { this.orders = orders; }\n}\n',
      'src/main/java/shop/web/AdminController.java':
        'package shop.web;\nimport shop.service.OrderService;\nimport org.springframework.beans.factory.annotation.Autowired;\n@Controller\npublic class AdminController {\n  @Autowired\n  private OrderService orders;\n}\n',
      'src/main/java/shop/service/OrderService.java':
        'package shop.service;\npublic interface OrderService {\n  void place();\n}\n',
      'src/main/java/shop/service/impl/OrderServiceImpl.java':
        'package shop.service.impl;\nimport shop.service.OrderService;\nimport shop.repo.OrderRepository;\n@Service\npublic class OrderServiceImpl implements OrderService {\n  private final OrderRepository repo;\n  public void place() { repo.save(); }\n}\n',
      'src/main/java/shop/service/impl/FastOrderService.java':
        'package shop.service.impl;\nimport shop.service.*;\n@Service\npublic class FastOrderService implements OrderService {\n  public void place() {}\n}\n',
      'src/main/java/shop/repo/OrderRepository.java':
        'package shop.repo;\n@Repository\npublic class OrderRepository {\n  public void save() {}\n}\n',
    };
    const springCover = {
      'src/main/java/shop/web/OrderController.java': ['checkout/place'],
      'src/main/java/shop/web/AdminController.java': ['admin/orders'],
    };

    it('Spring: a @Service implementing the interface a controller injects reaches that controller, at its hop count', async () => {
      const g = await graphOfSources(parser, spring);
      // Constructor injection and @Autowired field injection of the interface: each controller, 1 hop, as the interface.
      assert.deepEqual(hits(g, 'src/main/java/shop/service/impl/OrderServiceImpl.java', springCover), [
        'admin/orders 1 src/main/java/shop/service/OrderService.java (implemented by src/main/java/shop/service/impl/OrderServiceImpl.java) › src/main/java/shop/web/AdminController.java',
        'checkout/place 1 src/main/java/shop/service/OrderService.java (implemented by src/main/java/shop/service/impl/OrderServiceImpl.java) › src/main/java/shop/web/OrderController.java',
      ]);
      // Several implementations: each reaches (this one names its interface through `import shop.service.*`).
      assert.deepEqual(hits(g, 'src/main/java/shop/service/impl/FastOrderService.java', springCover).length, 2);
      // What the implementation uses reaches one hop further.
      assert.deepEqual(hits(g, 'src/main/java/shop/repo/OrderRepository.java', springCover), [
        'admin/orders 2 src/main/java/shop/repo/OrderRepository.java › src/main/java/shop/service/OrderService.java (implemented by src/main/java/shop/service/impl/OrderServiceImpl.java) › src/main/java/shop/web/AdminController.java',
        'checkout/place 2 src/main/java/shop/repo/OrderRepository.java › src/main/java/shop/service/OrderService.java (implemented by src/main/java/shop/service/impl/OrderServiceImpl.java) › src/main/java/shop/web/OrderController.java',
      ]);
      assert.equal(g.stats.byKind.implementation, 2);
      // One implementation is not a user of another.
      assert.deepEqual(
        hits(g, 'src/main/java/shop/service/impl/OrderServiceImpl.java', {
          'src/main/java/shop/service/impl/FastOrderService.java': ['x/y'],
        }),
        [],
      );
    });

    it('Spring: extending an abstract class stands in for it; extending a concrete class does not', async () => {
      const g = await graphOfSources(parser, {
        'shop/web/PayController.java':
          'package shop.web;\nimport shop.pay.Gateway;\nimport shop.pay.Ledger;\npublic class PayController {\n  PayController(Gateway g, Ledger l) {}\n}\n',
        'shop/pay/Gateway.java': 'package shop.pay;\npublic abstract class Gateway {\n  abstract void charge();\n}\n',
        'shop/pay/StripeGateway.java':
          'package shop.pay;\n@Component\npublic class StripeGateway extends Gateway {\n  void charge() {}\n}\n',
        'shop/pay/Ledger.java': 'package shop.pay;\npublic class Ledger {}\n',
        'shop/pay/AuditedLedger.java': 'package shop.pay;\npublic class AuditedLedger extends Ledger {}\n',
      });
      const cover = { 'shop/web/PayController.java': ['checkout/pay'] };
      assert.deepEqual(hits(g, 'shop/pay/StripeGateway.java', cover), [
        'checkout/pay 1 shop/pay/Gateway.java (implemented by shop/pay/StripeGateway.java) › shop/web/PayController.java',
      ]);
      assert.deepEqual(hits(g, 'shop/pay/AuditedLedger.java', cover), []);
    });

    it('NestJS: provide/useClass and a class extending the abstract class a controller injects', async () => {
      const g = await graphOfSources(parser, {
        'tsconfig.json': '{ "compilerOptions": { "experimentalDecorators": true, "emitDecoratorMetadata": true } }',
        'src/orders/orders.controller.ts':
          "import { Controller, Post } from '@nestjs/common';\nimport { OrdersService } from './orders.service';\n@Controller('orders')\nexport class OrdersController {\n  constructor(private readonly orders: OrdersService) {}\n  @Post() place() { return this.orders.place(); }\n}\n",
        'src/orders/orders.service.ts': 'export abstract class OrdersService {\n  abstract place(): string;\n}\n',
        'src/orders/orders.service.impl.ts':
          "import { Injectable } from '@nestjs/common';\nimport { OrdersService } from './orders.service';\n@Injectable()\nexport class OrdersServiceImpl extends OrdersService {\n  place() { return 'ok'; }\n}\n",
        'src/payments/payments.controller.ts':
          "import { Controller } from '@nestjs/common';\nimport { Payments } from './payments';\n@Controller('payments')\nexport class PaymentsController {\n  constructor(private readonly payments: Payments) {}\n}\n",
        'src/payments/payments.ts': 'export class Payments {\n  charge(): void {}\n}\n',
        'src/payments/stripe.payments.ts':
          "import { Injectable } from '@nestjs/common';\n@Injectable()\nexport class StripePayments {\n  charge(): void {}\n}\n",
        'src/app.module.ts':
          "import { Module } from '@nestjs/common';\nimport { OrdersController } from './orders/orders.controller';\nimport { OrdersService } from './orders/orders.service';\nimport { OrdersServiceImpl } from './orders/orders.service.impl';\nimport { PaymentsController } from './payments/payments.controller';\nimport { Payments } from './payments/payments';\nimport { StripePayments } from './payments/stripe.payments';\n@Module({\n  controllers: [OrdersController, PaymentsController],\n  providers: [{ provide: OrdersService, useClass: OrdersServiceImpl }, { provide: Payments, useClass: StripePayments }],\n})\nexport class AppModule {}\n",
      });
      const cover = {
        'src/orders/orders.controller.ts': ['checkout/place'],
        'src/payments/payments.controller.ts': ['checkout/pay'],
      };
      assert.deepEqual(hits(g, 'src/orders/orders.service.impl.ts', cover), [
        'checkout/place 1 src/orders/orders.service.ts (implemented by src/orders/orders.service.impl.ts) › src/orders/orders.controller.ts',
      ]);
      // The provider object alone says StripePayments stands in for Payments, a concrete class.
      assert.deepEqual(hits(g, 'src/payments/stripe.payments.ts', cover), [
        'checkout/pay 1 src/payments/payments.ts (implemented by src/payments/stripe.payments.ts) › src/payments/payments.controller.ts',
      ]);
    });

    it('cyclic extends or implements: no hang, one warning', async () => {
      const g = await graphOfSources(parser, {
        'a/A.java': 'package a;\npublic interface A extends B {}\n',
        'a/B.java': 'package a;\npublic interface B extends A {}\n',
        'a/C.java': 'package a;\npublic class C implements A {}\n',
        'a/Use.java': 'package a;\npublic class Use { B b; }\n',
        'ts/x.ts': "import { Y } from './y';\nexport abstract class X extends Y {}\n",
        'ts/y.ts': "import { X } from './x';\nexport abstract class Y extends X {}\n",
      });
      assert.ok(g.warnings.length >= 1 && g.warnings.every((w) => /cycle/.test(w)), g.warnings.join('\n'));
      assert.deepEqual(hits(g, 'a/C.java', { 'a/Use.java': ['j/t'] }), [
        'j/t 1 a/B.java (implemented by a/C.java) › a/Use.java',
      ]);
    });

    it('reading implementations counts no import twice (external, unresolved)', async () => {
      const g = await graphOfSources(parser, {
        'a.ts': "import { Base } from 'some-lib';\nexport class A extends Base {}\n",
        'b.ts': "import type { Gone } from './gone';\nexport class B implements Gone {}\n",
      });
      assert.deepEqual([g.stats.external, g.stats.unresolved, g.unresolved.length, g.stats.typeOnly], [1, 0, 0, 1]);
    });

    it('an interface with hundreds of implementations: each implementation is shared by the existing rule', async () => {
      const sources: Record<string, string> = {
        'h/Handler.java': 'package h;\npublic interface Handler { void handle(); }\n',
      };
      const cover: Record<string, string[]> = {};
      for (let i = 0; i < 6; i++) {
        sources[`web/Page${i}.java`] = `package web;\nimport h.Handler;\npublic class Page${i} { Handler h; }\n`;
        cover[`web/Page${i}.java`] = [`journey${i}/page`];
      }
      for (let i = 0; i < 300; i++)
        sources[`h/impl/H${i}.java`] =
          `package h.impl;\nimport h.Handler;\npublic class H${i} implements Handler { public void handle() {} }\n`;
      const started = Date.now();
      const g = await graphOfSources(parser, sources);
      assert.deepEqual(hits(g, 'h/impl/H7.java', cover), ['shared 6 importers, 6 journeys']);
      assert.deepEqual(hits(g, 'h/impl/H299.java', cover), ['shared 6 importers, 6 journeys']);
      assert.equal(g.stats.byKind.implementation, 300);
      assert.ok(Date.now() - started < 15_000);
    });
  });

  describe('decorator metadata', () => {
    const nest = (config: string): Record<string, string> => ({
      'tsconfig.base.json': config,
      'apps/api/tsconfig.json': '{ "extends": "../../tsconfig.base.json" }',
      'apps/api/src/users.controller.ts':
        "import { Controller, Get, Inject, forwardRef } from '@nestjs/common';\nimport { UsersService } from './users.service';\nimport { Audit } from './audit';\nimport { UserDto } from './user.dto';\nimport { UserShape } from './user.shape';\n@Controller('users')\nexport class UsersController {\n  constructor(private readonly users: UsersService, @Inject(forwardRef(() => Audit)) private readonly audit: unknown, private readonly shape: UserShape) {}\n  @Get() list(): UserDto[] { return []; }\n}\n",
      'apps/api/src/users.service.ts': 'export class UsersService {}\n',
      'apps/api/src/audit.ts': 'export class Audit {}\n',
      'apps/api/src/user.dto.ts': 'export class UserDto {}\n',
      'apps/api/src/user.shape.ts': 'export interface UserShape { id: string }\n',
    });

    it('constructor parameter types of a decorated class are run-time edges where the tsconfig (through extends) emits metadata', async () => {
      const on = await graphOfSources(
        parser,
        nest('{ "compilerOptions": { "experimentalDecorators": true, "emitDecoratorMetadata": true } }'),
      );
      assert.deepEqual(
        edgesOf(on).filter((e) => e.startsWith('apps/api/src/users.controller.ts')),
        [
          // forwardRef(() => Audit) is a value; UsersService is kept for design:paramtypes; an interface is written as Object;
          // UserDto[] is written as Array.
          'apps/api/src/users.controller.ts -> apps/api/src/audit.ts',
          'apps/api/src/users.controller.ts -> apps/api/src/users.service.ts',
        ],
      );
      assert.equal(on.stats.byKind.metadata, 1);
      const off = await graphOfSources(parser, nest('{ "compilerOptions": { "experimentalDecorators": true } }'));
      assert.deepEqual(
        edgesOf(off).filter((e) => e.startsWith('apps/api/src/users.controller.ts')),
        ['apps/api/src/users.controller.ts -> apps/api/src/audit.ts'],
      );
      assert.equal(off.stats.byKind.metadata, 0);
    });

    it('a decorator on a class with syntax errors: what could be read, no crash', async () => {
      const read = await importsOf(
        parser,
        'typescript',
        "import { Injectable } from '@nestjs/common';\nimport { Repo } from './repo';\n@Injectable()\nexport class Broken {\n  constructor(private readonly repo: Repo,\n  @Get( list() {\n",
      );
      assert.equal(read.partial, true);
      assert.ok(read.imports.some((r) => r.specifier === './repo'));
    });
  });

  describe('names shared within a package', () => {
    it('Java: import a.b.* leads only to the types the file names; a same-package type is an edge; static and nested imports work', async () => {
      const g = await graphOfSources(parser, {
        'src/shop/dto/OrderDto.java': 'package shop.dto;\npublic class OrderDto {}\n',
        'src/shop/dto/CartDto.java': 'package shop.dto;\npublic class CartDto {}\n',
        'src/shop/dto/UserDto.java': 'package shop.dto;\npublic class UserDto {}\n',
        'src/shop/util/Prices.java':
          'package shop.util;\npublic final class Prices {\n  public static long round(long c) { return c; }\n}\n',
        'src/shop/model/Order.java': 'package shop.model;\npublic class Order {\n  public static class Line {}\n}\n',
        'src/shop/web/Money.java': 'package shop.web;\npublic record Money(long cents) {}\n',
        'src/shop/web/Unused.java': 'package shop.web;\npublic class Unused {}\n',
        'src/shop/web/OrderController.java': [
          'package shop.web;',
          'import shop.dto.*;',
          'import static shop.util.Prices.*;',
          'import shop.model.Order.Line;',
          'public class OrderController {',
          '  OrderDto show(Line line) { Money m = new Money(round(1)); return new OrderDto(); }',
          '}',
          '',
        ].join('\n'),
        'src/shop/web/LineController.java':
          'package shop.web;\nimport shop.model.Order.*;\npublic class LineController {\n  Line line;\n}\n',
      });
      assert.deepEqual(edgesOf(g), [
        'src/shop/web/LineController.java -> src/shop/model/Order.java',
        'src/shop/web/OrderController.java -> src/shop/dto/OrderDto.java',
        'src/shop/web/OrderController.java -> src/shop/model/Order.java',
        'src/shop/web/OrderController.java -> src/shop/util/Prices.java',
        'src/shop/web/OrderController.java -> src/shop/web/Money.java',
      ]);
      assert.equal(g.stats.byKind.samePackage, 1);
      assert.deepEqual(
        g
          .importsOf(g.indexOf('src/shop/web/OrderController.java')!)
          .filter((e) => e.kind === 'same-package')
          .map((e) => g.files[e.to]),
        ['src/shop/web/Money.java'],
      );
    });

    it('Go: a file that uses a type, function or method another file of its package declares depends on that file', async () => {
      // The case: the unread page calls h.store.NewEntryQueryBuilder; the store's type is imported by handler.go.
      const g = await graphOfSources(parser, {
        'go.mod': 'module example.com/reader\n\ngo 1.22\n',
        'internal/storage/storage.go': 'package storage\n\ntype Storage struct{}\n',
        'internal/storage/entry_query_builder.go':
          'package storage\n\ntype EntryQueryBuilder struct{}\n\nfunc (s *Storage) NewEntryQueryBuilder(user int64) *EntryQueryBuilder { return &EntryQueryBuilder{} }\n',
        'internal/ui/handler.go':
          'package ui\n\nimport "example.com/reader/internal/storage"\n\ntype handler struct {\n\tstore *storage.Storage\n}\n',
        'internal/ui/unread_entries.go':
          'package ui\n\nfunc (h *handler) showUnreadPage() {\n\tbuilder := h.store.NewEntryQueryBuilder(1)\n\trender(builder)\n}\n',
        'internal/ui/render.go': 'package ui\n\nfunc render(v any) {}\n',
        'internal/ui/about.go': 'package ui\n\nfunc (h *handler) showAboutPage() {}\n',
        // A struct field named like another file's function is no use of it.
        'internal/ui/view.go': 'package ui\n\ntype view struct {\n\trender bool\n}\n',
        'internal/reader/scraper/scraper.go':
          'package scraper\n\nimport "example.com/reader/internal/storage"\n\nfunc Scrape(s *storage.Storage) {}\n',
      });
      const cover = {
        'internal/ui/unread_entries.go': ['reading/unread'],
        'internal/reader/scraper/scraper.go': ['feeds/refresh'],
      };
      assert.deepEqual(hits(g, 'internal/storage/entry_query_builder.go', cover), [
        'feeds/refresh 1 internal/storage/entry_query_builder.go › internal/reader/scraper/scraper.go',
        'reading/unread 2 internal/storage/entry_query_builder.go › internal/ui/handler.go › internal/ui/unread_entries.go',
      ]);
      const unread = g
        .importsOf(g.indexOf('internal/ui/unread_entries.go')!)
        .map((e) => `${g.files[e.to]} ${e.kind ?? 'import'}`)
        .sort();
      assert.deepEqual(unread, ['internal/ui/handler.go same-package', 'internal/ui/render.go same-package']);
      // A file that names nothing of another does not depend on it.
      assert.deepEqual(g.importsOf(g.indexOf('internal/ui/render.go')!), []);
      assert.deepEqual(g.importsOf(g.indexOf('internal/ui/view.go')!), []);
    });
  });

  describe('symbol-scoped reach', () => {
    const django = {
      'app/__init__.py': '',
      'app/helpers.py': 'def slugify(text):\n    return text.lower()\n',
      'app/clock.py': 'def now():\n    return 0\n',
      'app/views.py':
        'from .helpers import slugify\nfrom . import clock\n\n\ndef ping(request):\n    return clock.now()\n\n\ndef other(request):\n    return slugify("x")\n',
      'app/urls.py': 'from . import views\n\nurlpatterns = [views.ping, views.other]\n',
    };

    it('an import reaches a touchpoint scoped to symbols only when one of them uses it; the chain names the symbol', async () => {
      const g = await graphOfSources(parser, django);
      const cover = { 'app/views.py': ['ops/health#ping'] };
      assert.deepEqual(hits(g, 'app/clock.py', cover), ['ops/health 1 app/clock.py › app/views.py › ping']);
      assert.deepEqual(hits(g, 'app/helpers.py', cover), []);
      // Its file's unscoped touchpoints are reached as before.
      assert.deepEqual(hits(g, 'app/helpers.py', { 'app/views.py': ['ops/health#ping', 'site/pages'] }), [
        'site/pages 1 app/helpers.py › app/views.py',
      ]);
      // Passed through, the walk goes on to what imports the file.
      assert.deepEqual(hits(g, 'app/helpers.py', { ...cover, 'app/urls.py': ['site/routes'] }), [
        'site/routes 2 app/helpers.py › app/views.py › app/urls.py',
      ]);
    });

    it('TypeScript: a method of a class scoped by its qualified name', async () => {
      const g = await graphOfSources(parser, {
        'refund.service.ts':
          "import { round } from './money';\nimport { log } from './log';\nexport class RefundService {\n  requestRefund() { return round(1); }\n  audit() { log('x'); }\n}\n",
        'money.ts': 'export function round(n: number) { return n; }\n',
        'log.ts': 'export function log(s: string) { return s; }\n',
      });
      const cover = { 'refund.service.ts': ['refunds/request#RefundService.requestRefund'] };
      assert.deepEqual(hits(g, 'money.ts', cover), [
        'refunds/request 1 money.ts › refund.service.ts › RefundService.requestRefund',
      ]);
      assert.deepEqual(hits(g, 'log.ts', cover), []);
    });

    it('injected state: a type a class takes in its constructor or keeps in a field is used by each of its methods (TS, Java, Python)', async () => {
      const g = await graphOfSources(parser, {
        'tsconfig.json': '{ "compilerOptions": { "experimentalDecorators": true, "emitDecoratorMetadata": true } }',
        'orders.controller.ts':
          "import { Controller } from '@nestjs/common';\nimport { OrdersService } from './orders.service';\nimport { audit } from './audit';\n@Controller()\nexport class OrdersController {\n  constructor(private readonly orders: OrdersService) {}\n  place() { return this.orders.place(); }\n  report() { return audit(); }\n}\n",
        'orders.service.ts': 'export class OrdersService {\n  place() {}\n}\n',
        'audit.ts': 'export function audit() {}\n',
        'shop/web/OrderController.java':
          'package shop.web;\nimport shop.svc.OrderService;\nimport shop.svc.Audit;\npublic class OrderController {\n  @Autowired private OrderService orders;\n  public void place() { orders.place(); }\n  public void report() { Audit.log(); }\n}\n',
        'shop/svc/OrderService.java': 'package shop.svc;\npublic class OrderService {\n  public void place() {}\n}\n',
        'shop/svc/Audit.java': 'package shop.svc;\npublic class Audit {\n  public static void log() {}\n}\n',
        'app/__init__.py': '',
        'app/store.py': 'class Store:\n    pass\n',
        'app/views.py':
          'from .store import Store\n\n\nclass Page:\n    def __init__(self):\n        self.store = Store()\n\n    def show(self):\n        return self.store\n',
      });
      const cover = {
        'orders.controller.ts': ['checkout/place#OrdersController.place'],
        'shop/web/OrderController.java': ['checkout/java#OrderController.place'],
        'app/views.py': ['pages/show#Page.show'],
      };
      assert.deepEqual(hits(g, 'orders.service.ts', cover), [
        'checkout/place 1 orders.service.ts › orders.controller.ts › OrdersController.place',
      ]);
      assert.deepEqual(hits(g, 'audit.ts', cover), []);
      assert.deepEqual(hits(g, 'shop/svc/OrderService.java', cover), [
        'checkout/java 1 shop/svc/OrderService.java › shop/web/OrderController.java › OrderController.place',
      ]);
      assert.deepEqual(hits(g, 'shop/svc/Audit.java', cover), []);
      assert.deepEqual(hits(g, 'app/store.py', cover), ['pages/show 1 app/store.py › app/views.py › Page.show']);
    });

    it('Go: a package used inside the scoped function reaches it; one used elsewhere does not', async () => {
      const g = await graphOfSources(parser, {
        'go.mod': 'module example.com/m\n',
        'store/store.go': 'package store\n\nfunc Get() int { return 1 }\n',
        'mail/mail.go': 'package mail\n\nfunc Send() {}\n',
        'web/pages.go':
          'package web\n\nimport (\n\t"example.com/m/mail"\n\t"example.com/m/store"\n)\n\nfunc Show() int { return store.Get() }\n\nfunc Notify() { mail.Send() }\n',
      });
      const cover = { 'web/pages.go': ['reading/show#Show'] };
      assert.deepEqual(hits(g, 'store/store.go', cover), ['reading/show 1 store/store.go › web/pages.go › Show']);
      assert.deepEqual(hits(g, 'mail/mail.go', cover), []);
    });
  });
});
