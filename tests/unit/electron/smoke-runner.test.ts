import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

describe('tests/electron/run.mjs', () => {
  it('says in one line that it skipped, and succeeds, when no Electron binary exists', () => {
    // Point Electron's own override at an empty folder so this holds even where Electron is installed.
    const empty = mkdtempSync(join(tmpdir(), 'bhxh-no-electron-'));
    try {
      const result = spawnSync(process.execPath, [join(root, 'tests', 'electron', 'run.mjs')], {
        cwd: root,
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(result.status).toBe(0);
      expect(result.stdout).toBe('Electron smoke test skipped: Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD)\n');
      expect(result.stderr).toBe('');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
