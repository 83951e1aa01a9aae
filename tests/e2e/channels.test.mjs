// Where the article goes besides the open web: the build's images and their words, share tags and share pages,
// the AMP, Apple News and newsletter variants, oEmbed, and a WordPress-like host that sandboxes the frame.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, open, suite } from './harness.mjs';
import { facts } from './facts.mjs';
import { WP_EMBED, wordpressPost } from './wordpress.mjs';

const s = suite();
const f = facts(s.data);
const read = (p) => readFileSync(join(DIST, p), 'utf8');

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(path) {
  const b = readFileSync(join(DIST, path));
  assert.equal(b.subarray(1, 4).toString(), 'PNG', `${path} is a PNG`);
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

/** The text an SVG draws, in drawing order (entities decoded). */
const texts = (svg) => [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'));

const counts = (xs) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map());
const pill = (o) => `${o.glyph} ${o.short}`;

test('the build draws the matrix from the data: every row, column, cell outcome and count, in both themes and as cards', () => {
  for (const name of ['matrix-light', 'matrix-dark', 'matrix-phone']) {
    const t = texts(read(`img/${name}.svg`));
    const [w] = pngSize(`img/${name}.png`);
    assert.equal(w, name === 'matrix-phone' ? 390 : 1200, `${name}.png width`);
    for (const r of f.rows) assert.ok(t.includes(r.name), `${name}: ${r.name}`);
    // Each non-empty cell once, with its outcome and its count.
    const drawn = counts(t.filter((x) => s.data.outcomes.some((o) => x === pill(o))));
    const expected = counts(f.ordered.map((c) => pill(c.outcome)));
    assert.deepEqual(drawn, expected, `${name}: the cells' outcomes`);
    const labels = name === 'matrix-phone' ? [] : s.data.pressure_types.map((p) => p.short);
    for (const l of labels) assert.ok(t.includes(l), `${name}: column ${l}`);
  }
  const t = texts(read('img/matrix-light.svg'));
  // In the wide matrix each cell's count follows its outcome.
  const afterPill = t.flatMap((x, i) => (s.data.outcomes.some((o) => x === pill(o)) ? [t[i + 1]] : []));
  assert.deepEqual(afterPill, f.ordered.map((c) => c.count), 'each cell\'s count as the widget shows it ("1 of 9" when mixed)');
});

test('the share card says the headline and the figures, at 1200×630, with alt text from the data', () => {
  assert.deepEqual(pngSize('img/card.png'), [1200, 630]);
  const t = texts(read('img/card.svg')).join(' ');
  for (const word of s.data.title.split(' ')) assert.ok(t.includes(word), `headline word ${word}`);
  const strongest = s.data.outcomes[0];
  const withStrongest = new Set(s.data.events.filter((e) => e.outcome === strongest.id).map((e) => e.company)).size;
  const rows = f.rows.length;
  assert.ok(t.includes(`${rows} ${rows === 1 ? s.data.widget.row : s.data.widget.rows} · ${s.data.events.length} events · ${withStrongest} with “${strongest.label}”`), t);
  const alt = read('img/alt.txt').trim();
  assert.ok(alt.startsWith(s.data.summary ?? ''), 'the alt text starts with the summary sentence');
  assert.ok(alt.includes(`of its ${f.ordered.length} non-empty cells`), alt);
  for (const o of s.data.outcomes) {
    const n = f.cellsShowing(o);
    if (n) assert.ok(alt.includes(`${n} ${o.label.toLowerCase()}`), `${o.label}: ${n}`);
  }
});

test('a shared link unfurls: Open Graph and Twitter tags from the data, absolute only where the public address is known', async () => {
  const html = read('index.html');
  const tag = (p) => html.match(new RegExp(`<meta (?:property|name)="${p}" content="([^"]*)">`))?.[1];
  assert.equal(tag('og:title'), s.data.title.replace(/&/g, '&amp;'));
  assert.equal(tag('twitter:card'), 'summary_large_image');
  assert.ok(tag('og:description')?.length > 20);
  assert.equal(tag('article:modified_time'), s.data.updated);
  const ld = JSON.parse(html.match(/<script type="application\/ld\+json">(.*?)<\/script>/)[1]);
  assert.equal(ld.dateModified, s.data.updated);
  assert.equal(ld.version, s.data.version);
  const image = tag('og:image');
  if (!image) {
    assert.equal(tag('og:url'), undefined, 'no public address: no absolute tags');
    assert.ok(!html.includes('rel="canonical"'));
    return;
  }
  // With a public address (the fixture build has one): every absolute tag points at a file the build wrote.
  const base = tag('og:url');
  assert.ok(image.startsWith(base) && base.startsWith('https://'));
  assert.deepEqual(pngSize(image.slice(base.length)), [Number(tag('og:image:width')), Number(tag('og:image:height'))]);
  assert.ok(tag('og:image:alt').length > 40);
  const oembed = html.match(/<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/)[1];
  assert.ok(existsSync(join(DIST, oembed.slice(base.length))));
});

test('each company has a share page with its own card, which leads into its row in the tracker', async () => {
  const page = await s.browser.newPage();
  for (const r of f.rows) {
    const html = read(`share/${r.id}.html`);
    assert.match(html, new RegExp(`<meta property="og:title" content="${r.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/&/g, '&amp;')}: `));
    assert.deepEqual(pngSize(`share/${r.id}.png`), [1200, 630]);
  }
  const r = f.rows[0];
  await page.goto(`${s.url}share/${r.id}.html`);
  await page.getByRole('link', { name: `Open ${r.name} in the tracker` }).click();
  await page.waitForSelector('#im-detail');
  assert.ok((await page.locator('#im-detail-title').textContent()).startsWith(r.name));
  await page.close();
});

/** The AMP rules that can be checked offline: the attributes amp-iframe needs, the placeholder, overflow, sandbox
 * tokens AMP accepts, and https (but for the test server's own address, `local`). Returns the frame's src. */
function checkAmp(amp, local = false) {
  assert.match(amp, /^<amp-iframe /);
  for (const attr of ['src=', 'title=', 'height=', 'layout="fixed-height"', 'resizable', 'sandbox="']) assert.ok(amp.includes(attr), `AMP: ${attr}`);
  assert.match(amp, /<amp-img placeholder layout="fill" src="[^"]+img\/matrix-light\.png"/);
  assert.match(amp, /<div overflow [^>]*role="button"/);
  const sandbox = amp.match(/sandbox="([^"]+)"/)[1].split(' ');
  const allowed = ['allow-scripts', 'allow-same-origin', 'allow-popups', 'allow-popups-to-escape-sandbox', 'allow-forms', 'allow-modals', 'allow-top-navigation-by-user-activation'];
  assert.deepEqual(sandbox.filter((t) => !allowed.includes(t)), [], 'sandbox tokens AMP accepts');
  const src = amp.match(/src="([^"]+)"/)[1];
  if (src.startsWith('http') && !local) assert.ok(src.startsWith('https://'), `AMP frames must be https: ${src}`);
  return src;
}

test('the embed panel gives the AMP code for the view on screen, which passes the same checks', async () => {
  const cell = f.ordered.find((c) => c.events.length > 1) ?? f.ordered[0];
  const { page, errors } = await open(s.browser, `${s.url}#cell=${cell.anchor}&panel=embed`);
  const amp = await page.locator('#embed-amp').inputValue();
  const src = checkAmp(amp, true);
  assert.ok(src.startsWith(s.url) && src.includes(`#cell=${cell.anchor}`), src);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the variants: AMP with a placeholder and overflow, Apple News with a row per company, a newsletter image, oEmbed', () => {
  checkAmp(read('embed/amp.html'));

  const anf = JSON.parse(read('apple-news.json'));
  const table = anf.components.find((c) => c.role === 'htmltable').html;
  assert.equal((table.split('<tbody>')[1].match(/<tr><th>/g) ?? []).length, f.rows.length, 'a row per company');
  assert.ok(f.rows.every((r) => table.includes(`<tr><th>${r.name.replace(/&/g, '&amp;')}</th>`)));
  assert.ok(anf.components.some((c) => c.role === 'figure' && c.accessibilityCaption.length > 40));

  // The scroll-steps example: steps whose views open from a link, beside the frame code and embed.js.
  const steps = read('embed/steps.html');
  const views = [...steps.matchAll(/data-ice-matrix-step="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(views.length, 3, 'three steps');
  assert.ok(views.every((v) => /^(cell=[a-z0-9-]+\.[a-z0-9-]+|company=[a-z0-9-]+)$/.test(v)), views.join(' '));
  assert.match(steps, /<iframe id="graphic" [^>]*data-ice-matrix><\/iframe>/);
  assert.match(steps, /<script src="[^"]*embed\.js" async><\/script>/);

  const news = read('embed/newsletter.html');
  assert.match(news, /<img src="[^"]*img\/matrix-light\.png" width="600" alt="[^"]{40,}"/);

  const o = JSON.parse(read('oembed.json'));
  assert.equal(o.type, 'rich');
  assert.equal(o.version, '1.0');
  assert.ok(o.html.includes('<iframe ') && o.html.includes('<blockquote'));
  assert.ok(o.height >= 200 && o.height <= 1000 && o.width > 0 && o.cache_age > 0);
});

test('in a WordPress post (WordPress\'s own wp-embed.js and markup) the widget shows, keeps the view linked, and its source links open sources.html in the top window', async () => {
  const cell = f.ordered[0];
  const host = createServer(async (req, res) => {
    if (req.url === '/wp-embed.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(await readFile(WP_EMBED));
    res.writeHead(200, { 'content-type': 'text/html' }).end(await wordpressPost(s.url, 650, `#cell=${cell.anchor}`));
  });
  await new Promise((ok) => host.listen(0, 'localhost', ok));
  const page = await s.browser.newPage();
  await page.goto(`http://localhost:${host.address().port}/`);
  // WordPress shows the frame, at the height the widget sent (which WordPress keeps between 200 and 1000 px), and
  // hides its fallback quote.
  await page.waitForFunction(() => {
    const f = document.querySelector('iframe.wp-embedded-content');
    return !f.hasAttribute('style') && document.querySelector('blockquote').style.display === 'none';
  }, null, { timeout: 30000 });
  const height = Number(await page.locator('iframe.wp-embedded-content').getAttribute('height'));
  const widget = await page.frameLocator('iframe').locator('.im').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
  assert.equal(height, Math.min(Math.max(widget, 200), 1000), `WordPress's height for a ${widget} px widget`);
  const frame = page.frameLocator('iframe');
  await frame.locator('#im-detail .im-event').first().waitFor();
  assert.ok((await frame.locator('#im-detail-title').textContent()).startsWith(cell.title), 'the view from the widget\'s own hash');
  // Links cannot open new tabs here: the address shows as text, and a click asks WordPress to open sources.html.
  const first = frame.locator('#im-detail .im-sources a[target=_blank]').first();
  const url = frame.locator('#im-detail .im-url').first();
  assert.ok(await url.isVisible());
  assert.equal(await url.textContent(), await first.getAttribute('href'));
  await first.click();
  await page.waitForURL(`${s.url}sources.html#${cell.anchor}`, { timeout: 15000 });
  await page.close();
  host.closeAllConnections();
  await new Promise((ok) => host.close(ok));
});
