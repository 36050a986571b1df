import type { AppErrorShape, Result } from '../../../shared/contract';

export const NETWORK_ERROR_MESSAGE = 'Không kết nối được với máy chủ BHXH Desk.';

/** Thrown by `pickFile` when an upload fails; carries the same shape as a failed Result. */
export class ApiError extends Error {
  constructor(readonly shape: AppErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
  }
}

export function networkError(): Result<never> {
  return { ok: false, error: { code: 'INTERNAL', message: NETWORK_ERROR_MESSAGE } };
}

/** Anything caught (ApiError, Error, unknown) → an error shape with a Vietnamese message. */
export function toErrorShape(err: unknown): AppErrorShape {
  if (err instanceof ApiError) return err.shape;
  if (err && typeof err === 'object' && 'code' in err && 'message' in err && typeof (err as { message: unknown }).message === 'string') {
    const e = err as AppErrorShape;
    if (typeof e.code === 'string' && /^[A-Z_]+$/.test(e.code))
      return { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) };
  }
  const detail = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message: 'Đã xảy ra lỗi không mong muốn.', details: { detail } };
}

/** A parsed body is a Result when it has the envelope's shape. */
export function isResult(body: unknown): body is Result<unknown> {
  if (!body || typeof body !== 'object') return false;
  const b = body as { ok?: unknown; error?: unknown };
  if (b.ok === true) return 'value' in b;
  if (b.ok === false) return !!b.error && typeof b.error === 'object' && typeof (b.error as { message?: unknown }).message === 'string';
  return false;
}
