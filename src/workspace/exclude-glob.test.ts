import * as assert from 'node:assert/strict';
import { excludeGlob } from './exclude-glob';

describe('the exclude glob for listing files', () => {
  it('always leaves out dependency folders', () => {
    assert.equal(excludeGlob(undefined), '**/node_modules/**');
  });
  it('adds the files.exclude entries that are on, without conditions or nested braces', () => {
    const glob = excludeGlob({
      '**/.git': true,
      '**/.DS_Store': true,
      '**/off': false,
      '**/*.js': { when: '$(basename).ts' },
      '**/*.{a,b}': true,
    });
    assert.equal(glob, '{**/node_modules/**,**/.git,**/.DS_Store}');
  });
});
