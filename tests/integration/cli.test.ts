import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backupsDir } from '../../electron/core/backups/backups';
import { dbPathIn } from '../../electron/core/db/open';
import { hashDatabaseFile } from '../helpers/dbHash';
import { cli } from '../helpers/cli';
import { FIXTURE, fixturePath, tempDataDir } from '../helpers/fixtures';


function unitCount(dataDir: string): number {
  const db = new Database(dbPathIn(dataDir), { readonly: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM units').pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('CLI', () => {
  it('units import then units list --json', async () => {
    const dir = tempDataDir();
    const imported = await cli('units', 'import', fixturePath(FIXTURE.unitsHongDan), '--data-dir', dir);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toContain('Đã nhập');
    expect(imported.out).toContain(FIXTURE.unitsHongDan);
    expect(imported.out).toContain('thêm 11');

    const listed = await cli('units', 'list', '--json', '--data-dir', dir);
    expect(listed.code).toBe(0);
    const rows = JSON.parse(listed.out) as Record<string, unknown>[];
    expect(rows).toHaveLength(11);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['code', 'level', 'name', 'parentCode', 'validFrom', 'validTo']);
    expect(rows).toContainEqual({
      code: '31006',
      name: 'Thị trấn Ngan Dừa',
      level: 'commune',
      parentCode: '956',
      validFrom: null,
      validTo: null,
    });
    expect(rows[0]).toEqual({ code: '95', name: 'Tỉnh Bạc Liêu', level: 'province', parentCode: null, validFrom: null, validTo: null });
  });

  it('units list prints a table for people and filters by date and query', async () => {
    const dir = tempDataDir();
    await cli('units', 'import', fixturePath(FIXTURE.unitsHongDan), '--data-dir', dir);
    await cli('units', 'import', fixturePath(FIXTURE.unitsTwoLevel), '--data-dir', dir);
    await cli('units', 'import', fixturePath(FIXTURE.merges), '--data-dir', dir);
    const table = await cli('units', 'list', '--data-dir', dir);
    expect(table.code).toBe(0);
    expect(table.out).toContain('Tỉnh Bạc Liêu');
    expect(table.out).toContain('30/06/2025');
    expect(table.out).toContain('16 đơn vị.');
    const asOf = await cli('units', 'list', '--as-of', '01/01/2026', '--json', '--data-dir', dir);
    expect((JSON.parse(asOf.out) as { code: string }[]).map((r) => r.code).sort()).toEqual(['32101', '32104', '32107', '32110', '96']);
    const query = await cli('units', 'list', '--query', 'ninh hoa', '--json', '--data-dir', dir);
    expect((JSON.parse(query.out) as { code: string }[]).map((r) => r.code)).toEqual(['31015']);
    const badDate = await cli('units', 'list', '--as-of', '31/02/2025', '--data-dir', dir);
    expect(badDate.code).toBe(2);
    expect(badDate.err).toContain('31/02/2025');
  });

  it('importing the district report exits 2 with a Vietnamese message naming the file, writing nothing', async () => {
    const dir = tempDataDir();
    await cli('units', 'import', fixturePath(FIXTURE.unitsHongDan), '--data-dir', dir);
    const before = hashDatabaseFile(dbPathIn(dir));
    const run = await cli('units', 'import', fixturePath(FIXTURE.districtReport), '--data-dir', dir);
    expect(run.code).toBe(2);
    expect(run.err).toContain(FIXTURE.districtReport);
    expect(run.err).toMatch(/không phải danh mục/);
    expect(hashDatabaseFile(dbPathIn(dir))).toBe(before);
  });

  it('--json import summaries say committed, dry-run or rejected', async () => {
    const dir = tempDataDir();
    const dry = await cli('units', 'import', fixturePath(FIXTURE.unitsHongDan), '--dry-run', '--json', '--data-dir', dir);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({
      status: 'dry-run',
      file: FIXTURE.unitsHongDan,
      shape: 'list-3-level',
      rows: 9,
      added: 11,
      errors: [],
      backupFile: null,
    });

    const committed = await cli('units', 'import', fixturePath(FIXTURE.unitsHongDan), '--json', '--data-dir', dir);
    expect(committed.code).toBe(0);
    expect(JSON.parse(committed.out)).toMatchObject({ status: 'committed', added: 11 });

    const rejectedRows = await cli('units', 'import', fixturePath(FIXTURE.merges), '--json', '--data-dir', dir);
    expect(rejectedRows.code).toBe(2);
    const summary = JSON.parse(rejectedRows.out);
    expect(summary.status).toBe('rejected');
    expect(summary.errors).toHaveLength(9);

    const rejectedFile = await cli('units', 'import', fixturePath(FIXTURE.districtReport), '--json', '--data-dir', dir);
    expect(rejectedFile.code).toBe(2);
    expect(JSON.parse(rejectedFile.out)).toMatchObject({ status: 'rejected', error: { code: 'FILE_INVALID' } });
  });

  it('--dry-run writes nothing', async () => {
    const dir = tempDataDir();
    await cli('backups', '--data-dir', dir); // creates the empty database
    const before = hashDatabaseFile(dbPathIn(dir));
    const run = await cli('units', 'import', fixturePath(FIXTURE.unitsHongDan), '--dry-run', '--data-dir', dir);
    expect(run.code).toBe(0);
    expect(run.out).toContain('Chạy thử');
    expect(hashDatabaseFile(dbPathIn(dir))).toBe(before);
    expect(unitCount(dir)).toBe(0);
    expect(existsSync(backupsDir(dir)) ? readdirSync(backupsDir(dir)) : []).toEqual([]);
  });

  it('--valid-from sets the start of a two-level list; a bad date exits 2', async () => {
    const dir = tempDataDir();
    const run = await cli('units', 'import', fixturePath(FIXTURE.unitsTwoLevel), '--valid-from', '12/06/2025', '--json', '--data-dir', dir);
    expect(run.code).toBe(0);
    const listed = JSON.parse((await cli('units', 'list', '--json', '--data-dir', dir)).out) as { validFrom: string }[];
    expect(listed.every((u) => u.validFrom === '2025-06-12')).toBe(true);
    const bad = await cli('units', 'import', fixturePath(FIXTURE.unitsTwoLevel), '--valid-from', '2025/13/01', '--data-dir', tempDataDir());
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--valid-from');
  });

  it('a missing or unreadable file exits 2', async () => {
    const dir = tempDataDir();
    const missingArg = await cli('units', 'import', '--data-dir', dir);
    expect(missingArg.code).toBe(2);
    expect(missingArg.err).toContain('Thiếu đường dẫn');
    const missingFile = await cli('units', 'import', '/khong/co/tep.xlsx', '--data-dir', dir);
    expect(missingFile.code).toBe(2);
    expect(missingFile.err).toContain('/khong/co/tep.xlsx');
  });

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
    expect(unitCount(dir)).toBe(16);
    const restored = await cli('restore', info.fileName, '--json', '--data-dir', dir);
    expect(restored.code, restored.err).toBe(0);
    const outcome = JSON.parse(restored.out) as { restoredFrom: string; safetyBackup: string };
    expect(outcome.restoredFrom).toBe(info.fileName);
    expect(outcome.safetyBackup).toMatch(/pre-restore/);
    expect(unitCount(dir)).toBe(11);

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

  it('demo loads the demo province', async () => {
    const dir = tempDataDir();
    const run = await cli('demo', '--json', '--data-dir', dir);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ units: 61, offices: 3 });
    const human = await cli('demo', '--data-dir', dir);
    expect(human.code).toBe(0);
    expect(human.out).toContain('DỮ LIỆU MẪU');
    expect(unitCount(dir)).toBe(61);
  });

  it('an unknown command, an unknown option or no command exits 2 with usage', async () => {
    const dir = tempDataDir();
    const unknown = await cli('xoa-het', '--data-dir', dir);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Không có lệnh "xoa-het"');
    expect(unknown.err).toContain('Cách dùng');
    const unitsAlone = await cli('units', '--data-dir', dir);
    expect(unitsAlone.code).toBe(2);
    const badOption = await cli('backups', '--khong-co', '--data-dir', dir);
    expect(badOption.code).toBe(2);
    expect(badOption.err).toContain('Tùy chọn không hợp lệ');
    const none = await cli();
    expect(none.code).toBe(2);
    expect(none.err).toContain('Cách dùng');
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('Cách dùng');
  });

  it('a network data folder exits 1 with the reason', async () => {
    const run = await cli('backups', '--data-dir', '//may-chu/chia-se');
    expect(run.code).toBe(1);
    expect(run.err).toContain('ổ mạng');
  });
});
