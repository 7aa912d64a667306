/// <reference lib="dom" />
// The journey catalogue's page in a real Chromium (the offline browser the e2e tests use), opened from file:// as a
// person opens a CI artifact: no request leaves the file, the filters, search, deep links, print, dark mode, the CX
// view, keyboard, axe-core, long lists, and a hostile map that runs nothing. Run by `npm test` as its own step
// (scripts/test.mjs: "catalogue page in Chromium"), or: npx mocha --no-config --require tsx/cjs test/catalog/page.test.ts
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { catalogHtml } from '../../src/cli/catalog';
import { SHOP_MAP, commitAt, shopRepo } from '../../src/cli/catalog-fixture';
import { cliBundle, removeScratch, scratchDir, type TestRepo } from '../../src/node/test-repo';
import type { Catalog, CatalogJourney } from '../../src/core/catalog/types';
import { CHROMIUM_ARGS } from '../../scripts/vscode-host/offline-host.mjs';

const chromiumPath = process.env.CX_IMPACT_CHROMIUM ?? '/usr/bin/chromium';
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface Opened {
  page: Page;
  requests: string[];
  errors: string[];
}

describe('the journey catalogue page in Chromium (file://)', function () {
  this.timeout(120_000);
  let browser: Browser;
  let context: BrowserContext;
  let shop: TestRepo;
  let shopPage: string;
  let shopCatalog: Catalog;

  before(() => {
    shop = shopRepo();
    const result = shop.cli(['catalog', '--since', '30d']);
    assert.equal(result.code, 0, result.stderr);
    shopPage = path.join(shop.dir, 'cx-catalog', 'index.html');
    shopCatalog = JSON.parse(readFileSync(path.join(shop.dir, 'cx-catalog', 'catalog.json'), 'utf8')) as Catalog;
  });
  before(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  });
  after(async () => {
    await browser?.close();
    removeScratch();
  });

  async function open(file: string, hash = '', ctx: BrowserContext = context): Promise<Opened> {
    const page = await ctx.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(`file://${file}${hash}`);
    await page.waitForSelector('body[data-ready="1"]');
    return { page, requests, errors };
  }

  const rowNames = (page: Page): Promise<string[]> =>
    page.$$eval('.journey-row .row-name', (els) => els.map((e) => e.textContent ?? ''));

  it('makes no request outside the file, and a script trying to is stopped by the CSP', async () => {
    const { page, requests, errors } = await open(shopPage);
    await page.click('.journey-row');
    await page.waitForSelector('article.journey');
    await page.click('nav.views a[data-view="blind"]');
    await page.waitForSelector('section.blind');
    await page.emulateMedia({ media: 'print' });
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
    assert.deepEqual([...new Set(requests.map((u) => u.split('#')[0]))], [`file://${shopPage}`]);
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
    page.on('requestfinished', (r) => failed.push(`finished ${r.url()}`));
    const blocked = await page.evaluate(async () => {
      try {
        await fetch('https://example.com/x');
        return 'fetched';
      } catch {
        return 'blocked';
      }
    });
    assert.equal(blocked, 'blocked');
    const img = await page.evaluate(() => {
      const el = document.createElement('img');
      el.src = 'https://example.com/pixel.png';
      document.body.append(el);
      return new Promise<string>((resolve) => {
        el.onerror = () => resolve('blocked');
        el.onload = () => resolve('loaded');
      });
    });
    assert.equal(img, 'blocked');
    assert.ok(
      failed.every((f) => !f.startsWith('finished')),
      failed.join('\n'),
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('lists the journeys most critical first, and filters by tier, channel, owner, changed since, and NOT', async () => {
    const { page } = await open(shopPage);
    assert.deepEqual(await rowNames(page), ['Checkout', 'Get my money back', 'Where is my order', 'Find a product']);
    await page.selectOption('#tier', 'high');
    assert.deepEqual(await rowNames(page), ['Get my money back']);
    assert.match(page.url(), /#tier=high$/);
    await page.check('#not');
    assert.deepEqual(await rowNames(page), ['Checkout', 'Where is my order', 'Find a product']);
    await page.uncheck('#not');
    await page.selectOption('#tier', '');
    await page.selectOption('#channel', 'sms');
    assert.deepEqual(await rowNames(page), ['Where is my order']);
    await page.selectOption('#channel', 'contact-center');
    assert.deepEqual(await rowNames(page), ['Get my money back']);
    await page.selectOption('#channel', '');
    await page.selectOption('#owner', '@shop/refunds-eng');
    assert.deepEqual(await rowNames(page), ['Get my money back'], 'a CODEOWNERS team filters too');
    await page.selectOption('#owner', 'Discovery team');
    assert.deepEqual(await rowNames(page), ['Find a product']);
    await page.selectOption('#owner', '');
    await page.fill('#since', '2026-11-28');
    await page.dispatchEvent('#since', 'change');
    assert.deepEqual(await rowNames(page), ['Checkout', 'Where is my order']);
    await page.check('#not');
    assert.deepEqual(await rowNames(page), ['Get my money back', 'Find a product']);
    assert.equal(await page.textContent('#count'), '2 journeys of 4');
    await page.close();
  });

  it('searches names, touchpoints, routes and owners', async () => {
    const { page } = await open(shopPage);
    await page.fill('#search', 'refund');
    assert.deepEqual(await rowNames(page), ['Get my money back']);
    await page.fill('#search', 'POST /checkout');
    assert.deepEqual(await rowNames(page), ['Checkout']);
    await page.fill('#search', 'speaker');
    assert.deepEqual(await rowNames(page), ['Find a product']);
    await page.fill('#search', 'nothing like this');
    assert.equal(await page.textContent('.empty'), 'No journey matches.');
    assert.match(page.url(), /#q=nothing\+like\+this$/);
    await page.close();
  });

  it('a deep link restores its state: #journey=<id> opens the journey, the filters and the CX view come back', async () => {
    const { page } = await open(shopPage, '#journey=refunds&cx=1');
    assert.equal(await page.textContent('article.journey h2'), 'Get my money back');
    assert.equal(await page.isChecked('#cx-view'), true);
    assert.equal(await page.title(), 'Get my money back · Journey catalogue');
    assert.match(
      (await page.textContent('article.journey')) ?? '',
      /Agent refunds on the phone[\s\S]*Clearer refund wording for agents pull request #102/,
    );
    await page.close();
    const list = await open(shopPage, '#q=e&tier=critical&not=1');
    assert.equal(await list.page.inputValue('#search'), 'e');
    assert.equal(await list.page.inputValue('#tier'), 'critical');
    assert.equal(await list.page.isChecked('#not'), true);
    assert.deepEqual(await rowNames(list.page), ['Get my money back', 'Where is my order', 'Find a product']);
    await list.page.close();
  });

  it('shows each journey: fields, teams, touchpoints by channel with entry points and counts, changes in plain words', async () => {
    const { page } = await open(shopPage, '#journey=checkout');
    const text = (await page.textContent('article.journey')) ?? '';
    assert.match(text, /Owner@shop\/checkout/);
    assert.match(text, /Teams \(CODEOWNERS\)@shop\/platform/);
    assert.match(text, /SLO99\.95% of checkouts succeed/);
    assert.match(text, /Map entry last edited1 Jan 2026 by Grace Hopper/);
    assert.deepEqual(await page.$$eval('main .channel h4', (els) => els.map((e) => e.textContent)), ['Web', 'E-mail']);
    assert.match(text, /1 file serves it directly, 1 more file through imports\./);
    assert.match(text, /route POST \/checkout\/pay src\/app\.ts:6/);
    assert.deepEqual(
      await page.$$eval('main ol.changes > li > p:first-child', (els) =>
        els.map((e) => (e.textContent ?? '').replace(/\s+\S+$/, '')),
      ),
      [
        '2 Dec 2026 — Ada Lindqvist changed Pay for the order (through code it uses): Round money to the tenth of a cent (#104) pull request #104',
        '20 Nov 2026 — Ada Lindqvist changed Pay for the order: Speed up payment (#101) pull request #101',
      ],
    );
    const link = await page.getAttribute('dl.fields a', 'href');
    assert.equal(link, 'https://grafana.example.com/d/checkout');
    await page.close();
  });

  it('the CX view hides file paths and keeps routes, screens and plain-words changes', async () => {
    const { page } = await open(shopPage, '#journey=checkout');
    assert.ok(await page.isVisible('text=src/checkout/pay.ts'));
    await page.check('#cx-view');
    assert.match(page.url(), /cx=1/);
    const visiblePaths = await page.$$eval(
      '.path',
      (els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length,
    );
    assert.equal(visiblePaths, 0);
    assert.equal(await page.isVisible('text=POST /checkout/pay'), true);
    assert.equal(await page.isVisible('text=Speed up payment (#101)'), true);
    await page.close();
  });

  it('blind spots: uncovered entry points, touchpoints covering nothing, journeys without entry points', async () => {
    const { page } = await open(shopPage, '#view=blind');
    const text = (await page.textContent('section.blind')) ?? '';
    assert.match(text, /Entry points no journey covers \(1\)GET \/admin\/report/);
    assert.match(text, /Touchpoints whose paths cover no file \(1\)Find a product › Ask the speaker/);
    assert.match(text, /Journeys with no entry point \(2\)Where is my orderFind a product/);
    assert.equal(await page.getAttribute('nav.views a[data-view="blind"]', 'aria-current'), 'page');
    await page.close();
  });

  it('prints one journey per page', async () => {
    const { page } = await open(shopPage);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.isVisible('main'), false);
    assert.equal(await page.locator('#print article.print-journey').count(), 4);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length;
    assert.equal(pages, 4);
    // A deep link prints its journey alone.
    const one = await open(shopPage, '#journey=tracking');
    const single = await one.page.pdf({ format: 'A4' });
    assert.equal(single.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length, 1);
    await page.close();
    await one.page.close();
  });

  it('follows the system to dark mode, with a toggle', async () => {
    const dark = await browser.newContext({ colorScheme: 'dark' });
    const { page } = await open(shopPage, '', dark);
    const bg = (): Promise<string> => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(await bg(), 'rgb(15, 20, 25)');
    await page.click('#theme'); // system -> dark
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    await page.click('#theme'); // dark -> light
    assert.equal(await bg(), 'rgb(255, 255, 255)');
    assert.equal(await page.textContent('#theme'), 'Theme: light');
    await page.reload();
    await page.waitForSelector('body[data-ready="1"]');
    assert.equal(await bg(), 'rgb(255, 255, 255)', 'the choice is remembered');
    await dark.close();
  });

  it('works from the keyboard: / searches, arrows move between journeys, Enter opens, Escape goes back', async () => {
    const { page } = await open(shopPage);
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'search');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.key), 'refunds');
    await page.keyboard.press('Enter');
    await page.waitForSelector('article.journey');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Get my money back');
    await page.keyboard.press('Escape');
    await page.waitForSelector('.journey-row');
    assert.doesNotMatch(page.url(), /journey=/);
    await page.close();
  });

  it('has no serious or critical axe-core violation, light and dark, on every view', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const ctx = await browser.newContext({ colorScheme: scheme, bypassCSP: true });
      for (const hash of ['', '#journey=checkout', '#journey=refunds&cx=1', '#view=blind']) {
        const { page } = await open(shopPage, hash, ctx);
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async () => {
          const result = await (
            window as unknown as {
              axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
            }
          ).axe.run();
          return result.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        });
        assert.deepEqual(violations, [], `${scheme} ${hash || 'list'}`);
        await page.close();
      }
      await ctx.close();
    }
  });

  it('renders a long list quickly: only the rows in view are in the page', async () => {
    const many: CatalogJourney[] = Array.from({ length: 5000 }, (_, i) => ({
      ...shopCatalog.journeys[i % 4]!,
      key: `j${i}`,
      id: `j${i}`,
      name: `Journey ${i}`,
    }));
    const file = path.join(scratchDir(), 'index.html');
    writeFileSync(file, catalogHtml({ ...shopCatalog, journeys: many }, pageScript()));
    const started = Date.now();
    const { page } = await open(file);
    const firstPaint = Date.now() - started;
    assert.ok((await page.locator('.journey-row').count()) < 60);
    assert.equal(await page.textContent('#count'), '5,000 journeys of 5,000');
    await page.evaluate(() => window.scrollTo(0, 64 * 4000));
    await page.waitForSelector('[data-key="j4005"]');
    await page.fill('#search', 'Journey 4999');
    assert.deepEqual(await rowNames(page), ['Journey 4999']);
    assert.ok(firstPaint < 3000, `first paint ${firstPaint} ms`);
    await page.close();
  });

  it('a map with errors shows them on top; a shallow clone says how far history reaches and how to fetch more', async () => {
    const broken: Catalog = {
      ...shopCatalog,
      repository: {
        ...shopCatalog.repository,
        historyComplete: false,
        shallow: true,
        historyFrom: '2026-12-01T10:00:00Z',
      },
      diagnostics: [
        {
          file: 'cx-map.yaml',
          line: 40,
          col: 11,
          severity: 'error',
          code: 'bad-tier',
          message: 'tier must be one of critical, high, medium, low',
        },
      ],
    };
    const file = path.join(scratchDir(), 'index.html');
    writeFileSync(file, catalogHtml(broken, pageScript()));
    const { page } = await open(file);
    const error = (await page.textContent('.notice.error')) ?? '';
    assert.match(
      error,
      /The map has 1 error: this page shows the journeys that could be read\.cx-map\.yaml:40:11 tier must be one of critical, high, medium, low \(bad-tier\)/,
    );
    const shallow = (await page.textContent('.notice.warning')) ?? '';
    assert.match(
      shallow,
      /shallow clone: its history reaches back to 1 Dec 2026 only.*git fetch --shallow-since=2026-11-02/,
    );
    assert.deepEqual(
      await rowNames(page),
      ['Checkout', 'Get my money back', 'Where is my order', 'Find a product'],
      'the journeys still show',
    );
    await page.goto(`file://${file}#view=blind`);
    await page.waitForSelector('section.blind');
    assert.match(
      (await page.textContent('section.blind')) ?? '',
      /The map's diagnostics \(1\)error cx-map\.yaml:40 tier must be/,
    );
    await page.close();
  });

  it('a hostile map runs nothing: markup in names, subjects and owners is text, and only http(s) and mailto links are links', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const map = SHOP_MAP.replace('name: Checkout', `name: '${evil}'`)
      .replace(
        'description: Shoppers turn a cart into a paid order.',
        "description: '</script><script>window.__pwned=3</script>'",
      )
      .replace('owner: "@shop/checkout"', 'owner: "\\"><svg onload=window.__pwned=4>"')
      .replace(
        'dashboard: https://grafana.example.com/d/checkout',
        'dashboard: "javascript:window.__pwned=5"\n      runbook: https://runbooks.example.com/a',
      );
    const repo = shopRepo(map);
    repo.write({ 'src/checkout/pay.ts': 'export function pay(): number { return 3; }\n' });
    commitAt(
      repo,
      '2026-12-03T10:00:00Z',
      '<script>window.__pwned=6</script> (#7)',
      'Eve" onmouseover="window.__pwned=7" &amp;',
    );
    assert.equal(repo.cli(['catalog', '--since', '1y']).code, 0);
    const file = path.join(repo.dir, 'cx-catalog', 'index.html');
    // catalog.json edited by hand, as a tampered artifact would be: a javascript: and a data: link.
    const tampered = JSON.parse(readFileSync(path.join(repo.dir, 'cx-catalog', 'catalog.json'), 'utf8')) as Catalog;
    tampered.journeys[0]!.links = {
      evil: 'javascript:window.__pwned=8',
      data: 'data:text/html,<script>1</script>',
      mail: 'mailto:cx@example.com',
      web: 'https://example.com/ok',
    };
    const tamperedFile = path.join(scratchDir(), 'index.html');
    writeFileSync(tamperedFile, catalogHtml(tampered, pageScript()));

    for (const [target, hash] of [
      [file, ''],
      [file, '#journey=checkout'],
      [tamperedFile, '#journey=checkout'],
      [file, '#view=blind'],
    ] as const) {
      const { page, errors } = await open(target, hash);
      await page.emulateMedia({ media: 'print' });
      assert.equal(
        await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
        undefined,
        `${hash}`,
      );
      assert.equal(await page.locator('img, svg, iframe, object, embed').count(), 0);
      assert.equal(await page.locator('script').count(), 2, 'only the page data and the page script');
      const hrefs = await page.$$eval('a[href]', (els) => els.map((a) => a.getAttribute('href') ?? ''));
      for (const href of hrefs) assert.match(href, /^(#|https?:\/\/|mailto:)/, href);
      assert.deepEqual(errors, []);
      if (hash === '#journey=checkout') {
        await page.emulateMedia({ media: 'screen' });
        assert.equal(await page.textContent('article.journey h2'), evil);
        const text = (await page.textContent('article.journey')) ?? '';
        assert.match(
          text,
          /Eve" onmouseover="window\.__pwned=7" &amp changed Pay for the order: <script>window\.__pwned=6<\/script> \(#7\)/,
        );
        if (target === tamperedFile) assert.match(text, /evil: javascript:window\.__pwned=8/);
      }
      await page.close();
    }
  });
});

let script: string | undefined;
/** The page script the CLI inlines (built beside the CLI bundle by test-repo's cliBundle). */
function pageScript(): string {
  script ??= readFileSync(path.join(path.dirname(cliBundle()), 'catalog-page.js'), 'utf8');
  return script;
}
