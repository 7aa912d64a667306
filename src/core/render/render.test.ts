import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import type { ImpactReport } from '../impact/impact';
import { codeSpan, escapeMarkdown, escapeTerminal, safeUrl } from './escape';
import { renderJson } from './json';
import { renderImpactMarkdown } from './markdown';
import { renderCoverageText, renderDiagnosticsText, renderExplainText, renderImpactText } from './text';

// GitHub renders PR comments with raw HTML allowed (then sanitises); markdown-it with html:true is the stricter test.
const md = new MarkdownIt({ html: true });

function report(overrides: Partial<ImpactReport> = {}): ImpactReport {
  return {
    base: '0123456789abcdef0123456789abcdef01234567',
    head: 'WORKTREE',
    changedFiles: ['docs/notes.md', 'services/payments/charge.ts'],
    changes: [
      { path: 'docs/notes.md', status: 'untracked' },
      { path: 'services/payments/charge.ts', status: 'modified' },
    ],
    journeys: [
      {
        id: 'checkout',
        name: 'Checkout',
        tier: 'critical',
        map: 'cx-map.yaml',
        owner: '@acme/payments',
        slo: '99.95% of checkouts succeed',
        links: [{ name: 'dashboard', url: 'https://grafana.example.com/d/checkout' }],
        touchpoints: [
          {
            id: 'pay',
            name: 'Pay for the order',
            channel: 'web',
            files: ['services/payments/charge.ts'],
            reasons: [
              { file: 'services/payments/charge.ts', map: 'cx-map.yaml', pattern: 'services/payments/**', line: 14 },
            ],
            precision: 'file',
            symbolScope: ['PaymentService.charge'],
          },
        ],
      },
    ],
    unmappedFiles: ['docs/notes.md'],
    ...overrides,
  };
}

const hostile = '<img src=x onerror=alert(1)>';

describe('Markdown report', () => {
  it('has a heading, a summary, a table per journey, the reasons and the unmapped files', () => {
    const text = renderImpactMarkdown(report());
    const html = md.render(text);
    assert.match(html, /<h2>Customer impact<\/h2>/);
    assert.match(
      html,
      /<strong>1 journey<\/strong> \(1 critical\), 1 touchpoint, from 2 changed files; 1 file in no map\./,
    );
    assert.match(html, /<h3>🔴 Checkout · critical<\/h3>/);
    assert.match(html, /<table>[\s\S]*<td>Pay for the order <code>pay<\/code><\/td>\s*<td>web<\/td>/);
    assert.match(html, /<a href="https:\/\/grafana\.example\.com\/d\/checkout">dashboard<\/a>/);
    assert.match(html, /<code>services\/payments\/\*\*<\/code> \(<code>cx-map\.yaml:14<\/code>\)/);
    assert.match(html, /whole files; the touchpoint is <code>PaymentService\.charge<\/code>/);
    assert.match(html, /<summary>1 changed file in no journey map<\/summary>[\s\S]*<code>docs\/notes\.md<\/code>/);
    assert.match(html, /<code>0123456<\/code>/);
  });

  it('renders hostile map text and file names inert', () => {
    const base = report();
    const journey = base.journeys[0]!;
    const tp = journey.touchpoints[0]!;
    const evil = report({
      journeys: [
        {
          ...journey,
          name: hostile,
          owner: `x\`</code>${hostile}`,
          slo: '[click](javascript:alert(1))',
          links: [
            { name: hostile, url: 'javascript:alert(1)' },
            { name: 'ok', url: 'https://e.com/a) <b>x</b>' },
          ],
          touchpoints: [
            {
              ...tp,
              name: `a | b ${hostile}`,
              files: [`x/${hostile}|.ts`],
              reasons: [{ file: `x/${hostile}|.ts`, map: 'cx-map.yaml', pattern: '**/`x`', line: 3 }],
            },
          ],
        },
      ],
      unmappedFiles: [`</details>${hostile}`, 'a\nb'],
    });
    const html = md.render(renderImpactMarkdown(evil));
    assert.doesNotMatch(html, /<img/);
    assert.doesNotMatch(html, /<b>/);
    assert.doesNotMatch(html, /href="javascript/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
    // The `|` in the touchpoint name stays inside its cell: the row still has three cells.
    const row = /<tr>\s*<td>a \| b[\s\S]*?<\/tr>/.exec(html)?.[0] ?? '';
    assert.equal((row.match(/<td/g) ?? []).length, 3, row);
    // Exactly the two </details> the renderer wrote close its sections.
    assert.equal((html.match(/<\/details>/g) ?? []).length, 2);
  });

  it('says so when no journey is touched, and shows map changes', () => {
    const text = renderImpactMarkdown(
      report({
        journeys: [],
        mapChanges: [
          {
            map: 'cx-map.yaml',
            journey: 'refunds',
            touchpoint: 'refund',
            added: ['services/payments/refund.go'],
            removed: [],
          },
          { map: 'cx-map.yaml', journey: 'refunds', touchpoint: 'unchanged', added: [], removed: [] },
        ],
      }),
    );
    const html = md.render(text);
    assert.match(html, /No customer journey is touched by the 2 changed files\./);
    assert.match(html, /<h3>Map changes<\/h3>/);
    assert.match(html, /gained by <code>refunds\/refund<\/code>: <code>services\/payments\/refund\.go<\/code>/);
    assert.doesNotMatch(html, /unchanged/);
  });

  it('warns when the maps have errors, and only then', () => {
    assert.match(
      md.render(renderImpactMarkdown(report({ mapErrors: 2 }))),
      /<blockquote>\s*<p>⚠️ The journey maps have 2 errors \(see <code>cx-impact check<\/code>\)/,
    );
    assert.doesNotMatch(renderImpactMarkdown(report()), /⚠️/);
    assert.match(renderImpactText(report({ mapErrors: 1 })), /^The journey maps have 1 error \(see cx-impact check\)/m);
  });

  it('caps long file lists and counts the rest', () => {
    const files = Array.from({ length: 7 }, (_, i) => `f${i}.txt`);
    const html = md.render(renderImpactMarkdown(report({ journeys: [], unmappedFiles: files }), { maxFiles: 5 }));
    assert.match(html, /<code>f4\.txt<\/code>/);
    assert.doesNotMatch(html, /f5\.txt/);
    assert.match(html, /… and 2 more/);
  });
});

describe('escaping', () => {
  it('code spans hold backticks and pipes', () => {
    assert.equal(md.renderInline(codeSpan('a`b')), '<code>a`b</code>');
    assert.equal(md.renderInline(codeSpan('`x`')), '<code>`x`</code>');
  });
  it('escapeMarkdown leaves no inline syntax', () => {
    assert.equal(
      md.renderInline(escapeMarkdown('*a* _b_ [c](d) `e` <i>f</i> &amp;')),
      '*a* _b_ [c](d) `e` &lt;i&gt;f&lt;/i&gt; &amp;amp;',
    );
  });
  it('safeUrl keeps http(s) only', () => {
    assert.equal(safeUrl('javascript:alert(1)'), undefined);
    assert.equal(safeUrl('https://e.com/a b'), 'https://e.com/a%20b');
  });
  it('escapeTerminal shows escape sequences instead of sending them', () => {
    assert.equal(escapeTerminal('a\u001b[31mb'), 'a\\x1b[31mb');
  });
});

describe('text report', () => {
  it('prints journeys, touchpoints, reasons and unmapped files without colour unless asked', () => {
    const plain = renderImpactText(report());
    assert.ok(!plain.includes('\u001b'));
    assert.match(plain, /^Customer impact 0123456\.\.\.WORKTREE: 1 journey \(1 critical\) from 2 changed files$/m);
    assert.match(
      plain,
      /^CRITICAL Checkout \(checkout\) owner @acme\/payments, SLO 99\.95% of checkouts succeed, map cx-map\.yaml$/m,
    );
    assert.match(plain, /^ {4}services\/payments\/charge\.ts {2}cx-map\.yaml:14 services\/payments\/\*\*$/m);
    assert.match(plain, /^ {2}docs\/notes\.md \(new, untracked\)$/m);
    assert.ok(renderImpactText(report(), { color: true }).includes('\u001b[31mCRITICAL'));
  });

  it('prints diagnostics 1-based, sorted', () => {
    const range = (line: number, character: number) => ({
      start: { line, character },
      end: { line, character: character + 1 },
    });
    const text = renderDiagnosticsText([
      { file: 'b.yaml', range: range(0, 0), severity: 'warning', code: 'unknown-key', message: 'Unknown key "tiers".' },
      { file: 'a.yaml', range: range(4, 2), severity: 'error', code: 'bad-tier', message: 'Bad tier.' },
    ]);
    assert.equal(text, 'a.yaml:5:3 error bad-tier Bad tier.\nb.yaml:1:1 warning unknown-key Unknown key "tiers".\n');
  });

  it('explain names the deciding pattern and line; coverage lists idle patterns', () => {
    const explain = renderExplainText([
      {
        path: 'a.ts',
        touchpoints: [
          {
            journey: 'j',
            touchpoint: 't',
            map: 'cx-map.yaml',
            pattern: 'a.ts',
            line: 7,
            journeyName: 'J',
            touchpointName: 'T',
            tier: 'high',
          },
        ],
      },
      { path: 'b.ts', touchpoints: [] },
    ]);
    assert.match(explain, /decided by a\.ts at cx-map\.yaml:7/);
    assert.match(explain, /^b\.ts: in no touchpoint$/m);
    const coverage = renderCoverageText({
      totalFiles: 4,
      coveredFiles: 3,
      uncoveredFiles: ['z'],
      patterns: [
        {
          map: 'cx-map.yaml',
          journey: 'j',
          touchpoint: 't',
          pattern: 'old/**',
          line: 9,
          negated: false,
          files: 0,
          decided: 0,
        },
      ],
      touchpoints: [],
    });
    assert.match(coverage, /3 of 4 files in a touchpoint \(75\.0%\)/);
    assert.match(coverage, /cx-map\.yaml:9 old\/\*\* \(j\/t\)/);
  });
});

describe('JSON report', () => {
  it('uses the contract field names', () => {
    const parsed = JSON.parse(renderJson(report())) as Record<string, unknown>;
    assert.deepEqual(Object.keys(parsed).slice(0, 3), ['base', 'head', 'changedFiles']);
    assert.ok('journeys' in parsed && 'unmappedFiles' in parsed);
    const journey = (parsed.journeys as Record<string, unknown>[])[0]!;
    for (const key of ['id', 'name', 'tier', 'map', 'touchpoints']) assert.ok(key in journey, key);
    const tp = (journey.touchpoints as Record<string, unknown>[])[0]!;
    assert.deepEqual(tp.files, ['services/payments/charge.ts']);
    assert.equal(tp.precision, 'file');
  });
});
