// Loaded by every unit/component test. jest-dom matchers; and unmount rendered trees after each
// test in jsdom files so one test's screen never leaks into the next.
import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';

afterEach(async () => {
  if (typeof document === 'undefined') return;
  const { cleanup } = await import('@testing-library/react');
  cleanup();
});
