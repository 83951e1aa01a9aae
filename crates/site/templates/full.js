// Loads the whole widget (filled in by the build's site tool). The first view's wasm adds this module to the page
// when a reader first asks for a part it leaves out; the whole widget then takes its place (see the widget's
// `ui::FULL`).
import init from './__GLUE__';

await init({ module_or_path: new URL('./__WASM__', import.meta.url) });
