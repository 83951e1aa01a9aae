// The static first view (rendered at build time, what readers see before the wasm runs and without JavaScript)
// and the live widget are the same components in two modes: they share one skeleton, so the page does not
// change shape when the wasm takes over, and the words above the matrix are the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, suite } from './harness.mjs';
import { facts } from './facts.mjs';

const s = suite();
const f = facts(s.data);

/**
 * The skeleton of what a reader sees of the first view, read in the page: for the legend and for the first body row
 * of the matrix, every element in document order as [tag, classes, data-o, role], with the two modes' controls
 * written alike (the static `a.im-cell` is the live `button.im-cell`, the static `span.im-key` the live
 * `button.im-key`, a static `cell`/`table` role the live `gridcell`/`grid`); and the texts of the header, the
 * summary line, the figures, the status line, the caption, the legend's keys and the footer's links.
 */
const skeleton = (page) => page.evaluate(() => {
  const role = (r) => ({ cell: 'gridcell', table: 'grid' })[r] ?? r;
  const control = (el) => (el.matches('a.im-cell, button.im-cell') ? 'cell'
    : el.matches('span.im-key, button.im-key') ? 'key'
    : el.matches('a, button') ? 'control' : el.tagName.toLowerCase());
  // Not compared: the text of the legend's rule, which differs on purpose (the static view has no methodology
  // panel to open; it links to sources.html instead), and screen-reader-only text (`.im-sr`), which the live grid
  // gives as the focusable cell's aria-label and the static table as hidden text.
  const skip = (el) => el.closest('.im-rule') && !el.matches('.im-rule') || el.matches('.im-sr');
  const walk = (root) => [root, ...root.querySelectorAll('*')].filter((el) => !skip(el))
    .map((el) => [control(el), [...el.classList].sort().join(' '), el.dataset.o ?? null, role(el.getAttribute('role'))].join(' | '));
  const text = (sel) => document.querySelector(sel)?.textContent.trim();
  const table = document.querySelector('.im-matrix');
  return {
    legend: walk(document.querySelector('.im-legend')),
    row: walk(document.querySelector('.im-matrix tbody tr')),
    table: [table.className, role(table.getAttribute('role')), table.caption?.textContent],
    header: [...document.querySelectorAll('.im-head > *')].map((x) => [x.tagName, x.className, x.textContent]),
    summary: text('.im-summary-line'),
    figures: [...document.querySelectorAll('.im-figures dt, .im-figures dd')].map((x) => [x.tagName, x.textContent.trim()]),
    status: text('.im-live'),
    keys: [...document.querySelectorAll('.im-key')].map((k) => k.textContent),
    foot: [...document.querySelectorAll('footer.im-foot a')].map((a) => [a.textContent, a.getAttribute('href')]),
  };
});

test('the first view without JavaScript and the live widget share one skeleton and the same words', async () => {
  const ctx = await s.browser.newContext({ javaScriptEnabled: false });
  const still = await ctx.newPage();
  await still.goto(s.url);
  assert.equal(await still.locator('.im.im-static').count(), 1, 'the static first view');
  const first = await skeleton(still);
  await ctx.close();
  const { page } = await open(s.browser, s.url);
  assert.equal(await page.locator('.im:not(.im-static)').count(), 1, 'the live widget');
  const live = await skeleton(page);
  await page.close();

  // Each is what the data says, so that two empty or broken views cannot agree.
  assert.equal(first.row.filter((x) => x.startsWith('cell ')).length,
    f.ordered.filter((c) => c.company.id === f.rows[0].id).length, 'the first row has a cell per pressure type with events');
  assert.equal(first.legend.filter((x) => x.startsWith('key ')).length, s.data.outcomes.length, 'a legend key per outcome');
  assert.equal(first.summary, s.data.summary);
  assert.deepEqual(first.header.map((h) => h[0]), ['H1', 'P'], 'the title is the page\'s h1, then the question');
  assert.deepEqual(first.foot, [['every event and its sources', 'sources.html'], ['Data (JSON)', 'data/dataset.json'],
    ['Events (CSV)', 'data/events.csv']], 'the footer ends with the sources page and the data');

  assert.deepEqual(live.legend, first.legend, 'the legend');
  assert.deepEqual(live.keys, first.keys, 'the legend\'s words and counts');
  assert.deepEqual(live.row, first.row, 'the first row of the matrix');
  assert.deepEqual(live.table, first.table, 'the table and its caption');
  assert.deepEqual(live.header, first.header, 'the header');
  assert.equal(live.summary, first.summary, 'the summary line');
  assert.deepEqual(live.figures, first.figures, 'the figures');
  assert.equal(live.status, first.status, 'the status line');
  assert.deepEqual(live.foot, first.foot, 'the footer\'s links');
});
