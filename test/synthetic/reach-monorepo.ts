// Generated monorepos for the property that narrowing the graph to what a change can reach answers as the full
// graph does (src/node/reachable-graph.test.ts): TypeScript workspace packages imported every way the resolver knows
// (relative with and without `.js`, `baseUrl`, `paths` aliases with a star in the middle, package names and
// `exports` subpaths, folders by `.`/`..`, barrels with named and `export *` re-exports, namespace, side-effect,
// type-only, `require` and `import()`), framework wiring (classes extending or implementing another module's, provider
// objects, decorator metadata), test files, and Go, Python and Java packages that import each other.

export interface ReachRecipe {
  seed: number;
  packages: number;
  modules: number;
}

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function reachMonorepo(recipe: ReachRecipe): Record<string, string> {
  const random = rng(recipe.seed);
  const pick = (n: number): number => Math.floor(random() * n);
  const files: Record<string, string> = {};
  const P = recipe.packages;
  const M = recipe.modules;
  files['package.json'] = JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*'] });
  files['tsconfig.json'] = JSON.stringify({
    compilerOptions: { baseUrl: '.', paths: { '@lib/*': ['packages/*/src'], '@exact': ['packages/pkg0/src/m0.ts'] } },
  });
  for (let p = 0; p < P; p++) {
    const dir = `packages/pkg${p}`;
    const exportsMap = p % 3 === 0;
    files[`${dir}/package.json`] = JSON.stringify(
      exportsMap
        ? {
            name: `@mono/pkg${p}`,
            exports: { '.': './src/index.ts', './feature': `./src/m${M - 1}.ts`, './*': './src/*.ts' },
          }
        : p % 3 === 1
          ? { name: `@mono/pkg${p}`, main: 'dist/index.js' }
          : { name: `@mono/pkg${p}`, types: 'src/index.ts' },
    );
    const decorators = p % 2 === 0 ? { experimentalDecorators: true, emitDecoratorMetadata: true } : {};
    files[`${dir}/tsconfig.json`] = JSON.stringify({
      compilerOptions: { baseUrl: '.', paths: { '~/*': ['src/*'] }, ...decorators },
    });
    const barrel: string[] = [];
    for (let m = 0; m < M; m++) {
      const lines: string[] = [];
      const uses: string[] = [];
      const n = pick(3);
      for (let k = 0; k < n; k++) {
        const style = pick(14);
        const local = pick(M);
        const other = pick(P);
        const tag = `u${k}`;
        if (style === 0) lines.push(`import { f${local} as ${tag} } from './m${local}';`);
        else if (style === 1) lines.push(`import { f${local} as ${tag} } from './m${local}.js';`);
        else if (style === 2) lines.push(`import { f${local} as ${tag} } from 'src/m${local}';`);
        else if (style === 3) lines.push(`import { f${local} as ${tag} } from '~/m${local}';`);
        else if (style === 4) lines.push(`import { f${local} as ${tag} } from '@mono/pkg${other}';`);
        else if (style === 5) lines.push(`import { f${local} as ${tag} } from '@mono/pkg${other}/m${local}';`);
        else if (style === 6) lines.push(`import { f${local} as ${tag} } from '@lib/pkg${other}';`);
        else if (style === 7) lines.push(`import * as ${tag} from '.';`);
        else if (style === 8) lines.push(`import '@mono/pkg${other}/feature';`);
        else if (style === 9) lines.push(`import type { T } from './types';`);
        else if (style === 10) lines.push(`const ${tag} = require('./m${local}');`);
        else if (style === 11) lines.push(`const ${tag} = () => import('../src/m${local}');`);
        else if (style === 12) lines.push(`import { f0 as ${tag} } from '@exact';`);
        else if (style === 13 && pick(2) === 0) lines.push(`import { f${local} as ${tag} } from './m${local}/';`);
        else lines.push(`import { g${local} as ${tag} } from './sub';`);
        if (style !== 8 && style !== 9) uses.push(tag);
      }
      lines.push(`export function f${m}(): unknown { return [${uses.join(', ')}]; }`);
      lines.push(`export const g${m} = ${m};`);
      // Framework wiring (contract §5.6): an abstract class, a concrete one and an interface in every module; some
      // modules extend or implement another's (through a relative path, an alias, a package's barrel, a type-only
      // import), put a class behind an abstract one with a provider object, or inject a class into a decorated one.
      lines.push(
        `export abstract class B${m} { abstract run(): void; }`,
        `export class K${m} { run(): void {} }`,
        `export interface I${m} { x?: number }`,
      );
      const t = pick(M);
      const wiring = pick(7);
      const via = pick(3) === 0 ? `@mono/pkg${pick(P)}` : pick(2) === 0 ? `~/m${t}` : `./m${t}`;
      if (wiring === 0) {
        lines.unshift(`import { B${t} as Wb } from '${via}';`);
        lines.push('export class X extends Wb { run(): void {} }');
      } else if (wiring === 1) {
        lines.unshift(`import type { I${t} } from '${via}';`);
        lines.push(`export class Y implements I${t} {}`);
      } else if (wiring === 2) {
        lines.unshift(`import { K${t} as Wk } from '${via}';`);
        lines.push('export class Z extends Wk {}');
      } else if (wiring === 3) {
        const u = pick(M);
        lines.unshift(
          "import { Module } from '@nestjs/common';",
          `import { B${t} as Pb } from './m${t}';`,
          `import { K${u} as Pk } from '${pick(2) === 0 ? `@lib/pkg${pick(P)}` : `./m${u}`}';`,
        );
        lines.push('@Module({ providers: [{ provide: Pb, useClass: Pk }] })', 'export class Mod {}');
      } else if (wiring === 4) {
        lines.unshift("import { Injectable } from '@nestjs/common';", `import { K${t} as Ik } from '${via}';`);
        lines.push('@Injectable()', 'export class Svc {', '  constructor(private readonly k: Ik) {}', '}');
      }
      // Either quote: the reversed strings end with it.
      files[`${dir}/src/m${m}.ts`] = `${lines.join('\n')}\n`.replace(/'/g, pick(2) === 0 ? "'" : '"');
      if (pick(4) !== 0)
        barrel.push(pick(2) === 0 ? `export { f${m}, g${m} } from './m${m}';` : `export * from './m${m}';`);
      if (pick(5) === 0) files[`${dir}/src/m${m}.test.ts`] = `import { f${m} } from './m${m}';\nf${m}();\n`;
    }
    files[`${dir}/src/types.ts`] = 'export type T = number;\n';
    files[`${dir}/src/index.ts`] = `${barrel.join('\n')}\nexport type { T } from './types';\n`;
    // A folder of its own, with a barrel that passes names on from above.
    files[`${dir}/src/sub/index.ts`] = `export * from '../m${pick(M)}';\nexport { g${pick(M)} } from '..';\n`;
    files[`${dir}/src/sub/leaf.ts`] =
      `import { f${pick(M)} } from '..';\nimport { g0 } from '.';\nexport const leaf = [f${0}, g0];\n`;
  }
  // Go: a module with packages importing each other.
  files['go.mod'] = 'module example.com/mono\n\ngo 1.21\n';
  for (let g = 0; g < Math.max(2, P); g++) {
    const imports = [
      `"example.com/mono/svc/g${pick(Math.max(2, P))}"`,
      pick(2) === 0 ? '"fmt"' : '"example.com/mono/svc"',
    ];
    files[`svc/g${g}/g${g}.go`] = `package g${g}\n\nimport (\n\t${imports.join('\n\t')}\n)\n\nfunc G${g}() {}\n`;
    if (pick(3) === 0) files[`svc/g${g}/g${g}_test.go`] = `package g${g}\n\nimport "example.com/mono/svc/g0"\n`;
    // Names of the package used without an import (same-package edges), and a subfolder (another package) that
    // uses the same name, which is not an edge.
    if (pick(2) === 0)
      files[`svc/g${g}/h${g}.go`] = `package g${g}\n\ntype H${g} struct{}\n\nfunc (h H${g}) Run() { G${g}() }\n`;
    if (pick(3) === 0) files[`svc/g${g}/inner/i${g}.go`] = `package inner\n\nfunc I() { G${g}() }\n`;
  }
  files['svc/root.go'] = 'package svc\n\nfunc Root() {}\n';
  // Python: a package with absolute and relative imports.
  files['py/app/__init__.py'] = pick(2) === 0 ? 'from .m0 import x0\n' : '';
  for (let m = 0; m < M; m++) {
    const style = pick(5);
    const target = pick(M);
    const line =
      style === 0
        ? `import app.m${target}`
        : style === 1
          ? `from app import m${target}`
          : style === 2
            ? `from . import m${target}`
            : style === 3
              ? `from .m${target} import x${target}`
              : 'from . import helper';
    files[`py/app/m${m}.py`] = `${line}\n\nx${m} = ${m}\n`;
  }
  files['py/app/sub/__init__.py'] = '';
  files['py/app/sub/deep.py'] = `from .. import m${pick(M)}\nfrom ..m0 import x0\n`;
  // Java: packages by name, by wildcard, and a static import.
  for (let j = 0; j < Math.max(2, P); j++) {
    const other = pick(Math.max(2, P));
    const imp =
      pick(3) === 0
        ? `import com.ex.p${other}.*;`
        : pick(2) === 0
          ? `import com.ex.p${other}.J${other};`
          : `import static com.ex.p${other}.J${other}.run;`;
    // Same-package names (no import line) and wiring: an abstract base in the package, an interface imported from
    // another, their users.
    const other2 = pick(Math.max(2, P));
    const supers = [pick(2) === 0 ? ` extends Base${j}` : '', pick(2) === 0 ? ` implements Api${other2}` : ''].join('');
    const apiImport = supers.includes('Api')
      ? pick(2) === 0
        ? `import com.ex.p${other2}.Api${other2};\n`
        : `import com.ex.p${other2}.*;\n`
      : '';
    files[`java/src/main/java/com/ex/p${j}/J${j}.java`] =
      `package com.ex.p${j};\n\n${imp}\n${apiImport}\npublic class J${j}${supers} { static void run() {} }\n`;
    files[`java/src/main/java/com/ex/p${j}/Base${j}.java`] =
      `package com.ex.p${j};\n\npublic abstract class Base${j} { }\n`;
    files[`java/src/main/java/com/ex/p${j}/Api${j}.java`] = `package com.ex.p${j};\n\npublic interface Api${j} { }\n`;
    files[`java/src/main/java/com/ex/p${j}/Use${j}.java`] =
      pick(2) === 0
        ? `package com.ex.p${j};\n\npublic class Use${j} { Base${j} base; Api${j} api; }\n`
        : `package com.ex.p${j};\n\npublic class Use${j} { J${j} j; }\n`;
  }
  return files;
}
