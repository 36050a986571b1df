import type { PersonImportPreview, PersonImportTimings, StagedRow } from '../../shared/contract';
import { PERSON_FIELD_LABELS } from '../../shared/domain/people';
import { formatCount } from '../../shared/format/vi';
import type { AppCore } from '../core/app/appCore';
import { openFile, type CliIo } from './commands';

/** Errors printed (and put in --json) at most: the rest are in the errors workbook. */
const SHOWN_ERRORS = 20;

function seconds(ms: number | null): string {
  return ms === null ? '—' : `${(ms / 1000).toFixed(1).replace('.', ',')} s`;
}

/**
 * `people import <file> [--list NAME] [--dry-run] [--json]`: the same preview and commit as the
 * screen (rows with errors are left out and listed; the rest are written). --dry-run stages,
 * prints and discards. Exit 2 when nothing could be written.
 */
export async function peopleImport(core: AppCore, io: CliIo, file: string, flags: { list?: string; dryRun?: boolean }): Promise<number> {
  const ref = openFile(core, file);
  const preview: PersonImportPreview = await core.invoke('people:previewImport', { file: ref, ...(flags.list ? { listName: flags.list } : {}) });
  const errorRows: StagedRow[] = preview.counts.error > 0 ? (await core.invoke('people:importRows', { batchId: preview.batchId, status: 'error', limit: SHOWN_ERRORS })).items : [];
  const errors = errorRows.flatMap((r) => r.issues.map((i) => ({ row: r.rowNo, cell: i.cell, field: i.field, message: i.message }))).slice(0, SHOWN_ERRORS);
  let listId = preview.existingListId;
  let imported = 0;
  let updated = 0;
  let timings: PersonImportTimings = preview.timings;
  const committing = !flags.dryRun && preview.canCommit;
  if (committing) {
    const outcome = await core.invoke('people:commitImport', { batchId: preview.batchId });
    listId = outcome.listId;
    imported = outcome.imported;
    updated = outcome.updated;
    timings = outcome.timings;
  } else {
    await core.invoke('people:discardImport', { batchId: preview.batchId });
  }
  const { counts } = preview;
  if (io.json) {
    io.out(
      JSON.stringify(
        {
          batchId: preview.batchId, listId, listName: preview.listName, dryRun: !!flags.dryRun, read: counts.read, imported, updated,
          rejected: counts.error, duplicates: counts.duplicate, errors, sheet: preview.sheet, notices: preview.notices ?? [],
          timings: { readMs: timings.readMs, validateMs: timings.validateMs, stageMs: timings.stageMs, commitMs: timings.commitMs },
        },
        null,
        2,
      ),
    );
  } else {
    const head = committing
      ? `Đã nhập "${preview.fileName}" vào danh sách "${preview.listName}" (lần nhập số ${preview.batchId}, có thể hoàn tác).`
      : flags.dryRun
        ? `Chạy thử "${preview.fileName}" (danh sách "${preview.listName}"): chưa ghi gì.`
        : `Không nhập "${preview.fileName}": ${preview.missingFields.length ? `thiếu cột ${preview.missingFields.map((f) => `"${PERSON_FIELD_LABELS[f]}"`).join(', ')}` : 'không có dòng hợp lệ nào'}. Chưa ghi gì.`;
    const lines = [
      head,
      `  Trang "${preview.sheet}", dòng tiêu đề ${preview.headerRow}; các cột: ${preview.columns.filter((c) => c.field).map((c) => `${c.column} ${PERSON_FIELD_LABELS[c.field!]}`).join(', ')}`,
      `  Đọc được ${formatCount(counts.read)} dòng; ${committing ? 'đã thêm' : 'sẽ thêm'} ${formatCount(committing ? imported : counts.ok + counts.duplicate)}, ${committing ? 'đã cập nhật' : 'sẽ cập nhật'} ${formatCount(committing ? updated : counts.update)}, bị từ chối ${formatCount(counts.error)} dòng lỗi`,
      `  Trùng với danh sách khác: ${formatCount(counts.duplicate)} người (vẫn được nhập)`,
    ];
    for (const n of preview.notices ?? []) lines.push(`  ${n}`);
    if (preview.errorsByField.length) lines.push(`  Lỗi theo cột: ${preview.errorsByField.map((e) => `${PERSON_FIELD_LABELS[e.field]} ${formatCount(e.count)}`).join(', ')}`);
    if (errors.length) {
      lines.push(`  ${counts.error > errorRows.length ? `${SHOWN_ERRORS} lỗi đầu tiên` : 'Các lỗi'}:`);
      for (const e of errors) lines.push(`    - Dòng ${e.row}${e.cell ? `, ô ${e.cell}` : ''}: ${e.message}`);
    }
    lines.push(`  Thời gian: đọc tệp ${seconds(timings.readMs)}, kiểm tra ${seconds(timings.validateMs)}, ghi tạm ${seconds(timings.stageMs)}, ghi danh sách ${seconds(timings.commitMs)}`);
    io.out(lines.join('\n'));
  }
  return committing || (flags.dryRun && preview.canCommit) ? 0 : 2;
}
