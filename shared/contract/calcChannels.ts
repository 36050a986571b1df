/** Contribution calculators: dated rules (view, add, end), voluntary BHXH, household BHYT, the printable quote. */
import { z } from 'zod';
import { BHXH_TN_GROUPS, BHYT_HGD_GROUPS, MAX_BHYT_MONTHS, MAX_YEARS_AHEAD, PAY_MODES, RULE_KINDS } from '../domain/contributions';
import type { BhxhTnResult, BhytHgdResult, ContributionRuleRow } from './calcTypes';
import type { ReportDocument } from './reportTypes';
import { channel, isoDate, optionalText } from './schemas';

const pct = (label: string) => z.number({ error: `${label} phải là số` }).min(0, `${label} không được âm`).max(100, `${label} không quá 100%`);

export const bhxhTnRequest = z.object({
  income: z.number({ error: 'Mức thu nhập phải là số' }).int('Mức thu nhập tính bằng đồng, không có phần lẻ').positive('Mức thu nhập phải lớn hơn 0'),
  mode: z.enum(PAY_MODES, 'Hãy chọn phương thức đóng'),
  years: z.number().int().min(2, 'Số năm từ 2 trở lên').max(MAX_YEARS_AHEAD, `Số năm không quá ${MAX_YEARS_AHEAD}`).optional(),
  group: z.enum(BHXH_TN_GROUPS, 'Hãy chọn nhóm đối tượng'),
  provinceSupportPct: pct('Mức hỗ trợ thêm của tỉnh').optional(),
  date: isoDate,
});

export const bhytHgdRequest = z.object({
  members: z.array(z.enum(BHYT_HGD_GROUPS, 'Nhóm hỗ trợ không hợp lệ')).min(1, 'Hộ gia đình cần ít nhất một thành viên').max(30, 'Tối đa 30 thành viên'),
  months: z.number({ error: 'Số tháng phải là số' }).int().min(1, 'Số tháng từ 1 trở lên').max(MAX_BHYT_MONTHS, `Số tháng không quá ${MAX_BHYT_MONTHS}`),
  provinceSupportPct: pct('Mức hỗ trợ của tỉnh').optional(),
  date: isoDate,
});

const whoFor = optionalText(200);

export const calcChannels = {
  /** Every dated rule row (newest start first within a kind); rows in force today are marked. */
  'calc:rules': channel<ContributionRuleRow[]>()(z.object({ kind: z.enum(RULE_KINDS).optional() })),
  /** A new dated row (a new decree); audited. */
  'calc:saveRule': channel<ContributionRuleRow>()(
    z
      .object({
        kind: z.enum(RULE_KINDS, 'Hãy chọn loại mức'),
        subject: z.string().trim().max(20).nullable().optional(),
        value: z.number({ error: 'Giá trị phải là số' }).min(0, 'Giá trị không được âm').max(1_000_000_000, 'Giá trị quá lớn'),
        validFrom: isoDate,
        validTo: isoDate.nullable().optional(),
        source: z.string().trim().min(5, 'Hãy ghi văn bản quy định (số, ký hiệu)').max(300, 'Tối đa 300 ký tự'),
        note: optionalText(1000),
      })
      .refine((r) => !r.validTo || r.validTo >= r.validFrom, { message: 'Ngày hết hiệu lực không được trước ngày hiệu lực', path: ['validTo'] }),
  ),
  /** Ends a row on a day (the row stays, for the results before it); audited. */
  'calc:endRule': channel<ContributionRuleRow>()(z.object({ id: z.number().int().positive(), validTo: isoDate })),
  'calc:bhxhTn': channel<BhxhTnResult>()(bhxhTnRequest),
  'calc:bhytHgd': channel<BhytHgdResult>()(bhytHgdRequest),
  /** The citizen's quote (bảng tính mức đóng) as a Decree 30 document, printed on A4 portrait. */
  'calc:quoteDocument': channel<ReportDocument>()(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('bhxhTn'), input: bhxhTnRequest, personName: whoFor }),
      z.object({ kind: z.literal('bhytHgd'), input: bhytHgdRequest, personName: whoFor }),
    ]),
  ),
} as const;
