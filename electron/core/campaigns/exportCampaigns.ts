import ExcelJS from 'exceljs';
import { MAX_PAGE_SIZE, type CampaignSummary, type DownloadRef, type Page, type ParsedRequestOf } from '../../../shared/contract';
import { campaignTotal } from '../../../shared/calc/campaigns';
import { CAMPAIGN_KIND_LABELS } from '../../../shared/domain/campaigns';
import { formatDate } from '../../../shared/format/vi';
import { recordAudit } from '../audit/audit';
import type { CoreContext } from '../app/context';
import { issuerFor } from '../exports/appExports';
import { exportFileName } from '../exports/fileNames';
import { addTableSheet, type TableColumn } from '../exports/tableWorkbook';
import type { DownloadStore } from '../files/downloadStore';
import { UnitRepository } from '../units/repository';

export type CampaignExportRequest = ParsedRequestOf<'exports:campaigns'>;
export type CampaignSearch = (req: ParsedRequestOf<'campaigns:search'>) => Promise<Page<CampaignSummary>> | Page<CampaignSummary>;
type Cell = string | number | null;

const text = (header: string, width: number, group?: string): TableColumn => ({ header, width, format: 'text', ...(group ? { group } : {}) });
const count = (header: string, width = 10, group?: string): TableColumn => ({ header, width, format: 'count', ...(group ? { group } : {}) });
const ratio = (header: string, width = 9, group?: string): TableColumn => ({ header, width, format: 'ratio', ...(group ? { group } : {}) });

/** The columns of the export, in order (the totals row and the tests read them from here). */
export const CAMPAIGN_EXPORT_COLUMNS: TableColumn[] = [
  text('Tên hoạt động', 34), text('Loại hình', 16), text('Từ ngày', 11), text('Đến ngày', 11), text('Đơn vị tổ chức', 18), text('Địa điểm', 20), text('Phối hợp', 18),
  count('Số buổi', 7), count('Người tham dự', 9),
  count('BHXH TN', 9, 'Số người tham gia'), count('BHYT HGĐ', 9, 'Số người tham gia'),
  count('BHXH TN', 9, 'Kế hoạch'), count('BHYT HGĐ', 9, 'Kế hoạch'),
  ratio('BHXH TN', 9, '% kế hoạch'), ratio('BHYT HGĐ', 9, '% kế hoạch'),
  ratio('Tỷ lệ tham gia / tham dự', 10), count('Chi phí (đồng)', 13), count('Chi phí / người tham gia (đồng)', 12),
];

/** A percentage from shared/calc (115,00) as the ratio Excel formats (1,15 → 115,00%). */
const asRatio = (pct: number | null): number | null => (pct === null ? null : Math.round(pct * 100) / 10000);

function rowOf(c: CampaignSummary): Cell[] {
  return [
    c.name, CAMPAIGN_KIND_LABELS[c.kind], formatDate(c.startsOn), formatDate(c.endsOn), c.officeName ?? '', c.place ?? c.unitNames.join(', '),
    c.partners.map((p) => p.name).join(', '), c.sessions, c.attendees, c.signups.BHXH_TN, c.signups.BHYT_HGD, c.plan.BHXH_TN, c.plan.BHYT_HGD,
    asRatio(c.pctOfPlan.BHXH_TN), asRatio(c.pctOfPlan.BHYT_HGD), asRatio(c.conversion), c.cost, c.costPerSignup,
  ];
}

/** "Loại hình: Lễ ra quân; từ 01/05/2020 đến 31/12/2020": the filters of an export, in words. */
export function filtersLine(req: CampaignExportRequest): string {
  const parts = [
    req.officeCode ? `BHXH cơ sở mã ${req.officeCode}` : 'Toàn tỉnh',
    req.kind ? `loại hình: ${CAMPAIGN_KIND_LABELS[req.kind]}` : null,
    req.unitCode ? `xã, phường mã ${req.unitCode}` : null,
    req.partner ? `phối hợp: ${req.partner}` : null,
    req.from && req.to ? `từ ${formatDate(req.from)} đến ${formatDate(req.to)}` : req.from ? `từ ${formatDate(req.from)}` : req.to ? `đến ${formatDate(req.to)}` : null,
    req.query ? `tìm "${req.query}"` : null,
  ];
  return parts.filter(Boolean).join('; ');
}

/**
 * `exports:campaigns`: the campaigns the filters find, read through the search a page at a time,
 * one row each with the figures shared/calc gave them, and a totals row summed first then
 * derived (rates are never averaged). A4 landscape with the header on every page; audited.
 */
export async function exportCampaigns(ctx: CoreContext, downloads: DownloadStore, req: CampaignExportRequest, search: CampaignSearch): Promise<DownloadRef> {
  const items: CampaignSummary[] = [];
  const rows: Cell[][] = [];
  for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
    const page = await search({ ...req, offset, limit: MAX_PAGE_SIZE, sort: 'startsOn', desc: false });
    for (const c of page.items) {
      rows.push(rowOf(c));
      items.push(c);
    }
    if (page.items.length < MAX_PAGE_SIZE || offset + page.items.length >= page.total) break;
  }
  const t = campaignTotal(items.map((c) => ({ kind: c.kind, sessions: c.sessions, attendees: c.attendees, signups: c.signups, plan: c.plan, cost: c.cost })));
  const total: Cell[] = [
    null, null, null, null, null, null, null, t.sessions, t.attendees, t.signups.BHXH_TN, t.signups.BHYT_HGD, t.plan.BHXH_TN, t.plan.BHYT_HGD,
    asRatio(t.pctOfPlan.BHXH_TN), asRatio(t.pctOfPlan.BHYT_HGD), asRatio(t.conversion), t.cost, t.costPerSignup,
  ];
  const [issuer, isDemo] = await Promise.all([issuerFor(ctx, null), new UnitRepository(ctx.store).hasDemo()]);
  const generatedAt = ctx.now();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'BHXH Desk';
  wb.created = generatedAt;
  const title = 'Kết quả tuyên truyền, vận động';
  wb.title = title;
  addTableSheet(wb, {
    sheetName: 'Tuyên truyền',
    issuer,
    title,
    subtitle: `${filtersLine(req)} — ${items.length} hoạt động`,
    isDemo: isDemo || items.some((c) => c.isDemo),
    columns: CAMPAIGN_EXPORT_COLUMNS,
    rows,
    total,
    generatedAt,
  });
  const bytes = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const fileName = exportFileName('Tuyên truyền', [req.kind ?? null, req.officeCode ?? null, req.from ?? null, req.to ?? null]);
  await ctx.store.transaction(() =>
    recordAudit(
      ctx.store,
      ctx.actor,
      {
        action: 'export',
        entity: 'export',
        entityKey: 'campaigns',
        summary: `Xuất kết quả tuyên truyền, vận động (${items.length} hoạt động, tệp ${fileName}); ${filtersLine(req)}`,
        details: { kind: req.kind ?? null, officeCode: req.officeCode ?? null, unitCode: req.unitCode ?? null, partner: req.partner ?? null, from: req.from ?? null, to: req.to ?? null, query: req.query ?? null, rows: items.length },
      },
      generatedAt,
    ),
  );
  return downloads.put(bytes, fileName);
}
