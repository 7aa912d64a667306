import * as assert from 'node:assert/strict';
import { MAX_PARSE_BYTES, ParseError } from './parser';
import { LANGUAGES, languageOfPath, type LanguageId } from './languages';
import { syntaxErrors } from './syntax-errors';
import { packageParser } from '../../../test/support/tree-sitter';

/** A small, valid program in each language the finder reads. */
export const SAMPLES: Readonly<Record<LanguageId, string>> = {
  typescript: 'export class A { m(x: number): number { return x; } }\n',
  tsx: 'export const C = () => <div className="x">hi</div>;\n',
  javascript: 'function f() { return <b>x</b>; }\nmodule.exports = { f };\n',
  go: 'package main\n\nfunc (s *Service) Run() error { return nil }\n',
  python: 'class A:\n    def m(self):\n        return 1\n',
  java: 'package a;\nclass A { void m() {} }\n',
  csharp: 'namespace N { class A { void M() {} } }\n',
  rust: 'struct S;\nimpl S { fn m(&self) {} }\n',
  ruby: 'class A\n  def m\n  end\nend\n',
  php: '<?php\nclass A { function m() {} }\n',
  cpp: 'class A { public: void m(); };\nvoid A::m() {}\n',
};

describe('code parser (tree-sitter)', () => {
  const parser = packageParser();
  after(() => parser.dispose());

  for (const language of LANGUAGES) {
    it(`parses ${language} without errors`, async () => {
      const result = await syntaxErrors(parser, language, SAMPLES[language]);
      assert.deepEqual(result.problems, []);
    });
  }

  it('finds where a file is broken, and still gives a tree', async () => {
    const result = await syntaxErrors(parser, 'typescript', 'export function ok() {}\nfunction broken( {\n');
    assert.ok(result.problems.length > 0);
    assert.equal(result.problems[0]!.line, 1);
  });

  it('refuses files over the size limit and binary files, with the reason', async () => {
    await assert.rejects(
      parser.parse('typescript', 'x'.repeat(MAX_PARSE_BYTES + 1)),
      (e: unknown) => e instanceof ParseError && e.reason === 'too-large',
    );
    await assert.rejects(
      parser.parse('typescript', 'a\u0000b'),
      (e: unknown) => e instanceof ParseError && e.reason === 'binary',
    );
  });

  it('picks grammars by extension', () => {
    assert.equal(languageOfPath('a/b.d.ts'), 'typescript');
    assert.equal(languageOfPath('a/b.tsx'), 'tsx');
    assert.equal(languageOfPath('a/b.mjs'), 'javascript');
    assert.equal(languageOfPath('svc/x.go'), 'go');
    assert.equal(languageOfPath('Makefile'), undefined);
    assert.equal(languageOfPath('.env'), undefined);
    assert.equal(languageOfPath('a/b.sql'), undefined);
  });
});
