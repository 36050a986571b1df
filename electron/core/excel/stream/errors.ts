import { AppError } from '../../../../shared/contract/result';

/**
 * FILE_INVALID with the file named first, worded like readWorkbook.ts's checks ("Tệp "x.xlsx" bị
 * hỏng …") so a streamed file and a parsed one fail with the same sentences.
 */
export function invalidFile(fileName: string) {
  return (why: string, details: Record<string, unknown> = {}) => new AppError('FILE_INVALID', `Tệp "${fileName}" ${why}`, { file: fileName, ...details });
}

/** Column letters of a 0-based index (0 → A, 26 → AA), for messages that name a cell. */
export { columnLetterAt as columnName } from '../../../../shared/format/cells';
