import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/contract';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export const DB_FILE_NAME = 'bhxh-desk.sqlite';

/** SQLite over SMB/UNC shares corrupts under concurrent use; the app keeps its data local. */
export function assertLocalPath(dir: string): void {
  if (/^(\\\\|\/\/)/.test(dir)) {
    throw new AppError(
      'DB_NETWORK_PATH',
      `Thư mục dữ liệu "${dir}" nằm trên ổ mạng. BHXH Desk chỉ lưu dữ liệu trên ổ đĩa của máy này; hãy chọn thư mục trên ổ cục bộ.`,
    );
  }
}

export function dbPathIn(dataDir: string): string {
  return join(dataDir, DB_FILE_NAME);
}

export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

export function openRaw(dataDir: string): Db {
  assertLocalPath(dataDir);
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(dbPathIn(dataDir));
  try {
    applyPragmas(db);
  } catch (error) {
    // "file is not a database": do not leave the handle open (it would hold the file during a restore).
    db.close();
    throw error;
  }
  return db;
}

/** 'ok' or the first lines SQLite reports, for the recovery screen. */
export function quickCheck(db: Db): { ok: boolean; message: string } {
  try {
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    const lines = rows.map((r) => r.quick_check);
    return lines.length === 1 && lines[0] === 'ok' ? { ok: true, message: 'ok' } : { ok: false, message: lines.slice(0, 5).join('; ') };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Runs every pending step in one transaction. `beforeMigrate` (a backup) runs first when an
 * existing database is about to change. A database written by a newer app is refused rather
 * than guessed at.
 */
export async function migrate(
  db: Db,
  options: { beforeMigrate?: (from: number) => Promise<unknown>; migrations?: readonly Migration[] } = {},
): Promise<number> {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const current = schemaVersion(db);
  if (current > latest) {
    throw new AppError(
      'DB_NEWER_VERSION',
      `Cơ sở dữ liệu được tạo bởi phiên bản BHXH Desk mới hơn (lược đồ ${current}, phiên bản này hỗ trợ đến ${latest}). Hãy cập nhật ứng dụng.`,
      { current, latest },
    );
  }
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  if (current > 0) await options.beforeMigrate?.(current);
  db.transaction(() => {
    for (const step of pending) {
      step.up(db);
      db.pragma(`user_version = ${step.version}`);
    }
  })();
  return latest;
}

export function databaseExists(dataDir: string): boolean {
  return existsSync(dbPathIn(dataDir));
}

export { LATEST_SCHEMA_VERSION };
