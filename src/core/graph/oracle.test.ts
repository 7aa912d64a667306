// Resolution against TypeScript's own resolveModuleName (the oracle), on examples/shop and on a generated workspace
// monorepo. Every import of every TS/JS file is resolved both ways; the answers must be the same file.
import * as assert from 'node:assert/strict';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { importsOf } from '../code/imports';
import { languageOfPath } from '../code/languages';
import { CodeParser } from '../code/parser';
import { isConfigFile, Resolver } from './resolve';
import { syntheticMonorepo } from '../../../test/synthetic/synthetic-monorepo';
import { packageParser } from '../../../test/support/tree-sitter';

function walk(root: string, rel = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.git') continue;
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...walk(root, child));
    else if (entry.isFile()) out.push(child);
  }
  return out.sort();
}

interface Comparison {
  imports: number;
  resolvedByBoth: number;
  differences: string[];
}

async function compare(parser: CodeParser, root: string): Promise<Comparison> {
  const files = walk(root);
  const texts = new Map(files.filter(isConfigFile).map((f) => [f, readFileSync(path.join(root, f), 'utf8')]));
  const resolver = new Resolver({ files, texts });
  const realRoot = realpathSync(root);
  const optionsByConfig = new Map<string, ts.CompilerOptions>();
  const tsOptions = (file: string): ts.CompilerOptions => {
    const config = ts.findConfigFile(path.dirname(path.join(root, file)), (f) => ts.sys.fileExists(f));
    const key = config ?? '';
    let options = optionsByConfig.get(key);
    if (!options) {
      const parsed = config
        ? ts.parseJsonConfigFileContent(
            ts.readConfigFile(config, (f) => ts.sys.readFile(f)).config,
            ts.sys,
            path.dirname(config),
          ).options
        : {};
      options = {
        ...parsed,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        module: ts.ModuleKind.ESNext,
        allowJs: true,
      };
      optionsByConfig.set(key, options);
    }
    return options;
  };
  const result: Comparison = { imports: 0, resolvedByBoth: 0, differences: [] };
  for (const file of files) {
    const language = languageOfPath(file);
    if (language !== 'typescript' && language !== 'tsx' && language !== 'javascript') continue;
    const read = await importsOf(parser, language, readFileSync(path.join(root, file), 'utf8'));
    const specifiers = [...read.imports.map((i) => i.specifier), ...read.reexports.map((r) => r.specifier)];
    for (const specifier of specifiers) {
      result.imports++;
      const theirs = ts.resolveModuleName(specifier, path.join(root, file), tsOptions(file), ts.sys).resolvedModule
        ?.resolvedFileName;
      const theirFile =
        theirs === undefined ? undefined : path.relative(realRoot, realpathSync(theirs)).split(path.sep).join('/');
      const inRepo = theirFile !== undefined && !theirFile.startsWith('..') && !theirFile.includes('node_modules/');
      const ours = resolver.resolve(file, specifier, language);
      const ourFile = 'files' in ours ? ours.files[0] : undefined;
      if (inRepo && ourFile === theirFile) result.resolvedByBoth++;
      else if (inRepo || ourFile !== undefined)
        result.differences.push(
          `${file}: ${specifier} -> ours ${ourFile ?? JSON.stringify(ours)}, TypeScript ${theirFile ?? 'unresolved'}`,
        );
    }
  }
  return result;
}

describe('resolution equals TypeScript resolveModuleName', function () {
  this.timeout(60_000);
  const parser = packageParser();
  after(() => parser.dispose());

  it('on examples/shop', async () => {
    const result = await compare(parser, path.resolve(__dirname, '../../../examples/shop'));
    if (process.env.CX_ORACLE_PRINT)
      console.log(`shop: ${result.resolvedByBoth} of ${result.imports} imports resolved to the same file by both`);
    assert.deepEqual(result.differences, []);
    assert.ok(result.resolvedByBoth >= 4, `only ${result.resolvedByBoth} of ${result.imports} resolved`);
  });

  it('on a generated workspace monorepo (workspaces, exports, types, tsconfig paths, baseUrl, extends, .js for .ts)', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'cx-oracle-'));
    try {
      const files = syntheticMonorepo({ packages: 12, modules: 8, apps: 2 });
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        writeFileSync(path.join(root, file), text);
      }
      // What a package manager does for workspaces, so that TypeScript finds them (our resolver reads package.json).
      mkdirSync(path.join(root, 'node_modules', '@mono'), { recursive: true });
      for (const file of Object.keys(files)) {
        const match = /^(packages|apps)\/([^/]+)\/package\.json$/.exec(file);
        if (match)
          symlinkSync(path.join(root, match[1]!, match[2]!), path.join(root, 'node_modules', '@mono', match[2]!));
      }
      const result = await compare(parser, root);
      if (process.env.CX_ORACLE_PRINT)
        console.log(
          `monorepo: ${result.resolvedByBoth} of ${result.imports} imports resolved to the same file by both`,
        );
      assert.deepEqual(result.differences, []);
      assert.ok(result.resolvedByBoth > 100, `only ${result.resolvedByBoth} of ${result.imports} resolved`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
