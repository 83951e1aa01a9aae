// Writes docs/screenshot.png from the built widget: `node tests/e2e/screenshot.mjs [hash] [width] [height]`.
// The default hash opens the first cell with several events of the dataset that was built.
import { fileURLToPath } from 'node:url';
import { dataset, serve, launch, open, fragmentsShown } from './harness.mjs';
import { facts } from './facts.mjs';

const [hash = `#cell=${facts(dataset()).severalEvents().anchor}`, width = '1000'] = process.argv.slice(2);
const server = await serve();
const browser = await launch();
const { page, errors } = await open(browser, server.url + hash, { width: Number(width), height: Number(process.argv[4] ?? 1300) });
await fragmentsShown(page);
await page.screenshot({ path: fileURLToPath(new URL('../../docs/screenshot.png', import.meta.url)), fullPage: false });
if (errors.length) console.error(errors.join('\n'));
await browser.close();
await server.close();
