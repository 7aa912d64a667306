// The import cache keyed by git blob id (issue #24, contract §5.5): a warm run looks up the files git finds
// unchanged since the index by their blob id, without reading them; every other file is read and looked up by
// content. Each case edits a committed repository in a way the index alone does not show, and the warm answer must
// equal a cold one (no cache, every file read). Each would fail if the blob ids were trusted without git's stat
// check: the cache holds the old answer under the old id.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { edgesOf } from '../core/graph/test-graph';
import { CodeReader } from './code-reader';
import { blobCacheKey, importsCacheKey, loadDependencyGraph, readRepoFile } from './dependency-graph';
import { indexBlobs, parseIndexBlobs, parseWorktreeChanges, worktreeFiles } from './git';
import { BlobReader, commitFiles } from './git-tree';
import { ImportCache } from './graph-cache';
import { packageWasmDir } from './package-wasm';
import { TestRepo, removeScratch } from './test-repo';

/** Same length, different imports: a swap or an edit keeps every file's size. */
const FILES: Record<string, string> = {
  'src/a.ts': "import { b } from './b';\nexport const a = b;\n",
  'src/b.ts': 'export const b = 1;\n',
  'src/c.ts': "import { d } from './d';\nexport const c = d;\n",
  'src/d.ts': 'export const d = 2;\n',
  // The empty blob: an intent-to-add entry has its id in the index.
  'src/empty.ts': '',
  'src/main.ts': "import { a } from './a';\nimport { c } from './c';\nexport const m = a + c;\n",
};

/** An hour ago: the index's stat data is then not "racy", so git decides by stat alone, as in a real checkout. */
const OLD = new Date(Date.now() - 3600_000);

describe('import cache keyed by git blob id (issue #24)', function () {
  this.timeout(60_000);
  let repo: TestRepo;
  let cacheDir: string;
  let readers: CodeReader[];

  const reader = (): CodeReader => {
    const r = new CodeReader({ wasmDir: packageWasmDir() });
    readers.push(r);
    return r;
  };

  /** A graph load, with the files actually read counted; warm: from the cache and the index's blob ids. */
  const load = async (warm: boolean) => {
    const root = repo.dir;
    const files = await worktreeFiles(root);
    const reads: string[] = [];
    const read = (file: string, max: number) => {
      reads.push(file);
      return readRepoFile(root, root, file, max);
    };
    const cache = warm ? new ImportCache(cacheDir, root) : undefined;
    await cache?.load();
    const blobs = warm ? await indexBlobs(root) : undefined;
    const result = await loadDependencyGraph({
      root,
      files,
      reader: reader(),
      read,
      ...(cache ? { cache } : {}),
      ...(blobs ? { blobs } : {}),
    });
    await cache?.save();
    const imports = Object.fromEntries([...result.source.imports].sort(([x], [y]) => x.localeCompare(y)));
    return { edges: edgesOf(result.graph), imports, reads: reads.filter((f) => f.endsWith('.ts')).sort(), result };
  };

  /** The warm answer equals the cold one; returns the files the warm run read. */
  const sameAsCold = async (): Promise<string[]> => {
    const warm = await load(true);
    const cold = await load(false);
    assert.deepEqual(warm.edges, cold.edges);
    assert.deepEqual(warm.imports, cold.imports);
    return warm.reads;
  };

  beforeEach(async () => {
    readers = [];
    cacheDir = mkdtempSync(path.join(os.tmpdir(), 'cx-blob-cache-'));
    repo = TestRepo.create(FILES);
    for (const file of Object.keys(FILES)) utimesSync(path.join(repo.dir, file), OLD, OLD);
    repo.commit('init');
    // The cache is filled, and a second run reads no code file at all.
    await load(true);
    const again = await load(true);
    assert.deepEqual(again.reads, []);
    assert.equal(again.result.parsed, 0);
  });

  afterEach(() => {
    for (const r of readers) r.dispose();
    rmSync(cacheDir, { recursive: true, force: true });
    removeScratch();
  });

  it('(a) a file edited in the working tree, not staged, is read again, even with its size and time kept', async () => {
    // The repository's own settings would have git compare size and time only: the check overrides them.
    repo.git('config', 'core.checkStat', 'minimal');
    repo.git('config', 'core.trustctime', 'false');
    // Then the change time tells: git keeps it in whole seconds (an edit in the same second as `git add` that also
    // puts the old modification time back is beyond git's own stat check, `git status` included).
    await new Promise((resolve) => setTimeout(resolve, 1100));
    repo.write({ 'src/c.ts': "import { b } from './b';\nexport const c = b;\n" });
    utimesSync(path.join(repo.dir, 'src/c.ts'), OLD, OLD);
    assert.deepEqual(await sameAsCold(), ['src/c.ts']);
    assert.ok((await load(true)).edges.includes('src/c.ts -> src/b.ts'), 'the edit is in the warm graph');

    // An edit that changes the size.
    repo.write({ 'src/a.ts': "import { d } from './d';\nimport { c } from './c';\nexport const a = d + c;\n" });
    assert.deepEqual(await sameAsCold(), ['src/a.ts', 'src/c.ts']);
  });

  it('(b) a staged edit is found by its new id; edited again without staging, it is read', async () => {
    repo.write({ 'src/c.ts': "import { b } from './b';\nexport const c = b;\n" });
    repo.git('add', 'src/c.ts');
    // The first run after staging reads it (a new blob), the next finds it by its new id.
    assert.deepEqual(await sameAsCold(), ['src/c.ts']);
    assert.deepEqual(await sameAsCold(), []);
    assert.ok((await load(true)).edges.includes('src/c.ts -> src/b.ts'));

    // Back to what HEAD has, not staged: the index's id (cached above) is no longer the file's.
    repo.write({ 'src/c.ts': FILES['src/c.ts']! });
    assert.deepEqual(await sameAsCold(), ['src/c.ts']);
    assert.ok((await load(true)).edges.includes('src/c.ts -> src/d.ts'));
  });

  it('(c) an untracked file, and one added with intent to add (the empty blob in the index), are read', async () => {
    repo.write({
      'src/u.ts': "import { a } from './a';\nexport const u = a;\n",
      'src/n.ts': "import { d } from './d';\nexport const n = d;\n",
    });
    repo.git('add', '-N', 'src/n.ts');
    assert.match(repo.git('ls-files', '-s', 'src/n.ts'), /e69de29bb2d1d6434b8b29ae775ad8c2e48c5391/);
    assert.deepEqual(await sameAsCold(), ['src/n.ts', 'src/u.ts']);
    const warm = await load(true);
    assert.ok(warm.edges.includes('src/n.ts -> src/d.ts'));
    assert.ok(warm.edges.includes('src/u.ts -> src/a.ts'));
  });

  it('(d) renames: with git mv the id follows the file; two files swapped on disk (same size and time) are read', async () => {
    repo.git('mv', 'src/b.ts', 'src/b2.ts');
    repo.write({ 'src/b.ts': "import { a } from './a';\nexport const b2 = a;\n" });
    // The moved file is found by its id under its new name; the new file at the old name is read.
    assert.deepEqual(await sameAsCold(), ['src/b.ts']);

    // Swapped without git: the index still pairs each name with the other's id.
    repo.git('config', 'core.checkStat', 'minimal');
    repo.git('config', 'core.trustctime', 'false');
    renameSync(path.join(repo.dir, 'src/a.ts'), path.join(repo.dir, 'src/t.ts'));
    renameSync(path.join(repo.dir, 'src/c.ts'), path.join(repo.dir, 'src/a.ts'));
    renameSync(path.join(repo.dir, 'src/t.ts'), path.join(repo.dir, 'src/c.ts'));
    const reads = await sameAsCold();
    assert.ok(reads.includes('src/a.ts') && reads.includes('src/c.ts'), reads.join(', '));
    assert.ok((await load(true)).edges.includes('src/a.ts -> src/d.ts'));
  });

  it('a commit asked about (--head) is looked up by its tree ids: a warm run reads no blob', async () => {
    const head = repo.git('rev-parse', 'HEAD').trim();
    repo.write({ 'src/c.ts': "import { b } from './b';\nexport const c = b;\n" });
    const run = async (cache: ImportCache | undefined) => {
      const blobs = new BlobReader(repo.dir);
      try {
        const commit = await commitFiles(repo.dir, head, blobs);
        await cache?.load();
        const result = await loadDependencyGraph({
          root: repo.dir,
          files: commit.files,
          reader: reader(),
          read: commit.read,
          ...(cache ? { cache, blobs: commit.blobs } : {}),
        });
        await cache?.save();
        return { edges: edgesOf(result.graph), read: blobs.read };
      } finally {
        blobs.close();
      }
    };
    const headCache = mkdtempSync(path.join(os.tmpdir(), 'cx-blob-head-'));
    try {
      const cold = await run(undefined);
      const first = await run(new ImportCache(headCache, repo.dir));
      const second = await run(new ImportCache(headCache, repo.dir));
      assert.deepEqual(first.edges, cold.edges);
      assert.deepEqual(second.edges, cold.edges);
      assert.ok(cold.edges.includes('src/c.ts -> src/d.ts'), 'the commit, not the working tree');
      assert.equal(second.read, 0);
    } finally {
      rmSync(headCache, { recursive: true, force: true });
    }
  });

  it('an entry is filed under a blob id only when the text read is that blob', async () => {
    const cache = new ImportCache(cacheDir, repo.dir);
    await cache.load();
    const oid = repo.git('rev-parse', 'HEAD:src/a.ts').trim();
    assert.ok(cache.get(blobCacheKey('src/a.ts', oid)), 'a committed file is cached by its id');
    // The index lies about a file (here: a wrong id given by hand): what is read is cached by content, and the id
    // keeps no answer.
    const lie = repo.git('rev-parse', 'HEAD:src/c.ts').trim();
    const fresh = mkdtempSync(path.join(os.tmpdir(), 'cx-blob-lie-'));
    try {
      const lied = new ImportCache(fresh, repo.dir);
      await loadDependencyGraph({
        root: repo.dir,
        files: ['src/a.ts'],
        reader: reader(),
        cache: lied,
        blobs: new Map([['src/a.ts', lie]]),
      });
      assert.equal(lied.get(blobCacheKey('src/a.ts', lie)), undefined);
      assert.ok(lied.get(importsCacheKey('src/a.ts', FILES['src/a.ts']!)));
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('the CLI end to end: a warm `deps` after an unstaged edit answers as --no-cache does', () => {
    const cacheHome = mkdtempSync(path.join(os.tmpdir(), 'cx-blob-cli-'));
    try {
      const deps = (...extra: string[]) => {
        const run = repo.cli(['deps', '--format', 'json', 'src/b.ts', 'src/d.ts', ...extra], {
          env: { XDG_CACHE_HOME: cacheHome },
        });
        assert.equal(run.code, 0, run.stderr);
        return run.stdout;
      };
      deps();
      const cacheFile = readdirSync(path.join(cacheHome, 'cx-impact')).find((f) => f.endsWith('.json'))!;
      assert.match(readFileSync(path.join(cacheHome, 'cx-impact', cacheFile), 'utf8'), /:blob:[0-9a-f]{40}"/);
      const warmBefore = deps();
      assert.equal(warmBefore, deps('--no-cache'));
      repo.write({ 'src/c.ts': "import { b } from './b';\nexport const c = b;\n" });
      const warm = deps();
      assert.equal(warm, deps('--no-cache'));
      assert.notEqual(warm, warmBefore, 'the edit shows');
    } finally {
      rmSync(cacheHome, { recursive: true, force: true });
    }
  });

  it('outside a git repository there are no blob ids (every file is read, as before)', async () => {
    const plain = mkdtempSync(path.join(os.tmpdir(), 'cx-blob-plain-'));
    try {
      assert.equal(await indexBlobs(plain), undefined);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});

describe('the index and status output are data (issue #24)', () => {
  const id = 'a'.repeat(40);
  it('keeps only plain, merged, regular entries with a 40- or 64-digit lower-case hex id', () => {
    const listed = [
      `H 100644 ${id} 0\tok.ts`,
      `H 100755 ${'b'.repeat(64)} 0\tsha256.ts`,
      `h 100644 ${id} 0\tassume-unchanged.ts`,
      `S 100644 ${id} 0\tskip-worktree.ts`,
      `H 120000 ${id} 0\tlink.ts`,
      `H 160000 ${id} 0\tsubmodule`,
      `M 100644 ${id} 1\tconflict.ts`,
      `H 100644 ${'A'.repeat(40)} 0\tupper.ts`,
      `H 100644 ${'a'.repeat(39)} 0\tshort.ts`,
      `H 100644 ../../etc/passwd 0\tjunk.ts`,
      `H 100644 ${id} 0\tchanged.ts`,
      'garbage without a tab',
      '',
    ].join('\0');
    assert.deepEqual(
      [...parseIndexBlobs(listed, new Set(['changed.ts']))],
      [
        ['ok.ts', id],
        ['sha256.ts', 'b'.repeat(64)],
      ],
    );
  });

  it('reads the working-tree column of git status, and refuses output of another shape', () => {
    assert.deepEqual([...parseWorktreeChanges(' M a.ts\0M  b.ts\0 A n.ts\0UU c.ts\0')!], ['a.ts', 'n.ts', 'c.ts']);
    assert.equal(parseWorktreeChanges('junk\0'), undefined);
  });
});
