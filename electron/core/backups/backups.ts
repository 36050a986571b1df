import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AppError, type BackupInfo } from '../../../shared/contract';
import type { CoreContext } from '../app/context';
import { SqliteStore } from '../db/sqliteStore';
import { copyDurably, fsyncFile } from './durableFiles';

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

/** A backup being written: never listed, removed if found at start (the writer was stopped). */
const PARTIAL = '.part';

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

/** Half-written copies left by a process that was stopped mid-backup. */
export function removePartialBackups(dataDir: string): void {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (name.endsWith(PARTIAL)) rmSync(join(dir, name), { force: true });
}

/**
 * A consistent copy of the live database through SQLite's online backup API, written under
 * a temporary name, flushed, then renamed: a backup that is listed is always complete. `aside`:
 * copied on the database's side connection while the caller goes on writing (the copy holds
 * what was committed; the caller waits for it before it commits).
 */
export async function createBackup(store: SqliteStore, dataDir: string, reason: BackupReason, now: Date, options: { aside?: boolean } = {}): Promise<BackupInfo> {
  const dir = backupsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const { fileName, partial } = reserveName(dir, stamp(now), reason);
  try {
    await (options.aside ? store.backupAside(partial) : store.backupTo(partial));
    fsyncFile(partial);
    renameSync(partial, join(dir, fileName));
  } catch (error) {
    try {
      rmSync(partial, { force: true });
    } catch {
      // Left for removePartialBackups at the next start.
    }
    throw backupFailed(dir, error);
  }
  rotateBackups(dataDir, reason);
  const info = listBackups(dataDir).find((b) => b.fileName === fileName);
  if (!info) throw new AppError('INTERNAL', 'Không tạo được bản sao lưu.');
  return info;
}

function backupFailed(dir: string, error: unknown): AppError {
  return new AppError('BACKUP_FAILED', `Không tạo được bản sao lưu trong "${dir}" (${(error as NodeJS.ErrnoException).code ?? 'lỗi ghi tệp'}). Hãy kiểm tra chỗ trống trên ổ đĩa.`);
}

/** A name no backup has, its temporary file created at once (two backups in one second, one of them aside, never share it). */
function reserveName(dir: string, at: string, reason: BackupReason): { fileName: string; partial: string } {
  for (let n = 1; ; n++) {
    const fileName = n === 1 ? `bhxh-desk-${at}-${reason}.sqlite` : `bhxh-desk-${at}-${n}-${reason}.sqlite`;
    const partial = join(dir, fileName + PARTIAL);
    if (existsSync(join(dir, fileName))) continue;
    try {
      closeSync(openSync(partial, 'wx'));
      return { fileName, partial };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw backupFailed(dir, error);
      }
    }
  }
}

/**
 * The copy taken before a change that replaces data (an import, the demo, a restore). On
 * PostgreSQL the server's administrator backs up, so there is none: null.
 */
export async function safetyBackup(ctx: CoreContext, reason: BackupReason, options: { aside?: boolean } = {}): Promise<string | null> {
  if (!(ctx.store instanceof SqliteStore)) return null;
  return (await createBackup(ctx.store, ctx.dataDir, reason, ctx.now(), options)).fileName;
}

export function rotateBackups(dataDir: string, reason: BackupReason): void {
  const sameKind = listBackups(dataDir).filter((b) => b.reason === reason);
  for (const old of sameKind.slice(KEEP[reason])) rmSync(join(backupsDir(dataDir), old.fileName), { force: true });
}

/** One 'daily' copy per calendar day, taken at start-up when the day has none yet. */
export async function ensureDailyBackup(store: SqliteStore, dataDir: string, now: Date): Promise<BackupInfo | null> {
  const today = stamp(now).slice(0, 8);
  const has = listBackups(dataDir).some((b) => b.reason === 'daily' && b.fileName.includes(`-${today}-`));
  return has ? null : createBackup(store, dataDir, 'daily', now);
}

/** A backup by its name in the backups folder, or (CLI) by a path; NOT_FOUND when it is not there. */
export function resolveBackupFile(dataDir: string, nameOrPath: string): string {
  const inFolder = join(backupsDir(dataDir), basename(nameOrPath));
  const path = basename(nameOrPath) === nameOrPath ? inFolder : nameOrPath;
  if (!existsSync(path)) throw new AppError('NOT_FOUND', `Không tìm thấy bản sao lưu "${nameOrPath}".`);
  return path;
}

/**
 * A database that failed its check cannot go through the backup API; its raw file is kept
 * apart (never listed as a backup) so support staff can still look at it.
 */
export function keepDamagedCopy(dataFile: string, dataDir: string, now: Date): string | null {
  if (!existsSync(dataFile)) return null;
  const dir = join(dataDir, 'damaged');
  mkdirSync(dir, { recursive: true });
  const target = join(dir, `bhxh-desk-${stamp(now)}-damaged.sqlite`);
  copyDurably(dataFile, target);
  return target;
}
