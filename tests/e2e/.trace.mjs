// temporary profiling helper (not committed)
import { serve, launch } from './harness.mjs';
const which = process.argv[2] ?? 'open';
const reps = Number(process.argv[3] ?? 6);
const s = await serve(process.env.DIST);
const b = await launch();
const page = await b.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(s.url);
await page.waitForSelector('button.im-cell');
await page.mouse.move(300, 400);
await page.waitForTimeout(800);
const cdp = await page.context().newCDPSession(page);
const events = [];
cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
const sum = {};
async function act(i) {
  if (which === 'open') {
    const el = page.locator(`:nth-match(button.im-cell, ${1 + i * 7})`);
    await el.scrollIntoViewIfNeeded(); const bx = await el.boundingBox();
    await page.mouse.click(bx.x + bx.width / 2, bx.y + bx.height / 2);
    await page.waitForTimeout(150);
    await page.keyboard.press('Escape');
  } else if (which === 'toggle') {
    const el = page.locator(`:nth-match(button.im-key, 4)`);
    const bx = await el.boundingBox();
    await page.mouse.click(bx.x + bx.width / 2, bx.y + bx.height / 2);
  } else if (which === 'sector') {
    await page.focus('.im-filters select');
    await page.keyboard.press(i % 7 === 6 ? 'Home' : 'ArrowDown');
  }
  await page.waitForTimeout(200);
}
await act(0);
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing', transferMode: 'ReportEvents' });
for (let i = 1; i <= reps; i++) await act(i);
await new Promise((ok) => { cdp.once('Tracing.tracingComplete', ok); cdp.send('Tracing.end'); });
// main thread: find renderer main thread tid with most RunTask
const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur > 3000);
const byTid = {};
for (const t of events.filter((e) => e.name === 'EventDispatch')) byTid[t.tid] = (byTid[t.tid] ?? 0) + 1;
const tid = Number(Object.entries(byTid).sort((a, b) => b[1] - a[1])[0]?.[0]);
for (const t of tasks.filter((t) => t.tid === tid).sort((a, b) => b.dur - a.dur).slice(0, 12)) {
  const inside = events.filter((e) => e.tid === tid && e.ph === 'X' && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e !== t);
  const agg = {};
  for (const e of inside) if (['EventDispatch', 'FunctionCall', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'v8.callFunction', 'HitTest', 'ParseHTML', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'V8.GC_SCAVENGER', 'MinorGC', 'MajorGC', 'UpdateLayer', 'Commit'].includes(e.name)) agg[e.name] = (agg[e.name] ?? 0) + e.dur;
  const ev = [...new Set(inside.filter((e) => e.name === 'EventDispatch').map((e) => e.args?.data?.type))].join(',');
  console.log((t.dur / 1000).toFixed(1), 'ms', ev.slice(0, 30), Object.entries(agg).map(([k, v]) => `${k}=${(v / 1000).toFixed(1)}`).join(' '));
  if (process.env.DETAIL) for (const e of inside.filter((e) => ['UpdateLayoutTree', 'Layout', 'PrePaint', 'ParseHTML', 'HitTest', 'FunctionCall'].includes(e.name) && e.dur > 300).sort((a, b) => a.ts - b.ts))
    console.log('   ', ((e.ts - t.ts) / 1000).toFixed(1), e.name, (e.dur / 1000).toFixed(1), JSON.stringify(e.args?.beginData ?? e.args?.data ?? {}).slice(0, 120));
}
await b.close(); await s.close();
