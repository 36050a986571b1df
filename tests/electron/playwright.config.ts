import { defineConfig } from '@playwright/test';

// Run through tests/electron/run.mjs, which finds the Electron binary and builds main/preload first.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  outputDir: '../../test-results/electron',
});
