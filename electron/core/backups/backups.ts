import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AppError, type BackupInfo } from '../../../shared/contract';
import { DB_FILE_NAME, LATEST_SCHEMA_VERSION, type Db } from '../db/open';

export type BackupReason = 'manual' | 'daily' | 'pre-migration' | 'pre-import' | 'pre-restore' | 'pre-demo';

/** How many copies of each kind survive rotation. */
const KEEP: Record<BackupReason, number> = {
  manual: 50,
  daily: 14,
  'pre-migration': 10,
  'pre-import': 30,
  'pre-restore': 10,
  'pre-demo': 5,
};

const NAME = /^bhxh-desk-(\d{8})-(\d{6})(?:-(\d+))?-([a-z-]+)\.sqlite$/;

export function backupsDir(dataDir: string): string {
  return join(dataDir, 'backups');
}

function stamp(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
}

function parseName(fileName: string): { createdAt: string; reason: string; day: string } | null {
  const m = NAME.exec(fileName);
  if (!m) return null;
  const [, d, t, , reason] = m as unknown as [string, string, string, string | undefined, string];
  const local = new Date(+d.slice(0, 4), +d.slice(4, 6) - 1, +d.slice(6, 8), +t.slice(0, 2), +t.slice(2, 4), +t.slice(4, 6));
  return { createdAt: local.toISOString(), reason, day: d };
}

function sortKey(fileName: string): string {
  const m = NAME.exec(fileName)!;
  return `${m[1]}${m[2]}${(m[3] ?? '1').padStart(6, '0')}`;
}

export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((fileName) => {
      const parsed = parseName(fileName);
      return parsed ? { fileName, createdAt: parsed.createdAt, reason: parsed.reason, sizeBytes: statSync(join(dir, fileName)).size, key: sortKey(fileName) } : null;
    })
    .filter((b): b is BackupInfo & { key: string } => b !== null)
    .sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0))
    .map(({ key: _key, ...b }) => b);
}

/** A consistent copy of a live database through SQLite's online backup API. */
export async function createBackup(db: Db, dataDir: string, reason: BackupReason, now = new Date()): Promise<BackupInfo> {
  const dir = backupsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  let fileName = `bhxh-desk-${stamp(now)}-${reason}.sqlite`;
  for (let n = 2; existsSync(join(dir, fileName)); n++) fileName = `bhxh-desk-${stamp(now)}-${n}-${reason}.sqlite`;
  await db.backup(join(dir, fileName));
  rotateBackups(dataDir, reason);
  const info = listBackups(dataDir).find((b) => b.fileName === fileName);
  if (!info) throw new AppError('INTERNAL', 'Không tạo được bản sao lưu.');
  return info;
}

export function rotateBackups(dataDir: string, reason: BackupReason): void {
  const sameKind = listBackups(dataDir).filter((b) => b.reason === reason);
  for (const old of sameKind.slice(KEEP[reason])) rmSync(join(backupsDir(dataDir), old.fileName), { force: true });
}

/** One 'daily' copy per calendar day, taken at start-up when the day has none yet. */
export async function ensureDailyBackup(db: Db, dataDir: string, now = new Date()): Promise<BackupInfo | null> {
  const today = stamp(now).slice(0, 8);
  const has = listBackups(dataDir).some((b) => b.reason === 'daily' && b.fileName.includes(`-${today}-`));
  return has ? null : createBackup(db, dataDir, 'daily', now);
}

/**
 * Finds a backup by its name in the backups folder, or (CLI) by a path. Checks that it is an
 * intact BHXH Desk database this version can open before anything is replaced.
 */
export function resolveBackupFile(dataDir: string, nameOrPath: string): string {
  const inFolder = join(backupsDir(dataDir), basename(nameOrPath));
  const path = basename(nameOrPath) === nameOrPath ? inFolder : nameOrPath;
  if (!existsSync(path)) throw new AppError('NOT_FOUND', `Không tìm thấy bản sao lưu "${nameOrPath}".`);
  let probe: Database.Database | null = null;
  try {
    probe = new Database(path, { readonly: true, fileMustExist: true });
    const check = probe.pragma('quick_check', { simple: true });
    const version = probe.pragma('user_version', { simple: true }) as number;
    const hasUnits = probe.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='units'").get();
    if (check !== 'ok' || !hasUnits) throw new Error('invalid');
    if (version > LATEST_SCHEMA_VERSION) {
      throw new AppError('DB_NEWER_VERSION', `Bản sao lưu "${basename(path)}" thuộc phiên bản BHXH Desk mới hơn; không thể khôi phục bằng phiên bản này.`);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('FILE_INVALID', `Tệp "${basename(path)}" không phải bản sao lưu hợp lệ của BHXH Desk.`);
  } finally {
    probe?.close();
  }
  return path;
}

/**
 * A database that failed its check cannot go through the backup API; its raw file is kept
 * apart (never listed as a backup) so support staff can still look at it.
 */
export function keepDamagedCopy(dataDir: string, now = new Date()): string | null {
  const source = join(dataDir, DB_FILE_NAME);
  if (!existsSync(source)) return null;
  const dir = join(dataDir, 'damaged');
  mkdirSync(dir, { recursive: true });
  const target = join(dir, `bhxh-desk-${stamp(now)}-damaged.sqlite`);
  copyFileSync(source, target);
  return target;
}

/** Replaces the database file; the caller has closed its connection and reopens afterwards. */
export function replaceDatabaseFile(source: string, dbFile: string): void {
  for (const suffix of ['-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
  copyFileSync(source, dbFile);
}
