import { resolve } from 'node:path';
import type { CellIssue, FileRef } from '../../shared/contract';
import { UNIT_LEVEL_LABELS } from '../../shared/domain/units';
import { formatBytes, formatCount, formatDate, formatDateTime } from '../../shared/format/vi';
import type { AppCore } from '../core/app/appCore';
import { CliFailure, table } from './output';

/** A file named on the command line, as the token core reads files by (exit 2 when it cannot be opened). */
export function openFile(core: AppCore, file: string): FileRef {
  try {
    return core.files.registerPath(resolve(file));
  } catch {
    throw new CliFailure(`Không mở được tệp "${file}".`, 2);
  }
}

export interface CliIo {
  json: boolean;
  out(text: string): void;
}

function issueLine(e: CellIssue): string {
  return `  - Trang "${e.sheet}"${e.cell ? `, ô ${e.cell}` : `, dòng ${e.row}`}: ${e.message}`;
}

/** `units import <file>`; validFrom is YYYY-MM-DD (the flag was read as dd/mm/yyyy). */
export async function unitsImport(core: AppCore, io: CliIo, file: string, flags: { validFrom?: string; dryRun?: boolean }): Promise<number> {
  const ref = openFile(core, file);
  const { validFrom } = flags;
  const preview = await core.invoke('units:previewImport', { file: ref, ...(validFrom ? { validFrom } : {}) });
  const summary = {
    status: preview.errors.length ? 'rejected' : flags.dryRun ? 'dry-run' : 'committed',
    file: preview.fileName, sheet: preview.sheetName, shape: preview.shape, rows: preview.rowCount,
    added: preview.added, updated: preview.updated, unchanged: preview.unchanged, linksAdded: preview.linksAdded,
    errors: preview.errors, backupFile: null as string | null,
  };
  if (summary.status === 'committed') {
    const outcome = await core.invoke('units:commitImport', { planId: preview.planId });
    summary.backupFile = outcome.backupFile;
  }
  if (io.json) io.out(JSON.stringify(summary, null, 2));
  else {
    const verb = summary.status === 'committed' ? 'Đã nhập' : summary.status === 'dry-run' ? 'Chạy thử (chưa ghi)' : 'Từ chối';
    io.out(`${verb} "${preview.fileName}" (trang "${preview.sheetName}", ${preview.rowCount} dòng): thêm ${preview.added}, cập nhật ${preview.updated}, không đổi ${preview.unchanged}, liên kết sáp nhập ${preview.linksAdded}.`);
    if (summary.backupFile) io.out(`Đã sao lưu trước khi nhập: ${summary.backupFile}`);
    if (preview.errors.length) io.out(`Có ${preview.errors.length} lỗi, chưa ghi gì:\n${preview.errors.slice(0, 50).map(issueLine).join('\n')}`);
  }
  return preview.errors.length ? 2 : 0;
}

export async function unitsList(core: AppCore, io: CliIo, flags: { asOf?: string; query?: string }): Promise<number> {
  const { asOf } = flags;
  const units = await core.invoke('units:list', { asOf: asOf ?? null, includeEnded: !asOf, ...(flags.query ? { query: flags.query } : {}) });
  const rows = units.map((u) => ({ code: u.code, name: u.name, level: u.level, parentCode: u.parentCode, validFrom: u.validFrom, validTo: u.validTo }));
  if (io.json) io.out(JSON.stringify(rows, null, 2));
  else io.out(table(['Mã', 'Tên', 'Cấp', 'Cấp trên', 'Từ ngày', 'Đến ngày'], rows.map((r) => [r.code, r.name, UNIT_LEVEL_LABELS[r.level], r.parentCode, formatDate(r.validFrom), formatDate(r.validTo)])) + `\n${rows.length} đơn vị.`);
  return 0;
}

export async function backup(core: AppCore, io: CliIo): Promise<number> {
  const info = await core.invoke('backups:create', {});
  io.out(io.json ? JSON.stringify(info, null, 2) : `Đã sao lưu: ${info.fileName}`);
  return 0;
}

export async function backups(core: AppCore, io: CliIo): Promise<number> {
  const list = await core.invoke('backups:list', {});
  if (io.json) io.out(JSON.stringify(list, null, 2));
  else io.out(list.length ? table(['Tệp', 'Thời điểm', 'Lý do', 'Dung lượng'], list.map((b) => [b.fileName, formatDateTime(b.createdAt), b.reason, formatBytes(b.sizeBytes)])) : 'Chưa có bản sao lưu nào.');
  return 0;
}

export async function restore(core: AppCore, io: CliIo, file: string): Promise<number> {
  const target = file.includes('/') || file.includes('\\') ? resolve(file) : file;
  const outcome = await core.invoke('backups:restore', { fileName: target });
  const kept = outcome.safetyBackup
    ? `Dữ liệu trước đó được lưu trong bản sao lưu ${outcome.safetyBackup}.`
    : `Tệp CSDL hỏng được giữ lại tại ${outcome.damagedCopy ?? '(không có)'}.`;
  io.out(io.json ? JSON.stringify(outcome, null, 2) : `Đã khôi phục từ ${file}. ${kept}`);
  return 0;
}

export async function demo(core: AppCore, io: CliIo): Promise<number> {
  const outcome = await core.invoke('demo:load', {});
  io.out(io.json ? JSON.stringify(outcome, null, 2) : `Đã nạp DỮ LIỆU MẪU (tỉnh giả định): ${formatCount(outcome.units)} đơn vị, ${formatCount(outcome.offices)} cơ quan BHXH cơ sở, ${formatCount(outcome.results)} số liệu, ${formatCount(outcome.targets)} chỉ tiêu, ${formatCount(outcome.agents)} tổ chức dịch vụ thu, ${formatCount(outcome.points)} điểm thu, ${formatCount(outcome.staff)} nhân viên thu, ${formatCount(outcome.campaigns)} hoạt động tuyên truyền, ${formatCount(outcome.people ?? 0)} người trong danh sách vận động.`);
  return 0;
}
