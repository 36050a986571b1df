import ExcelJS from 'exceljs';
import { MAX_PAGE_SIZE, type DownloadRef, type Page, type ParsedRequestOf, type RankingRow } from '../../../shared/contract';
import type { ActivityFlag } from '../../../shared/calc/network';
import {
  AGENT_KIND_LABELS,
  AGENT_STATUS_LABELS,
  FLOW_MEASURE_DEFS,
  FLOW_MEASURES,
  STAFF_ROLE_LABELS,
  STAFF_STATUS_LABELS,
  type AgentKind,
  type FlowMeasure,
} from '../../../shared/domain/network';
import { monthLabel } from '../../../shared/domain/periods';
import { formatDate } from '../../../shared/format/vi';
import { recordAudit } from '../audit/audit';
import { localToday, type CoreContext } from '../app/context';
import { issuerFor } from '../exports/appExports';
import { exportFileName } from '../exports/fileNames';
import { addTableSheet, type TableColumn, type TableSpec } from '../exports/tableWorkbook';
import type { DownloadStore } from '../files/downloadStore';
import { searchAgents } from './agents';
import { networkOverview } from './overview';
import { searchInspections, searchPoints } from './points';
import { networkRanking } from './ranking';
import { searchStaff } from './staff';
import { UnitRepository } from '../units/repository';
import { StaffRepository } from './staffRepository';

type NetworkExportRequest = ParsedRequestOf<'exports:network'>;
type Cell = string | number | null;

/** The visible line on a sheet that holds CCCD and phone numbers unmasked. */
export const PERSONAL_DATA_NOTICE = 'Tài liệu có dữ liệu cá nhân — không chia sẻ ngoài cơ quan';
/** What the audit row of such an export says. */
export const PERSONAL_DATA_AUDIT = 'có dữ liệu cá nhân: CCCD, số điện thoại';

export const ACTIVITY_LABELS: Record<ActivityFlag, string> = { active: 'Đang hoạt động', inactive: 'Không hoạt động', new: 'Mới vào làm', left: 'Đã nghỉ' };

const LIST_LABELS: Record<NetworkExportRequest['list'], string> = {
  agents: 'Danh sách tổ chức dịch vụ thu',
  points: 'Danh sách điểm thu',
  staff: 'Danh sách nhân viên thu',
  inspections: 'Kết quả kiểm tra đại lý thu',
  ranking: 'Xếp hạng',
  coverage: 'Độ phủ mạng lưới đại lý thu',
};

/**
 * Every page of a list, read through its service a page at a time; each page is turned into
 * sheet rows at once so only the rows, not the records, stay in memory.
 */
async function allRows<T>(fetch: (offset: number, limit: number) => Promise<Page<T>>, toRows: (items: T[]) => Promise<Cell[][]> | Cell[][]): Promise<Cell[][]> {
  const rows: Cell[][] = [];
  for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
    const page = await fetch(offset, MAX_PAGE_SIZE);
    rows.push(...(await toRows(page.items)));
    if (page.items.length < MAX_PAGE_SIZE || offset + page.items.length >= page.total) break;
  }
  return rows;
}

const text = (header: string, width: number, group?: string): TableColumn => ({ header, width, format: 'text', ...(group ? { group } : {}) });
const count = (header: string, width = 11, group?: string): TableColumn => ({ header, width, format: 'count', ...(group ? { group } : {}) });
const kindLabel = (kind: AgentKind | null | undefined) => (kind ? AGENT_KIND_LABELS[kind] : '');

/** "Cơ quan BHXH cơ sở 9901; loại: Bưu điện; xã 99101": the filters of an export, in words. */
function scopeLine(req: NetworkExportRequest): string {
  const parts = [
    req.officeCode ? `BHXH cơ sở mã ${req.officeCode}` : 'Toàn tỉnh',
    req.kind ? `loại tổ chức: ${AGENT_KIND_LABELS[req.kind]}` : null,
    req.unitCode ? `xã, phường mã ${req.unitCode}` : null,
    req.agentCode ? `đại lý mã ${req.agentCode}` : null,
  ];
  return parts.filter(Boolean).join('; ');
}

interface Built {
  sheets: Omit<TableSpec, 'issuer' | 'isDemo' | 'generatedAt'>[];
  fileParts: (string | number | null | undefined)[];
  fileHead: string;
  rows: number;
  personal: boolean;
  title: string;
}

async function agentsSheet(ctx: CoreContext, req: NetworkExportRequest): Promise<Built> {
  const rows = await allRows(
    (offset, limit) => searchAgents(ctx, { officeCode: req.officeCode, unitCode: req.unitCode, kind: req.kind, sort: 'name', offset, limit }),
    (items) =>
      items.map((a) => [
        a.code, a.name, AGENT_KIND_LABELS[a.kind], a.officeName ?? '', a.contractNo ?? '', formatDate(a.signedOn), formatDate(a.expiresOn), AGENT_STATUS_LABELS[a.status],
        a.communeCount, a.pointCount, a.staffCount,
      ]),
  );
  return {
    title: LIST_LABELS.agents,
    fileHead: LIST_LABELS.agents,
    fileParts: [req.officeCode, kindLabel(req.kind)],
    rows: rows.length,
    personal: false,
    sheets: [
      {
        sheetName: 'Tổ chức dịch vụ thu',
        title: LIST_LABELS.agents,
        subtitle: scopeLine(req),
        columns: [
          text('Mã', 10), text('Tên tổ chức dịch vụ thu', 30), text('Loại tổ chức', 18), text('Cơ quan BHXH ký hợp đồng', 22), text('Số hợp đồng', 14, 'Hợp đồng'),
          text('Ngày ký', 11, 'Hợp đồng'), text('Hiệu lực đến', 11, 'Hợp đồng'), text('Trạng thái', 14), count('Số xã, phường', 9), count('Điểm thu', 9), count('Nhân viên thu', 9),
        ],
        rows,
      },
    ],
  };
}

async function pointsSheet(ctx: CoreContext, req: NetworkExportRequest): Promise<Built> {
  const rows = await allRows(
    (offset, limit) => searchPoints(ctx, { officeCode: req.officeCode, unitCode: req.unitCode, kind: req.kind, agentCode: req.agentCode, sort: 'agent', offset, limit }),
    (items) =>
      items.map((p) => [p.code ?? '', p.name, p.agentName, AGENT_KIND_LABELS[p.agentKind], p.address ?? '', p.unitName ?? '', formatDate(p.openedOn), formatDate(p.closedOn), p.signage ? 'Có' : 'Không']),
  );
  return {
    title: LIST_LABELS.points,
    fileHead: LIST_LABELS.points,
    fileParts: [req.officeCode, req.agentCode, kindLabel(req.kind)],
    rows: rows.length,
    personal: false,
    sheets: [
      {
        sheetName: 'Điểm thu',
        title: LIST_LABELS.points,
        subtitle: scopeLine(req),
        columns: [
          text('Mã', 10), text('Tên điểm thu', 28), text('Tổ chức dịch vụ thu', 26), text('Loại tổ chức', 16), text('Địa chỉ', 28), text('Xã, phường', 18),
          text('Mở từ', 11), text('Đóng từ', 11), text('Biển hiệu', 9),
        ],
        rows,
      },
    ],
  };
}

async function staffSheet(ctx: CoreContext, req: NetworkExportRequest): Promise<Built> {
  const personal = req.withPersonal === true;
  const repo = new StaffRepository(ctx.store);
  const rows = await allRows(
    (offset, limit) => searchStaff(ctx, { officeCode: req.officeCode, unitCode: req.unitCode, kind: req.kind, agentCode: req.agentCode, sort: 'agent', offset, limit }),
    async (items) => {
      // The unmasked numbers of this page only, in one read.
      const raw = personal ? await repo.byCodes(items.map((s) => s.code)) : null;
      return items.map((s) => {
        const full = raw?.get(s.code);
        return [
          s.code, s.fullName, STAFF_ROLE_LABELS[s.role], s.birthYear, full ? (full.cccd ?? '') : (s.cccdMasked ?? ''), full ? (full.phone ?? '') : (s.phoneMasked ?? ''),
          s.agentName, AGENT_KIND_LABELS[s.agentKind], s.communes.map((c) => c.name).join(', '), formatDate(s.trainingDate), s.cardNo ?? '', STAFF_STATUS_LABELS[s.status],
        ];
      });
    },
  );
  return {
    title: LIST_LABELS.staff,
    fileHead: LIST_LABELS.staff,
    fileParts: [req.officeCode, req.agentCode, kindLabel(req.kind), personal ? 'có dữ liệu cá nhân' : null],
    rows: rows.length,
    personal,
    sheets: [
      {
        sheetName: 'Nhân viên thu',
        title: LIST_LABELS.staff,
        subtitle: `${scopeLine(req)}${personal ? '' : ' — số CCCD và điện thoại đã che bớt'}`,
        columns: [
          text('Mã', 10), text('Họ và tên', 24), text('Vai trò', 13), { header: 'Năm sinh', width: 8, format: 'text' }, text('Số CCCD', 15), text('Điện thoại', 12),
          text('Tổ chức dịch vụ thu', 24), text('Loại tổ chức', 16), text('Địa bàn phụ trách', 24), text('Ngày tập huấn', 11), text('Số thẻ', 10), text('Trạng thái', 10),
        ],
        rows,
        ...(personal ? { notice: PERSONAL_DATA_NOTICE } : {}),
      },
    ],
  };
}

async function inspectionsSheet(ctx: CoreContext, req: NetworkExportRequest): Promise<Built> {
  const year = req.period ? Number(req.period.slice(0, 4)) : undefined;
  const rows = await allRows(
    (offset, limit) => searchInspections(ctx, { agentCode: req.agentCode, officeCode: req.officeCode, year, sort: 'date', offset, limit }),
    (items) => items.map((i) => [formatDate(i.inspectedOn), i.agentCode, i.agentName, i.inspector, i.findings, i.followUp ?? '', i.followUp ? (i.followUpDone ? 'Đã khắc phục' : 'Chưa khắc phục') : '']),
  );
  return {
    title: LIST_LABELS.inspections,
    fileHead: LIST_LABELS.inspections,
    fileParts: [req.officeCode, req.agentCode, year],
    rows: rows.length,
    personal: false,
    sheets: [
      {
        sheetName: 'Kiểm tra',
        title: LIST_LABELS.inspections,
        subtitle: `${scopeLine(req)}${year ? `; năm ${year}` : ''}`,
        columns: [text('Ngày kiểm tra', 11), text('Mã đại lý', 10), text('Tổ chức dịch vụ thu', 26), text('Người kiểm tra', 18), text('Kết quả kiểm tra', 40), text('Yêu cầu khắc phục', 30), text('Tình trạng', 13)],
        rows,
      },
    ],
  };
}

async function rankingSheet(ctx: CoreContext, req: NetworkExportRequest, period: string): Promise<Built> {
  const level = req.level ?? 'staff';
  const measure: FlowMeasure = req.measure ?? 'NEW_TN';
  const def = FLOW_MEASURE_DEFS[measure];
  const who = level === 'staff' ? 'nhân viên thu' : 'tổ chức dịch vụ thu';
  const staff = level === 'staff';
  const rows = await allRows(
    (offset, limit) => networkRanking(ctx, { period, level, measure, officeCode: req.officeCode, kind: req.kind, offset, limit }),
    (items: RankingRow[]) =>
      items.map((r) => [
        r.rank, r.code, r.name, ...(staff ? [r.agentName ?? ''] : []), AGENT_KIND_LABELS[r.kind], r.result, r.cumulative, r.target, r.progress, r.commission,
        r.activity ? ACTIVITY_LABELS[r.activity] : '',
      ]),
  );
  const title = `Xếp hạng ${who} theo ${def.shortLabel.toLocaleLowerCase('vi')}`;
  const unit = def.kind === 'money' ? ' (đồng)' : ' (người)';
  return {
    title,
    fileHead: `Xếp hạng ${who}`,
    fileParts: [def.shortLabel, req.officeCode, period],
    rows: rows.length,
    personal: false,
    sheets: [
      {
        sheetName: 'Xếp hạng',
        title,
        subtitle: `Tháng ${monthLabel(period)}; ${scopeLine(req)}; ${def.label.toLocaleLowerCase('vi')}${unit}`,
        columns: [
          count('Hạng', 6), text('Mã', 10), text(staff ? 'Họ và tên' : 'Tên tổ chức dịch vụ thu', 26), ...(staff ? [text('Tổ chức dịch vụ thu', 24)] : []), text('Loại tổ chức', 16),
          count('Tháng', 11, 'Kết quả'), count('Lũy kế từ đầu năm', 12, 'Kết quả'), count('Chỉ tiêu năm', 12), { header: '% chỉ tiêu', width: 9, format: 'ratio' }, count('Thù lao tháng (đồng)', 13),
          text('Hoạt động', 15),
        ],
        rows,
      },
    ],
  };
}

async function coverageSheets(ctx: CoreContext, req: NetworkExportRequest, period: string): Promise<Built> {
  const overview = await networkOverview(ctx, { period, officeCode: req.officeCode });
  const measures = FLOW_MEASURES.filter((m) => m === 'NEW_TN' || m === 'NEW_HGD' || m === 'AMOUNT_TN' || m === 'AMOUNT_HGD');
  const where = overview.officeName ?? 'Toàn tỉnh';
  const subtitle = `Tháng ${monthLabel(period)} — số liệu đến ngày ${formatDate(overview.asOf)}; ${where}`;
  const byKind: Cell[][] = overview.byKind.map((k) => [AGENT_KIND_LABELS[k.kind], k.agents, k.points, k.staff, k.trainedStaff, ...measures.map((m) => k.results[m] ?? 0)]);
  const t = overview.totals;
  const communes: Cell[][] = overview.communes.map((c) => [
    c.code, c.name, c.officeName ?? '', c.points, c.kinds.length, c.kinds.map((k) => AGENT_KIND_LABELS[k]).join(', '), c.staff, c.trainedStaff, c.population, c.peoplePerStaff,
    [c.noPoint ? 'Chưa có điểm thu' : null, c.fewKinds ? 'Dưới 3 loại tổ chức' : null].filter(Boolean).join('; '),
  ]);
  const sum = (pick: (c: (typeof overview.communes)[number]) => number) => overview.communes.reduce((s, c) => s + pick(c), 0);
  return {
    title: LIST_LABELS.coverage,
    fileHead: LIST_LABELS.coverage,
    fileParts: [req.officeCode, period],
    rows: byKind.length + communes.length,
    personal: false,
    sheets: [
      {
        sheetName: 'Theo loại tổ chức',
        title: 'Mạng lưới đại lý thu theo loại tổ chức',
        subtitle,
        columns: [
          text('Loại tổ chức', 24), count('Tổ chức', 9), count('Điểm thu', 9), count('Nhân viên thu', 9), count('Đã tập huấn', 9),
          ...measures.map((m) => count(FLOW_MEASURE_DEFS[m].shortLabel, 13, 'Kết quả trong tháng')),
        ],
        rows: byKind,
        total: [null, t.agents, t.points, t.staff, t.trainedStaff, ...measures.map((m) => t.results[m] ?? 0)],
      },
      {
        sheetName: 'Theo xã, phường',
        title: 'Độ phủ mạng lưới đại lý thu theo xã, phường',
        subtitle: `${subtitle}; ${overview.communesWithoutPoint} xã, phường chưa có điểm thu, ${overview.communesWithFewKinds} xã, phường có dưới 3 loại tổ chức`,
        columns: [
          text('Mã', 8), text('Xã, phường', 22), text('Cơ quan BHXH cơ sở', 20), count('Điểm thu', 8), count('Số loại tổ chức', 8), text('Loại tổ chức', 28), count('Nhân viên thu', 9),
          count('Đã tập huấn', 9), count('Dân số', 11), count('Dân số / nhân viên đã tập huấn', 12), text('Ghi chú', 20),
        ],
        rows: communes,
        total: [null, null, null, sum((c) => c.points), null, null, sum((c) => c.staff), sum((c) => c.trainedStaff), null, null, null],
      },
    ],
  };
}

/**
 * `exports:network`: a list (agents, points, staff, inspections), a ranking, or the coverage
 * tables as a formatted workbook. Staff identifiers stay masked unless `withPersonal`; every
 * export is written to the audit log, and one with personal data says so there and on the sheet.
 */
export async function exportNetwork(ctx: CoreContext, downloads: DownloadStore, req: NetworkExportRequest): Promise<DownloadRef> {
  const period = req.period ?? localToday(ctx.now()).slice(0, 7);
  const built =
    req.list === 'agents' ? await agentsSheet(ctx, req)
    : req.list === 'points' ? await pointsSheet(ctx, req)
    : req.list === 'staff' ? await staffSheet(ctx, req)
    : req.list === 'inspections' ? await inspectionsSheet(ctx, req)
    : req.list === 'ranking' ? await rankingSheet(ctx, req, period)
    : await coverageSheets(ctx, req, period);

  const [issuer, isDemo] = await Promise.all([issuerFor(ctx, null), hasDemoNetwork(ctx)]);
  const generatedAt = ctx.now();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'BHXH Desk';
  wb.created = generatedAt;
  wb.title = built.title;
  for (const sheet of built.sheets) addTableSheet(wb, { ...sheet, issuer, isDemo, generatedAt });
  const bytes = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const fileName = exportFileName(built.fileHead, built.fileParts);

  await ctx.store.transaction(() =>
    recordAudit(
      ctx.store,
      ctx.actor,
      {
        action: 'export',
        entity: 'export',
        entityKey: `network:${req.list}`,
        summary: `Xuất ${built.title.charAt(0).toLocaleLowerCase('vi')}${built.title.slice(1)} (${built.rows} dòng, tệp ${fileName})${built.personal ? `; ${PERSONAL_DATA_AUDIT}` : ''}`,
        details: { list: req.list, period: req.list === 'ranking' || req.list === 'coverage' ? period : (req.period ?? null), officeCode: req.officeCode ?? null, agentCode: req.agentCode ?? null, kind: req.kind ?? null, rows: built.rows, withPersonal: built.personal },
      },
      generatedAt,
    ),
  );
  return downloads.put(bytes, fileName);
}

/** Demo units loaded (the network's own rows hang off the demo offices). */
function hasDemoNetwork(ctx: CoreContext): Promise<boolean> {
  return new UnitRepository(ctx.store).hasDemo();
}
