// Time and companies: a company's whole story, the matrix as it stood on a date, and mixed cells. Expected
// values come from the published dataset.json (facts.mjs), not from the Rust code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, suite, fragmentsShown } from './harness.mjs';
import { compareDates, dateParts, facts } from './facts.mjs';

const s = suite();
const f = facts(s.data);

/** The rule for "as of": an event counts when its date, at its own precision, begins by the end of `asof`. */
function countsAsOf(date, asof) {
  const [y, m, d] = dateParts(date);
  const [ay, am, ad] = dateParts(asof);
  const start = [y, Math.max(m, 1), Math.max(d, 1)];
  const end = [ay, am || 12, ad || 31];
  return start[0] - end[0] || start[1] - end[1] || start[2] - end[2];
}

/** A month inside the data's span with fewer events than now, and at least one cell. */
function someMonth() {
  const dates = s.data.events.map((e) => e.date).sort(compareDates);
  const [y, m] = dateParts(dates[Math.floor(dates.length / 3)]);
  return `${y}-${String(Math.max(m, 1)).padStart(2, '0')}`;
}

test('as of a date, every cell, figure and legend count is the matrix as it stood then; a reload keeps it', async () => {
  const asof = someMonth();
  const then = facts({ ...s.data, events: s.data.events.filter((e) => countsAsOf(e.date, asof) <= 0) });
  assert.ok(then.ordered.length > 0 && then.ordered.length < f.ordered.length, `${asof} is inside the data`);
  const { page, errors } = await open(s.browser, `${s.url}#asof=${asof}`);
  await page.waitForSelector('.im-asof');
  const seen = await page.locator('button.im-cell').evaluateAll((bs) => bs.map((b) => [b.id, b.dataset.o, b.textContent]).sort());
  const expected = then.ordered.map((c) => [c.id, c.outcome.id, c.count]).sort();
  assert.deepEqual(seen, expected, 'each cell: the outcome of its latest event by then, and its count');
  const figures = await page.locator('.im-figures dd').allTextContents();
  const strongest = s.data.outcomes[0].id;
  const strong = new Set(then.ordered.filter(() => true).flatMap((c) => c.events).filter((e) => e.outcome === strongest).map((e) => e.company)).size;
  const events = new Set(then.ordered.flatMap((c) => c.events.map((e) => e.index))).size;
  assert.deepEqual(figures, [String(then.rows.length), String(events), String(strong)]);
  for (const o of s.data.outcomes) {
    const key = page.locator('.im-key', { hasText: o.label }).first();
    assert.match(await key.textContent(), new RegExp(`${then.cellsShowing(o)} cells?`), o.label);
  }
  const line = await page.locator('.im-asof').textContent();
  const [y, m] = dateParts(asof);
  const month = new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  assert.ok(line.startsWith(`As of ${month} ${y}: `), line);
  await page.reload();
  await page.waitForSelector('.im-asof');
  assert.equal(await page.locator('button.im-cell').count(), then.ordered.length, 'the date survives a reload');
  // Back to now.
  await page.getByRole('button', { name: 'Show the matrix as it is now' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('button.im-cell').length === n, f.ordered.length);
  assert.equal(new URL(page.url()).hash.includes('asof='), false);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the embed code can be frozen at the article\'s date', async () => {
  const asof = someMonth();
  const { page } = await open(s.browser, `${s.url}#panel=embed`);
  assert.ok(!(await page.locator('#embed-frame').inputValue()).includes('asof='), 'always current by default');
  await page.locator('#embed-asof').fill(asof);
  await page.locator('#embed-asof').dispatchEvent('change');
  await page.waitForFunction((a) => document.getElementById('embed-frame').value.includes(`asof=${a}`), asof);
  await page.close();
});

test('a company\'s name opens its every event, oldest first, with where each type of pressure stands', async () => {
  const r = f.rows[0];
  const events = s.data.events.map((e, i) => ({ ...e, i })).filter((e) => e.company === r.id);
  const { page, errors } = await open(s.browser, s.url);
  await page.locator(`button.im-company[data-c="${r.index}"]`).click();
  await page.waitForSelector('.im-company-panel');
  await fragmentsShown(page);
  assert.ok((await page.locator('#im-detail-title').textContent()).startsWith(`${r.name}: every event`));
  const items = page.locator('.im-company-panel .im-events > li');
  assert.equal(await items.count(), events.length, 'each of its events once');
  const dates = await items.locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
  const sorted = [...dates].sort(compareDates);
  assert.deepEqual(dates, sorted, 'oldest first');
  const stands = await page.locator('.im-stands li').allTextContents();
  const mine = f.ordered.filter((c) => c.company.id === r.id);
  assert.deepEqual(stands, mine.map((c) => `${c.pressure.label}: ${c.outcome.label} (${c.count})`));
  assert.ok(new URL(page.url()).hash.includes(`company=${r.id}`));
  // Esc closes it and returns focus to the name.
  await page.keyboard.press('Escape');
  await page.waitForSelector('.im-company-panel', { state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.c), String(r.index));
  // From a cell's panel, by keyboard as well.
  const cell = f.ordered.find((c) => c.company.id === r.id);
  await page.locator(`#${cell.id}`).click();
  await page.getByRole('button', { name: `Every event for ${r.name}, across the types of pressure` }).click();
  await page.waitForSelector('.im-company-panel');
  await page.close();
  // The link alone opens it.
  const again = await open(s.browser, `${s.url}#company=${r.id}`);
  await again.page.waitForSelector('.im-company-panel');
  await again.page.close();
  assert.deepEqual(errors, []);
});

test('typing a company\'s name or an alias from the data jumps to its story, even past a filter that hid it', async () => {
  const withAlias = s.data.companies.find((c) => c.aliases?.length && f.rows.some((r) => r.id === c.id));
  const target = withAlias ?? f.rows[f.rows.length - 1];
  const typed = withAlias ? withAlias.aliases[0] : target.name;
  // A sector filter that hides it, when there is another sector with rows.
  const other = s.data.sectors.find((x) => x.id !== target.sector && f.rows.some((r) => r.sector === x.id));
  const { page, errors } = await open(s.browser, `${s.url}${other ? `#sector=${other.id}` : ''}`);
  await page.getByRole('combobox', { name: `Find a ${s.data.widget.row}` }).fill(typed.toLowerCase());
  await page.waitForSelector('.im-company-panel');
  assert.ok((await page.locator('#im-detail-title').textContent()).startsWith(`${target.name}: every event`));
  assert.equal(await page.evaluate(() => document.activeElement.id), 'im-detail-title', 'focus on its story');
  assert.ok(new URL(page.url()).hash.includes(`company=${target.id}`), 'it survives a reload through the link');
  const options = await page.locator('#im-names option').evaluateAll((os) => os.map((o) => o.value));
  for (const c of s.data.companies) for (const n of [c.name, ...(c.aliases ?? [])]) assert.ok(options.includes(n), n);
  assert.deepEqual(errors, []);
  await page.close();
});

test('"Cite this" gives APA, Chicago and BibTeX with the version, the date, the content hash and the view', async () => {
  const { createHash } = await import('node:crypto');
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { DIST } = await import('./harness.mjs');
  const sums = readFileSync(join(DIST, 'data/SHA256SUMS'), 'utf8').trim().split('\n').map((l) => l.split('  '));
  for (const [hex, name] of sums) assert.equal(createHash('sha256').update(readFileSync(join(DIST, 'data', name))).digest('hex'), hex, name);
  const hash = sums.find(([, n]) => n === 'dataset.json')[0].slice(0, 16);
  const cell = f.ordered[0];
  const { page } = await open(s.browser, `${s.url}#cell=${cell.anchor}&panel=data`);
  await page.waitForSelector('.im-cite');
  for (const style of ['APA', 'Chicago', 'BibTeX']) {
    const text = await page.locator(`#cite-${style}`).inputValue();
    assert.ok(text.includes(s.data.version) && text.includes(hash), `${style}: ${text}`);
    assert.ok(text.includes(`${s.url}#cell=${cell.anchor}`), `${style} cites the view on screen: ${text}`);
  }
  await page.close();
});

test('the feeds have an entry per release, newest first, its events linked to their cells, and every correction once', async () => {
  const feed = await (await fetch(`${s.url}changes.json`)).json();
  assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
  const releases = s.data.releases ?? [];
  assert.equal(feed.items.length, Math.max(1, releases.length));
  assert.ok(feed.items[0].title.startsWith(`Version ${s.data.version}`), feed.items[0].title);
  assert.ok(feed.items.every((i) => i.id && i.date_published && i.content_text && i.content_html));
  for (const c of s.data.corrections ?? []) {
    assert.equal(feed.items.filter((i) => i.content_text.includes(c.text)).length, 1, c.text);
  }
  let link = null;
  for (const r of releases) {
    const item = feed.items.find((i) => i.id.endsWith(`:version-${r.version}`));
    assert.ok(item, r.version);
    for (const id of [...(r.added ?? []), ...(r.recoded ?? []).map((x) => x.event)]) {
      const e = s.data.events.find((x) => x.id === id);
      if (!e) continue;
      const anchor = `${e.company}.${e.pressure_types[0]}`;
      assert.ok(item.content_html.includes(`#cell=${anchor}`), `${r.version}: ${id} links to its cell`);
      link ??= { anchor, company: s.data.companies.find((c) => c.id === e.company).name };
    }
  }
  const page = await s.browser.newPage();
  await page.goto(s.url);
  const atom = await page.evaluate(async () => {
    const xml = new DOMParser().parseFromString(await (await fetch('changes.atom')).text(), 'application/xml');
    return { error: xml.querySelector('parsererror') != null, entries: xml.getElementsByTagName('entry').length };
  });
  assert.deepEqual(atom, { error: false, entries: feed.items.length });
  assert.equal(await page.locator('link[rel=alternate][type="application/feed+json"]').count(), 1);
  await page.close();
  if (link) {
    // A link from the feed opens its cell.
    const { page: p, errors } = await open(s.browser, `${s.url}#cell=${link.anchor}`);
    await p.waitForSelector('#im-detail-title');
    assert.ok((await p.locator('#im-detail-title').textContent()).startsWith(link.company));
    assert.deepEqual(errors, []);
    await p.close();
  }
});

test('a search over the events\' texts highlights the cells that hold matches, lists them, and survives a reload', async () => {
  // A distinctive word from the data: the longest in some event's summary.
  const words = s.data.events.flatMap((e) => e.summary.split(/[^A-Za-z]+/)).filter((w) => w.length >= 6);
  const word = words.sort((a, b) => b.length - a.length || (a < b ? -1 : 1))[0];
  const bySummary = s.data.events.map((e, i) => ({ ...e, i })).filter((e) => e.summary.toLowerCase().includes(word.toLowerCase()));
  const { page, errors } = await open(s.browser, s.url);
  await page.getByRole('combobox', { name: `Find a ${s.data.widget.row}` }).fill(word.toLowerCase());
  await page.waitForSelector('#im-results-title:has-text("matching")');
  const title = await page.locator('#im-results-title').textContent();
  const n = Number(title.match(/^(\d+) events? matching/)[1]);
  assert.ok(n >= bySummary.length, `${title} (at least the ${bySummary.length} whose summary has it)`);
  const texts = await page.locator('.im-results .im-events > li').allTextContents();
  assert.equal(texts.length, Math.min(n, 20));
  assert.ok(texts.every((t) => t.toLowerCase().includes(word.toLowerCase())), 'each listed event contains the word');
  const hit = new Set(await page.locator('button.im-cell[data-hit]').evaluateAll((bs) => bs.map((b) => b.id)));
  for (const e of bySummary) for (const c of f.ordered.filter((c) => c.events.some((x) => x.index === e.i))) assert.ok(hit.has(c.id), `${c.anchor} highlighted`);
  assert.match(await page.locator('button.im-cell[data-hit]').first().getAttribute('aria-label'), /, matches the search$/);
  await page.waitForFunction(() => location.hash.includes('q='));
  await page.reload();
  await page.waitForSelector('#im-results-title:has-text("matching")');
  assert.equal(await page.locator('#im-results-title').textContent(), title, 'the query survives a reload');
  assert.equal(await page.getByRole('combobox', { name: `Find a ${s.data.widget.row}` }).inputValue(), word.toLowerCase());
  assert.deepEqual(errors, []);
  await page.close();
});
