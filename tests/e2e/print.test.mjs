// Print: the matrix fits one A4 page, and an open cell prints its events with their links written out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, suite, fragmentsShown } from './harness.mjs';

const s = suite();

const pages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;

test('the matrix prints on one page; an open cell adds its events with their addresses', async () => {
  const { page } = await open(s.browser, s.url);
  await page.emulateMedia({ media: 'print' });
  assert.equal(pages(await page.pdf({ format: 'A4', printBackground: true })), 1);
  assert.equal(await page.locator('.im-tabs').isVisible(), false, 'controls are not printed');
  await page.locator('button.im-cell').first().click();
  await page.waitForSelector('#im-detail');
  await fragmentsShown(page);
  assert.ok(pages(await page.pdf({ format: 'A4', printBackground: true })) >= 2);
  // On screen, events far below are not laid out until scrolled to (content-visibility); on paper every one is.
  assert.ok(await page.locator('.im-event').evaluateAll((es) => es.every((e) => getComputedStyle(e).contentVisibility === 'visible')));
  const after = await page.locator('.im-sources a').first().evaluate((a) => getComputedStyle(a, '::after').content);
  assert.match(after, /https?:\/\//, 'the link address is printed');
  await page.close();
});
