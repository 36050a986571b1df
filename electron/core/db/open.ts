import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/contract';
import { PostgresStore } from './postgresStore';
import { SqliteStore } from './sqliteStore';
import type { Store } from './store';

export const DB_FILE_NAME = 'bhxh-desk.sqlite';

/** Where the data is: the embedded file in a data folder, or a shared PostgreSQL server. */
export type DatabaseTarget = { engine: 'sqlite'; dataDir: string } | { engine: 'postgres'; url: string };

/** `--database URL` / BHXH_DATABASE_URL chooses PostgreSQL; without it, the data folder's file. */
export function databaseTarget(dataDir: string, url: string | undefined | null): DatabaseTarget {
  const trimmed = url?.trim();
  if (!trimmed) return { engine: 'sqlite', dataDir };
  if (!/^postgres(ql)?:\/\//i.test(trimmed)) {
    throw new AppError('VALIDATION', `Địa chỉ cơ sở dữ liệu "${trimmed.replace(/:[^:@/]*@/, ':…@')}" không hợp lệ; cần dạng postgres://người-dùng@máy-chủ:cổng/tên-csdl.`);
  }
  return { engine: 'postgres', url: trimmed };
}

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

export function databaseExists(dataDir: string): boolean {
  return existsSync(dbPathIn(dataDir));
}

/** Opens the database of a target (not yet checked or migrated). */
export async function openStore(target: DatabaseTarget): Promise<Store> {
  if (target.engine === 'postgres') return PostgresStore.open(target.url);
  assertLocalPath(target.dataDir);
  mkdirSync(target.dataDir, { recursive: true });
  return SqliteStore.open(dbPathIn(target.dataDir));
}
