import { AppError, type DownloadRef, type ImportBatch, type ImportCommitOutcome } from '../../../shared/contract';
import { monthBounds, monthLabel } from '../../../shared/domain/periods';
import { formatCount } from '../../../shared/format/vi';
import { recordAudit } from '../audit/audit';
import { createBackup } from '../backups/backups';
import { isoNow, type CoreContext } from '../app/context';
import type { PlanStore } from '../app/planStore';
import { exportFileName } from '../exports/fileNames';
import { buildTableWorkbook } from '../exports/tableWorkbook';
import type { DownloadStore } from '../files/downloadStore';
import { ResultRepository } from '../results/repository';
import { TargetRepository } from '../targets/repository';
import { UnitRepository } from '../units/repository';
import { IMPORTED_TARGET_SOURCE, type ImportSession } from './preview';
import { ImportRepository, type BatchItem } from './repository';

function sessionOrThrow(sessions: PlanStore<ImportSession>, id: string, keep = false): ImportSession {
  const session = keep ? sessions.peek(id) : sessions.take(id);
  if (!session) throw new AppError('NOT_FOUND', 'Bản xem trước đã hết hạn hoặc đã được nhập; hãy mở lại tệp.');
  return session;
}

/**
 * Writes exactly the previewed plan as one recorded batch, after a backup. Re-importing an
 * office's month replaces its figures (the month's rows of each unit and indicator), and the
 * batch keeps what it replaced so it can be undone.
 */
export async function commitImport(ctx: CoreContext, sessions: PlanStore<ImportSession>, sessionId: string, options: { skipErrorRows?: boolean } = {}): Promise<ImportCommitOutcome> {
  const session = sessionOrThrow(sessions, sessionId);
  const { preview } = session;
  // The plan holds the valid rows' values only; skipping the others is the user's explicit choice.
  const partial = !preview.canCommit && Boolean(options.skipErrorRows) && preview.canCommitValidRows;
  if ((!preview.canCommit && !partial) || !preview.period) {
    throw new AppError('IMPORT_REJECTED', `Tệp "${preview.fileName}" chưa nhập được: ${preview.errors[0]?.message ?? 'không có gì thay đổi'}. Chưa có gì được ghi.`, { errors: preview.errors.slice(0, 50) });
  }
  const skippedRows = partial ? preview.rows.filter((r) => r.status !== 'ok').length : 0;
  const backupFile = (await createBackup(ctx.db, ctx.dataDir, 'pre-import', ctx.now())).fileName;
  const results = new ResultRepository(ctx.db);
  const targets = new TargetRepository(ctx.db);
  const imports = new ImportRepository(ctx.db);
  const { from, to } = monthBounds(preview.period);
  const year = Number(preview.period.slice(0, 4));
  let replaced = 0;
  const batchId = ctx.db.transaction(() => {
    const items: BatchItem[] = [];
    for (const p of session.planned) {
      if (p.kind === 'result') {
        const old = results.rowsInRange(p.unitId, p.indicatorCode, from, to);
        if (old.length) replaced++;
        results.deleteInRange(p.unitId, p.indicatorCode, from, to);
        results.insertMany([{ unitId: p.unitId, indicatorCode: p.indicatorCode, asOf: session.asOf, value: p.value, note: null }]);
        items.push({ kind: 'result', unitId: p.unitId, indicatorCode: p.indicatorCode, asOf: session.asOf, year: null, oldRows: JSON.stringify(old), newValue: p.value });
      } else {
        const key = { unitId: p.unitId, indicatorCode: p.indicatorCode, year: p.year ?? year, period: '', source: IMPORTED_TARGET_SOURCE };
        const latest = targets.latest(key);
        if (latest) {
          replaced++;
          targets.updateValue(latest.id, { value: p.value, decisionNo: latest.decisionNo, decisionDate: latest.decisionDate, note: latest.note });
        } else targets.insertMany([{ ...key, value: p.value, isRate: false, decisionNo: null, decisionDate: null }]);
        items.push({ kind: 'target', unitId: p.unitId, indicatorCode: p.indicatorCode, asOf: null, year: key.year, oldRows: latest ? JSON.stringify({ id: latest.id, value: latest.value }) : null, newValue: p.value });
      }
    }
    const id = imports.insertBatch({
      fileName: preview.fileName, sheet: preview.sheet, period: preview.period!, officeName: preview.officeName, sourceKey: session.sourceKey,
      at: isoNow(ctx), actor: ctx.actor, written: items.length, replaced,
    });
    imports.insertItems(id, items);
    for (const alias of session.aliases) imports.saveAlias(session.sourceKey, alias.typedKey, alias.unitId);
    if (session.columnsOverridden) imports.saveMapping(session.sourceKey, session.headerSignature, JSON.stringify(preview.columns.map(({ column, role, indicatorCode }) => ({ column, role, indicatorCode }))));
    recordAudit(ctx.db, ctx.actor, {
      action: 'import', entity: 'import_batch', entityKey: String(id),
      summary: `Nhập "${preview.fileName}" kỳ ${monthLabel(preview.period!)}: ghi ${formatCount(items.length)} số liệu, thay thế ${formatCount(replaced)}${skippedRows ? `, bỏ qua ${formatCount(skippedRows)} dòng lỗi` : ''}`,
    }, ctx.now());
    return id;
  })();
  ctx.events.emit({ type: 'data-changed', area: 'results' });
  return { batchId, written: session.planned.length, replaced, backupFile, skippedRows };
}

/** Puts back what a batch replaced (and removes what it added), in one transaction. */
export function undoImport(ctx: CoreContext, batchId: number): { restored: number } {
  const imports = new ImportRepository(ctx.db);
  const batch = imports.byId(batchId);
  if (!batch) throw new AppError('NOT_FOUND', `Không có lần nhập số ${batchId}.`);
  if (batch.undoneAt) throw new AppError('CONFLICT', `Lần nhập số ${batchId} đã được hoàn tác.`);
  // Undoing an older batch under a newer one that wrote the same figures would bring back
  // stale values over the newer ones: undo the newer batch first.
  const mine = imports.items(batchId);
  const cellKey = (i: BatchItem) => `${i.kind}|${i.unitId}|${i.indicatorCode}`;
  const touched = new Set(mine.map(cellKey));
  const later = imports.list().filter((b) => b.id > batchId && !b.undoneAt && (b.period === batch.period || b.period.slice(0, 4) === batch.period.slice(0, 4)));
  const blocking = later.find((b) => imports.items(b.id).some((i) => touched.has(cellKey(i)) && (i.kind === 'target' || b.period === batch.period)));
  if (blocking) {
    throw new AppError('CONFLICT', `Lần nhập số ${blocking.id} ("${blocking.fileName}") sau đó đã ghi đè một phần số liệu của lần nhập này; hãy hoàn tác lần nhập số ${blocking.id} trước.`);
  }
  const results = new ResultRepository(ctx.db);
  const targets = new TargetRepository(ctx.db);
  const { from, to } = monthBounds(batch.period);
  let restored = 0;
  ctx.db.transaction(() => {
    for (const item of [...mine].reverse()) {
      if (item.kind === 'result') {
        results.deleteInRange(item.unitId, item.indicatorCode, from, to);
        const old = JSON.parse(item.oldRows ?? '[]') as { asOf: string; value: number; note: string | null }[];
        results.insertMany(old.map((o) => ({ unitId: item.unitId, indicatorCode: item.indicatorCode, asOf: o.asOf, value: o.value, note: o.note })));
      } else {
        const old = item.oldRows ? (JSON.parse(item.oldRows) as { id: number; value: number }) : null;
        const current = targets.latest({ unitId: item.unitId, indicatorCode: item.indicatorCode, year: item.year!, period: '', source: IMPORTED_TARGET_SOURCE });
        if (old && current) targets.updateValue(current.id, { value: old.value, decisionNo: current.decisionNo, decisionDate: current.decisionDate, note: current.note });
        else if (current) targets.delete(current.id);
      }
      restored++;
    }
    imports.markUndone(batchId, isoNow(ctx));
    recordAudit(ctx.db, ctx.actor, { action: 'undo-import', entity: 'import_batch', entityKey: String(batchId), summary: `Hoàn tác lần nhập "${batch.fileName}" kỳ ${monthLabel(batch.period)}: khôi phục ${formatCount(restored)} số liệu` }, ctx.now());
  })();
  ctx.events.emit({ type: 'data-changed', area: 'results' });
  return { restored };
}

export function listImports(ctx: CoreContext): ImportBatch[] {
  return new ImportRepository(ctx.db).list();
}

/** The rows with errors and their messages, to send back to the office. */
export async function errorsWorkbook(ctx: CoreContext, sessions: PlanStore<ImportSession>, downloads: DownloadStore, sessionId: string): Promise<DownloadRef> {
  const { preview } = sessionOrThrow(sessions, sessionId, true);
  const bad = preview.rows.filter((r) => r.status !== 'ok');
  const valueKeys = bad.length ? Object.keys(bad[0]!.values) : [];
  const bytes = await buildTableWorkbook({
    sheetName: 'Dòng lỗi',
    issuer: preview.officeName ?? 'BẢO HIỂM XÃ HỘI',
    title: `Các dòng cần sửa — ${preview.fileName}`,
    subtitle: `Trang tính "${preview.sheet}"${preview.period ? `, kỳ ${monthLabel(preview.period)}` : ''}`,
    isDemo: new UnitRepository(ctx.db).hasDemo(),
    columns: [
      { header: 'Dòng', width: 7, format: 'text' },
      { header: 'Tên trong tệp', width: 24, format: 'text' },
      ...valueKeys.map((k) => ({ header: k.replace('result:', 'TH ').replace('target:', 'KH '), width: 11, format: 'count' as const })),
      { header: 'Lỗi cần sửa', width: 50, format: 'text' },
    ],
    rows: bad.map((r) => [String(r.row), r.typedName, ...valueKeys.map((k) => r.values[k] ?? null), r.issues.map((i) => `${i.cell ? `Ô ${i.cell}: ` : ''}${i.message}`).join('\n')]),
    generatedAt: ctx.now(),
  });
  return downloads.put(bytes, exportFileName('loi-nhap', [preview.fileName.replace(/\.\w+$/, '')]));
}
