/**
 * Request pieces every area's channels share, and the `channel` pairing of a request schema
 * with its response type. Area files (campaignChannels.ts, emulationChannels.ts …) build on these.
 */
import { z } from 'zod';

// Messages zod writes itself (wrong type, too long…) reach users, so they are in Vietnamese too.
z.config(z.locales.vi());

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');
export const unitCode = z.string().trim().regex(/^[0-9A-Za-z._-]{1,20}$/, 'Mã đơn vị chỉ gồm chữ số/chữ cái, tối đa 20 ký tự');
export const fileRef = z.object({ token: z.string().min(8).max(100), name: z.string().max(500), size: z.number().int().nonnegative() });
export const empty = z.object({}).strict();
export const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Kỳ báo cáo phải có dạng YYYY-MM');
export const shortText = (max: number) => z.string().trim().max(max, `Tối đa ${max} ký tự`);
export const optionalText = (max: number) => shortText(max).nullable().optional();
export const officeCode = z.string().trim().regex(/^[0-9A-Za-z._-]{1,20}$/, 'Mã cơ quan chỉ gồm chữ số/chữ cái, tối đa 20 ký tự');
export const networkCode = z.string().trim().regex(/^[0-9A-Za-z._-]{1,30}$/, 'Mã chỉ gồm chữ số, chữ cái, dấu chấm, gạch; tối đa 30 ký tự');
export const planId = z.string().min(8).max(100);
/** `YYYY`, `YYYY-Qn` or `YYYY-MM`: a year, a quarter or a month (read with periodDays). */
export const periodText = z.string().trim().regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/i, 'Kỳ phải có dạng YYYY, YYYY-Qn hoặc YYYY-MM');

/** Pairs a request schema with the response type, which exists only at compile time. */
export function channel<Res>() {
  return <S extends z.ZodType>(request: S) => ({ request, response: undefined as unknown as Res });
}
