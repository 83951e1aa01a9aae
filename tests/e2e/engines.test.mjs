// The built widget in the three engines readers use: Chromium, Firefox (ESR, through geckodriver) and WebKit
// (WebKitGTK's MiniBrowser through WebKitWebDriver, the engine of Safari), all driven over WebDriver with
// selenium-webdriver. The engines come from env ICE_MATRIX_ENGINES (comma-separated; default all three); WebKit
// needs a display (scripts/test runs it under Xvfb). Expectations come from the published dataset.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createServer as netServer } from 'node:net';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Builder, Key } from 'selenium-webdriver';
import { DIST, dataset } from './harness.mjs';
import { WP_EMBED, wordpressPost } from './wordpress.mjs';

/** npm's pym.js, the parent a newsroom page runs. */
const PYM = fileURLToPath(new URL('./node_modules/pym.js/dist/pym.v1.min.js', import.meta.url));
import { facts, quotesOf } from './facts.mjs';

const data = dataset();
const f = facts(data);
const ENGINES = (process.env.ICE_MATRIX_ENGINES ?? 'chromium,firefox,webkit').split(',').map((e) => e.trim()).filter(Boolean);

/** Each engine: its driver binary and arguments, and the capabilities of a new session. */
const SETUP = {
  chromium: {
    driver: ['chromedriver'],
    caps: {
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: '/usr/bin/chromium',
        args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
          '--disable-background-networking', '--disable-component-update', '--disable-sync', '--window-size=1280,900'],
      },
    },
  },
  firefox: {
    driver: [process.env.GECKODRIVER ?? 'geckodriver'],
    caps: { browserName: 'firefox', 'moz:firefoxOptions': { binary: '/usr/lib/firefox-esr/firefox-esr', args: ['-headless', '--width=1280', '--height=900'] } },
  },
  webkit: {
    driver: ['WebKitWebDriver'],
    caps: {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', args: ['--automation'] },
    },
  },
};

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json' };

/**
 * A page script that records errors, served at /__probe.js and put first in the widget's <head> by this server
 * (the page's policy allows its own scripts), so that it is there before the wasm starts in every engine.
 */
const PROBE = `window.__errors = [];
const keep = (what) => window.__errors.push(String(what));
addEventListener('error', (e) => keep(e.message || e.type));
addEventListener('unhandledrejection', (e) => keep(e.reason));
const error = console.error.bind(console);
console.error = (...a) => { keep(a.join(' ')); error(...a); };`;

/** The embed code the widget's Embed panel gives, for the host page's `?code=1`. */
const code = { frame: '', loader: '' };

/** Serves dist/ with the probe, and host pages on a second port (another origin). */
async function servers() {
  const widget = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/__probe.js') return res.writeHead(200, { 'content-type': TYPES['.js'] }).end(PROBE);
    try {
      let body = await readFile(join(DIST, path.endsWith('/') ? path + 'index.html' : path));
      if (path.endsWith('/') || path.endsWith('.html')) {
        body = body.toString().replace('<meta charset="utf-8">', '<meta charset="utf-8"><script src="/__probe.js"></script>');
      }
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? (path.endsWith('/') ? TYPES['.html'] : 'application/octet-stream') }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => widget.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${widget.address().port}/`;
  // The host: an article page on another origin (localhost, not 127.0.0.1) with the widget's frame code.
  const host = createServer(async (req, res) => {
    const u = new URL(req.url, 'http://x');
    if (u.pathname === '/wp-embed.js') return res.writeHead(200, { 'content-type': TYPES['.js'] }).end(await readFile(WP_EMBED));
    if (u.pathname === '/pym.js') return res.writeHead(200, { 'content-type': TYPES['.js'] }).end(await readFile(PYM));
    if (u.searchParams.get('pym') === '1') {
      // An article column with npm's own pym.js parent, as a newsroom page sets it up.
      return res.writeHead(200, { 'content-type': TYPES['.html'] }).end(`<!doctype html><html><head><meta charset="utf-8"><title>Host</title></head>
<body style="margin:0"><main style="max-width:${u.searchParams.get('width') ?? '760'}px"><p>An article paragraph above the widget.</p>
<div id="container"></div><p id="after">An article paragraph below the widget.</p></main>
<script src="/pym.js"></script><script>window.parent_ = new pym.Parent('container', '${base}', {});</script></body></html>`);
    }
    if (u.searchParams.get('api') === '1' || u.searchParams.get('steps') === '1') {
      return res.writeHead(200, { 'content-type': TYPES['.html'] }).end(apiHost(base, u.searchParams.get('steps') === '1'));
    }
    if (u.searchParams.get('sibling') === '1') {
      // A frame beside the widget's, on the host's origin, that tries to command it.
      return res.writeHead(200, { 'content-type': TYPES['.html'] }).end(`<!doctype html><script>
        window.send = (view) => parent.document.getElementById('w').contentWindow.postMessage({ type: 'ice-matrix:set-view', view }, '*');
      </script>`);
    }
    if (u.searchParams.get('wp') === '1') {
      return res.writeHead(200, { 'content-type': TYPES['.html'] }).end(await wordpressPost(base, u.searchParams.get('width') ?? '650'));
    }
    const width = u.searchParams.get('width') ?? '720';
    const embed = u.searchParams.get('embed') !== '0';
    if (u.searchParams.get('code') === '1') {
      // The frame code as the Embed panel gave it (set by the test that reads it), in a phone-width column.
      return res.writeHead(200, { 'content-type': TYPES['.html'] }).end(`<!doctype html><html><head><meta charset="utf-8"><title>Host</title></head>
<body style="margin:0"><main style="width:${width}px"><p>An article paragraph above the widget.</p>${code.frame}<p id="after">An article paragraph below the widget.</p>${code.loader}</main></body></html>`);
    }
    res.writeHead(200, { 'content-type': TYPES['.html'] }).end(`<!doctype html><html><head><meta charset="utf-8"><title>Host</title></head>
<body style="margin:0"><main style="width:${width}px">
<p>An article paragraph above the widget.</p>
<iframe id="w" src="${base}${u.searchParams.get('q') ?? ''}" title="widget" style="width:${width}px;border:0" height="720" data-ice-matrix></iframe>
<p>An article paragraph below the widget.</p>
${embed ? `<script src="${base}embed.js" async></script>` : ''}
</main></body></html>`);
  });
  await new Promise((ok) => host.listen(0, '127.0.0.1', ok));
  return { base, host: `http://localhost:${host.address().port}/`, close: () => Promise.all([widget, host].map((s) => { s.closeAllConnections(); return new Promise((ok) => s.close(ok)); })) };
}

/** A free TCP port for a driver. */
async function freePort() {
  const s = netServer();
  await new Promise((ok) => s.listen(0, '127.0.0.1', ok));
  const { port } = s.address();
  await new Promise((ok) => s.close(ok));
  return port;
}

/** Starts the engine's WebDriver server and a session. Returns { driver, stop }. */
async function session(engine) {
  const { driver: [bin, ...args], caps } = SETUP[engine];
  const port = await freePort();
  const child = spawn(bin, [...args, `--port=${port}`], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/status`)).ok) break;
    } catch { /* not up yet */ }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  const driver = await new Builder().usingServer(url).withCapabilities(caps).build();
  return { driver, stop: async () => { await driver.quit().catch(() => {}); child.kill(); } };
}

/**
 * A host article that uses the API: a text box that has focus, the widget's frame, a sibling frame, and embed.js;
 * it keeps every event embed.js dispatches on the frame in window.__events. With `steps`, three steps whose views
 * come from the data, a screen apart.
 */
function apiHost(base, steps) {
  const views = [`cell=${f.ordered[0].anchor}`, `company=${f.rows[0].id}`, `cell=${f.ordered[f.ordered.length - 1].anchor}`];
  const step = (v, i) => `<p data-ice-matrix-step="${v}" style="margin:0 0 100vh">Step ${i + 1}</p>`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>Host</title></head>
<body style="margin:0"><main style="width:720px">
<p>An article paragraph above the widget.</p><input id="note" aria-label="A host field">
<div style="${steps ? 'position:sticky;top:0;' : ''}"><iframe id="w" src="${base}" title="widget" style="width:720px;height:600px;border:0" data-ice-matrix></iframe></div>
<iframe id="sibling" src="/?sibling=1" title="another" style="width:10px;height:10px;border:0"></iframe>
${steps ? `<div style="padding:60vh 0">${views.map(step).join('')}</div>` : '<p style="height:2000px">More article.</p>'}
</main>
<script>window.__events = [];
  for (const t of ['ice-matrix:ready', 'ice-matrix:view']) document.getElementById('w').addEventListener(t, (e) => window.__events.push(e.detail));
  document.getElementById('note').focus();</script>
<script src="${base}embed.js" async></script></body></html>`;
}

/** The frame widths of the sweep: phones, the cards' and the grid's edges, article columns, tablets, desktops. */
const SWEEP = [320, 390, 600, 719, 720, 744, 760, 768, 820, 900, 1000, 1024, 1280, 1600];

/** In the widget's document: how far it scrolls sideways, how many cells' labels are cut, and how far the open
 *  cell's events reach past the page's right edge. */
const MEASURE_WIDTH = `const doc = document.scrollingElement;
  const cut = [...document.querySelectorAll('.im-cell')].filter((b) => b.scrollWidth > b.clientWidth + 1).map((b) => b.getAttribute('aria-label') ?? b.textContent);
  const d = document.getElementById('im-detail');
  return { sideways: doc.scrollWidth - doc.clientWidth, cut, past: d ? Math.round(d.getBoundingClientRect().right - doc.clientWidth) : 0 };`;

/** What a reader would notice at this width, as sentences (none when all is well). */
function widthProblems(width, m) {
  const out = [];
  if (m.sideways > 1) out.push(`${width} px: the page scrolls sideways by ${m.sideways} px`);
  if (m.cut.length) out.push(`${width} px: ${m.cut.length} cells' labels are cut, e.g. ${m.cut[0]}`);
  if (m.past > 1) out.push(`${width} px: the open cell's events run ${m.past} px past the right edge`);
  return out;
}

/** Polls `script` in the page until it returns a truthy value; returns it. */
async function until(driver, script, what, timeout = 20000, ...args) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await driver.executeScript(script, ...args).catch(() => null);
    if (v) return v;
    if (Date.now() > end) {
      // What the page says of itself, for a failure that only a loaded machine shows.
      const state = await driver.executeScript('return JSON.stringify({ errors: window.__errors, hash: location.hash })').catch(() => '');
      assert.fail(`timed out waiting for ${what} (${state})`);
    }
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

const cellsReady = `return document.querySelectorAll('button.im-cell').length === arguments[0] && !document.querySelector('a.im-cell');`;

for (const engine of ENGINES) {
  describe(engine, () => {
    let s; let srv; let driver;
    before(async () => {
      srv = await servers();
      s = await session(engine);
      driver = s.driver;
    });
    after(async () => { await s?.stop(); await srv?.close(); });

    test('loads: the wasm replaces the static table, with every cell and the figures from the data', async () => {
      await driver.get(srv.base);
      await until(driver, cellsReady, 'the live cells', 30000, f.cells.size);
      const figures = await driver.executeScript(`return [...document.querySelectorAll('.im-figures dd')].map((d) => d.textContent)`);
      assert.deepEqual(figures.slice(0, 2), [String(f.rows.length), String(data.events.length)]);
      // Downloaded once: a preload link was fetched a second time by WebKit.
      const wasm = await driver.executeScript(`return performance.getEntriesByType('resource').filter((r) => r.name.endsWith('_bg.wasm')).map((r) => r.initiatorType)`);
      assert.equal(wasm.length, 1, `the wasm's requests: ${wasm.join(', ')}`);
      assert.deepEqual(await driver.executeScript('return window.__errors'), []);
    });

    test('every cell opens its dated events with source links, and Esc returns focus to the cell', async () => {
      await driver.get(srv.base);
      await until(driver, cellsReady, 'the live cells', 30000, f.cells.size);
      for (const c of f.ordered) {
        await driver.executeScript('document.getElementById(arguments[0]).click()', c.id);
        const got = await until(driver, `const d = document.querySelector('#im-detail');
          if (!d || !d.querySelector('#im-detail-title').textContent.startsWith(arguments[0])) return null;
          const items = d.querySelectorAll('.im-events > li');
          if (items.length !== arguments[1] || [...items].some((li) => !li.querySelector('.im-sources a[href^="http"]'))) return null;
          return [...d.querySelectorAll('.im-sources a')].every((a) => a.target === '_blank' && /noopener/.test(a.rel));`,
        `the events of ${c.anchor}`, 20000, c.title, c.events.length);
        assert.ok(got, `${c.anchor}: every source link opens in a new tab without an opener`);
      }
      // What the source says: a tap on a source's "What the source says" shows its own words, marked as English.
      const last = f.ordered[f.ordered.length - 1];
      const event = last.events[0];
      const source = event.sources.find((id) => quotesOf(event, id).length > 0);
      const shown = await until(driver, `const d = document.querySelector('#im-detail');
        const s = d?.querySelector('.im-events > li .im-evidence summary');
        if (!s) return null;
        if (!s.parentElement.open) s.click();
        const qs = [...s.parentElement.querySelectorAll('blockquote')];
        return qs.length && qs.every((q) => q.offsetHeight > 0) ? qs.map((q) => [q.lang, q.textContent]) : null;`,
      'the first source\'s words', 10000);
      assert.deepEqual(shown, quotesOf(event, source).map((q) => ['en', q]), `${last.anchor}: what ${source} says`);
      // Esc, pressed as a key, closes the panel and puts focus back on the cell.
      const c = f.ordered[0];
      await driver.executeScript('const b = document.getElementById(arguments[0]); b.focus(); b.click();', c.id);
      await until(driver, `return document.activeElement && document.activeElement.id === 'im-detail-title'`, 'focus in the panel');
      await driver.actions().sendKeys(Key.ESCAPE).perform();
      await until(driver, `return !document.querySelector('#im-detail') && document.activeElement.id === arguments[0]`, 'focus back on the cell', 5000, c.id);
      assert.deepEqual(await driver.executeScript('return window.__errors'), []);
    });

    test('the legend, the sector menu and the hash', async () => {
      const cell = f.ordered.find((c) => c.events.length > 1) ?? f.ordered[0];
      // A fresh load: the test before may leave this very link in the address for a moment (the widget writes the
      // hash in a task after the input), and a navigation to the same address fires no hashchange.
      await driver.get('about:blank');
      await driver.get(`${srv.base}#cell=${cell.anchor}`);
      await until(driver, `return document.querySelector('#im-detail-title')?.textContent.startsWith(arguments[0])`, 'the linked cell open', 30000, cell.title);
      await driver.get(srv.base);
      await until(driver, cellsReady, 'the live cells', 30000, f.cells.size);
      const outcome = data.outcomes.find((o) => o.id !== cell.outcome.id) ?? data.outcomes[0];
      const index = data.outcomes.indexOf(outcome);
      await driver.executeScript('document.querySelectorAll(".im-key")[arguments[0]].click()', index);
      await until(driver, `return location.hash === '#hide=' + arguments[0] && !document.querySelector('button.im-cell[data-o="' + arguments[0] + '"]')`, 'the outcome hidden', 10000, outcome.id);
      await driver.executeScript('document.querySelectorAll(".im-key")[arguments[0]].click()', index);
      await until(driver, `return location.hash === ''`, 'the outcome shown again');
      const sector = data.sectors.find((x) => data.companies.some((c) => c.sector === x.id && f.rows.some((r) => r.id === c.id)));
      await driver.executeScript(`const s = document.querySelector('.im-filters select');
        s.value = String(arguments[0]); s.dispatchEvent(new Event('change', { bubbles: true }));`, data.sectors.indexOf(sector));
      await until(driver, `return location.hash === '#sector=' + arguments[0] && document.querySelector('table.im-matrix').getAttribute('aria-busy') === 'false'`, 'the sector filter', 10000, sector.id);
      const rows = await driver.executeScript(`return document.querySelectorAll('tbody tr:not([hidden]):not(.im-open-row)').length`);
      assert.equal(rows, f.rows.filter((r) => r.sector === sector.id).length);
      assert.deepEqual(await driver.executeScript('return window.__errors'), []);
    });

    test('a company\'s name loads the whole widget, which opens its story in place of the first view\'s widget', async () => {
      // A fresh load: from the test before's #sector=… address, WebKit may keep the page (and its sector filter,
      // which can hide the row) when only the fragment goes.
      await driver.get('about:blank');
      await driver.get(srv.base);
      await until(driver, cellsReady, 'the live cells', 30000, f.cells.size);
      // Names, once each: WebKit lists a preloaded file twice.
      const wasm = `return [...new Set(performance.getEntriesByType('resource').map((r) => r.name).filter((n) => n.endsWith('_bg.wasm')).map((n) => n.split('/').pop()))]`;
      const before = await driver.executeScript(wasm);
      assert.ok(before.length === 1 && !before[0].startsWith('ice-matrix-full-'), before.join(', '));
      const r = f.rows[0];
      await driver.executeScript('document.querySelector(`button.im-company[data-c="${arguments[0]}"]`).click()', r.index);
      await until(driver, `const h = document.querySelector('.im-company-panel #im-detail-title');
        return h && h.textContent.startsWith(arguments[0]) && document.querySelectorAll('#ice-matrix > .im').length === 1`, 'the company\'s story', 30000, `${r.name}: every event`);
      assert.ok((await driver.executeScript(wasm)).some((n) => n.startsWith('ice-matrix-full-')));
      // The whole widget answers the next input, once: a cell opens in place of the story.
      const c = f.ordered[0];
      await driver.executeScript('document.getElementById(arguments[0]).click()', c.id);
      await until(driver, `return document.querySelector('#im-detail-title')?.textContent.startsWith(arguments[0]) && location.hash.includes('cell=')`, 'a cell open', 10000, c.title);
      assert.deepEqual(await driver.executeScript('return window.__errors'), []);
    });

    for (const width of [390, 1280]) {
      test(`in a WordPress post (WordPress's own wp-embed.js and markup) at ${width} px, the frame shows live cells`, async () => {
        // The post's column: a phone's width less its margins, or a desktop theme's 650 px column.
        const column = width === 390 ? 342 : 650;
        await driver.get(`${srv.host}?wp=1&width=${column}`);
        // WordPress shows the frame, and hides the quote it falls back on, once the frame has sent its height.
        const shown = await until(driver, `const f = document.querySelector('iframe.wp-embedded-content');
          const q = document.querySelector('blockquote.wp-embedded-content');
          return f && !f.hasAttribute('style') && q.style.display === 'none' ? [Number(f.height), f.getBoundingClientRect().width] : null;`,
        'WordPress showing the frame', 30000);
        assert.ok(shown[0] >= 200 && shown[0] <= 1000, `WordPress sized the frame to ${shown[0]} px`);
        assert.ok(Math.abs(shown[1] - column) <= 1, `the frame is ${shown[1]} px wide in a ${column} px column`);
        await driver.switchTo().frame(await driver.findElement({ css: 'iframe.wp-embedded-content' }));
        await until(driver, cellsReady, 'the live cells in the frame', 30000, f.cells.size);
        await driver.switchTo().defaultContent();
      });
    }

    test(`in a frame of every width from 320 to 1600 px nothing scrolls sideways, no cell's label is cut, and an open cell's events fit`, async () => {
      const problems = [];
      for (const width of SWEEP) {
        await driver.get(`${srv.host}?width=${width}&embed=0&q=${encodeURIComponent(`#cell=${f.ordered[0].anchor}`)}`);
        await driver.switchTo().frame(await driver.findElement({ id: 'w' }));
        await until(driver, `return document.querySelector('#im-detail .im-event') && document.querySelector('button.im-cell')`, `the open cell at ${width} px`, 30000);
        const m = await driver.executeScript(MEASURE_WIDTH);
        await driver.switchTo().defaultContent();
        problems.push(...widthProblems(width, m));
      }
      assert.deepEqual(problems, []);
    });

    test('the host\'s own script: ready and view arrive as events on the frame; set-view from the page opens a view without taking focus or scrolling; a sibling frame is ignored', async () => {
      await driver.get(`${srv.host}?api=1`);
      const ready = await until(driver, `return window.__events.find((e) => e.type === 'ice-matrix:ready')`, 'ready', 30000);
      assert.deepEqual(ready, { type: 'ice-matrix:ready', version: data.version, view: '', cell: null, company: null });
      await driver.executeScript('window.scrollTo(0, 300)');
      const before = await driver.executeScript('return [window.scrollY, document.activeElement.id]');
      const cell = f.ordered[0];
      await driver.executeScript(`document.getElementById('w').contentWindow.postMessage({ type: 'ice-matrix:set-view', view: arguments[0] }, '*')`, `cell=${cell.anchor}`);
      const seen = await until(driver, `return window.__events.find((e) => e.type === 'ice-matrix:view' && e.cell === arguments[0])`, 'the view event', 20000, cell.anchor);
      assert.deepEqual(seen, { type: 'ice-matrix:view', view: `cell=${cell.anchor}`, cell: cell.anchor, company: null });
      assert.deepEqual(await driver.executeScript('return [window.scrollY, document.activeElement.id]'), before, 'the host keeps its scroll and its focus');
      await driver.switchTo().frame(await driver.findElement({ id: 'w' }));
      await until(driver, `return document.querySelector('#im-detail-title')?.textContent.startsWith(arguments[0])`, 'the cell open in the frame', 10000, cell.title);
      await driver.switchTo().defaultContent();
      // A frame beside the widget's is not its parent: its command is ignored.
      const other = f.ordered[f.ordered.length - 1];
      await driver.switchTo().frame(await driver.findElement({ id: 'sibling' }));
      await driver.executeScript('window.send(arguments[0])', `cell=${other.anchor}`);
      await driver.switchTo().defaultContent();
      await new Promise((ok) => setTimeout(ok, 1500));
      assert.equal(await driver.executeScript(`return window.__events.filter((e) => e.cell === arguments[0]).length`, other.anchor), 0, 'no view from the sibling\'s command');
      // The reader's own change of view is told too.
      await driver.switchTo().frame(await driver.findElement({ id: 'w' }));
      await driver.executeScript('document.getElementById(arguments[0]).click()', other.id);
      await driver.switchTo().defaultContent();
      await until(driver, `return window.__events.some((e) => e.type === 'ice-matrix:view' && e.cell === arguments[0])`, 'the reader\'s view', 20000, other.anchor);
    });

    test('scroll steps: a step crossing the middle of the window shows its view in the frame', async () => {
      await driver.get(`${srv.host}?steps=1`);
      await until(driver, `return window.__events.some((e) => e.type === 'ice-matrix:ready')`, 'ready', 30000);
      for (const i of [0, 2]) {
        // Brought to the middle again at each look: the frame above it grows as embed.js sizes it to the widget.
        const view = await driver.executeScript(`return document.querySelectorAll('[data-ice-matrix-step]')[arguments[0]].dataset.iceMatrixStep`, i);
        await until(driver, `document.querySelectorAll('[data-ice-matrix-step]')[arguments[0]].scrollIntoView({ block: 'center' });
          return window.__events.some((e) => e.type === 'ice-matrix:view' && e.view === arguments[1])`, `step ${i + 1}'s view`, 20000, i, view);
      }
    });

    test('with npm\'s pym.js as the parent, the frame takes the widget\'s height, and again when a cell opens', async () => {
      await driver.get(`${srv.host}?pym=1&width=760`);
      await until(driver, `return document.querySelector('#container iframe')`, 'pym\'s frame', 30000);
      const inFrame = async (script, ...args) => {
        await driver.switchTo().frame(await driver.findElement({ css: '#container iframe' }));
        try { return await driver.executeScript(script, ...args); } finally { await driver.switchTo().defaultContent(); }
      };
      // The frame's height against the widget's, both read again at each look: the widget may still be drawing.
      const sized = async (what) => {
        const end = Date.now() + 30000;
        let last;
        for (;;) {
          const widget = await inFrame('return document.querySelector(".im") ? Math.ceil(document.querySelector(".im").getBoundingClientRect().height) : 0');
          const frame = await driver.executeScript(`return document.querySelector('#container iframe').getBoundingClientRect().height`);
          last = [frame, widget];
          if (widget > 0 && Math.abs(frame - widget) <= 2) return widget;
          if (Date.now() > end) assert.fail(`pym did not size the frame ${what}: frame ${last[0]} px, widget ${last[1]} px`);
          await new Promise((ok) => setTimeout(ok, 100));
        }
      };
      await driver.switchTo().frame(await driver.findElement({ css: '#container iframe' }));
      await until(driver, cellsReady, 'the live cells', 30000, f.cells.size);
      await driver.switchTo().defaultContent();
      const closed = await sized('as it loaded');
      await inFrame('document.getElementById(arguments[0]).click()', f.ordered[0].id);
      await driver.switchTo().frame(await driver.findElement({ css: '#container iframe' }));
      await until(driver, `return document.querySelector('#im-detail .im-event') && Math.ceil(document.querySelector('.im').getBoundingClientRect().height) > arguments[0]`, 'the open cell', 20000, closed);
      await driver.switchTo().defaultContent();
      assert.ok((await sized('with a cell open')) > closed);
    });

    test('in a frame on another origin, embed.js sizes the frame to the widget', async () => {
      await driver.get(`${srv.host}?width=720`);
      await driver.switchTo().frame(await driver.findElement({ id: 'w' }));
      await until(driver, cellsReady, 'the live cells', 30000, f.cells.size);
      // What the widget announces: its root's height, in whole pixels.
      const widget = await driver.executeScript('return Math.ceil(document.querySelector(".im").getBoundingClientRect().height)');
      await driver.switchTo().defaultContent();
      await until(driver, `return Math.abs(document.getElementById('w').getBoundingClientRect().height - arguments[0]) <= 2`,
        `the frame sized to the widget's ${widget} px`, 30000, widget);
    });

    test('at 390 px the widget is cards: nothing scrolls sideways, every label is whole, the first card on the first screen, a tapped cell opens under its card', async () => {
      await driver.get(`${srv.host}?width=390&embed=0`);
      const frame = await driver.findElement({ id: 'w' });
      await driver.executeScript('arguments[0].style.height = "844px"', frame);
      await driver.switchTo().frame(frame);
      await until(driver, cellsReady, 'the live cells', 30000, f.cells.size);
      const m = await driver.executeScript(`const doc = document.scrollingElement;
        const cells = [...document.querySelectorAll('button.im-cell')];
        const clipped = cells.filter((b) => b.scrollWidth > b.clientWidth + 1).length;
        const card = document.querySelector('tbody tr:not([hidden])');
        return { page: doc.scrollWidth - doc.clientWidth, clipped, firstCard: card.getBoundingClientRect().top,
          scroll: document.querySelector('.im-scroll').scrollWidth - document.querySelector('.im-scroll').clientWidth };`);
      assert.ok(m.page <= 1, `the page scrolls sideways by ${m.page} px`);
      assert.ok(m.scroll <= 1, `the matrix scrolls sideways by ${m.scroll} px`);
      assert.equal(m.clipped, 0, `${m.clipped} cell labels clipped`);
      assert.ok(m.firstCard < 844, `the first card starts at ${m.firstCard} px`);
      const c = f.ordered[0];
      await driver.executeScript('document.getElementById(arguments[0]).click()', c.id);
      const gap = await until(driver, `const d = document.getElementById('im-detail'); const b = document.getElementById(arguments[0]);
        return d && b ? [d.getBoundingClientRect().top - b.closest('tr').getBoundingClientRect().bottom] : null;`, 'the panel', 10000, c.id);
      assert.ok(gap[0] >= -1 && gap[0] < 40, `the panel is ${gap[0]} px below its card`);
      // Every source's words opened at once still fit the phone's width.
      const wide = await until(driver, `const all = [...document.querySelectorAll('#im-detail details.im-evidence')];
        if (!all.length) return null;
        for (const d of all) if (!d.open) d.querySelector('summary').click();
        const doc = document.scrollingElement;
        return all.every((d) => d.querySelector('blockquote').offsetHeight > 0) ? [doc.scrollWidth - doc.clientWidth] : null;`,
      'every source\'s words open', 10000);
      assert.ok(wide[0] <= 1, `with the quotes open the page scrolls sideways by ${wide[0]} px`);
      await driver.switchTo().defaultContent();
    });

    test('the embed code reserves the height the widget takes at 390 px, so the article below it stays put', async () => {
      await driver.get(`${srv.base}#panel=embed`);
      Object.assign(code, await until(driver, `const f = document.getElementById('embed-frame'), l = document.getElementById('embed-loader');
        return f && f.value ? { frame: f.value, loader: l.value } : null;`, 'the embed code'));
      assert.match(code.frame, /^<div class="ice-matrix-frame"><style>/);
      await driver.get(`${srv.host}?code=1&width=390`);
      const below = 'return Math.round(document.getElementById("after").getBoundingClientRect().top)';
      const first = await driver.executeScript(below);
      await driver.switchTo().frame(await driver.findElement({ css: 'iframe' }));
      await until(driver, cellsReady, 'the live cells', 30000, f.cells.size);
      const widget = await driver.executeScript('return Math.ceil(document.querySelector(".im").getBoundingClientRect().height)');
      await driver.switchTo().defaultContent();
      await until(driver, `return document.querySelector('iframe').style.height !== ''`, 'embed.js sizing the frame');
      const last = await driver.executeScript(below);
      // The heights are measured in Chromium, whose readers make the Web Vitals field data (Chrome's alone). The
      // other engines round line boxes differently: WebKit's widget is up to 4.3% shorter here (66 of 1,548 px on
      // the fixture tracker, 107 of 6,759 on the real one), Firefox's within a pixel. That much, and no more.
      const tolerance = engine === 'chromium' ? 4 : Math.ceil(widget * 0.05);
      console.log(`${engine}: at 390 px the reserved frame put the next paragraph at ${first} px, the sized one at ${last} px (widget ${widget} px)`);
      assert.ok(Math.abs(last - first) <= tolerance, `the paragraph below moved by ${last - first} px (tolerance ${tolerance})`);
    });

    test('Share gives the link to the view: the share sheet, the clipboard, or the link to select', async () => {
      const cell = f.ordered[0];
      await driver.get(`${srv.base}#cell=${cell.anchor}`);
      await until(driver, `return document.querySelector('#im-detail')`, 'the linked cell open', 30000);
      await driver.executeScript(`window.__shared = null;
        if (navigator.share) navigator.share = (d) => { window.__shared = d.url; return Promise.resolve(); };`);
      await driver.findElement({ css: '.im-share button' }).click();
      const got = await until(driver, `const input = document.querySelector('.im-share-link input');
        const note = document.querySelector('.im-share-note').textContent;
        return window.__shared ? 'sheet ' + window.__shared : note === 'Link copied' ? 'copied' : input ? 'shown ' + input.value : null;`, 'Share to answer');
      console.log(`${engine}: Share: ${got}`);
      if (got !== 'copied') assert.equal(got.replace(/^\w+ /, ''), `${srv.base}#cell=${cell.anchor}`);
    });

    test('offline.html works from disk', async () => {
      await driver.get(pathToFileURL(join(DIST, 'offline.html')).href);
      await until(driver, `return document.querySelectorAll('button.im-cell').length === arguments[0]`, 'the live cells', 30000, f.cells.size);
      const c = f.ordered[0];
      await driver.executeScript('document.getElementById(arguments[0]).click()', c.id);
      await until(driver, `return document.querySelectorAll('#im-detail .im-events > li').length === arguments[0]`, 'the events', 10000, c.events.length);
    });
  });
}
