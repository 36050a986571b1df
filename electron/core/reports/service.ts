import { AppError, type ReportDefinition, type SavedReport, type SavedReportSummary } from '../../../shared/contract';
import { monthLabel } from '../../../shared/domain/periods';
import { recordAudit } from '../audit/audit';
import { isoNow, type CoreContext } from '../app/context';
import { buildReport, dataStamp } from './build';
import { ReportRepository, type StoredReport } from './repository';

export function reportTitle(doc: { month: string; scopeName: string }): string {
  return `Báo cáo tháng ${monthLabel(doc.month)} — ${doc.scopeName}`;
}

function toSaved(ctx: CoreContext, stored: StoredReport): SavedReport {
  return { id: stored.id, definition: stored.definition, document: stored.document, createdAt: stored.createdAt, updatedAt: stored.updatedAt, dataChanged: stored.dataStamp !== dataStamp(ctx) };
}

export function listReports(ctx: CoreContext): SavedReportSummary[] {
  return new ReportRepository(ctx.db).list();
}

export function getReport(ctx: CoreContext, id: number): SavedReport {
  const stored = new ReportRepository(ctx.db).get(id);
  if (!stored) throw new AppError('NOT_FOUND', `Không tìm thấy báo cáo số ${id}; có thể đã bị xóa.`);
  return toSaved(ctx, stored);
}

/** Saves the definition with the document built from today's data: a reprint shows exactly it. */
export function saveReport(ctx: CoreContext, req: { id?: number | null; definition: ReportDefinition }): SavedReport {
  const doc = buildReport(ctx, req.definition);
  const repo = new ReportRepository(ctx.db);
  const at = isoNow(ctx);
  const title = reportTitle(doc);
  const id = ctx.db.transaction(() => {
    let id = req.id ?? null;
    if (id !== null) {
      if (!repo.update(id, doc, title, at)) throw new AppError('NOT_FOUND', `Không tìm thấy báo cáo số ${id}; có thể đã bị xóa.`);
    } else id = repo.insert(doc, title, at);
    recordAudit(ctx.db, ctx.actor, { action: req.id ? 'update' : 'create', entity: 'report', entityKey: String(id), summary: `${req.id ? 'Cập nhật' : 'Lưu'} ${title}` }, ctx.now());
    return id;
  })();
  return getReport(ctx, id);
}

export function deleteReport(ctx: CoreContext, id: number): { deleted: number } {
  const repo = new ReportRepository(ctx.db);
  return ctx.db.transaction(() => {
    const stored = repo.get(id);
    if (!stored) throw new AppError('NOT_FOUND', `Không tìm thấy báo cáo số ${id}; có thể đã bị xóa.`);
    const deleted = repo.delete(id);
    recordAudit(ctx.db, ctx.actor, { action: 'delete', entity: 'report', entityKey: String(id), summary: `Xóa ${reportTitle(stored.document)}` }, ctx.now());
    return { deleted };
  })();
}
