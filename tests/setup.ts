// Loaded by every unit/component test. jest-dom matchers; and unmount rendered trees after each
// test in jsdom files so one test's screen never leaks into the next.
import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
// components are tested outside their routes: the facilitator-only strings too (the app loads them with its route)
import '@/i18n/facilitator';

afterEach(async () => {
  if (typeof document === 'undefined') return;
  const { cleanup } = await import('@testing-library/react');
  cleanup();
});
