import { AppError, type CellIssue, type FileRef, type NetworkImportChange, type NetworkImportOutcome, type NetworkImportPreview, type NetworkListKind } from '../../../shared/contract';
import { normaliseCccd, normalisePhone } from '../../../shared/calc/cccd';
import { AGENT_KIND_LABELS, AGENT_STATUS_LABELS, agentKindOf, STAFF_ROLE_LABELS, STAFF_STATUS_LABELS, type AgentKind, type AgentProduct, type AgentStatus, type StaffRole, type StaffStatus } from '../../../shared/domain/network';
import { formatCount, formatDate } from '../../../shared/format/vi';
import { foldText } from '../../../shared/text/fold';
import { recordAudits, type AuditRecord } from '../audit/audit';
import { safetyBackup } from '../backups/backups';
import { isoNow, localToday, type CoreContext } from '../app/context';
import type { PlanStore } from '../app/planStore';
import { readWorkbookInWorker } from '../excel/readInWorker';
import type { WorkbookData } from '../excel/readWorkbook';
import { AgentRepository, type AgentFields, type AgentRow } from './agentRepository';
import { finishBatch, openBatch, rowsById, type ListsUndo } from './batches';
import { ACCEPT, classifyAgent, classifyPoint, classifyResult, classifyStaff, LIST_LABELS, SHAPE_HINT, type AgentField, type PointField, type StaffField } from './importHeaders';
import { agentsByNameKey, existingPoints, ImportLookups, namedCommunes, networkFingerprint, type ExistingPoint, type OfficeRef } from './importLookups';
import { cellText, codeOf, dataRows, dateOf, findTable, HEADER_SCAN_ROWS, refuseTruncated, type DataRow, type Table } from './importSheets';
import { changeLines, cleanText } from './lookups';
import { PointRepository, type PointFields } from './pointRepository';
import { identityProblems } from './staff';
import { StaffRepository, type StaffFields, type StaffRow } from './staffRepository';

/**
 * The network's lists from Excel: agents, collection points and staff, one list per workbook or
 * one sheet per list, each told by its headers. A code on record updates that record (blank
 * cells keep what is there), a new code adds one. Preview works out everything; commit writes
 * exactly that plan after a backup, in one transaction, as one batch that can be undone.
 */
const CODE = /^[0-9A-Za-z._-]{1,30}$/;

interface AgentOp {
  action: 'add' | 'update';
  id: number | null;
  code: string;
  fields: AgentFields;
  /** null: the communes on record stay. */
  communeIds: number[] | null;
  description: string;
}
interface PointOp {
  action: 'add' | 'update';
  id: number | null;
  agentCode: string;
  /** agentId null: the agent is added by this import (resolved by code at commit). */
  fields: Omit<PointFields, 'agentId'> & { agentId: number | null };
  description: string;
}
interface StaffOp {
  action: 'add' | 'update';
  id: number | null;
  code: string;
  agentCode: string;
  fields: Omit<StaffFields, 'agentId'> & { agentId: number | null };
  communeIds: number[] | null;
  description: string;
}

export interface StoredListsPlan {
  fileName: string;
  fingerprint: string;
  errors: CellIssue[];
  agents: AgentOp[];
  points: PointOp[];
  staff: StaffOp[];
}

type Hit =
  | { list: 'agents'; table: Table<AgentField> }
  | { list: 'points'; table: Table<PointField> }
  | { list: 'staff'; table: Table<StaffField> }
  | { list: 'results'; table: Table<string> };

/** The list a sheet holds, by its header; results come first (they also have names and codes). */
export function detectSheet(sheet: WorkbookData['sheets'][number]): Hit | null {
  const results = findTable(sheet, classifyResult, ACCEPT.results);
  if (results) return { list: 'results', table: results };
  const points = findTable(sheet, classifyPoint, ACCEPT.points);
  if (points) return { list: 'points', table: points };
  const staff = findTable(sheet, classifyStaff, ACCEPT.staff);
  if (staff) return { list: 'staff', table: staff };
  const agents = findTable(sheet, classifyAgent, ACCEPT.agents);
  if (agents) return { list: 'agents', table: agents };
  return null;
}

export async function previewListsImport(ctx: CoreContext, plans: PlanStore<StoredListsPlan>, file: FileRef): Promise<NetworkImportPreview> {
  const { name, bytes } = ctx.files.read(file);
  const workbook = await readWorkbookInWorker(bytes, name);
  const fingerprint = await networkFingerprint(ctx.store);
  const { stored, preview } = await planListsImport(ctx, workbook);
  const planId = plans.put({ ...stored, fileName: name, fingerprint });
  return { planId, fileName: name, ...preview };
}

const STATUS_WORDS: [RegExp, AgentStatus][] = [
  [/^(dang )?hoat dong|^con hieu luc|^dang thu/, 'active'],
  [/^tam (dung|ngung|nghi)/, 'suspended'],
  [/^(da )?(cham dut|ngung|thanh ly|het hieu luc|het han)/, 'ended'],
];
const STAFF_STATUS_WORDS: [RegExp, StaffStatus][] = [
  [/^(dang )?(lam|hoat dong|lam viec)/, 'active'],
  [/^tam (nghi|dung|ngung)/, 'paused'],
  [/^(da )?(nghi|thoi viec|nghi viec)/, 'left'],
];

function statusOf<S>(text: string, table: [RegExp, S][]): S | null {
  const key = foldText(text);
  return table.find(([re]) => re.test(key))?.[1] ?? null;
}

function productOf(text: string): AgentProduct | null {
  const key = ` ${foldText(text)} `;
  const tn = / (bhxh|tn|tu nguyen) /.test(key);
  const hgd = / (bhyt|hgd|ho gia dinh) /.test(key);
  if (tn && hgd) return 'ALL';
  if (tn) return 'BHXH_TN';
  if (hgd) return 'BHYT_HGD';
  return /^ (ca hai|tat ca|all) $/.test(key) ? 'ALL' : null;
}

function roleOf(text: string): StaffRole | null {
  const key = foldText(text);
  if (/\b(cong tac vien|ctv|truong ap|truong khom|truong thon)\b/.test(key)) return 'collaborator';
  if (/\b(nhan vien|nv|nhan vien thu|dai ly vien)\b/.test(key)) return 'staff';
  return null;
}

function yesNo(value: unknown): boolean | null {
  if (typeof value === 'number') return value !== 0;
  const key = foldText(String(value ?? ''));
  if (!key) return null;
  if (/^(co|x|yes|1|da co|da lap)$/.test(key)) return true;
  if (/^(khong|0|no|chua|chua co)$/.test(key)) return false;
  return null;
}

function sexOf(text: string): 'M' | 'F' | null {
  const key = foldText(text);
  return key === 'nam' || key === 'm' ? 'M' : key === 'nu' || key === 'f' ? 'F' : null;
}

/** "Ngan Dừa, Ninh Quới; Ninh Hòa" → the names, each trimmed. */
function splitNames(text: string): string[] {
  return text
    .split(/[,;\n]|\s+-\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const ALL_COMMUNES = /^(tat ca|toan huyen|toan thi xa|toan thanh pho|toan bo|ca huyen|tat ca cac xa)/;

interface Collect {
  errors: CellIssue[];
  warnings: CellIssue[];
}

export async function planListsImport(ctx: CoreContext, workbook: WorkbookData): Promise<{ stored: Omit<StoredListsPlan, 'fileName' | 'fingerprint'>; preview: Omit<NetworkImportPreview, 'planId' | 'fileName'> }> {
  const fileName = workbook.fileName;
  const hits = workbook.sheets.map(detectSheet);
  const lists = hits.filter((h): h is Hit => h !== null && h.list !== 'results');
  if (lists.length === 0) {
    const results = hits.some((h) => h?.list === 'results');
    throw new AppError(
      'FILE_INVALID',
      results
        ? `Tệp "${fileName}" là bảng kết quả theo nhân viên, không phải danh sách; hãy dùng "Nhập kết quả tháng".`
        : `Tệp "${fileName}" không phải danh sách mạng lưới đại lý thu: không tìm thấy dòng tiêu đề trong ${HEADER_SCAN_ROWS} dòng đầu của các trang tính ${workbook.sheets.map((s) => `"${s.name}"`).join(', ')}. ${SHAPE_HINT}`,
      { file: fileName },
    );
  }
  const out: Collect = { errors: [], warnings: [] };
  const sheets: NetworkImportPreview['sheets'] = [];
  for (const h of hits) if (h?.list === 'results') out.warnings.push({ sheet: h.table.sheet.name, row: h.table.headerIndex + 1, column: null, cell: null, message: 'Trang này là bảng kết quả theo nhân viên; không nhập cùng danh sách (dùng "Nhập kết quả tháng").' });
  for (const list of ['agents', 'points', 'staff'] as const) {
    const same = lists.filter((h) => h.list === list);
    for (const extra of same.slice(1)) out.warnings.push({ sheet: extra.table.sheet.name, row: extra.table.headerIndex + 1, column: null, cell: null, message: `Tệp có nhiều trang danh sách ${LIST_LABELS[list]}; chỉ nhập trang "${same[0]!.table.sheet.name}".` });
  }
  for (const h of lists) refuseTruncated(fileName, h.table.sheet);
  const agentsHit = lists.find((h) => h.list === 'agents') as Extract<Hit, { list: 'agents' }> | undefined;
  const pointsHit = lists.find((h) => h.list === 'points') as Extract<Hit, { list: 'points' }> | undefined;
  const staffHit = lists.find((h) => h.list === 'staff') as Extract<Hit, { list: 'staff' }> | undefined;

  const today = localToday(ctx.now());
  const lookups = await ImportLookups.load(ctx.store, today);
  const agentRows = agentsHit ? [...dataRows(agentsHit.table)] : [];
  const pointRows = pointsHit ? [...dataRows(pointsHit.table)] : [];
  const staffRows = staffHit ? [...dataRows(staffHit.table)] : [];
  for (const [hit, rows] of [[agentsHit, agentRows], [pointsHit, pointRows], [staffHit, staffRows]] as const) {
    if (hit) sheets.push({ sheet: hit.table.sheet.name, list: hit.list, rows: rows.length });
  }
  for (const h of hits) if (h?.list === 'results') sheets.push({ sheet: h.table.sheet.name, list: 'results', rows: [...dataRows(h.table)].length });

  // Everything the rows name, looked up at once.
  const agentRefs = [...agentRows.map((r) => codeOf(r.get('code'))), ...pointRows.map((r) => codeOf(r.get('agent'))), ...staffRows.map((r) => codeOf(r.get('agent')))].filter((c): c is string => c !== null);
  const agentRepo = new AgentRepository(ctx.store);
  const staffRepo = new StaffRepository(ctx.store);
  const existingAgents = await agentRepo.byCodes(agentRefs);
  const agentsByName = await agentsByNameKey(ctx.store, [...pointRows.map((r) => cellText(r.get('agent'))), ...staffRows.map((r) => cellText(r.get('agent')))].filter((t): t is string => t !== null && !existingAgents.has(t)));
  const agentCommunes = await namedCommunes(ctx.store, 'agent_communes', [...existingAgents.values()].map((a) => a.id));

  const changes: NetworkImportChange[] = [];
  const counts: NetworkImportPreview['counts'] = { agents: { added: 0, updated: 0, unchanged: 0 }, points: { added: 0, updated: 0, unchanged: 0 }, staff: { added: 0, updated: 0, unchanged: 0 } };
  const record = (list: NetworkListKind, action: 'add' | 'update', code: string, name: string, description: string) => {
    changes.push({ list, action, code, name, description });
    counts[list][action === 'add' ? 'added' : 'updated']++;
  };

  // Agents.
  const agentOps: AgentOp[] = [];
  /** Agents of the file by code, with their office, for the points and staff below. */
  const fileAgents = new Map<string, { row: number; name: string; officeId: number | null }>();
  if (agentsHit) {
    const t = agentsHit.table;
    const titleOffice = lookups.officeInTitle(t.titleLines);
    if (!titleOffice && !t.columns.office) out.warnings.push({ sheet: t.sheet.name, row: t.headerIndex + 1, column: null, cell: null, message: 'Không xác định được cơ quan BHXH ký hợp đồng (không có cột cơ quan, tiêu đề không nêu cơ quan nào có trong danh mục); các tổ chức mới để trống cơ quan ký.' });
    for (const r of agentRows) {
      const op = planAgent(r, { existingAgents, agentCommunes, lookups, titleOffice, fileAgents, out });
      if (!op) continue;
      fileAgents.set(op.code, { row: r.row, name: op.fields.name, officeId: op.fields.officeId });
      if (op.description === '') counts.agents.unchanged++;
      else {
        agentOps.push(op);
        record('agents', op.action, op.code, op.fields.name, op.description);
      }
    }
  }

  /** An agent a point or staff row names, by code or by name, from the file or the record. */
  const agentFor = (r: DataRow<'agent'>): { code: string; id: number | null; officeId: number | null; name: string } | 'missing' | null => {
    const typed = cellText(r.get('agent'));
    if (!typed) return null;
    const code = codeOf(r.get('agent'))!;
    const inFile = fileAgents.get(code);
    const onRecord = existingAgents.get(code);
    if (inFile) return { code, id: onRecord?.id ?? null, officeId: inFile.officeId, name: inFile.name };
    if (onRecord) return { code, id: onRecord.id, officeId: onRecord.officeId, name: onRecord.name };
    const key = foldText(typed);
    const named = [...fileAgents.entries()].filter(([, a]) => foldText(a.name) === key);
    if (named.length === 1) {
      const [c, a] = named[0]!;
      return { code: c, id: existingAgents.get(c)?.id ?? null, officeId: a.officeId, name: a.name };
    }
    const db = agentsByName.get(key) ?? [];
    if (db.length === 1) return { code: db[0]!.code, id: db[0]!.id, officeId: db[0]!.officeId, name: typed };
    return 'missing';
  };
  const unknownAgent = (r: DataRow<'agent'>, sheet: string) => `Không có tổ chức dịch vụ thu "${cellText(r.get('agent'))}" ${agentsHit ? `trong trang "${agentsHit.table.sheet.name}" hay ` : ''}trong danh sách đã có (trang "${sheet}").`;

  // Points.
  const pointOps: PointOp[] = [];
  if (pointsHit) {
    const t = pointsHit.table;
    const codes = pointRows.map((r) => codeOf(r.get('code'))).filter((c): c is string => c !== null);
    const existing = await existingPoints(ctx.store, codes, [...existingAgents.values()].map((a) => a.id));
    const seenCodes = new Map<string, number>();
    const seenNames = new Map<string, number>();
    for (const r of pointRows) {
      const rowErrors: CellIssue[] = [];
      const code = codeOf(r.get('code'));
      if (code && !CODE.test(code)) rowErrors.push({ ...r.at('code'), message: `Mã điểm thu "${code}" không hợp lệ: chỉ gồm chữ số, chữ cái, dấu chấm, gạch; tối đa 30 ký tự.` });
      if (code && seenCodes.has(code)) rowErrors.push({ ...r.at('code'), message: `Mã điểm thu ${code} trùng với dòng ${seenCodes.get(code)}.` });
      if (code) seenCodes.set(code, r.row);
      const agent = agentFor(r as DataRow<PointField>);
      if (agent === 'missing') rowErrors.push({ ...r.at('agent'), message: unknownAgent(r as DataRow<PointField>, t.sheet.name) });
      const name = cellText(r.get('name'));
      // Without a point code, a point is its agent and name: the same pair twice is one point typed twice.
      if (!code && name && agent && agent !== 'missing') {
        const key = `${agent.code}|${foldText(name)}`;
        if (seenNames.has(key)) rowErrors.push({ ...r.at('name'), message: `Điểm thu "${name}" của ${agent.name} trùng với dòng ${seenNames.get(key)}.` });
        else seenNames.set(key, r.row);
      }
      const before: ExistingPoint | undefined = code
        ? existing.find((p) => p.code === code)
        : agent && agent !== 'missing' && agent.id !== null && name
          ? existing.find((p) => p.agentId === agent.id && p.nameKey === foldText(name) && p.code === null)
          : undefined;
      if (!before && !name) rowErrors.push({ ...r.at('name'), message: 'Thiếu tên điểm thu.' });
      if (!before && !agent) rowErrors.push({ ...r.at('agent'), message: 'Thiếu tổ chức dịch vụ thu (mã hoặc tên) của điểm thu.' });
      const office = lookups.officeById(agent && agent !== 'missing' ? agent.officeId : null);
      let unitId = before?.unitId ?? null;
      const communeText = cellText(r.get('commune'));
      if (communeText) {
        const hit = lookups.commune(communeText, office);
        if (hit.ok) unitId = hit.unit.id;
        else rowErrors.push({ ...r.at('commune'), message: hit.message });
      }
      const opened = dateOf(r.get('openedOn'));
      const closed = dateOf(r.get('closedOn'));
      if (!opened.ok) rowErrors.push({ ...r.at('openedOn'), message: badDate('Ngày mở', r.get('openedOn')) });
      if (!closed.ok) rowErrors.push({ ...r.at('closedOn'), message: badDate('Ngày đóng', r.get('closedOn')) });
      const signage = r.has('signage') && cellText(r.get('signage')) ? yesNo(r.get('signage')) : undefined;
      if (signage === null) rowErrors.push({ ...r.at('signage'), message: `Biển hiệu "${cellText(r.get('signage'))}" không rõ: ghi "Có" hoặc "Không".` });
      if (rowErrors.length > 0) {
        out.errors.push(...rowErrors);
        continue;
      }
      const a = agent && agent !== 'missing' ? agent : null;
      const fields: PointOp['fields'] = {
        agentId: a ? a.id : before!.agentId, code: code ?? before?.code ?? null, name: name ?? before!.name, address: cleanText(cellText(r.get('address'))) ?? before?.address ?? null, unitId,
        openedOn: (opened.ok && opened.value) || before?.openedOn || null, closedOn: (closed.ok && closed.value) || before?.closedOn || null,
        signage: signage ?? before?.signage ?? false, note: cleanText(cellText(r.get('note'))) ?? before?.note ?? null,
      };
      if (fields.openedOn && fields.closedOn && fields.closedOn < fields.openedOn) {
        out.errors.push({ ...r.at('closedOn'), message: `Ngày đóng ${formatDate(fields.closedOn)} trước ngày mở ${formatDate(fields.openedOn)}.` });
        continue;
      }
      const agentCode = a?.code ?? [...existingAgents.values()].find((x) => x.id === before?.agentId)?.code ?? '';
      if (!before) {
        pointOps.push({ action: 'add', id: null, agentCode, fields, description: `Thêm điểm thu ${fields.name}${a ? ` của ${a.name}` : ''}${unitId ? ` (${lookups.unitName(unitId)})` : ''}` });
        record('points', 'add', fields.code ?? '', fields.name, pointOps.at(-1)!.description);
        continue;
      }
      const diff = changeLines([
        ['tên', before.name, fields.name], ['địa chỉ', before.address, fields.address], ['xã', lookups.unitName(before.unitId), lookups.unitName(fields.unitId)],
        ['mở từ', formatDate(before.openedOn), formatDate(fields.openedOn)], ['đóng từ', formatDate(before.closedOn), formatDate(fields.closedOn)],
        ['biển hiệu', before.signage, fields.signage], ['ghi chú', before.note, fields.note],
      ]);
      if (fields.agentId !== before.agentId) diff.unshift(`đại lý → ${a?.name ?? agentCode}`);
      if (diff.length === 0) counts.points.unchanged++;
      else {
        pointOps.push({ action: 'update', id: before.id, agentCode, fields, description: diff.join('; ') });
        record('points', 'update', fields.code ?? '', fields.name, diff.join('; '));
      }
    }
  }

  // Staff.
  const staffOps: StaffOp[] = [];
  if (staffHit) {
    const t = staffHit.table;
    const parsed = staffRows.map((r) => ({ r, cccd: cccdOf(r.get('cccd')) }));
    const codes = staffRows.map((r) => codeOf(r.get('code'))).filter((c): c is string => c !== null);
    const cccds = parsed.map((p) => p.cccd).filter((c): c is string => c !== null);
    const [byCode, holders] = await Promise.all([staffRepo.byCodes(codes), staffRepo.byCccds(cccds)]);
    const holderCodes = [...holders.values()].map((h) => h.code).filter((c) => !byCode.has(c));
    const byHolder = holderCodes.length > 0 ? await staffRepo.byCodes(holderCodes) : new Map<string, StaffRow>();
    const allStaff = new Map([...byCode, ...byHolder]);
    const staffCommunes = await namedCommunes(ctx.store, 'staff_communes', [...allStaff.values()].map((s) => s.id));
    const seenCodes = new Map<string, number>();
    const seenCccds = new Map<string, { row: number; name: string | null }>();
    for (const { r, cccd } of parsed) {
      const rowErrors: CellIssue[] = [];
      let code = codeOf(r.get('code'));
      const fullName = cellText(r.get('fullName'));
      if (code && !CODE.test(code)) rowErrors.push({ ...r.at('code'), message: `Mã nhân viên "${code}" không hợp lệ: chỉ gồm chữ số, chữ cái, dấu chấm, gạch; tối đa 30 ký tự.` });
      if (code && seenCodes.has(code)) rowErrors.push({ ...r.at('code'), message: `Mã nhân viên ${code} trùng với dòng ${seenCodes.get(code)}.` });
      if (code) seenCodes.set(code, r.row);
      const holder = cccd ? holders.get(cccd) : undefined;
      if (!code && holder) code = holder.code;
      const before = code ? allStaff.get(code) : undefined;
      if (!code) rowErrors.push({ ...r.at('code'), message: 'Thiếu mã nhân viên (và số CCCD không trùng với nhân viên nào đã có).' });
      if (!before && !fullName) rowErrors.push({ ...r.at('fullName'), message: 'Thiếu họ tên.' });
      if (cccd) {
        const first = seenCccds.get(cccd);
        if (first) rowErrors.push({ ...r.at('cccd'), message: `Số CCCD trùng với dòng ${first.row}${first.name ? ` (${first.name})` : ''}: mỗi người một số CCCD.` });
        else seenCccds.set(cccd, { row: r.row, name: fullName });
        if (holder && code && holder.code !== code) rowErrors.push({ ...r.at('cccd'), message: `Số CCCD này đã có ở nhân viên ${holder.fullName} (mã ${holder.code}).` });
      }
      const agent = agentFor(r as DataRow<StaffField>);
      if (agent === 'missing') rowErrors.push({ ...r.at('agent'), message: unknownAgent(r as DataRow<StaffField>, t.sheet.name) });
      if (!before && !agent) rowErrors.push({ ...r.at('agent'), message: 'Thiếu tổ chức dịch vụ thu (mã hoặc tên) của nhân viên.' });
      const birth = birthOf(r.get('birthYear'));
      if (!birth.ok) rowErrors.push({ ...r.at('birthYear'), message: `Năm sinh "${cellText(r.get('birthYear'))}" không hợp lệ: ghi năm 4 chữ số (1986) hoặc ngày dd/mm/yyyy.` });
      const birthDate = dateOf(r.get('birthDate'));
      if (!birthDate.ok) rowErrors.push({ ...r.at('birthDate'), message: badDate('Ngày sinh', r.get('birthDate')) });
      const sexText = cellText(r.get('sex'));
      const sex = sexText ? sexOf(sexText) : undefined;
      if (sex === null) rowErrors.push({ ...r.at('sex'), message: `Giới tính "${sexText}" không rõ: ghi "Nam" hoặc "Nữ".` });
      const roleText = cellText(r.get('role'));
      const role = roleText ? roleOf(roleText) : undefined;
      if (role === null) rowErrors.push({ ...r.at('role'), message: `Vai trò "${roleText}" không rõ: ghi "Nhân viên thu" hoặc "Cộng tác viên".` });
      const statusText = cellText(r.get('status'));
      const status = statusText ? statusOf(statusText, STAFF_STATUS_WORDS) : undefined;
      if (status === null) rowErrors.push({ ...r.at('status'), message: `Trạng thái "${statusText}" không rõ: ghi "Đang làm", "Tạm nghỉ" hoặc "Đã nghỉ".` });
      const dates = {} as Record<'cardDate' | 'trainingDate' | 'joinedOn' | 'leftOn', string | null | undefined>;
      const dateLabels = { cardDate: 'Ngày cấp thẻ', trainingDate: 'Ngày tập huấn', joinedOn: 'Ngày vào', leftOn: 'Ngày nghỉ' } as const;
      for (const f of ['cardDate', 'trainingDate', 'joinedOn', 'leftOn'] as const) {
        const d = dateOf(r.get(f));
        if (!d.ok) rowErrors.push({ ...r.at(f), message: badDate(dateLabels[f], r.get(f)) });
        else dates[f] = d.value;
      }
      const phoneRaw = r.get('phone');
      const phone = cellText(phoneRaw) ? normalisePhone(String(phoneRaw), typeof phoneRaw === 'number') : null;
      const a = agent && agent !== 'missing' ? agent : null;
      const office = lookups.officeById(a ? a.officeId : before?.officeId ?? null);
      let communeIds: number[] | null = null;
      const communeText = cellText(r.get('communes'));
      if (communeText) {
        communeIds = [];
        for (const part of splitNames(communeText)) {
          const hit = lookups.commune(part, office);
          if (hit.ok) communeIds.push(hit.unit.id);
          else rowErrors.push({ ...r.at('communes'), message: hit.message });
        }
      }
      // The identity checks run on every row, whatever else is wrong with it.
      const identity = {
        cccd: cccd ?? before?.cccd ?? null, phone: phone ?? before?.phone ?? null, sex: sex ?? before?.sex ?? null,
        birthYear: (birth.ok && birth.year) || (birthDate.ok && birthDate.value ? Number(birthDate.value.slice(0, 4)) : null) || before?.birthYear || null,
        birthDate: (birthDate.ok && birthDate.value) || (birth.ok && birth.date) || before?.birthDate || null,
      };
      const cccdFlagged = rowErrors.some((e) => e.column !== null && e.column === r.at('cccd').column);
      for (const p of identityProblems(identity)) {
        if (p.field === 'cccd' && cccdFlagged) continue;
        const field: StaffField = p.field === 'birthDate' ? (r.has('birthDate') ? 'birthDate' : 'birthYear') : p.field;
        rowErrors.push({ ...r.at(field), message: p.message });
      }
      if (rowErrors.length > 0) {
        out.errors.push(...rowErrors);
        continue;
      }
      const fields: StaffOp['fields'] = {
        fullName: fullName ?? before?.fullName ?? '', role: role ?? before?.role ?? 'staff',
        birthYear: identity.birthYear, birthDate: identity.birthDate, sex: identity.sex, cccd: identity.cccd, phone: identity.phone,
        agentId: a ? a.id : before!.agentId, trainingDate: dates.trainingDate ?? before?.trainingDate ?? null,
        cardNo: cleanText(cellText(r.get('cardNo'))) ?? before?.cardNo ?? null, cardDate: dates.cardDate ?? before?.cardDate ?? null,
        status: status ?? before?.status ?? 'active', joinedOn: dates.joinedOn ?? before?.joinedOn ?? null, leftOn: dates.leftOn ?? before?.leftOn ?? null,
        note: cleanText(cellText(r.get('note'))) ?? before?.note ?? null,
      };
      const agentCode = a?.code ?? before!.agentCode;
      const agentName = a?.name ?? before!.agentName;
      if (!before) {
        const description = `Thêm ${STAFF_ROLE_LABELS[fields.role].toLowerCase()} ${fields.fullName} (mã ${code}) của ${agentName}`;
        staffOps.push({ action: 'add', id: null, code: code!, agentCode, fields, communeIds, description });
        record('staff', 'add', code!, fields.fullName, description);
        continue;
      }
      const communesBefore = (staffCommunes.get(before.id) ?? []).slice().sort((x, y) => x - y);
      const diff = changeLines([
        ['họ tên', before.fullName, fields.fullName], ['vai trò', STAFF_ROLE_LABELS[before.role], STAFF_ROLE_LABELS[fields.role]], ['năm sinh', before.birthYear, fields.birthYear],
        ['ngày sinh', formatDate(before.birthDate), formatDate(fields.birthDate)], ['đại lý', before.agentName, agentName], ['ngày tập huấn', formatDate(before.trainingDate), formatDate(fields.trainingDate)],
        ['số thẻ', before.cardNo, fields.cardNo], ['ngày cấp thẻ', formatDate(before.cardDate), formatDate(fields.cardDate)], ['trạng thái', STAFF_STATUS_LABELS[before.status], STAFF_STATUS_LABELS[fields.status]],
        ['ngày vào', formatDate(before.joinedOn), formatDate(fields.joinedOn)], ['ngày nghỉ', formatDate(before.leftOn), formatDate(fields.leftOn)], ['ghi chú', before.note, fields.note],
        ...(communeIds ? ([['địa bàn', communesBefore.map((id) => lookups.unitName(id)), [...new Set(communeIds)].sort((x, y) => x - y).map((id) => lookups.unitName(id))]] as [string, unknown, unknown][]) : []),
      ]);
      if (before.sex !== fields.sex) diff.push('giới tính đã thay đổi');
      if (before.cccd !== fields.cccd) diff.push('số CCCD đã thay đổi');
      if (before.phone !== fields.phone) diff.push('số điện thoại đã thay đổi');
      if (diff.length === 0) counts.staff.unchanged++;
      else {
        staffOps.push({ action: 'update', id: before.id, code: before.code, agentCode, fields, communeIds, description: diff.join('; ') });
        record('staff', 'update', before.code, fields.fullName, diff.join('; '));
      }
    }
  }
  return {
    stored: { errors: out.errors, agents: agentOps, points: pointOps, staff: staffOps },
    preview: { sheets, counts, errors: out.errors, warnings: out.warnings, changes, canCommit: out.errors.length === 0 && agentOps.length + pointOps.length + staffOps.length > 0 },
  };
}

function badDate(label: string, value: unknown): string {
  return `${label} "${cellText(value)}" không hợp lệ: cần dạng dd/mm/yyyy.`;
}

/** A CCCD cell: digits only, its leading 0 back when Excel kept it as a number. */
function cccdOf(value: unknown): string | null {
  const t = cellText(value);
  if (!t) return null;
  return normaliseCccd(typeof value === 'number' ? String(value) : t, typeof value === 'number');
}

/** "Năm sinh": a year (1986, "1986") or a whole date. */
function birthOf(value: unknown): { ok: true; year: number | null; date: string | null } | { ok: false } {
  const t = cellText(value);
  if (!t) return { ok: true, year: null, date: null };
  const asYear = typeof value === 'number' ? value : /^\d{4}$/.test(t) ? Number(t) : null;
  if (asYear !== null && Number.isInteger(asYear) && asYear >= 1900 && asYear <= 2100) return { ok: true, year: asYear, date: null };
  const d = dateOf(value);
  if (d.ok && d.value) return { ok: true, year: Number(d.value.slice(0, 4)), date: d.value };
  return { ok: false };
}

interface AgentContext {
  existingAgents: Map<string, AgentRow>;
  agentCommunes: Map<number, number[]>;
  lookups: ImportLookups;
  titleOffice: OfficeRef | null;
  fileAgents: Map<string, { row: number }>;
  out: Collect;
}

/** One agent row: its fields merged over the record, or null with the row's errors collected. */
function planAgent(r: DataRow<AgentField>, c: AgentContext): AgentOp | null {
  const errors: CellIssue[] = [];
  const code = codeOf(r.get('code'));
  if (!code) errors.push({ ...r.at('code'), message: 'Thiếu mã tổ chức dịch vụ thu.' });
  else if (!CODE.test(code)) errors.push({ ...r.at('code'), message: `Mã "${code}" không hợp lệ: chỉ gồm chữ số, chữ cái, dấu chấm, gạch; tối đa 30 ký tự.` });
  else if (c.fileAgents.has(code)) errors.push({ ...r.at('code'), message: `Mã ${code} trùng với dòng ${c.fileAgents.get(code)!.row}.` });
  const before = code ? c.existingAgents.get(code) : undefined;
  const name = cleanText(cellText(r.get('name')));
  if (!name && !before) errors.push({ ...r.at('name'), message: 'Thiếu tên tổ chức dịch vụ thu.' });
  const kindText = cellText(r.get('kind'));
  let kind: AgentKind | null = kindText ? agentKindOf(kindText) : before?.kind ?? (name ? agentKindOf(name) : null);
  if (kindText && !kind) errors.push({ ...r.at('kind'), message: `Loại tổ chức "${kindText}" không rõ: ghi một trong ${Object.values(AGENT_KIND_LABELS).join(', ')}.` });
  if (!kindText && !kind && !before && name) {
    kind = 'OTHER';
    c.out.warnings.push({ ...r.at('kind'), message: `Không rõ loại của "${name}"; ghi là "${AGENT_KIND_LABELS.OTHER}".` });
  }
  const productText = cellText(r.get('product'));
  const product = productText ? productOf(productText) : before?.product ?? 'ALL';
  if (!product) errors.push({ ...r.at('product'), message: `Sản phẩm "${productText}" không rõ: ghi "BHXH TN", "BHYT HGĐ" hoặc cả hai.` });
  const signed = dateOf(r.get('signedOn'));
  const expires = dateOf(r.get('expiresOn'));
  if (!signed.ok) errors.push({ ...r.at('signedOn'), message: badDate('Ngày ký hợp đồng', r.get('signedOn')) });
  if (!expires.ok) errors.push({ ...r.at('expiresOn'), message: badDate('Ngày hết hiệu lực', r.get('expiresOn')) });
  const officeText = cellText(r.get('office'));
  let office: OfficeRef | null = before ? c.lookups.officeById(before.officeId) : null;
  if (officeText) {
    office = c.lookups.office(officeText);
    if (!office) errors.push({ ...r.at('office'), message: `Không có cơ quan BHXH cơ sở "${officeText}" trong danh mục cơ quan.` });
  } else if (c.titleOffice && !before?.officeId) office = c.titleOffice;
  const statusText = cellText(r.get('status'));
  const status = statusText ? statusOf(statusText, STATUS_WORDS) : before?.status ?? 'active';
  if (!status) errors.push({ ...r.at('status'), message: `Trạng thái "${statusText}" không rõ: ghi "Đang hoạt động", "Tạm dừng" hoặc "Đã chấm dứt".` });
  let allCommunes = before?.allCommunes ?? false;
  let communeIds: number[] | null = null;
  const communeText = cellText(r.get('communes'));
  if (communeText) {
    if (ALL_COMMUNES.test(foldText(communeText))) {
      allCommunes = true;
      communeIds = [];
      if (!office) errors.push({ ...r.at('communes'), message: `"${communeText}": tổ chức phục vụ tất cả các xã phải có cơ quan BHXH cơ sở ký hợp đồng (ghi ở cột cơ quan hoặc tiêu đề).` });
    } else {
      allCommunes = false;
      communeIds = [];
      for (const part of splitNames(communeText)) {
        const hit = c.lookups.commune(part, office);
        if (hit.ok) communeIds.push(hit.unit.id);
        else errors.push({ ...r.at('communes'), message: hit.message });
      }
    }
  }
  const signedOn = (signed.ok && signed.value) || before?.signedOn || null;
  const expiresOn = (expires.ok && expires.value) || before?.expiresOn || null;
  if (signedOn && expiresOn && expiresOn < signedOn) errors.push({ ...r.at('expiresOn'), message: `Ngày hết hiệu lực ${formatDate(expiresOn)} trước ngày ký ${formatDate(signedOn)}.` });
  if (errors.length > 0) {
    c.out.errors.push(...errors);
    return null;
  }
  const keep = (f: AgentField, b: string | null | undefined) => cleanText(cellText(r.get(f))) ?? b ?? null;
  const fields: AgentFields = {
    name: name ?? before!.name, kind: kind!, product: product!, contractNo: keep('contractNo', before?.contractNo), signedOn, expiresOn, officeId: office?.id ?? null,
    status: status!, allCommunes, address: keep('address', before?.address), phone: keep('phone', before?.phone), representative: keep('representative', before?.representative),
    note: keep('note', before?.note),
  };
  if (!before) {
    const where = allCommunes ? 'tất cả các xã' : communeIds && communeIds.length > 0 ? communeIds.map((id) => c.lookups.unitName(id)).join(', ') : null;
    return { action: 'add', id: null, code: code!, fields, communeIds, description: `Thêm ${fields.name} (mã ${code}, ${AGENT_KIND_LABELS[fields.kind]})${where ? `, hoạt động: ${where}` : ''}` };
  }
  const namedBefore = (c.agentCommunes.get(before.id) ?? []).slice().sort((x, y) => x - y);
  const diff = changeLines([
    ['tên', before.name, fields.name], ['loại', AGENT_KIND_LABELS[before.kind], AGENT_KIND_LABELS[fields.kind]], ['số hợp đồng', before.contractNo, fields.contractNo],
    ['ngày ký', formatDate(before.signedOn), formatDate(fields.signedOn)], ['hiệu lực đến', formatDate(before.expiresOn), formatDate(fields.expiresOn)],
    ['cơ quan ký', before.officeName, office?.name ?? null], ['trạng thái', AGENT_STATUS_LABELS[before.status], AGENT_STATUS_LABELS[fields.status]],
    ['phục vụ tất cả các xã', before.allCommunes, fields.allCommunes], ['địa chỉ', before.address, fields.address], ['điện thoại', before.phone, fields.phone],
    ['người đại diện', before.representative, fields.representative], ['ghi chú', before.note, fields.note], ['sản phẩm', before.product, fields.product],
    ...(communeIds
      ? ([['xã hoạt động', namedBefore.map((id) => c.lookups.unitName(id)), [...new Set(communeIds)].sort((x, y) => x - y).map((id) => c.lookups.unitName(id))]] as [string, unknown, unknown][])
      : []),
  ]);
  return { action: 'update', id: before.id, code: code!, fields, communeIds, description: diff.join('; ') };
}

/** Writes exactly the previewed plan: one transaction after a backup, one batch, one audit row per record. */
export async function commitListsImport(ctx: CoreContext, plans: PlanStore<StoredListsPlan>, planId: string): Promise<NetworkImportOutcome> {
  const stored = plans.take(planId);
  if (!stored) throw new AppError('NOT_FOUND', 'Bản xem trước đã hết hạn hoặc đã được nhập; hãy chọn lại tệp.');
  const { fileName, errors } = stored;
  if (errors.length > 0) throw new AppError('IMPORT_REJECTED', `Tệp "${fileName}" còn ${errors.length} lỗi; hãy sửa trong tệp rồi nhập lại. Chưa có gì được ghi.`, { errors: errors.slice(0, 50) });
  if ((await networkFingerprint(ctx.store)) !== stored.fingerprint) throw new AppError('CONFLICT', 'Danh sách đại lý, điểm thu, nhân viên hoặc danh mục đơn vị đã thay đổi kể từ lúc xem trước; hãy xem trước lại.');
  const count = (ops: { action: string }[]) => ({ added: ops.filter((o) => o.action === 'add').length, updated: ops.filter((o) => o.action === 'update').length });
  const counts = { agents: count(stored.agents), points: count(stored.points), staff: count(stored.staff) };
  if (stored.agents.length + stored.points.length + stored.staff.length === 0) throw new AppError('VALIDATION', `Tệp "${fileName}" không có gì mới so với dữ liệu đã có; không cần nhập.`);
  await safetyBackup(ctx, 'pre-import');
  const summary = (['agents', 'points', 'staff'] as const)
    .filter((l) => counts[l].added + counts[l].updated > 0)
    .map((l) => `${LIST_LABELS[l]}: thêm ${formatCount(counts[l].added)}, sửa ${formatCount(counts[l].updated)}`)
    .join('; ');
  const batchId = await ctx.store.transaction(async () => {
    const store = ctx.store;
    const now = isoNow(ctx);
    const batchId = await openBatch(ctx, 'lists', fileName);
    const agentRepo = new AgentRepository(store);
    const pointRepo = new PointRepository(store);
    const staffRepo = new StaffRepository(store);
    const ids = (ops: { action: string; id: number | null }[]) => ops.filter((o) => o.action === 'update').map((o) => o.id!);
    const [agentRows, pointRows, staffRows, agentCommunes, staffCommunes] = await Promise.all([
      rowsById(store, 'agents', ids(stored.agents)), rowsById(store, 'collection_points', ids(stored.points)), rowsById(store, 'agent_staff', ids(stored.staff)),
      namedCommunes(store, 'agent_communes', ids(stored.agents)), namedCommunes(store, 'staff_communes', ids(stored.staff)),
    ]);
    const undo: ListsUndo = {
      kind: 'lists',
      added: { agents: [], points: [], staff: [] },
      updated: {
        agents: agentRows.map((row) => ({ row, communes: agentCommunes.get(Number(row.id)) ?? [] })),
        points: pointRows.map((row) => ({ row })),
        staff: staffRows.map((row) => ({ row, communes: staffCommunes.get(Number(row.id)) ?? [] })),
      },
    };
    const audits: AuditRecord[] = [];
    const agentIds = new Map<string, number>();
    for (const op of stored.agents) {
      let id = op.id;
      if (op.action === 'add') {
        id = await agentRepo.insert(op.code, op.fields, now, { batchId });
        undo.added.agents.push(id);
      } else await agentRepo.update(id!, op.fields, now);
      agentIds.set(op.code, id!);
      if (op.communeIds !== null) await agentRepo.setCommunes(id!, op.communeIds);
      audits.push({ action: op.action === 'add' ? 'create' : 'update', entity: 'agent', entityKey: op.code, summary: `Nhập "${fileName}": ${op.action === 'add' ? op.description : `sửa ${op.fields.name}: ${op.description}`}`, details: { batchId } });
    }
    const agentOf = (op: { agentCode: string; fields: { agentId: number | null } }) => op.fields.agentId ?? agentIds.get(op.agentCode)!;
    for (const op of stored.points) {
      const fields: PointFields = { ...op.fields, agentId: agentOf(op) };
      if (op.action === 'add') undo.added.points.push(await pointRepo.insert(fields, now, { batchId }));
      else await pointRepo.update(op.id!, fields, now);
      audits.push({ action: op.action === 'add' ? 'create' : 'update', entity: 'agent', entityKey: op.agentCode, summary: `Nhập "${fileName}": ${op.action === 'add' ? op.description : `sửa điểm thu ${op.fields.name}: ${op.description}`}`, details: { batchId } });
    }
    for (const op of stored.staff) {
      const fields: StaffFields = { ...op.fields, agentId: agentOf(op) };
      let id = op.id;
      if (op.action === 'add') {
        id = await staffRepo.insert(op.code, fields, now, { batchId });
        undo.added.staff.push(id);
      } else await staffRepo.update(id!, fields, now);
      if (op.communeIds !== null) await staffRepo.setCommunes(id!, op.communeIds);
      audits.push({ action: op.action === 'add' ? 'create' : 'update', entity: 'staff', entityKey: op.code, summary: `Nhập "${fileName}": ${op.action === 'add' ? op.description : `sửa nhân viên ${op.fields.fullName}: ${op.description}`}`, details: { batchId } });
    }
    audits.push({ action: 'import', entity: 'network-import', entityKey: String(batchId), summary: `Nhập danh sách "${fileName}" (lần nhập số ${batchId}): ${summary}`, details: { batchId, file: fileName } });
    await recordAudits(store, ctx.actor, audits, ctx.now());
    await finishBatch(store, batchId, summary, undo);
    return batchId;
  });
  ctx.events.emit({ type: 'data-changed', area: 'network' });
  return { batchId, fileName, counts };
}
