import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app/appCore';
import { sql } from 'kysely';
import { call, callError, storeOf, FIXED_NOW, importFile, openTestCore, TEST_ENGINE } from '../helpers/core';
import { hashDatabase, rows as queryRows, scalar, tableCounts } from '../helpers/dbHash';
import { FIXTURE, fixturePath, tempDataDir } from '../helpers/fixtures';
import { writeWorkbook } from '../helpers/workbooks';
import { join } from 'node:path';

/** 2026-11-22 10:00 local: months 2024-01 … 2026-11. */
const NOW = FIXED_NOW;
const MONTHS_2024_01_TO_2026_11 = 12 + 12 + 11;

async function demoCore(): Promise<AppCore> {
  const core = await openTestCore({ now: () => NOW });
  await call(core, 'demo:load', {});
  return core;
}

describe('demo:load', () => {
  it('loads the labelled demo province and app:info says so', async () => {
    const core = await openTestCore({ now: () => NOW });
    expect((await call(core, 'app:info', {})).demoLoaded).toBe(false);
    const outcome = await call(core, 'demo:load', {});
    expect(outcome.units).toBe(61);
    expect(outcome.offices).toBe(3);
    const info = await call(core, 'app:info', {});
    expect(info.demoLoaded).toBe(true);
    expect(info.unitCount).toBe(61);
    const db = storeOf(core);
    expect(Number(await scalar(db, sql`SELECT COUNT(*) FROM results`))).toBe(outcome.results);
    expect(Number(await scalar(db, sql`SELECT COUNT(*) FROM targets`))).toBe(outcome.targets);
    expect(Number(await scalar(db, sql`SELECT COUNT(*) FROM units WHERE is_demo = 0`))).toBe(0);
    expect(((await call(core, 'audit:list', { limit: 1 })).items)[0]).toMatchObject({ action: 'demo' });
  });

  it('has the tree across the 2025 reform: 1 province, 4 districts, 40 old and 16 new communes', async () => {
    const core = await demoCore();
    const all = await call(core, 'units:list', { includeEnded: true });
    const province = all.filter((u) => u.level === 'province');
    expect(province.map((u) => [u.code, u.validFrom, u.validTo, u.isDemo])).toEqual([['99', null, null, true]]);
    expect(province[0]!.name).toContain('dữ liệu mẫu');
    const districts = all.filter((u) => u.level === 'district');
    expect(districts).toHaveLength(4);
    expect(districts.every((d) => d.parentCode === '99' && d.validTo === '2025-06-30')).toBe(true);
    const communes = all.filter((u) => u.level === 'commune');
    const old = communes.filter((u) => u.validTo === '2025-06-30');
    const fresh = communes.filter((u) => u.validFrom === '2025-07-01');
    expect(old).toHaveLength(40);
    expect(fresh).toHaveLength(16);
    expect(old.every((u) => u.validFrom === null && districts.some((d) => d.code === u.parentCode))).toBe(true);
    expect(fresh.every((u) => u.validTo === null && u.parentCode === '99')).toBe(true);
    expect(communes).toHaveLength(56);

    expect(codesOn(await call(core, 'units:list', { asOf: '2026-01-01' }))).toHaveLength(17);
    expect(codesOn(await call(core, 'units:list', { asOf: '2024-01-01' }))).toHaveLength(45);
  });

  it('every old commune has exactly one successor, every new one has predecessors', async () => {
    const core = await demoCore();
    const db = storeOf(core);
    const rows = await queryRows(
      db,
      sql<{ code: string; n: number }>`SELECT u.code, (SELECT COUNT(*) FROM unit_links l WHERE l.from_unit_id = u.id) AS n
                FROM units u WHERE u.level = 'commune' AND u.valid_to = '2025-06-30'`,
    );
    expect(rows).toHaveLength(40);
    expect(rows.filter((r) => Number(r.n) !== 1)).toEqual([]);
    const oldOne = await call(core, 'units:get', { code: rows[0]!.code });
    expect(oldOne.successors).toHaveLength(1);
    expect(oldOne.successors[0]!.effectiveDate).toBe('2025-07-01');
    const fresh = await call(core, 'units:list', { asOf: '2026-01-01', level: 'commune' });
    for (const u of fresh) expect((await call(core, 'units:get', { code: u.code })).predecessors.length).toBeGreaterThanOrEqual(2);
  });

  it('has 3 offices covering the communes', async () => {
    const core = await demoCore();
    const offices = await call(core, 'offices:list', {});
    expect(offices.map((o) => o.code)).toEqual(['9901', '9902', '9903']);
    expect(offices.every((o) => o.provinceCode === '99' && o.isDemo)).toBe(true);
    const covered = offices.flatMap((o) => o.communeCodes);
    expect(new Set(covered).size).toBe(56);
    expect(covered).toHaveLength(56);
  });

  it('has monthly results from 2024-01 through the current month, on units that exist at each date', async () => {
    const core = await demoCore();
    const db = storeOf(core);
    const months = (await queryRows(db, sql<{ m: string }>`SELECT DISTINCT substr(as_of, 1, 7) AS m FROM results ORDER BY 1`)).map((r) => r.m);
    expect(months).toHaveLength(MONTHS_2024_01_TO_2026_11);
    expect(months[0]).toBe('2024-01');
    expect(months.at(-1)).toBe('2026-11');
    // Cut-off on the 25th, 31/12 in December, today in the running month.
    const dates = (await queryRows(db, sql<{ d: string }>`SELECT DISTINCT as_of AS d FROM results ORDER BY 1`)).map((r) => r.d);
    expect(dates).toContain('2024-01-25');
    expect(dates).toContain('2024-12-31');
    expect(dates.at(-1)).toBe('2026-11-22');
    const outside = await scalar(
      db,
      sql`SELECT COUNT(*) FROM results r JOIN units u ON u.id = r.unit_id
                WHERE (u.valid_from IS NOT NULL AND r.as_of < u.valid_from) OR (u.valid_to IS NOT NULL AND r.as_of > u.valid_to)`,
    );
    expect(Number(outside)).toBe(0);
    expect(Number(await scalar(db, sql`SELECT COUNT(*) FROM results WHERE value <> ROUND(value) OR value < 0`))).toBe(0);
    // Coverage never above 100%.
    const overCovered = await scalar(
      db,
      sql`SELECT COUNT(*) FROM results b JOIN results p ON p.unit_id = b.unit_id AND p.as_of = b.as_of AND p.indicator_code = 'POP'
                WHERE b.indicator_code = 'BHYT' AND b.value > p.value`,
    );
    expect(Number(overCovered)).toBe(0);
  });

  it('has targets for each year with BHXH_VN and UBND_TINH on the province and BHXH_TINH on communes', async () => {
    const core = await demoCore();
    const db = storeOf(core);
    const rows = (
      await queryRows(db, sql<{ year: number; source: string; level: string; n: number }>`SELECT t.year, t.source, u.level, COUNT(*) AS n FROM targets t JOIN units u ON u.id = t.unit_id GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`)
    ).map((r) => ({ ...r, n: Number(r.n) }));
    for (const year of [2024, 2025, 2026]) {
      const of = (source: string, level: string) => rows.find((r) => r.year === year && r.source === source && r.level === level)?.n ?? 0;
      expect(of('BHXH_VN', 'province'), `${year} BHXH_VN`).toBeGreaterThan(0);
      expect(of('UBND_TINH', 'province'), `${year} UBND_TINH`).toBeGreaterThan(0);
      expect(of('BHXH_TINH', 'commune'), `${year} BHXH_TINH`).toBeGreaterThan(0);
    }
    expect(new Set(rows.map((r) => r.year))).toEqual(new Set([2024, 2025, 2026]));
    // 2026 commune targets sit on the new communes, 2024 ones on the old.
    const targetUnits = async (year: number) =>
      (await queryRows(db, sql<{ v: string | null }>`SELECT DISTINCT u.valid_from AS v FROM targets t JOIN units u ON u.id = t.unit_id WHERE t.year = ${year} AND u.level = 'commune'`)).map((r) => r.v);
    expect(await targetUnits(2026)).toEqual(['2025-07-01']);
    expect(await targetUnits(2024)).toEqual([null]);
    // The province's BHXH VN target is the sum of the commune breakdown.
    const [sums] = await queryRows(
      db,
      sql<{ province: number; communes: number }>`SELECT (SELECT value FROM targets t JOIN units u ON u.id = t.unit_id WHERE u.code = '99' AND t.year = 2025 AND t.source = 'BHXH_VN' AND t.indicator_code = 'BHXH_TN') AS province,
                       (SELECT SUM(value) FROM targets WHERE year = 2025 AND source = 'BHXH_TINH' AND indicator_code = 'BHXH_TN') AS communes`,
    );
    if (!sums) throw new Error('no sums');
    expect(sums.province).toBe(sums.communes);
  });

  it('loading twice replaces the demo (same counts) and takes a pre-demo backup the second time', async () => {
    const core = await openTestCore({ now: () => NOW });
    const first = await call(core, 'demo:load', {});
    expect((await call(core, 'backups:list', {})).filter((b) => b.reason === 'pre-demo')).toHaveLength(0);
    const countsAfterFirst = (await tableCounts(storeOf(core)));
    const second = await call(core, 'demo:load', {});
    expect(second).toEqual(first);
    const countsAfterSecond = (await tableCounts(storeOf(core)));
    expect({ ...countsAfterSecond, audit_log: 0 }).toEqual({ ...countsAfterFirst, audit_log: 0 });
    expect(countsAfterSecond.audit_log).toBe(countsAfterFirst.audit_log! + 1);
    // On a shared server the administrator backs up: no file copy there.
    expect((await call(core, 'backups:list', {})).filter((b) => b.reason === 'pre-demo')).toHaveLength(TEST_ENGINE === 'sqlite' ? 1 : 0);
  });

  it('is deterministic: two data folders get identical demo content', async () => {
    const a = await demoCore();
    const b = await demoCore();
    const strip = async (core: AppCore) => {
      const db = storeOf(core);
      return {
        units: await queryRows(db, sql`SELECT code, name, level, kind, valid_from, valid_to FROM units ORDER BY code`),
        results: await queryRows(db, sql`SELECT u.code, r.indicator_code, r.as_of, r.value FROM results r JOIN units u ON u.id = r.unit_id ORDER BY 1, 2, 3`),
        targets: await queryRows(db, sql`SELECT u.code, t.indicator_code, t.year, t.source, t.value FROM targets t JOIN units u ON u.id = t.unit_id ORDER BY 1, 2, 3, 4`),
      };
    };
    expect(await strip(a)).toEqual(await strip(b));
  });

  it('keeps the user’s own units when it is reloaded', async () => {
    const core = await openTestCore({ now: () => NOW });
    await importFile(core, fixturePath(FIXTURE.unitsHongDan));
    await call(core, 'demo:load', {});
    await call(core, 'demo:load', {});
    const all = await call(core, 'units:list', { includeEnded: true });
    expect(all.filter((u) => !u.isDemo)).toHaveLength(11);
    expect(all.filter((u) => u.isDemo)).toHaveLength(61);
    expect((await call(core, 'units:get', { code: '31006' })).name).toBe('Thị trấn Ngan Dừa');
  });

  it('refuses when province 99 is a real (imported) unit, and writes nothing', async () => {
    const core = await openTestCore({ now: () => NOW });
    const path = writeWorkbook(join(tempDataDir(), 'tinh-99.xlsx'), [
      {
        name: 'DanhMuc',
        rows: [
          ['Mã tỉnh', 'Tên tỉnh', 'Mã xã', 'Tên xã', 'Cấp'],
          ['99', 'Tỉnh Thật', '99001', 'Xã Thật', 'Xã'],
        ],
      },
    ]);
    await importFile(core, path);
    const before = (await hashDatabase(storeOf(core)));
    const err = await callError(core, 'demo:load', {});
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('Tỉnh Thật');
    expect((await hashDatabase(storeOf(core)))).toBe(before);
  });
});

function codesOn(units: { code: string }[]): string[] {
  return units.map((u) => u.code);
}
