import { defineConfig } from 'vitest/config';
import LongestFirst from './test/support/longestFirst.ts';

// Four projects: pure rules, database-backed tests on embedded PGlite and on a PostgreSQL
// server (the same files), and the browser suite.
//
// The database tests share each worker's modules from one file to the next (isolate: false):
// evaluating Sot's whole module graph again for each of their 130-odd files cost more than a
// third of their time. Each file still gets a database of its own (test/support/db.ts), and state
// the modules keep is keyed by the database or the app (the reference values by the database's
// own id, the courts directory by its Db), so what one file leaves cannot reach the next.
export default defineConfig({
  test: {
    sequence: { sequencer: LongestFirst },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'] } },
      {
        extends: true,
        test: {
          name: 'pglite',
          include: ['test/db/**/*.test.{ts,tsx}'],
          isolate: false,
          env: { SOT_TEST_DB: 'pglite' },
          globalSetup: ['test/support/assetsSetup.ts', 'test/support/pgliteSetup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['test/db/**/*.test.{ts,tsx}'],
          isolate: false,
          env: { SOT_TEST_DB: 'postgres' },
          globalSetup: ['test/support/assetsSetup.ts', 'test/support/postgresSetup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/assetsSetup.ts', 'test/support/demoSetup.ts'],
          testTimeout: 300_000,
          hookTimeout: 120_000,
          // Two journeys at a time, each with its own demo server, data directory and port: the
          // browser suite is mostly waiting on pages, and two files side by side take about three
          // quarters of the time one after another take.
          maxWorkers: 2,
        },
      },
    ],
  },
});
