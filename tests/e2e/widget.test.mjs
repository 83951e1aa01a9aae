// The built widget (dist/) in headless Chromium, used as a reader would use it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, suite, fragmentsShown } from './harness.mjs';
import { compareDates, count, facts, quotesOf } from './facts.mjs';

const s = suite();
const f = facts(s.data);
const { row, rows: rowsWord } = s.data.widget;

/** Expected cells computed from the published JSON, independently of the Rust code. */
function expectedCells() {
  const cells = new Map();
  for (const e of s.data.events) {
    for (const p of e.pressure_types) {
      const key = `${e.company}|${p}`;
      cells.set(key, (cells.get(key) ?? 0) + 1);
    }
  }
  return cells;
}

test(`the matrix shows every ${row} with events, every pressure type and the figures from the data`, async () => {
  const { page, errors } = await open(s.browser, s.url);
  const companies = new Set(s.data.events.map((e) => e.company));
  assert.equal(await page.locator('tbody tr:not([hidden]):not(.im-open-row)').count(), companies.size);
  assert.equal(await page.locator('thead th').count(), s.data.pressure_types.length + 1);
  assert.equal(await page.locator('button.im-cell').count(), expectedCells().size);
  const figures = await page.locator('.im-figures dd').allTextContents();
  assert.deepEqual(figures.slice(0, 2), [String(companies.size), String(s.data.events.length)]);
  const strongest = s.data.outcomes.reduce((a, b) => (a.rank < b.rank ? a : b)).id;
  const cut = new Set(s.data.events.filter((e) => e.outcome === strongest).map((e) => e.company));
  assert.equal(figures[2], String(cut.size));
  assert.deepEqual(errors, []);
  await page.close();
});

test('every cell shows its outcome glyph, short label and event count ("1 of 9" when its events disagree), with JavaScript and without', async () => {
  // The glyph and the label are drawn by the palette CSS from the cell's data-o, as one line above the count:
  // check what is drawn (Chromium writes the line break in the computed value as `\a `).
  const drawn = (page, sel) => page.locator(sel).evaluateAll((cs) => cs.map((c) => ({
    o: c.dataset.o, before: JSON.parse(getComputedStyle(c, '::before').content.replace(/\\a /g, '\\n')),
    after: getComputedStyle(c, '::after').content, text: c.textContent, name: c.getAttribute('aria-label'),
  })));
  const check = (cells) => {
    assert.equal(cells.length, expectedCells().size);
    for (const c of cells) {
      const o = s.data.outcomes.find((x) => x.id === c.o);
      assert.ok(o, `cell ${c.name}: outcome ${c.o}`);
      assert.equal(c.before, `${o.glyph} ${o.short}\n`, c.name);
      assert.equal(c.after, 'none', c.name);
      assert.match(c.name, new RegExp(`: ${o.short}, ${c.text} events?,`), c.name);
    }
    assert.deepEqual(cells.map((c) => c.text), f.ordered.map((c) => c.count), 'each cell\'s count, computed from the data');
    assert.ok(f.ordered.some((c) => c.mixed) === cells.some((c) => / of /.test(c.text)));
  };
  const { page } = await open(s.browser, s.url);
  check(await drawn(page, 'button.im-cell'));
  await page.close();
  const ctx = await s.browser.newContext({ javaScriptEnabled: false });
  const still = await ctx.newPage();
  await still.goto(s.url);
  check(await drawn(still, '#ice-matrix a.im-cell'));
  await ctx.close();
});

test('every non-empty cell opens its dated events with well-formed source links', async () => {
  const { page, errors } = await open(s.browser, s.url);
  const cells = expectedCells();
  const names = Object.fromEntries(s.data.companies.map((c) => [c.name, c.id]));
  const buttons = page.locator('button.im-cell');
  const n = await buttons.count();
  let opened = 0;
  for (let i = 0; i < n; i++) {
    const b = buttons.nth(i);
    await b.click();
    await fragmentsShown(page); // the first click may come before the fragments (fetched when the pointer arrived)
    const detail = page.locator('#im-detail');
    const title = await detail.locator('h3').evaluate((h) => h.firstChild.textContent + h.childNodes[1].textContent + h.childNodes[2].textContent);
    const [company, pressure] = title.split(': ');
    const pid = s.data.pressure_types.find((p) => p.label === pressure)?.id;
    assert.ok(pid, `pressure type in title "${title}"`);
    const events = detail.locator('.im-event');
    assert.equal(await events.count(), cells.get(`${names[company]}|${pid}`), title);
    for (const ev of await events.all()) {
      assert.match(await ev.locator('time').getAttribute('datetime'), /^\d{4}(-\d\d){0,2}$/);
      const links = ev.locator('.im-sources a');
      assert.ok((await links.count()) > 0, `${title}: an event without a source`);
      for (const a of await links.all()) {
        const href = new URL(await a.getAttribute('href'));
        assert.ok(href.protocol === 'https:' || href.protocol === 'http:', href.href);
        assert.equal(await a.getAttribute('target'), '_blank');
        assert.equal(await a.getAttribute('rel'), 'noopener noreferrer');
        assert.ok((await a.textContent()).trim().length > 0, 'link text');
      }
    }
    opened++;
  }
  assert.equal(opened, cells.size);
  assert.deepEqual(errors, []);
  await page.close();
});

test('sources.html shows, under each source of each event, the source\'s own words behind it, open and marked as English', async () => {
  const ctx = await s.browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(`${s.url}sources.html`);
  for (const c of [f.ordered[0], f.ordered[f.ordered.length - 1]]) {
    const items = page.locator(`h3[id="${c.anchor}"] + ol > li`);
    assert.equal(await items.count(), c.events.length, c.anchor);
    for (const [i, e] of c.events.entries()) {
      const shown = await items.nth(i).locator('.im-sources > li').evaluateAll((lis) => lis.map((li) =>
        [...li.querySelectorAll('details[open] blockquote[lang="en"]')].map((q) => q.textContent)));
      assert.deepEqual(shown, e.sources.map((id) => quotesOf(e, id)), `${c.anchor}: ${e.id}`);
    }
  }
  // Every piece of evidence of every event is on the page.
  const all = await page.locator('blockquote').allTextContents();
  const missing = s.data.events.flatMap((e) => e.evidence.map((x) => x.quote)).filter((q) => !all.includes(q));
  assert.deepEqual(missing, []);
  await ctx.close();
});

test('the list shows every event, newest first, with what happened, what came of it and its sources', async () => {
  const page = await s.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${s.url}#view=list`);
  await page.waitForSelector('.im-list tbody tr');
  const rows = await page.locator('.im-list tbody tr').evaluateAll((trs) => trs.map((tr) => {
    const last = tr.lastElementChild;
    return {
      date: tr.querySelector('td time').getAttribute('datetime'),
      text: last.textContent,
      links: [...last.querySelectorAll('.im-sources a')].map((a) => a.getAttribute('href')),
      // The date and outcome have columns of their own: the event's own are not drawn again here.
      repeated: [...last.querySelectorAll('.im-event-meta time, .im-event-meta .im-badge')].filter((x) => getComputedStyle(x).display !== 'none').length,
      facts: [...last.querySelectorAll('.im-facts dt')].map((dt) => dt.textContent),
    };
  }));
  const events = s.data.events.slice().reverse();
  assert.equal(rows.length, events.length);
  for (let i = 1; i < rows.length; i++) assert.ok(compareDates(rows[i - 1].date, rows[i].date) >= 0, `row ${i} (${rows[i].date}) is not older than row ${i - 1} (${rows[i - 1].date})`);
  // What a source links to: the original's address (else the copy's), then the copy's when both are known, then
  // an archived copy.
  const links = Object.fromEntries(s.data.sources.map((x) => [x.id,
    [x.url ?? x.read_at, ...(x.url && x.read_at ? [x.read_at] : []), ...(x.archived ? [x.archived.url] : [])]]));
  rows.forEach((r, i) => {
    const e = events[i];
    assert.ok(r.date.startsWith(e.date.slice(0, 4)), `${e.id}: row ${i} is ${r.date}`);
    assert.ok(r.text.includes(e.summary) && r.text.includes(e.result), `${e.id}: what happened and what came of it`);
    assert.ok(r.facts.includes('What came of it'), e.id);
    assert.deepEqual(r.links, e.sources.flatMap((id) => links[id]), `${e.id}: its sources, in order`);
    assert.equal(r.repeated, 0, `${e.id}: date and outcome shown once`);
  });
  assert.deepEqual(errors, []);
  await page.close();
});

test('Enter opens a cell, Escape closes it and puts focus back on the cell', async () => {
  const { page } = await open(s.browser, s.url);
  const cell = page.locator('button.im-cell').first();
  const id = await cell.getAttribute('id');
  await cell.focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('#im-detail');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'im-detail-title');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#im-detail').count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement.id), id);
  await page.close();
});

test('a pasted link restores the open cell and the filters; a garbled one is ignored', async () => {
  // A cell with several events, an outcome other cells show hidden, and the dataset's switch on (when it has one):
  // so the cell's row must pass the switch, and the hidden outcome is not the cell's own.
  const switchable = s.data.widget.switch !== '';
  const cell = f.severalEvents((c) => !switchable || f.isSwitched(c));
  const hidden = f.common.find((o) => o.id !== cell.outcome.id);
  assert.ok(hidden, 'some cells show another outcome than the chosen one');
  const hash = `#cell=${cell.anchor}&hide=${hidden.id}${switchable ? '&tech=1' : ''}`;
  const { page } = await open(s.browser, s.url + hash);
  const title = await page.locator('#im-detail h3').textContent();
  assert.ok(title.startsWith(cell.title), `"${title}" opens ${cell.title}`);
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true,
    'a panel restored from a link does not take focus (it would scroll the host page)');
  await fragmentsShown(page);
  assert.equal(await page.locator('#im-detail .im-event').count(), cell.events.length, 'the cell\'s events');
  assert.ok(f.cellsShowing(hidden) > 0);
  assert.equal(await page.locator(`button.im-cell[data-o="${hidden.id}"]`).count(), 0, `no cell shows ${hidden.label}`);
  const off = await page.locator('.im-key[aria-pressed=false]').allTextContents();
  assert.ok(off.length === 1 && off[0].includes(hidden.label), `the legend shows ${hidden.label} as hidden: ${off}`);
  if (switchable) assert.equal(await page.locator('.im-check input').isChecked(), true);
  await page.reload();
  await page.waitForSelector('#im-detail');
  // The address follows the view once the frame is painted (the widget writes it in a task of its own).
  await page.waitForFunction((a) => location.hash.includes(`cell=${a}`), cell.anchor);
  const bad = await open(s.browser, s.url + '#cell=%E0%A4%A&hide=;;;&sector=../../etc');
  assert.equal(await bad.page.locator('#im-detail').count(), 0);
  assert.equal(await bad.page.locator('tbody tr:not([hidden]):not(.im-open-row)').count(), f.rows.length);
  assert.deepEqual(bad.errors, []);
  await bad.page.close();
  await page.close();
});

test(`the sector filter and the switch ("${s.data.widget.switch}") narrow the rows and the link follows`, async () => {
  const { page } = await open(s.browser, s.url);
  // The sector with most rows, unless it has them all: then the next one (a filter that narrows the matrix).
  const sectors = f.sectorsWithRows();
  const inSector = (x) => f.rows.filter((r) => r.sector === x.id);
  const sector = sectors.find((x) => inSector(x).length < f.rows.length) ?? sectors[0];
  await page.locator('.im-filters select').selectOption({ label: sector.label });
  await page.waitForSelector('table.im-matrix[aria-busy="false"]');
  const names = () => page.$$eval('tbody tr:not([hidden]) th', (ths) => ths.map((t) => t.firstChild.textContent));
  assert.deepEqual(await names(), inSector(sector).map((r) => r.name));
  await page.waitForFunction((id) => location.hash === `#sector=${id}`, sector.id);
  await page.locator('.im-reset').click();
  // Back to every row: all rows again, in the same order as on load.
  await page.waitForSelector('table.im-matrix[aria-busy="false"]');
  assert.deepEqual(await names(), f.rows.map((r) => r.name));
  if (s.data.widget.switch === '') {
    assert.equal(await page.locator('.im-check input').count(), 0, 'no switch when the dataset names none');
    await page.close();
    return;
  }
  await page.locator('.im-check input').check();
  // More rows than a screenful are drawn over a few tasks; the table says it is busy until they are all there.
  await page.waitForSelector('table.im-matrix[aria-busy="false"]');
  assert.deepEqual(await names(), f.rows.filter(f.isSwitched).map((r) => r.name));
  await page.waitForFunction(() => location.hash === '#tech=1');
  await page.locator('.im-check input').uncheck();
  await page.waitForSelector('table.im-matrix[aria-busy="false"]');
  assert.deepEqual(await names(), f.rows.map((r) => r.name));
  await page.close();
});

test('after quick changes to the filters, the table is the one a fresh load of the same link shows', async () => {
  // A short screen, so that each change reaches the rows below it in later tasks (how the rows on screen change
  // at once is tested in tests/web.rs); the changes follow each other without waiting for the table, as a
  // reader's quick clicks come. With every row rendered (the default) and with only the first half listed (rows=N).
  const rows = () => [...document.querySelectorAll('tbody tr:not([hidden]):not(.im-open-row)')].map((tr) => [tr.cells[0].firstChild.textContent,
    ...[...tr.cells].slice(1).map((td) => { const b = td.firstElementChild; return b ? `${b.className}:${b.dataset.o}:${b.textContent}` : td.className; })].join('|'));
  // Two outcomes that cells show: the first is hidden and shown again, the second stays hidden.
  assert.ok(f.common.length >= 2, 'cells show at least two outcomes');
  const [toggled, hidden] = f.common;
  const switchable = s.data.widget.switch !== '';
  assert.ok(s.data.sectors.length >= 2, 'a sector menu to move through');
  const half = Math.ceil(f.rows.length / 2);
  for (const [query, limit] of [['', Infinity], [`?rows=${half}`, half]]) {
    const { page, errors } = await open(s.browser, s.url + query, { width: 1280, height: 600 });
    const select = page.locator('.im-filters select');
    const key = (o) => page.locator('.im-key').nth(o.index);
    await select.focus();
    for (const k of ['ArrowDown', 'ArrowDown', 'Home', 'ArrowDown']) await page.keyboard.press(k);
    await key(toggled).click();
    await select.focus();
    await page.keyboard.press('Home');
    await key(toggled).click();
    await key(hidden).click();
    if (switchable) await page.locator('.im-check input').check();
    await page.waitForSelector('table.im-matrix[aria-busy="false"]');
    const url = await page.evaluate(() => location.href);
    assert.ok(url.endsWith(`#hide=${hidden.id}${switchable ? '&tech=1' : ''}`), url);
    const after = await page.evaluate(rows);
    const expected = Math.min(f.shown({ hide: new Set([hidden.id]), switched: switchable }).listed, limit);
    assert.equal(after.length, expected, `${query}: rows listed`);
    // The premise: rows below the screen, which the changes reached in later tasks.
    assert.ok(await page.evaluate(() => [...document.querySelectorAll('tbody tr:not([hidden]):not(.im-open-row)')].at(-1).getBoundingClientRect().top > innerHeight),
      `${query}: the last row is below the screen`);
    const fresh = await open(s.browser, url, { width: 1280, height: 600 });
    assert.deepEqual(after, await fresh.page.evaluate(rows), query);
    assert.deepEqual([...errors, ...fresh.errors], []);
    await page.close();
    await fresh.page.close();
  }
});

/** What a narrow screen shows: sideways overflow of the page and of the matrix, clipped cell labels, where the first card starts. */
const narrow = (page) => page.evaluate(() => {
  const box = document.querySelector('.im-scroll');
  return {
    page: document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth,
    matrix: box.scrollWidth - box.clientWidth,
    clipped: [...document.querySelectorAll('.im-cell')].filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.getAttribute('aria-label')),
    firstCard: document.querySelector('.im-matrix tbody tr:not([hidden])').getBoundingClientRect().top,
  };
});

for (const width of [320, 360, 390]) {
  test(`at ${width} px each row is a card: nothing scrolls sideways, every label is whole, the first card is on the first screen, with JavaScript and without`, async () => {
    const { page } = await open(s.browser, s.url, { width, height: 844 });
    const ctx = await s.browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 844 } });
    const still = await ctx.newPage();
    await still.goto(s.url);
    for (const [how, p] of [['with JavaScript', page], ['without', still]]) {
      const m = await narrow(p);
      assert.ok(m.page <= 0, `${how}: the page scrolls sideways by ${m.page} px`);
      assert.ok(m.matrix <= 0, `${how}: the matrix scrolls sideways by ${m.matrix} px`);
      assert.deepEqual(m.clipped, [], `${how}: clipped labels`);
      assert.ok(m.firstCard < 844, `${how}: the first card starts at ${m.firstCard} px`);
    }
    // Empty cells are not drawn; each drawn cell line names its column.
    const lines = await page.locator('.im-matrix tbody tr:not([hidden]) td').evaluateAll((tds) => tds.filter((td) => getComputedStyle(td).display !== 'none')
      .map((td) => [getComputedStyle(td, '::before').content, !!td.querySelector('button.im-cell')]));
    assert.equal(lines.length, f.cells.size);
    assert.ok(lines.every(([label, cell]) => cell && label.length > 2 && label !== 'none'), 'each line is a cell with its column');
    await page.close();
    await ctx.close();
  });
}

test('without JavaScript, at every width from 320 to 1600 px, nothing scrolls sideways and no cell\'s label is cut', async () => {
  const ctx = await s.browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  const problems = [];
  for (const width of [320, 390, 600, 719, 720, 744, 760, 768, 820, 900, 1000, 1024, 1280, 1600]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(s.url);
    const m = await narrow(page);
    if (m.page > 0) problems.push(`${width} px: the page scrolls sideways by ${m.page} px`);
    if (m.matrix > 0) problems.push(`${width} px: the matrix scrolls sideways by ${m.matrix} px`);
    if (m.clipped.length) problems.push(`${width} px: ${m.clipped.length} labels cut, e.g. ${m.clipped[0]}`);
  }
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('on a phone a tapped cell opens under its card, the controls fold behind one button, and the full grid is one tap away', async () => {
  const { page } = await open(s.browser, s.url, { width: 390, height: 844 });
  assert.equal(await page.locator('.im-filters').isVisible(), false, 'the filters are folded');
  await page.locator('.im-fold').click();
  assert.equal(await page.locator('.im-filters').isVisible(), true, 'and unfold');
  assert.equal(await page.locator('.im-fold').getAttribute('aria-expanded'), 'true');
  await page.locator('.im-fold').click();
  const c = f.ordered[0];
  await page.locator(`#${c.id}`).click();
  await fragmentsShown(page);
  const gap = await page.evaluate((id) => document.getElementById('im-detail').getBoundingClientRect().top
    - document.getElementById(id).closest('tr').getBoundingClientRect().bottom, c.id);
  assert.ok(gap >= 0 && gap < 40, `the events are ${gap} px below the card`);
  assert.ok(await page.locator('#im-detail .im-sources a').first().isVisible());
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement.id), c.id, 'Esc returns to the cell');
  // The full grid: the matrix keeps its columns and scrolls within itself; the page does not.
  await page.locator('.im-layout').click();
  const m = await narrow(page);
  assert.ok(m.page <= 0 && m.matrix > 100, JSON.stringify(m));
  await page.close();
});

test('no request leaves the widget\'s own files while it is used', async () => {
  const { page, requests } = await open(s.browser, s.url);
  await page.locator('button.im-cell').first().click();
  await page.keyboard.press('Escape');
  await page.locator('.im-key').first().click();
  const outside = requests.filter((u) => !u.startsWith(s.url));
  assert.deepEqual(outside, []);
  await page.close();
});

test('the events\' fragments load after the first view, by themselves a second later or on first use, never where the reader saves data, and a failed load says so', async () => {
  // The first view: no fragments file while it loads; a second after the widget is live, it comes by itself.
  const page = await s.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requests = [];
  page.on('request', (r) => requests.push([performance.now(), new URL(r.url()).pathname]));
  await page.goto(s.url);
  await page.waitForSelector('button.im-cell');
  const live = performance.now();
  const named = await page.locator('main#ice-matrix').getAttribute('data-fragments');
  assert.match(named, /^data\/fragments-[0-9a-f]{16}\.html$/);
  await page.waitForResponse((r) => r.url() === s.url + named && r.ok(), { timeout: 10000 });
  const fetched = requests.filter(([, p]) => p.includes('/data/'));
  assert.equal(fetched.length, 1, 'the fragments once, and nothing else from data/');
  assert.ok(fetched[0][0] >= live + 500, `fetched ${Math.round(fetched[0][0] - live)} ms after the widget was live`);
  await page.close();

  // Where the reader's browser asks to save data, only the reader's first use fetches them: the pointer entering
  // the widget starts it, so the fragments are there by the click.
  const saving = await s.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await saving.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true } }));
  const asked = [];
  saving.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await saving.goto(s.url);
  await saving.waitForSelector('button.im-cell');
  await saving.waitForTimeout(2000);
  assert.deepEqual(asked.filter((p) => p.includes('/data/')), [], 'nothing from data/ before the reader reaches the widget');
  await Promise.all([saving.waitForResponse((r) => r.url() === s.url + named && r.ok()), saving.mouse.move(200, 300)]);
  await saving.click(':nth-match(button.im-cell, 1)');
  assert.ok((await saving.locator('.im-detail .im-summary').first().textContent()).length > 20);
  await saving.close();

  // The fragments file unavailable (offline with nothing cached): the panel says so and links to the plain page.
  // (Service workers blocked: the widget's own would fetch the file for its offline cache past the route.)
  const context = await s.browser.newContext({ serviceWorkers: 'block' });
  const failing = await context.newPage();
  await failing.route(/\/data\/fragments-/, (r) => r.fulfill({ status: 404, body: 'not found' }));
  await failing.goto(s.url);
  await failing.waitForSelector('button.im-cell');
  await failing.click(':nth-match(button.im-cell, 1)');
  await failing.waitForFunction(() => /could not be loaded/.test(document.querySelector('.im-detail .im-status')?.textContent));
  assert.equal(await failing.locator('.im-detail .im-status a').getAttribute('href'), 'sources.html');
  assert.equal(await failing.locator('.im-detail .im-event').count(), 0, 'no event shown with missing text');
  await context.close();
});

test(`rows=N shows the first N ${rowsWord} and a button that shows the rest`, async () => {
  const all = f.rows.length;
  const n = Math.min(5, Math.floor(all / 2));
  assert.ok(n >= 1 && n < all);
  const { page, errors } = await open(s.browser, s.url + `?rows=${n}`);
  assert.deepEqual(await page.$$eval('tbody tr:not([hidden]) th', (ths) => ths.map((t) => t.firstChild.textContent)),
    f.rows.slice(0, n).map((r) => r.name), 'the first rows, most events first');
  const more = page.locator('.im-more button');
  assert.equal((await more.textContent()).trim(), `Show ${all - n} more ${all - n === 1 ? row : rowsWord}`);
  // The figures still count every row.
  assert.equal((await page.locator('.im-figures dd').first().textContent()).trim(), String(all));
  // Arrow keys stop at the last row shown.
  await page.locator('button.im-cell, td[tabindex="0"]').first().focus();
  await page.keyboard.press('Control+End');
  const last = await page.evaluate(() => document.activeElement.closest('tr').rowIndex);
  assert.equal(last, n);
  await more.click();
  // The rest arrive a screenful at a time; the table is busy until the last.
  await page.waitForSelector('table.im-matrix[aria-busy="false"]');
  assert.equal(await page.locator('tbody tr:not([hidden]):not(.im-open-row)').count(), all);
  assert.equal(await page.locator('.im-more').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Share gives the link to the view on screen: on the clipboard where allowed, else as text to select', async () => {
  const cell = f.ordered[0];
  const ctx = await s.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await ctx.newPage();
  await page.goto(`${s.url}#cell=${cell.anchor}`);
  await page.waitForSelector('#im-detail');
  // Desktop Chromium on Linux has no system share sheet: the link goes to the clipboard.
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${s.url}#cell=${cell.anchor}`);
  await ctx.close();

  // In a frame whose code does not allow clipboard-write, the link is shown, selected when focused.
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html' })
    .end(`<!doctype html><iframe src="${s.url}#cell=${cell.anchor}" style="width:900px;height:900px"></iframe>`));
  await new Promise((ok) => server.listen(0, 'localhost', ok));
  const p2 = await s.browser.newPage();
  await p2.goto(`http://localhost:${server.address().port}/`);
  const frame = p2.frameLocator('iframe');
  await frame.getByRole('button', { name: 'Share', exact: true }).click();
  const link = frame.getByRole('textbox', { name: 'Link to this view' });
  await link.waitFor();
  assert.equal(await link.inputValue(), `${s.url}#cell=${cell.anchor}`);
  await link.focus();
  assert.equal(await link.evaluate((i) => i.selectionEnd - i.selectionStart), (await link.inputValue()).length, 'selected, ready to copy');
  await p2.close();
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
});

test('the first view runs a lighter wasm; a company\'s story loads the whole widget, which takes its place and keeps the view', async () => {
  const { page, requests, errors } = await open(s.browser, s.url);
  const wasm = () => requests.filter((u) => u.endsWith('_bg.wasm')).map((u) => new URL(u).pathname.slice(1));
  assert.equal(wasm().length, 1, wasm().join(', '));
  assert.ok(!wasm()[0].startsWith('ice-matrix-full-'), 'not the whole widget');
  // A cell's events and a filter are in the first view's wasm.
  const first = f.ordered[0];
  await page.locator(`#${first.id}`).click();
  await page.waitForSelector('#im-detail');
  await page.keyboard.press('Escape');
  assert.equal(wasm().length, 1, 'a cell needs no second wasm');
  // A company's story is not: the whole widget loads and opens it, with focus on its heading.
  const c = f.rows[0];
  await page.locator(`button.im-company[data-c="${c.index}"]`).click();
  await page.waitForSelector('.im-company-panel');
  assert.ok(wasm().some((n) => n.startsWith('ice-matrix-full-')), wasm().join(', '));
  assert.equal(await page.evaluate(() => document.activeElement.id), 'im-detail-title');
  assert.equal(await page.locator('#ice-matrix > .im').count(), 1, 'one widget in the mount');
  assert.ok(new URL(page.url()).hash.includes(`company=${c.id}`));
  // It answers as the other did, once per input: an outcome key hides its cells, and shows them again.
  await page.keyboard.press('Escape');
  await page.waitForSelector('.im-company-panel', { state: 'detached' });
  const key = page.locator('.im-legend button[aria-pressed]').first();
  const pressed = await key.getAttribute('aria-pressed');
  await key.click();
  await page.waitForFunction((was) => document.querySelector('.im-legend button[aria-pressed]').getAttribute('aria-pressed') !== was, pressed);
  await key.click();
  await page.waitForFunction((was) => document.querySelector('.im-legend button[aria-pressed]').getAttribute('aria-pressed') === was, pressed);
  await page.locator(`#${first.id}`).click();
  await page.waitForSelector('#im-detail');
  assert.equal(wasm().length, 2, 'each wasm loads once');
  assert.deepEqual(errors, []);
  await page.close();
});

test('on a phone, the whole widget keeps what the link leaves out: the unfolded controls, with the panel the reader opened', async () => {
  const { page, errors } = await open(s.browser, s.url, { width: 390, height: 844 });
  await page.locator('.im-fold').click();
  await page.getByRole('button', { name: 'Get the data' }).click();
  await page.waitForSelector('.im-cite');
  assert.equal(await page.locator('.im-fold').getAttribute('aria-expanded'), 'true', 'the controls stay unfolded');
  assert.ok(await page.locator('.im-cite').isVisible(), '"Cite this" is on screen');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Get the data', 'focus stays on the tab');
  assert.deepEqual(errors, []);
  await page.close();
});

test('when the whole widget cannot be loaded, the view says so and points to the plain page', async () => {
  // No service worker: its fetches would not pass through the page's routes.
  const context = await s.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.route(/\/full-[0-9a-f]{16}\.js$/, (r) => r.abort());
  await page.goto(s.url);
  await page.waitForSelector('button.im-cell');
  await page.locator(`button.im-company[data-c="${f.rows[0].index}"]`).click();
  await page.waitForSelector('#im-detail .im-status:has-text("could not be loaded")');
  assert.equal(await page.locator('#im-detail a[href="sources.html"]').count(), 1);
  await context.close();
});
