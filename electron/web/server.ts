import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { AppError, fail, ok, type Result } from '../../shared/contract';
import { formatBytes } from '../../shared/format/vi';
import type { AppCore } from '../core/app/appCore';
import { FileReleases } from '../core/files/fileReleases';
import { MAX_UPLOAD_BYTES, sizeNote, tooLargeMessage } from '../core/files/fileStore';
import { readJsonBody, writeBodyToFile } from './body';
import { isAllowedHost, isAllowedOrigin, TOKEN_HEADER, tokenMatches, WEB_CSP } from './security';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf',
};

const DOWNLOAD_TYPES: Record<string, string> = {
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pdf': 'application/pdf',
};

export const MAX_JSON_BYTES = 2 * 1024 * 1024;
const SWEEP_EVERY_MS = 60 * 1000;

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/**
 * Browser mode: the renderer build and the contract over HTTP on 127.0.0.1 only. Every API
 * call needs the per-launch token; Host and Origin are checked on every request.
 */
export async function startWebServer(options: { core: AppCore; staticDir: string; port?: number; token?: string }): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const staticRoot = resolve(options.staticDir);
  let port = 0;
  const streams = new Set<ServerResponse>();
  const { files } = options.core;
  const releases = new FileReleases(files);
  const uploads = new Set<string>();
  // Files left behind by a screen closed without committing expire even when no one calls.
  const sweeper = setInterval(() => files.sweep(), SWEEP_EVERY_MS);
  sweeper.unref();

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // The engine's own words stay in details: people get a Vietnamese sentence.
      if (!res.headersSent) sendJson(res, 500, fail('INTERNAL', 'Máy chủ BHXH Desk gặp lỗi khi xử lý yêu cầu; hãy thử lại.', { detail: String((error as Error)?.message ?? error) }));
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (!isAllowedHost(req.headers.host, port)) return sendJson(res, 421, fail('UNAUTHORIZED', 'Tên máy không hợp lệ.'));
    if (!isAllowedOrigin(req.headers.origin, port)) return sendJson(res, 403, fail('UNAUTHORIZED', 'Yêu cầu từ trang web khác bị từ chối.'));
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) {
      if (!tokenMatches(req.headers[TOKEN_HEADER], token)) return sendJson(res, 401, fail('UNAUTHORIZED', 'Phiên làm việc không hợp lệ; hãy mở lại BHXH Desk.'));
      if (req.method === 'POST' && url.pathname.startsWith('/api/invoke/')) return invoke(safeDecode(url.pathname.slice('/api/invoke/'.length)) ?? '', req, res);
      if (req.method === 'POST' && url.pathname === '/api/files') return upload(req, res);
      if (req.method === 'GET' && url.pathname === '/api/events') return eventStream(req, res);
      if (req.method === 'GET' && url.pathname.startsWith('/api/downloads/')) return download(url.pathname.slice('/api/downloads/'.length), res);
      return sendJson(res, 404, fail('UNKNOWN_CHANNEL', 'Không có chức năng này.'));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, fail('VALIDATION', 'Phương thức không được hỗ trợ.'));
    serveStatic(url.pathname, res);
  }

  async function invoke(channel: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { bytes, size, tooLarge } = await readJsonBody(req, MAX_JSON_BYTES);
    if (tooLarge) {
      return sendJson(res, 413, fail('TOO_LARGE', `Dữ liệu gửi lên quá lớn${sizeNote(size, MAX_JSON_BYTES)}: mỗi yêu cầu tối đa ${formatBytes(MAX_JSON_BYTES)}. Hãy chia nhỏ thao tác.`));
    }
    let body: unknown;
    try {
      body = bytes.length ? JSON.parse(bytes.toString('utf8')) : {};
    } catch {
      return sendJson(res, 400, fail('VALIDATION', 'Dữ liệu gửi lên không phải JSON hợp lệ.'));
    }
    const result = await options.core.dispatch(channel, body);
    releases.after(channel, body, result);
    sendJson(res, result.ok ? 200 : result.error.code === 'UNKNOWN_CHANNEL' ? 404 : 422, result);
  }

  async function upload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const name = safeDecode(String(req.headers['x-file-name'] ?? '')) || 'tep-tai-len';
    const path = files.temporaryPath();
    const { size, tooLarge } = await writeBodyToFile(req, MAX_UPLOAD_BYTES, path);
    if (tooLarge) {
      return sendJson(res, 413, fail('TOO_LARGE', tooLargeMessage(name, size, MAX_UPLOAD_BYTES)));
    }
    const ref = files.adoptTemporary(path, name);
    for (const token of uploads) if (!files.has(token)) uploads.delete(token);
    uploads.add(ref.token);
    sendJson(res, 200, ok(ref));
  }

  function download(token: string, res: ServerResponse): void {
    try {
      const file = options.core.downloads.take(token);
      res.writeHead(200, {
        'Content-Type': DOWNLOAD_TYPES[extname(file.fileName).toLowerCase()] ?? 'application/octet-stream',
        'Content-Disposition': `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        'Content-Length': file.bytes.length,
        'Cache-Control': 'no-store',
      });
      res.end(file.bytes);
    } catch (error) {
      sendJson(res, 404, error instanceof AppError ? { ok: false, error: error.toShape() } : fail('NOT_FOUND', 'Không tìm thấy tệp.'));
    }
  }

  function eventStream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    const unsubscribe = options.core.events.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
    req.on('close', () => {
      unsubscribe();
      streams.delete(res);
    });
  }

  function serveStatic(pathname: string, res: ServerResponse): void {
    const decoded = safeDecode(pathname);
    if (decoded === null) return sendJson(res, 400, fail('VALIDATION', 'Đường dẫn không hợp lệ.'));
    const relative = normalize(decoded).replace(/^([/\\])+/, '');
    let file = resolve(staticRoot, relative || 'index.html');
    if (file !== staticRoot && !file.startsWith(staticRoot + sep)) return sendJson(res, 403, fail('UNAUTHORIZED', 'Đường dẫn không hợp lệ.'));
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(staticRoot, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Chưa có bản dựng giao diện. Hãy chạy: npm run build:renderer');
      return;
    }
    res.writeHead(200, {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': WEB_CSP,
      'Cache-Control': extname(file) === '.html' ? 'no-store' : 'max-age=3600',
    });
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#t=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((done) => {
        clearInterval(sweeper);
        for (const token of uploads) files.release(token);
        for (const stream of streams) stream.end();
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function sendJson(res: ServerResponse, status: number, body: Result<unknown>): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}
