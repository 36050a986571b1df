import { mkdirSync } from 'node:fs';
import { sql } from 'kysely';
import type { AppInfo, ConnectionInfo, ConnectionSource, ConnectionTestOutcome, ParsedRequestOf, PostgresConnectionFields } from '../../../shared/contract';
import { LATEST_SCHEMA_VERSION, newerError, schemaVersion } from '../db/migrate';
import { PostgresStore, redactUrl } from '../db/postgresStore';
import { connectionUrl, fieldsOfUrl, readSavedConnection, writeSavedConnection, type SavedConnection } from './connection';

type PostgresRequest = ParsedRequestOf<'connection:test'>;

export interface ConnectionDeps {
  dataDir: string;
  /** The connection in use: its source, engine, location for people and (PostgreSQL) the driver's URL. */
  current(): { source: ConnectionSource; engine: 'sqlite' | 'postgres'; location: string; url: string | null };
  onSaved(): void;
  reconnect(): Promise<AppInfo>;
}

export interface ConnectionHandlers {
  get(): ConnectionInfo;
  test(request: PostgresRequest): Promise<ConnectionTestOutcome>;
  save(request: ParsedRequestOf<'connection:save'>): ConnectionInfo;
  reconnect(): Promise<AppInfo>;
}

/** A saved connection.json that cannot be read counts as none here: the form is how it gets fixed. */
function savedOrNull(dataDir: string): SavedConnection | null {
  try {
    return readSavedConnection(dataDir);
  } catch {
    return null;
  }
}

const sameServer = (a: PostgresConnectionFields, b: PostgresConnectionFields) =>
  a.host.toLowerCase() === b.host.toLowerCase() && a.port === b.port && a.user === b.user;

/**
 * The connection form's channels. The password goes one way only: typed on screen, into
 * connection.json and the driver; never back to the screen, the log or the audit log. An
 * empty password field keeps the one already known for that server and user.
 */
export function connectionHandlers(deps: ConnectionDeps): ConnectionHandlers {
  const knownPassword = (fields: PostgresConnectionFields): string => {
    const current = deps.current();
    const inUse = current.url ? fieldsOfUrl(current.url) : null;
    if (inUse && sameServer(inUse, fields) && inUse.password) return inUse.password;
    const saved = savedOrNull(deps.dataDir);
    if (saved?.engine === 'postgres' && sameServer(saved, fields)) return saved.password;
    return '';
  };
  const fieldsOf = (r: PostgresRequest): PostgresConnectionFields => ({ host: r.host, port: r.port, database: r.database, user: r.user });
  const passwordOf = (r: PostgresRequest): string => (r.password ? r.password : knownPassword(fieldsOf(r)));

  const get = (): ConnectionInfo => {
    const current = deps.current();
    const saved = savedOrNull(deps.dataDir);
    const inUse = current.url ? fieldsOfUrl(current.url) : null;
    const fromFile = saved?.engine === 'postgres' ? saved : null;
    const shown = inUse ?? fromFile;
    return {
      source: current.source,
      engine: current.engine,
      location: current.location,
      fields: shown ? { host: shown.host, port: shown.port, database: shown.database, user: shown.user } : null,
      hasPassword: Boolean(shown?.password),
      savedEngine: saved?.engine ?? null,
    };
  };

  return {
    get,
    async test(request) {
      const url = connectionUrl({ ...fieldsOf(request), password: passwordOf(request) });
      const store = await PostgresStore.open(url);
      try {
        const version = await schemaVersion(store);
        if (version > LATEST_SCHEMA_VERSION) throw newerError(version, LATEST_SCHEMA_VERSION);
        const server = await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(store.db);
        const serverVersion = (server.rows[0]?.v ?? '').split(' ')[0] ?? '';
        const where = `máy chủ PostgreSQL ${serverVersion} (${redactUrl(url)})`;
        const message =
          version === 0
            ? `Kết nối được tới ${where}. Cơ sở dữ liệu còn trống: BHXH Desk sẽ tạo các bảng khi kết nối.`
            : version < LATEST_SCHEMA_VERSION
              ? `Kết nối được tới ${where}. Cơ sở dữ liệu sẽ được nâng cấp lên phiên bản mới khi kết nối.`
              : `Kết nối được tới ${where}. Cơ sở dữ liệu BHXH Desk đã sẵn sàng.`;
        return { message, serverVersion, schemaVersion: version };
      } finally {
        await store.close();
      }
    },
    save(request) {
      mkdirSync(deps.dataDir, { recursive: true });
      if (request.engine === 'sqlite') writeSavedConnection(deps.dataDir, { engine: 'sqlite' });
      else writeSavedConnection(deps.dataDir, { engine: 'postgres', ...fieldsOf(request), password: passwordOf(request) });
      deps.onSaved();
      return get();
    },
    reconnect: () => deps.reconnect(),
  };
}
