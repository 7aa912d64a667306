import * as assert from 'node:assert/strict';
import { TestRepo, removeScratch } from './test-repo';
import { BlobReader, commitFiles, listTree } from './git-tree';

describe('git-tree: a commit read through one cat-file --batch', function () {
  this.timeout(30_000);
  after(removeScratch);

  it('streams many blobs, large and small, through one process, in the order asked; a missing id is undefined', async () => {
    const big = 'x'.repeat(300_000) + '\nend\n';
    const files: Record<string, string> = { 'big.ts': big, 'bin.dat': 'a\0b' };
    for (let i = 0; i < 200; i++) files[`src/f${i}.ts`] = `export const v${i} = ${i};\n`;
    const repo = TestRepo.create(files);
    const rev = repo.commit('files');
    const tree = await listTree(repo.dir, rev);
    assert.equal(tree.size, 202);
    assert.equal(tree.get('big.ts')?.size, big.length);
    const blobs = new BlobReader(repo.dir);
    try {
      const oids = [...tree.values()].map((e) => e.oid);
      const read = await Promise.all([...oids, '0'.repeat(40)].map((o) => blobs.get(o)));
      assert.equal(read.at(-1), undefined);
      const byPath = new Map([...tree.keys()].map((f, i) => [f, read[i]?.toString('utf8')]));
      assert.equal(byPath.get('big.ts'), big);
      assert.equal(byPath.get('src/f7.ts'), 'export const v7 = 7;\n');
      assert.equal(blobs.spawned, 1);
      const commit = await commitFiles(repo.dir, rev, blobs);
      assert.deepEqual(await commit.read('bin.dat', 1_000_000), { skipped: 'binary' });
      assert.deepEqual(await commit.read('big.ts', 1000), { skipped: 'over 1 MB' });
      assert.deepEqual(await commit.read('nope.ts', 1000), { skipped: 'unreadable (not in the commit)' });
      assert.deepEqual(await commit.read('src/f1.ts', 1000), { text: 'export const v1 = 1;\n' });
      assert.equal(blobs.spawned, 1);
    } finally {
      blobs.close();
    }
  });

  it('an unknown ref is a GitError', async () => {
    const repo = TestRepo.create({ 'a.ts': '' });
    repo.commit('a');
    await assert.rejects(listTree(repo.dir, 'no-such-ref'), /git ls-tree no-such-ref failed/);
  });
});
