// Offline support. The shell (page, views, engine glue and wasm, samples) is
// cached under a version that is a hash of all its bytes (engine/shell.js, made
// by the build): it is fetched whole at install and served from that one cache,
// so the engine's glue and wasm always come from the same build. A new build
// changes engine/shell.js; the browser then installs the new set beside the old
// one and the old cache is deleted once the new one is complete.
importScripts('engine/shell.js');

const CACHE = `mail-preflight-${self.SHELL_VERSION}`;
const SHELL = new Set(self.SHELL_FILES.map((file) => new URL(file, self.registration.scope).href));

self.addEventListener('install', (event) => {
  // `cache: 'reload'` skips the HTTP cache: every file comes from the server as it is now.
  const requests = self.SHELL_FILES.map((file) => new Request(file, { cache: 'reload' }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('mail-preflight-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  url.search = '';
  url.hash = '';
  if (SHELL.has(url.href)) {
    // The shell of this version, whole: from its cache; the network only if the cache lost a file.
    event.respondWith(caches.open(CACHE).then((cache) => cache.match(url.href).then((hit) => hit || fetch(request))));
    return;
  }
  event.respondWith(fetch(request).catch(() => caches.match(request, { ignoreSearch: true })
    .then((hit) => hit || (request.mode === 'navigate' ? caches.match(new URL('./', self.registration.scope).href) : undefined))
    .then((hit) => hit || Response.error())));
});
