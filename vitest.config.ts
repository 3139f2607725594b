import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// vitest's file order, with the files that mostly wait put first: without a results cache (a fresh
// CI clone) vitest starts the largest files first, so the keepalive test's 37 s of an idle socket
// ran last, alone, while the other worker had nothing left to do. Started first, it waits beside
// the rest.
const WAITS_FIRST = ['tests/relay/keepalive.test.ts'];

class WaitsFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const waits = (f: TestSpecification) => WAITS_FIRST.some((p) => f.moduleId.endsWith(`/${p}`));
    return [...sorted.filter(waits), ...sorted.filter((f) => !waits(f))];
  }
}

const RELAY = 'tests/relay/**/*.test.ts';
const FAILOVER = 'tests/postgres/cluster.test.ts';

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
    // two test files at a time (vitest's default on 2 cores is one): most of a relay test is
    // waiting on sockets, timers and PostgreSQL, so the second file fills the first one's waits.
    // The projects still run one after another (sequence.groupOrder), and the failover test alone.
    maxWorkers: 2,
    sequence: { sequencer: WaitsFirstSequencer },
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
          // no store in them: 40 s of a quiet socket's keepalive, and serving the built files;
          // the failover test runs in its own project below
          exclude: ['tests/relay/keepalive.test.ts', 'tests/relay/static.test.ts', FAILOVER, '**/node_modules/**'],
          env: { TEST_STORE: 'postgres' },
          globalSetup: ['./tests/postgres/globalSetup.ts'],
          // after the default project, not beside it: the two relay suites at once on 2 cores made
          // the tests that spawn relay processes time out
          sequence: { groupOrder: 1 },
        },
      },
      {
        // three instances, HAProxy and 160 phones, measured against the 5 s failover bound:
        // last, and with no other file beside it
        extends: true,
        test: {
          name: 'failover',
          include: [FAILOVER],
          env: { TEST_STORE: 'postgres' },
          globalSetup: ['./tests/postgres/globalSetup.ts'],
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
