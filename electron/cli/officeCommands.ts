import { MAX_PAGE_SIZE, type OfficeSummary } from '../../shared/contract';
import { formatCount, formatDate } from '../../shared/format/vi';
import type { AppCore } from '../core/app/appCore';
import { issueText } from '../core/offices/importService';
import { openFile, type CliIo } from './commands';
import { table } from './output';

/** `offices list`: the offices working on a day (today when not given), with how many communes each serves that day. */
export async function officesList(core: AppCore, io: CliIo, flags: { asOf?: string; query?: string }): Promise<number> {
  const offices: OfficeSummary[] = [];
  for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
    const page = await core.invoke('offices:search', { offset, limit: MAX_PAGE_SIZE, sort: 'code', ...(flags.asOf ? { asOf: flags.asOf } : {}), ...(flags.query ? { query: flags.query } : {}) });
    offices.push(...page.items);
    if (page.items.length === 0 || offices.length >= page.total) break;
  }
  if (io.json) io.out(JSON.stringify(offices, null, 2));
  else {
    io.out(
      table(
        ['Mã', 'Tên cơ quan', 'Địa chỉ', 'Điện thoại', 'Giám đốc', 'Số xã, phường', 'Hoạt động từ', 'Đến'],
        offices.map((o) => [o.code, o.name, o.address, o.phone, o.headName, formatCount(o.communeCount), formatDate(o.validFrom), formatDate(o.validTo)]),
      ) + `\n${formatCount(offices.length)} cơ quan BHXH cơ sở${flags.asOf ? ` ngày ${formatDate(flags.asOf)}` : ''}.`,
    );
  }
  return 0;
}

/** `offices import <file>`: the same preview and commit as the screen; exit 2 when any row is rejected. */
export async function officesImport(core: AppCore, io: CliIo, file: string, flags: { validFrom?: string; dryRun?: boolean }): Promise<number> {
  const ref = openFile(core, file);
  const preview = await core.invoke('offices:previewImport', { file: ref, ...(flags.validFrom ? { validFrom: flags.validFrom } : {}) });
  const rejected = preview.errors.length > 0;
  const status = rejected ? 'rejected' : flags.dryRun ? 'dry-run' : 'committed';
  if (status === 'committed') await core.invoke('offices:commitImport', { planId: preview.planId });
  const { planId: _planId, ...rest } = preview;
  if (io.json) io.out(JSON.stringify({ status, ...rest }, null, 2));
  else {
    const verb = status === 'committed' ? 'Đã nhập' : status === 'dry-run' ? 'Chạy thử (chưa ghi)' : 'Từ chối';
    io.out(
      `${verb} "${preview.fileName}": thêm ${formatCount(preview.officesAdded)} cơ quan, sửa ${formatCount(preview.officesUpdated)}, giao ${formatCount(preview.membersAdded)} xã, phường, kết thúc ${formatCount(preview.membersChanged)} phân công, không đổi ${formatCount(preview.unchanged)}.`,
    );
    if (rejected) io.out(`Có ${preview.errors.length} lỗi, chưa ghi gì:\n${preview.errors.slice(0, 50).map((e) => `  - ${issueText(preview.fileName, e)}`).join('\n')}`);
  }
  return rejected ? 2 : 0;
}
