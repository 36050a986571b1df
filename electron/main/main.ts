import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, screen, session, shell, utilityProcess } from 'electron';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SERVICE_NAME, coreHostArgs } from '../core-host/protocol';
import { CoreProcess } from './coreProcess';
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
let core: CoreProcess | null = null;
let stoppingCore = false;

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

function createWindow(dataDir: string, preloadPath: string): BrowserWindow {
  const statePath = join(dataDir, 'window-state.json');
  const primary = screen.getPrimaryDisplay();
  const displays = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)];
  const state = loadWindowState(readText(statePath), displays);
  const win = new BrowserWindow(
    buildWindowOptions({
      preloadPath,
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

/** The core kept dying: ask whether to start it once more or to quit. */
async function offerRestart(detail: string): Promise<void> {
  const options = {
    type: 'error' as const,
    title: APP_TITLE,
    message: 'Bộ xử lý dữ liệu dừng đột ngột nhiều lần',
    detail,
    buttons: ['Khởi động lại', 'Thoát'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  };
  const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
  if (response !== 0) {
    app.quit();
    return;
  }
  // A start that fails again comes back here through onGiveUp.
  await core?.restart().catch(() => undefined);
}

async function start(): Promise<void> {
  await app.whenReady();
  const dataDir = process.env.APP_DATA_DIR || app.getPath('userData');
  mkdirSync(dataDir, { recursive: true });

  denyAllPermissions(session.defaultSession);
  handleAppProtocol(protocol, join(app.getAppPath(), 'out', 'renderer'));
  const preloadPath = join(app.getAppPath(), 'out', 'electron', 'preload.cjs');
  // SQLite, imports and exports run in their own process so a long transaction never holds up the
  // window. scripts/build-electron.mjs writes core-host.cjs beside this bundle.
  const coreHostPath = join(__dirname, 'core-host.cjs');
  const coreProcess = new CoreProcess({
    fork: () => utilityProcess.fork(coreHostPath, coreHostArgs(dataDir, databaseArg(process.argv)), { serviceName: CORE_SERVICE_NAME, stdio: 'inherit' }),
    printer: createElectronPrinter(preloadPath),
    onCrash: (code) => console.error(`[BHXH Desk] Bộ xử lý dữ liệu dừng đột ngột (mã thoát ${code}); đang khởi động lại.`),
    onGiveUp: (detail) => void offerRestart(detail),
  });
  core = coreProcess;
  await coreProcess.start();

  registerIpc(
    ipcMain,
    createIpcHandlers({
      core: coreProcess,
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
  forwardEvents(coreProcess.events, () => mainWindow?.webContents ?? null);
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ isPackaged: app.isPackaged, onAbout: () => showAbout(dataDir) })));

  mainWindow = createWindow(dataDir, preloadPath);
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
  app.on('will-quit', (event) => {
    // The core closes its database (and lets go of the data-folder lock) before the app goes.
    if (!core || core.status === 'stopped') return;
    event.preventDefault();
    if (stoppingCore) return;
    stoppingCore = true;
    void core.stop().finally(() => app.quit());
  });
  start().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox(`Không thể khởi động ${APP_TITLE}`, message);
    app.exit(1);
  });
}

/** `--database postgres://…` (or `--database=…`) on the command line: the shared server instead of the local file. */
function databaseArg(argv: string[]): string | undefined {
  const i = argv.findIndex((a) => a === '--database' || a.startsWith('--database='));
  if (i < 0) return undefined;
  return argv[i]!.includes('=') ? argv[i]!.slice('--database='.length) : argv[i + 1];
}
