import { randomBytes } from 'node:crypto';
import { AppError, type DownloadRef } from '../../../shared/contract';

/**
 * Files core made for the user (exports) wait here until the adapter saves them: the HTTP
 * server streams them as a download, Electron writes them where the save dialog says.
 */
export class DownloadStore {
  private entries = new Map<string, { fileName: string; bytes: Buffer; at: number }>();
  constructor(private readonly ttlMs = 30 * 60 * 1000) {}

  put(bytes: Buffer, fileName: string): DownloadRef {
    this.sweep();
    const token = randomBytes(16).toString('hex');
    this.entries.set(token, { fileName, bytes, at: Date.now() });
    return { token, fileName, size: bytes.length };
  }

  take(token: string): { fileName: string; bytes: Buffer } {
    this.sweep();
    const entry = this.entries.get(token);
    if (!entry) throw new AppError('NOT_FOUND', 'Tệp xuất đã hết hạn; hãy xuất lại.');
    this.entries.delete(token);
    return entry;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [token, entry] of this.entries) if (now - entry.at > this.ttlMs) this.entries.delete(token);
  }
}
