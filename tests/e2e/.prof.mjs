// temporary CPU profiling helper (not committed)
import { serve, launch } from './harness.mjs';
const which = process.argv[2] ?? 'open';
const reps = Number(process.argv[3] ?? 10);
const s = await serve(process.argv[4]);
const b = await launch();
const page = await b.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(s.url);
await page.waitForSelector('button.im-cell');
await page.mouse.move(300, 400);
await page.waitForTimeout(800);
const cdp = await page.context().newCDPSession(page);
async function act(i) {
  if (which === 'open') {
    const el = page.locator(`:nth-match(button.im-cell, ${1 + (i * 7) % 90})`);
    await el.scrollIntoViewIfNeeded(); const bx = await el.boundingBox();
    await page.mouse.click(bx.x + bx.width / 2, bx.y + bx.height / 2);
    await page.waitForTimeout(100);
    await page.keyboard.press('Escape');
  } else if (which === 'toggle') {
    const el = page.locator(`:nth-match(button.im-key, 4)`);
    const bx = await el.boundingBox();
    await page.mouse.click(bx.x + bx.width / 2, bx.y + bx.height / 2);
  } else if (which === 'sector') {
    await page.focus('.im-filters select');
    await page.keyboard.press(i % 7 === 6 ? 'Home' : 'ArrowDown');
  }
  await page.waitForTimeout(100);
}
await act(0);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
for (let i = 1; i <= reps; i++) await act(i);
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const counts = new Map();
for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
const dt = (profile.endTime - profile.startTime) / profile.samples.length / 1000;
for (const [id, c] of counts) { const n = byId.get(id); const k = n.callFrame.functionName || n.callFrame.url.split('/').pop() || '(anon)'; self.set(k, (self.get(k) ?? 0) + c * dt); }
// inclusive for wasm functions: walk parents
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map();
for (const [id, c] of counts) { const seen = new Set(); let x = id; while (x != null) { const n = byId.get(x); const k = n.callFrame.functionName || '(anon)'; if (!seen.has(k)) { incl.set(k, (incl.get(k) ?? 0) + c * dt); seen.add(k); } x = parent.get(x); } }
const top = (m, n) => [...m].filter(([k]) => !['(idle)', '(program)', '(root)', '(garbage collector)'].includes(k) || true).sort((a, b) => b[1] - a[1]).slice(0, n);
console.log('SELF'); for (const [k, v] of top(self, 25)) console.log((v / reps).toFixed(2), 'ms/op', k.slice(0, 140));
console.log('INCLUSIVE'); for (const [k, v] of top(incl, 400)) console.log((v / reps).toFixed(2), 'ms/op', k.slice(0, 140));
await b.close(); await s.close();
