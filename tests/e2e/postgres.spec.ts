import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '../helpers/pgCluster';
import { apiOf, expect, FIXTURES, shot, startServer, test, type RunningApp } from './fixtures';
import { AppShell } from './pages';
import { DashboardPage } from './pages/DashboardPage';
import { ImportsPage } from './pages/ImportsPage';
import { PrintReportPage } from './pages/ReportsPage';
import { loadCluster } from './pgServer';

/**
 * The app in browser mode on a shared PostgreSQL server (the throwaway cluster of
 * postgres.setup.ts, with password authentication): the everyday journey, the Sao lưu page
 * that hands backups to the server's administrator, and the recovery screen when the server
 * refuses the password or is not there.
 */
const REPORT = join(FIXTURES, 'district-report-hong-dan-2020-09.xlsx');

interface PgApp extends RunningApp {
  databaseUrl: string;
}

/** A fresh database on the cluster, a browser-mode server started with --database on it. */
async function startOnServer(databaseUrl: string): Promise<{ app: PgApp; stop: () => void }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bhxh-e2e-pg-'));
  const { child, url } = await startServer(dataDir, undefined, ['--database', databaseUrl]);
  const app: PgApp = {
    url,
    dataDir,
    databaseUrl,
    cli: () => {
      throw new Error('not used on PostgreSQL');
    },
    ...apiOf(url),
  };
  return {
    app,
    stop: () => {
      child.kill();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const pgTest = test.extend<{ database: { url: string } }>({
  database: async ({}, use) => {
    const db = await createTestDatabase(loadCluster().adminUrl, { prefix: 'e2e' });
    await use({ url: db.url });
    await db.drop();
  },
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

pgTest('on PostgreSQL: a district report is imported, seen on Tổng quan and printed; Sao lưu hands backups to the administrator', async ({ page, database }) => {
  pgTest.setTimeout(180_000);
  const { app, stop } = await startOnServer(database.url);
  try {
    const info = await app.invoke<{ engine: string; dbFile: string; connectionSource: string }>('app:info', {});
    expect(info).toMatchObject({ engine: 'postgres', connectionSource: 'flag' });
    expect(info.dbFile).not.toContain('quan-tri-e2e');

    const imports = await ImportsPage.open(page, app);
    await imports.chooseFile(REPORT);
    await expect(imports.period).toHaveValue('09/2020');
    await expect(imports.matched).toHaveText('9/9 dòng khớp đơn vị');
    await imports.commit();
    await expect(imports.outcome).toHaveText('Đã ghi 54 số liệu kỳ 09/2020 của BẢO HIỂM XÃ HỘI HUYỆN HỒNG DÂN, tất cả là số liệu mới.');

    await page.getByRole('button', { name: 'Xem trên Tổng quan' }).click();
    const dashboard = new DashboardPage(page);
    await expect(dashboard.periodInput).toHaveValue('09/2020');
    await dashboard.waitLoaded();
    await expect(dashboard.kpiValue('BHXH_TN')).toContainText('2.428');
    await shot(page, 'pg-01-dashboard');

    // The report: saved, its PDF made by core (headless Chromium) and the print page.
    const definition = await app.invoke<Record<string, unknown>>('reports:defaults', { period: '2020-09' });
    const saved = await app.invoke<{ id: number }>('reports:save', { definition });
    const preview = await app.invoke<{ pages: number; base64: string }>('reports:pdfPreview', { id: saved.id });
    const pdf = Buffer.from(preview.base64, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(preview.pages).toBeGreaterThan(0);
    const pdfFile = join(app.dataDir, 'bao-cao.pdf');
    writeFileSync(pdfFile, pdf);
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('2.428');
    const printTab = await page.context().newPage();
    const print = new PrintReportPage(printTab);
    await print.open(app.url, saved.id);
    await expect(print.document).toContainText('2.428');
    await printTab.close();

    // Sao lưu: no backup files on a shared server; the administrator's pg_dump/pg_restore instead.
    const shell = new AppShell(page);
    await shell.navigate('Sao lưu');
    const panel = page.getByTestId('server-backup-panel');
    await expect(panel).toContainText('Quản trị viên máy chủ sao lưu cơ sở dữ liệu này');
    await expect(page.getByTestId('pg-dump-command')).toContainText(`pg_dump -h 127.0.0.1 -p ${loadCluster().port} -U postgres -Fc`);
    await expect(panel).toContainText('pg_restore');
    await expect(panel).not.toContainText('quan-tri-e2e');
    await expect(page.getByTestId('backups-table')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Sao lưu ngay' })).toHaveCount(0);
    await expect(page.getByTestId('audit-table')).toContainText('Nhập báo cáo');
    await shot(page, 'pg-02-backups');
    // The connection form from Sao lưu: the server in use, never its password.
    await page.getByRole('button', { name: 'Kết nối cơ sở dữ liệu…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Kết nối cơ sở dữ liệu' });
    await expect(dialog.getByLabel('Cơ sở dữ liệu')).toHaveValue(new URL(database.url).pathname.slice(1));
    await expect(dialog.getByLabel('Mật khẩu')).toHaveValue('');
    await expect(dialog.getByRole('button', { name: 'Dùng cơ sở dữ liệu trên máy này' })).toBeVisible();
    await shot(page, 'pg-03-backups-connection');
    await dialog.getByRole('button', { name: 'Close' }).or(dialog.getByRole('button', { name: 'Đóng' })).first().click();
    await expect(dialog).toBeHidden();
    // Core refuses a file restore with the same message, whoever asks.
    await expect(app.invoke('backups:restore', { fileName: 'bhxh-desk-2026-01-01.sqlite' })).rejects.toThrow(/quản trị viên máy chủ.*pg_dump/);
  } finally {
    stop();
  }
});

pgTest('a wrong password opens the recovery screen with the reason and the connection form; the right one brings the app back', async ({ page, database }) => {
  const wrong = new URL(database.url);
  wrong.password = 'sai-mat-khau';
  const { app, stop } = await startOnServer(wrong.toString());
  try {
    await new AppShell(page).open(app.url);
    const recovery = page.getByTestId('recovery-page');
    await expect(recovery).toBeVisible();
    await expect(recovery.getByText('Không đăng nhập được vào máy chủ cơ sở dữ liệu', { exact: true })).toBeVisible();
    await expect(page.getByTestId('db-message')).toContainText('Sai tên người dùng hoặc mật khẩu');
    await expect(recovery).not.toContainText('sai-mat-khau');
    await expect(recovery).not.toContainText(/password authentication failed/i);
    const form = page.getByTestId('connection-form');
    await expect(form.getByLabel('Máy chủ')).toHaveValue('127.0.0.1');
    await expect(form.getByLabel('Cổng')).toHaveValue(String(loadCluster().port));
    await expect(form.getByLabel('Người dùng')).toHaveValue('postgres');
    await expect(form.getByLabel('Mật khẩu')).toHaveValue('');
    await shot(page, 'pg-04-recovery-wrong-password');

    // Testing the wrong password again says the same, in Vietnamese.
    await form.getByRole('button', { name: 'Kiểm tra kết nối' }).click();
    await expect(page.getByTestId('connection-result')).toContainText('Sai tên người dùng hoặc mật khẩu');

    await form.getByLabel('Mật khẩu').fill('quan-tri-e2e');
    await form.getByRole('button', { name: 'Kiểm tra kết nối' }).click();
    await expect(page.getByTestId('connection-result')).toContainText('Kết nối được tới máy chủ PostgreSQL');
    await form.getByRole('button', { name: 'Lưu và kết nối lại' }).scrollIntoViewIfNeeded();
    await shot(page, 'pg-05-recovery-test-ok');
    await form.getByRole('button', { name: 'Lưu và kết nối lại' }).click();
    await expect(recovery).toBeHidden();
    // An empty database: the first-run screen.
    await expect(page.getByTestId('first-run')).toBeVisible();
    expect(await app.invoke('app:info', {})).toMatchObject({ dbStatus: 'ok', connectionSource: 'file' });
  } finally {
    stop();
  }
});

pgTest('a server that is not running opens the recovery screen; the app can go back to the file on this computer', async ({ page, database }) => {
  const stopped = new URL(database.url);
  stopped.port = String(await freePort());
  const { app, stop } = await startOnServer(stopped.toString());
  try {
    await new AppShell(page).open(app.url);
    const recovery = page.getByTestId('recovery-page');
    await expect(recovery.getByText('Không kết nối được tới máy chủ cơ sở dữ liệu', { exact: true })).toBeVisible();
    await expect(page.getByTestId('db-message')).toContainText('Hãy kiểm tra mạng, địa chỉ máy chủ');
    await expect(recovery).not.toContainText(/ECONNREFUSED/);
    await shot(page, 'pg-06-recovery-unreachable');
    await page.getByRole('button', { name: 'Dùng cơ sở dữ liệu trên máy này' }).click();
    await expect(recovery).toBeHidden();
    await expect(page.getByTestId('first-run')).toBeVisible();
    expect(await app.invoke('app:info', {})).toMatchObject({ engine: 'sqlite', dbStatus: 'ok', connectionSource: 'embedded' });
  } finally {
    stop();
  }
});
