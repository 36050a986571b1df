import { AppError, type CellIssue, type FileRef, type NetworkImportOutcome, type ResultsImportPreview } from '../../../shared/contract';
import { flowValueProblem } from '../../../shared/calc/network';
import { futureMonthMessage } from '../../../shared/calc/valueRules';
import { FLOW_MEASURE_DEFS, FLOW_MEASURES, type FlowMeasure } from '../../../shared/domain/network';
import { monthLabel } from '../../../shared/domain/periods';
import { formatCount } from '../../../shared/format/vi';
import { parseViCell } from '../../../shared/format/viNumber';
import { foldText } from '../../../shared/text/fold';
import { recordAudit } from '../audit/audit';
import { safetyBackup } from '../backups/backups';
import { isoNow, localToday, type CoreContext } from '../app/context';
import type { PlanStore } from '../app/planStore';
import { chunks } from '../db/batching';
import type { Store } from '../db/store';
import { readWorkbookStreamed } from '../excel/stream/grid';
import type { WorkbookData } from '../excel/readWorkbook';
import { periodFromTitle } from '../imports/reportPeriod';
import { finishBatch, openBatch, type ResultsUndo } from './batches';
import { FlowRepository, type FlowWrite } from './flowRepository';
import { ACCEPT, classifyResult, type ResultField } from './importHeaders';
import { cellText, codeOf, dataRows, findTable, HEADER_SCAN_ROWS, refuseTruncated, type Table } from './importSheets';
import { cccdOf } from './importValues';
import { StaffRepository } from './staffRepository';

/**
 * A month's results per staff member from Excel: one row a person, found by staff code, CCCD,
 * or name with the agent; a column per measure (new voluntary BHXH, new household BHYT,
 * renewals, lapses, amounts). Blank cells leave the stored figure alone; 0 is a figure.
 */
export interface StoredResultsPlan {
  fileName: string;
  month: string;
  errors: CellIssue[];
  entries: { ownerId: number; measure: FlowMeasure; value: number }[];
  fingerprint: string;
}

const SHAPE_HINT =
  'Cần dòng tiêu đề có cột nhận biết người ("Mã NV", "Số CCCD" hoặc "Họ tên" cùng "Thuộc ĐL") và ít nhất một cột số liệu ("BHXH TN tăng mới", "BHYT HGĐ tăng mới", "Tái tục", "Giảm", "Số tiền thu BHXH TN", "Số tiền thu BHYT HGĐ").';

export async function previewResultsImport(ctx: CoreContext, plans: PlanStore<StoredResultsPlan>, file: FileRef, month: string | undefined): Promise<ResultsImportPreview> {
  const { name, path } = ctx.files.workbookPath(file);
  const workbook = await readWorkbookStreamed(path, name);
  const plan = await planResultsImport(ctx, workbook, month ?? null);
  const fingerprint = await resultsFingerprint(ctx.store, plan.month);
  const planId = plans.put({ fileName: name, month: plan.month, errors: plan.preview.errors, entries: plan.entries, fingerprint });
  return { planId, fileName: name, ...plan.preview };
}

/** The month's stored results and the staff list: the plan is committed onto the same. */
async function resultsFingerprint(store: Store, month: string): Promise<string> {
  const flows = await store.db
    .selectFrom('network_flows')
    .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('updated_at').as('at'), (eb) => eb.fn.sum<number>('value').as('sum')])
    .where('kind', '=', 'result')
    .where('period', '=', month)
    .where('level', '=', 'staff')
    .executeTakeFirst();
  const staff = await store.db.selectFrom('agent_staff').select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('updated_at').as('at')]).executeTakeFirst();
  return `${Number(flows?.n ?? 0)}:${String(flows?.at ?? '')}:${Number(flows?.sum ?? 0)}|${Number(staff?.n ?? 0)}:${String(staff?.at ?? '')}`;
}

export async function planResultsImport(
  ctx: CoreContext,
  workbook: WorkbookData,
  requested: string | null,
): Promise<{ month: string; entries: StoredResultsPlan['entries']; preview: Omit<ResultsImportPreview, 'planId' | 'fileName'> }> {
  const fileName = workbook.fileName;
  let table: Table<ResultField> | null = null;
  for (const sheet of workbook.sheets) {
    table = findTable(sheet, classifyResult, ACCEPT.results);
    if (table) break;
  }
  if (!table) {
    throw new AppError('FILE_INVALID', `Tệp "${fileName}" không phải bảng kết quả theo nhân viên thu: không tìm thấy dòng tiêu đề trong ${HEADER_SCAN_ROWS} dòng đầu của các trang tính ${workbook.sheets.map((s) => `"${s.name}"`).join(', ')}. ${SHAPE_HINT}`, { file: fileName });
  }
  const t = table;
  refuseTruncated(fileName, t.sheet);
  const sheet = t.sheet.name;
  const errors: CellIssue[] = [];
  const warnings: CellIssue[] = [];
  const titled = periodFromTitle(t.titleLines).period;
  const month = requested ?? titled;
  if (!month) {
    throw new AppError('VALIDATION', `Tệp "${fileName}" không ghi tháng của số liệu (tiêu đề cần có "Tháng 10/2026" hoặc "tháng 10 năm 2026"); hãy chọn tháng.`, { field: 'month', file: fileName });
  }
  if (requested && titled && titled !== requested) {
    warnings.push({ sheet, row: 1, column: null, cell: null, message: `Tiêu đề ghi tháng ${monthLabel(titled)}, nhưng số liệu được nhập vào tháng ${monthLabel(requested)} như đã chọn.` });
  }
  const future = futureMonthMessage(month, localToday(ctx.now()));
  if (future) errors.push({ sheet, row: t.headerIndex + 1, column: null, cell: null, message: future });

  const rows = [...dataRows(t)];
  const measures = FLOW_MEASURES.filter((m) => t.columns[m] !== undefined);
  const repo = new StaffRepository(ctx.store);
  const codes = rows.map((r) => codeOf(r.get('code'))).filter((x): x is string => x !== null);
  const cccds = rows.map((r) => cccdOf(r.get('cccd'))).filter((x): x is string => x !== null);
  const [byCode, holders] = await Promise.all([repo.byCodes(codes), repo.byCccds(cccds)]);
  const names = t.columns.code === undefined || rows.some((r) => !codeOf(r.get('code')) && !cccdOf(r.get('cccd'))) ? await staffByName(ctx.store, rows.map((r) => cellText(r.get('fullName'))).filter((n): n is string => n !== null)) : new Map();
  const holderCodes = [...holders.values()].map((h) => h.code).filter((x) => !byCode.has(x));
  const byHolder = holderCodes.length > 0 ? await repo.byCodes(holderCodes) : new Map();
  const entries: StoredResultsPlan['entries'] = [];
  const seen = new Map<number, number>();
  for (const r of rows) {
    const code = codeOf(r.get('code'));
    const cccd = cccdOf(r.get('cccd'));
    const fullName = cellText(r.get('fullName'));
    let staff: { id: number; fullName: string } | undefined;
    if (code) {
      staff = byCode.get(code);
      if (!staff) {
        errors.push({ ...r.at('code'), message: `Không có nhân viên thu mã "${code}".` });
        continue;
      }
    } else if (cccd) {
      const holder = holders.get(cccd);
      staff = holder ? byCode.get(holder.code) ?? byHolder.get(holder.code) : undefined;
      if (!staff) {
        errors.push({ ...r.at('cccd'), message: 'Không có nhân viên thu nào mang số CCCD này.' });
        continue;
      }
    } else if (fullName) {
      const agentText = cellText(r.get('agent'));
      const candidates = (names.get(foldText(fullName)) ?? []).filter((s: NamedStaff) => !agentText || s.agentCode === agentText || s.agentKey === foldText(agentText));
      if (candidates.length !== 1) {
        errors.push({
          ...r.at('fullName'),
          message: candidates.length === 0 ? `Không có nhân viên thu "${fullName}"${agentText ? ` thuộc "${agentText}"` : ''}.` : `Có ${candidates.length} nhân viên tên "${fullName}"; hãy ghi mã nhân viên hoặc đại lý.`,
        });
        continue;
      }
      staff = candidates[0];
    } else continue;
    const first = seen.get(staff!.id);
    if (first !== undefined) {
      errors.push({ ...r.at(code ? 'code' : cccd ? 'cccd' : 'fullName'), message: `${staff!.fullName} đã có ở dòng ${first}; mỗi người một dòng.` });
      continue;
    }
    seen.set(staff!.id, r.row);
    for (const m of measures) {
      const raw = r.get(m);
      const parsed = parseViCell(typeof raw === 'string' ? raw : raw, FLOW_MEASURE_DEFS[m].kind === 'count' ? 'count' : 'decimal');
      if (!parsed.ok) {
        errors.push({ ...r.at(m), message: `${FLOW_MEASURE_DEFS[m].shortLabel}: ${parsed.message}.` });
        continue;
      }
      if (parsed.value === null) continue;
      const problem = flowValueProblem(FLOW_MEASURE_DEFS[m].kind, parsed.value);
      if (problem) {
        errors.push({ ...r.at(m), message: `${FLOW_MEASURE_DEFS[m].shortLabel}: ${problem}` });
        continue;
      }
      entries.push({ ownerId: staff!.id, measure: m, value: parsed.value });
    }
  }
  const replaced = await countStored(ctx.store, month, entries);
  return {
    month,
    entries,
    preview: { sheet, month, rows: seen.size, values: entries.length, replaced, errors, warnings, canCommit: errors.length === 0 && entries.length > 0 },
  };
}

interface NamedStaff {
  id: number;
  fullName: string;
  agentCode: string;
  agentKey: string;
}

/** Staff by folded name with their agent, for sheets that name people rather than code them. */
async function staffByName(store: Store, names: string[]): Promise<Map<string, NamedStaff[]>> {
  const out = new Map<string, NamedStaff[]>();
  for (const chunk of chunks([...new Set(names.map(foldText))].filter(Boolean))) {
    const rows = await store.db
      .selectFrom('agent_staff as s')
      .innerJoin('agents as a', 'a.id', 's.agent_id')
      .select(['s.id', 's.full_name as fullName', 's.name_key as key', 'a.code as agentCode', 'a.name_key as agentKey'])
      .where('s.name_key', 'in', chunk)
      .execute();
    for (const r of rows) (out.get(r.key) ?? out.set(r.key, []).get(r.key)!).push({ id: r.id, fullName: r.fullName, agentCode: r.agentCode, agentKey: r.agentKey });
  }
  return out;
}

/** How many of these figures are already stored (the import replaces them). */
async function countStored(store: Store, month: string, entries: StoredResultsPlan['entries']): Promise<number> {
  const wanted = new Set(entries.map((e) => `${e.ownerId}|${e.measure}`));
  let n = 0;
  for (const ids of chunks([...new Set(entries.map((e) => e.ownerId))])) {
    const rows = await store.db.selectFrom('network_flows').select(['owner_id', 'measure']).where('kind', '=', 'result').where('level', '=', 'staff').where('period', '=', month).where('owner_id', 'in', ids).execute();
    for (const r of rows) if (wanted.has(`${r.owner_id}|${r.measure}`)) n++;
  }
  return n;
}


/** Writes the previewed figures of the month in one transaction after a backup, as an undoable batch. */
export async function commitResultsImport(ctx: CoreContext, plans: PlanStore<StoredResultsPlan>, planId: string): Promise<NetworkImportOutcome> {
  const stored = plans.take(planId);
  if (!stored) throw new AppError('NOT_FOUND', 'Bản xem trước đã hết hạn hoặc đã được nhập; hãy chọn lại tệp.');
  const { fileName, month, errors, entries } = stored;
  if (errors.length > 0) throw new AppError('IMPORT_REJECTED', `Tệp "${fileName}" còn ${errors.length} lỗi; hãy sửa trong tệp rồi nhập lại. Chưa có gì được ghi.`, { errors: errors.slice(0, 50) });
  const future = futureMonthMessage(month, localToday(ctx.now()));
  if (future) throw new AppError('VALIDATION', future, { field: 'month' });
  if (entries.length === 0) throw new AppError('VALIDATION', `Tệp "${fileName}" không có số liệu nào để nhập.`);
  if ((await resultsFingerprint(ctx.store, month)) !== stored.fingerprint) throw new AppError('CONFLICT', `Kết quả tháng ${monthLabel(month)} hoặc danh sách nhân viên đã thay đổi kể từ lúc xem trước; hãy xem trước lại.`);
  await safetyBackup(ctx, 'pre-import');
  const people = new Set(entries.map((e) => e.ownerId)).size;
  const batchId = await ctx.store.transaction(async () => {
    const store = ctx.store;
    const batchId = await openBatch(ctx, 'results', fileName);
    // The replaced rows as they are, so an undo puts back their batch and time too.
    const meta = new Map<string, { batchId: number | null; isDemo: number; updatedAt: string }>();
    for (const ids of chunks([...new Set(entries.map((e) => e.ownerId))])) {
      const rows = await store.db.selectFrom('network_flows').select(['owner_id', 'measure', 'batch_id', 'is_demo', 'updated_at']).where('kind', '=', 'result').where('level', '=', 'staff').where('period', '=', month).where('owner_id', 'in', ids).execute();
      for (const r of rows) meta.set(`${r.owner_id}|${r.measure}`, { batchId: r.batch_id, isDemo: r.is_demo, updatedAt: r.updated_at });
    }
    const writes: FlowWrite[] = entries.map((e) => ({ level: 'staff', ownerId: e.ownerId, measure: e.measure, value: e.value }));
    const replaced = await new FlowRepository(store).write('result', month, writes, isoNow(ctx), { batchId });
    const undo: ResultsUndo = {
      kind: 'results',
      period: month,
      written: entries.map((e) => ({ ownerId: e.ownerId, measure: e.measure })),
      replaced: replaced.map((r) => ({ ...r, ...meta.get(`${r.ownerId}|${r.measure}`)! })),
    };
    const summary = `kết quả tháng ${monthLabel(month)}: ${formatCount(entries.length)} số liệu của ${formatCount(people)} người, thay ${formatCount(replaced.length)} số đã có`;
    await finishBatch(store, batchId, summary, undo);
    await recordAudit(store, ctx.actor, { action: 'import', entity: 'network-import', entityKey: String(batchId), summary: `Nhập "${fileName}" (lần nhập số ${batchId}): ${summary}`, details: { batchId, file: fileName, month } }, ctx.now());
    return batchId;
  });
  ctx.events.emit({ type: 'data-changed', area: 'network' });
  return { batchId, fileName, counts: { agents: { added: 0, updated: 0 }, points: { added: 0, updated: 0 }, staff: { added: 0, updated: 0 } }, values: entries.length, month };
}
