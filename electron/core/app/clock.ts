import { AppError } from '../../../shared/contract';

/**
 * The app's one clock. `BHXH_TODAY=YYYY-MM-DD` fixes the day for core, browser mode, the CLI and
 * the demo (tests set it so they never depend on the day they run); the time of day still moves,
 * so backups and audit rows taken one after another keep their order.
 */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): () => Date {
  const fixed = env.BHXH_TODAY?.trim();
  if (!fixed) return () => new Date();
  const day = parseFixedDay(fixed);
  return () => {
    const real = new Date();
    return new Date(day.year, day.month - 1, day.day, real.getHours(), real.getMinutes(), real.getSeconds(), real.getMilliseconds());
  };
}

function parseFixedDay(text: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const probe = new Date(year, month - 1, day);
  if (!m || probe.getFullYear() !== year || probe.getMonth() !== month - 1 || probe.getDate() !== day) {
    throw new AppError('VALIDATION', `Biến môi trường BHXH_TODAY="${text}" không phải ngày hợp lệ (dạng YYYY-MM-DD, ví dụ 2026-06-15).`);
  }
  return { year, month, day };
}
