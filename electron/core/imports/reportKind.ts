import type { ImportCommitOutcome, ImportPreview, ImportPreviewRow, ImportRowStatus } from '../../../shared/contract';
import { checkReportCommit, undoImport, writeReport } from './commit';
import type { ImportKind, SessionRecord, StageRow } from './pipeline/types';
import { readReport, validateReport, type ImportSession, type PlannedValue, type PreviewRequest, type ReportMeta } from './preview';

/** A district report's session-level findings, kept on its session: the preview without its rows, and what the commit records. */
export interface ReportSummary {
  preview: Omit<ImportPreview, 'rows' | 'sessionId' | 'rowCount' | 'rowCounts'>;
  asOf: string;
  sourceKey: string;
  headerSignature: string;
  columnsOverridden: boolean;
  aliases: ImportSession['aliases'];
}

/** A staged report row: the row as the preview shows it, and the changed values it will write. */
export interface ReportPayload {
  row: ImportPreviewRow;
  planned: PlannedValue[];
}

const STATUSES: ImportRowStatus[] = ['ok', 'error', 'unmatched'];

/**
 * District reports on the pipeline. Read as grids by the streaming reader (excel/stream/grid.ts:
 * merged header cells, the font table for TCVN3/VNI, rows past the sheet row limit counted):
 * what is found is staged, and every correction (column roles, unit choices, period) is
 * validated again from the staged rows.
 */
export const reportKind: ImportKind<PreviewRequest, ReportMeta, ReportSummary, ReportPayload, ImportPreview, Omit<ImportCommitOutcome, 'backupFile'>> = {
  name: 'district-report',

  read: readReport,

  // Another sheet has other rows: only a correction of the same sheet is validated from the stage.
  canReuse: (session, req) => !req.sheet || req.sheet === session.sheet,

  async validate(ctx, source, req, op) {
    const session = await validateReport(ctx, source, req, op);
    const rawOf = new Map(source.rows.map((r) => [r.rowNo, r.cells]));
    const plannedOf = new Map<number, PlannedValue[]>();
    for (const p of session.planned) plannedOf.set(p.row!, [...(plannedOf.get(p.row!) ?? []), p]);
    const rows: StageRow<ReportPayload>[] = session.preview.rows.map((row) => ({
      rowNo: row.row,
      status: row.status,
      payload: { row, planned: plannedOf.get(row.row) ?? [] },
      issues: row.issues.length ? row.issues : null,
      raw: rawOf.get(row.row) ?? [],
    }));
    const { rows: _rows, sessionId: _id, rowCount: _count, rowCounts: _counts, ...preview } = session.preview;
    const summary: ReportSummary = {
      preview, asOf: session.asOf, sourceKey: session.sourceKey, headerSignature: session.headerSignature,
      columnsOverridden: session.columnsOverridden, aliases: session.aliases,
    };
    return { rows, summary };
  },

  preview(session: SessionRecord<ReportMeta, ReportSummary>, firstPage) {
    const rowCounts = Object.fromEntries(STATUSES.map((s) => [s, session.counts[s] ?? 0])) as Record<ImportRowStatus, number>;
    return { ...session.options.summary.preview, sessionId: session.id, rows: firstPage.map((r) => r.payload!.row), rowCount: session.counts.total ?? 0, rowCounts };
  },

  checkCommit(_ctx, session, options) {
    checkReportCommit(session.options.summary, session.counts, options);
  },

  async commit(ctx, session, staged, options) {
    const { skippedRows } = checkReportCommit(session.options.summary, session.counts, options);
    const { batchId, written, replaced } = await writeReport(ctx, session.options.summary, staged, skippedRows);
    return { batchId, outcome: { batchId, written, replaced, skippedRows } };
  },

  undo: undoImport,
};
