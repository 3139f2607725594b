/** Registers public/sw.js in production builds so the app opens even when a reload happens offline. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // not fatal: the app works online without it
    });
  };
  // the join page runs the app after its form is painted, which can be after the page's load event
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
