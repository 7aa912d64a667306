import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { literalMap } from '../core/match/literal-map';
import { Matcher } from '../core/match/matcher';
import { renderFileImpactMarkdown } from './file-impact-markdown';

describe('renderFileImpactMarkdown', () => {
  it('renders map text and the path as text, never markup', () => {
    const map = literalMap('', [{ id: 'checkout', tier: 'critical', touchpoints: [{ id: 'pay', paths: ['src/**'] }] }]);
    const journey = map.journeys[0]!;
    journey.name = '<img src=x onerror=alert(1)>';
    journey.owner = '[click](javascript:alert(1)) | x';
    const path = 'src/`a`|<b>.ts';
    const markdown = renderFileImpactMarkdown(path, new Matcher([map]).coverageOf(path));
    const html = new MarkdownIt().render(markdown);
    assert.ok(!/<img|<a |<b>/.test(html), html);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.match(html, /<table>/, 'the table survives the pipes in the owner');
  });

  it('says so for an uncovered file', () => {
    assert.match(renderFileImpactMarkdown('docs/a.md', []), /No journey in cx-map\.yaml covers this file\./);
  });
});
