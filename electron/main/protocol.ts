// Only type imports from 'electron': the handler is built and tested in plain Node.
import type { CustomScheme, Protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, mimeTypeFor, resolveAppFile } from './security';

/**
 * standard: relative URLs and a real origin (so 'self' in the CSP means app://bhxh);
 * secure: treated like https, so fetch/storage APIs work without mixed-content rules;
 * no bypassCSP, no corsEnabled: the app origin gets no more than a normal website.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme[] = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
];

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};

export interface AppRequest {
  url: string;
  method: string;
}

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** Serves the renderer build in rootDir; anything outside it, or missing, is a 404. */
export function createAppProtocolHandler(
  rootDir: string,
  read: (path: string) => Promise<Uint8Array<ArrayBuffer>> = readFile,
): (request: AppRequest) => Promise<Response> {
  return async (request) => {
    const method = request.method.toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') return textResponse(405, 'Phương thức không được hỗ trợ.');
    const file = resolveAppFile(request.url, rootDir);
    if (!file) return textResponse(404, 'Không tìm thấy trang.');
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = await read(file);
    } catch {
      return textResponse(404, 'Không tìm thấy trang.');
    }
    return new Response(method === 'HEAD' ? null : body, {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': mimeTypeFor(file) },
    });
  };
}

/** Must run before app 'ready': Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged(APP_SCHEME_PRIVILEGES);
}

export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rootDir));
}
