import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, screen, session, shell } from 'electron';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openAppCore, type AppCore } from '../core/app/appCore';
import { createIpcHandlers, forwardEvents, registerIpc } from './ipc';
import { aboutDetail, buildMenuTemplate } from './menu';
import { denyAllPermissions, hardenWebContents } from './navigation';
import { createElectronPrinter } from './printing';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { APP_ORIGIN, APP_TITLE, buildWindowOptions, loadWindowState, serializeWindowState } from './security';

const APP_USER_MODEL_ID = 'vn.gov.bhxh.desk';

registerAppScheme(protocol);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let core: AppCore | null = null;

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function openExternal(url: string): void {
  void shell.openExternal(url).catch(() => undefined);
}

function showAbout(dataDir: string): void {
  const options = {
    type: 'info' as const,
    title: `Giới thiệu ${APP_TITLE}`,
    message: APP_TITLE,
    detail: aboutDetail({ version: app.getVersion(), dataDir, versions: process.versions }),
    buttons: ['Đóng'],
  };
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

function createWindow(dataDir: string): BrowserWindow {
  const statePath = join(dataDir, 'window-state.json');
  const primary = screen.getPrimaryDisplay();
  const displays = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)];
  const state = loadWindowState(readText(statePath), displays);
  const win = new BrowserWindow(
    buildWindowOptions({
      preloadPath: join(app.getAppPath(), 'out', 'electron', 'preload.cjs'),
      state,
      devTools: !app.isPackaged,
    }),
  );
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  win.on('close', () => {
    try {
      writeFileSync(statePath, serializeWindowState(win.getNormalBounds(), win.isMaximized()));
    } catch {
      // Losing the window position is not worth bothering the user about.
    }
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(`${APP_ORIGIN}/`);
  return win;
}

async function start(): Promise<void> {
  await app.whenReady();
  const dataDir = process.env.APP_DATA_DIR || app.getPath('userData');
  mkdirSync(dataDir, { recursive: true });

  denyAllPermissions(session.defaultSession);
  handleAppProtocol(protocol, join(app.getAppPath(), 'out', 'renderer'));
  const appCore = await openAppCore({ dataDir, mode: 'electron' });
  core = appCore;
  appCore.setReportPrinter(createElectronPrinter(join(app.getAppPath(), 'out', 'electron', 'preload.cjs')));

  registerIpc(
    ipcMain,
    createIpcHandlers({
      core: appCore,
      showOpenDialog: (event, options) => {
        const owner = BrowserWindow.fromWebContents(event.sender);
        return owner ? dialog.showOpenDialog(owner, options) : dialog.showOpenDialog(options);
      },
      showSaveDialog: async (event, defaultName) => {
        const owner = BrowserWindow.fromWebContents(event.sender);
        const filters = defaultName.toLowerCase().endsWith('.pdf') ? [{ name: 'PDF', extensions: ['pdf'] }] : [{ name: 'Excel', extensions: ['xlsx'] }];
        const options = { title: 'Lưu tệp', defaultPath: join(app.getPath('documents'), defaultName), filters };
        const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
        return result.canceled || !result.filePath ? null : result.filePath;
      },
      writeFile: (path, bytes) => writeFileSync(path, bytes),
    }),
  );
  forwardEvents(appCore.events, () => mainWindow?.webContents ?? null);
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ isPackaged: app.isPackaged, onAbout: () => showAbout(dataDir) })));

  mainWindow = createWindow(dataDir);
}

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same database; hand over to the first one instead.
  app.quit();
} else {
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    core?.close();
    core = null;
  });
  start().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox(`Không thể khởi động ${APP_TITLE}`, message);
    app.exit(1);
  });
}
