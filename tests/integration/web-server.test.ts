import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { networkInterfaces } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app/appCore';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { TOKEN_HEADER, WEB_CSP } from '../../electron/web/security';
import { dbOf, openTestCore } from '../helpers/core';
import { hashDatabase } from '../helpers/dbHash';
import { FIXTURE, fixturePath, onCleanup, tempDataDir } from '../helpers/fixtures';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request: node's http lets us set Host and send paths fetch would normalise. */
function raw(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer | string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

describe('browser-mode web server', () => {
  let core: AppCore;
  let server: WebServer;
  let staticDir: string;
  const INDEX = '<!doctype html><title>BHXH Desk</title><div id="root"></div>';

  beforeEach(async () => {
    const root = tempDataDir('bhxh-web-');
    staticDir = join(root, 'static');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), INDEX);
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("app")');
    writeFileSync(join(root, 'secret.txt'), 'BI-MAT-KHONG-DUOC-LO');
    core = await openTestCore({ mode: 'browser' });
    server = await startWebServer({ core, staticDir });
    onCleanup(() => server.close());
  });

  const invoke = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
    raw(server.port, {
      method: 'POST',
      path: `/api/invoke/${channel}`,
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const authed = () => ({ [TOKEN_HEADER]: server.token });

  it('listens on 127.0.0.1 only, with the token in the URL fragment', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#t=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
    const external = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    if (external) {
      const reached = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: external.address, port: server.port });
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      });
      expect(reached, `reachable on ${external.address}`).toBe(false);
    }
  });

  it('API calls need the token: none → 401, wrong → 401, right → 200', async () => {
    const none = await invoke('app:info', {});
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const wrong = await invoke('app:info', {}, { [TOKEN_HEADER]: 'x'.repeat(server.token.length) });
    expect(wrong.status).toBe(401);
    const short = await invoke('app:info', {}, { [TOKEN_HEADER]: server.token.slice(0, 10) });
    expect(short.status).toBe(401);
    const right = await invoke('app:info', {}, authed());
    expect(right.status).toBe(200);
    const body = JSON.parse(right.body);
    expect(body).toMatchObject({ ok: true, value: { mode: 'browser', dbStatus: 'ok' } });
    expect(right.headers['content-type']).toContain('application/json');
    expect(right.headers['cache-control']).toBe('no-store');
  });

  it('a foreign Host header is refused with 421 (DNS rebinding)', async () => {
    const evil = await raw(server.port, {
      method: 'POST',
      path: '/api/invoke/app:info',
      headers: { host: `evil.com:${server.port}`, ...authed() },
      body: '{}',
    });
    expect(evil.status).toBe(421);
    const evilPage = await raw(server.port, { path: '/', headers: { host: `evil.com:${server.port}` } });
    expect(evilPage.status).toBe(421);
    expect(evilPage.body).not.toContain('BHXH Desk</title>');
    const otherPort = await raw(server.port, { path: '/', headers: { host: `127.0.0.1:${server.port + 1}` } });
    expect(otherPort.status).toBe(421);
    const localhost = await raw(server.port, { path: '/', headers: { host: `localhost:${server.port}` } });
    expect(localhost.status).toBe(200);
  });

  it('a foreign Origin is refused with 403, even with the token', async () => {
    const evil = await invoke('app:info', {}, { origin: 'http://evil.com', ...authed() });
    expect(evil.status).toBe(403);
    const own = await invoke('app:info', {}, { origin: `http://127.0.0.1:${server.port}`, ...authed() });
    expect(own.status).toBe(200);
  });

  it('errors map to HTTP statuses: unknown channel 404, validation 422, bad JSON 400', async () => {
    const unknown = await invoke('units:drop', {}, authed());
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).error.code).toBe('UNKNOWN_CHANNEL');
    const invalid = await invoke('units:get', { code: 5 }, authed());
    expect(invalid.status).toBe(422);
    expect(JSON.parse(invalid.body).error.code).toBe('VALIDATION');
    const badJson = await raw(server.port, { method: 'POST', path: '/api/invoke/app:info', headers: authed(), body: '{nope' });
    expect(badJson.status).toBe(400);
    const getApi = await raw(server.port, { path: '/api/invoke/app:info', headers: authed() });
    expect(getApi.status).toBe(404);
  });

  it('an uploaded file becomes a token that units:previewImport and commit accept', async () => {
    const bytes = readFileSync(fixturePath(FIXTURE.unitsHongDan));
    const name = 'danh mục đơn vị.xlsx';
    const up = await raw(server.port, {
      method: 'POST',
      path: '/api/files',
      headers: { ...authed(), 'x-file-name': encodeURIComponent(name), 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    expect(up.status).toBe(200);
    const ref = JSON.parse(up.body).value as { token: string; name: string; size: number };
    expect(ref).toMatchObject({ name, size: bytes.length });
    const preview = await invoke('units:previewImport', { file: ref }, authed());
    expect(preview.status).toBe(200);
    const value = JSON.parse(preview.body).value as { planId: string; added: number; fileName: string };
    expect(value).toMatchObject({ added: 11, fileName: name });
    const commit = await invoke('units:commitImport', { planId: value.planId }, authed());
    expect(commit.status).toBe(200);
    expect(dbOf(core).prepare('SELECT COUNT(*) FROM units').pluck().get()).toBe(11);
  });

  it('an upload without the token is refused and registers nothing', async () => {
    const up = await raw(server.port, {
      method: 'POST',
      path: '/api/files',
      headers: { 'x-file-name': 'a.xlsx' },
      body: Buffer.from('PK'),
    });
    expect(up.status).toBe(401);
  });

  it('a rejected upload import leaves the database unchanged', async () => {
    const before = hashDatabase(dbOf(core));
    const up = await raw(server.port, {
      method: 'POST',
      path: '/api/files',
      headers: { ...authed(), 'x-file-name': 'bao-cao.xlsx' },
      body: readFileSync(fixturePath(FIXTURE.districtReport)),
    });
    const ref = JSON.parse(up.body).value;
    const preview = await invoke('units:previewImport', { file: ref }, authed());
    expect(preview.status).toBe(422);
    const err = JSON.parse(preview.body).error as { code: string; message: string };
    expect(err.code).toBe('FILE_INVALID');
    expect(err.message).toContain('bao-cao.xlsx');
    expect(hashDatabase(dbOf(core))).toBe(before);
  });

  it('serves static files with a Content-Security-Policy, falling back to index.html', async () => {
    const index = await raw(server.port, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.body).toBe(INDEX);
    expect(index.headers['content-security-policy']).toBe(WEB_CSP);
    expect(index.headers['content-type']).toContain('text/html');
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    const js = await raw(server.port, { path: '/assets/app.js' });
    expect(js.body).toBe('console.log("app")');
    expect(js.headers['content-type']).toContain('javascript');
    expect(js.headers['content-security-policy']).toBe(WEB_CSP);
    const route = await raw(server.port, { path: '/danh-muc/don-vi' });
    expect(route.status).toBe(200);
    expect(route.body).toBe(INDEX);
    expect(route.headers['content-security-policy']).toBe(WEB_CSP);
    expect(WEB_CSP).toContain("default-src 'self'");
    expect(WEB_CSP).toContain("frame-ancestors 'none'");
  });

  it.each([
    '/%2e%2e/%2e%2e/etc/passwd',
    '/../../etc/passwd',
    '/..%2f..%2f..%2fetc%2fpasswd',
    '/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
  ])('never serves a file outside the static folder: %s', async (path) => {
    const res = await raw(server.port, { path });
    expect(res.body).not.toMatch(/root:.*:0:0:/);
    expect(res.body).not.toContain('BI-MAT-KHONG-DUOC-LO');
    expect([200, 400, 403, 404]).toContain(res.status);
  });

  it('a malformed percent-encoding is a client error, not a server error', async () => {
    const res = await raw(server.port, { path: '/%E0%A4%A' });
    expect(res.status).toBeLessThan(500);
  });

  it('other methods on static paths are refused', async () => {
    const res = await raw(server.port, { method: 'DELETE', path: '/index.html' });
    expect(res.status).toBe(405);
  });

  it('streams core events to a client holding the token', async () => {
    let created: Promise<RawResponse> | null = null;
    const received = await new Promise<string>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: authed() }, (res) => {
        expect(res.headers['content-type']).toContain('text/event-stream');
        res.on('error', () => undefined);
        let text = '';
        res.on('data', (c: Buffer) => {
          text += c.toString('utf8');
          if (text.includes(': connected') && !created) created = invoke('backups:create', {}, authed());
          if (text.includes('data: ')) {
            req.destroy();
            resolve(text);
          }
        });
      });
      req.on('error', (e) => (/socket hang up|ECONNRESET|aborted/.test(String(e)) ? undefined : reject(e)));
      req.end();
    });
    expect((await created!).status).toBe(200);
    expect(received).toContain('"type":"data-changed"');
    expect(received).toContain('"area":"backups"');
  });
});
