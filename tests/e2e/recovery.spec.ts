import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, runCli, shot, startServer, test } from './fixtures';
import { AppShell, BackupsPage } from './pages';

test('a damaged database opens the recovery screen, and restoring a backup brings the app back', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bhxh-e2e-recovery-'));
  runCli(dataDir, ['demo']);
  const backup = (JSON.parse(runCli(dataDir, ['backup', '--json'])) as { fileName: string }).fileName;
  const dbFile = join(dataDir, 'bhxh-desk.sqlite');
  const bytes = readFileSync(dbFile);
  // Keep the header so SQLite opens the file, then wreck the pages after it.
  bytes.fill(0xa5, 4096, Math.min(bytes.length, 64 * 1024));
  writeFileSync(dbFile, bytes);

  const { child, url } = await startServer(dataDir);
  try {
    const shell = new AppShell(page);
    await shell.open(url);
    await expect(page.getByTestId('recovery-page')).toBeVisible();
    await expect(page.getByTestId('recovery-page')).toContainText('Cơ sở dữ liệu');
    await shot(page, '14-recovery');
    await new BackupsPage(page).restore(backup);
    await expect(page.getByTestId('recovery-page')).toBeHidden();
    await expect(shell.demoTag).toBeVisible();
  } finally {
    child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
