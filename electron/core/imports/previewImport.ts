import { type DownloadRef, type ImportCommitOutcome, type ImportPreview, type ImportPreviewRow, type ImportRowFilter, type Page } from '../../../shared/contract';
import { monthLabel } from '../../../shared/domain/periods';
import type { CoreContext } from '../app/context';
import { exportFileName } from '../exports/fileNames';
import { buildTableWorkbook } from '../exports/tableWorkbook';
import type { DownloadStore } from '../files/downloadStore';
import { UnitRepository } from '../units/repository';
import { valueColumnLabel } from './commit';
import { cancelOperation } from './operations';
import { runCommit, runPreview } from './pipeline/runner';
import { eachStagedChunk, pageRows, stagedSession } from './pipeline/stage';
import type { ReportMeta, PreviewRequest } from './preview';
import { reportKind, type ReportPayload, type ReportSummary } from './reportKind';

/**
 * A district report's preview as the channel runs it: a pipeline job (cancellable, with
 * progress) whose rows are staged until committed. With `sessionId`, a correction of that
 * preview: validated again from its staged rows, without the file.
 */
export function previewImport(ctx: CoreContext, req: PreviewRequest & { sessionId?: string }): Promise<ImportPreview> {
  return runPreview<PreviewRequest & { sessionId?: string }, ImportPreview>(ctx, reportKind, req);
}

export function cancelImport(operationId: string): { cancelled: boolean } {
  return { cancelled: cancelOperation(operationId) };
}

const FILTERS: Record<ImportRowFilter, readonly string[] | undefined> = { all: undefined, problems: ['error', 'unmatched'], ok: ['ok'], error: ['error'], unmatched: ['unmatched'] };

/** A page (1-based) of a staged preview's rows, in row order. */
export async function stagedRows(ctx: CoreContext, req: { sessionId: string; page: number; pageSize: number; filter?: ImportRowFilter }): Promise<Page<ImportPreviewRow>> {
  await stagedSession(ctx.store, req.sessionId, reportKind.name);
  const offset = (req.page - 1) * req.pageSize;
  const page = await pageRows<ReportPayload>(ctx.store, req.sessionId, { offset, limit: req.pageSize, statuses: FILTERS[req.filter ?? 'all'] });
  return { items: page.items.map((r) => r.payload!.row), total: page.total, offset, limit: req.pageSize };
}

/**
 * Commits a staged report preview through the pipeline: its checks, a backup, one transaction.
 * A failed commit rolls back and leaves the preview staged for another try.
 */
export async function commitImport(ctx: CoreContext, sessionId: string, options: { skipErrorRows?: boolean } = {}): Promise<ImportCommitOutcome> {
  const { outcome, backupFile } = await runCommit<Omit<ImportCommitOutcome, 'backupFile'>>(ctx, reportKind, sessionId, options);
  ctx.events.emit({ type: 'data-changed', area: 'results' });
  return { ...outcome, backupFile };
}

/** The rows with errors and their messages, to send back to the office (read from the stage). */
export async function errorsWorkbook(ctx: CoreContext, downloads: DownloadStore, sessionId: string): Promise<DownloadRef> {
  const session = await stagedSession<ReportMeta, ReportSummary>(ctx.store, sessionId, reportKind.name);
  const { preview } = session.options.summary;
  const bad: ImportPreviewRow[] = [];
  for await (const chunk of eachStagedChunk<ReportPayload>(ctx.store, sessionId, ['error', 'unmatched'])) for (const r of chunk) if (r.payload) bad.push(r.payload.row);
  const valueKeys = bad.length ? Object.keys(bad[0]!.values) : [];
  const bytes = await buildTableWorkbook({
    sheetName: 'Dòng lỗi',
    issuer: preview.officeName ?? 'BẢO HIỂM XÃ HỘI',
    title: `Các dòng cần sửa — ${preview.fileName}`,
    subtitle: `Trang tính "${preview.sheet}"${preview.period ? `, kỳ ${monthLabel(preview.period)}` : ''}`,
    isDemo: await new UnitRepository(ctx.store).hasDemo(),
    columns: [
      { header: 'Dòng', width: 7, format: 'text' },
      { header: 'Tên trong tệp', width: 24, format: 'text' },
      ...valueKeys.map((k) => ({ ...valueColumnLabel(k, preview.columns), width: 13, format: 'count' as const })),
      { header: 'Lỗi cần sửa', width: 50, format: 'text' },
    ],
    rows: bad.map((r) => [String(r.row), r.typedName, ...valueKeys.map((k) => r.values[k] ?? null), r.issues.map((i) => `${i.cell ? `Ô ${i.cell}: ` : ''}${i.message}`).join('\n')]),
    generatedAt: ctx.now(),
  });
  return downloads.put(bytes, exportFileName('loi-nhap', [preview.fileName.replace(/\.\w+$/, '')]));
}
