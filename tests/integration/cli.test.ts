import { sql } from 'kysely';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { backupsDir } from '../../electron/core/backups/backups';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { FIXTURE, fixturePath, tempDataDir } from '../helpers/fixtures';
import { hashDataDir, queryDataDir } from '../helpers/stores';

async function unitCount(dataDir: string): Promise<number> {
  const [row] = await queryDataDir(dataDir, sql<{ n: number }>`SELECT COUNT(*) AS n FROM units`);
  return Number(row!.n);
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
    const before = (await hashDataDir(dir));
    const run = await cli('units', 'import', fixturePath(FIXTURE.districtReport), '--data-dir', dir);
    expect(run.code).toBe(2);
    expect(run.err).toContain(FIXTURE.districtReport);
    expect(run.err).toMatch(/không phải danh mục/);
    expect((await hashDataDir(dir))).toBe(before);
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
    const before = (await hashDataDir(dir));
    const run = await cli('units', 'import', fixturePath(FIXTURE.unitsHongDan), '--dry-run', '--data-dir', dir);
    expect(run.code).toBe(0);
    expect(run.out).toContain('Chạy thử');
    expect((await hashDataDir(dir))).toBe(before);
    expect(await unitCount(dir)).toBe(0);
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

  it('demo loads the demo province', async () => {
    const dir = tempDataDir();
    const run = await cli('demo', '--json', '--data-dir', dir);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ units: 61, offices: 3 });
    const human = await cli('demo', '--data-dir', dir);
    expect(human.code).toBe(0);
    expect(human.out).toContain('DỮ LIỆU MẪU');
    expect(await unitCount(dir)).toBe(61);
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
    expect(badOption.err).toContain('Không có tùy chọn --khong-co.');
    expect(badOption.err).toContain('Cách dùng: npm run cli -- backups');
    const none = await cli();
    expect(none.code).toBe(2);
    expect(none.err).toContain('Cách dùng');
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('Cách dùng');
  });

  // What node's parser would have said in English, had it reached the user.
  const ENGLISH = /Unknown option|To specify|argument (missing|is ambiguous)|does not take|Unexpected|positional/i;

  it.each([
    [['backups', '--khong-co'], 'Không có tùy chọn --khong-co.'],
    [['units', 'list', '--as-off', '01/01/2025'], 'Không có tùy chọn --as-off. Có phải ý bạn là --as-of?'],
    [['units', 'list', '-x'], 'Không có tùy chọn -x.'],
    [['units', 'list', '--as-of'], 'Thiếu giá trị sau --as-of; viết: --as-of dd/mm/yyyy.'],
    [['report', '--period', '--out', 'a.pdf'], 'Thiếu giá trị sau --period; viết: --period YYYY-MM.'],
    [['results', 'set', '--value', '-5'], 'hãy viết liền: --value=-5'],
    [['backup', '--json=co'], 'Tùy chọn --json không nhận giá trị (bỏ "=co").'],
    [['backup', 'ngay'], 'Lệnh "backup" không nhận thêm "ngay".'],
    [['units', 'list', 'ninh-hoa'], 'Lệnh "units list" không nhận thêm "ninh-hoa".'],
    [['backup', '--period', '2026-01'], 'Lệnh "backup" không nhận tùy chọn --period.'],
    [['units', 'list', '--dry-run'], 'Lệnh "units list" không nhận tùy chọn --dry-run.'],
    [['results', '--period', '2026-09', '--period', '2026-10', '--indicator', 'BHXH_TN'], 'Tùy chọn --period được cho hai lần'],
    [['units', 'xoa'], 'Không có lệnh "units xoa". Lệnh "units" gồm: units import, units list.'],
  ])('a wrong flag or argument (%j) exits 2 with a Vietnamese message and the usage, before any data folder is made', async (args, message) => {
    const dir = join(tempDataDir(), 'chua-co');
    const run = await cli(...args, '--data-dir', dir);
    expect(run.code).toBe(2);
    expect(run.err).toContain(message);
    expect(run.err).toContain('Cách dùng: npm run cli -- ');
    expect(run.err).not.toMatch(ENGLISH);
    expect(run.out).toBe('');
    expect(existsSync(dir)).toBe(false);
  });

  it.each([
    [['units', 'list', '--as-of', '2025/13/01'], 'Giá trị --as-of "2025/13/01" không phải ngày hợp lệ (dd/mm/yyyy).'],
    [['import', 'a.xlsx', '--period', '2026-9'], 'Giá trị --period "2026-9" không phải kỳ hợp lệ: cần dạng YYYY-MM (ví dụ 2026-09).'],
    [['results', '--period', '2026-13', '--indicator', 'BHXH_TN'], 'Giá trị --period "2026-13" không phải kỳ hợp lệ'],
    [['targets', 'set', '--unit', '96', '--indicator', 'BHXH_TN', '--year', '26', '--value', '10', '--source', 'GOV'], 'Giá trị --year "26" không phải năm hợp lệ: cần 4 chữ số (ví dụ 2026).'],
    [['targets', 'set', '--unit', '96', '--indicator', 'BHXH_TN', '--year', '2026', '--value', '10', '--source', 'GOV', '--decision-date', '31/04/2026'], 'Giá trị --decision-date "31/04/2026" không phải ngày hợp lệ (dd/mm/yyyy).'],
    [['targets', 'set', '--unit', '96', '--indicator', 'BHXH_TN', '--value', '10', '--source', 'GOV'], 'Thiếu --year. Ví dụ: npm run cli -- targets set'],
    [['imports', 'undo'], 'Thiếu số lần nhập.'],
  ])('a bad flag value (%j) exits 2 naming the flag and the value', async (args, message) => {
    const dir = join(tempDataDir(), 'chua-co');
    const run = await cli(...args, '--data-dir', dir);
    expect(run.code).toBe(2);
    expect(run.err).toContain(message);
    expect(run.err).not.toMatch(ENGLISH);
    expect(existsSync(dir)).toBe(false);
  });

  it('--help prints the usage of every command; with a command, that command\'s usage', async () => {
    const all = await cli('--help');
    expect(all.code).toBe(0);
    for (const command of ['units import', 'units list', 'offices list', 'offices import', 'backup', 'backups', 'restore', 'demo', 'import', 'imports list', 'imports undo', 'results', 'results set', 'targets set', 'report']) {
      expect(all.out).toContain(`\n  ${command} `.trimEnd());
    }
    expect(all.out).toContain('report --period YYYY-MM --out tệp.pdf|tệp.xlsx [--scope MÃ]');
    const one = await cli('units', 'list', '-h');
    expect(one.code).toBe(0);
    expect(one.out).toContain('Cách dùng: npm run cli -- units list [--as-of dd/mm/yyyy] [--query chữ]');
    expect(one.out).not.toContain('targets set');
  });

  it('core failures map to exit codes in one place: refused input 2, anything else 1', async () => {
    const dir = tempDataDir();
    const demo = await cli('demo', '--data-dir', dir);
    expect(demo.code).toBe(0);
    const notFound = await cli('imports', 'undo', '999', '--json', '--data-dir', dir);
    expect(notFound.code).toBe(2);
    expect(JSON.parse(notFound.out)).toMatchObject({ status: 'rejected', error: { code: 'NOT_FOUND' } });
    const unknownScope = await cli('report', '--period', '2026-10', '--scope', '98765', '--out', join(dir, 'r.xlsx'), '--data-dir', dir);
    expect(unknownScope.code).toBe(2);
    expect(unknownScope.err).toContain('98765');
  });
});
