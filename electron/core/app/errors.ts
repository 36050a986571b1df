import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/contract';
import { connectionError } from '../db/postgresStore';

/**
 * What a user is told about a failure core did not foresee: never the engine's own text
 * ("CHECK constraint failed…", "relation does not exist"). Known engine failures get their
 * Vietnamese meaning; anything else a reference the log can be searched for.
 */
export function toAppError(error: unknown, where: { location: string; busy?: () => AppError | null }): AppError {
  if (error instanceof AppError) return error;
  const code = String((error as { code?: unknown })?.code ?? '');
  if (code.startsWith('SQLITE_READONLY')) return where.busy?.() ?? new AppError('DATA_FOLDER_BUSY', 'Cơ sở dữ liệu đang mở ở chế độ chỉ đọc; chưa ghi được gì.');
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code === '55P03') return new AppError('DB_BUSY', 'Cơ sở dữ liệu đang bận với một thao tác khác; chưa có gì được ghi. Hãy thử lại sau giây lát.');
  if (code === '40001' || code === '40P01') return new AppError('DB_BUSY', 'Có người khác đang sửa cùng dữ liệu; chưa có gì được ghi. Hãy thử lại.');
  if (code.startsWith('SQLITE_CONSTRAINT') || /^23\d{3}$/.test(code)) {
    return new AppError('VALIDATION', 'Dữ liệu không hợp lệ (vi phạm ràng buộc của cơ sở dữ liệu, ví dụ số âm hoặc mã trùng); chưa có gì được ghi.');
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === '53100') return new AppError('INTERNAL', 'Ổ đĩa chứa cơ sở dữ liệu đã đầy; chưa có gì được ghi. Hãy giải phóng chỗ trống rồi thử lại.');
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') return new AppError('DB_CORRUPT', 'Cơ sở dữ liệu bị hỏng. Hãy khôi phục từ một bản sao lưu.');
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08003', '08006'].includes(code) || /Connection terminated/i.test((error as Error)?.message ?? '')) {
    return connectionError(error, where.location);
  }
  const reference = randomBytes(3).toString('hex').toUpperCase();
  console.error(`[BHXH Desk] lỗi ${reference}:`, error);
  return new AppError('INTERNAL', `Lỗi không mong đợi (mã tham chiếu ${reference}); thao tác chưa hoàn tất và không có dữ liệu nào được ghi dở. Hãy thử lại hoặc báo cho bộ phận hỗ trợ kèm mã này.`);
}

/**
 * A commit of a previewed file that failed inside the database: the engine's reason in
 * Vietnamese (never its own text), that nothing was written, and that the same preview can be
 * committed again. An AppError of core's own passes as it is.
 */
export function commitFailure(error: unknown, fileName: string): AppError {
  if (error instanceof AppError) return error;
  const mapped = toAppError(error, { location: 'cơ sở dữ liệu' });
  return new AppError(mapped.code, `Chưa nhập được tệp "${fileName}". ${mapped.message} Bản xem trước vẫn còn: có thể bấm nhập lại.`, { ...mapped.details, file: fileName });
}
