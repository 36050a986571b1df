import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  handleAppProtocol,
  registerAppScheme,
} from '../../../electron/main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'bhxh-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>BHXH Desk</title>');
  writeFileSync(join(root, 'assets', 'main.js'), 'export {}');
  writeFileSync(join(root, 'assets', 'main.css'), 'body{}');
  writeFileSync(join(base, 'secret.txt'), 'top secret');
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => createAppProtocolHandler(root)({ url, method });

describe('app:// scheme registration', () => {
  it('is standard and secure but gets no CSP bypass or CORS', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    const privileges = APP_SCHEME_PRIVILEGES[0]!.privileges!;
    expect(privileges.bypassCSP).toBeUndefined();
    expect(privileges.corsEnabled).toBeUndefined();
  });

  it('registers privileges and the handler through the given protocol object', async () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith(APP_SCHEME_PRIVILEGES);

    const handle = vi.fn();
    handleAppProtocol({ handle }, root);
    expect(handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = handle.mock.calls[0]![1] as (r: { url: string; method: string }) => Promise<Response>;
    const response = await handler({ url: 'app://bhxh/', method: 'GET' });
    expect(response.status).toBe(200);
  });
});

describe('createAppProtocolHandler', () => {
  it('serves index.html with the CSP and the right content type', async () => {
    const response = await get('app://bhxh/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>BHXH Desk</title>');
  });

  it('serves scripts and styles with their own types', async () => {
    const js = await get('app://bhxh/assets/main.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('export {}');
    const css = await get('app://bhxh/assets/main.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('falls back to index.html for client-side routes', async () => {
    const response = await get('app://bhxh/catalogs/units');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('BHXH Desk');
  });

  it.each(['app://bhxh/..%2fsecret.txt', 'app://bhxh/assets/missing.js', 'app://other/index.html', 'app://bhxh/..%5csecret.txt'])(
    '404s %s with the CSP still set',
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).not.toContain('top secret');
    },
  );

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://bhxh/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    expect((await get('app://bhxh/index.html', 'POST')).status).toBe(405);
    expect((await get('app://bhxh/index.html', 'PUT')).status).toBe(405);
  });

  it('404s when the file vanishes between resolve and read', async () => {
    const handler = createAppProtocolHandler(root, () => Promise.reject(new Error('ENOENT')));
    expect((await handler({ url: 'app://bhxh/', method: 'GET' })).status).toBe(404);
  });
});
