import { AppError, type CellIssue, type FileRef, type Page, type UnitImportOutcome, type UnitImportPreview, type UnitImportRow } from '../../../shared/contract';
import { formatCount } from '../../../shared/format/vi';
import { toNfc, unitNameKey } from '../../../shared/text/fold';
import { recordAudit } from '../audit/audit';
import { isoNow, type CoreContext } from '../app/context';
import { cancelledError } from '../excel/readInWorker';
import { sheetRowLimit } from '../excel/readWorkbook';
import type { ImportOperation } from '../imports/operations';
import { runCommit, runPreview, type RunRequest } from '../imports/pipeline/runner';
import { pageRows, stagedSession } from '../imports/pipeline/stage';
import type { ImportKind, Located, RawRow, StageRow } from '../imports/pipeline/types';
import type { ListRow, MergeRow, ParsedUnitSheet } from './importParse';
import { readUnitList as readUnitSheets } from './importRead';
import { planUnitImport, unitsFingerprint, type PlanOp, type UnitImportPlan } from './importPlan';
import { UnitRepository } from './repository';
import { closeEmptiedParents } from './service';

const SHAPE_HINT =
  'Danh mục cần các cột "Mã tỉnh", "Tên tỉnh", ("Mã huyện", "Tên huyện"), "Mã xã", "Tên xã", "Cấp"; bảng sáp nhập cần "Mã xã cũ", "Mã xã mới", "Ngày hiệu lực".';

/** What re-planning a unit list needs besides its rows: its shape, sheet and the rows' parse errors. */
export interface UnitListMeta {
  shape: ParsedUnitSheet['shape'];
  sheet: string;
  rowCount: number;
  /** Issues found while parsing (rows that could not be read are not staged). */
  errors: CellIssue[];
}

/** The previewed plan's figures, kept on the session: the preview without its id. */
export interface UnitListSummary {
  preview: Omit<UnitImportPreview, 'planId'>;
  /** The units revision the plan was made on: a commit refuses a plan made on another state. */
  fingerprint: string;
  ops: number;
}

export interface UnitPreviewRequest {
  file: FileRef;
  validFrom?: string | null;
  operationId?: string;
  /** The preview being corrected (another "valid from"): re-planned from its staged rows. */
  planId?: string;
}

/** Reads the list streaming (importRead.ts: bounded memory, the event loop let go between batches) and finds its table; nothing is written. */
async function readUnitList(ctx: CoreContext, req: UnitPreviewRequest, op: ImportOperation): Promise<Located<UnitListMeta>> {
  const { name, path } = ctx.files.workbookPath(req.file);
  op.progress('Đang đọc tệp…', 0, 1);
  const read = await readUnitSheets(path, name, { signal: op.signal, onProgress: (label, done, total) => op.progress(label, done, total + 1) });
  if (op.signal.aborted) throw cancelledError(name);
  if (!read.found) {
    const sheets = read.sheets.map((s) => `"${s}"`).join(', ');
    throw new AppError(
      'FILE_INVALID',
      read.empty
        ? `Tệp "${name}" không có dữ liệu: mọi trang tính (${sheets}) đều trống.`
        : `Tệp "${name}" không phải danh mục đơn vị hành chính: không tìm thấy dòng tiêu đề trong 20 dòng đầu của các trang tính ${sheets}. ${SHAPE_HINT}`,
      { file: name, sheets: read.sheets },
    );
  }
  const { parsed } = read;
  const limit = sheetRowLimit();
  if (read.totalRows !== null && read.totalRows > limit) {
    throw new AppError(
      'FILE_INVALID',
      `Tệp "${name}", trang tính "${parsed.sheet}" có ${formatCount(read.totalRows)} dòng, vượt giới hạn ${formatCount(limit)} dòng; các dòng từ dòng ${formatCount(limit + 1)} trở đi không được đọc. Hãy chia danh mục thành nhiều tệp nhỏ hơn. Chưa có gì được ghi.`,
      { file: name, sheet: parsed.sheet, row: limit + 1 },
    );
  }
  if (parsed.rowCount === 0) {
    throw new AppError('FILE_INVALID', `Tệp "${name}", trang tính "${parsed.sheet}": có dòng tiêu đề nhưng không có dòng dữ liệu nào.`, { file: name, sheet: parsed.sheet });
  }
  // One staged row per Excel row; its parsed record(s) are the raw cells.
  const byRow = new Map<number, unknown[]>();
  for (const r of parsed.rows as (ListRow | MergeRow)[]) byRow.set(r.row, [...(byRow.get(r.row) ?? []), r]);
  return {
    fileName: name, sheet: parsed.sheet, headerRow: null, columns: [],
    meta: { shape: parsed.shape, sheet: parsed.sheet, rowCount: parsed.rowCount, errors: parsed.errors },
    rows: [...byRow].map(([rowNo, cells]) => ({ rowNo, cells })),
  };
}

/** The parsed sheet again, from rows just read or staged. */
function parsedOf(meta: UnitListMeta, rows: RawRow[]): ParsedUnitSheet {
  const records = rows.flatMap((r) => r.cells);
  return { shape: meta.shape, sheet: meta.sheet, rowCount: meta.rowCount, errors: [...meta.errors], rows: records } as ParsedUnitSheet;
}

/**
 * Unit lists and merge tables on the pipeline: read streaming (importRead.ts), their rows staged
 * (status error where the plan found an issue on the row), the plan's figures on the session. The
 * commit plans again from the staged rows inside its transaction, on the same units revision as
 * the preview (else CONFLICT), so it writes exactly what was previewed.
 */
export const unitListKind: ImportKind<UnitPreviewRequest, UnitListMeta, UnitListSummary, null, UnitImportPreview, UnitImportOutcome> = {
  name: 'unit-list',
  read: readUnitList,
  canReuse: () => true,

  async validate(ctx, source, req, op) {
    op.progress('Đang đối chiếu danh mục…', 1, 2);
    // Read before planning: a change made while the plan is worked out must still stop the commit.
    const fingerprint = await unitsFingerprint(ctx.store);
    const plan = await planUnitImport(ctx.store, parsedOf(source.meta, source.rows), req.validFrom);
    const issuesOf = new Map<number, CellIssue[]>();
    for (const e of plan.errors) issuesOf.set(e.row, [...(issuesOf.get(e.row) ?? []), e]);
    const rows: StageRow<null>[] = source.rows.map((r) => {
      const issues = issuesOf.get(r.rowNo) ?? null;
      return { rowNo: r.rowNo, status: issues ? 'error' : 'ok', payload: null, issues, raw: r.cells };
    });
    const preview: UnitListSummary['preview'] = {
      fileName: source.fileName, sheetName: plan.sheet, shape: plan.shape, rowCount: plan.rowCount,
      added: plan.added, updated: plan.updated, unchanged: plan.unchanged, linksAdded: plan.linksAdded,
      errors: plan.errors, changes: plan.changes, validFrom: plan.validFrom,
    };
    return { rows, summary: { preview, fingerprint, ops: plan.ops.length } };
  },

  preview: (session) => ({ planId: session.id, ...session.options.summary.preview }),

  async checkCommit(ctx, session) {
    const { preview, fingerprint } = session.options.summary;
    if (preview.errors.length > 0) {
      throw new AppError('IMPORT_REJECTED', `Tệp "${session.fileName}" còn ${preview.errors.length} lỗi; hãy sửa trong tệp rồi nhập lại. Chưa có gì được ghi.`, { errors: preview.errors.slice(0, 50) });
    }
    if ((await unitsFingerprint(ctx.store)) !== fingerprint) throw changedSincePreview();
  },

  needsBackup: async (ctx, session) => session.options.summary.ops > 0 && (await new UnitRepository(ctx.store).count()) > 0,

  async commit(ctx, session, staged, options) {
    const { preview, fingerprint } = session.options.summary;
    const outcome: UnitImportOutcome = { fileName: session.fileName, added: preview.added, updated: preview.updated, unchanged: preview.unchanged, linksAdded: preview.linksAdded, unitsClosed: 0, backupFile: (options.backupFile as string | null) ?? null };
    if ((await unitsFingerprint(ctx.store)) !== fingerprint) throw changedSincePreview();
    const rows: RawRow[] = [];
    for await (const chunk of staged()) for (const r of chunk) rows.push({ rowNo: r.rowNo, cells: r.raw ?? [] });
    const plan = await planUnitImport(ctx.store, parsedOf(session.options.meta, rows), preview.validFrom);
    // Same rows, same units revision: the same plan. Checked all the same, before any write.
    if (plan.ops.length !== session.options.summary.ops || plan.added !== preview.added || plan.updated !== preview.updated || plan.linksAdded !== preview.linksAdded) throw changedSincePreview();
    if (plan.ops.length > 0) await writeUnitPlan(ctx, new UnitRepository(ctx.store), plan, session.fileName, outcome);
    return { batchId: null, outcome };
  },
};

function changedSincePreview(): AppError {
  return new AppError('CONFLICT', 'Danh mục đơn vị đã thay đổi kể từ lúc xem trước; hãy xem trước lại.');
}

/**
 * Reads a unit list or merge table and works out every change, without writing anything: a
 * pipeline job with progress events and a cancel ('imports:cancel' with the same operation id)
 * like a report's preview. With `planId`, that preview is planned again from its staged rows.
 */
export function previewUnitImport(ctx: CoreContext, req: UnitPreviewRequest): Promise<UnitImportPreview> {
  return runPreview<UnitPreviewRequest & RunRequest, UnitImportPreview>(ctx, unitListKind, { ...req, ...(req.planId ? { sessionId: req.planId } : {}) });
}

/** Applies exactly the previewed plan, after a backup, in one transaction. */
export async function commitUnitImport(ctx: CoreContext, planId: string): Promise<UnitImportOutcome> {
  const { outcome, backupFile } = await runCommit<UnitImportOutcome>(ctx, unitListKind, planId);
  if (outcome.added + outcome.updated + outcome.linksAdded > 0) ctx.events.emit({ type: 'data-changed', area: 'units' });
  return { ...outcome, backupFile };
}

/** A page (1-based) of a unit-list preview's staged rows: the row number, its status and its issues. */
export async function unitStagedRows(ctx: CoreContext, req: { planId: string; page: number; pageSize: number; filter?: 'all' | 'ok' | 'error' }): Promise<Page<UnitImportRow>> {
  await stagedSession(ctx.store, req.planId, unitListKind.name);
  const offset = (req.page - 1) * req.pageSize;
  const page = await pageRows<null>(ctx.store, req.planId, { offset, limit: req.pageSize, statuses: req.filter && req.filter !== 'all' ? [req.filter] : undefined });
  return { items: page.items.map((r) => ({ row: r.rowNo, status: r.status as UnitImportRow['status'], issues: (r.issues ?? []) as CellIssue[] })), total: page.total, offset, limit: req.pageSize };
}

async function writeUnitPlan(ctx: CoreContext, repo: UnitRepository, plan: UnitImportPlan, fileName: string, outcome: UnitImportOutcome): Promise<void> {
  await ctx.store.transaction(async () => {
    const now = isoNow(ctx);
    const existing = await repo.allByCode();
    const ids = new Map([...existing].map(([code, unit]) => [code, unit.id]));
    const idOf = (code: string) => {
      const id = ids.get(code);
      if (id === undefined) throw new AppError('INTERNAL', `Không tìm thấy đơn vị ${code} khi ghi.`);
      return id;
    };
    // New units level by level (provinces, then districts, communes), each level in multi-row
    // inserts: a national list is a few dozen statements, not ten thousand.
    const adds = plan.ops.filter((op): op is Extract<PlanOp, { op: 'add' }> => op.op === 'add');
    for (const level of ['province', 'district', 'commune', 'hamlet'] as const) {
      const batch = adds.filter((op) => op.level === level);
      const newIds = await repo.insertMany(
        batch.map((op) => {
          const name = toNfc(op.name);
          return { code: op.code, name, nameKey: unitNameKey(name), level: op.level, kind: op.kind, parentId: op.parentCode ? idOf(op.parentCode) : null, validFrom: op.validFrom, validTo: null };
        }),
        now,
      );
      batch.forEach((op, i) => ids.set(op.code, newIds[i]!));
    }
    const closedCodes: string[] = [];
    for (const op of plan.ops) {
      switch (op.op) {
        case 'add':
          break;
        case 'update': {
          const current = existing.get(op.code)!;
          const name = toNfc(op.name);
          await repo.update(current.id, { name, nameKey: unitNameKey(name), kind: op.kind, parentId: op.parentCode ? idOf(op.parentCode) : null, validFrom: current.validFrom, validTo: current.validTo }, now);
          break;
        }
        case 'close':
          await repo.setValidTo(idOf(op.code), op.validTo, now);
          closedCodes.push(op.code);
          break;
        case 'setValidFrom':
          await repo.setValidFrom(idOf(op.code), op.validFrom, now);
          break;
        case 'link':
          await repo.upsertLink(idOf(op.fromCode), idOf(op.toCode), op.effectiveDate, op.share);
          break;
      }
    }
    outcome.unitsClosed = closedCodes.length + (closedCodes.length ? await closeEmptiedParents(repo, closedCodes, now) : 0);
    await recordAudit(
      ctx.store,
      ctx.actor,
      {
        action: 'import',
        entity: 'unit',
        entityKey: null,
        summary: `Nhập "${fileName}": thêm ${formatCount(plan.added)}, cập nhật ${formatCount(plan.updated)}, liên kết sáp nhập ${formatCount(plan.linksAdded)}`,
        details: { file: fileName, shape: plan.shape, ops: plan.ops.length },
      },
      ctx.now(),
    );
  });
}
