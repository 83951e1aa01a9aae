// The widget shows whichever tracker it was built from: its rows, columns, outcomes and words all come from the
// dataset (data/dataset.toml, or the file ICE_MATRIX_DATA names). With ICE_MATRIX_FIXTURE=1 (a build of the
// fictional tests/fixtures/divestment.toml), also that nothing of the ICE story is left on any page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FIXTURE, fragmentsShown, open, suite } from './harness.mjs';
import { facts } from './facts.mjs';

const s = suite();
const f = facts(s.data);
const w = s.data.widget;

/** What a reader sees of the matrix, read from the page (the live widget or the static first view). */
const read = (page) => page.evaluate(() => {
  const text = (sel) => document.querySelector(sel)?.textContent.trim();
  const all = (sel, fn = (x) => x.textContent.trim()) => [...document.querySelectorAll(sel)].map(fn);
  return {
    title: text('.im-title'), question: text('.im-question'), summary: text('.im-summary-line'),
    caption: text('.im-matrix caption'), corner: text('.im-matrix thead th.im-corner'),
    columns: all('.im-matrix thead th:not(.im-corner)', (th) => [th.querySelector('[aria-hidden]').textContent, th.querySelector('.im-sr').textContent]),
    rows: all('.im-matrix tbody tr:not([hidden]) th', (th) => [th.firstChild.textContent, th.querySelector('.im-sector')?.textContent]),
    legend: all('.im-legend .im-key', (k) => [k.querySelector('.im-swatch').textContent, k.querySelector('.im-swatch').nextSibling.textContent]),
    figures: all('.im-figures dt'), values: all('.im-figures dd'), status: text('.im-live'),
    switch: all('.im-check').map((x) => x.replace(/\s+/g, ' ')),
    tabs: all('.im-tabs .im-tab'),
  };
});

function checkMatrix(seen, how) {
  assert.equal(seen.title, s.data.title, `${how}: title`);
  assert.equal(seen.question, s.data.question, `${how}: question`);
  assert.equal(seen.summary, s.data.summary, `${how}: summary`);
  assert.equal(seen.caption, w.caption, `${how}: caption`);
  assert.equal(seen.corner, w.row_heading, `${how}: row heading`);
  assert.deepEqual(seen.columns, s.data.pressure_types.map((p) => [p.short, p.label]), `${how}: columns`);
  // The rows: the dataset's rows with events, most events first, each with its sector.
  assert.deepEqual(seen.rows, f.rows.slice(0, 60).map((r) => [r.name, f.sectors.get(r.sector).label]), `${how}: rows`);
  assert.deepEqual(seen.legend, s.data.outcomes.map((o) => [o.glyph, o.label]), `${how}: legend`);
  assert.deepEqual(seen.figures, [w.rows_heading, 'Events', f.strongestLabel], `${how}: figure labels`);
  const all = f.shown();
  assert.deepEqual(seen.values, [all.rows, all.events, all.strongest].map(String), `${how}: figures`);
  assert.equal(seen.status, all.status, `${how}: status line`);
}

test(`the page shows the dataset's own tracker: "${s.data.title}"`, async () => {
  const { page, errors } = await open(s.browser, s.url);
  const live = await read(page);
  checkMatrix(live, 'live');
  // The switch, with the dataset's label, or none when it names none.
  assert.deepEqual(live.switch, w.switch === '' ? [] : [w.switch]);
  assert.equal(await page.locator('.im-filters input[type=checkbox]').count(), w.switch === '' ? 0 : 1);
  // The story's tabs, with the dataset's titles, then the widget's own.
  assert.deepEqual(live.tabs, [w.context.title, w.movement.title, 'Definitions and methodology', 'Get the data', 'Embed this']);
  assert.equal(await page.title(), s.data.title);
  assert.deepEqual(errors, []);
  await page.close();

  const ctx = await s.browser.newContext({ javaScriptEnabled: false });
  const still = await ctx.newPage();
  await still.goto(s.url);
  const first = await read(still);
  checkMatrix(first, 'without JavaScript');
  assert.deepEqual([first.switch, first.tabs], [[], []], 'no controls that need a script');
  await ctx.close();
});

test('the story panels carry the dataset\'s titles, ledes and sides', async () => {
  const { page } = await open(s.browser, s.url);
  for (const [i, [title, lede]] of [[w.context.title, w.context.lede], [w.movement.title, w.movement.lede]].entries()) {
    await page.locator('.im-tabs .im-tab').nth(i).click();
    await fragmentsShown(page);
    assert.equal(await page.locator('#im-panel').getAttribute('aria-label'), title);
    assert.equal((await page.locator('#im-panel .im-panel-title').textContent()).trim(), title);
    assert.equal((await page.locator('#im-panel .im-lede').textContent()).trim(), lede);
    if (i === 0) assert.deepEqual(await page.locator('#im-panel .im-col > h3').allTextContents(), w.context.stances.map((x) => x.heading));
  }
  // The row word in the widget's running text: the "Show more" button.
  await page.goto(s.url + '?rows=1');
  await page.reload();
  await page.waitForSelector('.im-more button');
  const more = f.rows.length - 1;
  assert.equal((await page.locator('.im-more button').textContent()).trim(), `Show ${more} more ${more === 1 ? w.row : w.rows}`);
  await page.close();
});

// Nothing of the ICE story (the real dataset's words, with either case of first letter) on a fixture's pages.
const ICE = /\bICE\b|[Ii]mmigration|[Cc]ut ties|Palantir|[Tt]ech companies|[Cc]ompan(y|ies)/;

/** The text a reader sees on the page (innerText: what is rendered, not hidden markup). */
const visible = (page) => page.evaluate(() => document.body.innerText);

/** The lines of `text` that match the ICE story, for the failure message. */
const leaks = (text) => text.split('\n').filter((l) => ICE.test(l)).map((l) => l.match(ICE)[0] + ' in: ' + l.trim().slice(0, 160));

test('a fixture build shows nothing of the ICE story, on any page or panel', { skip: !FIXTURE && 'set ICE_MATRIX_FIXTURE=1 with a fixture build' }, async () => {
  // The check can fail: the real dataset's words match it.
  assert.ok(ICE.test('Tech companies under pressure to cut ties with ICE') && ICE.test('1 company'));
  // Every page and panel is read before the one assertion, so that a failure lists every leak at once.
  const found = {};
  const check = async (page, where) => {
    const l = leaks(await visible(page));
    if (l.length) found[where] = l;
  };
  const { page } = await open(s.browser, s.url);
  await check(page, 'index.html');
  // Each story panel open in turn, then a cell's events and the list of events.
  const tabs = page.locator('.im-tabs .im-tab');
  const n = await tabs.count();
  assert.equal(n, 5, 'five story tabs');
  for (let i = 0; i < n; i++) {
    const name = (await tabs.nth(i).textContent()).trim();
    await tabs.nth(i).click();
    await page.waitForSelector('#im-panel');
    await fragmentsShown(page);
    await check(page, `panel "${name}"`);
    await tabs.nth(i).click();
  }
  await page.close();
  const cell = await open(s.browser, s.url + `#cell=${f.severalEvents().anchor}`);
  await cell.page.waitForSelector('#im-detail .im-event');
  await check(cell.page, 'a cell\'s events');
  await cell.page.close();
  const list = await s.browser.newPage();
  await list.goto(s.url + '#view=list');
  await list.waitForSelector('.im-list tbody tr');
  await check(list, 'the list of events');
  await list.close();

  const ctx = await s.browser.newContext({ javaScriptEnabled: false });
  const still = await ctx.newPage();
  for (const path of ['', 'sources.html']) {
    await still.goto(s.url + path);
    await check(still, `${path || 'index.html'} without JavaScript`);
  }
  await ctx.close();
  assert.deepEqual(found, {});
});
