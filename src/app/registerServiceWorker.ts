/** Registers public/sw.js in production builds so the app opens even when a reload happens offline. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // not fatal: the app works online without it
    });
  });
}
