import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AppError, type FileRef } from '../../../shared/contract';
import { formatBytes } from '../../../shared/format/vi';

/** Hard cap on any file core is asked to read; spreadsheets offices send are far smaller. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Person lists are read streaming from their path (a million rows is ~75 MB), so uploads may be this large. */
export const MAX_UPLOAD_BYTES = 300 * 1024 * 1024;

/**
 * A file nobody has read for this long is let go. A preview's plan lives an hour too
 * (PlanStore), so by then the file could only serve a new preview from scratch.
 */
export const FILE_IDLE_MS = 60 * 60 * 1000;

interface Entry {
  name: string;
  path: string;
  /** An upload copied into our temporary folder: deleted when let go. A picked path is the user's own. */
  temporary: boolean;
  usedAt: number;
}

/**
 * Files enter core as tokens. Adapters register what the user picked (a path from a native
 * dialog or the CLI) or uploaded (written to a temporary file) and hand the renderer only the token.
 */
export class FileStore {
  private entries = new Map<string, Entry>();
  private dir: string | null = null;

  registerPath(path: string, name = basename(path)): FileRef {
    const size = statSync(path).size;
    return this.add({ name, path, temporary: false }, size);
  }

  /** A fresh path in the temporary folder for an upload to be written to (see `adoptTemporary`). */
  temporaryPath(): string {
    if (!this.dir) {
      this.dir = mkdtempSync(join(tmpdir(), 'bhxh-desk-tep-'));
      removeOnExit(this.dir);
    }
    return join(this.dir, randomBytes(12).toString('hex'));
  }

  /** Registers an upload written to `temporaryPath()`; the file is deleted when released. */
  adoptTemporary(path: string, name: string): FileRef {
    return this.add({ name, path, temporary: true }, statSync(path).size);
  }

  /** A picked workbook (a report, a unit or agent list…): its path and name, refused above the workbook limit. */
  workbookPath(ref: Pick<FileRef, 'token'>): { name: string; path: string; size: number } {
    return this.pathOf(ref, MAX_FILE_BYTES);
  }

  /** The file's path and name, for readers that stream it (never loaded whole); refused above `maxBytes`. */
  pathOf(ref: Pick<FileRef, 'token'>, maxBytes = MAX_UPLOAD_BYTES): { name: string; path: string; size: number } {
    const entry = this.entries.get(ref.token);
    if (!entry) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp đã chọn; hãy chọn lại tệp.');
    entry.usedAt = Date.now();
    const size = statSync(entry.path).size;
    if (size > maxBytes) throw new AppError('FILE_TOO_LARGE', tooLargeMessage(entry.name, size, maxBytes));
    return { name: entry.name, path: entry.path, size };
  }

  has(token: string): boolean {
    return this.entries.has(token);
  }

  /** Forgets the token; an uploaded file is deleted. */
  release(token: string): void {
    const entry = this.entries.get(token);
    if (!entry) return;
    this.entries.delete(token);
    if (entry.temporary) rmSync(entry.path, { force: true });
  }

  /** Lets go of every file idle for longer than FILE_IDLE_MS at `now`. */
  sweep(now = Date.now()): void {
    for (const [token, entry] of this.entries) if (now - entry.usedAt > FILE_IDLE_MS) this.release(token);
  }

  /** The temporary folder uploads are written to; null until the first upload. */
  get temporaryDir(): string | null {
    return this.dir;
  }

  private add(entry: Omit<Entry, 'usedAt'>, size: number): FileRef {
    this.sweep();
    const token = randomBytes(16).toString('hex');
    this.entries.set(token, { ...entry, usedAt: Date.now() });
    return { token, name: entry.name, size };
  }
}

/** The one wording for a file over a limit (MAX_FILE_BYTES unless given), whether it was picked or uploaded. */
export function tooLargeMessage(name: string, size: number, limit = MAX_FILE_BYTES): string {
  return `Tệp "${name}" quá lớn${sizeNote(size, limit)}: chỉ nhận tệp tối đa ${formatBytes(limit)}.`;
}

/** " (50,1 MB)", left out when it would read the same as the limit. */
export function sizeNote(size: number, limit: number): string {
  return formatBytes(size) === formatBytes(limit) ? '' : ` (${formatBytes(size)})`;
}

// Uploads may hold people's data: a process that ends (browser mode stopped, CLI done) takes its folder with it.
const folders = new Set<string>();

function removeOnExit(dir: string): void {
  if (folders.size === 0) {
    process.once('exit', () => {
      for (const d of folders) rmSync(d, { recursive: true, force: true });
    });
  }
  folders.add(dir);
}
