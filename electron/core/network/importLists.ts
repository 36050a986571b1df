import { AppError, type FileRef, type NetworkImportChange, type NetworkImportOutcome, type NetworkImportPreview, type NetworkListKind } from '../../../shared/contract';
import { formatCount } from '../../../shared/format/vi';
import { recordAudits, type AuditRecord } from '../audit/audit';
import { safetyBackup } from '../backups/backups';
import { isoNow, localToday, type CoreContext } from '../app/context';
import type { PlanStore } from '../app/planStore';
import { readWorkbookStreamed } from '../excel/stream/grid';
import type { WorkbookData } from '../excel/readWorkbook';
import { AgentRepository } from './agentRepository';
import { finishBatch, openBatch, rowsById, type ListsUndo } from './batches';
import { planAgents } from './importAgents';
import { ACCEPT, classifyAgent, classifyPoint, classifyResult, classifyStaff, LIST_LABELS, SHAPE_HINT, type AgentField, type PointField, type StaffField } from './importHeaders';
import type { Collect, ListContext, StoredListsPlan } from './importListContext';
import { agentsByNameKey, ImportLookups, namedCommunes, networkFingerprint } from './importLookups';
import { planPoints } from './importPoints';
import { cellText, codeOf, dataRows, findTable, HEADER_SCAN_ROWS, refuseTruncated, type Table } from './importSheets';
import { planStaff } from './importStaff';
import { PointRepository, type PointFields } from './pointRepository';
import { StaffRepository, type StaffFields } from './staffRepository';

export type { StoredListsPlan };

/**
 * The network's lists from Excel: agents, collection points and staff, one list per workbook or
 * one sheet per list, each told by its headers. A code on record updates that record (blank
 * cells keep what is there), a new code adds one. Preview works out everything; commit writes
 * exactly that plan after a backup, in one transaction, as one batch that can be undone.
 */
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
  const { name, path } = ctx.files.workbookPath(file);
  const workbook = await readWorkbookStreamed(path, name);
  const fingerprint = await networkFingerprint(ctx.store);
  const { stored, preview } = await planListsImport(ctx, workbook);
  const planId = plans.put({ ...stored, fileName: name, fingerprint });
  return { planId, fileName: name, ...preview };
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
  const agentRefs = [...agentRows.map((r) => codeOf(r.get('code'))), ...pointRows.map((r) => codeOf(r.get('agent'))), ...staffRows.map((r) => codeOf(r.get('agent')))].filter((x): x is string => x !== null);
  const agentRepo = new AgentRepository(ctx.store);
  const existingAgents = await agentRepo.byCodes(agentRefs);
  const agentsByName = await agentsByNameKey(ctx.store, [...pointRows.map((r) => cellText(r.get('agent'))), ...staffRows.map((r) => cellText(r.get('agent')))].filter((t): t is string => t !== null && !existingAgents.has(t)));
  const agentCommunes = await namedCommunes(ctx.store, 'agent_communes', [...existingAgents.values()].map((a) => a.id));

  const changes: NetworkImportChange[] = [];
  const counts: NetworkImportPreview['counts'] = { agents: { added: 0, updated: 0, unchanged: 0 }, points: { added: 0, updated: 0, unchanged: 0 }, staff: { added: 0, updated: 0, unchanged: 0 } };
  const record = (list: NetworkListKind, action: 'add' | 'update', code: string, name: string, description: string) => {
    changes.push({ list, action, code, name, description });
    counts[list][action === 'add' ? 'added' : 'updated']++;
  };
  const c: ListContext = {
    store: ctx.store, lookups, existingAgents, agentsByName, agentCommunes, fileAgents: new Map(), agentsSheet: agentsHit?.table.sheet.name ?? null, out, counts, record,
  };
  // Agents first: the points and staff below may name the agents the file adds.
  const agentOps = agentsHit ? planAgents(c, agentsHit.table, agentRows) : [];
  const pointOps = pointsHit ? await planPoints(c, pointsHit.table, pointRows) : [];
  const staffOps = staffHit ? await planStaff(c, staffHit.table, staffRows) : [];

  return {
    stored: { errors: out.errors, agents: agentOps, points: pointOps, staff: staffOps },
    preview: { sheets, counts, errors: out.errors, warnings: out.warnings, changes, canCommit: out.errors.length === 0 && agentOps.length + pointOps.length + staffOps.length > 0 },
  };
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
