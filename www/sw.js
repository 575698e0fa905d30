// Offline support: the app shell and the engine are cached; every request goes
// to the network first (so a rebuilt engine is picked up) and falls back to the
// cache when offline. Only same-origin GET requests are handled.
const CACHE = 'mail-preflight-v1';
const SHELL = [
  './', 'index.html', 'style.css', 'app.js', 'worker.js', 'preview.html',
  'lib/engine-client.mjs', 'lib/source.mjs', 'lib/mime.mjs', 'lib/preview.mjs', 'lib/php.mjs',
  'lib/charts.mjs', 'lib/simulate-view.mjs', 'views/rules-editor.mjs',
  'engine/mail_preflight.js', 'engine/mail_preflight_bg.wasm', 'samples/contact-form.eml',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreSearch: true }).then((hit) => hit || caches.match('index.html'))),
  );
});
