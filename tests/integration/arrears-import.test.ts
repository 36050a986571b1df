import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app/appCore';
import type { ArrearsImportPreview } from '../../shared/contract';
import { call, callError, expectSafetyBackup, expectVietnamese, FIXED_NOW, importFile, openTestCore, storeOf } from '../helpers/core';
import { hashDatabase, rows, scalar } from '../helpers/dbHash';
import { FIXTURE, fixturePath, tempDataDir } from '../helpers/fixtures';
import { sql } from 'kysely';
import { writeWorkbook } from '../helpers/workbooks';
import { arrearsRatio } from '../../shared/calc/arrears';

const ARREARS_FIXTURE = 'arrears-hong-dan-2020-09.xlsx';
const expected = (JSON.parse(readFileSync(fixturePath('expected-samples-2020.json'), 'utf8')) as { arrears: { total: number; bands: Record<string, number> } }).arrears;

/** Hồng Dân's communes and the office "BHXH huyện Hồng Dân" (code HD) serving them. */
async function hongDanCore(): Promise<AppCore> {
  const core = await openTestCore({ now: () => FIXED_NOW });
  await importFile(core, fixturePath(FIXTURE.unitsHongDan));
  const communes = (await call(core, 'units:list', { includeEnded: true })).filter((u) => u.level === 'commune').map((u) => u.code);
  await call(core, 'offices:create', { code: 'HD', name: 'BHXH huyện Hồng Dân', provinceCode: '95' });
  await call(core, 'offices:assign', { code: 'HD', unitCodes: communes, validFrom: null });
  return core;
}

function preview(core: AppCore, path: string, extra: { period?: string; officeCode?: string } = {}): Promise<ArrearsImportPreview> {
  return call(core, 'arrears:previewImport', { file: core.files.registerPath(path), ...extra });
}

describe('arrears import', () => {
  it('reads the Hồng Dân list exactly: period and office from the title, numbers typed as text, bands', async () => {
    const core = await hongDanCore();
    const p = await preview(core, fixturePath(ARREARS_FIXTURE));
    expect(p.errors).toEqual([]);
    expect(p.period).toBe('2020-09');
    expect(p.periodSource).toBe('file');
    expect(p.officeCode).toBe('HD');
    expect(p.officeSource).toBe('file');
    expect(p.rowsRead).toBe(4);
    expect(p.rowsOk).toBe(4);
    expect(p.newEmployers).toBe(4);
    expect(p.totals.amountOwed).toBe(expected.total);
    expect(p.totals.byBand).toMatchObject({ UNDER_3: expected.bands.under3, FROM_3_TO_6: expected.bands['3to6'], FROM_6_TO_12: expected.bands['6to12'], FROM_12: expected.bands['12plus'] });
    expect(p.columns.map((c) => c.field)).toEqual(['seq', 'name', 'code', 'taxCode', 'amount', 'months', 'interest', 'note']);
    expect(p.rows.find((r) => r.code === 'TA0104B')).toMatchObject({ name: 'Công ty CP Xây lắp Hồng Dân', taxCode: '1900111225', amountOwed: 402_000_000, monthsOwed: 19, interest: 31_600_000, band: 'FROM_12' });

    const outcome = await call(core, 'arrears:commitImport', { planId: p.planId });
    expect(outcome).toMatchObject({ period: '2020-09', officeCode: 'HD', rowsRead: 4, imported: 4, rejected: 0, employersAdded: 4, employersUpdated: 0 });
    expectSafetyBackup(outcome.backup ?? null, /pre-import/);

    const overview = await call(core, 'arrears:overview', { period: '2020-09' });
    expect(overview.totalOwed).toBe(expected.total);
    expect(overview.employersInArrears).toBe(4);
    const band = (b: string) => overview.byBand.find((x) => x.band === b)!.amount;
    expect([band('UNDER_3'), band('FROM_3_TO_6'), band('FROM_6_TO_12'), band('FROM_12')]).toEqual([expected.bands.under3, expected.bands['3to6'], expected.bands['6to12'], expected.bands['12plus']]);
    expect(overview.byOffice).toEqual([expect.objectContaining({ officeCode: 'HD', amount: expected.total, employers: 4 })]);
    expect(overview.byKind.find((k) => k.kind === 'COOPERATIVE')).toMatchObject({ employers: 1, amount: 9_870_000 });
    expect(overview.largest.map((e) => e.code)).toEqual(['TA0104B', 'TA0102B', 'TA0101B', 'TA0103B']);
    // The reminder letter of the longest debtor reads the imported figures, issued by the office.
    const letter = await call(core, 'arrears:reminderDocument', { employerId: overview.largest[0]!.id, issueDate: null });
    expect(letter.header.issuer).toBe('BẢO HIỂM XÃ HỘI HUYỆN HỒNG DÂN');
    expect(letter.header.placeDate).toMatch(/ngày\s+tháng\s+năm 2026$/);
    const text = letter.sections[0]!.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')).join('\n');
    expect(text).toContain('402.000.000 đ (19 tháng, thuộc nhóm "Từ 12 tháng trở lên (nợ kéo dài)")');
    expect(text).toContain('31.600.000 đ');
  });

  it('reads another office’s wording and order: tax code as the code, commune names, status, column numbers and totals row skipped', async () => {
    const core = await hongDanCore();
    const commune = (await call(core, 'units:list', { includeEnded: true })).find((u) => u.level === 'commune')!;
    const path = writeWorkbook(join(tempDataDir('bhxh-arrears-'), 'bao-cao-no-thang-10.xlsx'), [
      { name: 'Ghi chú', rows: [['Danh sách gửi kèm công văn']] },
      {
        name: 'Nợ đọng',
        rows: [
          ['BẢO HIỂM XÃ HỘI CƠ SỞ HỒNG DÂN'],
          ['BÁO CÁO TÌNH HÌNH NỢ ĐỌNG THÁNG 10 NĂM 2020'],
          [],
          ['STT', 'Mã số thuế', 'Tên doanh nghiệp', 'Xã, phường', 'Tình trạng', 'Số tháng nợ', 'Số tiền chậm đóng (đồng)', 'Lãi chậm nộp', 'Số phải thu trong năm'],
          ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)'],
          [1, '1900333444', 'Công ty TNHH Gạch ngói Vĩnh Lộc', commune.name, 'Đang hoạt động', '8', '24.000.000', '1.250.000', '36.000.000'],
          [2, 1900333445, 'HTX Dịch vụ nông nghiệp Hồng Dân', 'Xã Không Có', 'Đã giải thể', 30, 45_000_000, 0, 0],
          ['', 'Tổng cộng', '', '', '', '', '69.000.000', '1.250.000', '36.000.000'],
          [],
          ['', '', 'Người lập biểu', '', '', '', 'GIÁM ĐỐC'],
        ],
      },
    ]);
    const p = await preview(core, path);
    expect(p.errors).toEqual([]);
    expect(p).toMatchObject({ sheet: 'Nợ đọng', period: '2020-10', periodSource: 'file', officeCode: 'HD', rowsRead: 2, rowsOk: 2, rowsRejected: 0, canCommit: true });
    expect(p.columns.map((c) => c.field)).toEqual(['seq', 'taxCode', 'name', 'commune', 'status', 'months', 'amount', 'interest', 'due']);
    expect(p.rows.map((r) => [r.code, r.band, r.status, r.amountOwed, r.amountDueYear])).toEqual([
      ['1900333444', 'FROM_6_TO_12', 'ACTIVE', 24_000_000, 36_000_000],
      ['1900333445', 'CLOSED', 'DISSOLVED', 45_000_000, 0],
    ]);
    expect(p.totals.amountOwed).toBe(69_000_000);
    expect(p.warnings.map((w) => w.cell)).toEqual(['D7']);
    expectVietnamese(p.warnings[0]!.message);
    await call(core, 'arrears:commitImport', { planId: p.planId });
    const list = await call(core, 'arrears:employers', { period: '2020-10' });
    expect(list.items.map((e) => [e.code, e.kind, e.unitCode, e.status])).toEqual([
      ['1900333445', 'COOPERATIVE', null, 'DISSOLVED'],
      ['1900333444', 'ENTERPRISE', commune.code, 'ACTIVE'],
    ]);
    const o = await call(core, 'arrears:overview', { period: '2020-10', officeCode: 'HD' });
    expect(o.ratio).toBe(arrearsRatio(69_000_000, 36_000_000));
    expect(o.byBand.find((b) => b.band === 'CLOSED')).toMatchObject({ employers: 1, amount: 45_000_000 });
  });

  it('a list with errors by cell is refused whole and changes nothing', async () => {
    const core = await hongDanCore();
    const dir = tempDataDir('bhxh-arrears-');
    const path = writeWorkbook(join(dir, 'no-dong-loi.xlsx'), [
      {
        name: 'Nợ',
        rows: [
          ['BẢO HIỂM XÃ HỘI HUYỆN HỒNG DÂN'],
          ['DANH SÁCH ĐƠN VỊ NỢ ĐÓNG ĐẾN HẾT THÁNG 10/2020'],
          ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Mã số thuế', 'Số tháng nợ', 'Số tiền chậm đóng (đồng)'],
          [1, 'TA0201B', 'Công ty TNHH Thử Nghiệm', '1900222333', 3, '12.500.000'],
          [2, 'TA0202B', 'Doanh nghiệp Lỗi Số', '1900222334', 2, '12,5 triệu'],
          [3, 'TA0203B', '', '19002', 'ba', '1.000.000'],
          [4, 'TA0201B', 'Trùng mã', '', 1, '500.000'],
          ['Tổng cộng', '', '', '', '', '14.000.000'],
        ],
      },
    ]);
    const before = await hashDatabase(storeOf(core));
    const p = await preview(core, path);
    expect(p.period).toBe('2020-10');
    expect(p.canCommit).toBe(false);
    expect(p.rowsRead).toBe(4);
    expect(p.rowsOk).toBe(1);
    expect(p.rowsRejected).toBe(3);
    const cells = p.errors.map((e) => `${e.sheet}!${e.cell}`);
    expect(cells).toEqual(expect.arrayContaining(['Nợ!F5', 'Nợ!C6', 'Nợ!D6', 'Nợ!E6', 'Nợ!B7']));
    for (const e of p.errors) expectVietnamese(e.message);
    const err = await callError(core, 'arrears:commitImport', { planId: p.planId });
    expect(err.code).toBe('IMPORT_REJECTED');
    expectVietnamese(err.message);
    expect(await hashDatabase(storeOf(core))).toBe(before);
    // A workbook that is not an arrears list is refused with the words it looks for.
    const other = writeWorkbook(join(dir, 'khong-phai.xlsx'), [{ name: 'Sheet1', rows: [['Họ tên', 'Năm sinh'], ['Nguyễn Văn A', 1980]] }]);
    const wrong = await callError(core, 'arrears:previewImport', { file: core.files.registerPath(other) });
    expect(wrong.code).toBe('FILE_INVALID');
    expect(wrong.message).toContain('"khong-phai.xlsx"');
    expect(wrong.message).toContain('Tiền nợ');
    expectVietnamese(wrong.message);
    expect(await hashDatabase(storeOf(core))).toBe(before);
  });

  it('undo of a batch brings the database back to the same state; a later batch of the month must go first', async () => {
    const core = await hongDanCore();
    // The arrears tables' whole content (audit and batch history aside, which keep the undo on record).
    const state = async () => JSON.stringify([
      await rows(storeOf(core), sql`SELECT * FROM employers ORDER BY id`),
      await rows(storeOf(core), sql`SELECT * FROM arrears_rows ORDER BY employer_id, period`),
    ]);
    const before = await state();
    const p = await preview(core, fixturePath(ARREARS_FIXTURE));
    const first = await call(core, 'arrears:commitImport', { planId: p.planId });
    const afterFirst = await state();
    // The same list again, its month chosen: the rows are replaced, the employers known.
    const again = await preview(core, fixturePath(ARREARS_FIXTURE), { period: '2020-09', officeCode: 'HD' });
    expect(again.existingEmployers).toBe(4);
    expect(again.newEmployers).toBe(0);
    const second = await call(core, 'arrears:commitImport', { planId: again.planId });
    expect(second.employersAdded).toBe(0);
    const refused = await callError(core, 'arrears:undoBatch', { batchId: first.batchId });
    expect(refused.code).toBe('CONFLICT');
    expectVietnamese(refused.message);
    await call(core, 'arrears:undoBatch', { batchId: second.batchId });
    expect(await state()).toBe(afterFirst);
    const batches = await call(core, 'arrears:batches', {});
    expect(batches.items.map((b) => [b.id, b.undoneAt !== null])).toEqual([[second.batchId, true], [first.batchId, false]]);
    await call(core, 'arrears:undoBatch', { batchId: first.batchId });
    expect(await state()).toBe(before);
    expect(await scalar(storeOf(core), sql`SELECT COUNT(*) FROM employers`)).toBe(0);
    expect(afterFirst).not.toBe(before);
  });
});
