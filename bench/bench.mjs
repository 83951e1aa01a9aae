// The benchmark's measuring half (scripts/bench builds, then runs this). Prints one markdown report:
// transfer sizes against an empty Yew app and the dataset alone, cold-load first paint and first interactive
// against the same matrix as static markup, interaction latency, wasm memory, at 1x, 10x and 100x the data,
// and PASS or FAIL against each budget (docs/performance.md).
//
//   node bench/bench.mjs --dist1 DIR --empty DIR [--dist10 DIR] [--dist100 DIR] [--loads 5] [--reps 10]
//                        [--throttle none|4g] [--out FILE] [--strict]
//
// Each DIR is a copy of a Trunk dist/ folder (a static variant is written beside it as DIR-static).
// Exit code: 0, or 3 with --strict when a budget fails.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { join } from 'node:path';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { launch, serve } from '../tests/e2e/harness.mjs';

// ---------------------------------------------------------------------------------------------------------
// Arguments

const args = { loads: 5, reps: 10, throttle: 'none' };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--strict') args.strict = true;
  else if (a.startsWith('--')) args[a.slice(2)] = process.argv[++i];
  else throw new Error(`unknown argument ${a}`);
}
args.loads = Math.max(5, Number(args.loads));
args.reps = Math.max(10, Number(args.reps));
if (!args.dist1 || !args.empty) throw new Error('--dist1 and --empty are required');
const LIGHTHOUSE_VERSION = (() => { try { return JSON.parse(readFileSync(new URL('node_modules/lighthouse/package.json', import.meta.url), 'utf8')).version; } catch { return '(not installed)'; } })();
const THROTTLES = {
  none: null,
  // Chrome DevTools' "Fast 4G" preset.
  '4g': { offline: false, latency: 60, downloadThroughput: (9 * 1024 * 1024) / 8, uploadThroughput: (1.5 * 1024 * 1024) / 8 },
};
if (!(args.throttle in THROTTLES)) throw new Error(`--throttle: one of ${Object.keys(THROTTLES).join(', ')}`);
const scales = [['1x', args.dist1], ['10x', args.dist10], ['100x', args.dist100]].filter(([, d]) => d);

const execFileAsync = promisify(execFile);
const log = (...m) => console.error('bench:', ...m);
const ROOT_DIR = fileURLToPath(new URL('../', import.meta.url));

// ---------------------------------------------------------------------------------------------------------
// Sizes

const KiB = (n) => (n / 1024).toFixed(1);
// brotli -q 11 for the real build and the references (the budgets); -q 5 for the 10x and 100x builds, where -q 11
// would take over a minute for the 100x wasm alone (their sizes are context, not budgets).
const brotli = (file, q = 11) => execFileSync('brotli', ['-q', String(q), '-c', file], { maxBuffer: 1 << 30 }).length;

/** The files the first view loads, in load order, with raw and brotli sizes. */
function firstView(dir, q = 11) {
  // The whole widget (its loader full-*.js, its glue and wasm ice-matrix-full-*) loads on first use, not here.
  const names = readdirSync(dir).filter((n) => statSync(join(dir, n)).isFile() && !/^(ice-matrix-)?full-/.test(n));
  const pick = (re) => names.filter((n) => re.test(n)).sort();
  const files = [
    ...pick(/^index\.html$/), ...pick(/\.css$/), ...pick(/^init\.js$/),
    ...pick(/\.js$/).filter((n) => !['init.js', 'sw.js', 'embed.js'].includes(n)), ...pick(/_bg\.wasm$/),
    // The service worker: registered once the widget runs, so the first view loads it too. (embed.js is
    // for host pages, not the widget.)
    ...pick(/^sw\.js$/),
  ];
  return files.map((name) => ({ name, raw: statSync(join(dir, name)).size, br: brotli(join(dir, name), q) }));
}
const sum = (rows, k) => rows.reduce((s, r) => s + r[k], 0);

/** A wasm file's code, data and other sections: raw bytes and brotli (quality 11) of each alone. */
function wasmSections(file) {
  const b = readFileSync(file);
  const parts = { code: [], data: [], other: [] };
  let at = 8;
  const leb = () => { let n = 0, shift = 0, x; do { x = b[at++]; n += (x & 0x7f) * 2 ** shift; shift += 7; } while (x & 0x80); return n; };
  while (at < b.length) {
    const id = b[at++];
    const len = leb();
    parts[id === 10 ? 'code' : id === 11 ? 'data' : 'other'].push(b.subarray(at, at + len));
    at += len;
  }
  return Object.entries(parts).map(([name, chunks]) => {
    const all = Buffer.concat(chunks);
    return { name, raw: all.length, br: brotliCompressSync(all, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: all.length } }).length };
  });
}

/** The same first view as plain markup: the widget's index.html without its scripts and preloads. */
function staticCopy(dir) {
  const out = `${dir.replace(/\/$/, '')}-static`;
  rmSync(out, { recursive: true, force: true });
  cpSync(dir, out, { recursive: true });
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<link\b[^>]*\brel="(?:modulepreload|preload)"[^>]*>/g, '');
  if (/<script|modulepreload|rel="preload"/.test(html)) throw new Error('static copy still has a script or preload');
  writeFileSync(join(out, 'index.html'), html);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Browser measurements

// Runs in every page before its own scripts. Records: first interactive (the first moment a `button.im-cell`
// exists, i.e. the wasm has rendered the matrix and its handlers; checked on every DOM mutation from the end of
// parsing, when the module loader may run at the earliest), the wasm memory (from Trunk's TrunkApplicationStarted
// event), and Event Timing entries (for the cross-check of interaction latency).
const INIT = () => {
  const b = (window.__bench = { interactive: null, started: null, memory: null, events: [] });
  const check = (obs) => {
    if (b.interactive == null && document.querySelector('button.im-cell, body > p')) {
      b.interactive = performance.now();
      obs?.disconnect();
    }
  };
  document.addEventListener('readystatechange', () => {
    if (document.readyState !== 'interactive') return;
    check(null);
    if (b.interactive == null) new MutationObserver((_, obs) => check(obs)).observe(document.documentElement, { childList: true, subtree: true });
  });
  addEventListener('TrunkApplicationStarted', (e) => {
    b.started = performance.now();
    b.memory = e.detail?.wasm?.memory ?? null;
  });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.interactionId) b.events.push({ name: e.name, start: e.startTime, duration: e.duration });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch {}
};

async function newPage(browser) {
  // A new context is a new profile in memory: empty HTTP cache, no wasm code cache. Service workers are blocked
  // so the widget's offline cache does not download everything in the background during the measurements.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  await context.addInitScript(INIT);
  const page = await context.newPage();
  const throttle = THROTTLES[args.throttle];
  if (throttle) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', throttle);
  }
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, errors };
}

/** One cold load. kind: 'widget' waits for button.im-cell, 'empty' for the empty app's <p>, 'static' for FCP. */
async function coldLoad(browser, url, kind) {
  const { context, page, errors } = await newPage(browser);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
    const fcp = () => performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime ?? null;
    await page.waitForFunction(fcp, null, { timeout: 180_000 });
    if (kind !== 'static') await page.waitForFunction(() => window.__bench.interactive != null && window.__bench.started != null, null, { timeout: 180_000 });
    // Memory once the first render and its effects have run (two frames later).
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    const r = await page.evaluate((kind) => ({
      fcp: performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint').startTime,
      interactive: kind === 'static' ? null : window.__bench.interactive,
      memory: window.__bench.memory?.buffer.byteLength ?? null,
    }), kind);
    if (errors.length) throw new Error(`${url}: page errors: ${errors.join('; ')}`);
    return r;
  } finally {
    await context.close();
  }
}

// Interaction latency. For each measured input, a capture-phase listener on window (it runs before Yew's own
// listeners) takes the input event's timeStamp (when the browser created it, so queueing is counted). Then:
//  - "work": a bubbling listener on window for the event that completes the interaction (the click itself; the
//    keydown for Esc; the select's change for the sector menu) runs after Yew's listener on its root and after the
//    microtasks that follow it, which is where Yew renders and runs its effects (focus, the URL hash). It forces
//    style and layout (getBoundingClientRect) and reads the clock: handler + render + effects + style/layout, with
//    nothing else in between. The budgets are checked against this: within 16 ms the update makes the next frame.
//  - "next frame": requestAnimationFrame, then a MessageChannel task: rAF runs at the next rendering opportunity
//    after the work, and the task after it runs once that frame's style, layout and paint are done. This is what
//    a reader sees, but it also includes waiting for the 60 Hz frame clock (0 to 16.7 ms even for no work), so it
//    is reported beside the budget, not against it.
// Event Timing (durationThreshold 16, the API's minimum) is kept as a cross-check: the worst entry that belongs to
// an interaction (interactionId set: press, release, click, key; not the hover events of the pointer moving over
// the page, which no budget covers) reported during each interaction's runs, or "< 16" when none was reported.
const PROBE = () => {
  if (window.__lat) return;
  const runs = [];
  let armed = null; // [start type, end type]
  let open = null; // the run waiting for its end event
  const after = (f) => { const ch = new MessageChannel(); ch.port1.onmessage = f; ch.port2.postMessage(0); };
  const start = (ev) => {
    if (!armed || ev.type !== armed[0]) return;
    const run = { t0: ev.timeStamp, work: null, frame: null };
    open = { run, end: armed[1] };
    armed = null;
    runs.push(run);
    requestAnimationFrame(() => after(() => { run.frame = performance.now() - run.t0; }));
  };
  const end = (ev) => {
    if (!open || ev.type !== open.end) return;
    document.documentElement.getBoundingClientRect();
    const run = open.run;
    run.work = performance.now() - run.t0;
    open = null;
    // A table that draws its rows over several tasks is aria-busy until the last: "whole" is when it is done.
    const busy = () => document.querySelector('[aria-busy="true"]');
    if (!busy()) { run.whole = run.work; return; }
    const watch = new MutationObserver(() => {
      if (busy()) return;
      watch.disconnect();
      document.documentElement.getBoundingClientRect();
      run.whole = performance.now() - run.t0;
    });
    watch.observe(document.body, { attributes: true, attributeFilter: ['aria-busy'], subtree: true });
  };
  for (const t of ['click', 'keydown']) addEventListener(t, start, true);
  for (const t of ['click', 'keydown', 'change']) addEventListener(t, end, false);
  window.__lat = { arm: (a, b) => { armed = [a, b ?? a]; }, last: () => runs[runs.length - 1] ?? null, count: () => runs.length };
};

async function measure(page, type, act, check) {
  const [startType, endType] = type.split('>');
  const before = await page.evaluate(() => window.__lat.count());
  await page.evaluate(([a, b]) => window.__lat.arm(a, b), [startType, endType ?? startType]);
  await act();
  await page.waitForFunction((n) => window.__lat.count() > n && window.__lat.last().frame != null && window.__lat.last().whole != null, before, { timeout: 120_000 });
  const run = await page.evaluate(() => window.__lat.last());
  if (check && !(await page.evaluate(check))) throw new Error(`${type}: the input had no effect`);
  // Let any effects and idle work settle before the next input (the table is whole: see "whole" above).
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 30)))));
  return run;
}

// A click as a reader makes it, through CDP (Input.dispatchMouseEvent) at the element's centre: the pointer comes
// to rest on the element, HOVER_MS later the button goes down, PRESS_MS later it comes up, and the browser fires
// click. A reader's hover and press come well before the release (a press lasts about 100 ms), so their handling
// (the pointer entering the widget starts fetching the texts; the press moves focus) is done by the time the click
// is created, and is not counted in the click's latency. Sending move, press and release in the same millisecond
// would queue all of it in front of the click. (Playwright's page.click() would also install its own hit-target
// listeners in the page, which run inside the measured input task, about 5 ms here.)
const HOVER_MS = 100, PRESS_MS = 80;
async function clickAt(page, selector) {
  const el = page.locator(selector);
  await el.scrollIntoViewIfNeeded();
  const box = await el.boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(HOVER_MS);
  await page.mouse.down();
  await page.waitForTimeout(PRESS_MS);
  await page.mouse.up();
}

async function interactions(browser, url) {
  const { context, page, errors } = await newPage(browser);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
    await page.waitForSelector('button.im-cell', { timeout: 180_000 });
    await page.evaluate(() => new Promise((ok) => setTimeout(ok, 500)));
    await page.evaluate(PROBE);
    const out = {};
    const window_ = async (name, body) => {
      out[name] = null; // keeps the order of the table
      const t0 = await page.evaluate(() => performance.now());
      const runs = [];
      await body(runs);
      const t1 = await page.evaluate(() => performance.now());
      const et = await page.evaluate(([a, b]) => window.__bench.events.filter((e) => e.start >= a && e.start <= b), [t0, t1]);
      out[name] = { runs, eventTiming: et.length ? Math.max(...et.map((e) => e.duration)) : null, };
    };

    const cells = await page.$$eval('button.im-cell', (bs) => bs.length);
    const step = Math.max(1, Math.floor(Math.min(cells, 200) / args.reps));
    await window_('open a cell', async (open) => {
      await window_('close it (Esc)', async (close) => {
        for (let i = 0; i < args.reps; i++) {
          const sel = `:nth-match(button.im-cell, ${1 + ((i * step) % cells)})`;
          open.push(await measure(page, 'click', () => clickAt(page, sel),
            () => document.querySelectorAll('button.im-cell[aria-expanded="true"]').length === 1));
          close.push(await measure(page, 'keydown', () => page.keyboard.press('Escape'),
            () => document.querySelectorAll('button.im-cell[aria-expanded="true"]').length === 0));
        }
      });
    });
    // The outcome key that covers the most cells: the biggest change to the matrix.
    const key = await page.$$eval('button.im-key', (ks) => {
      const n = (k) => Number(k.querySelector('.im-n')?.textContent.replace(/\D/g, '') || 0);
      return 1 + ks.reduce((best, k, i) => (n(k) > n(ks[best]) ? i : best), 0);
    });
    await window_('toggle an outcome', async (runs) => {
      for (let i = 0; i < args.reps; i++) {
        const pressed = await page.$eval(`:nth-match(button.im-key, ${key})`, (k) => k.getAttribute('aria-pressed'));
        runs.push(await measure(page, 'click', () => clickAt(page, `:nth-match(button.im-key, ${key})`)));
        const now = await page.$eval(`:nth-match(button.im-key, ${key})`, (k) => k.getAttribute('aria-pressed'));
        if (now === pressed) throw new Error('toggle an outcome: aria-pressed did not change');
      }
    });
    // The sector menu by keyboard, so the input is a trusted event (page.selectOption dispatches synthetic ones,
    // which Event Timing ignores): ArrowDown selects the next sector and fires change; Home returns to all sectors.
    const options = await page.$$eval('.im-filters select option', (os) => os.length);
    await page.focus('.im-filters select');
    await window_('change the sector', async (runs) => {
      for (let i = 0; i < args.reps; i++) {
        const at = await page.$eval('.im-filters select', (s) => s.selectedIndex);
        const key = at === options - 1 ? 'Home' : 'ArrowDown';
        runs.push(await measure(page, 'keydown>change', () => page.keyboard.press(key)));
        const now = await page.$eval('.im-filters select', (s) => s.selectedIndex);
        if (now !== (key === 'Home' ? 0 : at + 1)) throw new Error(`sector: ${key} did not select the next option`);
      }
    });
    if (errors.length) throw new Error(`${url}: page errors: ${errors.join('; ')}`);
    return out;
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------------------
// The phone profile: a 390×844 screen with touch, the CPU 4× slower (CDP Emulation.setCPUThrottlingRate) and a
// slow network (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up: Lighthouse's mobile profile, applied here for
// real with CDP rather than simulated).

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
const PHONE_NET = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

// Records when the first card (the matrix's first row) is first on screen: on each animation frame until then.
// The frame's rAF time is just before the frame is painted; first paint (FCP) is taken if later.
const FIRST_CARD = () => {
  const look = (t) => {
    const row = document.querySelector('#ice-matrix tbody tr');
    const r = row?.getBoundingClientRect();
    if (r && r.height > 0 && r.top < innerHeight) window.__firstCard = t;
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
};

async function phonePage(browser, url) {
  const context = await browser.newContext({ ...PHONE, serviceWorkers: 'block' });
  await context.addInitScript(INIT);
  await context.addInitScript(FIRST_CARD);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', PHONE_NET);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  if (url) await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
  return { context, page, errors };
}

/** One cold load on the phone: first paint and the first card on screen. */
async function phoneLoad(browser, url) {
  const { context, page, errors } = await phonePage(browser, url);
  try {
    await page.waitForFunction(() => window.__firstCard != null && performance.getEntriesByType('paint').some((e) => e.name === 'first-contentful-paint'), null, { timeout: 180_000 });
    const r = await page.evaluate(() => {
      const fcp = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint').startTime;
      return { fcp, card: Math.max(fcp, window.__firstCard) };
    });
    if (errors.length) throw new Error(`${url}: page errors: ${errors.join('; ')}`);
    return r;
  } finally {
    await context.close();
  }
}

async function tap(page, selector) {
  const el = page.locator(selector);
  await el.scrollIntoViewIfNeeded();
  const box = await el.boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

/** Taps on cells (their events shown) and on an outcome key, on one loaded page. */
async function phoneTaps(browser, url) {
  const { context, page, errors } = await phonePage(browser, url);
  try {
    await page.waitForSelector('button.im-cell', { timeout: 180_000 });
    // A reader's first tap: 3 s after the first paint (or a second after the live cells, if later).
    await page.evaluate(() => new Promise((ok) => {
      const fcp = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime ?? 0;
      setTimeout(ok, Math.max(1000, fcp + 3000 - performance.now()));
    }));
    await page.evaluate(PROBE);
    const cells = await page.$$eval('button.im-cell', (bs) => bs.length);
    const open = [], filter = [];
    // The first tap also fetches the events' texts (they are not in the first view): timed on its own, from the
    // tap to the first event on screen.
    const t0 = await page.evaluate(() => performance.now());
    await tap(page, ':nth-match(button.im-cell, 1)');
    await page.waitForSelector('#im-detail .im-event', { timeout: 60_000 });
    const first = (await page.evaluate(() => performance.now())) - t0;
    await page.keyboard.press('Escape');
    await page.evaluate(() => new Promise((ok) => setTimeout(ok, 300)));
    for (let i = 0; i < args.reps; i++) {
      const sel = `:nth-match(button.im-cell, ${1 + ((i * 7) % Math.min(cells, 60))})`;
      open.push(await measure(page, 'click', () => tap(page, sel), () => document.querySelector('#im-detail .im-event') != null));
      await page.keyboard.press('Escape');
      await page.evaluate(() => new Promise((ok) => setTimeout(ok, 100)));
    }
    await tap(page, '.im-fold');
    for (let i = 0; i < args.reps; i++) filter.push(await measure(page, 'click', () => tap(page, ':nth-match(button.im-key, 1)')));
    // A company's story is not in the first view's wasm: the first tap on a name also loads the whole widget,
    // which takes the page's place. Timed from the tap to the story's heading.
    const t1 = await page.evaluate(() => performance.now());
    await tap(page, ':nth-match(button.im-company, 1)');
    await page.waitForSelector('.im-company-panel #im-detail-title', { timeout: 60_000 });
    const whole = (await page.evaluate(() => performance.now())) - t1;
    if (errors.length) throw new Error(`${url}: page errors: ${errors.join('; ')}`);
    return { open, filter, first, whole };
  } finally {
    await context.close();
  }
}

/** The host article's layout shift on the phone while the embedded widget loads and a cell opens and closes. */
async function phoneHostCls(browser, widgetUrl) {
  const ed = await browser.newPage();
  await ed.goto(widgetUrl + '#panel=embed');
  const frame = await ed.locator('#embed-frame').inputValue();
  const loader = await ed.locator('#embed-loader').inputValue();
  await ed.close();
  const text = 'Article text that a reader has before and after the graphic, long enough to wrap at a phone\'s width. ';
  const html = `<!doctype html><meta name="viewport" content="width=device-width"><body style="margin:0 16px"><h1>A headline</h1><p>${text}</p>${frame}<p>${text.repeat(6)}</p>${loader}</body>`;
  const server = createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(html); });
  await new Promise((ok) => server.listen(0, 'localhost', ok));
  const out = [];
  try {
    for (let i = 0; i < args.loads; i++) {
      const { context, page } = await phonePage(browser, null);
      try {
        await page.addInitScript(() => {
          window.__shift = 0;
          new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; }).observe({ type: 'layout-shift', buffered: true });
        });
        await page.goto(`http://localhost:${server.address().port}/`, { waitUntil: 'load', timeout: 180_000 });
        const f = page.frameLocator('iframe');
        await f.locator('button.im-cell').first().waitFor({ timeout: 180_000 });
        await page.waitForTimeout(1500);
        await f.locator('button.im-cell').first().tap();
        await f.locator('#im-detail .im-event').first().waitFor();
        await page.waitForTimeout(1000);
        await f.locator('.im-close').tap();
        await page.waitForTimeout(1000);
        out.push(await page.evaluate(() => window.__shift));
      } finally {
        await context.close();
      }
    }
  } finally {
    server.closeAllConnections();
    await new Promise((ok) => server.close(ok));
  }
  return out;
}

/**
 * Lighthouse's mobile profile (its defaults: simulated 4× CPU and slow 4G), `runs` times: each category's score.
 * Asynchronous: the pages are served by this process, whose event loop must keep running.
 */
async function lighthouse(url, runs) {
  const bin = join(ROOT_DIR, 'bench/node_modules/.bin/lighthouse');
  const out = [];
  for (let i = 0; i < runs; i++) {
    const { stdout: json } = await execFileAsync(bin, [url, '--quiet', '--output=json', '--output-path=stdout',
      '--only-categories=performance,accessibility,best-practices,seo',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --disable-background-networking --disable-component-update --disable-sync'],
    { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' }, maxBuffer: 1 << 28 });
    const lhr = JSON.parse(json);
    out.push({
      scores: Object.fromEntries(Object.entries(lhr.categories).map(([k, c]) => [k, Math.round(c.score * 100)])),
      tbt: lhr.audits['total-blocking-time'].numericValue,
      lcp: lhr.audits['largest-contentful-paint'].numericValue,
      failing: Object.values(lhr.audits).filter((a) => a.score != null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual').map((a) => a.id),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Statistics and formatting

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const ms = (x) => (x == null ? '–' : x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(1)} ms`);
const pf = (ok) => (ok ? 'PASS' : '**FAIL**');
const ratio = (a, b) => (a / b).toFixed(2);

async function main() {
  const started = Date.now();
  const lines = [];
  const say = (s = '') => lines.push(s);
  const budgets = [];
  const budget = (what, measured, limit, ok) => budgets.push({ what, measured, limit, ok });

  // Sizes.
  log('sizes (brotli -q 11)');
  const size = Object.fromEntries(scales.map(([s, d]) => [s, firstView(d, s === '1x' ? 11 : 5)]));
  const empty = firstView(args.empty);
  const dataset = Object.fromEntries(scales.map(([s, d]) => {
    const f = join(d, 'data/dataset.json');
    return [s, { raw: statSync(f).size, br: brotli(f, s === '1x' ? 11 : 5) }];
  }));

  const wasm = { widget: wasmSections(join(args.dist1, size['1x'].find((f) => f.name.endsWith('.wasm')).name)),
    empty: wasmSections(join(args.empty, empty.find((f) => f.name.endsWith('.wasm')).name)) };

  // Loads.
  const load0 = loadavg()[0];
  const browser = await launch();
  const chromiumVersion = browser.version();
  const servers = [];
  // Every page is served as static hosts serve it: brotli to a browser that accepts it.
  const srv = async (dir) => { const s = await serve(dir, { brotli: true }); servers.push(s); return s.url; };
  const loads = {};
  const inter = {};
  const phone = {};
  try {
    const emptyUrl = await srv(args.empty);
    for (const [s, dir] of scales) {
      const widget = await srv(dir);
      const stat = await srv(staticCopy(dir));
      log(`${s}: ${args.loads} cold loads of the widget and of the static page`);
      await coldLoad(browser, stat, 'static'); // warm-up: the browser's first navigation is slower; not counted
      await coldLoad(browser, widget, 'widget');
      const w = [], st = [];
      for (let i = 0; i < args.loads; i++) { // interleaved, so drift affects both alike
        st.push(await coldLoad(browser, stat, 'static'));
        w.push(await coldLoad(browser, widget, 'widget'));
      }
      loads[s] = { widget: w, static: st };
      log(`${s}: interactions, ${args.reps} runs each`);
      inter[s] = await interactions(browser, widget);
      if (s !== '1x') continue;
      log(`phone profile: ${args.loads} cold loads of the widget and of the static page, taps, the host's layout shift`);
      await phoneLoad(browser, stat);
      phone.widget = []; phone.static = [];
      for (let i = 0; i < args.loads; i++) {
        phone.static.push(await phoneLoad(browser, stat));
        phone.widget.push(await phoneLoad(browser, widget));
      }
      phone.taps = await phoneTaps(browser, widget);
      phone.cls = await phoneHostCls(browser, widget);
      if (!args['no-lighthouse']) {
        log('Lighthouse, mobile profile, 3 runs');
        phone.lighthouse = await lighthouse(widget, 3);
      }
    }
    log(`empty Yew: ${args.loads} cold loads`);
    await coldLoad(browser, emptyUrl, 'empty');
    loads.empty = [];
    for (let i = 0; i < args.loads; i++) loads.empty.push(await coldLoad(browser, emptyUrl, 'empty'));
  } finally {
    await browser.close();
    for (const s of servers) await s.close();
  }

  // ---- Report.
  const cpu = (readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m) ?? [])[1] ?? cpus()[0]?.model;
  const nproc = execFileSync('nproc').toString().trim();
  say(`### Benchmark (${new Date().toISOString().slice(0, 10)})`);
  say();
  say(`Machine: ${nproc} cores, ${cpu}; headless Chromium ${chromiumVersion}. Served from 127.0.0.1 by a node http server, ` +
    (args.throttle === 'none' ? '**no network throttling**' : `network throttled with CDP Network.emulateNetworkConditions ("${args.throttle}": ${JSON.stringify(THROTTLES[args.throttle])})`) +
    `, no CPU throttling; load average ${load0.toFixed(2)} when measuring began${load0 > 0.5 ? ' (other work was running: timings are pessimistic)' : ''}; 1280×900 viewport; service workers blocked. Loads: median of ${args.loads} cold loads (new browser context each, empty cache), after one uncounted warm-up. Interactions: ${args.reps} runs each on one loaded page.`);
  say();

  // Sizes table.
  const r = size['1x'];
  say('**Transfer size of the first view** (release build; brotli -q 11; KiB)');
  say();
  say('| file | raw | brotli |');
  say('| --- | ---: | ---: |');
  for (const f of r) say(`| ${f.name} | ${KiB(f.raw)} | ${KiB(f.br)} |`);
  const totalBr = sum(r, 'br');
  say(`| **widget, first view** | **${KiB(sum(r, 'raw'))}** | **${KiB(totalBr)}** |`);
  for (const f of empty) say(`| empty Yew 0.23: ${f.name} | ${KiB(f.raw)} | ${KiB(f.br)} |`);
  const emptyBr = sum(empty, 'br');
  say(`| **empty Yew 0.23 app, first view** | **${KiB(sum(empty, 'raw'))}** | **${KiB(emptyBr)}** |`);
  say(`| **dataset alone** (data/dataset.json) | **${KiB(dataset['1x'].raw)}** | **${KiB(dataset['1x'].br)}** |`);
  say(`| empty Yew + dataset | ${KiB(sum(empty, 'raw') + dataset['1x'].raw)} | ${KiB(emptyBr + dataset['1x'].br)} |`);
  for (const [s] of scales.slice(1)) {
    say(`| widget first view at ${s}, brotli -q 5 (wasm ${KiB(size[s].find((f) => f.name.endsWith('.wasm')).br)}, index.html ${KiB(size[s].find((f) => f.name === 'index.html').br)}); dataset alone ${KiB(dataset[s].br)} | ${KiB(sum(size[s], 'raw'))} | ${KiB(sum(size[s], 'br'))} |`);
  }
  say();
  const sec = (w, name) => w.find((x) => x.name === name) ?? { raw: 0, br: 0 };
  say(`What the wasm holds (sections; brotli of each alone): widget code ${KiB(sec(wasm.widget, 'code').raw)} KiB raw / ${KiB(sec(wasm.widget, 'code').br)} brotli, ` +
    `data ${KiB(sec(wasm.widget, 'data').raw)} / ${KiB(sec(wasm.widget, 'data').br)}, other ${KiB(sec(wasm.widget, 'other').raw)} / ${KiB(sec(wasm.widget, 'other').br)}; ` +
    `empty Yew code ${KiB(sec(wasm.empty, 'code').raw)} / ${KiB(sec(wasm.empty, 'code').br)}, data ${KiB(sec(wasm.empty, 'data').raw)} / ${KiB(sec(wasm.empty, 'data').br)}.`);
  say();
  // Not in the first view: the long texts, fetched when the pointer or focus first enters the widget (or a view
  // needs them). Readers who only look at the matrix never load them.
  const textsDir = join(args.dist1, 'data');
  const texts = readdirSync(textsDir).filter((n) => /^fragments-[0-9a-f]{16}\.html$/.test(n));
  if (texts.length !== 1) throw new Error(`expected one texts file in ${textsDir}, found ${texts.length}`);
  const textsFile = join(textsDir, texts[0]);
  const whole = readdirSync(args.dist1).filter((n) => /^ice-matrix-full-[0-9a-f]{16}(_bg\.wasm|\.js)$/.test(n)).sort();
  if (whole.length !== 2) throw new Error(`expected the whole widget's glue and wasm in ${args.dist1}, found ${whole.join(', ')}`);
  say(`Loaded on first use, not with the first view: the whole widget (${whole.map((n) => `${n} ${KiB(brotli(join(args.dist1, n)))}`).join(', ')} KiB brotli), ` +
    'when a reader opens a company\'s story, a date, a search, the list, the data or embed panel.');
  say(`Loaded on first use, not with the first view: data/${texts[0]} (every event with its sources, as a cell's panel and the list show it, and the story panels, as HTML), ` +
    `${KiB(statSync(textsFile).size)} KiB raw, ${KiB(brotli(textsFile))} KiB brotli.`);
  say();
  budget('first-view transfer, 1x (brotli)', `${KiB(totalBr)} KiB`, '≤ 100 KiB', totalBr <= 100 * 1024);
  const refBr = emptyBr + dataset['1x'].br;
  budget('first-view transfer vs empty Yew + dataset', `${ratio(totalBr, refBr)} × (${KiB(refBr)} KiB)`, '≤ 1.25 ×', totalBr <= 1.25 * refBr);

  // Loads table.
  say('**Cold load** (from navigation start; median, with min–max)');
  say();
  say('| data | page | first paint | first interactive | wasm memory | first paint ÷ static | interactive ÷ static first paint |');
  say('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  const range = (xs) => `${ms(median(xs))} (${xs.length ? `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}` : ''})`;
  const L = {};
  for (const [s] of scales) {
    const w = loads[s].widget, st = loads[s].static;
    const m = { fcp: median(w.map((x) => x.fcp)), fi: median(w.map((x) => x.interactive)), sfcp: median(st.map((x) => x.fcp)), mem: median(w.map((x) => x.memory)) };
    L[s] = m;
    say(`| ${s} | static markup | ${range(st.map((x) => x.fcp))} | – | – | | |`);
    say(`| ${s} | widget | ${range(w.map((x) => x.fcp))} | ${range(w.map((x) => x.interactive))} | ${(m.mem / 1048576).toFixed(1)} MiB | ${ratio(m.fcp, m.sfcp)} | ${ratio(m.fi, m.sfcp)} |`);
  }
  const e = loads.empty;
  say(`| – | empty Yew 0.23 app | ${range(e.map((x) => x.fcp))} | ${range(e.map((x) => x.interactive))} | ${(median(e.map((x) => x.memory)) / 1048576).toFixed(1)} MiB | | |`);
  say();
  say('First paint is the first-contentful-paint entry; first interactive is when the wasm has replaced the static `a.im-cell` links with `button.im-cell` (for the empty app: its `<p>`); wasm memory is the instance\'s `memory.buffer.byteLength` after the first render.');
  say();
  budget('first paint vs static page, 1x', `${ratio(L['1x'].fcp, L['1x'].sfcp)} × (${ms(L['1x'].fcp)} vs ${ms(L['1x'].sfcp)})`, '≤ 1.2 ×', L['1x'].fcp <= 1.2 * L['1x'].sfcp);
  budget('first interactive vs static first paint, 1x', `${ratio(L['1x'].fi, L['1x'].sfcp)} × (${ms(L['1x'].fi)})`, '≤ 2 ×', L['1x'].fi <= 2 * L['1x'].sfcp);

  // Interactions table.
  say('**Interaction latency** (from the input event; "work" = handler + render + style/layout, "next frame" = until the frame after it is produced, includes waiting for the 60 Hz frame clock; "table whole" = until a table that draws a screenful first and the rest in later tasks has drawn its last row, or "= work" when every run drew it at once)');
  say();
  say('| data | interaction | work, median | work, worst | next frame, median | next frame, worst | table whole, median / worst | Event Timing worst | budget |');
  say('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  const I = {};
  for (const [s] of scales) {
    const limit = s === '100x' ? 50 : 16;
    I[s] = {};
    for (const [name, { runs, eventTiming }] of Object.entries(inter[s])) {
      const work = runs.map((x) => x.work), frame = runs.map((x) => x.frame), whole = runs.map((x) => x.whole);
      const drawn = runs.some((x) => x.whole > x.work) ? `${ms(median(whole))} / ${ms(Math.max(...whole))}` : '= work';
      const m = { med: median(work), worst: Math.max(...work) };
      I[s][name] = m;
      const ok = m.worst <= limit;
      say(`| ${s} | ${name} | ${ms(m.med)} | ${ms(m.worst)} | ${ms(median(frame))} | ${ms(Math.max(...frame))} | ${drawn} | ${eventTiming == null ? '< 16 ms' : ms(eventTiming)} | ${pf(ok)} ≤ ${limit} ms |`);
      budget(`${name}, ${s}, worst of ${runs.length}`, ms(m.worst), `≤ ${limit} ms`, ok);
    }
  }
  say();

  // Phone.
  {
    const card = median(phone.widget.map((x) => x.card)), sfcp = median(phone.static.map((x) => x.fcp));
    const open = phone.taps.open.map((x) => x.work), filter = phone.taps.filter.map((x) => x.work);
    const openFrame = phone.taps.open.map((x) => x.frame), filterFrame = phone.taps.filter.map((x) => x.frame);
    const cls = median(phone.cls);
    say(`**Phone** (390×844, touch, CPU 4× slower, network 150 ms round trip and 1.6 Mbit/s down, by CDP; medians of ${phone.widget.length} cold loads and ${open.length} taps of each kind)`);
    say();
    say('| measure | median | range | budget |');
    say('| --- | ---: | ---: | --- |');
    say(`| static page, first paint | ${ms(sfcp)} | ${range(phone.static.map((x) => x.fcp))} | |`);
    say(`| widget, first paint | ${ms(median(phone.widget.map((x) => x.fcp)))} | ${range(phone.widget.map((x) => x.fcp))} | |`);
    say(`| widget, first card on screen | ${ms(card)} | ${range(phone.widget.map((x) => x.card))} | ${pf(card <= 1.3 * sfcp)} ≤ 1.3 × static first paint (${ratio(card, sfcp)} ×) |`);
    say(`| tap a cell: its events shown (work / next frame) | ${ms(median(open))} / ${ms(median(openFrame))} | worst ${ms(Math.max(...open))} | ${pf(median(open) <= 100)} ≤ 100 ms |`);
    say(`| first tap: its events on screen, with fetching the texts | ${ms(phone.taps.first)} | one run | |`);
    say(`| first tap on a company's name: its story, with loading the whole widget | ${ms(phone.taps.whole)} | one run | |`);
    say(`| tap an outcome key (work / next frame) | ${ms(median(filter))} / ${ms(median(filterFrame))} | worst ${ms(Math.max(...filter))} | ${pf(median(filter) <= 100)} ≤ 100 ms |`);
    say(`| host article's layout shift: load, open, close | ${cls.toFixed(4)} | ${Math.min(...phone.cls).toFixed(4)}–${Math.max(...phone.cls).toFixed(4)} | ${pf(cls <= 0.01)} ≤ 0.01 |`);
    say();
    budget('phone: first card vs static first paint', `${ratio(card, sfcp)} ×`, '≤ 1.3 ×', card <= 1.3 * sfcp);
    budget('phone: tap a cell, median', ms(median(open)), '≤ 100 ms', median(open) <= 100);
    budget('phone: tap an outcome key, median', ms(median(filter)), '≤ 100 ms', median(filter) <= 100);
    budget('phone: host layout shift, median', cls.toFixed(4), '≤ 0.01', cls <= 0.01);
    if (phone.lighthouse) {
      const cats = Object.keys(phone.lighthouse[0].scores);
      say(`**Lighthouse ${LIGHTHOUSE_VERSION}, mobile profile** (its simulated 4× CPU and slow 4G; the build served with brotli, as static hosts serve it; median of ${phone.lighthouse.length} runs)`);
      say();
      say(`| ${cats.join(' | ')} | total blocking time | largest contentful paint |`);
      say(`| ${cats.map(() => '---:').join(' | ')} | ---: | ---: |`);
      const med = (k) => median(phone.lighthouse.map((r) => r.scores[k]));
      say(`| ${cats.map((k) => med(k)).join(' | ')} | ${ms(median(phone.lighthouse.map((r) => r.tbt)))} | ${ms(median(phone.lighthouse.map((r) => r.lcp)))} |`);
      const failing = [...new Set(phone.lighthouse.flatMap((r) => r.failing))];
      say();
      if (failing.length) say(`Audits below 0.9 in some run: ${failing.join(', ')}.`), say();
      for (const k of cats) budget(`Lighthouse mobile: ${k}`, String(med(k)), '≥ 98', med(k) >= 98);
    }
  }

  // Scaling.
  if (L['100x'] && L['10x']) {
    // Event counts read from each build's published dataset, not assumed.
    const events = (dir) => JSON.parse(readFileSync(join(dir, 'data/dataset.json'), 'utf8')).events.length;
    const [n1, n10, n100] = [args.dist1, args.dist10, args.dist100].map(events);
    say(`**Growth with the data** (events: ${[n1, n10, n100].map((n) => n.toLocaleString('en-US')).join(', ')}). Linear growth or better: ratio 100x ÷ 1x ≤ 100; the exponent k in cost ∝ events^k between 10x and 100x is ≤ 1.`);
    say();
    say('| measure | 1x | 10x | 100x | 100x ÷ 1x | slope 10x→100x | exponent k | budget |');
    say('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    const row = (name, a, b, c) => {
      const k = Math.log(c / b) / Math.log(n100 / n10);
      const ok = c / a <= 100;
      say(`| ${name} | ${ms(a)} | ${ms(b)} | ${ms(c)} | ${(c / a).toFixed(1)} | ${((c - b) / ((n100 - n10) / 1000)).toFixed(2)} ms per 1,000 events | ${k.toFixed(2)} | ${pf(ok)} ≤ 100 |`);
      budget(`${name}: 100x ÷ 1x`, `${(c / a).toFixed(1)} (k = ${k.toFixed(2)})`, '≤ 100', ok);
    };
    row('first interactive', L['1x'].fi, L['10x'].fi, L['100x'].fi);
    for (const name of Object.keys(I['1x'])) row(`${name} (work, median)`, I['1x'][name].med, I['10x'][name].med, I['100x'][name].med);
    say();
  }

  // Budgets.
  say('**Budgets**');
  say();
  say('| budget | measured | limit | result |');
  say('| --- | --- | --- | --- |');
  for (const b of budgets) say(`| ${b.what} | ${b.measured} | ${b.limit} | ${pf(b.ok)} |`);
  const failed = budgets.filter((b) => !b.ok).length;
  say();
  say(`${budgets.length - failed} of ${budgets.length} budgets pass. Measuring took ${((Date.now() - started) / 1000).toFixed(0)} s.`);

  const text = lines.join('\n') + '\n';
  process.stdout.write(text);
  if (args.out) writeFileSync(args.out, text);
  // Every run of every interaction, in order, for a closer look (which run was the worst, and so on).
  if (args.out) writeFileSync(args.out.replace(/\.md$/, '') + '-runs.json', JSON.stringify(inter, null, 1));
  if (args.strict && failed) process.exit(3);
}

await main();
