// node tests/e2e/measure-heights.mjs OUT_FILE: measures the built widget (ICE_MATRIX_DIST or dist/) at each width
// and writes the heights file. Run through scripts/measure-heights, which builds first and after.
import { writeFileSync } from 'node:fs';
import { launch, serve } from './harness.mjs';
import { formatHeights, measureAll } from './heights.mjs';

const out = process.argv[2];
if (!out) throw new Error('usage: node tests/e2e/measure-heights.mjs OUT_FILE');
const server = await serve();
const browser = await launch();
try {
  const rows = await measureAll(browser, server.url);
  writeFileSync(out, formatHeights(rows));
  for (const r of rows) console.log(`${String(r.width).padStart(5)} px wide: ${r.height} px`);
} finally {
  await browser.close();
  await server.close();
}
