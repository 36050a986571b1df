import { CAMPAIGN_KIND_SHORT } from '../../shared/domain/campaigns';
import { formatCount, formatDate } from '../../shared/format/vi';
import type { AppCore } from '../core/app/appCore';
import { issueText } from '../core/offices/importService';
import { openFile, type CliIo } from './commands';

const LAYOUTS = { campaign: 'mỗi dòng một hoạt động', day: 'mỗi dòng một ngày' } as const;

/**
 * `campaigns import <file> [--dry-run] [--json]`: the same preview and commit as the screen.
 * Exit 2 when any cell is rejected (nothing is written then).
 */
export async function campaignsImport(core: AppCore, io: CliIo, file: string, flags: { dryRun?: boolean }): Promise<number> {
  const ref = openFile(core, file);
  const preview = await core.invoke('campaigns:previewImport', { file: ref });
  const rejected = preview.errors.length > 0;
  const status = rejected ? 'rejected' : flags.dryRun ? 'dry-run' : preview.canCommit ? 'committed' : 'unchanged';
  let batchId: number | null = null;
  if (status === 'committed') batchId = (await core.invoke('campaigns:commitImport', { planId: preview.planId })).batchId;
  const { counts } = preview;
  if (io.json) {
    io.out(
      JSON.stringify(
        {
          status, file: preview.fileName, sheet: preview.sheet, layout: preview.layout, rows: preview.rows,
          added: counts.added, updated: counts.updated, unchanged: counts.unchanged,
          errors: preview.errors, warnings: preview.warnings, batchId, columns: preview.columns, changes: preview.changes,
        },
        null,
        2,
      ),
    );
  } else {
    const verb = status === 'committed' ? `Đã nhập (lần nhập số ${batchId})` : status === 'dry-run' ? 'Chạy thử (chưa ghi)' : status === 'unchanged' ? 'Không có gì thay đổi' : 'Từ chối';
    const lines = [
      `${verb} "${preview.fileName}", trang "${preview.sheet}" (${LAYOUTS[preview.layout]}): ${formatCount(preview.rows)} dòng đọc được.`,
      `  Hoạt động: thêm ${formatCount(counts.added)}, sửa ${formatCount(counts.updated)}, không đổi ${formatCount(counts.unchanged)}`,
    ];
    for (const c of preview.changes.filter((ch) => ch.action !== 'unchanged').slice(0, 50)) {
      lines.push(`  ${c.action === 'add' ? '+' : '~'} ${c.name} (${CAMPAIGN_KIND_SHORT[c.kind]}, ${formatDate(c.startsOn)}${c.endsOn !== c.startsOn ? ` – ${formatDate(c.endsOn)}` : ''}, ${formatCount(c.days)} ngày)`);
    }
    io.out(lines.join('\n'));
    if (preview.warnings.length > 0) io.out(`Lưu ý:\n${preview.warnings.slice(0, 50).map((e) => `  - ${issueText(preview.fileName, e)}`).join('\n')}`);
    if (rejected) io.out(`Có ${formatCount(preview.errors.length)} lỗi, chưa ghi gì:\n${preview.errors.slice(0, 50).map((e) => `  - ${issueText(preview.fileName, e)}`).join('\n')}`);
  }
  return rejected ? 2 : 0;
}
