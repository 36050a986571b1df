import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backupsDir } from '../../electron/core/backups/backups';
import { dbPathIn } from '../../electron/core/db/open';
import { cli } from '../helpers/cli';
import { FIXTURE, fixturePath, tempDataDir } from '../helpers/fixtures';

/** File backups, restores and data-folder rules of the CLI: the embedded engine's (PostgreSQL is backed up by its administrator). */
async function unitCount(dataDir: string): Promise<number> {
  const db = new Database(dbPathIn(dataDir), { readonly: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM units').pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('CLI on the data folder', () => {
  it('backup, backups --json and restore <name> work', async () => {
    const dir = tempDataDir();
    await cli('units', 'import', fixturePath(FIXTURE.unitsHongDan), '--data-dir', dir);
    const made = await cli('backup', '--json', '--data-dir', dir);
    expect(made.code).toBe(0);
    const info = JSON.parse(made.out) as { fileName: string; reason: string; sizeBytes: number };
    expect(info.reason).toBe('manual');
    expect(existsSync(`${backupsDir(dir)}/${info.fileName}`)).toBe(true);

    const plain = await cli('backup', '--data-dir', dir);
    expect(plain.out).toMatch(/^Đã sao lưu: bhxh-desk-.*-manual\.sqlite$/);

    const list = await cli('backups', '--json', '--data-dir', dir);
    expect(list.code).toBe(0);
    const backups = JSON.parse(list.out) as { fileName: string; reason: string }[];
    expect(backups.map((b) => b.fileName)).toContain(info.fileName);

    // Change the data, then restore.
    await cli('units', 'import', fixturePath(FIXTURE.unitsTwoLevel), '--data-dir', dir);
    expect(await unitCount(dir)).toBe(16);
    const restored = await cli('restore', info.fileName, '--json', '--data-dir', dir);
    expect(restored.code, restored.err).toBe(0);
    const outcome = JSON.parse(restored.out) as { restoredFrom: string; safetyBackup: string };
    expect(outcome.restoredFrom).toBe(info.fileName);
    expect(outcome.safetyBackup).toMatch(/pre-restore/);
    expect(await unitCount(dir)).toBe(11);

    const human = await cli('backups', '--data-dir', dir);
    expect(human.out).toContain('pre-restore');
  });

  it('restore by path, and restore of a missing backup', async () => {
    const dir = tempDataDir();
    await cli('units', 'import', fixturePath(FIXTURE.unitsHongDan), '--data-dir', dir);
    const info = JSON.parse((await cli('backup', '--json', '--data-dir', dir)).out) as { fileName: string };
    const byPath = await cli('restore', `${backupsDir(dir)}/${info.fileName}`, '--data-dir', dir);
    expect(byPath.code, byPath.err).toBe(0);
    expect(byPath.out).toContain('Đã khôi phục');
    const missing = await cli('restore', 'khong-co.sqlite', '--data-dir', dir);
    expect(missing.code).not.toBe(0);
    expect(missing.err).toContain('khong-co.sqlite');
    const noArg = await cli('restore', '--data-dir', dir);
    expect(noArg.code).toBe(2);
  });

  it('a network data folder exits 1 with the reason', async () => {
    const run = await cli('backups', '--data-dir', '//may-chu/chia-se');
    expect(run.code).toBe(1);
    expect(run.err).toContain('ổ mạng');
  });
  it('a missing backup exits 2; a damaged database file exits 1 with DB_CORRUPT and the way out', async () => {
    const dir = tempDataDir();
    const noBackup = await cli('restore', 'khong-co.sqlite', '--data-dir', dir);
    expect(noBackup.code).toBe(2);
    const damaged = tempDataDir();
    writeFileSync(dbPathIn(damaged), randomBytes(20_000));
    const corrupt = await cli('units', 'list', '--json', '--data-dir', damaged);
    expect(corrupt.code).toBe(1);
    expect(JSON.parse(corrupt.out)).toMatchObject({ status: 'rejected', error: { code: 'DB_CORRUPT' } });
    expect(corrupt.err).toContain('khôi phục');
  });
});
