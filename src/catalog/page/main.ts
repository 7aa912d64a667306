// The journey catalogue's page script (contract §6, docs/catalog.md), bundled to dist/catalog-page.js and inlined
// into index.html by the engine's renderer (src/core/catalog/html.ts). It renders the embedded catalog.json with DOM
// calls only: every string from the map, git or CODEOWNERS goes through textContent, never markup, and only http(s)
// and mailto links become links. The state (view, journey, search, filters, CX view) lives in the URL hash.
import type {
  Catalog,
  CatalogChange,
  CatalogEntryPoint,
  CatalogJourney,
  CatalogTouchpoint,
} from '../../core/catalog/types';

export {};

interface WebviewApi {
  postMessage(message: unknown): void;
}
declare const acquireVsCodeApi: (() => WebviewApi) | undefined;

interface State {
  view: 'journeys' | 'blind';
  journey: string;
  q: string;
  tier: string;
  channel: string;
  owner: string;
  since: string;
  not: boolean;
  cx: boolean;
}

const TIERS = ['critical', 'high', 'medium', 'low'];
const CHANNEL_LABELS: Record<string, string> = {
  web: 'Web',
  mobile: 'Mobile app',
  email: 'E-mail',
  sms: 'SMS',
  voice: 'Voice',
  chat: 'Chat',
  'contact-center': 'Contact center',
  api: 'API',
  store: 'Store',
  other: 'Other',
};
/** Lists longer than this render only the rows in view. */
const VIRTUAL_ABOVE = 100;
const ROW_HEIGHT = 64;

const dataEl = document.getElementById('catalog-data');
const catalog = JSON.parse(dataEl?.textContent ?? '{}') as Catalog;
const journeys = catalog.journeys ?? [];
const byKey = new Map(journeys.map((j) => [j.key, j]));
const host = document.body.dataset.host === 'vscode' ? 'vscode' : 'file';
const vscodeApi = host === 'vscode' && typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;

// ---- small DOM helpers: text only, never markup -------------------------------------------------------------------

type Child = Node | string | undefined | false;
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'class') el.className = value;
    else el.setAttribute(name, value);
  }
  for (const child of children) if (child !== undefined && child !== false) el.append(child);
  return el;
}

/** Only http(s) and mailto become links; anything else (javascript:, data:, file:) is shown as text. */
export function safeUrl(url: string): string | undefined {
  if (!/^(https?:\/\/|mailto:)/i.test(url.trim())) return undefined;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' || parsed.protocol === 'mailto:'
      ? parsed.href
      : undefined;
  } catch {
    return undefined;
  }
}

function externalLink(name: string, url: string): Node {
  const safe = safeUrl(url);
  if (!safe)
    return h(
      'span',
      { class: 'unsafe-link', title: 'Not a link: only http(s) and mailto links are shown as links' },
      `${name}: ${url}`,
    );
  return h('a', { href: safe, rel: 'noopener noreferrer', target: '_blank' }, name);
}

/** A repository path: a button that opens it in the editor (VS Code), text elsewhere; hidden in the CX view. */
function pathRef(file: string, line?: number): Node {
  const label = line !== undefined ? `${file}:${line}` : file;
  if (!vscodeApi) return h('code', { class: 'path' }, label);
  const button = h(
    'button',
    { type: 'button', class: 'path path-link', 'data-file': file, 'data-line': String(line ?? 1) },
    label,
  );
  button.title = `Open ${label}`;
  return button;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
function day(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

function entryLabel(p: CatalogEntryPoint): string {
  if (p.kind === 'graphql') return p.operation ?? '';
  if (p.kind === 'page') return `Page ${p.route ?? ''}`;
  return `${p.method ?? 'ANY'} ${p.route ?? ''}`;
}

function channelLabel(channel: string): string {
  return CHANNEL_LABELS[channel] ?? channel;
}

// ---- state in the hash --------------------------------------------------------------------------------------------

function readState(hash = location.hash): State {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const get = (k: string): string => params.get(k) ?? '';
  return {
    view: get('view') === 'blind' ? 'blind' : 'journeys',
    journey: get('journey'),
    q: get('q'),
    tier: TIERS.includes(get('tier')) ? get('tier') : '',
    channel: get('channel'),
    owner: get('owner'),
    since: /^\d{4}-\d{2}-\d{2}$/.test(get('since')) ? get('since') : '',
    not: get('not') === '1',
    cx: get('cx') === '1',
  };
}

function hashOf(s: State): string {
  const params = new URLSearchParams();
  if (s.view === 'blind') params.set('view', 'blind');
  if (s.journey) params.set('journey', s.journey);
  if (s.q) params.set('q', s.q);
  if (s.tier) params.set('tier', s.tier);
  if (s.channel) params.set('channel', s.channel);
  if (s.owner) params.set('owner', s.owner);
  if (s.since) params.set('since', s.since);
  if (s.not) params.set('not', '1');
  if (s.cx) params.set('cx', '1');
  const text = params.toString();
  return text ? `#${text}` : '#';
}

let state = readState();

/** `push`: a new history entry (opening a journey); otherwise the current one is replaced (typing in search). */
function setState(change: Partial<State>, push = false): void {
  state = { ...state, ...change };
  const hash = hashOf(state);
  try {
    if (push) history.pushState(null, '', hash);
    else history.replaceState(null, '', hash === '#' ? location.pathname + location.search : hash);
  } catch {
    // A frame that may not change its URL (some webviews) keeps the state in the page alone.
  }
  render();
}

/** A link to a state of the page (`#journey=…`): followed here, as VS Code's webview does not follow `#` links. */
function navigate(hash: string): void {
  state = readState(hash);
  try {
    history.pushState(null, '', hash === '#' ? location.pathname + location.search : hash);
  } catch {
    // As above.
  }
  render();
}

// ---- filters ------------------------------------------------------------------------------------------------------

function searchText(j: CatalogJourney): string {
  const parts = [j.name, j.id, j.description, j.owner, j.slo, j.customers, ...j.codeOwners];
  for (const t of j.touchpoints)
    parts.push(t.name, t.description, channelLabel(t.channel), ...t.entryPoints.map(entryLabel));
  return parts.filter(Boolean).join('\n').toLowerCase();
}
const haystacks = new Map<CatalogJourney, string>();

function filtersActive(s: State): boolean {
  return Boolean(s.q || s.tier || s.channel || s.owner || s.since);
}

function matches(j: CatalogJourney, s: State): boolean {
  if (s.tier && j.tier !== s.tier) return false;
  if (s.channel && !j.touchpoints.some((t) => t.channel === s.channel)) return false;
  if (s.owner && j.owner !== s.owner && !j.codeOwners.includes(s.owner)) return false;
  if (s.since && !j.changes.some((c) => c.date.slice(0, 10) >= s.since)) return false;
  if (s.q) {
    let text = haystacks.get(j);
    if (text === undefined) haystacks.set(j, (text = searchText(j)));
    for (const word of s.q.toLowerCase().split(/\s+/).filter(Boolean)) if (!text.includes(word)) return false;
  }
  return true;
}

function visibleJourneys(s: State): CatalogJourney[] {
  if (!filtersActive(s)) return journeys;
  return journeys.filter((j) => matches(j, s) !== s.not);
}

// ---- the page -----------------------------------------------------------------------------------------------------

const main = document.getElementById('main') as HTMLElement;
const notices = document.getElementById('notices') as HTMLElement;
const printRoot = document.getElementById('print') as HTMLElement;

function renderNotices(): void {
  notices.replaceChildren();
  const repo = catalog.repository ?? { historyComplete: true };
  if (!repo.historyComplete) {
    const since = repo.since ? repo.since.slice(0, 10) : '';
    notices.append(
      h(
        'div',
        { class: 'notice warning', role: 'note' },
        h('strong', {}, 'History is incomplete. '),
        `This is a shallow clone: its history reaches back to ${day(repo.historyFrom) || 'an unknown date'} only, so changes before then are missing. `,
        'Fetch more and build the page again: ',
        h('code', {}, since ? `git fetch --shallow-since=${since}` : 'git fetch --unshallow'),
        ' (or ',
        h('code', {}, 'git fetch --unshallow'),
        '; in GitHub Actions ',
        h('code', {}, 'fetch-depth: 0'),
        ').',
      ),
    );
  }
  const diagnostics = catalog.diagnostics ?? [];
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const list = h('ul', {});
    for (const d of errors.slice(0, 20))
      list.append(
        h(
          'li',
          {},
          h('code', { class: 'path' }, `${d.file}:${d.line}:${d.col}`),
          ` ${d.message} `,
          h('span', { class: 'muted' }, `(${d.code})`),
        ),
      );
    if (errors.length > 20) list.append(h('li', {}, `and ${errors.length - 20} more: see Blind spots`));
    notices.append(
      h(
        'div',
        { class: 'notice error', role: 'alert' },
        h(
          'strong',
          {},
          `The map has ${plural(errors.length, 'error')}: this page shows the journeys that could be read.`,
        ),
        list,
      ),
    );
  }
}

function tierBadge(tier: string): Node {
  return h('span', { class: `tier tier-${tier}` }, tier);
}

function channelsOf(j: CatalogJourney): string[] {
  return [...new Set(j.touchpoints.map((t) => t.channel))];
}

function journeyRow(j: CatalogJourney, index: number): HTMLElement {
  const last = j.changes[0];
  const link = h(
    'a',
    {
      class: 'journey-row',
      href: hashOf({ ...state, view: 'journeys', journey: j.key }),
      'data-index': String(index),
      'data-key': j.key,
    },
    h('span', { class: 'row-main' }, tierBadge(j.tier), h('span', { class: 'row-name' }, j.name)),
    h(
      'span',
      { class: 'row-meta' },
      j.owner ? `${j.owner} · ` : '',
      channelsOf(j).map(channelLabel).join(', '),
      ' · ',
      j.changesInWindow > 0
        ? `${plural(j.changesInWindow, 'change')}, last ${day(last?.date)}`
        : 'no change in the window',
    ),
  );
  return h('li', {}, link);
}

let stopVirtual: (() => void) | undefined;

/** Renders only the rows in view once a list is long: the page stays quick with thousands of journeys. */
function virtualList<T>(items: readonly T[], row: (item: T, index: number) => HTMLElement, label: string): HTMLElement {
  const list = h('ul', { class: 'rows', 'aria-label': label });
  if (items.length <= VIRTUAL_ABOVE) {
    items.forEach((item, i) => list.append(row(item, i)));
    return list;
  }
  list.classList.add('virtual');
  list.style.height = `${items.length * ROW_HEIGHT}px`;
  list.setAttribute('aria-rowcount', String(items.length));
  let shown = '';
  const paint = (): void => {
    const top = list.getBoundingClientRect().top;
    const first = Math.max(0, Math.floor(-top / ROW_HEIGHT) - 10);
    const last = Math.min(items.length, Math.ceil((window.innerHeight - top) / ROW_HEIGHT) + 10);
    const key = `${first}:${last}`;
    if (key === shown) return;
    shown = key;
    const active = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.index : undefined;
    const rows: HTMLElement[] = [];
    for (let i = first; i < last; i++) {
      const li = row(items[i]!, i);
      li.style.top = `${i * ROW_HEIGHT}px`;
      li.setAttribute('aria-setsize', String(items.length));
      li.setAttribute('aria-posinset', String(i + 1));
      rows.push(li);
    }
    list.replaceChildren(...rows);
    if (active !== undefined) list.querySelector<HTMLElement>(`[data-index="${active}"]`)?.focus();
  };
  const onScroll = (): void => paint();
  window.addEventListener('scroll', onScroll, { passive: true });
  window.addEventListener('resize', onScroll);
  stopVirtual = () => {
    window.removeEventListener('scroll', onScroll);
    window.removeEventListener('resize', onScroll);
  };
  requestAnimationFrame(paint);
  queueMicrotask(paint);
  (list as HTMLElement & { scrollToRow?: (i: number) => void }).scrollToRow = (i: number) => {
    const top = list.getBoundingClientRect().top + window.scrollY + i * ROW_HEIGHT;
    if (top < window.scrollY || top + ROW_HEIGHT > window.scrollY + window.innerHeight)
      window.scrollTo(0, top - window.innerHeight / 3);
    paint();
  };
  return list;
}

function select(id: string, label: string, value: string, options: [string, string][]): HTMLElement {
  const el = h('select', { id, name: id });
  for (const [v, text] of options) {
    const option = h('option', { value: v }, text);
    if (v === value) option.selected = true;
    el.append(option);
  }
  return h('label', { class: 'field', for: id }, h('span', {}, label), el);
}

function filterBar(count: number): HTMLElement {
  const owners = new Set<string>();
  for (const j of journeys) {
    if (j.owner) owners.add(j.owner);
    for (const o of j.codeOwners) owners.add(o);
  }
  const channels = new Set<string>();
  for (const j of journeys) for (const c of channelsOf(j)) channels.add(c);
  const search = h('input', {
    id: 'search',
    type: 'search',
    name: 'q',
    placeholder: 'Journey, touchpoint, route, owner…',
    autocomplete: 'off',
  });
  search.value = state.q;
  const since = h('input', { id: 'since', type: 'date', name: 'since' });
  since.value = state.since;
  const not = h('input', { id: 'not', type: 'checkbox', name: 'not' });
  not.checked = state.not;
  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Filter journeys' },
    h('label', { class: 'field grow', for: 'search' }, h('span', {}, 'Search'), search),
    select('tier', 'Tier', state.tier, [['', 'Any tier'], ...TIERS.map((t): [string, string] => [t, t])]),
    select('channel', 'Channel', state.channel, [
      ['', 'Any channel'],
      ...[...channels].sort().map((c): [string, string] => [c, channelLabel(c)]),
    ]),
    select('owner', 'Owner', state.owner, [
      ['', 'Any owner'],
      ...[...owners].sort().map((o): [string, string] => [o, o]),
    ]),
    h('label', { class: 'field', for: 'since' }, h('span', {}, 'Changed since'), since),
    h('label', { class: 'field check', for: 'not' }, not, h('span', {}, 'NOT: show the journeys that do not match')),
    h(
      'p',
      { class: 'count', id: 'count', role: 'status', 'aria-live': 'polite' },
      `${plural(count, 'journey')} of ${journeys.length.toLocaleString('en')}`,
    ),
  );
  form.addEventListener('submit', (e) => e.preventDefault());
  search.addEventListener('input', () => setState({ q: search.value }));
  form.addEventListener('change', (e) => {
    const target = e.target as HTMLInputElement | HTMLSelectElement;
    if (target.id === 'search') return;
    if (target.id === 'not') setState({ not: (target as HTMLInputElement).checked });
    else setState({ [target.id]: target.value });
  });
  return form;
}

function renderList(): void {
  const shown = visibleJourneys(state);
  const focused = document.activeElement?.id;
  const caret = focused === 'search' ? (document.activeElement as HTMLInputElement).selectionStart : null;
  main.replaceChildren(
    h('h2', { id: 'list-title', tabindex: '-1' }, 'Journeys'),
    filterBar(shown.length),
    shown.length === 0
      ? h('p', { class: 'empty' }, 'No journey matches.')
      : virtualList(shown, journeyRow, 'Journeys, most critical first'),
  );
  if (focused) {
    const el = document.getElementById(focused) as HTMLInputElement | null;
    el?.focus();
    if (el && caret !== null && el.type === 'search') el.setSelectionRange(caret, caret);
  }
}

function field(label: string, value: Node | string | undefined): Node[] {
  if (value === undefined || value === '') return [];
  return [h('dt', {}, label), h('dd', {}, value)];
}

function touchpointBlock(j: CatalogJourney, t: CatalogTouchpoint): HTMLElement {
  const entries = t.entryPoints;
  const block = h(
    'li',
    { class: 'touchpoint' },
    h('h5', {}, t.name),
    t.description ? h('p', {}, t.description) : undefined,
    h(
      'p',
      { class: 'counts' },
      t.files === 0
        ? h('span', { class: 'warn-text' }, 'No file serves it yet')
        : `${plural(t.files, 'file')} ${t.files === 1 ? 'serves' : 'serve'} it directly`,
      t.indirectFiles > 0 ? `, ${plural(t.indirectFiles, 'more file')} through imports` : '',
      '.',
    ),
  );
  if (entries.length > 0) {
    const list = h('ul', { class: 'entry-points', 'aria-label': `Entry points of ${t.name}` });
    for (const p of entries.slice(0, 50))
      list.append(
        h(
          'li',
          {},
          h(
            'span',
            { class: `kind kind-${p.kind}` },
            p.kind === 'http' ? 'route' : p.kind === 'graphql' ? 'operation' : 'screen',
          ),
          ' ',
          h('code', {}, entryLabel(p)),
          ' ',
          pathRef(p.file, p.line),
        ),
      );
    if (entries.length > 50) list.append(h('li', { class: 'muted' }, `and ${entries.length - 50} more`));
    block.append(list);
  } else block.append(h('p', { class: 'muted' }, 'No route, operation or screen found for it.'));
  block.append(
    h(
      'p',
      { class: 'paths path' },
      'Paths: ',
      ...t.paths.flatMap((p, i) => [i > 0 ? ', ' : '', h('code', {}, p)]),
      ' ',
      pathRef(j.map, t.line),
    ),
  );
  return block;
}

function changeItem(j: CatalogJourney, c: CatalogChange): HTMLElement {
  const names = c.touchpoints.map((id) => j.touchpoints.find((t) => t.id === id)?.name ?? id);
  const subject: Child[] = [h('span', { class: 'subject' }, c.subject)];
  if (c.pr !== undefined) subject.push(' ', h('span', { class: 'pr' }, `pull request #${c.pr}`));
  const files = h(
    'p',
    { class: 'files path' },
    ...c.files.flatMap((f, i) => [i > 0 ? ' ' : '', pathRef(f)]),
    c.filesTotal !== undefined ? ` and ${c.filesTotal - c.files.length} more` : '',
  );
  return h(
    'li',
    { class: 'change' },
    h(
      'p',
      {},
      h('time', { datetime: c.date }, day(c.date)),
      ' — ',
      h('strong', {}, c.author),
      ` changed ${names.join(', ')}${c.reach === 'indirect' ? ' (through code it uses)' : ''}: `,
      ...subject,
      ' ',
      h('code', { class: 'path commit' }, c.commit.slice(0, 10)),
    ),
    files,
  );
}

function journeyDetail(j: CatalogJourney, forPrint = false): HTMLElement {
  const links = Object.entries(j.links ?? {});
  const edited = j.mapEdited;
  const editedText =
    edited && edited.commit
      ? h(
          'span',
          {},
          `${day(edited.date)} by ${edited.author}`,
          ' ',
          h('code', { class: 'path commit' }, edited.commit.slice(0, 10)),
          edited.uncommitted ? ' (and edited since, not committed)' : '',
        )
      : edited?.uncommitted
        ? 'edited in the working tree, not committed yet'
        : undefined;
  const section = h(
    'article',
    forPrint
      ? { class: 'journey print-journey', 'aria-label': j.name }
      : { class: 'journey', 'aria-labelledby': 'j-title' },
    h(
      'header',
      { class: 'journey-head' },
      h('h2', forPrint ? {} : { id: 'j-title', tabindex: '-1' }, j.name),
      ' ',
      tierBadge(j.tier),
    ),
    j.description ? h('p', { class: 'lead' }, j.description) : undefined,
    h(
      'dl',
      { class: 'fields' },
      ...field('Owner', j.owner),
      ...field(
        'Teams (CODEOWNERS)',
        j.codeOwners.length > 0 ? j.codeOwners.join(', ') : catalog.codeOwnersFile ? 'none named' : undefined,
      ),
      ...field('SLO', j.slo),
      ...field('Customers', j.customers),
      ...field('Map entry last edited', editedText),
      ...field(
        'Links',
        links.length > 0
          ? h(
              'span',
              { class: 'links' },
              ...links.flatMap(([name, url], i) => [i > 0 ? ' · ' : '', externalLink(name, url)]),
            )
          : undefined,
      ),
      ...field('Journey id', h('code', {}, j.id)),
    ),
    h('p', { class: 'path' }, 'In the map: ', pathRef(j.map, j.line)),
  );
  section.append(h('h3', {}, 'Touchpoints'));
  const byChannel = new Map<string, CatalogTouchpoint[]>();
  for (const t of j.touchpoints) {
    const list = byChannel.get(t.channel) ?? [];
    list.push(t);
    byChannel.set(t.channel, list);
  }
  for (const [channel, list] of byChannel) {
    const ul = h('ul', { class: 'touchpoints' });
    for (const t of list) ul.append(touchpointBlock(j, t));
    section.append(h('section', { class: 'channel' }, h('h4', {}, channelLabel(channel)), ul));
  }
  const since = catalog.repository?.since;
  section.append(h('h3', {}, since ? `What changed since ${day(since)}` : 'What changed'));
  if (j.changes.length === 0) section.append(h('p', { class: 'muted' }, 'Nothing in the window.'));
  else {
    const ul = h('ol', { class: 'changes', 'aria-label': `Changes to ${j.name}, most recent first` });
    for (const c of j.changes) ul.append(changeItem(j, c));
    section.append(ul);
    if (j.changesInWindow > j.changes.length)
      section.append(
        h(
          'p',
          { class: 'muted' },
          `The ${j.changes.length} most recent of ${j.changesInWindow} changes in the window.`,
        ),
      );
  }
  return section;
}

function renderJourney(j: CatalogJourney): void {
  const back = h('a', { href: hashOf({ ...state, journey: '' }), class: 'back' }, '← All journeys');
  main.replaceChildren(back, journeyDetail(j));
  document.title = `${j.name} · Journey catalogue`;
}

function renderBlindSpots(): void {
  const spots = catalog.blindSpots ?? {
    uncoveredEntryPoints: [],
    touchpointsWithoutFiles: [],
    journeysWithoutEntryPoints: [],
  };
  const section = h('section', { class: 'blind' }, h('h2', { id: 'blind-title', tabindex: '-1' }, 'Blind spots'));
  section.append(
    h(
      'p',
      { class: 'lead' },
      'What customers can reach that no journey names, and what the map names that nothing serves.',
    ),
    h('h3', {}, `Entry points no journey covers (${spots.uncoveredEntryPoints.length.toLocaleString('en')})`),
  );
  if (spots.uncoveredEntryPoints.length === 0)
    section.append(h('p', { class: 'muted' }, 'None: every route, operation and screen found is in a journey.'));
  else
    section.append(
      virtualList(
        spots.uncoveredEntryPoints,
        (p, i) =>
          h(
            'li',
            { class: 'entry-row', 'data-index': String(i) },
            h('code', {}, entryLabel(p)),
            ' ',
            pathRef(p.file, p.line),
          ),
        'Entry points no journey covers',
      ),
    );
  section.append(h('h3', {}, `Touchpoints whose paths cover no file (${spots.touchpointsWithoutFiles.length})`));
  if (spots.touchpointsWithoutFiles.length === 0) section.append(h('p', { class: 'muted' }, 'None.'));
  else {
    const ul = h('ul', {});
    for (const t of spots.touchpointsWithoutFiles) {
      const j = byKey.get(t.journey);
      const tp = j?.touchpoints.find((x) => x.id === t.touchpoint);
      ul.append(
        h(
          'li',
          {},
          h('a', { href: hashOf({ ...state, view: 'journeys', journey: t.journey }) }, j?.name ?? t.journey),
          ` › ${tp?.name ?? t.touchpoint}`,
        ),
      );
    }
    section.append(ul);
  }
  section.append(h('h3', {}, `Journeys with no entry point (${spots.journeysWithoutEntryPoints.length})`));
  if (spots.journeysWithoutEntryPoints.length === 0) section.append(h('p', { class: 'muted' }, 'None.'));
  else {
    const ul = h('ul', {});
    for (const key of spots.journeysWithoutEntryPoints)
      ul.append(
        h(
          'li',
          {},
          h('a', { href: hashOf({ ...state, view: 'journeys', journey: key }) }, byKey.get(key)?.name ?? key),
        ),
      );
    section.append(ul);
  }
  const diagnostics = catalog.diagnostics ?? [];
  if (diagnostics.length > 0) {
    section.append(h('h3', {}, `The map's diagnostics (${diagnostics.length})`));
    const ul = h('ul', { class: 'diagnostics' });
    for (const d of diagnostics)
      ul.append(
        h(
          'li',
          {},
          h('span', { class: `sev sev-${d.severity}` }, d.severity),
          ' ',
          pathRef(d.file, d.line),
          ` ${d.message} `,
          h('span', { class: 'muted' }, `(${d.code})`),
        ),
      );
    section.append(ul);
  }
  main.replaceChildren(section);
  document.title = 'Blind spots · Journey catalogue';
}

function renderNav(): void {
  for (const a of document.querySelectorAll<HTMLAnchorElement>('nav.views a')) {
    const view = a.dataset.view;
    if ((view === 'blind') === (state.view === 'blind')) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
    a.href = hashOf({ ...state, view: view === 'blind' ? 'blind' : 'journeys', journey: '' });
  }
  const cx = document.getElementById('cx-view') as HTMLInputElement | null;
  if (cx) cx.checked = state.cx;
  document.body.classList.toggle('cx', state.cx);
}

let lastView = '';
function render(): void {
  stopVirtual?.();
  stopVirtual = undefined;
  renderNav();
  const view = state.view === 'blind' ? 'blind' : state.journey ? `journey:${state.journey}` : 'list';
  const changedView = view !== lastView;
  lastView = view;
  if (state.view === 'blind') renderBlindSpots();
  else if (state.journey) {
    const j = byKey.get(state.journey);
    if (j) renderJourney(j);
    else {
      main.replaceChildren(
        h('h2', { tabindex: '-1' }, 'No such journey'),
        h('p', {}, 'No journey has the id ', h('code', {}, state.journey), '. '),
        h('a', { href: hashOf({ ...state, journey: '' }) }, '← All journeys'),
      );
    }
  } else {
    renderList();
    document.title = 'Journey catalogue';
  }
  if (printed) preparePrint();
  if (changedView && document.readyState === 'complete') {
    (main.querySelector('h2') as HTMLElement | null)?.focus({ preventScroll: false });
    if (view.startsWith('journey:')) window.scrollTo(0, 0);
  }
}

// ---- print: one journey per page ----------------------------------------------------------------------------------

let printed = false;
function preparePrint(): void {
  const shown = state.journey && byKey.get(state.journey) ? [byKey.get(state.journey)!] : visibleJourneys(state);
  printRoot.replaceChildren(...shown.map((j) => journeyDetail(j, true)));
  printed = true;
}
window.addEventListener('beforeprint', preparePrint);
window.matchMedia('print').addEventListener('change', (e) => {
  if (e.matches) preparePrint();
});

// ---- theme --------------------------------------------------------------------------------------------------------

const THEME_KEY = 'cx-catalog-theme';
function storedTheme(): string {
  try {
    return localStorage.getItem(THEME_KEY) ?? 'system';
  } catch {
    return 'system';
  }
}
function applyTheme(theme: string): void {
  if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
  const button = document.getElementById('theme');
  if (button) {
    button.textContent = `Theme: ${theme}`;
    button.title =
      theme === 'system'
        ? 'The colours follow the system; click for dark, then light'
        : `Click for ${theme === 'dark' ? 'light' : 'the system'} colours`;
  }
}
let theme = storedTheme();
applyTheme(theme);
document.getElementById('theme')?.addEventListener('click', () => {
  const order = ['system', 'dark', 'light'];
  const next = order[(order.indexOf(theme) + 1) % order.length]!;
  theme = next;
  try {
    localStorage.setItem(THEME_KEY, next);
  } catch {
    // A page without storage (some file:// settings) still switches for this visit.
  }
  applyTheme(next);
});

// ---- events -------------------------------------------------------------------------------------------------------

document
  .getElementById('cx-view')
  ?.addEventListener('change', (e) => setState({ cx: (e.target as HTMLInputElement).checked }));
const fromUrl = (): void => {
  state = readState();
  render();
};
window.addEventListener('hashchange', fromUrl);
window.addEventListener('popstate', fromUrl);

function rows(): HTMLElement[] {
  return [...main.querySelectorAll<HTMLElement>('.journey-row')];
}

document.addEventListener('keydown', (e) => {
  const target = e.target as HTMLElement;
  const typing =
    target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
  if (e.key === '/' && !typing) {
    const search = document.getElementById('search');
    if (search) {
      e.preventDefault();
      search.focus();
    }
    return;
  }
  if (e.key === 'Escape') {
    if (state.journey) {
      e.preventDefault();
      setState({ journey: '' }, true);
    } else if (typing && target.id === 'search') (target as HTMLInputElement).blur();
    return;
  }
  if (typing || state.journey || state.view === 'blind') return;
  const down = e.key === 'ArrowDown' || e.key === 'j';
  const up = e.key === 'ArrowUp' || e.key === 'k';
  if (!down && !up) return;
  const current = Number((document.activeElement as HTMLElement | null)?.dataset.index ?? '-1');
  const next = Math.max(0, current + (down ? 1 : -1));
  const list = main.querySelector<HTMLElement & { scrollToRow?: (i: number) => void }>('ul.rows');
  list?.scrollToRow?.(next);
  const el = rows().find((r) => r.dataset.index === String(next));
  if (el) {
    e.preventDefault();
    el.focus();
  }
});

document.addEventListener('click', (e) => {
  const link = (e.target as HTMLElement).closest?.<HTMLAnchorElement>('a[href^="#"]');
  if (link && !e.defaultPrevented && e.button === 0 && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
    e.preventDefault();
    navigate(link.getAttribute('href') ?? '#');
    return;
  }
  const button = (e.target as HTMLElement).closest?.<HTMLElement>('button.path-link');
  if (button && vscodeApi) {
    e.preventDefault();
    vscodeApi.postMessage({ type: 'open', file: button.dataset.file, line: Number(button.dataset.line ?? '1') });
  }
});

function renderMeta(): void {
  const meta = document.getElementById('meta');
  if (!meta) return;
  const repo = catalog.repository ?? { historyComplete: true };
  const parts = [plural(journeys.length, 'journey')];
  if (repo.head) parts.push(`at commit ${repo.head.slice(0, 10)} of ${day(repo.headDate)}`);
  if (repo.since) parts.push(`changes since ${day(repo.since)}`);
  const totals = catalog.totals;
  if (totals)
    parts.push(
      `${totals.coveredFiles.toLocaleString('en')} of ${totals.files.toLocaleString('en')} files in a journey`,
    );
  meta.textContent = parts.join(' · ');
  const blind = document.querySelector('nav.views a[data-view="blind"]');
  const spots = catalog.blindSpots;
  if (blind && spots)
    blind.textContent = `Blind spots (${(spots.uncoveredEntryPoints.length + spots.touchpointsWithoutFiles.length + spots.journeysWithoutEntryPoints.length).toLocaleString('en')})`;
}

renderMeta();
renderNotices();
render();
document.body.dataset.ready = '1';
vscodeApi?.postMessage({
  type: 'rendered',
  journeys: journeys.length,
  heading: main.querySelector('h2')?.textContent ?? '',
  scripts: document.scripts.length,
});
// Small catalogues get their print pages at once (printing then needs no event); big ones on beforeprint.
if (journeys.length <= 300) setTimeout(() => printed || preparePrint(), 0);
