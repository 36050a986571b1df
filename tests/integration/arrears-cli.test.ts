import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cli } from '../helpers/cli';
import { call, FIXED_NOW, importFile, openTestCore, storeOf } from '../helpers/core';
import { scalar } from '../helpers/dbHash';
import { FIXTURE, fixturePath, tempDataDir } from '../helpers/fixtures';
import { writeWorkbook } from '../helpers/workbooks';

const expected = (JSON.parse(readFileSync(fixturePath('expected-samples-2020.json'), 'utf8')) as { arrears: { total: number; bands: Record<string, number> } }).arrears;

/** A data folder with Hồng Dân's communes and its office HD. */
async function hongDanDir(): Promise<string> {
  const dir = tempDataDir();
  const core = await openTestCore({ dataDir: dir, now: () => FIXED_NOW });
  await importFile(core, fixturePath(FIXTURE.unitsHongDan));
  const communes = (await call(core, 'units:list', { includeEnded: true })).filter((u) => u.level === 'commune').map((u) => u.code);
  await call(core, 'offices:create', { code: 'HD', name: 'BHXH huyện Hồng Dân', provinceCode: '95' });
  await call(core, 'offices:assign', { code: 'HD', unitCodes: communes, validFrom: null });
  await core.close();
  return dir;
}

async function employers(dir: string): Promise<number> {
  const core = await openTestCore({ dataDir: dir, now: () => FIXED_NOW });
  const n = Number(await scalar(storeOf(core), sql`SELECT COUNT(*) FROM employers`));
  await core.close();
  return n;
}

describe('CLI: arrears', () => {
  beforeAll(() => vi.stubEnv('BHXH_TODAY', '2026-11-22'));
  afterAll(() => vi.unstubAllEnvs());

  it('import --dry-run reads and writes nothing; import writes; summary gives the fixture figures with stable fields', async () => {
    const dir = await hongDanDir();
    const file = fixturePath('arrears-hong-dan-2020-09.xlsx');
    const dry = await cli('arrears', 'import', file, '--dry-run', '--json', '--data-dir', dir);
    expect(dry.code, dry.err).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({ status: 'dry-run', period: '2020-09', office: 'HD', rowsRead: 4, imported: 0, rejected: 0, newEmployers: 4, totalOwed: expected.total, batchId: null, errors: [] });
    // The same shape as the summary's byBand: one entry per band, in band order.
    expect(JSON.parse(dry.out).byBand.map((b: { band: string; amount: number }) => [b.band, b.amount])).toEqual([
      ['UNDER_3', expected.bands.under3], ['FROM_3_TO_6', expected.bands['3to6']], ['FROM_6_TO_12', expected.bands['6to12']], ['FROM_12', expected.bands['12plus']], ['CLOSED', 0],
    ]);
    expect(await employers(dir)).toBe(0);

    const run = await cli('arrears', 'import', file, '--json', '--data-dir', dir);
    expect(run.code, run.err).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ status: 'committed', rowsRead: 4, imported: 4, rejected: 0, batchId: expect.any(Number) });

    const summary = await cli('arrears', 'summary', '--period', '2020-09', '--json', '--data-dir', dir);
    expect(summary.code, summary.err).toBe(0);
    const s = JSON.parse(summary.out);
    expect(Object.keys(s)).toEqual(['period', 'office', 'scopeName', 'totalOwed', 'employersInArrears', 'interest', 'dueInYear', 'ratio', 'target', 'meetsTarget', 'byBand', 'byOffice', 'largest', 'isDemo']);
    expect(s).toMatchObject({ period: '2020-09', office: null, totalOwed: expected.total, employersInArrears: 4, ratio: null, target: null });
    expect(s.byBand.map((b: { amount: number }) => b.amount)).toEqual([expected.bands.under3, expected.bands['3to6'], expected.bands['6to12'], expected.bands['12plus'], 0]);
    expect(s.largest[0]).toEqual({ code: 'TA0104B', name: 'Công ty CP Xây lắp Hồng Dân', office: 'HD', monthsOwed: 19, amountOwed: 402_000_000, band: 'FROM_12', status: 'ACTIVE' });

    const text = await cli('arrears', 'summary', '--period', '2020-09', '--office', 'HD', '--data-dir', dir);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toContain('612.570.000 đ');
    expect(text.out).toContain('Từ 12 tháng trở lên (nợ kéo dài)');
    expect(text.out).toContain('BHXH huyện Hồng Dân');
  });

  it('a file with errors prints them by cell, exits 2 and writes nothing', async () => {
    const dir = await hongDanDir();
    const path = writeWorkbook(join(tempDataDir('bhxh-arrears-cli-'), 'no-dong-loi.xlsx'), [
      { name: 'DS', rows: [['Tên đơn vị', 'Mã ĐV', 'Tiền nợ', 'Số tháng nợ'], ['Công ty A', 'A1', 'mười triệu', 2], ['Công ty B', 'B1', '5.000.000', 1]] },
    ]);
    const run = await cli('arrears', 'import', path, '--period', '2020-10', '--data-dir', dir);
    expect(run.code).toBe(2);
    expect(run.out).toContain('Dòng đọc được: 2; đã nhập: 0; bị từ chối: 1');
    expect(run.out).toMatch(/trang "DS", dòng 2, ô C2: .*không phải số/);
    expect(await employers(dir)).toBe(0);
    const json = await cli('arrears', 'import', path, '--period', '2020-10', '--json', '--data-dir', dir);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out)).toMatchObject({ status: 'rejected', rowsRead: 2, imported: 0, rejected: 1, errors: [expect.objectContaining({ sheet: 'DS', row: 2, cell: 'C2' })] });
  });

  it('summary needs --period', async () => {
    const dir = await hongDanDir();
    const run = await cli('arrears', 'summary', '--data-dir', dir);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/--period/);
  });
});
