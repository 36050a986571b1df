import type { NetworkListKind } from '../../shared/contract';
import { monthLabel } from '../../shared/domain/periods';
import { formatCount } from '../../shared/format/vi';
import type { AppCore } from '../core/app/appCore';
import { issueText } from '../core/offices/importService';
import { openFile, type CliIo } from './commands';

const LISTS: [NetworkListKind, string][] = [
  ['agents', 'Tổ chức dịch vụ thu'],
  ['points', 'Điểm thu'],
  ['staff', 'Nhân viên thu'],
];

/** `agents import <file>`: agents, collection points and staff, the same preview and commit as the screen; exit 2 when any row is rejected. */
export async function agentsImport(core: AppCore, io: CliIo, file: string, flags: { dryRun?: boolean }): Promise<number> {
  const ref = openFile(core, file);
  const preview = await core.invoke('network:previewImport', { file: ref });
  const rejected = preview.errors.length > 0;
  const nothing = !rejected && !preview.canCommit;
  const status = rejected ? 'rejected' : flags.dryRun ? 'dry-run' : nothing ? 'unchanged' : 'committed';
  let batchId: number | null = null;
  if (status === 'committed') batchId = (await core.invoke('network:commitImport', { planId: preview.planId })).batchId;
  const { planId: _planId, ...rest } = preview;
  if (io.json) io.out(JSON.stringify({ status, batchId, ...rest }, null, 2));
  else {
    const verb = status === 'committed' ? `Đã nhập (lần nhập số ${batchId})` : status === 'dry-run' ? 'Chạy thử (chưa ghi)' : status === 'unchanged' ? 'Không có gì thay đổi' : 'Từ chối';
    const lines = [`${verb} "${preview.fileName}":`];
    for (const [list, label] of LISTS) {
      const c = preview.counts[list];
      lines.push(`  ${label}: thêm ${formatCount(c.added)}, sửa ${formatCount(c.updated)}, không đổi ${formatCount(c.unchanged)}`);
    }
    io.out(lines.join('\n'));
    if (preview.warnings.length > 0) io.out(`Lưu ý:\n${preview.warnings.slice(0, 50).map((e) => `  - ${issueText(preview.fileName, e)}`).join('\n')}`);
    if (rejected) io.out(`Có ${preview.errors.length} lỗi, chưa ghi gì:\n${preview.errors.slice(0, 50).map((e) => `  - ${issueText(preview.fileName, e)}`).join('\n')}`);
  }
  return rejected ? 2 : 0;
}

/** `staff results-import <file>`: a month's results per staff member; exit 2 when any row is rejected. */
export async function staffResultsImport(core: AppCore, io: CliIo, file: string, flags: { period?: string; dryRun?: boolean }): Promise<number> {
  const ref = openFile(core, file);
  const preview = await core.invoke('network:previewResults', { file: ref, ...(flags.period ? { month: flags.period } : {}) });
  const rejected = preview.errors.length > 0;
  const status = rejected ? 'rejected' : flags.dryRun ? 'dry-run' : preview.canCommit ? 'committed' : 'unchanged';
  let batchId: number | null = null;
  if (status === 'committed') batchId = (await core.invoke('network:commitResults', { planId: preview.planId })).batchId;
  const { planId: _planId, ...rest } = preview;
  if (io.json) io.out(JSON.stringify({ status, batchId, ...rest }, null, 2));
  else {
    const verb = status === 'committed' ? `Đã nhập (lần nhập số ${batchId})` : status === 'dry-run' ? 'Chạy thử (chưa ghi)' : status === 'unchanged' ? 'Không có số liệu để nhập' : 'Từ chối';
    io.out(`${verb} "${preview.fileName}", trang "${preview.sheet}", tháng ${monthLabel(preview.month)}: ${formatCount(preview.rows)} người, ${formatCount(preview.values)} số liệu, thay ${formatCount(preview.replaced)} số đã có.`);
    if (preview.warnings.length > 0) io.out(`Lưu ý:\n${preview.warnings.slice(0, 50).map((e) => `  - ${issueText(preview.fileName, e)}`).join('\n')}`);
    if (rejected) io.out(`Có ${preview.errors.length} lỗi, chưa ghi gì:\n${preview.errors.slice(0, 50).map((e) => `  - ${issueText(preview.fileName, e)}`).join('\n')}`);
  }
  return rejected ? 2 : 0;
}
