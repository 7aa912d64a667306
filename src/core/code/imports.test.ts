import * as assert from 'node:assert/strict';
import { importsOf, javaPackageOf, type FileImports } from './imports';
import { packageParser } from '../../../test/support/tree-sitter';

describe('imports of a file', () => {
  const parser = packageParser();
  after(() => parser.dispose());
  const read = (language: Parameters<typeof importsOf>[1], text: string): Promise<FileImports> =>
    importsOf(parser, language, text);
  const brief = (f: FileImports) =>
    f.imports.map(
      (i) => `${i.kind} ${i.specifier}${i.typeOnly ? ' type' : ''}${i.names ? ` [${i.names.join(',')}]` : ''}`,
    );

  it('reads every TypeScript form with a literal specifier', async () => {
    const f = await read(
      'typescript',
      [
        "import d, { b, c as e } from './b';",
        "import * as ns from './c';",
        "import './d';",
        "import h = require('./h');",
        "const i = require('./i');",
        "async function f() { return import('./j'); }",
        'const notLiteral = require(name);',
        'const tpl = require(`./t${x}`);',
        'console.log(d, b, e, ns, h, i);',
      ].join('\n'),
    );
    assert.deepEqual(brief(f), [
      'import ./b [default,b,c]',
      'import ./c [*]',
      'import ./d',
      'import-equals ./h',
      'require ./i',
      'dynamic ./j',
    ]);
    assert.equal(f.partial, false);
  });

  it('marks type-only imports: import type, every name type, and names used only as types', async () => {
    const f = await read(
      'typescript',
      [
        "import type { A } from './a';",
        "import { type B, type C } from './b';",
        "import { D } from './d';",
        "import { E, F } from './ef';",
        "import { G } from './g';",
        'let x: D = F();',
        'export function run(g: G): void {}',
      ].join('\n'),
    );
    assert.deepEqual(brief(f), [
      'import ./a type [A]',
      'import ./b type [B,C]',
      'import ./d type [D]',
      'import ./ef [F]',
      'import ./g type [G]',
    ]);
  });

  it('keeps names used only as values in JavaScript (no types there)', async () => {
    const f = await read('javascript', "import { a } from './a';\n");
    assert.deepEqual(brief(f), ['import ./a [a]']);
  });

  it('reads re-exports and the names a file defines (for barrels)', async () => {
    const f = await read(
      'typescript',
      [
        "export { x as y, z } from './e';",
        "export * from './f';",
        "export * as g from './g';",
        "export type { K } from './k';",
        "import { m } from './m';",
        'export { m };',
        'export const c = 1, { p, q: r } = o;',
        'export default function main() {}',
        'export class Service {}',
        'const local = 2;',
        'export { local as renamed };',
      ].join('\n'),
    );
    assert.deepEqual(
      f.reexports.map((r) => ({ s: r.specifier, t: r.typeOnly, n: r.names })),
      [
        {
          s: './e',
          t: false,
          n: [
            { from: 'x', as: 'y' },
            { from: 'z', as: 'z' },
          ],
        },
        { s: './f', t: false, n: '*' },
        { s: './g', t: false, n: [{ from: '*', as: 'g' }] },
        { s: './k', t: true, n: [{ from: 'K', as: 'K' }] },
        { s: './m', t: false, n: [{ from: 'm', as: 'm' }] },
      ],
    );
    // `m` is only passed on: the import itself is no use of m by this file.
    assert.deepEqual(brief(f), ['import ./m type [m]']);
    assert.deepEqual(f.exports.sort(), ['Service', 'c', 'default', 'p', 'r', 'renamed']);
  });

  it('keeps the imports it can read from a file with syntax errors', async () => {
    const f = await read(
      'typescript',
      "import { a } from './a';\nfunction (( {\nimport { b } from './b';\nconsole.log(a, b);\n",
    );
    assert.equal(f.partial, true);
    assert.ok(f.imports.some((i) => i.specifier === './a'));
  });

  it('reads Go imports', async () => {
    const f = await read('go', 'package a\n\nimport (\n\t"fmt"\n\tx "example.com/m/b"\n)\nimport "example.com/m/c"\n');
    assert.deepEqual(brief(f), ['import fmt', 'import example.com/m/b', 'import example.com/m/c']);
  });

  it('reads Python absolute and relative imports, and knows TYPE_CHECKING imports are for types', async () => {
    const f = await read(
      'python',
      'import a.b, c as d\nfrom .e import f, g as h\nfrom .. import i\nfrom j.k import *\nfrom typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from m import N\n',
    );
    assert.deepEqual(brief(f), [
      'import a.b',
      'import c',
      'import .e [f,g]',
      'import .. [i]',
      'import j.k [*]',
      'import typing [TYPE_CHECKING]',
      'import m type [N]',
    ]);
  });

  it('reads Java imports and the package', async () => {
    const text = 'package a.b;\nimport com.x.Y;\nimport com.z.*;\nimport static com.q.R.m;\nclass T {}\n';
    const f = await read('java', text);
    assert.deepEqual(brief(f), ['import com.x.Y', 'import com.z.*', 'import com.q.R.m [static]']);
    assert.equal(javaPackageOf(text), 'a.b');
  });

  it('reads a deeply nested file in every language without overflowing the call stack', async () => {
    const deep = (open: string, inner: string, close: string): string =>
      `${open.repeat(20_000)}${inner}${close.repeat(20_000)}`;
    const cases: [Parameters<typeof read>[0], string][] = [
      ['typescript', `import { y } from './y';\nexport const v = ${deep('(', 'y', ')')};\n`],
      ['go', `package a\n\nimport "x/y"\n\nvar v = ${deep('(', 'y.Z', ')')}\n`],
      ['java', `package a;\nimport x.Y;\nclass A { int v = ${deep('(', 'Y.z', ')')}; }\n`],
      ['python', `from . import y\nv = ${deep('(', 'y', ')')}\n`],
    ];
    for (const [language, text] of cases) {
      const f = await read(language, text);
      assert.equal(f.imports.length, 1, language);
    }
  });
});
