// Every reader can use it: the keyboard walk of the WAI-ARIA grid, accessible names, and an axe-core
// audit (WCAG 2.2 A and AA) in both themes, with a cell open and closed, and with each panel; and the same
// audit plus axe's best practices on the first view without JavaScript and on sources.html.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { open, suite, fragmentsShown } from './harness.mjs';
import { facts } from './facts.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const s = suite();
const f = facts(s.data);

const focused = (page) => page.evaluate(() => document.activeElement.id);

test('the keyboard walks the grid: one tab stop, arrows, Home/End, Ctrl+Home/End, Enter, Escape, Tab out', async () => {
  const { page } = await open(s.browser, s.url);
  const stops = await page.locator('.im-matrix [tabindex="0"]').count();
  assert.equal(stops, 1, 'one tab stop in the grid');
  const first = await page.locator('.im-matrix [tabindex="0"]').getAttribute('id');
  await page.locator(`[id="${first}"]`).focus();
  const rows = await page.locator('.im-matrix tbody tr:not([hidden]):not(.im-open-row)').count();
  const cols = s.data.pressure_types.length;
  const id = async () => (await focused(page)).split('-').slice(1).map(Number);
  const rowOf = async () => {
    const [c] = await id();
    return page.evaluate((c) => [...document.querySelectorAll('.im-matrix tbody tr:not([hidden]):not(.im-open-row)')].findIndex((tr) => tr.querySelector(`[id^="cell-${c}-"]`)), c);
  };
  await page.keyboard.press('ArrowRight');
  assert.deepEqual((await id())[1], 1);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.deepEqual((await id())[1], 0, 'stops at the left edge');
  await page.keyboard.press('ArrowDown');
  assert.equal(await rowOf(), 1);
  await page.keyboard.press('End');
  assert.equal((await id())[1], cols - 1);
  await page.keyboard.press('ArrowRight');
  assert.equal((await id())[1], cols - 1, 'stops at the right edge');
  await page.keyboard.press('Home');
  assert.equal((await id())[1], 0);
  await page.keyboard.press('Control+End');
  assert.equal(await rowOf(), rows - 1);
  assert.equal((await id())[1], cols - 1);
  await page.keyboard.press('ArrowDown');
  assert.equal(await rowOf(), rows - 1, 'stops at the bottom');
  await page.keyboard.press('Control+Home');
  assert.equal(await rowOf(), 0);
  assert.equal((await id())[1], 0);
  assert.equal(await page.locator('.im-matrix [tabindex="0"]').count(), 1, 'still one tab stop');
  // Walk right to the first cell with events, open it, close it.
  for (let i = 0; i < cols && !(await page.evaluate(() => document.activeElement.tagName === 'BUTTON')); i++) {
    await page.keyboard.press('ArrowRight');
  }
  const cell = await focused(page);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#im-detail');
  assert.equal(await focused(page), 'im-detail-title');
  await page.keyboard.press('Escape');
  assert.equal(await focused(page), cell, 'Escape returns to the same cell');
  await page.keyboard.press(' ');
  await page.waitForSelector('#im-detail');
  await page.keyboard.press('Escape');
  // Tab leaves the grid: no keyboard trap.
  await page.locator(`[id="${cell}"]`).focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => !!document.activeElement.closest('.im-matrix')), false);
  await page.close();
});

test('cells say in words what their colour says', async () => {
  const { page } = await open(s.browser, s.url);
  const names = await page.locator('button.im-cell').evaluateAll((bs) => bs.slice(0, 12).map((b) => b.getAttribute('aria-label')));
  const outcomes = s.data.outcomes.map((o) => o.short);
  // And the browser agrees: the first cell is found by that name.
  assert.equal(await page.getByRole('button', { name: names[0], exact: true }).count(), 1);
  for (const n of names) {
    assert.match(n, /^.+, .+: .+, (\d+ of )?\d+ events?, latest (\w{3} )?\d{4}(, the others with other outcomes)?$/, n);
    assert.ok(outcomes.some((o) => n.includes(`: ${o},`)), n);
  }
  const empty = await page.locator('td.im-empty').first().getAttribute('aria-label');
  assert.match(empty, /: no events$/);
  assert.equal(await page.locator('table[role=grid] caption').count(), 1);
  // Hiding the first outcome is announced with the rows and events still shown.
  await page.locator('.im-key').first().click();
  assert.equal(await page.locator('.im-live[role=status]').textContent(), f.shown({ hide: new Set([s.data.outcomes[0].id]) }).status);
  await page.close();
});

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const AXE_SOURCE = readFileSync(AXE, 'utf8');

/**
 * The same with best practices, for a page whose own scripts are off (javaScriptEnabled: false). A script tag would
 * not run there, so the test evaluates axe itself (the DevTools protocol still runs the test's code, and promise
 * callbacks, but no timer fires). axe waits on zero-delay timers between its steps: those run as promise callbacks;
 * its timers with a delay are time limits (frames that never answer, a preload that hangs), which never fire here.
 */
async function auditStatic(page) {
  await page.evaluate(() => {
    window.setTimeout = (fn, ms, ...args) => { if (!ms) Promise.resolve().then(() => fn(...args)); return 0; };
    window.clearTimeout = () => {};
  });
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (values) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values } });
    return {
      violations: r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`),
      passes: r.passes.map((v) => v.id),
    };
  }, [...WCAG, 'best-practice']);
}

/** axe-core's violations on the page, one line each. Injected by the test (the page's policy is bypassed). */
async function audit(page, tags = WCAG) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (values) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values } });
    return r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }, tags);
}

for (const scheme of ['light', 'dark']) {
  test(`axe-core finds no violation in the ${scheme} theme, panel closed and open, list and panels`, async () => {
    const ctx = await s.browser.newContext({ colorScheme: scheme, bypassCSP: true });
    const page = await ctx.newPage();
    for (const hash of ['', `#cell=${f.severalEvents().anchor}`, '#view=list', '#panel=why', '#panel=movement', '#panel=method', '#panel=data', '#panel=embed']) {
      await page.goto(s.url + hash);
      await page.reload();
      await page.waitForSelector('.im:not(.im-static)');
      await fragmentsShown(page);
      if (hash.startsWith('#cell=')) await page.waitForSelector('#im-detail .im-event');
      assert.deepEqual(await audit(page), [], `${scheme} ${hash || 'default'}`);
    }
    await ctx.close();
  });

  test(`axe-core with best practices finds no violation without JavaScript and on sources.html, ${scheme} theme`, async () => {
    const ctx = await s.browser.newContext({ colorScheme: scheme, javaScriptEnabled: false, bypassCSP: true });
    const page = await ctx.newPage();
    for (const path of ['', 'sources.html']) {
      await page.goto(s.url + path);
      assert.equal(await page.locator('.im-static, main.im').count() > 0, true, `${path || 'index.html'} is the static page`);
      const { violations, passes } = await auditStatic(page);
      assert.deepEqual(violations, [], `${scheme} ${path || 'index.html'} without JavaScript`);
      // The audit did run its best practices, among them one main landmark and one h1, and contrast in this theme.
      for (const rule of ['landmark-one-main', 'page-has-heading-one', 'region', 'heading-order', 'color-contrast']) {
        assert.ok(passes.includes(rule), `${path || 'index.html'}: ${rule} checked and passed`);
      }
    }
    await ctx.close();
  });
}

test('at 200% zoom (640 px wide) nothing is lost and the page does not scroll sideways', async () => {
  const ctx = await s.browser.newContext({ viewport: { width: 640, height: 800 }, deviceScaleFactor: 2 });
  const page = await ctx.newPage();
  await page.goto(s.url);
  await page.waitForSelector('button.im-cell');
  await page.evaluate(() => { document.documentElement.style.zoom = '2'; });
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.scrollingElement.scrollWidth, width: window.innerWidth }));
  assert.ok(scroll <= width + 1, `${scroll} > ${width}`);
  await ctx.close();
});
