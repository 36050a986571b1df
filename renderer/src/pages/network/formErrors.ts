import type { FormInstance } from 'antd';
import type { AppErrorShape } from '../../../../shared/contract';

/** Puts a server's validation message on the field it names (error.details.field); true when it did. */
export function showFieldError<T>(form: FormInstance<T>, error: AppErrorShape, fields: readonly string[], aliases: Record<string, string> = {}): boolean {
  const raw = error.details?.field;
  if (typeof raw !== 'string') return false;
  const name = aliases[raw] ?? raw.split('.')[0]!;
  if (!fields.includes(name)) return false;
  form.setFields([{ name: name as never, errors: [error.message] }]);
  return true;
}

export const blank = (x: string | null | undefined): string | null => (x && x.trim() ? x.trim() : null);
