// The widget as newsroom editors and offline readers use it: embedded in a page on another origin,
// under its strict policy, without JavaScript, from one file on disk, and with the network gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, FIXTURE, ROOT, open, suite } from './harness.mjs';
import { WIDTHS, measure, parseHeights } from './heights.mjs';
import { facts } from './facts.mjs';

const s = suite();
const f = facts(s.data);

/** A host page on another origin (localhost vs 127.0.0.1, another port) serving `html`. */
async function host(html) {
  const server = createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(html); });
  await new Promise((ok) => server.listen(0, 'localhost', ok));
  return { url: `http://localhost:${server.address().port}/`, close: () => { server.closeAllConnections(); return new Promise((ok) => server.close(ok)); } };
}

/** The embed code, copied from the widget's own "Embed this" panel as an editor would. */
async function embedCode(hash = '', theme = 'auto') {
  const { page } = await open(s.browser, s.url + '#panel=embed' + hash);
  await page.locator('#im-panel select').selectOption(theme);
  const frame = await page.locator('#embed-frame').inputValue();
  const loader = await page.locator('#embed-loader').inputValue();
  const csp = await page.locator('#embed-csp').inputValue();
  await page.close();
  return { frame, loader, csp };
}

const frameHeight = (page) => page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height);

test('pasted into a page on another origin, the frame fits its content as cells open and close', async () => {
  const code = await embedCode();
  assert.match(code.frame, /title="[^"]+"/);
  assert.match(code.frame, /loading="lazy"/);
  assert.match(code.frame, /sandbox="allow-scripts allow-same-origin/);
  // Hostile host CSS must not reach inside the frame.
  const h = await host(`<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'unsafe-inline'; ${code.csp}">
    <style>* { font: 40px/3 serif !important; color: red !important; } table { display: none !important; }</style></head>
    <body><p>Article text.</p>${code.frame}${code.loader}<p>More article text.</p></body></html>`);
  const page = await s.browser.newPage({ viewport: { width: 1200, height: 900 } });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(h.url);
  const frame = page.frameLocator('iframe');
  await frame.locator('button.im-cell').first().waitFor();
  await page.waitForFunction(() => document.querySelector('iframe').style.height !== '');
  const closed = await frameHeight(page);
  await frame.locator('button.im-cell').first().click();
  await frame.locator('#im-detail').waitFor();
  await page.waitForFunction((h) => document.querySelector('iframe').getBoundingClientRect().height > h + 50, closed);
  const opened = await frameHeight(page);
  await frame.locator('.im-close').click();
  await page.waitForFunction((h) => document.querySelector('iframe').getBoundingClientRect().height < h - 50, opened);
  assert.ok(Math.abs((await frameHeight(page)) - closed) <= 2, 'shrinks back');
  const inner = page.frames()[1];
  const { scroll, client, font, table } = await inner.evaluate(() => ({
    scroll: document.documentElement.scrollHeight, client: document.documentElement.clientHeight,
    font: getComputedStyle(document.body).fontSize, table: getComputedStyle(document.querySelector('table')).display,
  }));
  assert.ok(scroll <= client + 1, `no scrollbar inside the frame (${scroll} > ${client})`);
  assert.equal(font, '15px', 'host CSS does not reach the widget');
  assert.equal(table, 'block', 'the host\'s table { display: none } does not reach it (the widget lays its grid out as block)');
  assert.deepEqual(errors, []);
  await page.close();
  await h.close();
});

test('a loader that arrives after the widget has settled still sizes the frame: embed.js asks for the height', async () => {
  // A view other than the default one has no measured height to reserve: the frame starts at 720 px.
  const code = await embedCode(`&cell=${encodeURIComponent(f.ordered[0].anchor)}`);
  assert.match(code.frame, / style="width:1px;min-width:100%" /, 'iOS Safari does not widen the frame');
  assert.match(code.frame, / allow="clipboard-write; web-share" /);
  const loader = code.loader.match(/src="([^"]+)"/)[1];
  // The loader is added five seconds after the page, as a tag manager or a lazy CMS block would.
  const h = await host(`<!doctype html><body><p>Article text.</p>${code.frame}<p>More article text.</p>
    <script>setTimeout(() => { const s = document.createElement('script'); s.src = ${JSON.stringify(loader)}; document.body.append(s); }, 5000);</script></body>`);
  const page = await s.browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(h.url);
  await page.frameLocator('iframe').locator('button.im-cell').first().waitFor();
  assert.equal(await frameHeight(page), 720, 'no loader yet: the frame code\'s height');
  await page.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 1000, null, { timeout: 15000 });
  await page.close();
  await h.close();
});

test('a pym.js host gets pym height messages and can ask for the height', async () => {
  const h = await host(`<!doctype html><body><iframe id="f" src="${s.url}?childId=g1" style="width:100%;height:300px"></iframe>
    <script>window.got = []; addEventListener('message', (e) => { if (typeof e.data === 'string' && e.data.startsWith('pymxPYMx')) got.push(e.data); });</script></body>`);
  const page = await s.browser.newPage();
  await page.goto(h.url);
  await page.waitForFunction(() => window.got.some((m) => /^pymxPYMxg1xPYMxheightxPYMx\d+$/.test(m)));
  const before = await page.evaluate(() => window.got.length);
  await page.evaluate(() => document.getElementById('f').contentWindow.postMessage('pymxPYMxg1xPYMxwidthxPYMx760', '*'));
  await page.waitForFunction((n) => window.got.length > n, before);
  await page.close();
  await h.close();
});

test('the theme follows the host: dark, light, and transparent', async () => {
  const bg = async (query, scheme) => {
    const page = await s.browser.newPage({ colorScheme: scheme });
    await page.goto(s.url + query);
    await page.waitForSelector('button.im-cell');
    const c = await page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]);
    await page.close();
    return c;
  };
  const [darkBg] = await bg('?theme=dark', 'light');
  const [lightBg] = await bg('?theme=light', 'dark');
  const [autoDark] = await bg('', 'dark');
  const [clear] = await bg('?bg=transparent', 'light');
  assert.equal(darkBg, 'rgb(22, 22, 22)');
  assert.equal(lightBg, 'rgb(255, 255, 255)');
  assert.equal(autoDark, 'rgb(22, 22, 22)', 'auto follows the reader');
  assert.equal(clear, 'rgba(0, 0, 0, 0)');
  const page = await s.browser.newPage();
  await page.goto(s.url + '?header=0');
  await page.waitForSelector('button.im-cell');
  assert.equal(await page.locator('.im-title').count(), 0, 'header=0 hides the headline');
  await page.close();
});

test('under its strict Content-Security-Policy, using the widget causes no violation', async () => {
  const { page, errors } = await open(s.browser, s.url);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.ok(!csp.includes('unsafe-inline') && !/'unsafe-eval'/.test(csp) && csp.includes("'wasm-unsafe-eval'"));
  await page.evaluate(() => { window.violations = []; document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective + ' ' + e.blockedURI)); });
  await page.locator('button.im-cell').first().click();
  await page.keyboard.press('Escape');
  for (const tab of await page.locator('.im-tab').all()) if (await tab.isVisible()) await tab.click();
  await page.locator('.im-key').first().click();
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(errors.filter((e) => /Content Security Policy|Refused/.test(e)), []);
  await page.close();
});

test('without JavaScript the matrix is there as a table, and its cells lead to the sources', async () => {
  const ctx = await s.browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(s.url);
  // Every row with events (up to the widget's limit of 60 rows before "Show more"), in the matrix's order.
  assert.deepEqual(await page.locator('#ice-matrix tbody th').evaluateAll((ths) => ths.map((t) => t.firstChild.textContent)),
    f.rows.slice(0, 60).map((r) => r.name));
  const first = page.locator('#ice-matrix a.im-cell').first();
  const href = await first.getAttribute('href');
  assert.equal(href, `sources.html#${f.ordered[0].anchor}`);
  await first.click();
  // The sources page is long (every event with its sources' words): count once it has all arrived.
  await page.waitForLoadState('load');
  const anchor = decodeURIComponent(href.split('#')[1]);
  const section = page.locator(`[id="${anchor}"] + ol`);
  assert.equal(await section.locator('.im-event').count(), f.ordered[0].events.length, 'the cell\'s events, under its anchor');
  assert.ok((await section.locator('.im-sources a[href^="http"]').count()) > 0);
  assert.equal(await page.locator('.im-event').count() >= s.data.events.length, true, 'every event is on the sources page');
  await ctx.close();
});

test('offline.html works from disk with the network off, and in a sandboxed frame without same-origin', async () => {
  const ctx = await s.browser.newContext({ offline: true });
  const page = await ctx.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(pathToFileURL(join(DIST, 'offline.html')).href);
  await page.waitForSelector('button.im-cell');
  await page.locator('button.im-cell').first().click();
  assert.equal(await page.locator('#im-detail .im-event').count(), f.ordered[0].events.length);
  assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), []);
  assert.deepEqual(errors, []);
  await ctx.close();

  const offline = await readFile(join(DIST, 'offline.html'), 'utf8');
  assert.equal(offline.match(/<template id="im-fragments">/g)?.length, 1, 'the fragments, inline in one template');
  const h = await host(`<!doctype html><body><iframe sandbox="allow-scripts" style="width:100%;height:600px" srcdoc="${offline.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></iframe></body>`);
  const p2 = await s.browser.newPage();
  await p2.goto(h.url);
  await p2.frameLocator('iframe').locator('button.im-cell').first().waitFor();
  await p2.frameLocator('iframe').locator('button.im-cell').first().click();
  await p2.frameLocator('iframe').locator('#im-detail').waitFor();
  await p2.close();
  await h.close();
});

test('once visited, the hosted widget keeps working with the network off', async () => {
  const ctx = await s.browser.newContext();
  const page = await ctx.newPage();
  await page.goto(s.url);
  await page.waitForSelector('button.im-cell');
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The reader uses the widget once (the fragments are fetched when the pointer enters it).
  await page.reload();
  await page.waitForSelector('button.im-cell');
  await Promise.all([page.waitForResponse((r) => r.url().includes('/data/fragments-')), page.mouse.move(200, 300)]);
  await page.waitForTimeout(300);
  await ctx.setOffline(true);
  await page.reload();
  await page.waitForSelector('button.im-cell');
  await page.locator('button.im-cell').first().click();
  await page.waitForSelector('#im-detail .im-event');
  assert.ok((await page.locator('#im-detail .im-summary').first().textContent()).length > 20, 'the events read offline');
  await ctx.close();
});

test('an embed can pin this version of the data: the build writes a copy under v/<version>/, and it works there', async () => {
  const { page, errors } = await open(s.browser, s.url + '#panel=embed');
  const current = await page.locator('#embed-frame').inputValue();
  assert.ok(current.includes(`src="${s.url}`) && !current.includes('/v/'), current);
  await page.locator('#embed-pin').check();
  const pinned = await page.locator('#embed-frame').inputValue();
  const src = pinned.match(/src="([^"]+)"/)[1];
  assert.ok(src.startsWith(`${s.url}v/${s.data.version}/`), src);
  assert.match(await page.locator('#embed-pin').locator('xpath=../..').textContent(), /Pinned/);
  await page.close();
  // The copy is the same widget with the same data, and says which version it is.
  const copy = await open(s.browser, src);
  await copy.page.waitForSelector('button.im-cell');
  assert.ok((await copy.page.locator('.im-foot').textContent()).includes(`Data version ${s.data.version}`));
  assert.equal(await copy.page.locator('button.im-cell').count(), f.cells.size);
  const data = await (await fetch(`${s.url}v/${s.data.version}/data/dataset.json`)).json();
  assert.equal(data.version, s.data.version);
  await copy.page.locator(`#${f.ordered[0].id}`).click();
  await copy.page.waitForSelector('#im-detail .im-event');
  assert.deepEqual([...errors, ...copy.errors], []);
  await copy.page.close();
});

// The heights the build reserves, from the heights file of the dataset under test.
const reserved = parseHeights(readFileSync(join(ROOT, FIXTURE ? 'tests/fixtures/divestment.heights.toml' : 'data/dataset.heights.toml'), 'utf8'));

test('the heights the embed code reserves are the heights the widget has now (else: scripts/measure-heights)', async () => {
  assert.deepEqual(WIDTHS.filter((w) => !reserved.some((r) => r.width === w)), [], 'measured at every common width');
  const off = [];
  for (const r of reserved) {
    const now = await measure(s.browser, s.url, r.width);
    if (Math.abs(now - r.height) > 4) off.push(`${r.width} px: reserved ${r.height}, now ${now}`);
  }
  assert.deepEqual(off, [], 'the dataset or the stylesheet changed since the heights were measured: run scripts/measure-heights');
});

/** Layout shifts the host records (the frame's own are the widget's, and counted by embed.test's callers). */
const INIT_CLS = () => {
  window.__shifts = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__shifts.push({ value: e.value, input: e.hadRecentInput }); })
    .observe({ type: 'layout-shift', buffered: true });
};
const cls = (target) => target.evaluate(() => window.__shifts.filter((e) => !e.input).reduce((a, e) => a + e.value, 0));

for (const width of [390, 1280]) {
  test(`at ${width} px the article around the frame does not move as it loads, or as a cell opens and closes`, async () => {
    const code = await embedCode();
    assert.match(code.frame, /^<div class="ice-matrix-frame"><style>.*@container/, 'the code reserves the measured heights');
    const text = 'Article text that a reader has before and after the graphic, long enough to wrap at a phone\'s width. ';
    const h = await host(`<!doctype html><meta name="viewport" content="width=device-width"><body style="margin:0 16px">
      <h1>A headline</h1><p>${text}</p>${code.frame}<p id="after">${text.repeat(6)}</p>${code.loader}</body>`);
    const page = await s.browser.newPage({ viewport: { width, height: 844 } });
    await page.addInitScript(INIT_CLS);
    await page.goto(h.url);
    const frame = page.frameLocator('iframe');
    await frame.locator('button.im-cell').first().waitFor();
    await page.waitForFunction(() => document.querySelector('iframe').style.height !== '', null, { timeout: 15000 });
    await page.waitForTimeout(1000);
    const inner = page.frames()[1];
    const loading = await cls(page);
    const ownLoad = await inner.evaluate(() => performance.getEntriesByType('layout-shift').filter((e) => !e.hadRecentInput).reduce((a, e) => a + e.value, 0));
    // A cell in the first screen, as a reader would tap it.
    const cell = frame.locator('button.im-cell').first();
    await cell.click();
    await frame.locator('#im-detail .im-event').first().waitFor();
    await page.waitForTimeout(800);
    const opening = (await cls(page)) - loading;
    await frame.locator('.im-close').click();
    await frame.locator('#im-detail').waitFor({ state: 'detached' });
    await page.waitForTimeout(800);
    const closing = (await cls(page)) - loading - opening;
    const figures = `loading ${loading.toFixed(4)}, opening ${opening.toFixed(4)}, closing ${closing.toFixed(4)}, the frame's own load ${ownLoad.toFixed(4)}`;
    console.log(`host CLS at ${width} px: ${figures}`);
    assert.ok(loading <= 0.01 && opening <= 0.01 && closing <= 0.01 && ownLoad <= 0.01, figures);
    await page.close();
    await h.close();
  });
}
