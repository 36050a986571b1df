import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, FIXTURES, shot, test } from './fixtures';
import { AppShell, FirstRunPage } from './pages';
import { ImportsPage } from './pages/ImportsPage';

/** A file of `mb` megabytes (sparse: quick to make, read in full by the upload). */
function fileOf(dir: string, name: string, mb: number): string {
  const path = join(dir, name);
  const fd = openSync(path, 'w');
  ftruncateSync(fd, mb * 1024 * 1024);
  closeSync(fd);
  return path;
}

// Each test sends more than 50 MB through the browser: slow on a busy machine, so the time limit is tripled.
test('a report over 50 MB is refused with the server\'s Vietnamese message, and the next file imports on the same page', async ({ page, app }) => {
  test.slow();
  const dir = mkdtempSync(join(tmpdir(), 'bhxh-e2e-upload-'));
  try {
    const imports = await ImportsPage.open(page, app);
    await imports.chooseFile(fileOf(dir, 'bao-cao-qua-lon.xlsx', 51));
    await expect(imports.pickError).toContainText('Tệp "bao-cao-qua-lon.xlsx" quá lớn (51 MB): chỉ nhận tệp tối đa 50 MB.');
    await expect(imports.pickError).not.toContainText(/Failed to fetch|Không kết nối được/);
    await shot(page, '54-import-too-large');

    await imports.chooseFile(join(FIXTURES, 'district-report-hong-dan-2020-09.xlsx'));
    await expect(imports.preview).toBeVisible();
    await expect(imports.matched).toHaveText('9/9 dòng khớp đơn vị');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a unit list over 50 MB is refused in the import dialog with the same message', async ({ page, app }) => {
  test.slow();
  const dir = mkdtempSync(join(tmpdir(), 'bhxh-e2e-upload-'));
  try {
    await new AppShell(page).open(app.url);
    const dialog = await new FirstRunPage(page).openImport();
    await dialog.chooseFile(fileOf(dir, 'danh-muc-qua-lon.xlsx', 60));
    await expect(dialog.error).toContainText('Tệp "danh-muc-qua-lon.xlsx" quá lớn (60 MB): chỉ nhận tệp tối đa 50 MB.');
    await shot(page, '15-unit-import-too-large');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
