// Pure: no 'electron' import, so every security decision is unit-tested in plain Node.
import { statSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { MIN_HEIGHT, MIN_WIDTH, type WindowState } from './windowState';

export { loadWindowState, serializeWindowState, type DisplayLike, type Rect, type WindowState } from './windowState';

export const APP_SCHEME = 'app';
export const APP_HOST = 'bhxh';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_TITLE = 'BHXH Desk';

/** antd (CSS-in-JS) injects <style> elements, hence 'unsafe-inline' for styles only. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self' app:",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

export interface HardenedWebPreferences {
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  spellcheck: false;
  navigateOnDragDrop: false;
  safeDialogs: true;
  enableWebSQL: false;
  experimentalFeatures: false;
  devTools: boolean;
  preload: string;
}

export interface WindowOptions {
  title: string;
  x?: number;
  y?: number;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: false;
  backgroundColor: string;
  webPreferences: HardenedWebPreferences;
}

export function buildWindowOptions(options: {
  preloadPath: string;
  state: WindowState;
  /** Off in packaged builds: nobody at an office needs a console into the database layer. */
  devTools?: boolean;
}): WindowOptions {
  const { preloadPath, state, devTools = false } = options;
  const position = state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {};
  return {
    title: APP_TITLE,
    ...position,
    width: state.width,
    height: state.height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    // Matches the renderer's page background so the first paint does not flash white.
    backgroundColor: '#f5f7fa',
    webPreferences: {
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
      devTools,
      preload: preloadPath,
    },
  };
}

function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Only our own origin may talk to core or be navigated to. */
export function isTrustedUrl(url: unknown): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** Links the app may hand to the system browser: https only, never file:, javascript:, http:. */
export function isSafeExternalUrl(url: unknown): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
}

function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Maps app://bhxh/<path> to an existing file under rootDir, or null. Segments are checked after
 * percent-decoding because the URL parser only folds literal and %2e dot segments; anything that
 * could step outside rootDir (.., separators, drive letters, NUL) is refused rather than cleaned.
 * Paths without an extension are client-side routes and get index.html.
 */
export function resolveAppFile(url: string, rootDir: string): string | null {
  if (typeof url !== 'string' || url.includes('\\') || !isTrustedUrl(url)) return null;
  const parsed = new URL(url);
  let pathname = parsed.pathname;
  if (pathname === '' || pathname === '/') pathname = '/index.html';
  if (!pathname.startsWith('/')) return null;
  const rawSegments = pathname.slice(1).split('/');
  if (rawSegments.length > 1 && rawSegments[rawSegments.length - 1] === '') rawSegments.pop();

  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.' || segment === '..' || /[/\\:\0]/.test(segment)) return null;
    segments.push(segment);
  }

  const root = resolve(rootDir);
  const candidate = resolve(root, ...segments);
  const rel = relative(root, candidate);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  if (isRegularFile(candidate)) return candidate;

  const last = segments[segments.length - 1] ?? '';
  if (extname(last) === '') {
    const index = resolve(root, 'index.html');
    return isRegularFile(index) ? index : null;
  }
  return null;
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export function mimeTypeFor(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}
