import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError, type RunMode } from '../../../shared/contract';

export const LOCK_FILE = 'bhxh-desk.lock';

export interface LockHolder {
  pid: number;
  host: string;
  mode: RunMode;
  since: string;
}

/** Locks this process holds, released if it exits without closing them (one listener for all). */
const held = new Set<FolderLock>();
process.once('exit', () => {
  for (const lock of [...held]) lock.release();
});

const MODE_LABEL: Record<RunMode, string> = { electron: 'ứng dụng BHXH Desk', browser: 'BHXH Desk (chế độ trình duyệt)', cli: 'lệnh dòng lệnh BHXH Desk' };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One process writes a data folder at a time (Electron, browser mode and the CLI alike): the
 * first takes this lock file; a second one opens the data read-only and says who holds it. A
 * lock left by a process that died on this machine is taken over.
 */
export class FolderLock {
  private constructor(
    private readonly path: string,
    readonly holder: LockHolder | null,
    /** Whether this object wrote the lock file (and so removes it); another core of the same process shares it. */
    private readonly created = false,
  ) {}

  /** Whether this process holds the lock (holder null) or another one does. */
  get owned(): boolean {
    return this.holder === null;
  }

  static acquire(dataDir: string, mode: RunMode, now: Date): FolderLock {
    const path = join(dataDir, LOCK_FILE);
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const fd = openSync(path, 'wx');
        const me: LockHolder = { pid: process.pid, host: hostname(), mode, since: now.toISOString() };
        writeSync(fd, JSON.stringify(me));
        closeSync(fd);
        const lock = new FolderLock(path, null, true);
        held.add(lock);
        return lock;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readHolder(path);
      // Two cores of one process (the CLI run inside a test, say) share the folder: one writer still.
      if (holder?.pid === process.pid && holder.host === hostname()) return new FolderLock(path, null, false);
      if (holder && (holder.host !== hostname() || alive(holder.pid))) return new FolderLock(path, holder);
      rmSync(path, { force: true });
    }
    return new FolderLock(path, readHolder(path) ?? { pid: 0, host: '?', mode: 'cli', since: now.toISOString() });
  }

  release(): void {
    held.delete(this);
    if (!this.created) return;
    const holder = readHolder(this.path);
    if (holder?.pid === process.pid) rmSync(this.path, { force: true });
  }

  /** Why this process may not write: who holds the data folder, since when. */
  busyError(action = 'ghi dữ liệu'): AppError {
    const h = this.holder!;
    const since = new Date(h.since);
    const when = Number.isNaN(since.getTime()) ? '' : ` từ ${String(since.getHours()).padStart(2, '0')}:${String(since.getMinutes()).padStart(2, '0')} ngày ${since.toLocaleDateString('vi-VN')}`;
    return new AppError(
      'DATA_FOLDER_BUSY',
      `Thư mục dữ liệu đang được ${MODE_LABEL[h.mode] ?? 'một chương trình khác'} sử dụng (tiến trình ${h.pid} trên máy ${h.host}${when}). Ở đây chỉ xem được, không ${action} được; hãy đóng chương trình kia rồi thử lại.`,
      { holder: h },
    );
  }
}

function readHolder(path: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, host: String(parsed.host ?? ''), mode: (parsed.mode ?? 'cli') as RunMode, since: String(parsed.since ?? '') } : null;
  } catch {
    return null;
  }
}
