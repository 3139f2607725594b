// Keeps the app itself on the phone, so a tab reloaded while the venue Wi-Fi is down still opens
// and shows what is stored on the device (the meeting data is in IndexedDB).
// At install it stores the whole app shell of one build (the build writes the list and version
// below), so a phone that opened the join link once opens offline in any phase. Each deploy gets
// its own cache, filled completely before it is used, so a phone never mixes two builds.
// A new build's worker takes over open tabs at once, but a tab keeps running the build it loaded:
// the previous build's cache stays (only older ones go), and a hashed file found in no cache comes
// from the server, which keeps earlier builds' files (server/http/assetArchive.ts).
// Pages: network first, this build's page when offline. Hashed assets: any build's cache first.
// The API and the websocket are never cached.
const VERSION = '__SHELL_VERSION__';
const SHELL = [/*__SHELL_FILES__*/];
const PREFIX = 'svv-shell-';
const CACHE = PREFIX + VERSION;
// a dead access point can leave a request hanging: show the stored app instead of a blank tab
const NAVIGATION_TIMEOUT_MS = 6000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // the page revalidates; hashed files may come from the HTTP cache, they never change
      .then((cache) => cache.addAll(SHELL.map((url) => new Request(url, { cache: url.startsWith('/assets/') ? 'default' : 'no-cache' }))))
      .then(() => self.skipWaiting()),
  );
});

// the shell before this one stays for tabs still running it (their next phase's view is in it);
// builds before that go. keys() lists caches in the order they were made
const KEEP_PREVIOUS = 1;

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => {
        const older = keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE);
        return Promise.all(older.slice(0, Math.max(0, older.length - KEEP_PREVIOUS)).map((key) => caches.delete(key)));
      })
      .then(() => self.clients.claim()),
  );
});

function fromShell(request) {
  return caches.open(CACHE).then((cache) => cache.match(request));
}

/** A hashed file from any build's shell: names differ between builds, so any match is the right file. */
function fromAnyShell(request) {
  return caches.match(request);
}

function networkWithin(request, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    fetch(request).then(
      (response) => {
        clearTimeout(timer);
        resolve(response);
      },
      (err) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/ws') || url.pathname === '/healthz') return;

  if (request.mode === 'navigate') {
    // every route is the same single-page app: this build's page opens any of them
    event.respondWith(
      networkWithin(request, NAVIGATION_TIMEOUT_MS).catch(() => fromShell('/').then((cached) => cached || Response.error())),
    );
    return;
  }

  if (url.pathname.startsWith('/assets/') || url.pathname === '/favicon.svg') {
    event.respondWith(
      (url.pathname.startsWith('/assets/') ? fromAnyShell(request) : fromShell(request)).then(
        (cached) =>
          cached ||
          fetch(request).then((response) => {
            // hashed: safe to keep beside the shell (e.g. a view the list did not name)
            if (response.ok && url.pathname.startsWith('/assets/')) {
              const copy = response.clone();
              caches.open(CACHE).then((cache) => cache.put(request, copy));
            }
            return response;
          }),
      ),
    );
  }
});
