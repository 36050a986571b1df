import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { unicodeToVni } from '../integration/importVniText';
import { expect, FIXTURES, shot, test } from './fixtures';
import { ImportsPage } from './pages/ImportsPage';

/** The Hồng Dân report retyped in VNI-Times, its BHXH tự nguyện plan column headed "Kế hoạch năm 2021". */
function vniReport(dir: string): string {
  const wb = XLSX.read(readFileSync(join(FIXTURES, 'district-report-hong-dan-2020-09.xlsx')));
  const ws = wb.Sheets[wb.SheetNames[0]!]!;
  ws['C8'] = { t: 's', v: 'Kế hoạch năm 2021' };
  for (const [address, cell] of Object.entries(ws)) {
    const c = cell as XLSX.CellObject;
    if (!address.startsWith('!') && c.t === 's') ws[address] = { t: 's', v: unicodeToVni(String(c.v)) };
  }
  const path = join(dir, 'bao-cao-vni.xlsx');
  writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return path;
}

test('a report typed in VNI is shown converted, with its notice, and the plan year its header names', async ({ page, app }) => {
  const dir = mkdtempSync(join(tmpdir(), 'bhxh-e2e-vni-'));
  try {
    const imports = await ImportsPage.open(page, app);
    await imports.chooseFile(vniReport(dir));
    await expect(imports.legacyNotice).toContainText('VNI');
    await expect(imports.office).toContainText('BẢO HIỂM XÃ HỘI HUYỆN HỒNG DÂN');
    await expect(imports.rows).toContainText('TT Ngan Dừa');
    await expect(imports.mapping.getByTestId('imports-plan-year')).toHaveText(['năm 2021']);
    // The font notice is not repeated among the other warnings.
    await expect(page.getByTestId('imports-warnings')).toHaveCount(0);
    await shot(page, '48-import-vni');
    await imports.commitButton.click();
    await expect(imports.outcome).toBeVisible();
    const targets = JSON.parse(app.cli('results', '--period', '2020-09', '--indicator', 'BHXH_TN', '--unit', '956', '--json')) as { total: { actual: number | null; target: number | null } };
    expect(targets.total.actual).toBe(2428);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
