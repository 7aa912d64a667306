// A generated TypeScript workspace monorepo with known edges: for the resolution oracle test (against TypeScript's
// own resolveModuleName) and the graph bench. Deterministic: the same size gives the same files.

export interface MonorepoOptions {
  packages: number;
  /** Modules per package (besides its index.ts barrel). */
  modules: number;
  /** Apps (with tsconfig `paths`) that import the packages. */
  apps?: number;
  /**
   * NestJS-style wiring (contract §5.6), for the bench: `emitDecoratorMetadata` on, every module exports a class and an
   * interface; a third of the modules are decorated classes injecting another module's class through the constructor
   * (an import kept only by decorator metadata), a third implement another module's interface. Same file count.
   */
  wired?: boolean;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Files by path. About packages × (modules + 3) + apps × (modules + 2) files. */
export function syntheticMonorepo(options: MonorepoOptions): Record<string, string> {
  const random = rng(42);
  const pick = (n: number): number => Math.floor(random() * n);
  const files: Record<string, string> = {};
  const apps = options.apps ?? 2;
  files['package.json'] = JSON.stringify(
    { name: 'mono', private: true, workspaces: ['packages/*', 'apps/*'] },
    null,
    2,
  );
  const decorators = options.wired ? { experimentalDecorators: true, emitDecoratorMetadata: true } : {};
  files['tsconfig.base.json'] = JSON.stringify(
    { compilerOptions: { strict: true, module: 'esnext', moduleResolution: 'bundler', allowJs: true, ...decorators } },
    null,
    2,
  );
  for (let p = 0; p < options.packages; p++) {
    const dir = `packages/pkg${p}`;
    // Half the packages name their built output (source found under src/), half their source through `exports`.
    files[`${dir}/package.json`] = JSON.stringify(
      p % 2 === 0
        ? {
            name: `@mono/pkg${p}`,
            exports: { '.': { types: './src/index.ts', default: './src/index.ts' }, './*': './src/*.ts' },
          }
        : { name: `@mono/pkg${p}`, types: 'src/index.ts', main: 'src/index.ts' },
      null,
      2,
    );
    files[`${dir}/tsconfig.json`] = JSON.stringify(
      { extends: '../../tsconfig.base.json', compilerOptions: { baseUrl: '.' } },
      null,
      2,
    );
    const barrel: string[] = [];
    for (let m = 0; m < options.modules; m++) {
      const lines: string[] = [];
      const uses: string[] = [];
      if (m > 0) {
        const target = pick(m);
        const style = pick(4);
        const spec =
          style === 0
            ? `./m${target}`
            : style === 1
              ? `./m${target}.js`
              : style === 2
                ? `src/m${target}`
                : `../src/m${target}`;
        lines.push(`import { f${target} } from '${spec}';`);
        uses.push(`f${target}()`);
      }
      if (p > 0 && pick(3) === 0) {
        const other = pick(p);
        const sub = pick(options.modules);
        if (pick(2) === 0 && other % 2 === 0) {
          lines.push(`import { f${sub} as g${other}_${sub} } from '@mono/pkg${other}/m${sub}';`);
        } else {
          lines.push(`import { f${sub} as g${other}_${sub} } from '@mono/pkg${other}';`);
        }
        uses.push(`g${other}_${sub}()`);
      }
      if (pick(5) === 0) lines.push(`import type { T0 } from './types';`);
      lines.push(`export function f${m}(): number { return ${uses.length > 0 ? uses.join(' + ') : '1'}; }`);
      if (options.wired) {
        lines.push(`export class S${m} {}`, `export interface A${m} { x?: number }`);
        const k = m > 0 ? pick(m) : 0;
        if (m > 0 && m % 3 === 1) {
          lines.unshift(`import { Injectable } from '@nestjs/common';`, `import { S${k} } from './m${k}';`);
          lines.push(`@Injectable()`, `export class Ctl${m} {`, `  constructor(private readonly s: S${k}) {}`, `}`);
        } else if (m > 0 && m % 3 === 2) {
          lines.unshift(`import { A${k} } from './m${k}';`);
          lines.push(`export class Impl${m} implements A${k} {}`);
        }
      }
      files[`${dir}/src/m${m}.ts`] = `${lines.join('\n')}\n`;
      barrel.push(`export { f${m} } from './m${m}';`);
    }
    files[`${dir}/src/types.ts`] = 'export type T0 = number;\n';
    files[`${dir}/src/index.ts`] = `${barrel.join('\n')}\nexport type { T0 } from './types';\n`;
  }
  for (let a = 0; a < apps; a++) {
    const dir = `apps/app${a}`;
    files[`${dir}/package.json`] = JSON.stringify({ name: `@mono/app${a}`, private: true }, null, 2);
    files[`${dir}/tsconfig.json`] = JSON.stringify(
      {
        extends: '../../tsconfig.base.json',
        compilerOptions: { baseUrl: '.', paths: { '@app/*': ['src/*'], '@lib/*': ['../../packages/*/src'] } },
      },
      null,
      2,
    );
    for (let m = 0; m < options.modules; m++) {
      const pkg = pick(options.packages);
      const lines = [
        `import { f${pick(options.modules)} as lib } from '${pick(2) === 0 ? `@mono/pkg${pkg}` : `@lib/pkg${pkg}`}';`,
      ];
      if (m > 0) lines.push(`import { page${m - 1} } from '@app/pages/page${m - 1}';`);
      lines.push(`export const page${m} = () => lib()${m > 0 ? ` + page${m - 1}()` : ''};`);
      files[`${dir}/src/pages/page${m}.tsx`] = `${lines.join('\n')}\n`;
    }
    files[`${dir}/src/main.ts`] =
      `import('./pages/page0');\nconst legacy = require('./pages/page1');\nexport default legacy;\n`;
  }
  return files;
}
