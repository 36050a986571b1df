import { AppError, type FileRef, type UnitImportOutcome, type UnitImportPreview } from '../../../shared/contract';
import { formatCount } from '../../../shared/format/vi';
import { toNfc, unitNameKey } from '../../../shared/text/fold';
import { recordAudit } from '../audit/audit';
import { safetyBackup } from '../backups/backups';
import { isoNow, type CoreContext } from '../app/context';
import { commitFailure } from '../app/errors';
import type { PlanStore } from '../app/planStore';
import { cancelledError, readUnitListInWorker } from '../excel/readInWorker';
import { sheetRowLimit } from '../excel/readWorkbook';
import { startOperation, type ImportOperation } from '../imports/operations';
import { planUnitImport, unitsFingerprint, type PlanOp, type UnitImportPlan } from './importPlan';
import { UnitRepository } from './repository';
import { closeEmptiedParents } from './service';

export interface StoredUnitPlan {
  plan: UnitImportPlan;
  fileName: string;
  fingerprint: string;
  /** Set while a commit of this plan is running (a second click must not apply it twice). */
  committing?: boolean;
}

const SHAPE_HINT =
  'Danh mục cần các cột "Mã tỉnh", "Tên tỉnh", ("Mã huyện", "Tên huyện"), "Mã xã", "Tên xã", "Cấp"; bảng sáp nhập cần "Mã xã cũ", "Mã xã mới", "Ngày hiệu lực".';

/**
 * Reads a unit list or merge table and works out every change, without writing anything. The
 * file is parsed in the workbook worker (bounded heap), with progress events and a cancel
 * ('imports:cancel' with the same operation id) like a report's preview.
 */
export async function previewUnitImport(ctx: CoreContext, plans: PlanStore<StoredUnitPlan>, file: FileRef, validFrom?: string | null, operationId?: string): Promise<UnitImportPreview> {
  const op = startOperation(ctx, operationId);
  try {
    return await buildUnitPreview(ctx, plans, file, validFrom, op);
  } finally {
    op.end();
  }
}

async function buildUnitPreview(ctx: CoreContext, plans: PlanStore<StoredUnitPlan>, file: FileRef, validFrom: string | null | undefined, op: ImportOperation): Promise<UnitImportPreview> {
  const { name, bytes } = ctx.files.read(file);
  op.progress('Đang đọc tệp…', 0, 1);
  const read = await readUnitListInWorker(bytes, name, { signal: op.signal, onProgress: (p) => op.progress(p.label, p.done, p.total + 1) });
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
  op.progress('Đang đối chiếu danh mục…', 1, 2);
  // Read before planning: a change made while the plan is worked out must still stop the commit.
  const fingerprint = await unitsFingerprint(ctx.store);
  const plan = await planUnitImport(ctx.store, parsed, validFrom);
  if (op.signal.aborted) throw cancelledError(name);
  const planId = plans.put({ plan, fileName: name, fingerprint });
  return {
    planId, fileName: name, sheetName: plan.sheet, shape: plan.shape, rowCount: plan.rowCount,
    added: plan.added, updated: plan.updated, unchanged: plan.unchanged, linksAdded: plan.linksAdded,
    errors: plan.errors, changes: plan.changes, validFrom: plan.validFrom,
  };
}

/** Applies exactly the previewed plan, after a backup, in one transaction. */
export async function commitUnitImport(ctx: CoreContext, plans: PlanStore<StoredUnitPlan>, planId: string): Promise<UnitImportOutcome> {
  // Peeked, not taken: a commit that fails leaves the preview for another try.
  const stored = plans.peek(planId);
  if (!stored) throw new AppError('NOT_FOUND', 'Bản xem trước đã hết hạn hoặc đã được nhập; hãy chọn lại tệp.');
  const { plan, fileName } = stored;
  if (stored.committing) throw new AppError('CONFLICT', `Tệp "${fileName}" đang được nhập; hãy chờ lần nhập này xong.`);
  if (plan.errors.length > 0) {
    throw new AppError('IMPORT_REJECTED', `Tệp "${fileName}" còn ${plan.errors.length} lỗi; hãy sửa trong tệp rồi nhập lại. Chưa có gì được ghi.`, { errors: plan.errors.slice(0, 50) });
  }
  stored.committing = true;
  try {
    return await applyUnitPlan(ctx, plans, planId, stored);
  } finally {
    stored.committing = false;
  }
}

async function applyUnitPlan(ctx: CoreContext, plans: PlanStore<StoredUnitPlan>, planId: string, stored: StoredUnitPlan): Promise<UnitImportOutcome> {
  const { plan, fileName } = stored;
  if ((await unitsFingerprint(ctx.store)) !== stored.fingerprint) {
    plans.take(planId);
    throw new AppError('CONFLICT', 'Danh mục đơn vị đã thay đổi kể từ lúc xem trước; hãy xem trước lại.');
  }
  const outcome: UnitImportOutcome = { fileName, added: plan.added, updated: plan.updated, unchanged: plan.unchanged, linksAdded: plan.linksAdded, unitsClosed: 0, backupFile: null };
  if (plan.ops.length === 0) {
    plans.take(planId);
    return outcome;
  }
  const repo = new UnitRepository(ctx.store);
  if ((await repo.count()) > 0) outcome.backupFile = await safetyBackup(ctx, 'pre-import');
  try {
    await writeUnitPlan(ctx, repo, plan, fileName, outcome);
  } catch (error) {
    throw commitFailure(error, fileName);
  }
  plans.take(planId);
  ctx.events.emit({ type: 'data-changed', area: 'units' });
  return outcome;
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
