import { columnLetterAt } from '../../../shared/format/cells';
import { AppError, type CampaignImportChange, type CampaignImportOutcome, type CampaignImportPreview, type CellIssue, type FileRef } from '../../../shared/contract';
import { CAMPAIGN_KIND_SHORT } from '../../../shared/domain/campaigns';
import { formatCount, formatDate } from '../../../shared/format/vi';
import { recordAudits, type AuditRecord } from '../audit/audit';
import { safetyBackup } from '../backups/backups';
import { isoNow, localToday, type CoreContext } from '../app/context';
import type { PlanStore } from '../app/planStore';
import { readWorkbookStreamed } from '../excel/stream/grid';
import type { WorkbookData } from '../excel/readWorkbook';
import { AgentRepository } from '../network/agentRepository';
import { agentsByNameKey, ImportLookups } from '../network/importLookups';
import { cellText, dataRows, findTable, HEADER_SCAN_ROWS, refuseTruncated, type Table } from '../network/importSheets';
import { splitNames } from '../network/importValues';
import { CampaignRepository, type CampaignWrite, type StoredCampaign } from './campaignRepository';
import { campaignsFingerprint, finishCampaignBatch, openCampaignBatch, type CampaignUndo } from './importBatches';
import { acceptCampaign, CAMPAIGN_SHAPE_HINT, classifyCampaign, FIELD_LABELS, type CampaignField } from './importHeaders';
import { readCampaigns, type CampaignDraft } from './importRead';

/**
 * Campaign tables from Excel: preview reads the first sheet with a campaign table, puts a
 * campaign's days together, matches each campaign to one on record by (folded name, first day)
 * and works out what changes; commit writes exactly that plan after a backup, in one
 * transaction, as one batch that can be undone.
 */
export interface CampaignOp {
  action: 'add' | 'update';
  /** The campaign on record (update). */
  id: number | null;
  write: CampaignWrite;
  label: string;
}

export interface StoredCampaignPlan {
  fileName: string;
  fingerprint: string;
  errors: CellIssue[];
  ops: CampaignOp[];
  counts: CampaignImportPreview['counts'];
}

type Previewed = Omit<CampaignImportPreview, 'planId' | 'fileName'>;

/** The first sheet holding a campaign table. */
export function findCampaignTable(workbook: WorkbookData): Table<CampaignField> | null {
  for (const sheet of workbook.sheets) {
    const t = findTable(sheet, classifyCampaign, acceptCampaign);
    if (t) return t;
  }
  return null;
}

export async function previewCampaignImport(ctx: CoreContext, plans: PlanStore<StoredCampaignPlan>, file: FileRef): Promise<CampaignImportPreview> {
  const { name, path } = ctx.files.workbookPath(file);
  const workbook = await readWorkbookStreamed(path, name);
  const fingerprint = await campaignsFingerprint(ctx.store);
  const { stored, preview } = await planCampaignImport(ctx, workbook);
  const planId = plans.put({ ...stored, fileName: name, fingerprint });
  return { planId, fileName: name, ...preview };
}

export async function planCampaignImport(ctx: CoreContext, workbook: WorkbookData): Promise<{ stored: Omit<StoredCampaignPlan, 'fileName' | 'fingerprint'>; preview: Previewed }> {
  const fileName = workbook.fileName;
  const table = findCampaignTable(workbook);
  if (!table) {
    const empty = workbook.sheets.every((s) => s.rows.every((r) => (r ?? []).every((c) => cellText(c) === null)));
    throw new AppError(
      'FILE_INVALID',
      empty
        ? `Tệp "${fileName}" không có dữ liệu: các trang tính đều trống. Chưa có gì được ghi.`
        : `Tệp "${fileName}" không phải bảng kết quả tuyên truyền: không tìm thấy dòng tiêu đề trong ${HEADER_SCAN_ROWS} dòng đầu của các trang tính ${workbook.sheets.map((s) => `"${s.name}"`).join(', ')}. ${CAMPAIGN_SHAPE_HINT} Chưa có gì được ghi.`,
      { file: fileName },
    );
  }
  refuseTruncated(fileName, table.sheet);
  const sheet = table.sheet.name;

  // Everything the rows name, looked up at once.
  const lookups = await ImportLookups.load(ctx.store, localToday(ctx.now()));
  const partnerWords = [...dataRows(table)].flatMap((r) => splitNames(cellText(r.get('partner')) ?? ''));
  const agentRows = await new AgentRepository(ctx.store).byCodes(partnerWords.map((w) => w.replace(/\s+/g, '')));
  const agentByCode = new Map([...agentRows.values()].map((a) => [a.code, { id: a.id, code: a.code, name: a.name }]));
  const agentsByName = await agentsByNameKey(ctx.store, partnerWords);

  const out = { errors: [] as CellIssue[], warnings: [] as CellIssue[] };
  const { drafts, layout, rows } = readCampaigns(table, { lookups, agentByCode, agentsByName }, out);
  if (rows === 0) throw new AppError('FILE_INVALID', `Tệp "${fileName}", trang "${sheet}" có dòng tiêu đề nhưng không có dòng hoạt động nào. Chưa có gì được ghi.`, { file: fileName, sheet });

  const repo = new CampaignRepository(ctx.store);
  const found = await repo.findByKeys(drafts.map((d) => ({ nameKey: d.nameKey, startsOn: d.startsOn })));
  const existing = await repo.loadMany([...found.values()]);
  const ops: CampaignOp[] = [];
  const changes: CampaignImportChange[] = [];
  const counts = { added: 0, updated: 0, unchanged: 0 };
  for (const d of drafts) {
    const id = found.get(`${d.nameKey}|${d.startsOn}`) ?? null;
    const before = id === null ? null : existing.get(id) ?? null;
    const write = writeOf(d, table, before);
    const action = before === null ? 'add' : sameWrite(write, before) ? 'unchanged' : 'update';
    counts[action === 'add' ? 'added' : action === 'update' ? 'updated' : 'unchanged']++;
    const label = `${d.name} (${CAMPAIGN_KIND_SHORT[d.kind]}, ${formatDate(d.startsOn)}${d.endsOn !== d.startsOn ? ` – ${formatDate(d.endsOn)}` : ''})`;
    if (action !== 'unchanged') ops.push({ action, id: before?.id ?? null, write, label });
    const total = (p: 'BHXH_TN' | 'BHYT_HGD') => d.days.reduce<number | null>((a, day) => (day.signups[p] === null ? a : (a ?? 0) + day.signups[p]!), null);
    changes.push({
      rows: d.rows, sheet, action, name: d.name, kind: d.kind, startsOn: d.startsOn, endsOn: d.endsOn, days: d.days.length,
      attendees: d.days.reduce<number | null>((a, day) => (day.attendees === null ? a : (a ?? 0) + day.attendees), null),
      signups: { BHXH_TN: total('BHXH_TN'), BHYT_HGD: total('BHYT_HGD') },
      plan: { ...write.plan },
      sessions: write.sessions,
      place: write.place,
      unitCodes: d.unitCodes,
      partners: write.partners.map((p) => p.name),
      cost: write.cost,
    });
  }
  const columns = (Object.entries(table.columns) as [CampaignField, number][])
    .sort((a, b) => a[1] - b[1])
    .map(([field, j]) => ({ column: columnLetter(table, j), header: table.labels[field] ?? '', field, label: FIELD_LABELS[field] }));
  const canCommit = out.errors.length === 0 && ops.length > 0;
  return {
    stored: { errors: out.errors, ops, counts },
    preview: { sheet, layout, rows, counts, columns, changes, errors: out.errors, warnings: out.warnings, canCommit },
  };
}

function columnLetter(t: Table<CampaignField>, j: number): string {
  return columnLetterAt(t.sheet.firstCol + j);
}

/** The campaign as the file says it; what the file has no column for stays as on record. */
function writeOf(d: CampaignDraft, t: Table<CampaignField>, before: StoredCampaign | null): CampaignWrite {
  const has = (f: CampaignField) => t.columns[f] !== undefined;
  const keep = <T>(covered: boolean, fromFile: T, onRecord: T | undefined): T => (covered || !before ? fromFile : (onRecord as T));
  const resources = { ...d.resources };
  if (before) for (const k of Object.keys(resources) as (keyof typeof resources)[]) if (!has(k)) resources[k] = before.resources[k];
  return {
    name: d.name,
    kind: d.kind,
    startsOn: d.startsOn,
    endsOn: d.endsOn,
    officeId: keep(has('office') || d.officeId !== null, d.officeId, before?.officeId),
    place: keep(has('place'), d.place, before?.place),
    sessions: keep(has('sessions'), d.sessions, before?.sessions),
    audiences: keep(has('audience'), d.audiences, before?.audiences),
    resources,
    cost: keep(has('cost'), d.cost, before?.cost),
    plan: { BHXH_TN: keep(has('planTn'), d.plan.BHXH_TN, before?.plan.BHXH_TN), BHYT_HGD: keep(has('planHgd'), d.plan.BHYT_HGD, before?.plan.BHYT_HGD) },
    notes: keep(has('notes') || has('audience'), d.notes, before?.notes),
    attachments: before?.attachments ?? [],
    days: d.days.map((day) => ({ ...day, signups: { ...day.signups } })),
    unitIds: keep(has('place'), d.unitIds, before?.unitIds),
    partners: keep(has('partner'), d.partners.map((p) => ({ agentId: p.agentId, name: p.name })), before?.partners),
  };
}

/** Whether writing `w` would change nothing of the stored campaign. */
function sameWrite(w: CampaignWrite, s: StoredCampaign): boolean {
  const norm = (c: CampaignWrite) =>
    JSON.stringify({
      name: c.name, kind: c.kind, startsOn: c.startsOn, endsOn: c.endsOn, officeId: c.officeId, place: c.place, sessions: c.sessions, audiences: [...c.audiences].sort(),
      resources: c.resources, cost: c.cost, plan: c.plan, notes: c.notes, attachments: c.attachments,
      days: [...c.days].sort((a, b) => a.day.localeCompare(b.day)).map((d) => [d.day, d.attendees, d.signups.BHXH_TN, d.signups.BHYT_HGD, d.note]),
      unitIds: [...new Set(c.unitIds)].sort((a, b) => a - b), partners: c.partners.map((p) => [p.agentId, p.name]),
    });
  return norm(w) === norm(s);
}

/** Writes exactly the previewed plan: a backup, then one transaction with the batch, the campaigns and their audit rows. */
export async function commitCampaignImport(ctx: CoreContext, plans: PlanStore<StoredCampaignPlan>, planId: string): Promise<CampaignImportOutcome> {
  const stored = plans.take(planId);
  if (!stored) throw new AppError('NOT_FOUND', 'Bản xem trước đã hết hạn hoặc đã được nhập; hãy chọn lại tệp.');
  const { fileName, errors, ops } = stored;
  if (errors.length > 0) throw new AppError('IMPORT_REJECTED', `Tệp "${fileName}" còn ${formatCount(errors.length)} lỗi; hãy sửa trong tệp rồi nhập lại. Chưa có gì được ghi.`, { errors: errors.slice(0, 50) });
  if (ops.length === 0) throw new AppError('VALIDATION', `Tệp "${fileName}" không có gì mới so với dữ liệu đã có; không cần nhập.`);
  if ((await campaignsFingerprint(ctx.store)) !== stored.fingerprint) throw new AppError('CONFLICT', 'Danh sách hoạt động tuyên truyền hoặc danh mục đơn vị đã thay đổi kể từ lúc xem trước; hãy xem trước lại.');
  const added = ops.filter((o) => o.action === 'add').length;
  const updated = ops.length - added;
  const summary = `thêm ${formatCount(added)}, sửa ${formatCount(updated)} hoạt động tuyên truyền`;
  const backup = await safetyBackup(ctx, 'pre-import');
  const batchId = await ctx.store.transaction(async () => {
    const now = isoNow(ctx);
    const repo = new CampaignRepository(ctx.store);
    const batchId = await openCampaignBatch(ctx, fileName);
    const previous = await repo.loadMany(ops.filter((o) => o.action === 'update').map((o) => o.id!));
    const undo: CampaignUndo = { added: [], updated: [...previous.values()] };
    const audits: AuditRecord[] = [];
    for (const op of ops) {
      if (op.action === 'add') {
        const id = await repo.insert({ ...op.write, batchId }, now);
        undo.added.push(id);
        audits.push({ action: 'create', entity: 'campaign', entityKey: String(id), summary: `Nhập "${fileName}": thêm ${op.label}`, details: { batchId } });
      } else {
        await repo.replace(op.id!, { ...op.write, batchId }, now);
        audits.push({ action: 'update', entity: 'campaign', entityKey: String(op.id), summary: `Nhập "${fileName}": sửa ${op.label}`, details: { batchId } });
      }
    }
    audits.push({ action: 'import', entity: 'campaign-import', entityKey: String(batchId), summary: `Nhập bảng tuyên truyền "${fileName}" (lần nhập số ${batchId}): ${summary}`, details: { batchId, file: fileName } });
    await recordAudits(ctx.store, ctx.actor, audits, ctx.now());
    await finishCampaignBatch(ctx.store, batchId, summary, undo);
    return batchId;
  });
  ctx.events.emit({ type: 'data-changed', area: 'campaigns' });
  return { batchId, fileName, added, updated, backup };
}
