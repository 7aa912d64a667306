import * as assert from 'node:assert/strict';
import { GitError, checkRef, isSafeRef, parseNameStatus } from './git';

describe('git output parsing', () => {
  it('reads -z name-status with renames, copies, odd names and every status', () => {
    const out = [
      'M',
      'a b.ts',
      'R087',
      'old\tname.ts',
      'new\nname.ts',
      'D',
      'gone.py',
      'A',
      'ünïcode/ファイル.go',
      'C100',
      'x',
      'y',
      'T',
      'link',
      '',
    ].join('\0');
    assert.deepEqual(parseNameStatus(out), [
      { path: 'a b.ts', status: 'modified' },
      { path: 'new\nname.ts', oldPath: 'old\tname.ts', status: 'renamed' },
      { path: 'gone.py', status: 'deleted' },
      { path: 'ünïcode/ファイル.go', status: 'added' },
      { path: 'y', oldPath: 'x', status: 'copied' },
      { path: 'link', status: 'type-changed' },
    ]);
    assert.deepEqual(parseNameStatus(''), []);
  });

  it('rejects truncated output instead of inventing paths', () => {
    assert.throws(() => parseNameStatus('R100\0only-one\0'), GitError);
    assert.throws(() => parseNameStatus('M\0'), GitError);
  });
});

describe('checkRef', () => {
  it('refuses refs git could read as options', () => {
    for (const ref of ['-p', '--output=/tmp/x', '-']) assert.throws(() => checkRef(ref), /may not start with "-"/);
    assert.throws(() => checkRef(''), GitError);
    for (const ref of ['main', 'origin/main', 'HEAD~2', 'v1.0.0', 'a-b']) assert.doesNotThrow(() => checkRef(ref));
  });
});

describe('isSafeRef: the one check of a ref the editor takes from a setting or a webview', () => {
  it('refuses what checkRef refuses, and also ranges and refs with spaces', () => {
    for (const ref of ['', '-p', '--output=/tmp/x', 'a\0b']) {
      assert.throws(() => checkRef(ref), GitError);
      assert.ok(!isSafeRef(ref), JSON.stringify(ref));
    }
    // On the command line git answers these itself ("unknown ref"); the editor never hands them over.
    for (const ref of ['main..HEAD', 'a b', 'main\tx']) {
      assert.doesNotThrow(() => checkRef(ref));
      assert.ok(!isSafeRef(ref), JSON.stringify(ref));
    }
    for (const ref of ['main', 'origin/main', 'HEAD~2', 'v1.0.0', 'a-b']) assert.ok(isSafeRef(ref), ref);
  });
});
