import { AppError, type ColumnRole, type ImportBatch, type Page, type PageRequest } from '../../../shared/contract';
import { monthBounds, monthLabel } from '../../../shared/domain/periods';
import { indicatorByCode } from '../../../shared/domain/indicators';
import { formatCount } from '../../../shared/format/vi';
import { recordAudit } from '../audit/audit';
import { isoNow, type CoreContext } from '../app/context';
import { ResultRepository } from '../results/repository';
import { TargetRepository, type TargetRow } from '../targets/repository';
import { IMPORTED_TARGET_SOURCE, type PlannedValue } from './preview';
import type { StageReader } from './pipeline/types';
import type { ReportPayload, ReportSummary } from './reportKind';
import { ImportRepository, type BatchItem } from './repository';

/** The preview's checks before anything is written: a rejected preview, or nothing to write. */
export function checkReportCommit(summary: ReportSummary, counts: Record<string, number>, options: { skipErrorRows?: boolean }): { skippedRows: number } {
  const { preview } = summary;
  // The plan holds the valid rows' values only; skipping the others is the user's explicit choice.
  const partial = !preview.canCommit && Boolean(options.skipErrorRows) && preview.canCommitValidRows;
  if ((!preview.canCommit && !partial) || !preview.period) {
    throw new AppError('IMPORT_REJECTED', `Tệp "${preview.fileName}" chưa nhập được: ${preview.errors[0]?.message ?? 'không có gì thay đổi'}. Chưa có gì được ghi.`, { errors: preview.errors.slice(0, 50) });
  }
  return { skippedRows: partial ? (counts.error ?? 0) + (counts.unmatched ?? 0) : 0 };
}

/**
 * Writes exactly the previewed plan (the planned values of the staged rows that are ok) as one
 * recorded batch; runs inside the pipeline's transaction, after its backup. Re-importing an
 * office's month replaces its figures (the month's rows of each unit and indicator), and the
 * batch keeps what it replaced so it can be undone. Reads and writes go by set (one query per
 * indicator or per plan year), never one per row.
 */
export async function writeReport(ctx: CoreContext, summary: ReportSummary, staged: StageReader<ReportPayload>, skippedRows: number): Promise<{ batchId: number; written: number; replaced: number }> {
  const { preview } = summary;
  const planned: PlannedValue[] = [];
  for await (const chunk of staged(['ok'])) for (const r of chunk) planned.push(...(r.payload?.planned ?? []));
  const results = new ResultRepository(ctx.store);
  const targets = new TargetRepository(ctx.store);
  const imports = new ImportRepository(ctx.store);
  const { from, to } = monthBounds(preview.period!);
  const year = Number(preview.period!.slice(0, 4));
  const resultPlan = planned.filter((p) => p.kind === 'result');
  const targetPlan = planned.filter((p) => p.kind === 'target');
  let replaced = 0;
  const now = isoNow(ctx);
  const items: BatchItem[] = [];
  // Results: what the month holds now for these cells, then replaced in one delete per indicator.
  const old = new Map<string, { asOf: string; value: number; note: string | null }[]>();
  for (const r of await results.forUnitsInRange(resultPlan.map((p) => p.unitId), from, to)) {
    const key = `${r.unitId}|${r.indicatorCode}`;
    old.set(key, [...(old.get(key) ?? []), { asOf: r.asOf, value: r.value, note: r.note }]);
  }
  for (const code of new Set(resultPlan.map((p) => p.indicatorCode))) {
    await results.deleteInRange(resultPlan.filter((p) => p.indicatorCode === code).map((p) => p.unitId), code, from, to);
  }
  await results.upsertMany(resultPlan.map((p) => ({ unitId: p.unitId, indicatorCode: p.indicatorCode, asOf: summary.asOf, value: p.value, note: null })), now);
  for (const p of resultPlan) {
    const before = old.get(`${p.unitId}|${p.indicatorCode}`) ?? [];
    if (before.length) replaced++;
    items.push({ kind: 'result', unitId: p.unitId, indicatorCode: p.indicatorCode, asOf: summary.asOf, year: null, oldRows: JSON.stringify(before), newValue: p.value });
  }
  // Targets: the latest of each cell per plan year, corrected in place or given.
  const fresh: TargetRow[] = [];
  for (const planYear of new Set(targetPlan.map((p) => p.year ?? year))) {
    const inYear = targetPlan.filter((p) => (p.year ?? year) === planYear);
    const latest = await targets.latestMany(inYear.map((p) => p.unitId), planYear, '', IMPORTED_TARGET_SOURCE);
    for (const p of inYear) {
      const current = latest.get(`${p.unitId}|${p.indicatorCode}`);
      if (current) {
        replaced++;
        await targets.updateValue(current.id, { value: p.value, decisionNo: current.decisionNo, decisionDate: current.decisionDate, note: current.note }, now);
      } else fresh.push({ unitId: p.unitId, indicatorCode: p.indicatorCode, year: planYear, period: '', source: IMPORTED_TARGET_SOURCE, value: p.value, isRate: false, decisionNo: null, decisionDate: null });
      items.push({ kind: 'target', unitId: p.unitId, indicatorCode: p.indicatorCode, asOf: null, year: planYear, oldRows: current ? JSON.stringify({ id: current.id, value: current.value }) : null, newValue: p.value });
    }
  }
  await targets.insertMany(fresh, now);
  const id = await imports.insertBatch({
    fileName: preview.fileName, sheet: preview.sheet, period: preview.period!, officeName: preview.officeName, officeCode: preview.officeCode, sourceKey: summary.sourceKey,
    at: now, actor: ctx.actor, written: items.length, replaced, warnings: preview.warningDetails,
  });
  await imports.insertItems(id, items);
  for (const alias of summary.aliases) await imports.saveAlias(summary.sourceKey, alias.typedKey, alias.unitId);
  if (summary.columnsOverridden) await imports.saveMapping(summary.sourceKey, summary.headerSignature, JSON.stringify(preview.columns.map(({ column, role, indicatorCode }) => ({ column, role, indicatorCode }))));
  await recordAudit(ctx.store, ctx.actor, {
    action: 'import', entity: 'import_batch', entityKey: String(id),
    summary: `Nhập "${preview.fileName}" kỳ ${monthLabel(preview.period!)}: ghi ${formatCount(items.length)} số liệu, thay thế ${formatCount(replaced)}${skippedRows ? `, bỏ qua ${formatCount(skippedRows)} dòng lỗi` : ''}`,
  }, ctx.now());
  return { batchId: id, written: planned.length, replaced };
}

/** Puts back what a batch replaced (and removes what it added), in one transaction. */
export async function undoImport(ctx: CoreContext, batchId: number): Promise<{ restored: number }> {
  const imports = new ImportRepository(ctx.store);
  const batch = await imports.byId(batchId);
  if (!batch) throw new AppError('NOT_FOUND', `Không có lần nhập số ${batchId}.`);
  if (batch.undoneAt) throw new AppError('CONFLICT', `Lần nhập số ${batchId} đã được hoàn tác.`);
  // Undoing an older batch under a newer one that wrote the same figures would bring back
  // stale values over the newer ones: undo the newer batch first.
  const later = await imports.laterBatches(batchId, batch.period.slice(0, 4));
  const itemsOf = await imports.items([batchId, ...later.map((b) => b.id)]);
  const mine = itemsOf.get(batchId)!;
  const cellKey = (i: BatchItem) => `${i.kind}|${i.unitId}|${i.indicatorCode}`;
  const touched = new Set(mine.map(cellKey));
  const blocking = later.find((b) => itemsOf.get(b.id)!.some((i) => touched.has(cellKey(i)) && (i.kind === 'target' || b.period === batch.period)));
  if (blocking) {
    throw new AppError('CONFLICT', `Lần nhập số ${blocking.id} ("${blocking.fileName}") sau đó đã ghi đè một phần số liệu của lần nhập này; hãy hoàn tác lần nhập số ${blocking.id} trước.`);
  }
  const results = new ResultRepository(ctx.store);
  const targets = new TargetRepository(ctx.store);
  const { from, to } = monthBounds(batch.period);
  const resultItems = mine.filter((i) => i.kind === 'result');
  const targetItems = mine.filter((i) => i.kind === 'target');
  const restored = await ctx.store.transaction(async () => {
    const now = isoNow(ctx);
    for (const code of new Set(resultItems.map((i) => i.indicatorCode))) {
      await results.deleteInRange(resultItems.filter((i) => i.indicatorCode === code).map((i) => i.unitId), code, from, to);
    }
    await results.upsertMany(
      resultItems.flatMap((item) =>
        (JSON.parse(item.oldRows ?? '[]') as { asOf: string; value: number; note: string | null }[]).map((o) => ({ unitId: item.unitId, indicatorCode: item.indicatorCode, asOf: o.asOf, value: o.value, note: o.note })),
      ),
      now,
    );
    for (const planYear of new Set(targetItems.map((i) => i.year!))) {
      const inYear = targetItems.filter((i) => i.year === planYear);
      const latest = await targets.latestMany(inYear.map((i) => i.unitId), planYear, '', IMPORTED_TARGET_SOURCE);
      for (const item of inYear) {
        const old = item.oldRows ? (JSON.parse(item.oldRows) as { id: number; value: number }) : null;
        const current = latest.get(`${item.unitId}|${item.indicatorCode}`);
        if (old && current) await targets.updateValue(current.id, { value: old.value, decisionNo: current.decisionNo, decisionDate: current.decisionDate, note: current.note }, now);
        else if (current) await targets.delete(current.id);
      }
    }
    await imports.markUndone(batchId, now);
    await recordAudit(ctx.store, ctx.actor, { action: 'undo-import', entity: 'import_batch', entityKey: String(batchId), summary: `Hoàn tác lần nhập "${batch.fileName}" kỳ ${monthLabel(batch.period)}: khôi phục ${formatCount(mine.length)} số liệu` }, ctx.now());
    return mine.length;
  });
  ctx.events.emit({ type: 'data-changed', area: 'results' });
  return { restored };
}

export function listImports(ctx: CoreContext, req: PageRequest<'at'>): Promise<Page<ImportBatch>> {
  return new ImportRepository(ctx.store).page(req);
}

/**
 * "result:BHXH_TN" → "BHXH tự nguyện" under "Thực hiện"; a plan column under "Kế hoạch" (with
 * its year when the file named one), so the office reads its own columns back.
 */
export function valueColumnLabel(key: string, columns: ColumnRole[]): { header: string; group: string } {
  const [role, code = ''] = key.split(':');
  const header = indicatorByCode(code)?.shortName ?? code;
  if (role !== 'target') return { header, group: 'Thực hiện' };
  const year = columns.find((c) => c.role === 'target' && c.indicatorCode === code)?.year;
  return { header, group: year ? `Kế hoạch năm ${year}` : 'Kế hoạch' };
}

