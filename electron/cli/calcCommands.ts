import type { BhxhTnResult, BhytHgdResult } from '../../shared/contract';
import { BHXH_TN_GROUP_LABELS, BHXH_TN_GROUPS, BHYT_HGD_GROUP_LABELS, BHYT_HGD_GROUPS, MAX_BHYT_MONTHS, MAX_YEARS_AHEAD, PAY_MODE_LABELS, RULE_KIND_DEFS, ruleValueText, subjectLabel, type BhxhTnGroup, type BhytHgdGroup, type PayMode } from '../../shared/domain/contributions';
import { formatCount, formatDate, formatMoney } from '../../shared/format/vi';
import { parseViCount, parseViPercent } from '../../shared/format/viNumber';
import type { AppCore } from '../core/app/appCore';
import type { CliIo } from './commands';
import { CliFailure, table } from './output';

function count(flag: string, value: string | undefined, example: string): number {
  if (value === undefined) throw new CliFailure(`Thiếu --${flag}. Ví dụ: ${example}`, 2);
  const parsed = parseViCount(value);
  if (!parsed.ok || parsed.value === null || parsed.value <= 0) throw new CliFailure(`Giá trị --${flag} "${value}" không hợp lệ: cần một số nguyên dương${parsed.ok ? '' : ` (${parsed.message})`}.`, 2);
  return parsed.value;
}

function percent(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = parseViPercent(value);
  if (!parsed.ok || parsed.value === null || parsed.value < 0 || parsed.value > 1) throw new CliFailure(`Giá trị --${flag} "${value}" không hợp lệ: cần tỷ lệ từ 0% đến 100% (ví dụ 10% hoặc 12,5%).`, 2);
  return Number((parsed.value * 100).toPrecision(12));
}

const TN_EXAMPLE = 'npm run cli -- calc bhxh-tn --income 1.500.000 --months 12 --group poor --date 2025-08-01';
const HGD_EXAMPLE = 'npm run cli -- calc bhyt-hgd --members 5 --months 12 --date 2024-07-01';

function tnGroup(value: string | undefined): BhxhTnGroup {
  const v = (value ?? '').trim().toLowerCase();
  if (!(BHXH_TN_GROUPS as readonly string[]).includes(v)) {
    throw new CliFailure(`${value === undefined ? 'Thiếu --group' : `Giá trị --group "${value}" không hợp lệ`}: dùng ${BHXH_TN_GROUPS.map((g) => `${g} (${BHXH_TN_GROUP_LABELS[g]})`).join(', ')}.`, 2);
  }
  return v as BhxhTnGroup;
}

/** --months: 1, 3, 6 or 12; 24, 36, 48 or 60 pay once for that many years ahead. */
function tnMode(months: number): { mode: PayMode; years?: number } {
  if (months === 1 || months === 3 || months === 6 || months === 12) return { mode: String(months) as PayMode };
  if (months % 12 === 0 && months / 12 >= 2 && months / 12 <= MAX_YEARS_AHEAD) return { mode: 'years', years: months / 12 };
  throw new CliFailure(`Giá trị --months ${months} không hợp lệ: dùng 1, 3, 6, 12 (hằng tháng, 3, 6, 12 tháng một lần) hoặc 24 đến ${12 * MAX_YEARS_AHEAD} (đóng một lần cho nhiều năm về sau).`, 2);
}

function hgdGroups(value: string | undefined, members: number): BhytHgdGroup[] {
  const parts = value === undefined ? [] : value.split(',').map((p) => p.trim().toLowerCase());
  if (parts.length > members) throw new CliFailure(`--group có ${parts.length} nhóm nhưng hộ chỉ có ${members} thành viên: ghi mỗi thành viên một nhóm, cách nhau bằng dấu phẩy.`, 2);
  // One group is the whole household's (a farming household of average living standard); a list is one per member.
  if (parts.length > 1 && parts.length < members) {
    throw new CliFailure(`--group có ${parts.length} nhóm cho ${members} thành viên: ghi một nhóm cho cả hộ, hoặc mỗi thành viên một nhóm, cách nhau bằng dấu phẩy.`, 2);
  }
  return Array.from({ length: members }, (_, i) => {
    const part = parts.length === 1 ? parts[0] : parts[i];
    const g = part === undefined || part === '' ? 'none' : part;
    if (!(BHYT_HGD_GROUPS as readonly string[]).includes(g)) {
      throw new CliFailure(`Nhóm "${part}" của thành viên thứ ${i + 1} không hợp lệ: dùng ${BHYT_HGD_GROUPS.map((x) => `${x} (${BHYT_HGD_GROUP_LABELS[x]})`).join(', ')}.`, 2);
    }
    return g as BhytHgdGroup;
  });
}

interface TnFlags { income?: string; months?: string; group?: string; provinceSupport?: string; date?: string }
interface HgdFlags { members?: string; months?: string; group?: string; provinceSupport?: string; date?: string }

function tnRequest(f: TnFlags) {
  const income = count('income', f.income, TN_EXAMPLE);
  const { mode, years } = tnMode(count('months', f.months, TN_EXAMPLE));
  const group = tnGroup(f.group);
  const provinceSupportPct = percent('province-support', f.provinceSupport);
  if (!f.date) throw new CliFailure(`Thiếu --date. Ví dụ: ${TN_EXAMPLE}`, 2);
  return { income, mode, ...(years ? { years } : {}), group, ...(provinceSupportPct !== undefined ? { provinceSupportPct } : {}), date: f.date };
}

function hgdRequest(f: HgdFlags) {
  const members = count('members', f.members, HGD_EXAMPLE);
  if (members > 30) throw new CliFailure('Giá trị --members tối đa 30.', 2);
  const months = count('months', f.months, HGD_EXAMPLE);
  if (months > MAX_BHYT_MONTHS) throw new CliFailure(`Giá trị --months tối đa ${MAX_BHYT_MONTHS}.`, 2);
  const groups = hgdGroups(f.group, members);
  const provinceSupportPct = percent('province-support', f.provinceSupport);
  if (!f.date) throw new CliFailure(`Thiếu --date. Ví dụ: ${HGD_EXAMPLE}`, 2);
  return { members: groups, months, ...(provinceSupportPct !== undefined ? { provinceSupportPct } : {}), date: f.date };
}

/** `calc …` flags checked with the command line, before any data folder is opened. */
export function checkFlags(command: string, flags: TnFlags & HgdFlags): void {
  if (command === 'calc bhxh-tn') tnRequest(flags);
  if (command === 'calc bhyt-hgd') hgdRequest(flags);
}

const rulesJson = (r: BhxhTnResult | BhytHgdResult) => r.rules.map((u) => ({ kind: u.kind, subject: u.subject, value: u.value, validFrom: u.validFrom, source: u.source }));
const basisLines = (r: BhxhTnResult | BhytHgdResult) =>
  r.rules.map((u) => `  ${u.label}${u.subject ? ` (${subjectLabel(u.kind, u.subject)})` : ''}: ${ruleValueText(RULE_KIND_DEFS[u.kind].unit, u.value)} từ ${formatDate(u.validFrom)} — ${u.source}`);

/**
 * `calc bhxh-tn --income N --months N --group G [--province-support N%] --date D`. JSON: {date,
 * income, minIncome, maxIncome, ratePct, group, mode, months, contribution, stateSupportPct,
 * stateSupport, provinceSupportPct, provinceSupport, personPays, totalContribution, totalSupport,
 * totalPays, discountRatePct, rules: [{kind, subject, value, validFrom, source}]}.
 */
export async function calcBhxhTn(core: AppCore, io: CliIo, flags: TnFlags): Promise<number> {
  const r = await core.invoke('calc:bhxhTn', tnRequest(flags));
  if (io.json) {
    io.out(JSON.stringify({
      date: r.date, income: r.income, minIncome: r.minIncome, maxIncome: r.maxIncome, ratePct: r.ratePct, group: r.group, mode: r.mode, months: r.months,
      contribution: r.contribution, stateSupportPct: r.stateSupportPct, stateSupport: r.stateSupport, provinceSupportPct: r.provinceSupportPct, provinceSupport: r.provinceSupport,
      personPays: r.personPays, totalContribution: r.totalContribution, totalSupport: r.totalSupport, totalPays: r.totalPays, discountRatePct: r.discountRatePct, rules: rulesJson(r),
    }, null, 2));
    return 0;
  }
  io.out([
    `BHXH tự nguyện — ${r.groupLabel}, áp dụng ngày ${formatDate(r.date)}`,
    `Thu nhập chọn đóng: ${formatMoney(r.income)} (từ ${formatMoney(r.minIncome)} đến ${formatMoney(r.maxIncome)})`,
    '',
    table(['Một tháng', 'Số tiền'], [
      [`Mức đóng (${ruleValueText('percent', r.ratePct)})`, formatMoney(r.contribution)],
      [`Nhà nước hỗ trợ (${ruleValueText('percent', r.stateSupportPct)})`, formatMoney(r.stateSupport)],
      ...(r.provinceSupportPct > 0 ? [[`Tỉnh hỗ trợ thêm (${ruleValueText('percent', r.provinceSupportPct)})`, formatMoney(r.provinceSupport)]] : []),
      ['Người tham gia đóng', formatMoney(r.personPays)],
    ]),
    '',
    `${PAY_MODE_LABELS[r.mode]} (${formatCount(r.months)} tháng): người tham gia đóng ${formatMoney(r.totalPays)}${r.discountRatePct !== null ? ` (đã chiết khấu ${ruleValueText('percent', r.discountRatePct)}/năm)` : ''}.`,
    'Căn cứ:',
    ...basisLines(r),
  ].join('\n'));
  return 0;
}

/**
 * `calc bhyt-hgd --members N [--group G,G,…] --months N [--province-support N%] --date D`. JSON:
 * {date, months, baseSalary, ratePct, members: [{position, rank, rankPct, group, amount, supportPct,
 * support, pays}], total, totalSupport, totalPays, periodTotal, periodSupport, periodPays, rules}.
 */
export async function calcBhytHgd(core: AppCore, io: CliIo, flags: HgdFlags): Promise<number> {
  const r = await core.invoke('calc:bhytHgd', hgdRequest(flags));
  if (io.json) {
    io.out(JSON.stringify({
      date: r.date, months: r.months, baseSalary: r.baseSalary, ratePct: r.ratePct,
      members: r.members.map((m) => ({ position: m.position, rank: m.rank, rankPct: m.rankPct, group: m.group, amount: m.amount, supportPct: m.supportPct, support: m.support, pays: m.pays })),
      total: r.total, totalSupport: r.totalSupport, totalPays: r.totalPays, periodTotal: r.periodTotal, periodSupport: r.periodSupport, periodPays: r.periodPays, rules: rulesJson(r),
    }, null, 2));
    return 0;
  }
  io.out([
    `BHYT hộ gia đình — ${formatCount(r.members.length)} người, ${formatCount(r.months)} tháng, áp dụng ngày ${formatDate(r.date)} (lương cơ sở ${formatMoney(r.baseSalary)})`,
    '',
    table(['STT', 'Thành viên', 'Nhóm hỗ trợ', 'Mức đóng/tháng', 'Hỗ trợ', 'Phải đóng/tháng'], [
      ...r.members.map((m) => [m.position, m.rankLabel, m.group === 'none' ? '' : `${m.groupLabel} (${ruleValueText('percent', m.supportPct)})`, formatMoney(m.amount), formatMoney(m.support), formatMoney(m.pays)]),
      ['', 'Cộng', '', formatMoney(r.total), formatMoney(r.totalSupport), formatMoney(r.totalPays)],
    ]),
    '',
    `Cả hộ đóng ${formatMoney(r.periodPays)} cho ${formatCount(r.months)} tháng.`,
    'Căn cứ:',
    ...basisLines(r),
  ].join('\n'));
  return 0;
}
