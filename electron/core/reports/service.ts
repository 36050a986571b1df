import { AppError, type ReportDefinition, type SavedReport, type SavedReportSummary } from '../../../shared/contract';
import { monthLabel } from '../../../shared/domain/periods';
import { recordAudit } from '../audit/audit';
import { isoNow, type CoreContext } from '../app/context';
import { buildReport, dataStamp } from './build';
import { ReportRepository, type StoredReport } from './repository';

export function reportTitle(doc: { month: string; scopeName: string }): string {
  return `Báo cáo tháng ${monthLabel(doc.month)} — ${doc.scopeName}`;
}

async function toSaved(ctx: CoreContext, stored: StoredReport): Promise<SavedReport> {
  return { id: stored.id, definition: stored.definition, document: stored.document, createdAt: stored.createdAt, updatedAt: stored.updatedAt, dataChanged: stored.dataStamp !== (await dataStamp(ctx)) };
}

export function listReports(ctx: CoreContext): Promise<SavedReportSummary[]> {
  return new ReportRepository(ctx.store).list();
}

export async function getReport(ctx: CoreContext, id: number): Promise<SavedReport> {
  const stored = await new ReportRepository(ctx.store).get(id);
  if (!stored) throw new AppError('NOT_FOUND', `Không tìm thấy báo cáo số ${id}; có thể đã bị xóa.`);
  return toSaved(ctx, stored);
}

/** Saves the definition with the document built from today's data: a reprint shows exactly it. */
export async function saveReport(ctx: CoreContext, req: { id?: number | null; definition: ReportDefinition }): Promise<SavedReport> {
  const doc = await buildReport(ctx, req.definition);
  const repo = new ReportRepository(ctx.store);
  const at = isoNow(ctx);
  const title = reportTitle(doc);
  const id = await ctx.store.transaction(async () => {
    let id = req.id ?? null;
    if (id !== null) {
      if (!(await repo.update(id, doc, title, at))) throw new AppError('NOT_FOUND', `Không tìm thấy báo cáo số ${id}; có thể đã bị xóa.`);
    } else id = await repo.insert(doc, title, at);
    await recordAudit(ctx.store, ctx.actor, { action: req.id ? 'update' : 'create', entity: 'report', entityKey: String(id), summary: `${req.id ? 'Cập nhật' : 'Lưu'} ${title}` }, ctx.now());
    return id;
  });
  return getReport(ctx, id);
}

export async function deleteReport(ctx: CoreContext, id: number): Promise<{ deleted: number }> {
  const repo = new ReportRepository(ctx.store);
  return ctx.store.transaction(async () => {
    const stored = await repo.get(id);
    if (!stored) throw new AppError('NOT_FOUND', `Không tìm thấy báo cáo số ${id}; có thể đã bị xóa.`);
    const deleted = await repo.delete(id);
    await recordAudit(ctx.store, ctx.actor, { action: 'delete', entity: 'report', entityKey: String(id), summary: `Xóa ${reportTitle(stored.document)}` }, ctx.now());
    return { deleted };
  });
}
