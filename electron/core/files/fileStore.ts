import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError, type FileRef } from '../../../shared/contract';

/** Hard cap on any file core is asked to read; spreadsheets offices send are far smaller. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

type Entry = { name: string; path: string } | { name: string; bytes: Buffer };

/**
 * Files enter core as tokens. Adapters register what the user picked (a path from a native
 * dialog or the CLI) or uploaded (bytes over HTTP) and hand the renderer only the token.
 */
export class FileStore {
  private entries = new Map<string, Entry>();

  registerPath(path: string, name = basename(path)): FileRef {
    const size = statSync(path).size;
    const token = randomBytes(16).toString('hex');
    this.entries.set(token, { name, path });
    return { token, name, size };
  }

  registerBytes(bytes: Buffer, name: string): FileRef {
    if (bytes.length > MAX_FILE_BYTES) {
      throw new AppError('FILE_TOO_LARGE', `Tệp "${name}" quá lớn (tối đa ${MAX_FILE_BYTES / 1024 / 1024} MB).`);
    }
    const token = randomBytes(16).toString('hex');
    this.entries.set(token, { name, bytes });
    return { token, name, size: bytes.length };
  }

  read(ref: Pick<FileRef, 'token'>): { name: string; bytes: Buffer } {
    const entry = this.entries.get(ref.token);
    if (!entry) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp đã chọn; hãy chọn lại tệp.');
    if ('bytes' in entry) return entry;
    const size = statSync(entry.path).size;
    if (size > MAX_FILE_BYTES) {
      throw new AppError('FILE_TOO_LARGE', `Tệp "${entry.name}" quá lớn (tối đa ${MAX_FILE_BYTES / 1024 / 1024} MB).`);
    }
    return { name: entry.name, bytes: readFileSync(entry.path) };
  }
}
