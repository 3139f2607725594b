// Registers public/sw.js in production builds so the app opens even when a reload happens offline.
// Its install downloads the phone's whole app shell (≈ 100 KB): on the join and phone routes that
// waits until the participant's view is showing and the browser is idle, so it never shares a
// slow link with the form or the view the person is waiting for.

/** How often an open tab asks whether a new build's worker is there (a meeting lasts hours). */
const UPDATE_CHECK_MS = 30 * 60 * 1000;
/** After the view shows, its sockets sync first. */
const AFTER_VIEW_MS = 1500;

let state: 'waiting' | 'requested' | 'registered' = 'waiting';
let waitForView = false;

function whenIdle(fn: () => void, timeout: number) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout });
  else setTimeout(fn, 200);
}

function register() {
  if (state === 'registered') return;
  state = 'registered';
  navigator.serviceWorker.register('/sw.js').then(
    (registration) => {
      // a new build's worker installs, takes over and keeps the old shell for this tab (see sw.js)
      const check = () => void registration.update().catch(() => undefined);
      setInterval(check, UPDATE_CHECK_MS);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') check();
      });
      window.addEventListener('online', check);
    },
    () => {
      // not fatal: the app works online without it
    },
  );
}

function registerWhenIdle(delay: number) {
  if (state !== 'waiting') return;
  state = 'requested';
  setTimeout(() => whenIdle(register, 5000), delay);
}

/** The join and phone pages wait for `participantViewShown`; other pages register once loaded and idle. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // a phone that already has a worker: nothing to download unless a new build is out
  if (navigator.serviceWorker.controller) return registerWhenIdle(0);
  waitForView = /^\/(j\/[^/]+|m\/[^/]+\/p)\/?$/.test(location.pathname);
  if (waitForView) return;
  // the join page runs the app after its form is painted, which can be after the page's load event
  if (document.readyState === 'complete') registerWhenIdle(0);
  else window.addEventListener('load', () => registerWhenIdle(0), { once: true });
}

/** The participant's view is on screen: the shell may download now, when the phone is idle. */
export function participantViewShown(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !waitForView) return;
  registerWhenIdle(AFTER_VIEW_MS);
}
