import { defineConfig } from 'vitest/config';

/** What only the embedded engine has: its file, pragmas, file backups and restores. */
const SQLITE_ONLY = ['tests/integration/backups.test.ts', 'tests/integration/restore-*.test.ts', 'tests/integration/sqlite-*.test.ts'];

/**
 * Files that test what happens before or beside the database (file formats read the same way whatever holds the data, the
 * headless Chromium printer): the engine changes nothing they check, and they are among the
 * slowest files, so they run once, on SQLite.
 */
const ENGINE_AGNOSTIC = ['tests/integration/imports-formats.test.ts', 'tests/integration/report-printer.test.ts'];

/**
 * The integration suite runs twice: on SQLite files and on a real PostgreSQL server (a
 * throwaway cluster, a fresh database per test core). Unit tests need no database engine.
 */
export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'], env: { BHXH_TEST_ENGINE: 'sqlite' } } },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['tests/integration/**/*.test.ts', 'tests/postgres/**/*.test.ts'],
          exclude: [...SQLITE_ONLY, ...ENGINE_AGNOSTIC],
          env: { BHXH_TEST_ENGINE: 'postgres' },
          globalSetup: ['tests/helpers/vitestPgSetup.ts'],
        },
      },
    ],
  },
});
