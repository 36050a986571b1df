import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeRowsXlsx } from '../bench/peopleFile';
import { expect, shot, test } from './fixtures';
import { ImportsPage } from './pages/ImportsPage';

/** A report sheet of a million rows (past the row limit, read to its end): seconds of reading, long enough to watch and to cancel. */
async function bigReport(dir: string): Promise<string> {
  const path = join(dir, 'bao-cao-12-thang.xlsx');
  await writeRowsXlsx(path, 'T9', ['STT', 'Đơn vị', 'Kế hoạch', 'Thực hiện', 'Ghi chú'], 1_000_000, (r) => [r + 1, `Xã ${r}`, r, r * 2, `ghi chú dài ${r}`]);
  return path;
}

test('reading a large report shows its stage and can be cancelled with "Hủy", leaving nothing imported', async ({ page, app }) => {
  const dir = mkdtempSync(join(tmpdir(), 'bhxh-e2e-progress-'));
  try {
    const imports = await ImportsPage.open(page, app);
    await imports.startChoosing(await bigReport(dir));
    await expect(imports.progress).toBeVisible();
    await expect(imports.progressStage).toHaveText(/^Đang (đọc tệp|phân tích trang tính 1\/1)…$/);
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
