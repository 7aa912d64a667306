import * as assert from 'node:assert/strict';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { computeImpact, type ImpactReport } from '../impact/impact';
import { parseMap } from '../map/parse';
import { Matcher } from '../match/matcher';
import type { ChangedFile } from '../types';
import { PAGE_SIZE, listIds, renderReportHtml, renderRows, reportMaps, summaryText, type ReportPage } from './html';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const shell = {
  nonce: 'n0nce',
  cspSource: 'https://webview.example',
  scriptUri: 'https://webview.example/report.js',
  styleUri: 'https://webview.example/report.css',
};

const HOSTILE_JOURNEY = '<img src=x onerror=alert(1)>';
const HOSTILE_FILE = 'services/payments/"><script>';

const MAP = `version: 1
journeys:
  - id: browse
    name: Browse
    tier: low
    touchpoints:
      - id: search
        name: Search
        channel: web
        paths: [services/search/**]
  - id: checkout
    name: Checkout
    tier: critical
    owner: "@acme/payments"
    slo: 99.95% of checkouts succeed
    customers: 120k orders a day
    links:
      dashboard: https://grafana.example.com/d/checkout
    touchpoints:
      - id: pay
        name: Pay for the order
        channel: web
        paths:
          - services/payments/**
  - id: evil
    name: "${HOSTILE_JOURNEY}"
    tier: high
    owner: "</td><script>alert(2)</script>"
    touchpoints:
      - id: x
        name: "\\"><svg onload=alert(3)>"
        paths: [services/payments/**]
`;

function reportOf(files: ChangedFile[], map = MAP): ImpactReport {
  const parsed = parseMap(map, 'cx-map.yaml');
  assert.ok(parsed.map, JSON.stringify(parsed.diagnostics));
  return computeImpact({
    base: 'a'.repeat(40),
    head: 'b'.repeat(40),
    coverage: new Matcher([parsed.map]),
    changedFiles: files,
  });
}

function page(report: ImpactReport | undefined, extra: Partial<ReportPage> = {}): ReportPage {
  return {
    comparison: { kind: 'branch' },
    refs: [{ name: 'main', kind: 'branch' }],
    label: 'Branch x vs main',
    ...(report ? { report } : {}),
    ...extra,
  };
}

function elements(node: Node): Element[] {
  const out: Element[] = [];
  const visit = (n: Node): void => {
    if ('tagName' in n) out.push(n);
    const children = 'childNodes' in n ? n.childNodes : [];
    for (const child of children) visit(child);
    // <template> content is a separate fragment; the page has none, but it must not hide anything.
    if ('content' in n && n.content) visit(n.content);
  };
  visit(node);
  return out;
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

function attrOf(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

const changes: ChangedFile[] = [
  { path: 'services/payments/charge.ts', status: 'modified' },
  { path: HOSTILE_FILE, status: 'added' },
  { path: 'services/search/index.ts', status: 'modified' },
  { path: 'docs/<b>notes</b>.md', status: 'untracked' },
];

describe('Impact Report HTML', () => {
  it('parses, as a browser would, into our own elements only: hostile journey, owner, touchpoint and file names stay text', () => {
    const html = renderReportHtml(page(reportOf(changes)), shell);
    const doc = parse(html);
    const all = elements(doc);
    assert.deepEqual(all.filter((e) => e.tagName === 'script').length, 1, 'only the page script');
    assert.deepEqual(
      all.filter((e) => ['img', 'svg', 'b', 'iframe', 'object'].includes(e.tagName)),
      [],
    );
    const handlers = all.flatMap((e) =>
      e.attrs.filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName}[${a.name}]`),
    );
    assert.deepEqual(handlers, [], 'no inline event handlers');
    const headings = all.filter((e) => e.tagName === 'h2').map((h) => textOf(h));
    assert.ok(headings.includes(`${HOSTILE_JOURNEY} High`), headings.join(' | '));
    const files = all.filter((e) => attrOf(e, 'data-action') === 'open-file').map(textOf);
    assert.ok(files.includes(HOSTILE_FILE), files.join(' | '));
    assert.ok(all.some((e) => e.tagName === 'dd' && textOf(e) === '</td><script>alert(2)</script>'));
    assert.ok(all.some((e) => e.tagName === 'h3' && textOf(e).startsWith('"><svg onload=alert(3)>')));
    assert.ok(all.some((e) => e.tagName === 'td' && textOf(e) === 'docs/<b>notes</b>.md'));
  });

  it('has a strict CSP with the nonce, and the one script carries that nonce and a src', () => {
    const doc = parse(renderReportHtml(page(reportOf(changes)), shell));
    const all = elements(doc);
    const csp = all.find((e) => e.tagName === 'meta' && attrOf(e, 'http-equiv') === 'Content-Security-Policy');
    assert.equal(
      attrOf(csp as Element, 'content'),
      "default-src 'none'; style-src https://webview.example; img-src https://webview.example; font-src https://webview.example; script-src 'nonce-n0nce'",
    );
    const script = all.find((e) => e.tagName === 'script') as Element;
    assert.equal(attrOf(script, 'nonce'), 'n0nce');
    assert.equal(attrOf(script, 'src'), shell.scriptUri);
    assert.equal(textOf(script), '');
    assert.equal(
      all.filter((e) => attrOf(e, 'style') !== undefined).length,
      0,
      'no inline styles (the CSP forbids them)',
    );
  });

  it('keeps hostile refs in the comparison form as attribute values', () => {
    const html = renderReportHtml(
      page(undefined, {
        comparison: { kind: 'refs', base: '"><script>x</script>', head: "v1'onfocus='x" },
        message: 'm',
      }),
      shell,
    );
    const all = elements(parse(html));
    assert.equal(all.filter((e) => e.tagName === 'script').length, 1);
    assert.equal(attrOf(all.find((e) => attrOf(e, 'id') === 'base') as Element, 'value'), '"><script>x</script>');
    assert.equal(attrOf(all.find((e) => attrOf(e, 'id') === 'head') as Element, 'value'), "v1'onfocus='x");
    const state = JSON.parse(attrOf(all.find((e) => e.tagName === 'body') as Element, 'data-state') ?? '') as unknown;
    assert.deepEqual(state, { comparison: { kind: 'refs', base: '"><script>x</script>', head: "v1'onfocus='x" } });
  });

  it('orders journeys most critical first, with a summary, facts, real tables and the reasons', () => {
    const report = reportOf(changes);
    const all = elements(parse(renderReportHtml(page(report), shell)));
    const names = all.filter((e) => e.tagName === 'h2').map((h) => textOf(h));
    assert.deepEqual(names, ['Checkout Critical', `${HOSTILE_JOURNEY} High`, 'Browse Low', 'In no journey 1 file']);
    assert.equal(
      summaryText(report),
      '3 journeys touched, highest tier critical; 1 changed file in no journey (of 4).',
    );
    const checkout = all.find((e) => attrOf(e, 'id') === 'journey-0') as Element;
    const facts = elements(checkout)
      .filter((e) => e.tagName === 'dd')
      .map(textOf);
    assert.deepEqual(facts, [
      '@acme/payments',
      '99.95% of checkouts succeed',
      '120k orders a day',
      'dashboard',
      'cx-map.yaml',
    ]);
    // The journey's Map link names the journey, so the extension opens the map at its line.
    const journeyMap = elements(checkout).find(
      (e) => e.tagName === 'dd' && attrOf(e, 'data-action') === undefined && textOf(e) === 'cx-map.yaml',
    ) as Element;
    const journeyButton = elements(journeyMap).find((e) => attrOf(e, 'data-action') === 'open-map') as Element;
    assert.equal(report.journeys[Number(attrOf(journeyButton, 'data-journey'))]?.id, 'checkout');
    const link = elements(checkout).find((e) => e.tagName === 'a') as Element;
    assert.equal(attrOf(link, 'href'), 'https://grafana.example.com/d/checkout');
    const table = elements(checkout).find((e) => e.tagName === 'table') as Element;
    assert.deepEqual(
      elements(table)
        .filter((e) => e.tagName === 'th')
        .map((th) => [textOf(th), attrOf(th, 'scope')]),
      [
        ['File', 'col'],
        ['Change', 'col'],
        ['Matched by', 'col'],
        ['Map line', 'col'],
      ],
    );
    assert.equal(
      textOf(elements(table).find((e) => e.tagName === 'caption') as Element),
      'Changed files in Checkout: Pay for the order',
    );
    const rows = elements(table)
      .filter((e) => e.tagName === 'tr')
      .slice(1)
      .map((tr) =>
        elements(tr)
          .filter((e) => e.tagName === 'td')
          .map(textOf),
      );
    assert.deepEqual(rows, [
      [HOSTILE_FILE, 'added', 'services/payments/**', 'cx-map.yaml:24'],
      ['services/payments/charge.ts', 'modified', 'services/payments/**', 'cx-map.yaml:24'],
    ]);
    const mapButton = elements(table).find((e) => attrOf(e, 'data-action') === 'open-map') as Element;
    assert.equal(reportMaps(report)[Number(attrOf(mapButton, 'data-map'))], 'cx-map.yaml');
    assert.equal(attrOf(mapButton, 'data-line'), '24');
    const fileButton = elements(table).find((e) => attrOf(e, 'data-action') === 'open-file') as Element;
    assert.equal(report.changedFiles[Number(attrOf(fileButton, 'data-file'))], HOSTILE_FILE);
  });

  it('shows map changes: which touchpoint gained or lost which file', () => {
    const report: ImpactReport = {
      ...reportOf([{ path: 'cx-map.yaml', status: 'modified' }]),
      mapChanges: [
        {
          map: 'cx-map.yaml',
          journey: 'checkout',
          touchpoint: 'pay',
          added: ['services/refunds/a.ts'],
          removed: ['services/payments/old.ts'],
        },
      ],
    };
    const all = elements(parse(renderReportHtml(page(report), shell)));
    const section = all.find((e) => e.tagName === 'section' && attrOf(e, 'class') === 'map-changes') as Element;
    assert.ok(section, 'a map changes section');
    const rows = elements(section)
      .filter((e) => e.tagName === 'tr')
      .slice(1)
      .map((tr) =>
        elements(tr)
          .filter((e) => e.tagName === 'td')
          .map(textOf),
      );
    assert.deepEqual(rows, [
      ['checkout/pay', 'cx-map.yaml', 'gained', 'services/refunds/a.ts'],
      ['checkout/pay', 'cx-map.yaml', 'lost', 'services/payments/old.ts'],
    ]);
  });

  it('says why there is no report instead of one, with the action it offers', () => {
    const all = elements(
      parse(
        renderReportHtml(
          page(undefined, {
            message: 'This workspace is not trusted <b>',
            messageAction: { action: 'trust', label: 'Manage Workspace Trust' },
          }),
          shell,
        ),
      ),
    );
    assert.equal(
      textOf(all.find((e) => attrOf(e, 'class') === 'message') as Element),
      'This workspace is not trusted <b>',
    );
    assert.ok(all.some((e) => attrOf(e, 'data-action') === 'trust'));
    const copy = all.find((e) => attrOf(e, 'data-action') === 'copy') as Element;
    assert.equal(attrOf(copy, 'disabled'), '', 'nothing to copy');
  });

  it('pages long file lists: the page holds the first rows, renderRows the rest, in order', () => {
    const many = Array.from({ length: 5_000 }, (_, i): ChangedFile => ({
      path: `docs/f${String(i).padStart(5, '0')}.md`,
      status: 'modified',
    }));
    const report = reportOf(many);
    assert.deepEqual(listIds(report), ['unmapped']);
    const started = performance.now();
    const html = renderReportHtml(page(report), shell);
    const ms = performance.now() - started;
    const all = elements(parse(html));
    const body = all.find((e) => attrOf(e, 'id') === 'rows-unmapped') as Element;
    assert.equal(body.childNodes.length, PAGE_SIZE);
    assert.ok(all.some((e) => attrOf(e, 'data-action') === 'more' && attrOf(e, 'data-list') === 'unmapped'));
    const next = elements(
      parse(`<table><tbody>${renderRows(report, 'unmapped', PAGE_SIZE, PAGE_SIZE)}</tbody></table>`),
    ).filter((e) => e.tagName === 'button');
    assert.equal(next.length, PAGE_SIZE);
    assert.equal(textOf(next[0] as Element), 'docs/f00200.md');
    assert.equal(renderRows(report, 'unmapped', 4_900, 500).split('<tr>').length - 1, 100);
    assert.equal(renderRows(report, 'nope', 0, 10), '');
    assert.equal(renderRows(report, 't-9-9', 0, 10), '');
    if (process.env.CX_REPORT_TIMINGS)
      console.log(`      5,000 changed files: page ${html.length} chars in ${ms.toFixed(1)} ms`);
    assert.ok(html.length < 200_000, `the first page stays small (${html.length} chars)`);
  });
});
