import * as assert from 'node:assert/strict';
import { codeOwnersFileAmong, parseCodeOwners } from './codeowners';

describe('CODEOWNERS', () => {
  it('GitHub: gitignore-style patterns, the last matching line wins, a line without owners unsets them', () => {
    const owners = parseCodeOwners(
      [
        '# comment',
        '*       @org/everyone',
        '*.js    @js-owner   # inline comment',
        '/build/logs/ @doctocat',
        'docs/*  docs@example.com',
        'apps/   @octocat',
        '/apps/github',
        '**/logs @logs-team',
        'src/\\#weird/ @escaped',
      ].join('\n'),
    );
    const table: [string, string[]][] = [
      ['README.md', ['@org/everyone']],
      ['lib/a.js', ['@js-owner']],
      ['build/logs/x.txt', ['@logs-team']],
      ['docs/getting-started.md', ['docs@example.com']],
      ['docs/build-app/troubleshooting.md', ['@org/everyone']],
      ['apps/web/index.ts', ['@octocat']],
      ['nested/apps/x.ts', ['@octocat']],
      ['apps/github/index.ts', []],
      ['deep/a/logs/b.txt', ['@logs-team']],
      ['src/#weird/a.ts', ['@escaped']],
    ];
    for (const [path, expected] of table) assert.deepEqual(owners.ownersOf(path), expected, path);
  });

  it('GitLab: sections add their owners, each decided by its own last match; default owners fill ownerless lines', () => {
    const owners = parseCodeOwners(
      [
        '* @admins',
        '',
        '[Docs] @docs-team',
        'docs/',
        '*.md @writers',
        '',
        '^[Security][2] @sec',
        '/src/auth/',
        'src/auth/legacy/ @old-sec',
        '',
        '[Paths with spaces]',
        'my\\ folder/ @spaces',
      ].join('\n'),
    );
    assert.deepEqual(owners.ownersOf('src/app.ts'), ['@admins']);
    assert.deepEqual(owners.ownersOf('docs/guide.txt'), ['@admins', '@docs-team']);
    assert.deepEqual(owners.ownersOf('docs/guide.md'), ['@admins', '@writers']);
    assert.deepEqual(owners.ownersOf('src/auth/login.ts'), ['@admins', '@sec']);
    assert.deepEqual(owners.ownersOf('src/auth/legacy/x.ts'), ['@admins', '@old-sec']);
    assert.deepEqual(owners.ownersOf('my folder/a.txt'), ['@admins', '@spaces']);
  });

  it('skips lines it cannot read, and finds the file where GitHub and GitLab look', () => {
    const owners = parseCodeOwners('!negated @x\nsrc/ @ok\n');
    assert.deepEqual(owners.skipped, [1]);
    assert.deepEqual(owners.ownersOf('src/a'), ['@ok']);
    assert.equal(codeOwnersFileAmong(['CODEOWNERS', '.github/CODEOWNERS']), '.github/CODEOWNERS');
    assert.equal(codeOwnersFileAmong(new Set(['docs/CODEOWNERS'])), 'docs/CODEOWNERS');
    assert.equal(codeOwnersFileAmong([]), undefined);
  });
});
