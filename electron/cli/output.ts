import type { Result } from '../../shared/contract';

export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
    readonly payload?: unknown,
  ) {
    super(message);
  }
}

/** Unwraps a contract result or stops the command with the Vietnamese message. */
export function unwrap<T>(result: Result<T>, exitCode = 1): T {
  if (result.ok) return result.value;
  throw new CliFailure(result.error.message, exitCode, result.error);
}

/** Fixed-width columns for humans; widths count characters so Vietnamese text lines up. */
export function table(headers: string[], rows: (string | number | null)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === null ? '' : String(c))))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  return cells.map((r) => r.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join('  ').trimEnd()).join('\n');
}
