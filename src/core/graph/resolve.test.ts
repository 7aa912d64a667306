import * as assert from 'node:assert/strict';
import { exportTargets, parseJsonc, Resolver, type Resolution } from './resolve';

function resolver(files: Record<string, string>): Resolver {
  const list = Object.keys(files).sort();
  return new Resolver({ files: list, texts: new Map(Object.entries(files).filter(([, text]) => text !== '')) });
}

function to(r: Resolution): string {
  return 'files' in r ? r.files.join(',') : 'external' in r ? 'external' : `unresolved: ${r.unresolved}`;
}

describe('resolution of imports', () => {
  describe('TypeScript and JavaScript', () => {
    const r = resolver({
      'src/a.ts': '',
      'src/b.tsx': '',
      'src/c/index.ts': '',
      'src/d.js': '',
      'src/e.d.ts': '',
      'src/esm.ts': '',
      'src/style.css': '',
      'src/pkgdir/package.json': '{"main": "./lib/main.js"}',
      'src/pkgdir/lib/main.js': '',
    });
    const cases: [string, string, string][] = [
      ['src/x.ts', './a', 'src/a.ts'],
      ['src/x.ts', './b', 'src/b.tsx'],
      ['src/x.ts', './c', 'src/c/index.ts'],
      ['src/x.ts', './c/', 'src/c/index.ts'],
      ['src/x.ts', './d', 'src/d.js'],
      ['src/x.ts', './esm.js', 'src/esm.ts'],
      ['src/x.ts', './a.ts', 'src/a.ts'],
      ['src/x.ts', './e', 'src/e.d.ts'],
      ['src/x.ts', './style.css', 'src/style.css'],
      ['src/x.ts', './pkgdir', 'src/pkgdir/lib/main.js'],
      ['src/deep/y.ts', '../a', 'src/a.ts'],
      ['src/x.ts', './missing', 'unresolved: no such file'],
      ['src/x.ts', '../../../out', 'unresolved: no such file'],
      ['src/x.ts', 'react', 'external'],
      ['src/x.ts', 'node:fs', 'external'],
    ];
    for (const [from, spec, expected] of cases) {
      it(`${from}: ${spec} -> ${expected}`, () => assert.equal(to(r.resolve(from, spec, 'typescript')), expected));
    }
  });

  it('follows the nearest tsconfig: baseUrl, paths (longest prefix first), and extends', () => {
    const r = resolver({
      'tsconfig.base.json':
        '{ // comment\n "compilerOptions": { "baseUrl": ".", "paths": { "@lib/*": ["libs/*/src"], "@lib/special": ["special/index.ts"], }, } }',
      'apps/web/tsconfig.json': '{ "extends": "../../tsconfig.base.json" }',
      'apps/web/src/main.ts': '',
      'apps/api/tsconfig.json': '{ "compilerOptions": { "baseUrl": "src" } }',
      'apps/api/src/util/log.ts': '',
      'libs/money/src/index.ts': '',
      'special/index.ts': '',
      'plain/x.ts': '',
    });
    assert.equal(to(r.resolve('apps/web/src/main.ts', '@lib/money', 'typescript')), 'libs/money/src/index.ts');
    assert.equal(to(r.resolve('apps/web/src/main.ts', '@lib/special', 'typescript')), 'special/index.ts');
    assert.equal(to(r.resolve('apps/api/src/x.ts', 'util/log', 'typescript')), 'apps/api/src/util/log.ts');
    // No tsconfig above plain/: no paths.
    assert.equal(to(r.resolve('plain/x.ts', '@lib/money', 'typescript')), 'external');
    assert.deepEqual(r.warnings, []);
  });

  it('warns once about an invalid tsconfig and goes on with the defaults', () => {
    const r = resolver({ 'tsconfig.json': '{ "compilerOptions": { "baseUrl": ', 'src/a.ts': '', 'src/b.ts': '' });
    assert.equal(to(r.resolve('src/b.ts', './a', 'typescript')), 'src/a.ts');
    assert.equal(to(r.resolve('src/b.ts', 'a', 'typescript')), 'external');
    assert.equal(to(r.resolve('src/a.ts', 'b', 'typescript')), 'external');
    assert.equal(r.warnings.length, 1);
    assert.match(r.warnings[0]!, /tsconfig\.json is not valid JSON/);
  });

  it('resolves workspace packages (npm/yarn workspaces, pnpm) to their source', () => {
    const r = resolver({
      'package.json': '{ "workspaces": ["packages/*"] }',
      'packages/money/package.json':
        '{ "name": "@shop/money", "exports": { ".": { "types": "./dist/index.d.ts", "import": "./dist/index.js" }, "./round": "./dist/round.js" } }',
      'packages/money/src/index.ts': '',
      'packages/money/src/round.ts': '',
      'packages/log/package.json': '{ "name": "@shop/log", "main": "lib/index.js" }',
      'packages/log/lib/index.js': '',
      'packages/ui/package.json': '{ "name": "@shop/ui" }',
      'packages/ui/src/index.tsx': '',
      'packages/ui/src/button.tsx': '',
      'tools/p/package.json': '{ "name": "@shop/not-a-workspace" }',
      'tools/p/index.ts': '',
      'apps/web/main.ts': '',
    });
    const at = (spec: string): string => to(r.resolve('apps/web/main.ts', spec, 'typescript'));
    assert.equal(at('@shop/money'), 'packages/money/src/index.ts');
    assert.equal(at('@shop/money/round'), 'packages/money/src/round.ts');
    assert.equal(at('@shop/log'), 'packages/log/lib/index.js');
    assert.equal(at('@shop/ui'), 'packages/ui/src/index.tsx');
    assert.equal(at('@shop/ui/button'), 'packages/ui/src/button.tsx');
    assert.equal(at('@shop/not-a-workspace'), 'external');
    const pnpm = resolver({
      'pnpm-workspace.yaml': "packages:\n  - 'libs/**'\n",
      'libs/a/b/package.json': '{"name":"b","types":"src/index.ts"}',
      'libs/a/b/src/index.ts': '',
    });
    assert.equal(to(pnpm.resolve('x.ts', 'b', 'typescript')), 'libs/a/b/src/index.ts');
  });

  it('reads package exports with conditions and patterns', () => {
    assert.deepEqual(exportTargets('./i.js', ''), ['./i.js']);
    assert.deepEqual(exportTargets({ import: './m.js', require: './c.js' }, ''), ['./m.js', './c.js']);
    assert.deepEqual(exportTargets({ './*': { default: './src/*.ts' } }, 'a/b'), ['./src/a/b.ts']);
    assert.deepEqual(exportTargets({ '.': './i.js' }, 'x'), []);
    assert.deepEqual(parseJsonc('{"a": "//not a comment", /* c */ "b": [1,],}'), { a: '//not a comment', b: [1] });
  });

  it('Go: a package of the module is its non-test files', () => {
    const r = resolver({
      'svc/go.mod': 'module example.com/shop/svc\n\ngo 1.22\n',
      'svc/money/round.go': '',
      'svc/money/format.go': '',
      'svc/money/round_test.go': '',
      'svc/main.go': '',
    });
    const go = (spec: string) => to(r.resolve('svc/main.go', spec, 'go'));
    assert.equal(go('example.com/shop/svc/money'), 'svc/money/format.go,svc/money/round.go');
    assert.equal(go('example.com/shop/svc/nothing'), 'unresolved: no Go files in svc/nothing');
    assert.equal(go('fmt'), 'external');
    assert.equal(go('example.com/shop/other'), 'external');
  });

  it('Python: absolute imports against source roots, relative imports, submodules', () => {
    const r = resolver({
      'services/orders/pyproject.toml': '',
      'services/orders/src/orders/__init__.py': '',
      'services/orders/src/orders/api.py': '',
      'services/orders/src/orders/refunds.py': '',
      'services/orders/src/orders/money/__init__.py': '',
      'lib/util/__init__.py': '',
      'lib/util/text.py': '',
    });
    const py = (from: string, spec: string, names?: string[]) => to(r.resolve(from, spec, 'python', names));
    assert.equal(py('services/orders/src/orders/api.py', 'orders.refunds'), 'services/orders/src/orders/refunds.py');
    assert.equal(
      py('services/orders/src/orders/api.py', 'orders', ['refunds']),
      'services/orders/src/orders/refunds.py',
    );
    assert.equal(
      py('services/orders/src/orders/api.py', 'orders', ['refunds', 'VERSION']),
      'services/orders/src/orders/__init__.py,services/orders/src/orders/refunds.py',
    );
    assert.equal(py('services/orders/src/orders/api.py', '.refunds', ['x']), 'services/orders/src/orders/refunds.py');
    assert.equal(
      py('services/orders/src/orders/api.py', '.', ['money']),
      'services/orders/src/orders/money/__init__.py',
    );
    assert.equal(
      py('services/orders/src/orders/money/__init__.py', '..api', ['x']),
      'services/orders/src/orders/api.py',
    );
    assert.equal(py('services/orders/src/orders/api.py', 'util.text'), 'lib/util/text.py');
    assert.equal(py('services/orders/src/orders/api.py', 'os.path'), 'external');
    assert.equal(py('services/orders/src/orders/api.py', '.nothing', ['x']), 'unresolved: no such module');
  });

  it('Java: package and type to the file', () => {
    const r = resolver({
      'app/src/main/java/com/shop/pay/Charge.java': '',
      'app/src/main/java/com/shop/pay/Refund.java': '',
      'app/src/main/java/com/shop/web/Api.java': '',
    });
    const java = (spec: string) => to(r.resolve('app/src/main/java/com/shop/web/Api.java', spec, 'java'));
    assert.equal(java('com.shop.pay.Charge'), 'app/src/main/java/com/shop/pay/Charge.java');
    assert.equal(java('com.shop.pay.Charge.Result'), 'app/src/main/java/com/shop/pay/Charge.java');
    assert.equal(
      java('com.shop.pay.*'),
      'app/src/main/java/com/shop/pay/Charge.java,app/src/main/java/com/shop/pay/Refund.java',
    );
    assert.equal(java('java.util.List'), 'external');
  });
});
