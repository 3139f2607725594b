import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const RELAY = 'tests/relay/**/*.test.ts';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      '@common': fileURLToPath(new URL('./common', import.meta.url)),
    },
  },
  test: {
    environment: 'node',
    setupFiles: ['./tests/setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'default',
          sequence: { groupOrder: 0 },
          include: ['src/**/*.test.{ts,tsx}', 'common/**/*.test.ts', 'server/**/*.test.ts', RELAY],
        },
      },
      {
        // the relay's integration suite again, on PostgreSQL (a throw-away cluster), plus the
        // tests of what only PostgreSQL has: migrations, meeting locks across instances, store:copy
        extends: true,
        test: {
          name: 'postgres',
          include: [RELAY, 'tests/postgres/**/*.test.ts'],
          // no store in them: 40 s of a quiet socket's keepalive, and serving the built files
          exclude: ['tests/relay/keepalive.test.ts', 'tests/relay/static.test.ts', '**/node_modules/**'],
          env: { TEST_STORE: 'postgres' },
          globalSetup: ['./tests/postgres/globalSetup.ts'],
          // after the default project, not beside it: the two relay suites at once on 2 cores made
          // the tests that spawn relay processes time out
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
