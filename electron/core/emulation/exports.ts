import type { DownloadRef, EmulationRanking, ParsedRequestOf } from '../../../shared/contract';
import { MAX_PAGE_SIZE } from '../../../shared/contract';
import { AWARD_KIND_LABELS, EMULATION_LEVEL_LABELS, EMULATION_LEVEL_PLURAL, type MeasureKind } from '../../../shared/domain/emulation';
import { formatDate, formatDecimal } from '../../../shared/format/vi';
import { recordAudit } from '../audit/audit';
import type { CoreContext } from '../app/context';
import { issuerFor } from '../exports/appExports';
import { exportFileName } from '../exports/fileNames';
import { buildTableWorkbook, type CellFormat, type TableColumn } from '../exports/tableWorkbook';
import type { DownloadStore } from '../files/downloadStore';
import { UnitRepository } from '../units/repository';
import { searchAwards } from './awards';
import { scoreEmulation } from './scoring';

const maxText = (x: number) => formatDecimal(x).replace(/,?0+$/, '');
const VALUE_FORMAT: Record<MeasureKind, CellFormat> = { percent: 'ratio', growth: 'signedRatio', count: 'count' };

/** "Quý I/2026 — BHXH cơ sở Hồng Dân; bộ tiêu chí …": what a ranking was scored on, in words. */
export function rankingSubtitle(r: EmulationRanking): string {
  const set = `bộ tiêu chí "${r.criteriaSet.name}"${r.criteriaSet.decisionNo ? ` (${r.criteriaSet.decisionNo})` : ''}, hiệu lực từ ${formatDate(r.criteriaSet.validFrom)}`;
  return `${r.periodLabel}${r.officeName ? ` — ${r.officeName}` : ''}; ${set}; điểm tối đa ${maxText(r.maxPoints)}`;
}

/** Columns of a ranking: rank, code, name (and the agent or office above), each criterion's result and points, the total. */
export function rankingColumns(r: EmulationRanking): TableColumn[] {
  const parent: TableColumn[] = r.level === 'unit' ? [] : [{ header: r.level === 'staff' ? 'Tổ chức dịch vụ thu' : 'Cơ quan BHXH cơ sở', width: 22, format: 'text' }];
  return [
    { header: 'Hạng', width: 6, format: 'count' },
    { header: 'Mã', width: 10, format: 'text' },
    { header: r.level === 'staff' ? 'Họ và tên' : r.level === 'agent' ? 'Tên tổ chức dịch vụ thu' : 'Đơn vị', width: 26, format: 'text' },
    ...parent,
    ...r.criteria.flatMap((c): TableColumn[] => [
      { header: 'Kết quả', group: `${c.shortLabel} (tối đa ${maxText(c.weight * c.cap)} điểm)`, width: 11, format: VALUE_FORMAT[c.kind] },
      { header: 'Điểm', group: `${c.shortLabel} (tối đa ${maxText(c.weight * c.cap)} điểm)`, width: 8, format: 'decimal' },
    ]),
    { header: 'Tổng điểm', width: 10, format: 'decimal' },
  ];
}

export function rankingCells(r: EmulationRanking): (string | number | null)[][] {
  return r.rows.map((row) => [row.rank, row.code, row.name, ...(r.level === 'unit' ? [] : [row.parentName ?? '']), ...row.parts.flatMap((p) => [p.value, p.points]), row.score]);
}

/** `exports:emulation`: the whole ranking, each criterion's result and points as columns; audited. */
export async function exportEmulation(ctx: CoreContext, downloads: DownloadStore, req: ParsedRequestOf<'exports:emulation'>): Promise<DownloadRef> {
  const ranking = await scoreEmulation(ctx, req);
  const title = `Bảng xếp hạng thi đua ${EMULATION_LEVEL_PLURAL[req.level]}`;
  const generatedAt = ctx.now();
  const bytes = await buildTableWorkbook({
    sheetName: 'Xếp hạng thi đua',
    issuer: await issuerFor(ctx, null),
    title,
    subtitle: rankingSubtitle(ranking),
    isDemo: ranking.isDemo,
    columns: rankingColumns(ranking),
    rows: rankingCells(ranking),
    generatedAt,
    ...(ranking.notes.length ? { notice: ranking.notes.join(' ') } : {}),
  });
  const fileName = exportFileName('Xếp hạng thi đua', [EMULATION_LEVEL_LABELS[req.level], req.officeCode, ranking.period]);
  await ctx.store.transaction(() =>
    recordAudit(
      ctx.store,
      ctx.actor,
      {
        action: 'export', entity: 'export', entityKey: 'emulation:ranking',
        summary: `Xuất bảng xếp hạng thi đua ${EMULATION_LEVEL_PLURAL[req.level]} ${ranking.periodLabel} (${ranking.total} dòng, tệp ${fileName})`,
        details: { period: ranking.period, level: req.level, officeCode: req.officeCode ?? null, criteriaSetId: ranking.criteriaSet.id, rows: ranking.total },
      },
      generatedAt,
    ),
  );
  return downloads.put(bytes, fileName);
}

/** `exports:awards`: the awards matching the list's filters, with the amount totalled; audited. */
export async function exportAwards(ctx: CoreContext, downloads: DownloadStore, req: ParsedRequestOf<'exports:awards'>): Promise<DownloadRef> {
  const rows: (string | number | null)[][] = [];
  let amount = 0;
  for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
    const page = await searchAwards(ctx, { ...req, sort: 'decisionDate', desc: false, offset, limit: MAX_PAGE_SIZE });
    for (const a of page.items) {
      amount += a.amount;
      rows.push([formatDate(a.decisionDate), a.decisionNo, AWARD_KIND_LABELS[a.kind], a.title, EMULATION_LEVEL_LABELS[a.recipientLevel], a.recipientCode ?? '', a.recipientName, a.period ?? '', a.amount, a.note ?? '']);
    }
    if (page.items.length < MAX_PAGE_SIZE) break;
  }
  const scope = [req.year ? `Năm ${req.year}` : 'Tất cả các năm', req.level ? EMULATION_LEVEL_LABELS[req.level] : null, req.kind ? AWARD_KIND_LABELS[req.kind] : null, req.query ? `tìm "${req.query}"` : null];
  const generatedAt = ctx.now();
  const bytes = await buildTableWorkbook({
    sheetName: 'Khen thưởng',
    issuer: await issuerFor(ctx, null),
    title: 'Danh sách khen thưởng',
    subtitle: scope.filter(Boolean).join('; '),
    isDemo: await new UnitRepository(ctx.store).hasDemo(),
    columns: [
      { header: 'Ngày', group: 'Quyết định', width: 11, format: 'text' },
      { header: 'Số', group: 'Quyết định', width: 16, format: 'text' },
      { header: 'Hình thức', width: 14, format: 'text' },
      { header: 'Danh hiệu, nội dung khen thưởng', width: 30, format: 'text' },
      { header: 'Đối tượng', width: 14, format: 'text' },
      { header: 'Mã', width: 10, format: 'text' },
      { header: 'Tên tập thể, cá nhân', width: 26, format: 'text' },
      { header: 'Kỳ thi đua', width: 10, format: 'text' },
      { header: 'Số tiền (đồng)', width: 14, format: 'count' },
      { header: 'Ghi chú', width: 18, format: 'text' },
    ],
    rows,
    total: [null, null, null, null, null, null, null, null, amount, null],
    generatedAt,
  });
  const fileName = exportFileName('Khen thưởng', [req.year, req.level ? EMULATION_LEVEL_LABELS[req.level] : null]);
  await ctx.store.transaction(() =>
    recordAudit(
      ctx.store,
      ctx.actor,
      { action: 'export', entity: 'export', entityKey: 'awards', summary: `Xuất danh sách khen thưởng (${rows.length} dòng, tệp ${fileName})`, details: { ...req, rows: rows.length } },
      generatedAt,
    ),
  );
  return downloads.put(bytes, fileName);
}
