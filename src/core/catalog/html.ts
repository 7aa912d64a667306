// The journey catalogue's page (contract §6): one self-contained HTML file with catalog.json embedded, the page script
// (dist/catalog-page.js, src/catalog/page/main.ts) and the style inline, and a Content-Security-Policy that lets
// nothing load from anywhere: the file opens from file://, a CI artifact or any static host. The same page runs in
// the editor's webview, with the webview's CSP and nonce. Only the shell is written here; the script renders the
// data with DOM calls, so no string from the map, git or CODEOWNERS is ever parsed as markup.
import type { Catalog } from './types';

export interface CatalogPageOptions {
  /** The page script's text (dist/catalog-page.js). */
  script: string;
  /** file (default): a CSP with the hashes of the inline script and style, computed by `hash`. */
  host?: 'file' | 'vscode';
  /** `sha256-<base64>` of a text (the caller has the crypto). */
  hash?: (text: string) => string;
  /** vscode: the webview's nonce and cspSource. */
  nonce?: string;
  cspSource?: string;
}

/** JSON inside `<script type="application/json">`: no `</script>`, no `<!--`, no line separators. */
export function embedJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A script's text inline: `</script` in it would end the element early. */
function inlineScript(script: string): string {
  return script.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

export function catalogCsp(options: CatalogPageOptions, script: string, style: string): string {
  if (options.host === 'vscode') {
    const nonce = options.nonce ?? '';
    return `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src ${options.cspSource ?? "'none'"} data:; base-uri 'none'; form-action 'none'`;
  }
  const hash = options.hash;
  if (!hash) throw new Error('renderCatalogHtml needs hash() for a file page');
  return `default-src 'none'; script-src '${hash(script)}'; style-src '${hash(style)}'; img-src data:; base-uri 'none'; form-action 'none'`;
}

export function renderCatalogHtml(catalog: Catalog, options: CatalogPageOptions): string {
  const script = inlineScript(options.script);
  const style = CATALOG_STYLE;
  const csp = catalogCsp(options, script, style);
  const nonce = options.host === 'vscode' && options.nonce ? ` nonce="${escapeHtml(options.nonce)}"` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="cx-impact catalog">
<title>Journey catalogue</title>
<style${nonce}>${style}</style>
</head>
<body data-host="${options.host === 'vscode' ? 'vscode' : 'file'}">
<header class="top">
<div class="brand"><h1>Journey catalogue</h1><p class="meta" id="meta"></p></div>
<nav class="views" aria-label="Views"><a data-view="journeys" href="#">Journeys</a> <a data-view="blind" href="#view=blind">Blind spots</a></nav>
<div class="toggles"><label for="cx-view"><input type="checkbox" id="cx-view"> CX view: hide file paths</label> <button type="button" id="theme">Theme</button></div>
</header>
<div id="notices"></div>
<main id="main" tabindex="-1"><noscript><p>This catalogue needs JavaScript to show its journeys; catalog.json beside this file has the same data.</p></noscript></main>
<div id="print"></div>
<script type="application/json" id="catalog-data">${embedJson(catalog)}</script>
<script${nonce}>${script}</script>
</body>
</html>
`;
}

export const CATALOG_STYLE = `
:root{color-scheme:light dark;--bg:#ffffff;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--card:#f6f8fa;--link:#0a58ca;--focus:#0a58ca;
--critical:#b42318;--high:#9a3412;--medium:#1d4ed8;--low:#475467;--warn-bg:#fff8e1;--warn-fg:#5c3d00;--err-bg:#fdecea;--err-fg:#7a1a12}
:root[data-theme=dark]{--bg:#0f1419;--fg:#e6edf3;--muted:#9aa7b3;--line:#30363d;--card:#161b22;--link:#7cb8ff;--focus:#7cb8ff;
--critical:#c0392b;--high:#b45309;--medium:#2563eb;--low:#5b6776;--warn-bg:#3a2e0a;--warn-fg:#ffe3a3;--err-bg:#3d1512;--err-fg:#ffc9c2}
@media (prefers-color-scheme:dark){:root:not([data-theme=light]){--bg:#0f1419;--fg:#e6edf3;--muted:#9aa7b3;--line:#30363d;--card:#161b22;--link:#7cb8ff;--focus:#7cb8ff;
--critical:#c0392b;--high:#b45309;--medium:#2563eb;--low:#5b6776;--warn-bg:#3a2e0a;--warn-fg:#ffe3a3;--err-bg:#3d1512;--err-fg:#ffc9c2}}
*{box-sizing:border-box}
html{background:var(--bg);color:var(--fg)}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--fg)}
a{color:var(--link)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
code{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
header.top{display:flex;flex-wrap:wrap;gap:8px 24px;align-items:center;justify-content:space-between;padding:12px 24px;border-bottom:1px solid var(--line)}
header.top h1{font-size:20px;margin:0}
.meta{margin:0;color:var(--muted);font-size:13px}
nav.views a{margin-right:12px;font-weight:600;text-decoration:none}
nav.views a[aria-current=page]{text-decoration:underline;text-underline-offset:4px}
.toggles{display:flex;gap:12px;align-items:center}
button{font:inherit;color:var(--fg);background:var(--card);border:1px solid var(--line);border-radius:6px;padding:4px 10px;cursor:pointer}
main{padding:16px 24px;max-width:1100px;margin:0 auto}
#notices{max-width:1100px;margin:0 auto;padding:0 24px}
.notice{margin:12px 0;padding:10px 14px;border-radius:6px}
.notice.warning{background:var(--warn-bg);color:var(--warn-fg)}
.notice.error{background:var(--err-bg);color:var(--err-fg)}
.notice ul{margin:6px 0 0;padding-left:20px}
.filters{display:flex;flex-wrap:wrap;gap:8px 12px;align-items:flex-end;margin:8px 0 12px}
.field{display:flex;flex-direction:column;font-size:13px;color:var(--muted)}
.field.grow{flex:1 1 220px}
.field.check{flex-direction:row;gap:6px;align-items:center}
input,select{font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:4px 8px}
.count{margin:0 0 0 auto;color:var(--muted);font-size:13px}
ul.rows{list-style:none;margin:0;padding:0}
ul.rows>li{height:64px;border-bottom:1px solid var(--line)}
ul.rows.virtual{position:relative}
ul.rows.virtual>li{position:absolute;left:0;right:0}
.journey-row{display:flex;flex-direction:column;justify-content:center;height:100%;padding:0 8px;text-decoration:none;color:var(--fg)}
.journey-row:hover{background:var(--card)}
.row-main{display:flex;gap:10px;align-items:center;font-weight:600}
.row-name{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.row-meta{color:var(--muted);font-size:13px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.entry-row{display:flex;gap:8px;align-items:center;padding:0 8px}
.tier{display:inline-block;min-width:64px;text-align:center;border-radius:10px;padding:0 8px;font-size:12px;font-weight:700;color:#fff;text-transform:uppercase;letter-spacing:.03em}
.tier-critical{background:var(--critical)}.tier-high{background:var(--high)}.tier-medium{background:var(--medium)}.tier-low{background:var(--low)}
.journey-head{display:flex;gap:12px;align-items:center}
.journey-head h2{margin:8px 0}
.lead{font-size:16px}
dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px}
dl.fields dt{color:var(--muted)}
dl.fields dd{margin:0}
.channel h4{margin:16px 0 4px;font-size:15px}
ul.touchpoints{list-style:none;padding:0;margin:0}
.touchpoint{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:8px 14px;margin:8px 0}
.touchpoint h5{font-size:15px;margin:4px 0}
.touchpoint p{margin:4px 0}
ul.entry-points{margin:4px 0;padding-left:18px}
.kind{font-size:12px;color:var(--muted);text-transform:uppercase}
.muted{color:var(--muted)}
.warn-text{color:var(--critical);font-weight:600}
ol.changes{padding-left:20px}
.change p{margin:2px 0}
.pr{font-weight:600}
.files{font-size:13px}
.path-link{background:none;border:none;padding:0;color:var(--link);text-decoration:underline;font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;cursor:pointer}
.unsafe-link{color:var(--muted)}
.sev{font-size:12px;font-weight:700;text-transform:uppercase}
.back{display:inline-block;margin:4px 0 8px}
body.cx .path{display:none}
#print{display:none}
@media print{
header.top,#notices,main{display:none}
#print{display:block}
body{font-size:12pt;background:#fff;color:#000}
.print-journey{break-after:page;page-break-after:always;padding:0 8px}
.print-journey:last-child{break-after:auto;page-break-after:auto}
a{color:#000}
.touchpoint{break-inside:avoid}
}
`;
