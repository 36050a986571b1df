import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { networkInterfaces } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app/appCore';
import { FILE_IDLE_MS, MAX_UPLOAD_BYTES } from '../../electron/core/files/fileStore';
import { MAX_JSON_BYTES, startWebServer, type WebServer } from '../../electron/web/server';
import { TOKEN_HEADER, WEB_CSP } from '../../electron/web/security';
import { expectVietnamese, openTestCore, storeOf } from '../helpers/core';
import { sql } from 'kysely';
import { hashDatabase, scalar } from '../helpers/dbHash';
import { FIXTURE, fixturePath, onCleanup, tempDataDir } from '../helpers/fixtures';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The request went out on a connection an earlier request had used (keep-alive). */
  reused: boolean;
}

/** A raw request: node's http lets us set Host and send paths fetch would normalise. */
function raw(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer | string; agent?: Agent },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers, agent: options.agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), reused: req.reusedSocket }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** The upload folder goes when the process exits; tests remove it at once. */
function removeUploadFolder(core: AppCore): void {
  const dir = core.files.temporaryDir;
  if (dir) rmSync(dir, { recursive: true, force: true });
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
    onCleanup(() => removeUploadFolder(core));
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
    expect(Number(await scalar(storeOf(core), sql`SELECT COUNT(*) FROM units`))).toBe(11);
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
    const before = (await hashDatabase(storeOf(core)));
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
    expect((await hashDatabase(storeOf(core)))).toBe(before);
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
          if (text.includes(': connected') && !created) created = invoke('demo:load', {}, authed());
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
    expect(received).toContain('"area":"all"');
  });
});

describe('browser-mode limits and uploaded files', () => {
  let core: AppCore;
  let server: WebServer;

  beforeEach(async () => {
    const staticDir = join(tempDataDir('bhxh-web-'), 'static');
    mkdirSync(staticDir);
    core = await openTestCore({ mode: 'browser' });
    server = await startWebServer({ core, staticDir });
    onCleanup(() => removeUploadFolder(core));
    onCleanup(() => server.close());
  });

  const authed = (more: Record<string, string> = {}) => ({ [TOKEN_HEADER]: server.token, ...more });
  const invoke = (channel: string, body: unknown, agent?: Agent) =>
    raw(server.port, { method: 'POST', path: `/api/invoke/${channel}`, headers: authed({ 'content-type': 'application/json' }), body: JSON.stringify(body), agent });
  const upload = (name: string, body: Buffer, agent?: Agent, headers: Record<string, string> = {}) =>
    raw(server.port, { method: 'POST', path: '/api/files', headers: authed({ 'x-file-name': encodeURIComponent(name), ...headers }), body, agent });
  const uploadFixture = async (fixture: string, name = fixture) => {
    const res = await upload(name, readFileSync(fixturePath(fixture)));
    expect(res.status, res.body).toBe(200);
    return JSON.parse(res.body).value as { token: string; name: string; size: number };
  };
  const value = async <T>(res: Promise<RawResponse>): Promise<T> => {
    const r = await res;
    expect(r.status, r.body).toBe(200);
    return JSON.parse(r.body).value as T;
  };
  /** The files waiting in the upload folder right now. */
  const waiting = () => {
    const dir = core.files.temporaryDir;
    return dir && existsSync(dir) ? readdirSync(dir) : [];
  };
  /** One connection reused for every request: a 413 must leave it usable. */
  const oneConnection = () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    onCleanup(() => agent.destroy());
    return agent;
  };

  it('an upload over the limit gets 413 with a Vietnamese message; the same connection then works', async () => {
    const agent = oneConnection();
    expect((await invoke('app:info', {}, agent)).status).toBe(200);
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + 64 * 1024, 7);
    const res = await upload('báo cáo quá lớn.xlsx', big, agent);
    expect(res.status).toBe(413);
    expect(res.reused).toBe(true);
    const body = JSON.parse(res.body);
    expect(body).toEqual({ ok: false, error: { code: 'TOO_LARGE', message: 'Tệp "báo cáo quá lớn.xlsx" quá lớn (300,1 MB): chỉ nhận tệp tối đa 300 MB.' } });
    expectVietnamese(body.error.message);
    const after = await invoke('app:info', {}, agent);
    expect(after.status).toBe(200);
    expect(after.reused).toBe(true);
    expect(waiting()).toEqual([]);
  });

  it('an upload announcing a size over the limit is refused the same way, without writing it', async () => {
    const agent = oneConnection();
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1);
    const res = await upload('lon.xlsx', big, agent, { 'content-length': String(big.length) });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe('TOO_LARGE');
    expect(waiting()).toEqual([]);
    expect((await invoke('app:info', {}, agent)).status).toBe(200);
  });

  it('a JSON body over the limit gets 413 with a Vietnamese message; the connection stays usable', async () => {
    const agent = oneConnection();
    const res = await invoke('units:list', { query: 'x'.repeat(MAX_JSON_BYTES) }, agent);
    expect(res.status).toBe(413);
    const body = JSON.parse(res.body);
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('TOO_LARGE');
    expect(body.error.message).toBe('Dữ liệu gửi lên quá lớn: mỗi yêu cầu tối đa 2 MB. Hãy chia nhỏ thao tác.');
    const after = await invoke('app:info', {}, agent);
    expect(after.status).toBe(200);
    expect(after.reused).toBe(true);
  });

  it('an upload waits in the temporary folder while it is previewed and corrected, and is deleted once committed', async () => {
    const ref = await uploadFixture(FIXTURE.unitsTwoLevel);
    expect(waiting()).toHaveLength(1);
    const first = await value<{ planId: string }>(invoke('units:previewImport', { file: ref }));
    // A correction (another validity date) previews the same file again.
    const second = await value<{ planId: string; validFrom: string }>(invoke('units:previewImport', { file: ref, validFrom: '2025-07-01' }));
    expect(second.planId).not.toBe(first.planId);
    expect(waiting()).toHaveLength(1);
    await value(invoke('units:commitImport', { planId: second.planId }));
    expect(waiting()).toEqual([]);
    const again = await invoke('units:previewImport', { file: ref });
    expect(again.status).toBe(422);
    expect(JSON.parse(again.body).error).toMatchObject({ code: 'NOT_FOUND', message: 'Không tìm thấy tệp đã chọn; hãy chọn lại tệp.' });
  });

  it('a district report is deleted after its commit; a failed commit keeps it for another preview', async () => {
    await value(invoke('units:commitImport', { planId: (await value<{ planId: string }>(invoke('units:previewImport', { file: await uploadFixture(FIXTURE.unitsHongDan) }))).planId }));
    expect(waiting()).toEqual([]);
    const ref = await uploadFixture(FIXTURE.districtReport);
    const preview = await value<{ sessionId: string; canCommit: boolean }>(invoke('imports:preview', { file: ref }));
    expect(preview.canCommit).toBe(true);
    const wrong = await invoke('imports:commit', { sessionId: 'khong-co-phien-nay' });
    expect(wrong.status).toBe(422);
    expect(waiting()).toHaveLength(1);
    const outcome = await value<{ batchId: number }>(invoke('imports:commit', { sessionId: preview.sessionId }));
    expect(outcome.batchId).toBeGreaterThan(0);
    expect(waiting()).toEqual([]);
  });

  it('another file previewed in the same flow replaces the previous one; the other flow keeps its own', async () => {
    await value(invoke('units:commitImport', { planId: (await value<{ planId: string }>(invoke('units:previewImport', { file: await uploadFixture(FIXTURE.unitsHongDan) }))).planId }));
    const units = await uploadFixture(FIXTURE.unitsTwoLevel);
    await value(invoke('units:previewImport', { file: units }));
    const first = await uploadFixture(FIXTURE.districtReport, 'bao-cao-1.xlsx');
    await value(invoke('imports:preview', { file: first }));
    const second = await uploadFixture(FIXTURE.districtReport, 'bao-cao-2.xlsx');
    await value(invoke('imports:preview', { file: second }));
    expect(core.files.has(first.token)).toBe(false);
    expect(core.files.has(second.token)).toBe(true);
    expect(core.files.has(units.token)).toBe(true);
    expect(waiting()).toHaveLength(2);
  });

  it('cancelling the first preview of a file deletes it; cancelling a correction keeps it', async () => {
    await value(invoke('units:commitImport', { planId: (await value<{ planId: string }>(invoke('units:previewImport', { file: await uploadFixture(FIXTURE.unitsHongDan) }))).planId }));
    const ref = await uploadFixture(FIXTURE.districtReport);
    // A cancel that arrives first stops the preview that follows with the same id.
    await value(invoke('imports:cancel', { operationId: 'huy-lan-dau' }));
    const cancelled = await invoke('imports:preview', { file: ref, operationId: 'huy-lan-dau' });
    expect(JSON.parse(cancelled.body).error.code).toBe('CANCELLED');
    expect(waiting()).toEqual([]);

    const kept = await uploadFixture(FIXTURE.districtReport);
    await value(invoke('imports:preview', { file: kept, operationId: 'xem-lan-1' }));
    await value(invoke('imports:cancel', { operationId: 'sua-lan-2' }));
    const again = await invoke('imports:preview', { file: kept, operationId: 'sua-lan-2', period: '2020-09' });
    expect(JSON.parse(again.body).error.code).toBe('CANCELLED');
    expect(waiting()).toHaveLength(1);
    await value(invoke('imports:preview', { file: kept, operationId: 'sua-lan-3', period: '2020-09' }));
  });

  it('a file left without a commit is deleted after an hour unused, and when browser mode stops', async () => {
    const forgotten = await uploadFixture(FIXTURE.unitsHongDan);
    await value(invoke('units:previewImport', { file: forgotten }));
    core.files.sweep(Date.now() + FILE_IDLE_MS / 2);
    expect(waiting()).toHaveLength(1);
    core.files.sweep(Date.now() + FILE_IDLE_MS + 1000);
    expect(waiting()).toEqual([]);
    expect(JSON.parse((await invoke('units:previewImport', { file: forgotten })).body).error.code).toBe('NOT_FOUND');

    await uploadFixture(FIXTURE.unitsHongDan);
    expect(waiting()).toHaveLength(1);
    await server.close();
    expect(waiting()).toEqual([]);
  });
});
