// The command line on framework wiring (contract §5.6): a Spring service implementation reaches the controller that
// injects its interface, in text, Markdown and JSON; a symbol-scoped touchpoint is reached only through the symbol
// that uses the import; a cycle of extends is one warning; deps says why an edge has no import line.
import * as assert from 'node:assert/strict';
import { TestRepo, removeScratch, scratchDir } from '../node/test-repo';

const MAP = `version: 1
journeys:
  - id: checkout
    name: Checkout
    tier: critical
    touchpoints:
      - id: place
        name: Place the order
        paths:
          - src/main/java/shop/web/OrderController.java
  - id: ops
    name: Operations
    tier: low
    touchpoints:
      - id: health
        name: Health check
        paths:
          - app/views.py
        symbols: [ping]
`;

const FILES: Record<string, string> = {
  'cx-map.yaml': MAP,
  'src/main/java/shop/web/OrderController.java':
    'package shop.web;\nimport shop.service.OrderService;\n@RestController\npublic class OrderController {\n  private final OrderService orders;\n  public OrderController(OrderService orders) { this.orders = orders; Money m = null; }\n}\n',
  'src/main/java/shop/web/Money.java': 'package shop.web;\npublic record Money(long cents) {}\n',
  'src/main/java/shop/service/OrderService.java':
    'package shop.service;\npublic interface OrderService {\n  void place();\n}\n',
  'src/main/java/shop/service/impl/OrderServiceImpl.java':
    'package shop.service.impl;\nimport shop.service.OrderService;\n@Service\npublic class OrderServiceImpl implements OrderService {\n  public void place() {}\n}\n',
  'src/main/java/shop/cycle/A.java': 'package shop.cycle;\npublic interface A extends B {}\n',
  'src/main/java/shop/cycle/B.java': 'package shop.cycle;\npublic interface B extends A {}\n',
  'app/__init__.py': '',
  'app/clock.py': 'def now():\n    return 0\n',
  'app/helpers.py': 'def slugify(text):\n    return text\n',
  'app/views.py':
    'from . import clock\nfrom .helpers import slugify\n\n\ndef ping(request):\n    return clock.now()\n\n\ndef other(request):\n    return slugify("x")\n',
};

interface Hit {
  file: string;
  hops: number;
  via: string[];
  standIns?: { index: number; implements: string }[];
  symbol?: string;
}

describe('cx-impact: framework wiring', function () {
  this.timeout(60_000);
  after(removeScratch);

  let repo: TestRepo;
  let cache: string;
  const env = (): Record<string, string> => ({ XDG_CACHE_HOME: cache });
  beforeEach(() => {
    repo = TestRepo.create(FILES);
    repo.commit('base');
    cache = scratchDir('cx-impact-cache-');
  });

  it('a Spring service implementation reaches the controller that injects its interface: text, Markdown and JSON', () => {
    repo.write({
      'src/main/java/shop/service/impl/OrderServiceImpl.java':
        FILES['src/main/java/shop/service/impl/OrderServiceImpl.java'] + '// faster\n',
    });
    const json = repo.cli(['impact', '--base', 'HEAD', '--format', 'json'], { env: env() });
    assert.equal(json.code, 0, json.stderr);
    const report = JSON.parse(json.stdout) as {
      journeys: { id: string; reach: string; touchpoints: { id: string; indirect?: Hit[] }[] }[];
    };
    assert.deepEqual(
      report.journeys.map((j) => [j.id, j.reach]),
      [['checkout', 'indirect']],
    );
    assert.deepEqual(report.journeys[0]!.touchpoints[0]!.indirect, [
      {
        file: 'src/main/java/shop/service/impl/OrderServiceImpl.java',
        hops: 1,
        via: ['src/main/java/shop/service/impl/OrderServiceImpl.java', 'src/main/java/shop/web/OrderController.java'],
        standIns: [{ index: 0, implements: 'src/main/java/shop/service/OrderService.java' }],
      },
    ]);
    // The first run is cold: narrowed to what the change reaches, it does not read the cycle elsewhere.
    assert.equal(json.stderr.split('\n').filter((l) => /cycle/.test(l)).length, 0, json.stderr);

    const text = repo.cli(['impact', '--base', 'HEAD'], { env: env() });
    // The next run is warm and builds the whole graph: the cycle of extends elsewhere in the repository is one
    // warning, and the report still comes.
    assert.equal(text.stderr.split('\n').filter((l) => /cycle/.test(l)).length, 1, text.stderr);
    assert.match(
      text.stdout,
      /via src\/main\/java\/shop\/service\/OrderService\.java \(implemented by src\/main\/java\/shop\/service\/impl\/OrderServiceImpl\.java\) › src\/main\/java\/shop\/web\/OrderController\.java/,
    );
    const markdown = repo.cli(['impact', '--base', 'HEAD', '--format', 'markdown'], { env: env() });
    // Markdown escapes the parentheses (`\(`), which render as themselves.
    assert.match(
      markdown.stdout,
      /via `src\/main\/java\/shop\/service\/OrderService\.java` \\\(implemented by `src\/main\/java\/shop\/service\/impl\/OrderServiceImpl\.java`\\\) › `src\/main\/java\/shop\/web\/OrderController\.java`/,
    );
  });

  it('a symbol-scoped touchpoint: reached through the symbol that uses the import, named last in the chain', () => {
    repo.write({
      'app/clock.py': FILES['app/clock.py'] + '# faster\n',
      'app/helpers.py': FILES['app/helpers.py'] + '# faster\n',
    });
    const result = repo.cli(['impact', '--base', 'HEAD', '--format', 'json'], { env: env() });
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as {
      journeys: { id: string; touchpoints: { indirect?: Hit[] }[] }[];
      unmappedFiles: string[];
    };
    const ops = report.journeys.find((j) => j.id === 'ops')!;
    assert.deepEqual(ops.touchpoints[0]!.indirect, [
      { file: 'app/clock.py', hops: 1, via: ['app/clock.py', 'app/views.py'], symbol: 'ping' },
    ]);
    // helpers.py is imported only for other(): it reaches nothing.
    assert.ok(report.unmappedFiles.includes('app/helpers.py'));
    const text = repo.cli(['impact', '--base', 'HEAD'], { env: env() });
    assert.match(text.stdout, /via app\/clock\.py › app\/views\.py › ping/);
  });

  it('deps: a same-package reference says so', () => {
    const result = repo.cli(['deps', 'src/main/java/shop/web/OrderController.java'], { env: env() });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /src\/main\/java\/shop\/web\/Money\.java {2}same package: Money/);
    assert.match(
      result.stdout,
      /src\/main\/java\/shop\/service\/OrderService\.java {2}line 2: shop\.service\.OrderService/,
    );
  });
});
