import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  buildWindowOptions,
  isSafeExternalUrl,
  isTrustedUrl,
  mimeTypeFor,
  resolveAppFile,
} from '../../../electron/main/security';

describe('buildWindowOptions', () => {
  const options = buildWindowOptions({
    preloadPath: '/app/out/electron/preload.cjs',
    state: { width: 1400, height: 800, x: 10, y: 20, maximized: false },
  });

  it('hardens every webPreferences value', () => {
    expect(options.webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      enableWebSQL: false,
      experimentalFeatures: false,
      devTools: false,
      preload: '/app/out/electron/preload.cjs',
    });
  });

  it('enables devTools only when asked', () => {
    const dev = buildWindowOptions({ preloadPath: 'p', state: { width: 1366, height: 768, maximized: false }, devTools: true });
    expect(dev.webPreferences.devTools).toBe(true);
    expect(dev.webPreferences.sandbox).toBe(true);
  });

  it('sets title, minimum size, hidden first paint and the saved bounds', () => {
    expect(options).toMatchObject({
      title: 'BHXH Desk',
      minWidth: 1280,
      minHeight: 720,
      show: false,
      x: 10,
      y: 20,
      width: 1400,
      height: 800,
    });
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('leaves out the position when the state has none, so Electron centres the window', () => {
    const centred = buildWindowOptions({ preloadPath: 'p', state: { width: 1366, height: 768, maximized: false } });
    expect('x' in centred).toBe(false);
    expect('y' in centred).toBe(false);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it.each([
    ['default-src', ["'self'", 'app:']],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['form-action', ["'none'"]],
  ])('%s is %j', (name, values) => {
    expect(directives.get(name)).toEqual(values);
  });

  it('never allows script eval, inline scripts or remote hosts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|https?:|\*/);
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
    expect(directives.size).toBe(10);
  });
});

describe('isTrustedUrl', () => {
  it.each(['app://bhxh/', 'app://bhxh', 'app://bhxh/index.html', 'app://bhxh/units/01?x=1#top'])('trusts %s', (url) => {
    expect(isTrustedUrl(url)).toBe(true);
  });

  it.each([
    'app://evil/',
    'app://bhxh.evil.com/',
    'app://bhxh:8080/',
    'app://user@bhxh/',
    'app://user:pw@bhxh/',
    'app:bhxh/index.html',
    'app:///bhxh/index.html',
    'http://bhxh/',
    'https://bhxh/',
    'file:///C:/Windows/index.html',
    'file://bhxh/index.html',
    'javascript:alert(1)',
    'devtools://devtools/bundled/inspector.html',
    'about:blank',
    '',
    'not a url',
  ])('rejects %s', (url) => {
    expect(isTrustedUrl(url)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(isTrustedUrl(undefined)).toBe(false);
    expect(isTrustedUrl(null)).toBe(false);
    expect(isTrustedUrl({ toString: () => 'app://bhxh/' })).toBe(false);
  });

  it('matches APP_ORIGIN', () => {
    expect(APP_ORIGIN).toBe('app://bhxh');
    expect(isTrustedUrl(`${APP_ORIGIN}/`)).toBe(true);
  });
});

describe('isSafeExternalUrl', () => {
  it('allows only https', () => {
    expect(isSafeExternalUrl('https://baohiemxahoi.gov.vn/')).toBe(true);
    expect(isSafeExternalUrl('http://baohiemxahoi.gov.vn/')).toBe(false);
    expect(isSafeExternalUrl('file:///C:/Windows/System32/calc.exe')).toBe(false);
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeExternalUrl('smb://server/share')).toBe(false);
    expect(isSafeExternalUrl('https://user:pw@example.com/')).toBe(false);
    expect(isSafeExternalUrl('app://bhxh/')).toBe(false);
  });
});

describe('resolveAppFile', () => {
  let base: string;
  let root: string;

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'bhxh-resolve-'));
    root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    writeFileSync(join(root, 'assets', 'app-1234.js'), 'console.log(1)');
    writeFileSync(join(root, 'assets', 'tên tệp.css'), 'body{}');
    writeFileSync(join(base, 'secret.txt'), 'secret');
    mkdirSync(join(base, 'renderer-evil'));
    writeFileSync(join(base, 'renderer-evil', 'x.js'), 'evil');
  });

  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('maps the root and index to index.html', () => {
    expect(resolveAppFile('app://bhxh/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppFile('app://bhxh', root)).toBe(join(root, 'index.html'));
    expect(resolveAppFile('app://bhxh/index.html', root)).toBe(join(root, 'index.html'));
  });

  it('maps assets, ignoring query and fragment, and decodes names', () => {
    expect(resolveAppFile('app://bhxh/assets/app-1234.js', root)).toBe(join(root, 'assets', 'app-1234.js'));
    expect(resolveAppFile('app://bhxh/assets/app-1234.js?v=2#x', root)).toBe(join(root, 'assets', 'app-1234.js'));
    expect(resolveAppFile('app://bhxh/assets/t%C3%AAn%20t%E1%BB%87p.css', root)).toBe(join(root, 'assets', 'tên tệp.css'));
  });

  it('serves index.html for client-side routes but 404s missing assets', () => {
    expect(resolveAppFile('app://bhxh/catalogs/units', root)).toBe(join(root, 'index.html'));
    expect(resolveAppFile('app://bhxh/reports/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppFile('app://bhxh/assets/missing.js', root)).toBeNull();
    expect(resolveAppFile('app://bhxh/assets', root)).toBe(join(root, 'index.html'));
  });

  it.each([
    'app://bhxh/../secret.txt',
    'app://bhxh/assets/../../secret.txt',
    'app://bhxh/%2e%2e/secret.txt',
    'app://bhxh/%2E%2E/%2e%2e/secret.txt',
    'app://bhxh/..%2fsecret.txt',
    'app://bhxh/..%2Fsecret.txt',
    'app://bhxh/assets%2f..%2f..%2fsecret.txt',
    'app://bhxh/..%5csecret.txt',
    'app://bhxh/..\\secret.txt',
    'app://bhxh/assets\\..\\..\\secret.txt',
    'app://bhxh/%2fetc%2fpasswd',
    'app://bhxh//etc/passwd',
    'app://bhxh/C:/Windows/win.ini',
    'app://bhxh/C%3A%5CWindows%5Cwin.ini',
    'app://bhxh/index.html%00.js',
    'app://bhxh/%E0%A4%A',
    'app://bhxh/../renderer-evil/x.js',
  ])('refuses traversal %s', (url) => {
    const resolved = resolveAppFile(url, root);
    if (resolved !== null) {
      // The URL parser may fold some of these into an in-root path; they must never leave root.
      expect(resolved.startsWith(join(root, '/'))).toBe(true);
      expect(resolved).not.toContain('secret');
      expect(resolved).not.toContain('renderer-evil');
    }
  });

  it('returns null (not a fallback) for the traversal forms the parser leaves intact', () => {
    expect(resolveAppFile('app://bhxh/..%2fsecret.txt', root)).toBeNull();
    expect(resolveAppFile('app://bhxh/..%5csecret.txt', root)).toBeNull();
    expect(resolveAppFile('app://bhxh/..\\secret.txt', root)).toBeNull();
    expect(resolveAppFile('app://bhxh/C%3A%5CWindows%5Cwin.ini', root)).toBeNull();
    expect(resolveAppFile('app://bhxh/index.html%00.js', root)).toBeNull();
    expect(resolveAppFile('app://bhxh//etc/passwd', root)).toBeNull();
  });

  it('refuses other origins and schemes', () => {
    expect(resolveAppFile('app://evil/index.html', root)).toBeNull();
    expect(resolveAppFile('file:///' + join(root, 'index.html'), root)).toBeNull();
    expect(resolveAppFile('https://bhxh/index.html', root)).toBeNull();
    expect(resolveAppFile('/index.html', root)).toBeNull();
  });

  it('does not treat a directory as a file', () => {
    mkdirSync(join(root, 'dir.d'), { recursive: true });
    expect(resolveAppFile('app://bhxh/dir.d', root)).toBeNull();
  });

  it('works when the renderer build is missing: nothing resolves', () => {
    expect(resolveAppFile('app://bhxh/', join(base, 'nope'))).toBeNull();
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a/b/app.JS', 'text/javascript; charset=utf-8'],
    ['x.mjs', 'text/javascript; charset=utf-8'],
    ['style.css', 'text/css; charset=utf-8'],
    ['data.json', 'application/json; charset=utf-8'],
    ['logo.svg', 'image/svg+xml'],
    ['logo.png', 'image/png'],
    ['photo.jpeg', 'image/jpeg'],
    ['favicon.ico', 'image/x-icon'],
    ['font.woff2', 'font/woff2'],
    ['font.ttf', 'font/ttf'],
    ['mod.wasm', 'application/wasm'],
    ['archive.bin', 'application/octet-stream'],
    ['noext', 'application/octet-stream'],
  ])('%s → %s', (path, type) => {
    expect(mimeTypeFor(path)).toBe(type);
  });
});
