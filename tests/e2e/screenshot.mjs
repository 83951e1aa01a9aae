// Writes docs/screenshot.png from the built widget: `node tests/e2e/screenshot.mjs [hash] [width] [height]`.
import { fileURLToPath } from 'node:url';
import { serve, launch, open, fragmentsShown } from './harness.mjs';

const [hash = '#cell=palantir.employee-letter', width = '1000'] = process.argv.slice(2);
const server = await serve();
const browser = await launch();
const { page, errors } = await open(browser, server.url + hash, { width: Number(width), height: Number(process.argv[4] ?? 1300) });
await fragmentsShown(page);
await page.screenshot({ path: fileURLToPath(new URL('../../docs/screenshot.png', import.meta.url)), fullPage: false });
if (errors.length) console.error(errors.join('\n'));
await browser.close();
await server.close();
