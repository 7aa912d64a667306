// The Impact Report's page script, bundled to dist/report.js and loaded with the page's CSP nonce. It only forwards
// clicks and the comparison form to the extension (as indexes into the report, never as markup) and keeps the view
// state (comparison, scroll, rows shown) so a hidden or reloaded panel comes back as it was.

interface WebviewApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): WebviewApi;

// A module, so its names do not clash with the page's globals (`status`).
export {};

interface ViewState {
  comparison?: unknown;
  folder?: string;
  /** The report the rest of the state belongs to: another comparison starts at the top with the first pages. */
  key?: string;
  scrollY?: number;
  shown?: Record<string, number>;
}

const api = acquireVsCodeApi();
const body = document.body;
const key = body.dataset.key ?? '';
const pageSize = Number(body.dataset.pageSize ?? '200') || 200;
const pageState = parseJson(body.dataset.state) as Pick<ViewState, 'comparison' | 'folder'>;
const previous = (api.getState() ?? {}) as ViewState;
const restoring = previous.key === key && key !== '';
const shown: Record<string, number> = restoring ? { ...(previous.shown ?? {}) } : {};

function parseJson(value: string | undefined): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(value ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function saveState(): void {
  const state: ViewState = { comparison: pageState.comparison, key, scrollY: window.scrollY, shown };
  if (pageState.folder !== undefined) state.folder = pageState.folder;
  api.setState(state);
}

function status(message: string): void {
  const el = document.getElementById('status');
  if (el) el.textContent = message;
}

/** Where focus goes when the rows asked for by "Show more" arrive. */
let focusAfterRows: { list: string; index: number } | undefined;

function rowsShown(list: string): number {
  return (document.getElementById(`rows-${list}`) as HTMLTableSectionElement | null)?.rows.length ?? 0;
}

function requestRows(list: string, wanted: number): void {
  const offset = rowsShown(list);
  if (wanted > offset) api.postMessage({ type: 'more', list, offset, count: wanted - offset });
}

// Radio buttons decide which ref fields mean something; the others are disabled, not hidden, so focus order stays.
const form = document.getElementById('comparison') as HTMLFormElement | null;
function syncForm(): void {
  if (!form) return;
  const kind = (form.elements.namedItem('kind') as RadioNodeList | null)?.value ?? 'branch';
  const base = form.elements.namedItem('base') as HTMLInputElement | null;
  const head = form.elements.namedItem('head') as HTMLInputElement | null;
  if (base) base.disabled = kind === 'worktree';
  if (head) head.disabled = kind !== 'refs';
}
form?.addEventListener('change', syncForm);
form?.addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(form);
  const field = (name: string): string => {
    const value = data.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  const kind = field('kind') || 'branch';
  const base = field('base');
  const head = field('head');
  if (kind === 'refs' && (!base || !head)) {
    status('Two refs need a base and a head.');
    return;
  }
  const comparison =
    kind === 'worktree' ? { kind } : kind === 'branch' ? (base ? { kind, base } : { kind }) : { kind, base, head };
  status('Comparing…');
  api.postMessage({ type: 'compare', comparison });
});
syncForm();

document.addEventListener('click', (event) => {
  const target = (event.target as Element | null)?.closest<HTMLElement>('[data-action]');
  if (!target || (target as HTMLButtonElement).disabled) return;
  const action = target.dataset.action;
  switch (action) {
    case 'open-file':
      api.postMessage({ type: 'open-file', file: Number(target.dataset.file) });
      break;
    case 'open-symbol':
      api.postMessage({
        type: 'open-file',
        file: Number(target.dataset.file),
        line: Number(target.dataset.line),
        side: target.dataset.side,
      });
      break;
    case 'open-map':
      api.postMessage({
        type: 'open-map',
        map: Number(target.dataset.map),
        line: Number(target.dataset.line),
        // A journey's link: the extension finds the journey's line in the map.
        ...(target.dataset.journey !== undefined ? { journey: Number(target.dataset.journey) } : {}),
      });
      break;
    case 'open-path':
      api.postMessage({ type: 'open-path', path: Number(target.dataset.path) });
      break;
    case 'more': {
      const list = target.dataset.list ?? '';
      shown[list] = rowsShown(list) + pageSize;
      focusAfterRows = { list, index: rowsShown(list) };
      saveState();
      requestRows(list, shown[list]);
      break;
    }
    case 'refresh':
    case 'copy':
    case 'save-markdown':
    case 'save-json':
    case 'trust':
      if (action === 'refresh') status('Refreshing…');
      api.postMessage({ type: action });
      break;
    default:
      break;
  }
});

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data as { type?: unknown; list?: unknown; html?: unknown; text?: unknown };
  if (message.type === 'rows' && typeof message.list === 'string' && typeof message.html === 'string') {
    const tbody = document.getElementById(`rows-${message.list}`);
    // The rows come from the extension's escaping renderer, the same one that made this page.
    tbody?.insertAdjacentHTML('beforeend', message.html);
    const count = document.getElementById(`count-${message.list}`);
    const total = Number(count?.dataset.total ?? '0');
    const now = rowsShown(message.list);
    if (count) count.textContent = `${now} of ${total} shown`;
    // Keyboard users land on the first new row instead of losing focus with the button that went away.
    if (focusAfterRows?.list === message.list) {
      const row = (tbody as HTMLTableSectionElement | null)?.rows[focusAfterRows.index];
      row?.querySelector<HTMLElement>('button')?.focus();
      focusAfterRows = undefined;
    }
    if (now >= total) document.querySelector(`button[data-list="${message.list}"]`)?.closest('.more')?.remove();
    if (restoring && previous.scrollY !== undefined) window.scrollTo(0, previous.scrollY);
  } else if (message.type === 'status' && typeof message.text === 'string') {
    status(message.text);
  }
});

let scrollTimer: number | undefined;
window.addEventListener('scroll', () => {
  if (scrollTimer !== undefined) window.clearTimeout(scrollTimer);
  scrollTimer = window.setTimeout(saveState, 150);
});

if (restoring) {
  for (const [list, count] of Object.entries(shown)) requestRows(list, count);
  if (previous.scrollY !== undefined) window.scrollTo(0, previous.scrollY);
}
saveState();

// Tells the extension what the page really shows: the tests read it to check that no map text became markup.
api.postMessage({
  type: 'rendered',
  key,
  restored: restoring,
  headings: [...document.querySelectorAll('h2 .name')].map((h) => h.textContent ?? ''),
  files: [...document.querySelectorAll('button.file')].map((b) => b.textContent ?? ''),
  // VS Code adds its own script to the head; ours is the one in the body.
  scripts: document.scripts.length,
  bodyScripts: document.body.querySelectorAll('script').length,
  images: document.images.length,
  handlers: document.querySelectorAll('[onerror],[onload],[onclick],[onmouseover],[onfocus]').length,
});
