// Shared set-up for the browser tests: a static server for dist/ on loopback and the system Chromium.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

/** The repository's root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The build under test: env ICE_MATRIX_DIST (absolute, or relative to the repository's root) when set, else dist/.
 * Always ends with a separator, so `new URL('offline.html', pathToFileURL(DIST))` and `join(DIST, …)` both work.
 */
export const DIST = (() => {
  const dir = process.env.ICE_MATRIX_DIST ? resolve(ROOT, process.env.ICE_MATRIX_DIST) : join(ROOT, 'dist');
  return dir.endsWith('/') ? dir : dir + '/';
})();

/** Whether the build under test is the fictional fixture tracker (env ICE_MATRIX_FIXTURE=1). */
export const FIXTURE = process.env.ICE_MATRIX_FIXTURE === '1';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.csv': 'text/csv; charset=utf-8', '.svg': 'image/svg+xml',
};

/** Serves `root` on 127.0.0.1 at a free port. Returns { url, close }. With `brotli`, a request that accepts it
 *  gets each file brotli-compressed at quality 11, as static hosts serve them (compressed once, then kept). */
export async function serve(root = DIST, { brotli = false } = {}) {
  const compressed = new Map();
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path.endsWith('/') ? path + 'index.html' : path);
    try {
      let body = await readFile(file);
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
      if (brotli && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
        if (!compressed.has(file)) {
          compressed.set(file, brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }));
        }
        body = compressed.get(file);
        Object.assign(headers, { 'content-encoding': 'br', vary: 'accept-encoding' });
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => { server.closeAllConnections(); return new Promise((ok) => server.close(ok)); } };
}

/** Launches Debian's Chromium headless, with the flags this machine needs (root, no outside network). */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Opens the widget and waits until the matrix is rendered by the wasm. Records requests and errors. */
export async function open(browser, url, { width = 1280, height = 900 } = {}) {
  const page = await browser.newPage({ viewport: { width, height } });
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  // Attached, not visible: a filter in the link may hide the first rows (they stay in the table, hidden).
  await page.waitForSelector('button.im-cell', { state: 'attached' });
  return { page, requests, errors };
}

/** Waits until no part of the widget still says its fragments are loading (they are fetched on first use). */
export function fragmentsShown(page) {
  return page.waitForFunction(() => !document.querySelector('.im .im-status'));
}

/** The published dataset of the build under test (read once, when a test file is loaded). */
export function dataset() {
  return JSON.parse(readFileSync(join(DIST, 'data/dataset.json'), 'utf8'));
}

/**
 * The set-up every browser test file shares: reads the published dataset at once (so that tests can name
 * themselves and pick their cells from it), and serves dist/ and launches Chromium before the file's tests,
 * closing both after them. Returns an object filled in by then: { url, browser, data }.
 */
export function suite() {
  const s = { data: dataset() };
  let server;
  before(async () => {
    server = await serve();
    s.url = server.url;
    s.browser = await launch();
  });
  after(async () => {
    await s.browser?.close();
    await server?.close();
  });
  return s;
}
