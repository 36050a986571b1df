import { ARREARS_BAND_LABELS, ARREARS_BANDS, EMPLOYER_STATUS_LABELS } from '../../shared/domain/arrears';
import { formatCount, formatMoney, formatPercentValue } from '../../shared/format/vi';
import type { AppCore } from '../core/app/appCore';
import { issueText } from '../core/offices/importService';
import { openFile, type CliIo } from './commands';
import { table } from './output';

const monthText = (p: string | null) => (p ? `${p.slice(5)}/${p.slice(0, 4)}` : '—');

/**
 * `arrears import <file> [--period YYYY-MM] [--office CODE] [--dry-run] [--json]`: the same preview
 * and commit as the screen. Exit 2 when any cell is rejected (nothing is written then).
 */
export async function arrearsImport(core: AppCore, io: CliIo, file: string, flags: { period?: string; office?: string; dryRun?: boolean }): Promise<number> {
  const ref = openFile(core, file);
  const p = await core.invoke('arrears:previewImport', { file: ref, ...(flags.period ? { period: flags.period } : {}), ...(flags.office ? { officeCode: flags.office } : {}) });
  const rejected = !p.canCommit;
  const status = rejected ? 'rejected' : flags.dryRun ? 'dry-run' : 'committed';
  let batchId: number | null = null;
  if (status === 'committed') batchId = (await core.invoke('arrears:commitImport', { planId: p.planId })).batchId;
  const imported = status === 'committed' ? p.rowsOk : 0;
  if (io.json) {
    io.out(
      JSON.stringify(
        {
          status, file: p.fileName, sheet: p.sheet, period: p.period, office: p.officeCode, rowsRead: p.rowsRead, imported, rejected: p.rowsRejected,
          newEmployers: p.newEmployers, existingEmployers: p.existingEmployers, totalOwed: p.totals.amountOwed, byBand: ARREARS_BANDS.map((band) => ({ band, label: ARREARS_BAND_LABELS[band], amount: p.totals.byBand[band] ?? 0 })), batchId,
          errors: p.errors, warnings: p.warnings, columns: p.columns,
        },
        null,
        2,
      ),
    );
  } else {
    const verb = status === 'committed' ? `Đã nhập (lần nhập số ${batchId})` : status === 'dry-run' ? 'Chạy thử (chưa ghi)' : 'Từ chối';
    const lines = [
      `${verb} "${p.fileName}", trang "${p.sheet}": danh sách nợ tháng ${monthText(p.period)}${p.officeName ? `, ${p.officeName}` : ''}.`,
      `  Dòng đọc được: ${formatCount(p.rowsRead)}; đã nhập: ${formatCount(imported)}; bị từ chối: ${formatCount(p.rowsRejected)}`,
      `  Đơn vị mới: ${formatCount(p.newEmployers)}; đã có: ${formatCount(p.existingEmployers)}; tổng số tiền nợ: ${formatMoney(p.totals.amountOwed)}`,
    ];
    io.out(lines.join('\n'));
    if (p.warnings.length > 0) io.out(`Lưu ý:\n${p.warnings.slice(0, 50).map((e) => `  - ${issueText(p.fileName, e)}`).join('\n')}`);
    if (p.errors.length > 0) io.out(`Có ${formatCount(p.errors.length)} lỗi, chưa ghi gì:\n${p.errors.slice(0, 50).map((e) => `  - ${issueText(p.fileName, e)}`).join('\n')}`);
  }
  return rejected ? 2 : 0;
}

/** `arrears summary --period YYYY-MM [--office CODE] [--json]`: total, bands, ratio and target, largest debtors. */
export async function arrearsSummary(core: AppCore, io: CliIo, flags: { period: string; office?: string }): Promise<number> {
  const o = await core.invoke('arrears:overview', { period: flags.period, officeCode: flags.office ?? null });
  if (io.json) {
    io.out(
      JSON.stringify(
        {
          period: o.period, office: o.officeCode, scopeName: o.scopeName, totalOwed: o.totalOwed, employersInArrears: o.employersInArrears, interest: o.interest,
          dueInYear: o.dueInYear, ratio: o.ratio, target: o.target ? { ratio: o.target.ratio, validFrom: o.target.validFrom, office: o.target.officeCode, source: o.target.source } : null,
          meetsTarget: o.meetsTarget, byBand: o.byBand.map((b) => ({ band: b.band, label: b.label, employers: b.employers, amount: b.amount })),
          byOffice: o.byOffice.map((f) => ({ office: f.officeCode, name: f.officeName, employers: f.employers, amount: f.amount, ratio: f.ratio, target: f.target })),
          largest: o.largest.map((e) => ({ code: e.code, name: e.name, office: e.officeCode, monthsOwed: e.monthsOwed, amountOwed: e.amountOwed, band: e.band, status: e.status })),
          isDemo: o.isDemo,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  const lines = [
    `Nợ đóng BHXH, BHYT, BHTN đến hết tháng ${monthText(o.period)} — ${o.scopeName}${o.isDemo ? ' (dữ liệu mẫu)' : ''}`,
    `  Số đơn vị nợ: ${formatCount(o.employersInArrears)}; tổng số tiền nợ: ${formatMoney(o.totalOwed)}; lãi chậm đóng: ${formatMoney(o.interest)}`,
    `  Tỷ lệ nợ/số phải thu trong năm: ${formatPercentValue(o.ratio)}${o.target ? `; chỉ tiêu không quá ${formatPercentValue(o.target.ratio)} (${o.meetsTarget ? 'đạt' : 'chưa đạt'})` : '; chưa có chỉ tiêu'}`,
    '',
    table(['Nhóm nợ', 'Số đơn vị', 'Số tiền nợ'], o.byBand.map((b) => [ARREARS_BAND_LABELS[b.band], formatCount(b.employers), formatMoney(b.amount)])),
  ];
  if (o.largest.length > 0) {
    lines.push('', 'Các đơn vị nợ nhiều nhất:');
    lines.push(table(['Mã', 'Tên đơn vị', 'Số tháng', 'Số tiền nợ', 'Tình trạng'], o.largest.map((e) => [e.code, e.name, formatCount(e.monthsOwed), formatMoney(e.amountOwed), EMPLOYER_STATUS_LABELS[e.status]])));
  }
  io.out(lines.join('\n'));
  return 0;
}
