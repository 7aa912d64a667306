// Property tests (fast-check): reports with random names, ids, paths and links rendered as text, Markdown and HTML
// never carry markup, links or terminal controls that came from those strings. `npm run fuzz` runs far more cases.
import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { codeSpan, escapeTerminal, safeUrl } from './escape';
import { renderImpactText } from './text';
import { htmlEscapes, markdownEscapes, textEscapes } from '../../../test/properties/reports';
import { describeRun, runProperty, suiteRuns } from '../../../test/properties/run';

describe('renderer properties: random names stay text', function () {
  this.timeout(180_000);

  it(`HTML: parse5 finds only the elements and attributes of the template (${suiteRuns(800)} reports)`, () => {
    console.log(`      ${describeRun(runProperty(htmlEscapes, suiteRuns(800)))}`);
  });

  it(`Markdown: markdown-it finds no raw HTML, links or emphasis from names (${suiteRuns(800)} reports)`, () => {
    console.log(`      ${describeRun(runProperty(markdownEscapes, suiteRuns(800)))}`);
  });

  it(`text: no control characters, escape sequences or extra lines from names (${suiteRuns(1000)} reports)`, () => {
    console.log(`      ${describeRun(runProperty(textEscapes, suiteRuns(1000)))}`);
  });

  // Found by the properties.
  describe('regressions', () => {
    const md = new MarkdownIt({ html: true });

    it('an empty code span does not pair with a later backtick run (which would turn code into Markdown)', () => {
      assert.equal(codeSpan(''), '` `');
      const html = md.render(`- ${codeSpan('')} by ${codeSpan('[x](https://evil.example)')} (${codeSpan('``:1')})`);
      assert.doesNotMatch(html, /<a /);
      assert.equal(html.match(/<code>/g)?.length, 3);
    });

    it('a control character in a link target is encoded, so the link stays a link', () => {
      assert.equal(safeUrl('https://e.example/\u0007x\u009b'), 'https://e.example/%07x%9B');
      assert.match(
        md.render(`[a](${safeUrl('https://e.example/\u0000')!})`),
        /<a href="https:\/\/e\.example\/%00">a<\/a>/,
      );
    });

    it('bidirectional controls are shown, not sent, to a terminal', () => {
      assert.equal(escapeTerminal('evil\u202egnp.ts\u2066\u200f'), 'evil\\u202egnp.ts\\u2066\\u200f');
      assert.equal(escapeTerminal('\u001b[31m'), '\\x1b[31m');
    });

    it('the commit range of a text report is escaped too', () => {
      const text = renderImpactText({
        base: '\u001b[2J',
        head: 'WORKTREE',
        changedFiles: [],
        changes: [],
        journeys: [],
        unmappedFiles: [],
      });
      assert.match(text, /^Customer impact \\x1b\[2J\.\.\.WORKTREE/);
    });
  });
});
