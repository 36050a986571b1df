import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/contract';
import { migrate } from '../db/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../db/migrations';
import { SQLITE_APPLICATION_ID } from '../db/migrations/007-application-id';
import { SqliteStore } from '../db/sqliteStore';
import { copyDurably, fsyncFolderOf } from './durableFiles';

/** The first schema whose files carry the application id; older backups are recognised by their schema alone. */
const FIRST_VERSION_WITH_ID = 7;

type SchemaObject = string;

const references = new Map<number, Set<SchemaObject>>();

/** Every table, index and trigger, with its SQL, whitespace folded: what a file of this app holds and nothing else. */
function schemaObjects(db: Database.Database): Set<SchemaObject> {
  const rows = db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as {
    type: string;
    name: string;
    tbl_name: string;
    sql: string | null;
  }[];
  return new Set(rows.map((r) => `${r.type}|${r.name}|${r.tbl_name}|${(r.sql ?? '').replace(/\s+/g, ' ').trim()}`));
}

/** The schema this app's migrations give at `version`, built once in memory. */
async function referenceSchema(version: number): Promise<Set<SchemaObject>> {
  let reference = references.get(version);
  if (!reference) {
    const store = SqliteStore.open(':memory:');
    try {
      await migrate(store, { migrations: MIGRATIONS.filter((m) => m.version <= version) });
      reference = schemaObjects(store.raw);
    } finally {
      await store.close();
    }
    references.set(version, reference);
  }
  return reference;
}

/**
 * Accepts only an intact backup of this app that this version can open: its application id
 * (or, for backups older than the id, exactly the schema of their version), no table, index
 * or trigger the app did not create, and a clean integrity check. Throws FILE_INVALID or
 * DB_NEWER_VERSION naming the file; reads only.
 */
export async function verifyBackup(path: string, shownName = basename(path)): Promise<{ version: number }> {
  const invalid = (why: string) => new AppError('FILE_INVALID', `Tệp "${shownName}" không phải bản sao lưu hợp lệ của BHXH Desk (${why}). Chưa có gì thay đổi.`);
  let probe: Database.Database | null = null;
  try {
    try {
      probe = new Database(path, { readonly: true, fileMustExist: true });
      probe.pragma('schema_version');
    } catch {
      throw invalid('không đọc được như một cơ sở dữ liệu');
    }
    const version = probe.pragma('user_version', { simple: true }) as number;
    const appId = probe.pragma('application_id', { simple: true }) as number;
    if (version > LATEST_SCHEMA_VERSION) {
      if (appId === SQLITE_APPLICATION_ID) throw new AppError('DB_NEWER_VERSION', `Bản sao lưu "${shownName}" thuộc phiên bản BHXH Desk mới hơn; không thể khôi phục bằng phiên bản này. Chưa có gì thay đổi.`);
      throw invalid('không phải tệp của ứng dụng');
    }
    if (version < 1) throw invalid('không có dữ liệu của ứng dụng');
    if (version >= FIRST_VERSION_WITH_ID ? appId !== SQLITE_APPLICATION_ID : appId !== 0) throw invalid('không phải tệp của ứng dụng');
    const expected = await referenceSchema(version);
    const found = schemaObjects(probe);
    const extra = [...found].filter((o) => !expected.has(o));
    const missing = [...expected].filter((o) => !found.has(o));
    if (extra.length || missing.length) throw invalid(`cấu trúc khác với cấu trúc của ứng dụng: ${[...extra, ...missing].map((o) => o.split('|')[1]).slice(0, 3).join(', ')}`);
    const check = probe.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw invalid('tệp bị hỏng');
    return { version };
  } finally {
    probe?.close();
  }
}

const RESTORING = '.restoring';

/** A copy left by a restore that was stopped before its rename: the old database is intact, the copy goes. */
export function removeStaleRestore(dbFile: string): void {
  rmSync(dbFile + RESTORING, { force: true });
}

/**
 * Step one of a restore, with the database still open: the backup copied beside the database
 * file, flushed and verified. Nothing the app uses has changed yet.
 */
export async function stageRestore(source: string, dbFile: string, shownName: string): Promise<string> {
  const staged = dbFile + RESTORING;
  try {
    copyDurably(source, staged);
    await verifyBackup(staged, shownName);
  } catch (error) {
    rmSync(staged, { force: true });
    if (error instanceof AppError) throw error;
    throw new AppError('RESTORE_FAILED', `Không chép được bản sao lưu "${shownName}" vào thư mục dữ liệu (${(error as NodeJS.ErrnoException).code ?? 'lỗi ghi tệp'}). Chưa có gì thay đổi.`);
  }
  return staged;
}

/**
 * Step two, with the database closed (its log folded in): the staged copy renamed over the
 * database file. The rename is atomic, so a process killed at any moment leaves either the
 * old database or the restored one, never a half-copied or empty file.
 */
export function commitRestore(staged: string, dbFile: string): void {
  // The old database's log was checkpointed on close; a log left beside the new file would be replayed into it.
  for (const suffix of ['-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
  renameSync(staged, dbFile);
  fsyncFolderOf(dbFile);
  if (!existsSync(dbFile)) throw new AppError('RESTORE_FAILED', 'Không thay được tệp cơ sở dữ liệu.');
}
