import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { ComparisonTable, Target } from '../../shared/contract';
import { cli } from '../helpers/cli';
import { FIXTURE, fixturePath, tempDataDir } from '../helpers/fixtures';
import { hashDataDir, queryDataDir } from '../helpers/stores';

// The CLI runs on the real clock: nothing here depends on today's date beyond it being after 2025.


async function reformDir(): Promise<string> {
  const dir = tempDataDir();
  for (const f of [FIXTURE.unitsHongDan, FIXTURE.unitsTwoLevel, FIXTURE.merges]) {
    const run = await cli('units', 'import', fixturePath(f), '--data-dir', dir);
    expect(run.code, run.err).toBe(0);
  }
  return dir;
}

async function storedValues(dir: string, unitCode: string, indicatorCode: string): Promise<[string, number][]> {
  const rows = await queryDataDir(dir, sql<{ as_of: string; value: number }>`SELECT r.as_of, r.value FROM results r JOIN units u ON u.id = r.unit_id WHERE u.code = ${unitCode} AND r.indicator_code = ${indicatorCode} ORDER BY r.as_of`);
  return rows.map((r) => [r.as_of, r.value]);
}

describe('CLI results set / targets set / results', () => {
  it('results set reads dd/mm/yyyy and Vietnamese numbers; --value null deletes', async () => {
    const dir = await reformDir();
    const set = await cli('results', 'set', '--unit', '32104', '--indicator', 'bhxh_tn', '--as-of', '25/09/2026', '--value', '1.759', '--data-dir', dir);
    expect(set.code, set.err).toBe(0);
    expect(set.out).toContain('1.759');
    expect(await storedValues(dir, '32104', 'BHXH_TN')).toEqual([['2026-09-25', 1759]]);

    const json = await cli('results', 'set', '--unit', '32104', '--indicator', 'BHXH_TN', '--as-of', '25/09/2026', '--value', 'null', '--json', '--data-dir', dir);
    expect(json.code, json.err).toBe(0);
    expect(JSON.parse(json.out)).toEqual({ saved: 1 });
    expect(await storedValues(dir, '32104', 'BHXH_TN')).toEqual([]);
  });

  it('results set refuses bad input with exit 2, a Vietnamese message and nothing written', async () => {
    const dir = await reformDir();
    const before = (await hashDataDir(dir));
    const badDate = await cli('results', 'set', '--unit', '32104', '--indicator', 'BHXH_TN', '--as-of', '31/09/2026', '--value', '10', '--data-dir', dir);
    expect(badDate.code).toBe(2);
    expect(badDate.err).toContain('dd/mm/yyyy');
    const notNumber = await cli('results', 'set', '--unit', '32104', '--indicator', 'BHXH_TN', '--as-of', '25/09/2026', '--value', 'mười', '--data-dir', dir);
    expect(notNumber.code).toBe(2);
    expect(notNumber.err).toContain('không phải số');
    const ended = await cli('results', 'set', '--unit', '31006', '--indicator', 'BHXH_TN', '--as-of', '25/09/2026', '--value', '10', '--data-dir', dir);
    expect(ended.code).toBe(2);
    expect(ended.err).toContain('không có hiệu lực');
    const missing = await cli('results', 'set', '--unit', '32104', '--as-of', '25/09/2026', '--value', '10', '--data-dir', dir);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--indicator');
    expect((await hashDataDir(dir))).toBe(before);
  });

  it('results --json gives the comparison table: 2024 figures of the old communes on the new commune', async () => {
    const dir = await reformDir();
    for (const [code, value] of [['31006', '148'], ['31015', '270'], ['31018', '430']]) {
      const run = await cli('results', 'set', '--unit', code!, '--indicator', 'BHXH_TN', '--as-of', '25/09/2024', '--value', value!, '--data-dir', dir);
      expect(run.code, run.err).toBe(0);
    }
    const run = await cli('results', '--period', '2024-09', '--indicator', 'BHXH_TN', '--unit', '96', '--json', '--data-dir', dir);
    expect(run.code, run.err).toBe(0);
    const table = JSON.parse(run.out) as ComparisonTable;
    expect(table.month).toBe('2024-09');
    expect(table.rows.find((r) => r.code === '32104')).toMatchObject({ actual: 848, missingUnits: 0 });
    expect(table.rows.find((r) => r.code === '32101')).toMatchObject({ actual: null, missingUnits: 1 });
    expect(table.total).toMatchObject({ actual: 848, missingUnits: 3 });
  });

  it('targets set with --revise keeps the original; results prints both in a table with the total', async () => {
    const dir = await reformDir();
    const first = await cli('targets', 'set', '--unit', '96', '--indicator', 'BHXH_TN', '--year', '2026', '--value', '1.000', '--source', 'BHXH_VN',
      '--decision-no', '15/QĐ-BHXH', '--decision-date', '15/01/2026', '--json', '--data-dir', dir);
    expect(first.code, first.err).toBe(0);
    expect(JSON.parse(first.out) as Target).toMatchObject({ value: 1000, revision: 0, decisionNo: '15/QĐ-BHXH', decisionDate: '2026-01-15' });
    const revised = await cli('targets', 'set', '--unit', '96', '--indicator', 'BHXH_TN', '--year', '2026', '--value', '1.200', '--source', 'BHXH_VN', '--revise', '--data-dir', dir);
    expect(revised.code, revised.err).toBe(0);
    expect(revised.out).toContain('1.200');
    expect(revised.out).toContain('lần điều chỉnh 1');
    await cli('results', 'set', '--unit', '32104', '--indicator', 'BHXH_TN', '--as-of', '25/09/2026', '--value', '900', '--data-dir', dir);

    const json = JSON.parse((await cli('results', '--period', '2026-09', '--indicator', 'BHXH_TN', '--json', '--data-dir', dir)).out) as ComparisonTable;
    expect(json.total).toMatchObject({ actual: 900, target: 1000, progress: 0.9, revisedTarget: 1200, revisedProgress: 0.75, remaining: 300 });

    const text = await cli('results', '--period', '2026-09', '--indicator', 'BHXH_TN', '--data-dir', dir);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toContain('Tháng 09/2026');
    expect(text.out).toContain('Xã Hồng Dân');
    expect(text.out).toContain('Tổng cộng');
    expect(text.out).toContain('90,00%');
    // % KH is against the plan in force (1.200); the original plan and its % stay beside it.
    expect(text.out).toMatch(/Tổng cộng\s+900\s+1\.200\s+75,00%\s+1\.000\s+90,00%/);
    expect(text.out).toContain('KH ban đầu');
  });

  it('a rate target takes a decimal comma; a percent number is refused', async () => {
    const dir = await reformDir();
    const ok = await cli('targets', 'set', '--unit', '96', '--indicator', 'COV_BHYT', '--year', '2026', '--value', '0,9225', '--source', 'GOV', '--json', '--data-dir', dir);
    expect(ok.code, ok.err).toBe(0);
    expect(JSON.parse(ok.out) as Target).toMatchObject({ value: 0.9225, isRate: true });
    const percent = await cli('targets', 'set', '--unit', '96', '--indicator', 'COV_BHYT', '--year', '2026', '--value', '92,25', '--source', 'GOV', '--data-dir', dir);
    expect(percent.code).toBe(2);
    expect(percent.err).toContain('0,9225');
  });

  it('targets set refuses an unknown source and a bad decision date (exit 2)', async () => {
    const dir = await reformDir();
    const source = await cli('targets', 'set', '--unit', '96', '--indicator', 'BHXH_TN', '--year', '2026', '--value', '10', '--source', 'TINH', '--data-dir', dir);
    expect(source.code).toBe(2);
    expect(source.err).toContain('Nguồn giao');
    const date = await cli('targets', 'set', '--unit', '96', '--indicator', 'BHXH_TN', '--year', '2026', '--value', '10', '--source', 'BHXH_VN', '--decision-date', '30/02/2026', '--data-dir', dir);
    expect(date.code).toBe(2);
    expect(date.err).toContain('dd/mm/yyyy');
  });

  it('results refuses a bad period and an unknown indicator (exit 2)', async () => {
    const dir = await reformDir();
    const period = await cli('results', '--period', '09/2026', '--indicator', 'BHXH_TN', '--data-dir', dir);
    expect(period.code).toBe(2);
    expect(period.err).toContain('YYYY-MM');
    const indicator = await cli('results', '--period', '2026-09', '--indicator', 'KHONG', '--data-dir', dir);
    expect(indicator.code).toBe(2);
    expect(indicator.err.length).toBeGreaterThan(0);
  });
});
