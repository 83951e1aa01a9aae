// The one-file build starts the wasm from its own bytes, inlined below as base64, with the glue's `__wbg_init`
// (the glue is inlined just above this, unminified, so the name is kept).
const bytes = Uint8Array.from(atob('__WASM__'), (c) => c.charCodeAt(0));
await __wbg_init({ module_or_path: bytes });
