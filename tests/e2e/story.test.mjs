// The rest of the story, in the built widget: definitions, methodology, context, the movement and the
// downloads, all offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, open, suite, fragmentsShown } from './harness.mjs';
import { facts } from './facts.mjs';

const s = suite();
const f = facts(s.data);
const { context, movement, file_stem: stem } = s.data.widget;

test('the methodology panel defines every pressure type and outcome, with version, date and corrections', async () => {
  const { page } = await open(s.browser, s.url);
  await page.getByRole('button', { name: 'What the outcomes mean' }).click();
  await fragmentsShown(page);
  const panel = page.locator('#im-panel');
  const text = await panel.textContent();
  for (const x of [...s.data.pressure_types, ...s.data.outcomes]) {
    assert.ok(text.includes(x.label) && text.includes(x.definition) && text.includes(x.rule), x.id);
  }
  for (const m of s.data.methodology) assert.ok(text.includes(m.heading), m.id);
  assert.ok(text.includes(`Version ${s.data.version}`));
  await page.waitForFunction(() => location.hash === '#panel=method');
  assert.ok(s.data.corrections.length > 0 && text.includes(s.data.corrections[0].text));
  await page.close();
});

test(`"${context.title}" gives sourced points on each side and leads to the cells`, async () => {
  const { page } = await open(s.browser, s.url + '#panel=why');
  await fragmentsShown(page);
  assert.equal((await page.locator('#im-panel h2').textContent()).trim(), context.title);
  assert.equal(await page.locator('#im-panel').getAttribute('aria-label'), context.title);
  const points = page.locator('#im-panel .im-point');
  assert.equal(await points.count(), s.data.context.length);
  // Each side the dataset names has its heading and at least one point.
  assert.deepEqual(await page.locator('#im-panel .im-col > h3').allTextContents(), context.stances.map((x) => x.heading));
  for (const [i, side] of context.stances.entries()) {
    const n = s.data.context.filter((c) => c.stance === side.id).length;
    assert.ok(n > 0, `a point for "${side.heading}"`);
    assert.equal(await page.locator('#im-panel .im-col').nth(i).locator('.im-point').count(), n, side.heading);
  }
  for (const p of await points.all()) assert.ok((await p.locator('.im-sources a').count()) > 0);
  // The first link to a cell: the cell of the first point's first event (its first pressure type).
  const point = context.stances.flatMap((x) => s.data.context.filter((c) => c.stance === x.id)).find((c) => c.events.length);
  assert.ok(point, 'a point that names events');
  const event = s.data.events.find((e) => e.id === point.events[0]);
  const cell = f.cells.get(`${event.company}.${event.pressure_types[0]}`);
  const link = page.locator('#im-panel .im-see .im-link').first();
  assert.equal(await link.count(), 1, 'a point links to the cells it explains');
  assert.equal((await link.textContent()).trim(), cell.place, 'the link names its cell');
  await link.click();
  await page.waitForSelector('#im-detail');
  const title = await page.locator('#im-detail h3').textContent();
  assert.ok(title.startsWith(cell.title), `"${title}" is the cell the link names (${cell.title})`);
  assert.ok(title.startsWith(cell.company.name), 'the detail starts with the row\'s name');
  await page.close();
});

test(`"${movement.title}" lists every letter with its dated, sourced counts`, async () => {
  const { page } = await open(s.browser, s.url + '#panel=movement');
  await fragmentsShown(page);
  assert.equal((await page.locator('#im-panel h2').textContent()).trim(), movement.title);
  assert.equal((await page.locator('#im-panel .im-lede').textContent()).trim(), movement.lede);
  assert.equal(await page.locator('#im-panel .im-letter').count(), s.data.letters.length);
  const counts = s.data.letters.reduce((n, l) => n + l.counts.length, 0);
  assert.equal(await page.locator('#im-panel .im-counts tbody tr').count(), counts);
  await page.close();
});

test('the downloads are the published files, and offline.html carries the same bytes with no network', async () => {
  const { page, requests } = await open(s.browser, s.url + '#panel=data');
  await fragmentsShown(page);
  const before = requests.length;
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download JSON' }).click()]);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
  assert.equal(json.suggestedFilename(), `${stem}-dataset.json`);
  assert.equal(csv.suggestedFilename(), `${stem}-events.csv`);
  assert.equal(await page.getByRole('link', { name: 'Download JSON' }).getAttribute('href'), 'data/dataset.json');
  assert.equal(await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href'), 'data/events.csv');
  assert.deepEqual(JSON.parse(await readFile(await json.path(), 'utf8')), s.data);
  const published = await readFile(join(DIST, 'data/events.csv'), 'utf8');
  const csvText = await readFile(await csv.path(), 'utf8');
  assert.equal(csvText, published);
  assert.ok(csvText.startsWith('\ufeff'), 'CSV starts with a byte-order mark');
  assert.deepEqual(requests.slice(before).filter((u) => !u.startsWith(s.url)), [], 'only the widget\'s own files');
  await page.close();

  // The one-file build, from disk with the network off: the same files, from the page itself.
  const ctx = await s.browser.newContext({ offline: true, acceptDownloads: true });
  const off = await ctx.newPage();
  const offRequests = [];
  off.on('request', (r) => offRequests.push(r.url()));
  await off.goto(pathToFileURL(join(DIST, 'offline.html')).href + '#panel=data');
  const [json2] = await Promise.all([off.waitForEvent('download'), off.getByRole('link', { name: 'Download JSON' }).click()]);
  const [csv2] = await Promise.all([off.waitForEvent('download'), off.getByRole('link', { name: 'Download CSV' }).click()]);
  assert.equal(json2.suggestedFilename(), `${stem}-dataset.json`);
  assert.equal(csv2.suggestedFilename(), `${stem}-events.csv`);
  assert.deepEqual(JSON.parse(await readFile(await json2.path(), 'utf8')), s.data);
  assert.equal(await readFile(await csv2.path(), 'utf8'), published);
  assert.deepEqual(offRequests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), [], 'no network');
  await ctx.close();
});
