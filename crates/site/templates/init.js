// The widget's loader (written by the build's site tool around Trunk's own loader, which it moves here from
// the page so the page runs under a strict Content-Security-Policy).
//
// The wasm's download starts at once, here rather than from a preload link in the page: WebKit does not give a
// preloaded file to fetch(), so Safari downloaded it twice. Low priority: on a slow network the stylesheets,
// which the first paint waits for, come first (Chromium; others ignore the hint).
const wasmResponse = fetch(/* WASM_URL */, { priority: 'low' });

// The first view is already markup: let it paint before the wasm is compiled and run, which on a small device
// competes with that first paint for the CPU. A timeout bounds the wait where frames are not produced (a
// hidden tab). Trunk's import declarations below are hoisted, so the glue still loads at once.
await new Promise((ok) => {
  requestAnimationFrame(() => setTimeout(ok, 0));
  setTimeout(ok, 100);
});

/* TRUNK_LOADER */

// Keep the widget's files for offline use where a service worker can be registered (not from disk, not in a
// frame with an opaque origin).
try {
  if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
    navigator.serviceWorker.register('./sw.js').catch(() => {});
  }
} catch (e) {
  // A sandboxed frame may throw on `navigator.serviceWorker`: the widget works without it.
}
