// Only type imports from 'electron', so the Vietnamese menu is checked in plain Node.
import type { MenuItemConstructorOptions } from 'electron';
import { APP_TITLE } from './security';

export interface MenuActions {
  /** Developer tools only in unpackaged runs. */
  isPackaged: boolean;
  onAbout(): void;
}

export function buildMenuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { label: 'Tải lại', role: 'reload' },
    { type: 'separator' },
    { label: 'Phóng to', role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
    { label: 'Thu nhỏ', role: 'zoomOut' },
    { label: 'Kích thước mặc định', role: 'resetZoom' },
    { type: 'separator' },
    { label: 'Toàn màn hình', role: 'togglefullscreen' },
  ];
  if (!actions.isPackaged) {
    view.push({ type: 'separator' }, { label: 'Công cụ cho nhà phát triển', role: 'toggleDevTools' });
  }
  return [
    { label: 'Tệp', submenu: [{ label: 'Thoát', role: 'quit', accelerator: 'Alt+F4' }] },
    {
      // Windows handles Ctrl+C/V without a menu, but users look for them here.
      label: 'Sửa',
      submenu: [
        { label: 'Hoàn tác', role: 'undo' },
        { label: 'Làm lại', role: 'redo' },
        { type: 'separator' },
        { label: 'Cắt', role: 'cut' },
        { label: 'Sao chép', role: 'copy' },
        { label: 'Dán', role: 'paste' },
        { label: 'Chọn tất cả', role: 'selectAll' },
      ],
    },
    { label: 'Xem', submenu: view },
    { label: 'Trợ giúp', submenu: [{ label: `Giới thiệu ${APP_TITLE}`, click: () => actions.onAbout() }] },
  ];
}

export function aboutDetail(info: { version: string; dataDir: string; versions: Record<string, string | undefined> }): string {
  return [
    `Phiên bản ${info.version}`,
    'Theo dõi phát triển người tham gia BHXH, BHYT.',
    `Thư mục dữ liệu: ${info.dataDir}`,
    `Electron ${info.versions.electron ?? '?'} · Chromium ${info.versions.chrome ?? '?'} · Node.js ${info.versions.node ?? '?'}`,
  ].join('\n');
}
