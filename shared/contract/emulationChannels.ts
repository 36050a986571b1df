/** Emulation (thi đua) and awards (khen thưởng): criteria sets, scores, award records. */
import { z } from 'zod';
import { AWARD_KINDS, EMULATION_LEVELS, EMULATION_MEASURES, MAX_AWARD_AMOUNT } from '../domain/emulation';
import type { Award, CriteriaSet, EmulationRanking } from './emulationTypes';
import { pageRequest, type Page } from './paging';
import type { ReportDocument } from './reportTypes';
import { channel, isoDate, networkCode, officeCode, optionalText, periodText, shortText } from './schemas';
import type { DownloadRef } from './types';

const level = z.enum(EMULATION_LEVELS, 'Hãy chọn đối tượng xếp hạng');
/** A quarter or a year: emulation is not scored by month. */
export const emulationPeriod = periodText.refine((t) => !/^\d{4}-\d{2}$/.test(t.trim()), 'Thi đua chấm theo quý hoặc năm (YYYY hoặc YYYY-Qn), không chấm theo tháng.');
const scoreRequest = { period: emulationPeriod, level, officeCode: officeCode.optional() };
const points = (label: string) => z.number({ error: `${label} phải là số` }).positive(`${label} phải lớn hơn 0`).max(1_000_000, `${label} quá lớn`);

const awardFilters = {
  level: level.optional(),
  kind: z.enum(AWARD_KINDS).optional(),
  /** Awards decided in this year. */
  year: z.number().int().min(2000).max(2100).optional(),
};

export const emulationChannels = {
  /** Dated criteria sets (newest first) with their criteria; one level, or all. */
  'emulation:criteriaSets': channel<CriteriaSet[]>()(z.object({ level: level.optional() })),
  /** A new dated set (criteria are never edited in place, so past rankings stay as they were); audited. */
  'emulation:saveCriteriaSet': channel<CriteriaSet>()(
    z
      .object({
        name: z.string().trim().min(3, 'Tên bộ tiêu chí quá ngắn').max(200, 'Tên tối đa 200 ký tự'),
        level,
        validFrom: isoDate,
        validTo: isoDate.nullable().optional(),
        decisionNo: optionalText(100),
        note: optionalText(1000),
        criteria: z
          .array(z.object({ measure: z.enum(EMULATION_MEASURES), weight: points('Điểm tối đa'), benchmark: points('Mức chuẩn'), cap: z.number().min(1, 'Hệ số trần không nhỏ hơn 1').max(10) }))
          .min(1, 'Bộ tiêu chí cần ít nhất một tiêu chí')
          .max(20),
      })
      .refine((s) => !s.validTo || s.validTo >= s.validFrom, { message: 'Ngày hết hiệu lực không được trước ngày hiệu lực', path: ['validTo'] }),
  ),
  /** Everyone of a level scored for a quarter or a year, ranked; `rows` is one page (all when no limit). */
  'emulation:score': channel<EmulationRanking>()(
    z.object({ ...scoreRequest, offset: z.number().int().min(0).optional(), limit: z.number().int().min(1).max(100_000).optional() }),
  ),
  /** The ranking as a document in the Decree 30 layout (the print page draws it). */
  'emulation:document': channel<ReportDocument>()(z.object(scoreRequest)),
  'awards:search': channel<Page<Award>>()(pageRequest(['decisionDate', 'name', 'amount'], awardFilters)),
  /** Creates (no id) or changes an award; audited. */
  'awards:save': channel<Award>()(
    z.object({
      id: z.number().int().positive().optional(),
      recipientLevel: level,
      recipientCode: networkCode.nullable().optional(),
      recipientName: z.string().trim().min(2, 'Hãy ghi tên người hoặc đơn vị được khen').max(200, 'Tên tối đa 200 ký tự'),
      kind: z.enum(AWARD_KINDS, 'Hãy chọn hình thức khen thưởng'),
      title: z.string().trim().min(3, 'Hãy ghi danh hiệu, hình thức khen thưởng').max(300, 'Tối đa 300 ký tự'),
      decisionNo: z.string().trim().min(3, 'Hãy ghi số quyết định').max(100, 'Số quyết định tối đa 100 ký tự'),
      decisionDate: isoDate,
      amount: z.number({ error: 'Số tiền phải là số' }).int('Số tiền tính bằng đồng, không có phần lẻ').min(0, 'Số tiền không được âm').max(MAX_AWARD_AMOUNT, 'Số tiền quá lớn; hãy kiểm tra lại'),
      period: emulationPeriod.nullable().optional(),
      note: optionalText(1000),
    }),
  ),
  'awards:delete': channel<{ deleted: number }>()(z.object({ id: z.number().int().positive() })),
  /** The ranking with each criterion's value and points as columns; audited. */
  'exports:emulation': channel<DownloadRef>()(z.object(scoreRequest)),
  'exports:awards': channel<DownloadRef>()(z.object({ ...awardFilters, query: shortText(200).optional() })),
} as const;
