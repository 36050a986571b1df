import { MAX_PAGE_SIZE, type ImportBatch, type ImportCommitOutcome } from '../../shared/contract';
import { monthLabel } from '../../shared/domain/periods';
import { formatCount, formatDateTime } from '../../shared/format/vi';
import type { AppCore } from '../core/app/appCore';
import { openFile, type CliIo } from './commands';
import { CliFailure, table } from './output';

/** `import <file>`: the same preview and commit as the screen; exit 2 when rejected. */
export async function importReport(core: AppCore, io: CliIo, file: string, flags: { period?: string; dryRun?: boolean; skipErrorRows?: boolean }): Promise<number> {
  const ref = openFile(core, file);
  const preview = await core.invoke('imports:preview', { file: ref, ...(flags.period ? { period: flags.period } : {}) });
  // --skip-error-rows: rows with errors stay out, the valid ones are written (file-level errors still reject).
  const partial = Boolean(flags.skipErrorRows) && !preview.canCommit && preview.canCommitValidRows;
  const rejected = !partial && (preview.errors.length > 0 || !preview.period);
  let outcome: ImportCommitOutcome | null = null;
  if (!rejected && !flags.dryRun && (preview.canCommit || partial)) {
    outcome = await core.invoke('imports:commit', { sessionId: preview.sessionId, skipErrorRows: partial });
  }
  const summary = {
    status: rejected ? 'rejected' : flags.dryRun ? 'dry-run' : 'committed',
    file: preview.fileName,
    sheet: preview.sheet,
    period: preview.period,
    office: preview.officeName,
    officeCode: preview.officeCode,
    // Counted over every staged row: `preview.rows` is the first page only.
    rows: preview.rowCount,
    rowsMatched: preview.rowCounts.ok + preview.rowCounts.error,
    valuesWritten: outcome?.written ?? 0,
    valuesChanged: preview.changes.length,
    replaced: outcome?.replaced ?? 0,
    batchId: outcome?.batchId ?? null,
    backupFile: outcome?.backupFile ?? null,
    skippedRows: partial ? preview.rowCounts.error + preview.rowCounts.unmatched : 0,
    legacyEncoding: preview.legacyEncoding,
    errors: preview.errors.map((e) => ({ sheet: e.sheet, row: e.row, cell: e.cell, message: e.message })),
    warnings: preview.warnings,
    totals: preview.totals,
  };
  if (io.json) io.out(JSON.stringify(summary, null, 2));
  else {
    const verb = rejected ? 'Từ chối' : flags.dryRun ? 'Chạy thử (chưa ghi)' : 'Đã nhập';
    io.out(`${verb} "${preview.fileName}" (trang "${preview.sheet}", kỳ ${preview.period ? monthLabel(preview.period) : '?'}${preview.officeName ? `, ${preview.officeName}` : ''}): ${summary.rowsMatched}/${summary.rows} dòng khớp đơn vị, ${formatCount(preview.changes.length)} số liệu thay đổi.`);
    if (outcome) io.out(`Lần nhập số ${outcome.batchId}: ghi ${formatCount(outcome.written)}, thay thế ${formatCount(outcome.replaced)}. Sao lưu trước khi nhập: ${outcome.backupFile}`);
    for (const w of preview.warnings) io.out(`Cảnh báo: ${w}`);
    if (preview.errors.length && partial) io.out(`Bỏ qua ${formatCount(summary.skippedRows)} dòng có lỗi (${preview.errors.length} lỗi):\n${preview.errors.slice(0, 50).map((e) => `  - Trang "${e.sheet}"${e.cell ? `, ô ${e.cell}` : `, dòng ${e.row}`}: ${e.message}`).join('\n')}`);
    else if (preview.errors.length) io.out(`Có ${preview.errors.length} lỗi, chưa ghi gì:\n${preview.errors.slice(0, 50).map((e) => `  - Trang "${e.sheet}"${e.cell ? `, ô ${e.cell}` : `, dòng ${e.row}`}: ${e.message}`).join('\n')}`);
  }
  return rejected ? 2 : 0;
}

export async function importsList(core: AppCore, io: CliIo): Promise<number> {
  // Every batch, a page at a time: scripts read the whole history as one JSON array.
  const batches: ImportBatch[] = [];
  for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
    const page = await core.invoke('imports:list', { offset, limit: MAX_PAGE_SIZE });
    batches.push(...page.items);
    if (page.items.length === 0 || batches.length >= page.total) break;
  }
  if (io.json) io.out(JSON.stringify(batches, null, 2));
  else if (!batches.length) io.out('Chưa có lần nhập nào.');
  else {
    io.out(table(['Số', 'Thời điểm', 'Tệp', 'Kỳ', 'Đơn vị gửi', 'Ghi', 'Thay thế', 'Trạng thái'], batches.map((b) => [
      b.id, formatDateTime(b.at), b.fileName, monthLabel(b.period), b.officeName, formatCount(b.written), formatCount(b.replaced), b.undoneAt ? `đã hoàn tác ${formatDateTime(b.undoneAt)}` : 'hiệu lực',
    ])));
  }
  return 0;
}

export async function importsUndo(core: AppCore, io: CliIo, batch: string): Promise<number> {
  const batchId = Number(batch);
  if (!/^\d+$/.test(batch.trim()) || batchId <= 0) {
    throw new CliFailure(`Số lần nhập "${batch}" không hợp lệ: cần một số nguyên dương. Xem danh sách: npm run cli -- imports list`, 2);
  }
  const outcome = await core.invoke('imports:undo', { batchId });
  io.out(io.json ? JSON.stringify(outcome, null, 2) : `Đã hoàn tác lần nhập số ${batchId}: khôi phục ${formatCount(outcome.restored)} số liệu.`);
  return 0;
}
