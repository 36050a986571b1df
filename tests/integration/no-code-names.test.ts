import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app/appCore';
import type { DownloadRef } from '../../shared/contract';
import { INDICATORS } from '../../shared/domain/indicators';
import { call, FIXED_NOW, importFile, openTestCore, tickingClock } from '../helpers/core';
import { FIXTURE, fixturePath, tempDataDir } from '../helpers/fixtures';
import { writeWorkbook } from '../helpers/workbooks';

/** Program names of indicators and English words that must never reach a user. */
const CODE_NAME = /\b(POP|LABOUR)\b|\b[A-Z]+_[A-Z_]+\b|\btarget\b|\bresult\b/;

/** Sheet names and the text of every cell of a workbook, as SheetJS reads it back. */
function workbookTexts(bytes: Buffer): string[] {
  const wb = XLSX.read(bytes, { type: 'buffer' });
  const texts = [...wb.SheetNames];
  for (const name of wb.SheetNames) {
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name]!, { header: 1, defval: null, raw: false });
    for (const row of rows) for (const cell of row) if (typeof cell === 'string' && cell.trim()) texts.push(cell);
  }
  return texts;
}

function expectNoCodeNames(core: AppCore, ref: DownloadRef): string[] {
  expect(ref.fileName, ref.fileName).not.toMatch(CODE_NAME);
  expect(ref.fileName.toLowerCase(), ref.fileName).not.toMatch(/bhxh_|bhyt_|cov_|share_|\bpop\b|labour/);
  expect(ref.fileName).toMatch(/^[a-zA-Z0-9._-]+$/);
  const texts = workbookTexts(core.downloads.take(ref.token).bytes);
  expect(texts.filter((t) => CODE_NAME.test(t)), ref.fileName).toEqual([]);
  return texts;
}

describe('no code names in exported workbooks and their file names', () => {
  it('progress tables of every indicator, coverage, the entry grid, targets and the report workbook', async () => {
    const core = await openTestCore({ now: () => FIXED_NOW });
    await call(core, 'demo:load', {});
    const period = { kind: 'month', year: 2026, index: 10 } as const;
    for (const def of INDICATORS) {
      const ref = await call(core, 'exports:comparison', { period, indicatorCode: def.code });
      const texts = expectNoCodeNames(core, ref);
      expect(texts.some((t) => t.toLocaleUpperCase('vi').includes(def.name.toLocaleUpperCase('vi'))), def.code).toBe(true);
    }
    expectNoCodeNames(core, await call(core, 'exports:coverage', { period }));
    expect(expectNoCodeNames(core, await call(core, 'exports:grid', { month: '2026-10' }))).toContain('BHXH tự nguyện');
    expectNoCodeNames(core, await call(core, 'exports:targets', { year: 2026 }));
    const targets = await call(core, 'exports:targets', { year: 2026, indicatorCode: 'BHXH_TN' });
    expect(targets.fileName).toBe('ke-hoach-2026-BHXH-tu-nguyen.xlsx');
    expectNoCodeNames(core, targets);
    const saved = await call(core, 'reports:save', { definition: await call(core, 'reports:defaults', { period: '2026-10' }) });
    expectNoCodeNames(core, await call(core, 'reports:excel', { id: saved.id }));
  });

  it('the error workbook of an import names its columns in Vietnamese, results and plans apart', async () => {
    const core = await openTestCore({ now: tickingClock() });
    await importFile(core, fixturePath(FIXTURE.unitsHongDan));
    const rows = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(readFileSync(fixturePath(FIXTURE.districtReport))).Sheets['T9-2020']!, { header: 1, defval: null });
    rows[9]![3] = 'một trăm';
    const file = writeWorkbook(join(tempDataDir('bhxh-codes-'), 'bao-cao-loi.xlsx'), [{ name: 'T9-2020', rows }]);
    const preview = await call(core, 'imports:preview', { file: core.files.registerPath(file) });
    expect(preview.rows.some((r) => r.status === 'error')).toBe(true);
    const texts = expectNoCodeNames(core, await call(core, 'imports:errorsWorkbook', { sessionId: preview.sessionId }));
    expect(texts).toEqual(expect.arrayContaining(['Thực hiện', 'Kế hoạch', 'BHXH tự nguyện', 'BHYT hộ gia đình']));
  });
});
