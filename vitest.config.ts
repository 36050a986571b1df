import { defineConfig } from 'vitest/config';

/** What only the embedded engine has: its file, pragmas, file backups and restores. */
const SQLITE_ONLY = ['tests/integration/backups.test.ts', 'tests/integration/restore-*.test.ts', 'tests/integration/sqlite-*.test.ts'];

/**
 * Files that test what happens before or beside the database (file formats read the same way
 * whatever holds the data, files refused before anything is parsed, the browser-mode HTTP server,
 * the headless Chromium printer): the engine changes nothing they check, and they are among the
 * slowest files, so they run once, on SQLite. What a refused import leaves in the database is
 * checked on both engines by imports-refusals.
 */
const ENGINE_AGNOSTIC = [
  'tests/integration/imports-formats.test.ts',
  'tests/integration/import-wrong-files.test.ts',
  'tests/integration/web-server.test.ts',
  'tests/integration/report-printer.test.ts',
];

/**
 * The integration suite runs twice: on SQLite files and on a real PostgreSQL server (a
 * throwaway cluster, a fresh database per test core). Unit tests need no database engine.
 */
export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core CI runner,
    // which left the second core idle while PostgreSQL and fsyncs kept the first one waiting.
    maxWorkers: 2,
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
