/**
 * Outreach campaigns (tuyên truyền): list and calendar, one campaign with its days and effect,
 * totals by kind, office and month, Excel import with undo, formatted export.
 */
import { z } from 'zod';
import { AUDIENCES, CAMPAIGN_KINDS } from '../domain/campaigns';
import type { CampaignBatch, CampaignCalendarItem, CampaignDetail, CampaignEffect, CampaignImportOutcome, CampaignImportPreview, CampaignSummary, CampaignTotals } from './campaignTypes';
import { pageRequest, type Page } from './paging';
import { channel, fileRef, isoDate, networkCode, officeCode, optionalText, planId, unitCode } from './schemas';
import type { DownloadRef } from './types';

const count = (label: string) => z.number({ error: `${label} phải là số` }).int(`${label} phải là số nguyên`).min(0, `${label} không được âm`).max(100_000_000, `${label} quá lớn`);
const optionalCount = (label: string) => count(label).nullable().optional();
const products = z.object({ BHXH_TN: optionalCount('Số người').default(null), BHYT_HGD: optionalCount('Số người').default(null) });
const campaignId = z.number().int().positive();
const kind = z.enum(CAMPAIGN_KINDS, 'Hãy chọn loại hình');

const campaignFilters = {
  kind: kind.optional(),
  officeCode: officeCode.optional(),
  /** Campaigns held in this unit or in a unit under it. */
  unitCode: unitCode.optional(),
  /** An agent's code, or words of a partner's name ("bưu điện"). */
  partner: z.string().trim().max(200).optional(),
  /** Campaigns with a day in [from, to] (both included). */
  from: isoDate.optional(),
  to: isoDate.optional(),
};

const campaignFields = z
  .object({
    id: campaignId.optional(),
    name: z.string().trim().min(3, 'Tên hoạt động quá ngắn').max(300, 'Tên tối đa 300 ký tự'),
    kind,
    startsOn: isoDate,
    endsOn: isoDate,
    officeCode: officeCode.nullable().optional(),
    place: optionalText(300),
    unitCodes: z.array(unitCode).max(5000).optional(),
    /** A partner given by agent code takes the agent's name (name may then be left out). */
    partners: z
      .array(
        z
          .object({ agentCode: networkCode.nullable().optional(), name: z.string().trim().min(2, 'Tên đơn vị phối hợp quá ngắn').max(200).optional() })
          .refine((p) => Boolean(p.agentCode) || Boolean(p.name), { message: 'Hãy nhập tên hoặc mã đại lý của đơn vị phối hợp', path: ['name'] }),
      )
      .max(50)
      .optional(),
    audiences: z.array(z.enum(AUDIENCES)).max(AUDIENCES.length).optional(),
    sessions: count('Số buổi').max(100_000).optional(),
    resources: z
      .object({
        teams: optionalCount('Số tổ, đội'),
        vehicles: optionalCount('Số phương tiện'),
        staff: optionalCount('Số cán bộ'),
        leaflets: optionalCount('Số tờ gấp'),
        broadcasts: optionalCount('Số lượt phát'),
        posts: optionalCount('Số bài đăng'),
        reach: optionalCount('Lượt tiếp cận'),
      })
      .optional(),
    cost: z.number({ error: 'Chi phí phải là số' }).int('Chi phí tính bằng đồng, không có phần lẻ').min(0, 'Chi phí không được âm').max(1e13).nullable().optional(),
    plan: products.optional(),
    notes: optionalText(4000),
    attachments: z.array(z.string().trim().min(1).max(300)).max(50).optional(),
    /** The days with figures; a campaign without days keeps its dates and shows no results yet. */
    days: z
      .array(z.object({ day: isoDate, attendees: optionalCount('Số người tham dự').default(null), signups: products, note: optionalText(500) }))
      .max(400)
      .optional(),
  })
  .refine((c) => c.endsOn >= c.startsOn, { message: 'Ngày kết thúc không được trước ngày bắt đầu', path: ['endsOn'] })
  .refine((c) => (c.days ?? []).every((d) => d.day >= c.startsOn && d.day <= c.endsOn), { message: 'Có ngày kết quả nằm ngoài thời gian diễn ra', path: ['days'] })
  .refine((c) => new Set((c.days ?? []).map((d) => d.day)).size === (c.days ?? []).length, { message: 'Một ngày được nhập hai lần', path: ['days'] });

export const campaignChannels = {
  'campaigns:search': channel<Page<CampaignSummary>>()(pageRequest(['startsOn', 'name', 'kind', 'attendees', 'signups'], campaignFilters)),
  /** Campaigns overlapping [from, to] for the calendar (at most 400 days apart). */
  'campaigns:calendar': channel<CampaignCalendarItem[]>()(
    z.object({ from: isoDate, to: isoDate, kind: kind.optional(), officeCode: officeCode.optional() }).refine((r) => r.to >= r.from, { message: 'Khoảng ngày không hợp lệ' }),
  ),
  'campaigns:get': channel<CampaignDetail>()(z.object({ id: campaignId })),
  /** Creates (no id) or replaces a campaign with its days; one transaction, one audit row. */
  'campaigns:save': channel<CampaignDetail>()(campaignFields),
  'campaigns:delete': channel<{ deleted: number }>()(z.object({ id: campaignId })),
  /** Gains of the campaign's units in the `weeks` after it started (4 when not given). */
  'campaigns:effect': channel<CampaignEffect>()(z.object({ id: campaignId, weeks: z.number().int().min(1).max(26).optional() })),
  'campaigns:totals': channel<CampaignTotals>()(
    z.object({ from: isoDate, to: isoDate, officeCode: officeCode.optional(), kind: kind.optional(), effectWeeks: z.number().int().min(1).max(26).optional() }),
  ),
  /** One sheet of campaigns, one row per campaign or per day, headers found like district reports. */
  'campaigns:previewImport': channel<CampaignImportPreview>()(z.object({ file: fileRef })),
  'campaigns:commitImport': channel<CampaignImportOutcome>()(z.object({ planId })),
  'campaigns:batches': channel<Page<CampaignBatch>>()(pageRequest(['at'], {})),
  'campaigns:undo': channel<{ undone: number }>()(z.object({ batchId: z.number().int().positive() })),
  'exports:campaigns': channel<DownloadRef>()(z.object({ ...campaignFilters, query: z.string().trim().max(200).optional() })),
} as const;
