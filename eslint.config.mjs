import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { MAY_IMPORT, PENDING_IMPORTS, TOP_FOLDERS, layerMessage } from './scripts/layers.mjs';

const src = path.join(import.meta.dirname, 'src');

/** Every folder under src/ (relative, `/`-separated). */
function folders(dir = src) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => {
      const full = path.join(dir, d.name);
      return [path.relative(src, full).split(path.sep).join('/'), ...folders(full)];
    });
}

/**
 * The layers (scripts/layers.mjs, docs/architecture.md), one rule per folder of src/: a relative import that climbs
 * out of the folder's layer into one it may not import is refused, type-only imports included. Plus: core, node and
 * cli use no vscode (type imports aside), and core no Node builtin (its tests aside).
 */
function layerRules() {
  const vscode = {
    name: 'vscode',
    message: 'The engine, Node helpers and CLI run without VS Code.',
    allowTypeImports: true,
  };
  const builtins = [...new Set(builtinModules.map((m) => m.replace(/^node:/, '')))].map((name) => ({
    name,
    message: 'src/core is pure: no Node builtin (what needs the host is passed in from src/node/).',
  }));
  const nodePrefix = {
    regex: '^node:',
    message: 'src/core is pure: no node:* import (what needs the host is passed in from src/node/).',
  };
  // Imports across layers that wait for a change in flight (scripts/layers.mjs says which and why).
  const pendingLayer = Object.fromEntries(
    PENDING_IMPORTS.map(({ file, imports }) => [
      file,
      path.posix.relative(path.posix.dirname(file), imports).replace(/\.ts$/, ''),
    ]),
  );
  const configs = [];
  for (const folder of folders()) {
    const top = folder.split('/')[0];
    if (!(top in MAY_IMPORT)) continue;
    const refused = [...TOP_FOLDERS.filter((t) => t !== top && !MAY_IMPORT[top].includes(t)), 'extension'];
    const up = `(\\.\\./){${folder.split('/').length}}`;
    const layer = { regex: `^${up}(${refused.join('|')})(/|$)`, message: layerMessage(top) };
    const paths = ['core', 'node', 'cli'].includes(top) ? [vscode] : [];
    const files = [`src/${folder}/*.ts`];
    if (top !== 'core') {
      configs.push({
        files,
        rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns: [layer] }] },
      });
      for (const [file, spec] of Object.entries(pendingLayer).filter(
        ([f]) => path.posix.dirname(f) === `src/${folder}`,
      )) {
        const except = {
          ...layer,
          regex: `^(?!${spec.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$)${layer.regex.slice(1)}`,
        };
        configs.push({
          files: [file],
          rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns: [except] }] },
        });
      }
      continue;
    }
    const tests = [`src/${folder}/*.test.ts`];
    configs.push(
      {
        files,
        ignores: tests,
        rules: {
          '@typescript-eslint/no-restricted-imports': [
            'error',
            { paths: [...paths, ...builtins], patterns: [layer, nodePrefix] },
          ],
        },
      },
      { files: tests, rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns: [layer] }] } },
    );
  }
  return configs;
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      '.cache/**',
      'node_modules/**',
      'examples/**',
      'test-results/**',
      'test/fixtures/**',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'A focused test skips the rest.' },
      ],
    },
  },
  ...layerRules(),
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
