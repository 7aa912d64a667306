// Reports with random names, ids and paths rendered as text, Markdown and HTML: nothing a map or a file name holds
// becomes markup, a link or a terminal control sequence. Each report is rendered twice, once as generated and once
// with every user string swapped for a harmless one (`s1`, `s2`… equal strings stay equal, so the same rows,
// buttons and links appear); the two renderings must have the same structure.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import type { CoverageReport, ExplainEntry } from '../../src/core/impact/coverage';
import type { ImpactReport, JourneyImpact } from '../../src/core/impact/impact';
import { safeUrl } from '../../src/core/render/escape';
import { renderReportHtml, type ReportPage } from '../../src/core/render/html';
import { renderImpactMarkdown } from '../../src/core/render/markdown';
import {
  renderCoverageText,
  renderDiagnosticsText,
  renderExplainText,
  renderImpactText,
} from '../../src/core/render/text';
import { CHANNELS, TIERS, type ChangeStatus, type MapDiagnostic } from '../../src/core/types';
import { property } from './run';

/** Pieces of markup, Markdown, terminal escapes and text that is hard to count, for names to be made of. */
const FRAGMENTS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'",
  '"',
  '`',
  '``',
  '|',
  '\\',
  '*',
  '_',
  '~~',
  '~',
  '[x](javascript:alert(1))',
  '[x](https://evil.example)',
  '![i](https://evil.example/i.png)',
  '<https://evil.example>',
  '[x]: https://evil.example',
  '<a href="https://evil.example">x</a>',
  '&amp;',
  '&#60;',
  '&lt;',
  '&',
  '<!--',
  '-->',
  ']]>',
  '<details>',
  '</summary>',
  '</code>',
  '</td>',
  '</table>',
  '\n',
  '\r\n',
  '\r',
  '\u2028',
  '\u0000',
  '\u001b[31m',
  '\u001b]8;;https://evil.example\u0007',
  '\u009b31m',
  '\u0007',
  '\b',
  '\u007f',
  '\u202e',
  '\u2066',
  '\u200f',
  '$x$',
  '$$',
  '# ',
  '- ',
  '1. ',
  '> ',
  '    ',
  '\t',
  '===',
  '---',
  'javascript:',
  'http://',
  'https://evil.example',
  'www.evil.example',
  'mailto:a@b.c',
  '@user',
  '#123',
  ':smile:',
  '{{x}}',
  '${x}',
  '%3Cscript%3E',
  '\ud800',
  '😀',
  'é',
  '日本',
  ' ',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '!',
  '^',
];

export const hostileText = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) },
      { weight: 1, arbitrary: fc.string({ maxLength: 5 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 5 }) },
      { weight: 1, arbitrary: fc.constantFrom('a', 'services/payments', 'checkout', 'Pay') },
    ),
    { maxLength: 5 },
  )
  .map((parts) => parts.join(''));

const url = fc.oneof(
  fc.constantFrom(
    'https://grafana.example.com/d/x',
    'http://a.b/c?d=e&f=g#h',
    'javascript:alert(1)',
    'command:workbench.action.terminal.new',
    'file:///etc/passwd',
    'data:text/html,<b>',
    'HTTPS://X.Y',
  ),
  hostileText.map((tail) => `https://e.example/${tail}`),
  hostileText,
);

const STATUSES: ChangeStatus[] = ['added', 'modified', 'deleted', 'renamed', 'copied', 'untracked', 'type-changed'];

/** Everything a report says that came from a map, a file name or git; built into reports by `build`. */
interface RawReport {
  base: string;
  head: string;
  files: { path: string; status: ChangeStatus; oldPath: string }[];
  journeys: {
    id: string;
    name: string;
    tier: (typeof TIERS)[number];
    map: string;
    owner: string;
    description: string;
    slo: string;
    customers: string;
    links: { name: string; url: string }[];
    touchpoints: {
      id: string;
      name: string;
      channel: (typeof CHANNELS)[number] | '';
      symbols: string[];
      pattern: string;
      line: number;
      files: number[];
    }[];
  }[];
  moved: { map: string; journey: string; touchpoint: string; added: string[]; removed: string[] }[];
  page: { label: string; message: string; refs: string[]; base: string; head: string };
  mapErrors: number;
}

const rawReport: fc.Arbitrary<RawReport> = fc.record({
  base: fc.oneof(fc.constant('0123456789abcdef0123456789abcdef01234567'), hostileText),
  head: fc.oneof(fc.constant('WORKTREE'), fc.constant('89abcdef0123456789abcdef0123456789abcdef'), hostileText),
  files: fc.array(fc.record({ path: hostileText, status: fc.constantFrom(...STATUSES), oldPath: hostileText }), {
    maxLength: 6,
  }),
  journeys: fc.array(
    fc.record({
      id: hostileText,
      name: hostileText,
      tier: fc.constantFrom(...TIERS),
      map: fc.oneof(fc.constant('cx-map.yaml'), hostileText),
      owner: hostileText,
      description: hostileText,
      slo: hostileText,
      customers: hostileText,
      links: fc.array(fc.record({ name: hostileText, url }), { maxLength: 3 }),
      touchpoints: fc.array(
        fc.record({
          id: hostileText,
          name: hostileText,
          channel: fc.constantFrom(...CHANNELS, '' as const),
          symbols: fc.array(hostileText, { maxLength: 2 }),
          pattern: hostileText,
          line: fc.integer({ min: 1, max: 10_000 }),
          files: fc.array(fc.nat(), { maxLength: 4 }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    }),
    { maxLength: 3 },
  ),
  moved: fc.array(
    fc.record({
      map: hostileText,
      journey: hostileText,
      touchpoint: hostileText,
      added: fc.array(hostileText, { maxLength: 2 }),
      removed: fc.array(hostileText, { maxLength: 2 }),
    }),
    { maxLength: 2 },
  ),
  page: fc.record({
    label: hostileText,
    message: hostileText,
    refs: fc.array(hostileText, { maxLength: 3 }),
    base: hostileText,
    head: hostileText,
  }),
  mapErrors: fc.nat({ max: 3 }),
});

export interface Built {
  report: ImpactReport;
  page: ReportPage;
  explain: ExplainEntry[];
  coverage: CoverageReport;
  diagnostics: MapDiagnostic[];
}

/** The report, with every user string passed through `s` (identity, or the harmless stand-ins). */
export function build(raw: RawReport, s: (text: string) => string): Built {
  const files = raw.files.map((f) => ({ ...f, path: s(f.path), oldPath: s(f.oldPath) }));
  const changedFiles = [...new Set(files.flatMap((f) => (f.status === 'renamed' ? [f.path, f.oldPath] : [f.path])))];
  const pick = (i: number): string => changedFiles[i % Math.max(1, changedFiles.length)] ?? s('lonely');
  const journeys: JourneyImpact[] = raw.journeys.map((j) => {
    const journey: JourneyImpact = {
      id: s(j.id),
      name: s(j.name),
      tier: j.tier,
      map: s(j.map),
      links: j.links.map((l) => ({ name: s(l.name), url: s(l.url) })),
      touchpoints: j.touchpoints.map((t) => {
        const tpFiles = [...new Set(t.files.map(pick))];
        return {
          id: s(t.id),
          name: s(t.name),
          ...(t.channel ? { channel: t.channel } : {}),
          files: tpFiles,
          reasons: tpFiles.map((file) => ({ file, map: s(j.map), pattern: s(t.pattern), line: t.line })),
          ...(t.symbols.length > 0 ? { precision: 'file' as const, symbolScope: t.symbols.map(s) } : {}),
        };
      }),
    };
    if (j.owner) journey.owner = s(j.owner);
    if (j.description) journey.description = s(j.description);
    if (j.slo) journey.slo = s(j.slo);
    if (j.customers) journey.customers = s(j.customers);
    return journey;
  });
  const covered = new Set(journeys.flatMap((j) => j.touchpoints.flatMap((t) => t.files)));
  const report: ImpactReport = {
    base: s(raw.base),
    head: s(raw.head),
    changedFiles,
    changes: files.map((f) =>
      f.status === 'renamed' || f.status === 'copied'
        ? { path: f.path, status: f.status, oldPath: f.oldPath }
        : { path: f.path, status: f.status },
    ),
    journeys,
    unmappedFiles: changedFiles.filter((f) => !covered.has(f)),
    ...(raw.moved.length > 0
      ? {
          mapChanges: raw.moved.map((m) => ({
            map: s(m.map),
            journey: s(m.journey),
            touchpoint: s(m.touchpoint),
            added: m.added.map(s),
            removed: m.removed.map(s),
          })),
        }
      : {}),
    ...(raw.mapErrors > 0 ? { mapErrors: raw.mapErrors } : {}),
  };
  const page: ReportPage = {
    comparison: { kind: 'refs', base: s(raw.page.base), head: s(raw.page.head) },
    refs: raw.page.refs.map((name) => ({ name: s(name), kind: 'branch' })),
    label: s(raw.page.label),
    report,
    folder: s(raw.page.label),
  };
  const explain: ExplainEntry[] = changedFiles.map((path, i) => ({
    path,
    touchpoints: journeys.flatMap((j) =>
      j.touchpoints
        .filter((_, ti) => (i + ti) % 2 === 0)
        .map((t) => ({
          journey: j.id,
          touchpoint: t.id,
          map: j.map,
          pattern: t.reasons[0]?.pattern ?? s('p'),
          line: 3,
          journeyName: j.name,
          touchpointName: t.name,
          tier: j.tier,
          ...(t.symbolScope ? { symbols: t.symbolScope } : {}),
        })),
    ),
  }));
  const coverage: CoverageReport = {
    totalFiles: changedFiles.length + 1,
    coveredFiles: 1,
    uncoveredFiles: changedFiles,
    patterns: journeys.flatMap((j) =>
      j.touchpoints.map((t, i) => ({
        map: j.map,
        journey: j.id,
        touchpoint: t.id,
        pattern: t.reasons[0]?.pattern ?? s('p'),
        line: 2,
        negated: false,
        files: i % 2,
        decided: 0,
      })),
    ),
    touchpoints: [],
  };
  const diagnostics: MapDiagnostic[] = journeys.map((j, i) => ({
    file: j.map,
    range: { start: { line: i, character: 0 }, end: { line: i, character: 1 } },
    severity: 'warning',
    code: 'unknown-key',
    message: `Unknown key \`${j.name}\` in a journey`,
  }));
  return { report, page, explain, coverage, diagnostics };
}

/** Both builds of one raw report: as generated, and with harmless stand-ins (empty stays empty, links stay valid or not). */
export function bothBuilds(raw: RawReport): { real: Built; safe: Built } {
  const names = new Map<string, string>();
  const safeText = (text: string): string => {
    if (text === '') return '';
    let name = names.get(text);
    if (name === undefined) {
      // A stand-in for a URL keeps whether the renderers accept it as a link.
      name = safeUrl(text) !== undefined ? `https://s${names.size}.example` : `s${names.size}`;
      names.set(text, name);
    }
    return name;
  };
  return { real: build(raw, (t) => t), safe: build(raw, safeText) };
}

type Node = DefaultTreeAdapterMap['node'];

/** Tag names and attribute names in document order: what markup exists, not what text it holds. */
function skeleton(html: string): string[] {
  const out: string[] = [];
  const visit = (node: Node): void => {
    if ('tagName' in node) out.push(`<${node.tagName} ${node.attrs.map((a) => a.name).join(' ')}>`);
    else if (node.nodeName === '#comment') out.push('<!-->');
    for (const child of 'childNodes' in node ? node.childNodes : []) visit(child);
    if ('content' in node && node.content) visit(node.content);
  };
  visit(parse(html));
  return out;
}

function hrefs(html: string): string[] {
  const out: string[] = [];
  const visit = (node: Node): void => {
    if ('tagName' in node) for (const a of node.attrs) if (a.name === 'href' || a.name === 'src') out.push(a.value);
    for (const child of 'childNodes' in node ? node.childNodes : []) visit(child);
  };
  visit(parse(html));
  return out;
}

const shell = {
  nonce: 'n0nce',
  cspSource: 'https://webview.example',
  scriptUri: 'https://webview.example/report.js',
  styleUri: 'https://webview.example/report.css',
};

export function checkHtml(raw: RawReport): void {
  const { real, safe } = bothBuilds(raw);
  const html = renderReportHtml(real.page, shell);
  assert.deepEqual(
    skeleton(html),
    skeleton(renderReportHtml(safe.page, shell)),
    'the page has the elements and attributes of its template only',
  );
  for (const href of hrefs(html))
    assert.match(href, /^(https?:\/\/|#journey-\d+$)/i, `a link or source the template did not make: ${href}`);
}

// GitHub renders pull-request comments with raw HTML allowed (then sanitises): html:true is the stricter test.
const md = new MarkdownIt({ html: true });

/** Token types, inline ones included, text left out (its content is the user's). */
function tokenTypes(markdown: string): string[] {
  const out: string[] = [];
  for (const token of md.parse(markdown, {})) {
    out.push(token.type);
    for (const child of token.children ?? []) if (child.type !== 'text') out.push(child.type);
  }
  return out;
}

export function checkMarkdown(raw: RawReport): void {
  const { real, safe } = bothBuilds(raw);
  const markdown = renderImpactMarkdown(real.report);
  const reference = renderImpactMarkdown(safe.report);
  assert.deepEqual(
    tokenTypes(markdown),
    tokenTypes(reference),
    'names add no Markdown structure (links, emphasis, code, HTML)',
  );
  const html = md.render(markdown);
  assert.deepEqual(skeleton(html), skeleton(md.render(reference)), 'names add no HTML element or attribute');
  for (const href of hrefs(html)) assert.match(href, /^https?:\/\//i, `a link that is not http(s): ${href}`);
}

/** C0 and C1 controls (tab and line feed aside), DEL, and the bidirectional overrides ("Trojan Source"). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** What the text renderers' own colours look like. */
// eslint-disable-next-line no-control-regex
const OWN_SGR = /\u001b\[(?:1|2|22|31|32|33|35|36|39)m/g;

export function checkText(raw: RawReport): void {
  const { real, safe } = bothBuilds(raw);
  for (const color of [false, true]) {
    const outputs = (b: Built): string[] => [
      renderImpactText(b.report, { color }),
      renderExplainText(b.explain, { color }),
      renderCoverageText(b.coverage, { color }),
      renderDiagnosticsText(b.diagnostics, { color }),
    ];
    const reference = outputs(safe);
    outputs(real).forEach((out, i) => {
      const plain = out.replace(OWN_SGR, '');
      const bad = CONTROL.exec(plain);
      assert.equal(
        bad,
        null,
        `a control character from a name reached the terminal: U+${bad?.[0].charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
      assert.equal(out.split('\n').length, reference[i]!.split('\n').length, 'names add no lines');
    });
  }
}

export const htmlEscapes = property({
  name: 'HTML report: random names add no markup',
  arbitrary: rawReport,
  check: checkHtml,
});
export const markdownEscapes = property({
  name: 'Markdown report: random names add no markup or links',
  arbitrary: rawReport,
  check: checkMarkdown,
});
export const textEscapes = property({
  name: 'text reports: random names add no control characters or lines',
  arbitrary: rawReport,
  check: checkText,
});
