// The packaged extension: what `vsce ls` puts in the .vsix, its size budget, and the manifest's publishing fields.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { GRAMMAR_FILES, RUNTIME_FILES } from '../../src/core/code/languages';

const root = path.resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown> & {
  config?: { repositoryUrl?: string };
  icon?: string;
};

/** What the extension needs at run time (and the page it is shown with), and nothing else. */
function runtimeFiles(): string[] {
  const tracked = (dir: string) =>
    execFileSync('git', ['ls-files', dir], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
  const optional = ['package.nls.json', 'l10n/bundle.l10n.json'].filter((f) => existsSync(path.join(root, f)));
  return [
    'package.json',
    'README.md',
    'LICENSE',
    'CHANGELOG.md',
    ...optional,
    // The bundles: extension, CLI, the report page's script, the two workers; the Marketplace icon.
    ...[
      'extension.js',
      'cli.js',
      'report.js',
      'catalog-page.js',
      'coverage-worker.js',
      'code-worker.js',
      'icon.png',
    ].map((f) => `dist/${f}`),
    // What the extension loads on first use (scripts/bundles.mjs).
    ...['code-questions.js', 'graph-engine.js', 'report-render.js', 'catalog-engine.js', 'entry-engine.js'].map(
      (f) => `dist/${f}`,
    ),
    ...[...RUNTIME_FILES, ...Object.values(GRAMMAR_FILES)].map((f) => `dist/tree-sitter/${f}`),
    ...tracked('schema'),
    ...tracked('media'),
    // The README's screenshots, so its page renders in the Extensions view.
    ...tracked('docs/images'),
  ].sort();
}

describe('the packaged extension', function () {
  this.timeout(120_000);

  it('vsce ls lists exactly what runs or is shown: no sources, maps, tests, fixtures or node_modules', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cx-impact-vsce-'));
    try {
      for (const f of [
        'package.json',
        '.vscodeignore',
        'README.md',
        'LICENSE',
        'CHANGELOG.md',
        'package.nls.json',
        'l10n',
        'schema',
        'media',
        'docs',
      ]) {
        if (existsSync(path.join(root, f))) cpSync(path.join(root, f), path.join(dir, f), { recursive: true });
      }
      const stub = (file: string) => {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), 'x');
      };
      // The build's output as it is after `npm run build` (stubs), and what must never ship beside it.
      for (const f of runtimeFiles().filter((f) => f.startsWith('dist/'))) stub(f);
      const junk = [
        'dist/extension.js.map',
        'dist/cli.js.map',
        'dist/cx-impact.vsix',
        'dist/test/integration/index.js',
        'src/extension.ts',
        'scripts/build.mjs',
        'node_modules/yaml/index.js',
        'test/fixtures/workspace/cx-map.yaml',
        'examples/shop/cx-map.yaml',
        'test-results/e2e/explorer.png',
        '.cache/vscode-host/x',
        'tsconfig.json',
        'package-lock.json',
        'l10n/bundle.l10n.qps-ploc.json',
        'package.nls.qps-ploc.json',
      ];
      for (const f of junk) stub(f);
      const listed = execFileSync(path.join(root, 'node_modules', '.bin', 'vsce'), ['ls', '--no-dependencies'], {
        cwd: dir,
        encoding: 'utf8',
      })
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .sort();
      assert.deepEqual(listed, runtimeFiles());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // The .vsix budget is enforced by `npm run package` itself (scripts/package.mjs exits 1 over it), which `npm test`
  // runs before the end-to-end checks: a test here could only skip when no .vsix had been made yet.

  it('repository, bugs and homepage come from config.repositoryUrl alone', async () => {
    const { repositoryFields } = (await import(path.join(root, 'scripts', 'package.mjs'))) as {
      repositoryFields: (url: string | undefined) => Record<string, unknown> | undefined;
    };
    assert.equal(repositoryFields(''), undefined);
    assert.deepEqual(repositoryFields('https://github.com/acme/cx-impact.git'), {
      repository: { type: 'git', url: 'https://github.com/acme/cx-impact.git' },
      bugs: { url: 'https://github.com/acme/cx-impact/issues' },
      homepage: 'https://github.com/acme/cx-impact#readme',
    });
    assert.throws(() => repositoryFields('git@github.com:acme/x'), /https:\/\/ URL/);
    const expected = repositoryFields(manifest.config?.repositoryUrl);
    for (const key of ['repository', 'bugs', 'homepage']) {
      // Empty address: none of the three (nobody fills in a second place by hand); filled in: all three, derived.
      assert.deepEqual(manifest[key], expected?.[key], key);
    }
    if (!expected) assert.match(readFileSync(path.join(root, 'README.md'), 'utf8'), /config\.repositoryUrl/);
  });

  it('names an icon the build draws, a gallery banner, and categories the Marketplace knows', async () => {
    const { ICON, ICON_SIZE, BACKGROUND, iconSvg } = (await import(path.join(root, 'scripts', 'icon.mjs'))) as {
      ICON: string;
      ICON_SIZE: number;
      BACKGROUND: string;
      iconSvg: (glyph: string) => string;
    };
    assert.equal(path.join(root, manifest.icon ?? ''), ICON);
    assert.equal(ICON_SIZE, 128);
    assert.deepEqual(manifest.galleryBanner, { color: BACKGROUND, theme: 'dark' });
    const svg = iconSvg(readFileSync(path.join(root, 'media', 'cx-impact.svg'), 'utf8'));
    assert.match(svg, /width="128" height="128"/);
    assert.doesNotMatch(svg, /currentColor/);
    const known = [
      'Azure',
      'Data Science',
      'Debuggers',
      'Education',
      'Extension Packs',
      'Formatters',
      'Keymaps',
      'Language Packs',
      'Linters',
      'Machine Learning',
      'Notebooks',
      'Other',
      'Programming Languages',
      'SCM Providers',
      'Snippets',
      'Testing',
      'Themes',
      'Visualization',
      'AI',
      'Chat',
    ];
    for (const category of manifest.categories as string[]) assert.ok(known.includes(category), category);
  });
});
