import { MAX_PAGE_SIZE, type AgentSummary, type Page, type RankingRow, type StaffSummary } from '../../shared/contract';
import {
  AGENT_KIND_LABELS,
  AGENT_KINDS,
  AGENT_STATUS_LABELS,
  agentKindOf,
  FLOW_MEASURE_DEFS,
  FLOW_MEASURES,
  STAFF_ROLE_LABELS,
  STAFF_STATUS_LABELS,
  type AgentKind,
  type FlowMeasure,
} from '../../shared/domain/network';
import { monthLabel } from '../../shared/domain/periods';
import { formatCount, formatDate, formatMoney, formatPercent } from '../../shared/format/vi';
import type { AppCore } from '../core/app/appCore';
import { ACTIVITY_LABELS } from '../core/network/exports';
import type { CliIo } from './commands';
import { CliFailure, table } from './output';

/** Every page of a paged channel, read MAX_PAGE_SIZE rows at a time. */
async function everyPage<T>(fetch: (offset: number, limit: number) => Promise<Page<T>>, limit = MAX_PAGE_SIZE): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = await fetch(offset, limit);
    out.push(...page.items);
    if (page.items.length < limit || out.length >= page.total) break;
  }
  return out;
}

/** --kind: a code (POST) or the words offices use ("Bưu điện", "Hội LHPN"). */
function kindOption(value: string | undefined): AgentKind | undefined {
  if (value === undefined) return undefined;
  const kind = agentKindOf(value);
  if (!kind) throw new CliFailure(`Loại tổ chức "${value}" không hợp lệ. Dùng một trong: ${AGENT_KINDS.map((k) => `${k} (${AGENT_KIND_LABELS[k]})`).join(', ')}.`, 2);
  return kind;
}

/** --indicator of a ranking: a flow measure code; an unknown one is refused with the list of valid ones. */
function measureOption(value: string | undefined): FlowMeasure {
  if (value === undefined) return 'NEW_TN';
  const code = value.trim().toUpperCase();
  if (!(FLOW_MEASURES as readonly string[]).includes(code)) {
    throw new CliFailure(`Chỉ tiêu "${value}" không hợp lệ. Dùng một trong: ${FLOW_MEASURES.map((m) => `${m} (${FLOW_MEASURE_DEFS[m].shortLabel})`).join(', ')}.`, 2);
  }
  return code as FlowMeasure;
}

function byOption(value: string | undefined): 'result' | 'progress' {
  if (value === undefined) return 'result';
  const v = value.trim().toLowerCase();
  if (v !== 'result' && v !== 'progress') throw new CliFailure(`Giá trị --by "${value}" không hợp lệ: dùng result (kết quả tháng) hoặc progress (% chỉ tiêu năm).`, 2);
  return v;
}

/**
 * The network commands' own flag values (--kind, --indicator, --by), checked with the command
 * line, before any data folder is opened: a mistake exits 2 and leaves nothing behind.
 */
export function checkFlags(command: string, flags: { kind?: string; indicator?: string; by?: string }): void {
  if (command === 'agents list') kindOption(flags.kind);
  if (command === 'staff ranking') {
    measureOption(flags.indicator);
    byOption(flags.by);
  }
}

/** `agents list`: every agent matching the filters (paged internally); JSON: AgentSummary[]. */
export async function agentsList(core: AppCore, io: CliIo, flags: { office?: string; kind?: string; query?: string }): Promise<number> {
  const kind = kindOption(flags.kind);
  const agents: AgentSummary[] = await everyPage((offset, limit) =>
    core.invoke('agents:search', { offset, limit, sort: 'code', ...(flags.office ? { officeCode: flags.office } : {}), ...(kind ? { kind } : {}), ...(flags.query ? { query: flags.query } : {}) }),
  );
  if (io.json) {
    io.out(JSON.stringify(agents, null, 2));
    return 0;
  }
  io.out(
    table(
      ['Mã', 'Tên tổ chức dịch vụ thu', 'Loại tổ chức', 'Cơ quan BHXH', 'Hiệu lực đến', 'Trạng thái', 'Số xã', 'Điểm thu', 'Nhân viên'],
      agents.map((a) => [
        a.code, a.name, AGENT_KIND_LABELS[a.kind], a.officeName, formatDate(a.expiresOn), AGENT_STATUS_LABELS[a.status], formatCount(a.communeCount), formatCount(a.pointCount), formatCount(a.staffCount),
      ]),
    ) + `\n${formatCount(agents.length)} tổ chức dịch vụ thu.`,
  );
  return 0;
}

/** `staff list`: every staff member matching the filters, CCCD and phone masked; JSON: StaffSummary[]. */
export async function staffList(core: AppCore, io: CliIo, flags: { agent?: string; office?: string; query?: string }): Promise<number> {
  const staff: StaffSummary[] = await everyPage((offset, limit) =>
    core.invoke('staff:search', { offset, limit, sort: 'name', ...(flags.agent ? { agentCode: flags.agent } : {}), ...(flags.office ? { officeCode: flags.office } : {}), ...(flags.query ? { query: flags.query } : {}) }),
  );
  if (io.json) {
    io.out(JSON.stringify(staff, null, 2));
    return 0;
  }
  io.out(
    table(
      ['Mã', 'Họ và tên', 'Vai trò', 'Năm sinh', 'Số CCCD', 'Điện thoại', 'Tổ chức dịch vụ thu', 'Tập huấn', 'Trạng thái'],
      staff.map((s) => [s.code, s.fullName, STAFF_ROLE_LABELS[s.role], s.birthYear, s.cccdMasked, s.phoneMasked, s.agentName, formatDate(s.trainingDate), STAFF_STATUS_LABELS[s.status]]),
    ) + `\n${formatCount(staff.length)} nhân viên thu (số CCCD, điện thoại đã che bớt).`,
  );
  return 0;
}

/** Inactive staff of a month, every page (the ranking's inactive filter). */
function inactiveStaff(core: AppCore, period: string, office: string | undefined): Promise<RankingRow[]> {
  return everyPage((offset, limit) => core.invoke('network:ranking', { period, level: 'staff', inactiveOnly: true, offset, limit, ...(office ? { officeCode: office } : {}) }));
}

/**
 * `network --period`: the network by agent kind, communes without a point or with fewer than
 * three kinds, inactive staff by name, contracts running out.
 */
export async function network(core: AppCore, io: CliIo, flags: { period?: string; office?: string }): Promise<number> {
  if (!flags.period) throw new CliFailure('Thiếu --period. Ví dụ: npm run cli -- network --period 2026-10', 2);
  const period = flags.period;
  const [overview, inactive] = await Promise.all([
    core.invoke('network:overview', { period, ...(flags.office ? { officeCode: flags.office } : {}) }),
    inactiveStaff(core, period, flags.office),
  ]);
  const summary = {
    period: overview.period,
    asOf: overview.asOf,
    byKind: overview.byKind.map((k) => ({ kind: k.kind, label: AGENT_KIND_LABELS[k.kind], agents: k.agents, points: k.points, staff: k.staff, trainedStaff: k.trainedStaff })),
    totals: { agents: overview.totals.agents, points: overview.totals.points, staff: overview.totals.staff, trainedStaff: overview.totals.trainedStaff },
    communesWithoutPoint: overview.communes.filter((c) => c.noPoint).map((c) => ({ code: c.code, name: c.name })),
    communesWithFewKinds: overview.communes.filter((c) => c.fewKinds).map((c) => ({ code: c.code, name: c.name, kinds: c.kinds })),
    inactiveStaff: inactive.map((r) => ({ code: r.code, name: r.name, agentCode: r.agentCode, lastActiveMonth: r.lastActiveMonth })),
    expiring: overview.expiring,
  };
  if (io.json) {
    io.out(JSON.stringify(summary, null, 2));
    return 0;
  }
  const lines: string[] = [];
  lines.push(`Mạng lưới đại lý thu tháng ${monthLabel(period)}${overview.officeName ? ` — ${overview.officeName}` : ' — toàn tỉnh'} (tính đến ngày ${formatDate(overview.asOf)})`);
  lines.push('');
  lines.push(
    table(
      ['Loại tổ chức', 'Tổ chức', 'Điểm thu', 'Nhân viên thu', 'Đã tập huấn'],
      [
        ...summary.byKind.map((k) => [k.label, formatCount(k.agents), formatCount(k.points), formatCount(k.staff), formatCount(k.trainedStaff)]),
        ['Tổng cộng', formatCount(summary.totals.agents), formatCount(summary.totals.points), formatCount(summary.totals.staff), formatCount(summary.totals.trainedStaff)],
      ],
    ),
  );
  const names = (list: string[]) => (list.length ? list.join(', ') : 'không có');
  lines.push('');
  lines.push(`Xã, phường chưa có điểm thu (${formatCount(summary.communesWithoutPoint.length)}): ${names(summary.communesWithoutPoint.map((c) => c.name))}.`);
  lines.push(`Xã, phường có dưới 3 loại tổ chức (${formatCount(summary.communesWithFewKinds.length)}): ${names(summary.communesWithFewKinds.map((c) => `${c.name} (${c.kinds.length} loại)`))}.`);
  lines.push(
    `Nhân viên thu không hoạt động (${formatCount(summary.inactiveStaff.length)}, không có người tham gia mới trong ${overview.inactiveMonths} tháng): ${names(summary.inactiveStaff.map((s) => s.name))}.`,
  );
  lines.push(`Hợp đồng: ${formatCount(overview.expiring.expired)} đã hết hạn, ${formatCount(overview.expiring.within30)} hết hạn trong 30 ngày, ${formatCount(overview.expiring.within60)} trong 60 ngày.`);
  io.out(lines.join('\n'));
  return 0;
}

/** `staff ranking --period`: staff ranked on one measure by the month's result or by progress on the year's target. */
export async function staffRanking(core: AppCore, io: CliIo, flags: { period?: string; indicator?: string; by?: string; office?: string }): Promise<number> {
  if (!flags.period) throw new CliFailure('Thiếu --period. Ví dụ: npm run cli -- staff ranking --period 2026-10', 2);
  const measure = measureOption(flags.indicator);
  const by = byOption(flags.by);
  const period = flags.period;
  const rows = await everyPage((offset, limit) => core.invoke('network:ranking', { period, level: 'staff', measure, by, offset, limit, ...(flags.office ? { officeCode: flags.office } : {}) }));
  if (io.json) {
    io.out(JSON.stringify({ period, indicator: measure, by, officeCode: flags.office ?? null, total: rows.length, items: rows }, null, 2));
    return 0;
  }
  const def = FLOW_MEASURE_DEFS[measure];
  const show = def.kind === 'money' ? formatMoney : formatCount;
  io.out(`Xếp hạng nhân viên thu theo ${def.shortLabel.toLocaleLowerCase('vi')}, tháng ${monthLabel(period)} (${by === 'progress' ? 'theo % chỉ tiêu năm' : 'theo kết quả tháng'})${flags.office ? `, BHXH cơ sở ${flags.office}` : ''}`);
  io.out(
    table(
      ['Hạng', 'Mã', 'Họ và tên', 'Tổ chức dịch vụ thu', 'Tháng', 'Lũy kế', 'Chỉ tiêu năm', '% chỉ tiêu', 'Thù lao', 'Hoạt động'],
      rows.map((r) => [
        formatCount(r.rank), r.code, r.name, r.agentName, show(r.result), show(r.cumulative), r.target === null ? '—' : show(r.target), formatPercent(r.progress), formatMoney(r.commission),
        r.activity ? ACTIVITY_LABELS[r.activity] : '',
      ]),
    ) + `\n${formatCount(rows.length)} nhân viên thu.`,
  );
  return 0;
}
