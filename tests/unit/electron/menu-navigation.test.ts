import { EventEmitter } from 'node:events';
import type { MenuItemConstructorOptions, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { aboutDetail, buildMenuTemplate } from '../../../electron/main/menu';
import { denyAllPermissions, hardenWebContents } from '../../../electron/main/navigation';

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.filter((i) => i.type !== 'separator').map((i) => i.label ?? '');
}

function submenu(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const found = items.find((i) => i.label === label);
  expect(found, label).toBeDefined();
  return found!.submenu as MenuItemConstructorOptions[];
}

describe('application menu', () => {
  it('is in Vietnamese with Tệp, Sửa, Xem, Trợ giúp', () => {
    const template = buildMenuTemplate({ isPackaged: true, onAbout: () => undefined });
    expect(labels(template)).toEqual(['Tệp', 'Sửa', 'Xem', 'Trợ giúp']);
    expect(submenu(template, 'Tệp')).toEqual([expect.objectContaining({ label: 'Thoát', role: 'quit' })]);
    const view = submenu(template, 'Xem');
    expect(view.map((i) => i.role).filter(Boolean)).toEqual(['reload', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']);
    expect(labels(view)).toEqual(['Tải lại', 'Phóng to', 'Thu nhỏ', 'Kích thước mặc định', 'Toàn màn hình']);
  });

  it('hides developer tools in packaged builds only', () => {
    const roles = (packaged: boolean) =>
      submenu(buildMenuTemplate({ isPackaged: packaged, onAbout: () => undefined }), 'Xem').map((i) => i.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('toggleDevTools');
  });

  it('Giới thiệu calls the about action', () => {
    const onAbout = vi.fn();
    const help = submenu(buildMenuTemplate({ isPackaged: true, onAbout }), 'Trợ giúp');
    expect(help[0]!.label).toBe('Giới thiệu BHXH Desk');
    (help[0]!.click as () => void)();
    expect(onAbout).toHaveBeenCalledOnce();
  });

  it('about text names version, data folder and runtime versions', () => {
    const text = aboutDetail({ version: '0.1.0', dataDir: 'D:\\BHXH', versions: { electron: '45.4.1', chrome: '142', node: '22' } });
    expect(text).toContain('Phiên bản 0.1.0');
    expect(text).toContain('Thư mục dữ liệu: D:\\BHXH');
    expect(text).toContain('Electron 45.4.1');
  });
});

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
  navigate(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', url: string): boolean {
    let prevented = false;
    this.emit(event, { url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

function hardened() {
  const contents = new FakeContents();
  const openExternal = vi.fn();
  hardenWebContents(contents as unknown as WebContents, openExternal);
  return { contents, openExternal };
}

describe('hardenWebContents', () => {
  it('lets the app navigate within app://bhxh', () => {
    const { contents, openExternal } = hardened();
    expect(contents.navigate('will-navigate', 'app://bhxh/reports')).toBe(false);
    expect(contents.navigate('will-redirect', 'app://bhxh/index.html')).toBe(false);
    expect(contents.navigate('will-frame-navigate', 'app://bhxh/x')).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it.each(['https://example.com/', 'http://example.com/', 'file:///C:/Windows/', 'app://evil/', 'javascript:alert(1)'])(
    'blocks navigation to %s',
    (url) => {
      const { contents } = hardened();
      expect(contents.navigate('will-navigate', url)).toBe(true);
      expect(contents.navigate('will-redirect', url)).toBe(true);
      expect(contents.navigate('will-frame-navigate', url)).toBe(true);
    },
  );

  it('opens only https links in the system browser', () => {
    const { contents, openExternal } = hardened();
    contents.navigate('will-navigate', 'https://baohiemxahoi.gov.vn/');
    contents.navigate('will-navigate', 'http://baohiemxahoi.gov.vn/');
    contents.navigate('will-navigate', 'file:///C:/Windows/System32/calc.exe');
    expect(openExternal.mock.calls).toEqual([['https://baohiemxahoi.gov.vn/']]);
  });

  it('denies every window.open, handing https to the system browser', () => {
    const { contents, openExternal } = hardened();
    for (const url of ['https://example.com/a', 'http://example.com/', 'app://bhxh/popup', 'file:///etc/passwd']) {
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(openExternal.mock.calls).toEqual([['https://example.com/a']]);
  });

  it('refuses to attach <webview>', () => {
    const { contents } = hardened();
    const preventDefault = vi.fn();
    contents.emit('will-attach-webview', { preventDefault }, {}, {});
    expect(preventDefault).toHaveBeenCalled();
  });
});

describe('denyAllPermissions', () => {
  it('denies requests and checks', () => {
    let requestHandler: ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | null = null;
    let checkHandler: ((...args: unknown[]) => boolean) | null = null;
    denyAllPermissions({
      setPermissionRequestHandler: (h: typeof requestHandler) => (requestHandler = h),
      setPermissionCheckHandler: (h: typeof checkHandler) => (checkHandler = h),
    } as never);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      requestHandler!(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(checkHandler!(null, permission, 'app://bhxh', {})).toBe(false);
    }
  });
});
