// Loads the whole widget (filled in by the build's site tool). The first view's wasm adds this module to the page
// when a reader first asks for a part it leaves out; the whole widget then takes its place (see the widget's
// `ui::FULL`).
import init from './__GLUE__';

// The whole widget's own styles first (the first view's stylesheet leaves them out), so that nothing it draws
// shows unstyled; it starts whether they load or not, and after a second at most (an engine may never report
// the sheet's load, as WebKit sometimes did with the service worker answering).
const css = document.createElement('link');
css.rel = 'stylesheet';
css.href = new URL('./__CSS__', import.meta.url);
await new Promise((ok) => {
  css.onload = css.onerror = ok;
  setTimeout(ok, 1000);
  document.head.append(css);
});

await init({ module_or_path: new URL('./__WASM__', import.meta.url) });
