import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { expect, shot, test } from './fixtures';
import { ImportsPage } from './pages/ImportsPage';

/** Twelve long sheets: a few seconds of parsing, long enough to watch and to cancel. */
function bigReport(dir: string): string {
  const wb = XLSX.utils.book_new();
  for (let s = 1; s <= 12; s++) {
    const rows: unknown[][] = [['STT', 'Đơn vị', 'Kế hoạch', 'Thực hiện']];
    for (let r = 0; r < 8000; r++) rows.push([r + 1, `Xã ${r}`, r, r * 2, `ghi chú dài ${r} `.repeat(4)]);
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), `T${s}`);
  }
  const path = join(dir, 'bao-cao-12-thang.xlsx');
  writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return path;
}

test('reading a large report shows its stage and can be cancelled with "Hủy", leaving nothing imported', async ({ page, app }) => {
  const dir = mkdtempSync(join(tmpdir(), 'bhxh-e2e-progress-'));
  try {
    const imports = await ImportsPage.open(page, app);
    await imports.startChoosing(bigReport(dir));
    await expect(imports.progress).toBeVisible();
    await expect(imports.progressStage).toHaveText(/^Đang (đọc tệp|phân tích trang tính \d+\/12)…$/);
    await shot(page, '47-import-progress');
    await imports.progress.getByRole('button', { name: 'Hủy' }).click();
    await expect(imports.cancelled).toContainText('Đã hủy việc đọc tệp "bao-cao-12-thang.xlsx"');
    await expect(imports.intro).toBeVisible();
    await expect(imports.progress).toHaveCount(0);
    expect(app.cli('imports', 'list')).not.toMatch(/bao-cao-12-thang/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
