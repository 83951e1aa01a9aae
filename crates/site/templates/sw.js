// The widget's service worker (filled in by the build's site tool). Keeps the widget's own files for offline
// use: the first view's at install, anything else once it has been fetched. Files with a content hash in their
// name are served from the cache first; the page and the other files from the network first, falling back to
// the cache offline. A new version gets a new cache and deletes the old one when it activates.
// Named by the scope too: a pinned copy of the site (v/<version>/) has a worker and a cache of its own.
const SCOPE = ':' + self.registration.scope;
const CACHE = 'ice-matrix-' + '__VERSION__' + SCOPE;
const FILES = __FILES__;
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css|html)$/;

self.addEventListener('install', (e) => e.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting())));

self.addEventListener('activate', (e) => e.waitUntil(caches.keys()
  // This scope's older caches, and those named before caches had a scope.
  .then((keys) => Promise.all(keys.filter((k) => k.startsWith('ice-matrix-') && (k.endsWith(SCOPE) || !k.includes(':')) && k !== CACHE)
    .map((k) => caches.delete(k))))
  .then(() => self.clients.claim())));

// Keeps a successful response in the cache and passes it on.
const keep = (request) => (res) => {
  if (res.ok) {
    const copy = res.clone();
    caches.open(CACHE).then((c) => c.put(request, copy));
  }
  return res;
};

self.addEventListener('fetch', (e) => {
  const url = new URL(e.request.url);
  if (e.request.method !== 'GET' || url.origin !== location.origin) return;
  if (HASHED.test(url.pathname)) {
    e.respondWith(caches.match(e.request).then((hit) => hit || fetch(e.request).then(keep(e.request))));
    return;
  }
  e.respondWith(fetch(e.request).then(keep(e.request)).catch(() => caches.match(e.request, { ignoreSearch: true })
    .then((hit) => hit || (e.request.mode === 'navigate' ? caches.match('./index.html') : Response.error()))));
});
