/**
 * The one envelope every channel answers with. Errors carry a stable `code` for programs
 * and a Vietnamese `message` for people; `details` is optional structured context
 * (file, sheet, row, column …) that the UI may render.
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FILE_INVALID'
  | 'FILE_TOO_LARGE'
  /** An upload or request body over the browser-mode server's limit (HTTP 413). */
  | 'TOO_LARGE'
  | 'IMPORT_REJECTED'
  | 'DB_NEWER_VERSION'
  | 'DB_CORRUPT'
  | 'DB_NETWORK_PATH'
  | 'DB_UNREACHABLE'
  | 'DB_AUTH'
  /** The server answers but has no database of that name. */
  | 'DB_MISSING'
  | 'DB_UNSUPPORTED'
  | 'DB_BUSY'
  | 'DATA_FOLDER_BUSY'
  | 'BACKUP_FAILED'
  | 'BACKUP_BY_ADMIN'
  | 'RESTORE_FAILED'
  | 'UNAUTHORIZED'
  | 'UNKNOWN_CHANNEL'
  | 'CANCELLED'
  | 'UNAVAILABLE'
  | 'INTERNAL';

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, details?: Record<string, unknown>): Result<never> => ({
  ok: false,
  error: details ? { code, message, details } : { code, message },
});

/** Thrown inside core; adapters turn it into a failed Result. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
  toShape(): AppErrorShape {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}
