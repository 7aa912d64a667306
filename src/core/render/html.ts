// The Impact Report panel's HTML, without vscode: the extension hands in the webview's nonce and resource URIs.
// Every string that comes from a map, a file name or git goes through `text()` or `attr()`; clickable things carry
// indexes into the report, never the untrusted strings themselves, so nothing the page sends back is taken on trust.
import { changedDeclarations, describeSymbol, type TouchpointSymbol } from '../impact/symbol-impact';
import type { ImpactReport, JourneyImpact, TouchpointImpact } from '../impact/impact';
import type { Tier } from '../types';
import { TIERS } from '../types';
import { escapeHtml, safeUrl } from './escape';
import { changeNotes, plural, shortCommit } from './markdown';
import { chainFiles, renderChain } from '../graph/chain';
import { hopsText } from './indirect';

export type ComparisonKind = 'worktree' | 'branch' | 'refs';

export interface ReportPage {
  comparison: { kind: ComparisonKind; base?: string; head?: string };
  /** Refs offered in the base and head pickers. */
  refs: readonly { name: string; kind: string }[];
  /** What is compared, in words (`Branch x vs main`). */
  label?: string;
  report?: ImpactReport;
  /** Instead of a report: why there is none (untrusted workspace, no repository, git failed). */
  message?: string;
  /** A button under the message. */
  messageAction?: { action: 'trust' | 'refresh'; label: string };
  /** Restored with the page across reloads: which workspace folder the report is for. */
  folder?: string;
}

export interface HtmlShell {
  nonce: string;
  /** `webview.cspSource`. */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
}

/** Rows per file list before "Show more": keeps a report of thousands of files quick to open. */
export const PAGE_SIZE = 200;

/** Text content and attribute values alike: entities for every character that could end either. */
function text(value: string): string {
  return escapeHtml(value);
}

/** An attribute value that must keep its exact text (a URL): quotes and markup characters as entities. */
function attr(value: string): string {
  return value.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const TIER_LABEL: Record<Tier, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };

/** The map files the report names, in order: `data-map` attributes are indexes into this list. */
export function reportMaps(report: ImpactReport): string[] {
  const maps = new Set<string>();
  for (const j of report.journeys) {
    maps.add(j.map);
    for (const tp of j.touchpoints) for (const r of tp.reasons) maps.add(r.map);
  }
  for (const c of report.mapChanges ?? []) maps.add(c.map);
  return [...maps].sort();
}

/** The file lists of the report, by list id: the unit of paging. */
export function listIds(report: ImpactReport): string[] {
  const ids: string[] = [];
  report.journeys.forEach((j, ji) => j.touchpoints.forEach((_tp, ti) => ids.push(`t-${ji}-${ti}`)));
  if (movedRows(report).length > 0) ids.push('moved');
  if (report.unmappedFiles.length > 0) ids.push('unmapped');
  return ids;
}

export function listLength(report: ImpactReport, list: string): number {
  return rowsOf(report, list)?.length ?? 0;
}

/** Rows `offset … offset+count` of a list, as `<tr>` markup; empty for an unknown list. */
export function renderRows(report: ImpactReport, list: string, offset: number, count: number): string {
  const rows = rowsOf(report, list);
  if (!rows) return '';
  const start = Math.max(0, Math.floor(offset));
  return rows
    .slice(start, start + Math.max(0, Math.floor(count)))
    .map((row) => row())
    .join('');
}

type Row = () => string;

function rowsOf(report: ImpactReport, list: string): Row[] | undefined {
  const ctx = context(report);
  if (list === 'unmapped')
    return report.unmappedFiles.map((f) => () => `<tr><td>${fileButton(ctx, f)}</td><td>${noteOf(ctx, f)}</td></tr>`);
  if (list === 'moved') return movedRows(report).map((m) => () => movedRow(ctx, m));
  const match = /^t-(\d+)-(\d+)$/.exec(list);
  if (!match) return undefined;
  const tp = report.journeys[Number(match[1])]?.touchpoints[Number(match[2])];
  if (!tp) return undefined;
  return tp.reasons.map((r) => () => {
    const mapIndex = ctx.maps.indexOf(r.map);
    return (
      `<tr><td>${fileButton(ctx, r.file)}</td><td>${noteOf(ctx, r.file)}</td>` +
      `<td><code>${text(r.pattern)}</code></td>` +
      `<td><button type="button" class="link" data-action="open-map" data-map="${mapIndex}" data-line="${r.line}" ` +
      `title="Open the map at this line">${text(r.map)}:${r.line}</button></td></tr>`
    );
  });
}

interface RenderContext {
  files: Map<string, number>;
  maps: string[];
  notes: Map<string, string>;
}

const contexts = new WeakMap<ImpactReport, RenderContext>();

function context(report: ImpactReport): RenderContext {
  let ctx = contexts.get(report);
  if (!ctx) {
    const files = new Map<string, number>();
    report.changedFiles.forEach((f, i) => files.set(f, i));
    ctx = { files, maps: reportMaps(report), notes: changeNotes(report) };
    contexts.set(report, ctx);
  }
  return ctx;
}

function fileButton(ctx: RenderContext, file: string): string {
  const index = ctx.files.get(file);
  // A file that gained or lost a touchpoint need not be a changed one: it has no diff to open.
  if (index === undefined) return `<code>${text(file)}</code>`;
  return `<button type="button" class="link file" data-action="open-file" data-file="${index}" title="Open the change">${text(file)}</button>`;
}

function noteOf(ctx: RenderContext, file: string): string {
  return text(ctx.notes.get(file) ?? 'modified');
}

interface MovedRow {
  map: string;
  journey: string;
  touchpoint: string;
  file: string;
  gained: boolean;
}

function movedRows(report: ImpactReport): MovedRow[] {
  return (report.mapChanges ?? []).flatMap((c) => [
    ...c.added.map((file) => ({ map: c.map, journey: c.journey, touchpoint: c.touchpoint, file, gained: true })),
    ...c.removed.map((file) => ({ map: c.map, journey: c.journey, touchpoint: c.touchpoint, file, gained: false })),
  ]);
}

function movedRow(ctx: RenderContext, m: MovedRow): string {
  return (
    `<tr><td><code>${text(`${m.journey}/${m.touchpoint}`)}</code></td><td>${text(m.map)}</td>` +
    `<td class="${m.gained ? 'gained' : 'lost'}">${m.gained ? 'gained' : 'lost'}</td><td>${fileButton(ctx, m.file)}</td></tr>`
  );
}

/** The whole page. `pageSize` rows of each file list are in it; the rest arrive on "Show more". */
export function renderReportHtml(page: ReportPage, shell: HtmlShell, pageSize = PAGE_SIZE): string {
  const csp = [
    "default-src 'none'",
    `style-src ${shell.cspSource}`,
    `img-src ${shell.cspSource}`,
    `font-src ${shell.cspSource}`,
    `script-src 'nonce-${shell.nonce}'`,
  ].join('; ');
  const report = page.report;
  const key = report ? `${report.base}\u2026${report.head}` : '';
  const state = JSON.stringify({ comparison: page.comparison, folder: page.folder });
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<link rel="stylesheet" href="${attr(shell.styleUri)}">`,
    '<title>Impact Report</title>',
    '</head>',
    `<body data-key="${attr(key)}" data-state="${attr(state)}" data-page-size="${pageSize}">`,
    '<header>',
    '<h1>Customer impact</h1>',
    comparisonForm(page),
    toolbar(Boolean(report)),
    '<p id="status" class="status" role="status" aria-live="polite"></p>',
    '</header>',
    '<main>',
    report ? reportBody(page, report, pageSize) : messageBody(page),
    '</main>',
    `<script nonce="${attr(shell.nonce)}" src="${attr(shell.scriptUri)}"></script>`,
    '</body>',
    '</html>',
  ].join('\n');
}

function comparisonForm(page: ReportPage): string {
  const { kind, base = '', head = '' } = page.comparison;
  const radio = (value: ComparisonKind, label: string): string =>
    `<label class="choice"><input type="radio" name="kind" value="${value}"${kind === value ? ' checked' : ''}> ${label}</label>`;
  const options = page.refs.map((r) => `<option value="${attr(r.name)}">${text(r.kind)}</option>`).join('');
  return [
    '<form id="comparison" class="comparison">',
    '<fieldset>',
    '<legend>Compare</legend>',
    radio('branch', 'Current branch against its base'),
    radio('worktree', 'Working tree against HEAD'),
    radio('refs', 'Two refs'),
    '<span class="refs">',
    `<label for="base">Base</label> <input id="base" name="base" list="ref-list" autocomplete="off" spellcheck="false" value="${attr(base)}" placeholder="upstream or default branch">`,
    `<label for="head">Head</label> <input id="head" name="head" list="ref-list" autocomplete="off" spellcheck="false" value="${attr(head)}" placeholder="HEAD">`,
    '</span>',
    `<datalist id="ref-list">${options}</datalist>`,
    '<button type="submit">Compare</button>',
    '</fieldset>',
    '</form>',
  ].join('\n');
}

function toolbar(hasReport: boolean): string {
  const disabled = hasReport ? '' : ' disabled';
  return [
    '<div class="toolbar" role="toolbar" aria-label="Report actions">',
    '<button type="button" data-action="refresh">Refresh</button>',
    `<button type="button" data-action="copy"${disabled}>Copy as Markdown</button>`,
    `<button type="button" data-action="save-markdown"${disabled}>Save as Markdown…</button>`,
    `<button type="button" data-action="save-json"${disabled}>Save as JSON…</button>`,
    '</div>',
  ].join('\n');
}

function messageBody(page: ReportPage): string {
  const action = page.messageAction
    ? `<p><button type="button" data-action="${page.messageAction.action}">${text(page.messageAction.label)}</button></p>`
    : '';
  return `<p class="message">${text(page.message ?? 'Loading…')}</p>${action}`;
}

/** One sentence: how many journeys, the highest tier, how many changed files no journey covers. */
export function summaryText(report: ImpactReport): string {
  const changed = plural(report.changedFiles.length, 'changed file');
  if (report.changedFiles.length === 0) return 'This change touches no files.';
  const unmapped = `${plural(report.unmappedFiles.length, 'changed file')} in no journey`;
  if (report.journeys.length === 0) return `No customer journey is touched by the ${changed}; ${unmapped}.`;
  const highest = TIERS.find((tier) => report.journeys.some((j) => j.tier === tier)) ?? 'low';
  return `${plural(report.journeys.length, 'journey')} touched, highest tier ${highest}; ${unmapped} (of ${report.changedFiles.length}).`;
}

function reportBody(page: ReportPage, report: ImpactReport, pageSize: number): string {
  const out: string[] = [];
  const range = `${shortCommit(report.base)} \u2026 ${shortCommit(report.head === 'WORKTREE' ? 'working tree' : report.head)}`;
  out.push(`<p class="compared">${text(page.label ?? 'Comparison')} <span class="muted">(${text(range)})</span></p>`);
  out.push(`<p class="summary" id="summary">${text(summaryText(report))}</p>`);
  if (report.journeys.length > 0) {
    out.push('<nav aria-label="Journeys"><ol class="journey-index">');
    report.journeys.forEach((j, i) => {
      out.push(
        `<li><a href="#journey-${i}">${text(j.name)}</a> <span class="tier tier-${j.tier}">${TIER_LABEL[j.tier]}</span></li>`,
      );
    });
    out.push('</ol></nav>');
  }
  report.journeys.forEach((j, i) => out.push(journeySection(report, j, i, pageSize)));
  const moved = movedRows(report);
  if (moved.length > 0) {
    out.push(
      '<section class="map-changes" aria-labelledby="map-changes-h">',
      '<h2 id="map-changes-h">Map changes</h2>',
      `<p>The edit of a map moves ${plural(moved.length, 'file')} in or out of touchpoints (the base map against the head map, over the head's files).</p>`,
      table('moved', 'Files gained and lost by touchpoints', ['Touchpoint', 'Map', 'Effect', 'File'], report, pageSize),
      '</section>',
    );
  }
  out.push(declarationsSection(report));
  if (report.unmappedFiles.length > 0) {
    out.push(
      '<section class="unmapped" aria-labelledby="unmapped-h">',
      `<h2 id="unmapped-h">In no journey <span class="count">${plural(report.unmappedFiles.length, 'file')}</span></h2>`,
      table('unmapped', 'Changed files that no journey covers', ['File', 'Change'], report, pageSize),
      '</section>',
    );
  }
  return out.join('\n');
}

function journeySection(report: ImpactReport, j: JourneyImpact, index: number, pageSize: number): string {
  const out: string[] = [];
  out.push(`<section class="journey tier-${j.tier}" id="journey-${index}" aria-labelledby="journey-${index}-h">`);
  out.push(
    `<h2 id="journey-${index}-h"><span class="name">${text(j.name)}</span> <span class="tier tier-${j.tier}">${TIER_LABEL[j.tier]}</span>${j.reach === 'indirect' ? ' <span class="muted">indirect</span>' : ''}</h2>`,
  );
  const facts: [string, string][] = [];
  if (j.owner) facts.push(['Owner', text(j.owner)]);
  if (j.slo) facts.push(['SLO', text(j.slo)]);
  if (j.customers) facts.push(['Reach', text(j.customers)]);
  const links = j.links.flatMap((l) => {
    const url = safeUrl(l.url);
    return url ? [`<a href="${attr(url)}">${text(l.name)}</a>`] : [];
  });
  if (links.length > 0) facts.push(['Links', links.join(', ')]);
  const mapIndex = reportMaps(report).indexOf(j.map);
  facts.push([
    'Map',
    `<button type="button" class="link" data-action="open-map" data-map="${mapIndex}" data-line="0" data-journey="${index}">${text(j.map)}</button>`,
  ]);
  out.push('<dl class="facts">', ...facts.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`), '</dl>');
  j.touchpoints.forEach((tp, ti) => {
    out.push(`<h3>${text(tp.name)} <span class="muted">${touchpointFacts(tp)}</span></h3>`);
    out.push(touchedSymbolsList(report, tp.symbols ?? []));
    if (tp.files.length > 0 || !tp.indirect)
      out.push(
        table(
          `t-${index}-${ti}`,
          `Changed files in ${j.name}: ${tp.name}`,
          ['File', 'Change', 'Matched by', 'Map line'],
          report,
          pageSize,
        ),
      );
    if (tp.indirect) out.push(indirectList(report, tp));
  });
  out.push('</section>');
  return out.join('\n');
}

/** The named symbols the change touched, each a button that opens the change at the symbol. */
function touchedSymbolsList(report: ImpactReport, symbols: readonly TouchpointSymbol[]): string {
  if (symbols.length === 0) return '';
  const ctx = context(report);
  const items = symbols.map((s) => `<li>${symbolButton(ctx, s.file, s)}</li>`);
  return `<ul class="symbols" aria-label="Symbols the change touched">${items.join('')}</ul>`;
}

function symbolButton(
  ctx: RenderContext,
  file: string,
  s: { symbol: string; side: 'old' | 'new'; lines: [number, number] },
): string {
  const index = ctx.files.get(file);
  if (index === undefined) return `<code>${text(describeSymbol(s))}</code>`;
  return (
    `<button type="button" class="link symbol" data-action="open-symbol" data-file="${index}" data-line="${s.lines[0]}" data-side="${s.side}" ` +
    `title="Open the change at this symbol">${text(describeSymbol(s))}</button>`
  );
}

/** Per changed file, the declarations the change touched. */
function declarationsSection(report: ImpactReport): string {
  const changes = changedDeclarations(report);
  if (changes.length === 0) return '';
  const ctx = context(report);
  const rows = changes.map((c) => {
    const what =
      c.precision === 'file'
        ? `<span class="muted">symbols not read (${text(c.unread ?? 'unknown')}); the whole file counts</span>`
        : c.symbols.map((s) => symbolButton(ctx, s.file, s)).join(', ');
    // The path is plain text here: the declarations are the buttons (the file's own button is in its touchpoint's table).
    return `<tr><td><code>${text(c.path)}</code></td><td>${what}</td></tr>`;
  });
  return [
    '<section class="declarations" aria-labelledby="declarations-h">',
    `<h2 id="declarations-h">Changed declarations <span class="count">${plural(changes.length, 'file')}</span></h2>`,
    '<table><caption>Declarations each changed file touched</caption><thead><tr><th>File</th><th>Declarations</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody></table>`,
    '</section>',
  ].join('\n');
}

/** Every file of every chain of indirect reach, in a fixed order: a chain link names its file by index. */
export function reportChainFiles(report: ImpactReport): string[] {
  const files = new Set<string>();
  for (const j of report.journeys)
    for (const tp of j.touchpoints) for (const hit of tp.indirect ?? []) for (const f of chainFiles(hit)) files.add(f);
  return [...files];
}

/** Indirect reach, apart from the changed files the touchpoint covers: each chain, every file a link. */
function indirectList(report: ImpactReport, tp: TouchpointImpact): string {
  const ctx = context(report);
  const linked = reportChainFiles(report);
  const items = (tp.indirect ?? []).map((hit) => {
    const chain = renderChain(
      hit,
      (f) =>
        `<button type="button" class="link" data-action="open-path" data-path="${linked.indexOf(f)}" title="Open ${attr(f)}">${text(f)}</button>`,
      text,
    );
    return `<li>${fileButton(ctx, hit.file)} <span class="muted">· ${text(hopsText(hit.hops))} ·</span> via ${chain}</li>`;
  });
  return `<p class="muted">Reached indirectly, through imports:</p><ul class="indirect">${items.join('')}</ul>`;
}

function touchpointFacts(tp: TouchpointImpact): string {
  const parts = [text(tp.id)];
  if (tp.channel) parts.push(text(tp.channel));
  parts.push(plural(tp.files.length, 'file'));
  if (tp.indirect) parts.push(`${tp.indirect.length} indirect`);
  if (tp.precision === 'file') parts.push(`whole files; the touchpoint is ${text((tp.symbolScope ?? []).join(', '))}`);
  return parts.join(' · ');
}

function table(
  list: string,
  caption: string,
  columns: readonly string[],
  report: ImpactReport,
  pageSize: number,
): string {
  const total = listLength(report, list);
  const shown = Math.min(total, pageSize);
  const more =
    total > shown
      ? `<p class="more"><button type="button" data-action="more" data-list="${list}" aria-describedby="count-${list}">Show more</button> ` +
        `<span id="count-${list}" class="muted" data-total="${total}">${shown} of ${total} shown</span></p>`
      : '';
  return (
    `<table data-list="${list}"><caption>${text(caption)}</caption>` +
    `<thead><tr>${columns.map((c) => `<th scope="col">${c}</th>`).join('')}</tr></thead>` +
    `<tbody id="rows-${list}">${renderRows(report, list, 0, shown)}</tbody></table>${more}`
  );
}
