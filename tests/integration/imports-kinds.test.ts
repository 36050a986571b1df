import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { FIXTURE, fixturePath, tempDataDir } from '../helpers/fixtures';
import { hongDan, previewPath } from './importExpected';

function copyWith(cells: Record<string, string>): string {
  const wb = XLSX.read(readFileSync(fixturePath(FIXTURE.districtReport)));
  const ws = wb.Sheets[wb.SheetNames[0]!]!;
  for (const [address, v] of Object.entries(cells)) ws[address] = { t: 's', v };
  const path = join(tempDataDir('bhxh-kinds-'), 'bao-cao-sua.xlsx');
  writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return path;
}

describe('import messages say what they are about', () => {
  it('warnings: totals with their cell, legacy fonts; the texts stay in `warnings` in the same order', async () => {
    const core = await hongDan();
    const bad = await previewPath(core, fixturePath('district-report-hong-dan-2020-09-bad-total.xlsx'));
    expect(bad.warningDetails).toEqual([{ kind: 'totals', cell: 'D19', message: bad.warnings[0] }]);
    const tcvn3 = await previewPath(core, fixturePath('district-report-hong-dan-2020-09-tcvn3.xlsx'));
    expect(tcvn3.warningDetails.map((w) => w.kind)).toEqual(['legacy']);
    expect(tcvn3.warnings).toEqual(tcvn3.warningDetails.map((w) => w.message));
  });

  it('errors: a row error, a missing period and a table without figure columns each have their kind', async () => {
    const core = await hongDan();
    const p = await previewPath(core, copyWith({ B10: 'Xã Không Có', A5: 'Báo cáo kết quả phát triển người tham gia' }));
    const kinds = p.errors.map((e) => e.kind);
    expect(kinds).toContain('row');
    expect(p.errors.find((e) => e.kind === 'row')!.cell).toBe('B10');
    expect(p.rows.flatMap((r) => r.issues).every((i) => i.kind === 'row')).toBe(true);
    expect(p.period).toBeNull();
    expect(p.errors.find((e) => e.kind === 'period')!.message).toContain('kỳ báo cáo');

    const noFigures = await previewPath(core, copyWith({ C8: 'Ghi chú', D8: 'Ghi chú', F8: 'Ghi chú', G8: 'Ghi chú', C7: 'Ghi chú', F7: 'Ghi chú', I7: 'Ghi chú', J7: 'Ghi chú', I8: 'Ghi chú', J8: 'Ghi chú' }));
    expect(noFigures.errors.map((e) => e.kind)).toContain('columns');
  });
});
