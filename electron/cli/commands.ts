import { resolve } from 'node:path';
import type { BackupInfo, CellIssue, RestoreOutcome, Unit, UnitImportPreview } from '../../shared/contract';
import { UNIT_LEVEL_LABELS } from '../../shared/domain/units';
import { formatBytes, formatCount, formatDate, formatDateTime, parseViDate } from '../../shared/format/vi';
import type { AppCore } from '../core/app/appCore';
import { CliFailure, table, unwrap } from './output';

export interface CliIo {
  json: boolean;
  out(text: string): void;
}

export const USAGE = `Cách dùng: npm run cli -- <lệnh> [tùy chọn]

Lệnh:
  units import <tệp> [--valid-from dd/mm/yyyy] [--dry-run]   Nhập danh mục đơn vị hoặc bảng sáp nhập
  units list [--as-of dd/mm/yyyy] [--query chữ]             Liệt kê đơn vị hành chính
  backup                                                    Sao lưu cơ sở dữ liệu ngay
  backups                                                   Liệt kê các bản sao lưu
  restore <tệp>                                             Khôi phục từ bản sao lưu (tên hoặc đường dẫn)
  demo                                                      Nạp dữ liệu mẫu (tỉnh giả định)
  import <tệp> [--period YYYY-MM] [--dry-run] [--skip-error-rows]
                                                            Nhập báo cáo Excel của BHXH cơ sở (xem trước, ghi, có thể hoàn tác;
                                                            --skip-error-rows: ghi các dòng hợp lệ, bỏ qua dòng lỗi)
  imports list | imports undo <số>                          Lịch sử nhập; hoàn tác một lần nhập
  results --period YYYY-MM --indicator MÃ [--unit MÃ] [--source NGUỒN]  Tiến độ thực hiện của các đơn vị cấp dưới và tổng
  results set --unit MÃ --indicator MÃ --as-of dd/mm/yyyy --value SỐ    Ghi một số liệu (--value null để xóa)
  targets set --unit MÃ --indicator MÃ --year NĂM --value SỐ --source NGUỒN [--decision-no SỐ] [--decision-date dd/mm/yyyy] [--revise]
                                                            Giao chỉ tiêu (--revise: kế hoạch điều chỉnh, giữ kế hoạch gốc)
                                                            NGUỒN: GOV, BHXH_VN, UBND_TINH, BHXH_TINH, INTERNAL
  report --period YYYY-MM [--scope MÃ] --out tệp.pdf|tệp.xlsx [--sections headline,unitTable,…] [--sort progress-desc|progress-asc|actual-desc|name|code] [--group-by unit|office]
                                                            Lập và lưu báo cáo Ban Chỉ đạo, ghi ra PDF hoặc Excel (MÃ: đơn vị hoặc BHXH cơ sở)

Tùy chọn chung:
  --data-dir <thư mục>   Thư mục dữ liệu (mặc định: thư mục dữ liệu của ứng dụng)
  --json                 In kết quả dạng JSON cho chương trình khác đọc`;

function dateOption(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const iso = parseViDate(value);
  if (!iso) throw new CliFailure(`Giá trị ${flag} "${value}" không phải ngày hợp lệ (dd/mm/yyyy).`, 2);
  return iso;
}

function issueLine(e: CellIssue): string {
  return `  - Trang "${e.sheet}"${e.cell ? `, ô ${e.cell}` : `, dòng ${e.row}`}: ${e.message}`;
}

export async function unitsImport(core: AppCore, io: CliIo, file: string | undefined, flags: { validFrom?: string; dryRun?: boolean }): Promise<number> {
  if (!file) throw new CliFailure('Thiếu đường dẫn tệp cần nhập. Ví dụ: npm run cli -- units import danh-muc.xlsx', 2);
  let ref;
  try {
    ref = core.files.registerPath(resolve(file));
  } catch {
    throw new CliFailure(`Không mở được tệp "${file}".`, 2);
  }
  const validFrom = dateOption(flags.validFrom, '--valid-from');
  const preview = unwrap(await core.dispatch('units:previewImport', { file: ref, ...(validFrom ? { validFrom } : {}) }), 2) as UnitImportPreview;
  const summary = {
    status: preview.errors.length ? 'rejected' : flags.dryRun ? 'dry-run' : 'committed',
    file: preview.fileName, sheet: preview.sheetName, shape: preview.shape, rows: preview.rowCount,
    added: preview.added, updated: preview.updated, unchanged: preview.unchanged, linksAdded: preview.linksAdded,
    errors: preview.errors, backupFile: null as string | null,
  };
  if (summary.status === 'committed') {
    const outcome = unwrap(await core.dispatch('units:commitImport', { planId: preview.planId }), 2) as { backupFile: string | null };
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
  const asOf = dateOption(flags.asOf, '--as-of');
  const units = unwrap(await core.dispatch('units:list', { asOf: asOf ?? null, includeEnded: !asOf, ...(flags.query ? { query: flags.query } : {}) })) as Unit[];
  const rows = units.map((u) => ({ code: u.code, name: u.name, level: u.level, parentCode: u.parentCode, validFrom: u.validFrom, validTo: u.validTo }));
  if (io.json) io.out(JSON.stringify(rows, null, 2));
  else io.out(table(['Mã', 'Tên', 'Cấp', 'Cấp trên', 'Từ ngày', 'Đến ngày'], rows.map((r) => [r.code, r.name, UNIT_LEVEL_LABELS[r.level], r.parentCode, formatDate(r.validFrom), formatDate(r.validTo)])) + `\n${rows.length} đơn vị.`);
  return 0;
}

export async function backup(core: AppCore, io: CliIo): Promise<number> {
  const info = unwrap(await core.dispatch('backups:create', {})) as BackupInfo;
  io.out(io.json ? JSON.stringify(info, null, 2) : `Đã sao lưu: ${info.fileName}`);
  return 0;
}

export async function backups(core: AppCore, io: CliIo): Promise<number> {
  const list = unwrap(await core.dispatch('backups:list', {})) as BackupInfo[];
  if (io.json) io.out(JSON.stringify(list, null, 2));
  else io.out(list.length ? table(['Tệp', 'Thời điểm', 'Lý do', 'Dung lượng'], list.map((b) => [b.fileName, formatDateTime(b.createdAt), b.reason, formatBytes(b.sizeBytes)])) : 'Chưa có bản sao lưu nào.');
  return 0;
}

export async function restore(core: AppCore, io: CliIo, file: string | undefined): Promise<number> {
  if (!file) throw new CliFailure('Thiếu tên bản sao lưu. Xem danh sách: npm run cli -- backups', 2);
  const target = file.includes('/') || file.includes('\\') ? resolve(file) : file;
  const outcome = unwrap(await core.dispatch('backups:restore', { fileName: target }), 2) as RestoreOutcome;
  const kept = outcome.safetyBackup
    ? `Dữ liệu trước đó được lưu trong bản sao lưu ${outcome.safetyBackup}.`
    : `Tệp CSDL hỏng được giữ lại tại ${outcome.damagedCopy ?? '(không có)'}.`;
  io.out(io.json ? JSON.stringify(outcome, null, 2) : `Đã khôi phục từ ${file}. ${kept}`);
  return 0;
}

export async function demo(core: AppCore, io: CliIo): Promise<number> {
  const outcome = unwrap(await core.dispatch('demo:load', {})) as { units: number; results: number; targets: number; offices: number };
  io.out(io.json ? JSON.stringify(outcome, null, 2) : `Đã nạp DỮ LIỆU MẪU (tỉnh giả định): ${formatCount(outcome.units)} đơn vị, ${formatCount(outcome.offices)} cơ quan BHXH cơ sở, ${formatCount(outcome.results)} số liệu, ${formatCount(outcome.targets)} chỉ tiêu.`);
  return 0;
}
