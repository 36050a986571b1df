import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, type ConnectionSource, type PostgresConnectionFields } from '../../../shared/contract';

/** The saved choice of database, in the data folder: which server, or back to the embedded file. */
export const CONNECTION_FILE_NAME = 'connection.json';

/** What connection.json holds. The password is kept here (mode 0600), never shown or logged. */
export type SavedConnection = { engine: 'sqlite' } | ({ engine: 'postgres'; password: string } & PostgresConnectionFields);

/** The database a process uses and where that choice came from. */
export interface ResolvedConnection {
  source: ConnectionSource;
  /** A PostgreSQL URL (password included: for the driver only), or null for the embedded file. */
  url: string | null;
}

export function connectionFilePath(dataDir: string): string {
  return join(dataDir, CONNECTION_FILE_NAME);
}

/**
 * Which database to open: the --database flag, else BHXH_DATABASE_URL, else the saved
 * connection.json, else the embedded SQLite file of the data folder.
 */
export function resolveConnection(dataDir: string, input: { flag?: string | null; env?: string | null }): ResolvedConnection {
  const flag = input.flag?.trim();
  if (flag) return { source: 'flag', url: flag };
  const env = input.env?.trim();
  if (env) return { source: 'env', url: env };
  const saved = readSavedConnection(dataDir);
  if (saved?.engine === 'postgres') return { source: 'file', url: connectionUrl(saved) };
  return { source: 'embedded', url: null };
}

/** The saved connection, or null when there is none. A damaged file is said so in Vietnamese. */
export function readSavedConnection(dataDir: string): SavedConnection | null {
  const file = connectionFilePath(dataDir);
  if (!existsSync(file)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new AppError('VALIDATION', `Tệp cấu hình kết nối ${file} bị hỏng. Hãy nhập lại thông tin máy chủ hoặc xóa tệp này để dùng cơ sở dữ liệu trên máy.`);
  }
  const p = parsed as Partial<Record<string, unknown>>;
  if (p.engine === 'sqlite') return { engine: 'sqlite' };
  if (p.engine === 'postgres' && typeof p.host === 'string' && typeof p.database === 'string' && typeof p.user === 'string' && typeof p.port === 'number') {
    return { engine: 'postgres', host: p.host, port: p.port, database: p.database, user: p.user, password: typeof p.password === 'string' ? p.password : '' };
  }
  throw new AppError('VALIDATION', `Tệp cấu hình kết nối ${file} không đúng định dạng. Hãy nhập lại thông tin máy chủ.`);
}

/**
 * Writes connection.json atomically (a temporary file in the same folder, flushed, then
 * renamed over the old one) and readable by its owner only (0600): it holds a password.
 */
export function writeSavedConnection(dataDir: string, connection: SavedConnection): void {
  const file = connectionFilePath(dataDir);
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify({ ...connection, savedAt: new Date().toISOString() }, null, 2) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    // openSync's mode is masked by the umask and ignored for an existing file: set it outright.
    chmodSync(temp, 0o600);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** The driver's URL for saved fields (user and password escaped). */
export function connectionUrl(c: PostgresConnectionFields & { password?: string }): string {
  const auth = encodeURIComponent(c.user) + (c.password ? `:${encodeURIComponent(c.password)}` : '');
  const host = c.host.includes(':') && !c.host.startsWith('[') ? `[${c.host}]` : c.host;
  return `postgres://${auth}@${host}:${c.port}/${encodeURIComponent(c.database)}`;
}

/** The fields of a PostgreSQL URL, without its password; null when it is not one. */
export function fieldsOfUrl(url: string): (PostgresConnectionFields & { password: string }) | null {
  try {
    const u = new URL(url);
    if (!/^postgres(ql)?:$/i.test(u.protocol)) return null;
    return {
      host: u.hostname.replace(/^\[|\]$/g, ''),
      port: u.port ? Number(u.port) : 5432,
      database: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres',
      user: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password),
    };
  } catch {
    return null;
  }
}

/** A URL as people may see it: the password, if any, replaced by ***. Never throws. */
export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    // Not parseable: hide anything between the first ':' after the scheme and '@'.
    return url.replace(/^([a-z]+:\/\/[^:/@]*):[^@]*@/i, '$1:***@');
  }
}
