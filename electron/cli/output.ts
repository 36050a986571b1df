import type { AppError, ErrorCode } from '../../shared/contract';

/** A refusal decided by the CLI itself (a flag, a missing argument), with its exit code. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Failures that mean "your input was refused" (exit 2); anything else is exit 1. */
const REJECTED_INPUT: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'VALIDATION', 'NOT_FOUND', 'CONFLICT', 'FILE_INVALID', 'FILE_TOO_LARGE', 'TOO_LARGE', 'IMPORT_REJECTED', 'DB_NEWER_VERSION',
]);

/** The one place a core failure becomes an exit code. */
export function exitCodeOf(error: AppError): 1 | 2 {
  return REJECTED_INPUT.has(error.code) ? 2 : 1;
}

/** Fixed-width columns for humans; widths count characters so Vietnamese text lines up. */
export function table(headers: string[], rows: (string | number | null)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === null ? '' : String(c))))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  return cells.map((r) => r.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join('  ').trimEnd()).join('\n');
}
