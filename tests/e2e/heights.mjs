// Measures the default view's height at common frame widths, as the widget itself announces it to the host
// (its AMP-style resize message), in the system Chromium. Used by scripts/measure-heights, which writes the
// result beside the dataset for the embed code to reserve, and by embed.test.mjs, which checks that what the
// build reserves is still what the widget measures.

/** Phone and tablet widths readers use, and desktop article columns. */
export const WIDTHS = [320, 360, 390, 414, 600, 768, 1024, 1280];

/** The height (px) the widget at `url` announces in a frame `width` px wide, once it has stopped changing. */
export async function measure(browser, url, width) {
  const { heights } = await announced(browser, url, width);
  return heights[heights.length - 1];
}

/**
 * Every height the widget at `url` announces in a frame `width` px wide, in order, until it stops changing, and
 * whether it is laid out as cards (the matrix's header row moved off screen).
 */
export async function announced(browser, url, width) {
  const page = await browser.newPage({ viewport: { width: width + 40, height: 900 } });
  try {
    await page.setContent('<!doctype html><body style="margin:0"></body>');
    await page.evaluate(({ url, width }) => {
      window.__heights = [];
      addEventListener('message', (e) => {
        if (e.data && e.data.sentinel === 'amp' && e.data.type === 'embed-size') window.__heights.push([performance.now(), e.data.height]);
      });
      const f = document.createElement('iframe');
      f.src = url;
      f.style.cssText = `width:${width}px;height:720px;border:0`;
      document.body.append(f);
    }, { url, width });
    // Settled: a height came, and none for a second after it.
    await page.waitForFunction(() => {
      const h = window.__heights;
      return h.length > 0 && performance.now() - h[h.length - 1][0] > 1000;
    }, null, { timeout: 60_000, polling: 100 });
    const heights = await page.evaluate(() => window.__heights.map(([, h]) => h));
    const cards = await page.frames()[1].evaluate(() => getComputedStyle(document.querySelector('.im-matrix thead')).position === 'absolute');
    return { heights, cards };
  } finally {
    await page.close();
  }
}

/**
 * The heights at every width in WIDTHS and on both sides of the switch from cards to the grid (found by halving
 * the interval, since it depends on the stylesheet's breakpoint and the widget's padding): [{ width, height }].
 */
export async function measureAll(browser, url) {
  const at = new Map();
  const get = async (width) => {
    if (!at.has(width)) {
      const { heights, cards } = await announced(browser, url, width);
      at.set(width, { width, height: heights[heights.length - 1], cards });
    }
    return at.get(width);
  };
  for (const width of WIDTHS) await get(width);
  let lo = WIDTHS.filter((w) => at.get(w).cards).pop();
  let hi = WIDTHS.find((w) => !at.get(w).cards);
  if (lo != null && hi != null && lo < hi) {
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((await get(mid)).cards) lo = mid; else hi = mid;
    }
  }
  return [...at.values()].filter((r) => WIDTHS.includes(r.width) || r.width === lo || r.width === hi)
    .sort((a, b) => a.width - b.width).map(({ width, height }) => ({ width, height }));
}

/** Reads a heights file (the [[frame]] tables scripts/measure-heights writes). */
export function parseHeights(text) {
  const rows = [];
  for (const m of text.matchAll(/\[\[frame\]\]\s*width\s*=\s*(\d+)\s*height\s*=\s*(\d+)/g)) rows.push({ width: +m[1], height: +m[2] });
  return rows;
}

/** Writes the heights file's text. */
export function formatHeights(rows) {
  return [
    '# The default view\'s height in px at each frame width, measured in Chromium by scripts/measure-heights.',
    '# The embed code reserves these heights so that the article around the frame does not move while the',
    '# widget loads. Measure again after changing the dataset or the stylesheet (the browser tests say when).',
    ...rows.map((r) => `\n[[frame]]\nwidth = ${r.width}\nheight = ${r.height}`),
  ].join('\n') + '\n';
}
