import { columnLetterAt } from '../../../shared/format/cells';
import { AppError, type ArrearsImportOutcome, type ArrearsImportPreview, type ArrearsImportRow, type CellIssue, type FileRef } from '../../../shared/contract';
import { arrearsBand, monthEnd } from '../../../shared/calc/arrears';
import { ARREARS_BANDS, EMPLOYER_CODE_PATTERN as CODE, employerKindOf, employerStatusOf, TAX_CODE_PATTERN as TAX, type ArrearsBand, type EmployerKind, type EmployerStatus } from '../../../shared/domain/arrears';
import { formatCount, formatMoney } from '../../../shared/format/vi';
import { parseViCell } from '../../../shared/format/viNumber';
import { foldText, unitNameKey } from '../../../shared/text/fold';
import { viSortKey } from '../../../shared/text/viSortKey';
import { recordAudits, type AuditRecord } from '../audit/audit';
import { safetyBackup } from '../backups/backups';
import { isoNow, localToday, type CoreContext } from '../app/context';
import type { PlanStore } from '../app/planStore';
import { readWorkbookStreamed } from '../excel/stream/grid';
import type { WorkbookData } from '../excel/readWorkbook';
import { cellText, codeOf, dataRows, findTable, HEADER_SCAN_ROWS, refuseTruncated, type Table } from '../network/importSheets';
import { yesNo } from '../network/importValues';
import { officeNamedInTitle } from '../offices/match';
import { OfficeRepository } from '../offices/repository';
import { UnitRepository } from '../units/repository';
import { arrearsFingerprint, type ArrearsUndo } from './batches';
import { acceptArrears, ARREARS_FIELD_LABELS, ARREARS_SHAPE_HINT, classifyArrears, type ArrearsField } from './importHeaders';
import { ArrearsRepository, type StoredArrearsRow, type StoredEmployer } from './repository';

/**
 * An office's arrears list from Excel: preview finds the table however its columns are worded
 * and ordered, reads the period ("ĐẾN HẾT THÁNG 9/2020") and the office ("BHXH HUYỆN HỒNG DÂN")
 * from the title unless chosen, checks every row (errors by cell) and tells new employers from
 * known ones; commit writes exactly that after a backup, in one transaction, as a batch that can
 * be undone. A file with any error is refused whole.
 */
export interface ArrearsDraft extends ArrearsImportRow {
  kind: EmployerKind | null;
  statusTyped: EmployerStatus | null;
  unitCode: string | null;
  address: string | null;
  workers: number | null;
  evasion: boolean;
}

export interface StoredArrearsPlan {
  fileName: string;
  fingerprint: string;
  period: string | null;
  officeId: number | null;
  officeCode: string | null;
  errors: CellIssue[];
  drafts: ArrearsDraft[];
  rowsRead: number;
}


/** "ĐẾN HẾT THÁNG 9/2020", "tháng 09-2020", "T9/2020" in a title line → 2020-09. */
export function periodInTitle(lines: string[]): string | null {
  for (const line of lines) {
    const m = /(?:thang|\bt)\s*(\d{1,2})\s+(?:nam\s+)?(\d{4})\b/.exec(foldText(line));
    if (m) {
      const month = Number(m[1]);
      if (month >= 1 && month <= 12) return `${m[2]}-${String(month).padStart(2, '0')}`;
    }
  }
  return null;
}

export function findArrearsTable(workbook: WorkbookData): Table<ArrearsField> | null {
  for (const sheet of workbook.sheets) {
    const t = findTable(sheet, classifyArrears, acceptArrears);
    if (t) return t;
  }
  return null;
}

function columnLetter(t: Table<ArrearsField>, j: number): string {
  return columnLetterAt(t.sheet.firstCol + j);
}

export async function previewArrearsImport(ctx: CoreContext, plans: PlanStore<StoredArrearsPlan>, req: { file: FileRef; period?: string; officeCode?: string }): Promise<ArrearsImportPreview> {
  const { name, path } = ctx.files.workbookPath(req.file);
  const workbook = await readWorkbookStreamed(path, name);
  const fingerprint = await arrearsFingerprint(ctx.store);
  const { stored, preview } = await planArrearsImport(ctx, workbook, req);
  const planId = plans.put({ ...stored, fileName: name, fingerprint });
  return { ...preview, planId, fileName: name };
}

export async function planArrearsImport(
  ctx: CoreContext,
  workbook: WorkbookData,
  req: { period?: string; officeCode?: string },
): Promise<{ stored: Omit<StoredArrearsPlan, 'fileName' | 'fingerprint'>; preview: Omit<ArrearsImportPreview, 'planId' | 'fileName'> }> {
  const fileName = workbook.fileName;
  const table = findArrearsTable(workbook);
  if (!table) {
    throw new AppError(
      'FILE_INVALID',
      `Tệp "${fileName}" không phải danh sách đơn vị nợ đóng: không tìm thấy dòng tiêu đề trong ${HEADER_SCAN_ROWS} dòng đầu của các trang tính ${workbook.sheets.map((s) => `"${s.name}"`).join(', ')}. ${ARREARS_SHAPE_HINT} Chưa có gì được ghi.`,
      { file: fileName },
    );
  }
  refuseTruncated(fileName, table.sheet);
  const sheet = table.sheet.name;
  const errors: CellIssue[] = [];
  const warnings: CellIssue[] = [];
  const titleRow = { sheet, row: table.sheet.firstRow + 1, column: null, cell: null };

  // Period and office: chosen, else read from the title lines.
  const above = table.sheet.rows.slice(0, table.headerIndex + 1).flatMap((r) => (r ?? []).map(cellText).filter((t): t is string => t !== null));
  const filePeriod = periodInTitle([...table.titleLines, ...above]);
  const period = req.period ?? filePeriod;
  const periodSource = req.period ? 'chosen' : filePeriod ? 'file' : null;
  if (!period) errors.push({ ...titleRow, message: 'Chưa rõ danh sách nợ của tháng nào: tiêu đề không ghi "đến hết tháng …/…"; hãy chọn tháng số liệu.' });
  if (req.period && filePeriod && filePeriod !== req.period) {
    warnings.push({ ...titleRow, message: `Tiêu đề ghi tháng ${filePeriod.slice(5)}/${filePeriod.slice(0, 4)} nhưng đã chọn tháng ${req.period.slice(5)}/${req.period.slice(0, 4)}; số liệu được ghi vào tháng đã chọn.` });
  }
  const offices = new OfficeRepository(ctx.store);
  let officeCode: string | null;
  let officeSource: 'chosen' | 'file' | null = null;
  if (req.officeCode) {
    if (!(await offices.byCode(req.officeCode))) throw new AppError('VALIDATION', `Không có cơ quan BHXH cơ sở mã "${req.officeCode}".`, { field: 'officeCode' });
    officeCode = req.officeCode;
    officeSource = 'chosen';
  } else {
    officeCode = await officeNamedInTitle(ctx.store, table.titleLines, period ? monthEnd(period) : localToday(ctx.now()));
    if (officeCode) officeSource = 'file';
    else warnings.push({ ...titleRow, message: 'Không nhận ra cơ quan BHXH cơ sở trong tiêu đề; đơn vị mới sẽ chưa có cơ quan quản lý (có thể chọn cơ quan trước khi nhập).' });
  }
  const office = officeCode ? await offices.byCode(officeCode) : null;
  if (table.columns.months === undefined) warnings.push({ ...titleRow, message: 'Tệp không có cột số tháng chậm đóng: các đơn vị được xếp nhóm "Dưới 3 tháng".' });

  // Communes by code and by folded name (a name two communes share is left unmatched), on the period's tree.
  const communes = table.columns.commune === undefined ? [] : await new UnitRepository(ctx.store).list({ level: 'commune', asOf: period ? monthEnd(period) : localToday(ctx.now()) });
  const communeByCode = new Map(communes.map((u) => [u.code, u.code]));
  const communeByName = new Map<string, string | null>();
  for (const u of communes) {
    const key = unitNameKey(u.name);
    communeByName.set(key, communeByName.has(key) ? null : u.code);
  }
  const drafts: ArrearsDraft[] = [];
  const seen = new Map<string, number>();
  let rowsRead = 0;
  let rowsRejected = 0;
  for (const r of dataRows(table)) {
    rowsRead++;
    const before = errors.length;
    const fail = (f: ArrearsField | null, message: string) => errors.push({ ...r.at(f), message });
    const money = (f: ArrearsField, required: boolean): number | null => {
      const raw = r.get(f);
      if (cellText(raw) === null) {
        if (required) fail(f, `Thiếu ${ARREARS_FIELD_LABELS[f]}.`);
        return null;
      }
      const p = parseViCell(raw, 'count');
      if (!p.ok) {
        fail(f, `${ARREARS_FIELD_LABELS[f][0]!.toUpperCase()}${ARREARS_FIELD_LABELS[f].slice(1)}: ${p.message}.`);
        return null;
      }
      return p.value;
    };
    const name = cellText(r.get('name'));
    const taxRaw = codeOf(r.get('taxCode'));
    const codeRaw = codeOf(r.get('code'));
    if (!name) fail('name', 'Thiếu tên đơn vị.');
    if (taxRaw && !TAX.test(taxRaw)) fail('taxCode', `Mã số thuế "${taxRaw}" không hợp lệ: cần 10 chữ số (13 với chi nhánh).`);
    const code = (codeRaw ?? taxRaw ?? '').toUpperCase();
    if (!code) fail(r.has('code') ? 'code' : 'taxCode', 'Thiếu mã đơn vị (và mã số thuế): không biết đơn vị nào.');
    else if (!CODE.test(code)) fail(r.has('code') ? 'code' : 'taxCode', `Mã đơn vị "${code}" không hợp lệ: chỉ gồm chữ số, chữ cái, dấu chấm, gạch.`);
    else if (seen.has(code)) fail(r.has('code') ? 'code' : 'taxCode', `Mã đơn vị ${code} đã có ở dòng ${seen.get(code)}.`);
    const amount = money('amount', true);
    const months = r.has('months') ? money('months', false) : 0;
    const interest = r.has('interest') ? money('interest', false) : 0;
    const due = r.has('due') ? money('due', false) : null;
    const workers = r.has('workers') ? money('workers', false) : null;
    const kindText = cellText(r.get('kind'));
    const kind = kindText ? employerKindOf(kindText) : null;
    if (kindText && !kind) warnings.push({ ...r.at('kind'), message: `Không nhận ra loại hình "${kindText}"; đơn vị mới được xếp theo tên.` });
    const statusText = cellText(r.get('status'));
    const note = cellText(r.get('note'));
    const statusTyped = (statusText ? employerStatusOf(statusText) : null) ?? (note ? employerStatusOf(note) : null);
    if (statusText && !employerStatusOf(statusText)) warnings.push({ ...r.at('status'), message: `Không nhận ra tình trạng "${statusText}"; giữ tình trạng đã có.` });
    const communeText = cellText(r.get('commune'));
    const unitCode = communeText ? communeByCode.get(communeText.replace(/\s+/g, '')) ?? communeByName.get(unitNameKey(communeText)) ?? null : null;
    if (communeText && !unitCode) warnings.push({ ...r.at('commune'), message: `Không nhận ra xã, phường "${communeText}" trong danh mục; đơn vị được nhập không kèm xã.` });
    if (errors.length > before || !name || amount === null) {
      rowsRejected++;
      continue;
    }
    seen.set(code, r.row);
    const status = statusTyped ?? 'ACTIVE';
    drafts.push({
      sheet, row: r.row, code, name, taxCode: taxRaw && TAX.test(taxRaw) ? taxRaw : null, amountOwed: amount, monthsOwed: months ?? 0, interest: interest ?? 0, amountDueYear: due,
      band: arrearsBand(months ?? 0, status), status, note, employer: 'new', kind: kind ?? employerKindOf(name), statusTyped, unitCode, address: cellText(r.get('address')),
      workers, evasion: yesNo(r.get('evasion')) === true,
    });
  }
  if (rowsRead === 0) throw new AppError('FILE_INVALID', `Tệp "${fileName}", trang "${sheet}" có dòng tiêu đề nhưng không có dòng đơn vị nào. Chưa có gì được ghi.`, { file: fileName, sheet });

  const known = await new ArrearsRepository(ctx.store).employersByCode(drafts.map((d) => d.code));
  for (const d of drafts) {
    const e = known.get(d.code);
    if (!e) continue;
    d.employer = 'existing';
    const status = d.statusTyped ?? (e.status as EmployerStatus);
    d.status = status;
    d.band = arrearsBand(d.monthsOwed, status);
  }
  const byBand = Object.fromEntries(ARREARS_BANDS.map((b) => [b, 0])) as Record<ArrearsBand, number>;
  for (const d of drafts) if (d.amountOwed > 0) byBand[d.band] += d.amountOwed;
  const columns = (Object.entries(table.columns) as [ArrearsField, number][])
    .sort((a, b) => a[1] - b[1])
    .map(([field, j]) => ({ column: columnLetter(table, j), header: table.labels[field] ?? '', field, label: ARREARS_FIELD_LABELS[field] }));
  const rows: ArrearsImportRow[] = drafts.map(({ kind: _k, statusTyped: _s, unitCode: _u, address: _a, workers: _w, evasion: _e, ...row }) => row);
  return {
    stored: { period, officeId: office?.id ?? null, officeCode, errors, drafts, rowsRead },
    preview: {
      sheet, period, periodSource, officeCode, officeName: office?.name ?? null, officeSource, rowsRead, rowsOk: drafts.length, rowsRejected,
      newEmployers: drafts.filter((d) => d.employer === 'new').length, existingEmployers: drafts.filter((d) => d.employer === 'existing').length,
      columns, rows, totals: { amountOwed: drafts.reduce((s, d) => s + d.amountOwed, 0), byBand }, errors, warnings,
      canCommit: errors.length === 0 && drafts.length > 0 && period !== null,
    },
  };
}

/** Writes exactly the previewed list: a backup, then one transaction with the batch, employers, rows and audit rows. */
export async function commitArrearsImport(ctx: CoreContext, plans: PlanStore<StoredArrearsPlan>, planId: string): Promise<ArrearsImportOutcome> {
  const stored = plans.take(planId);
  if (!stored) throw new AppError('NOT_FOUND', 'Bản xem trước đã hết hạn hoặc đã được nhập; hãy chọn lại tệp.');
  const { fileName, errors, drafts, period } = stored;
  if (errors.length > 0) throw new AppError('IMPORT_REJECTED', `Tệp "${fileName}" còn ${formatCount(errors.length)} lỗi; hãy sửa trong tệp rồi nhập lại. Chưa có gì được ghi.`, { errors: errors.slice(0, 50) });
  if (!period) throw new AppError('VALIDATION', 'Hãy chọn tháng số liệu của danh sách nợ.', { field: 'period' });
  if (drafts.length === 0) throw new AppError('VALIDATION', `Tệp "${fileName}" không có dòng đơn vị nào để nhập.`);
  if ((await arrearsFingerprint(ctx.store)) !== stored.fingerprint) throw new AppError('CONFLICT', 'Dữ liệu nợ đọng đã thay đổi kể từ lúc xem trước; hãy xem trước lại.');
  const backup = await safetyBackup(ctx, 'pre-import');
  const total = drafts.reduce((s, d) => s + d.amountOwed, 0);
  const out = await ctx.store.transaction(async () => {
    const db = ctx.store.db;
    const now = isoNow(ctx);
    const repo = new ArrearsRepository(ctx.store);
    const batchId = (
      await db.insertInto('arrears_batches').values({ file_name: fileName, period, office_id: stored.officeId, at: now, actor: ctx.actor, rows: drafts.length, summary: '', undo: '{}' }).returning('id').executeTakeFirstOrThrow()
    ).id;
    const known = await repo.employersByCode(drafts.map((d) => d.code));
    const undo: ArrearsUndo = { addedEmployers: [], updatedEmployers: [], replacedRows: [] };
    let added = 0;
    let updated = 0;
    const ids = new Map<string, number>();
    for (const d of drafts) {
      const e = known.get(d.code);
      if (!e) {
        const id = (
          await db
            .insertInto('employers')
            .values({
              code: d.code, name: d.name, name_key: foldText(d.name), sort_key: viSortKey(d.name), tax_code: d.taxCode, kind: d.kind ?? 'OTHER', address: d.address, unit_code: d.unitCode,
              office_id: stored.officeId, workers: d.workers, status: d.status, created_at: now, updated_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
        undo.addedEmployers.push(id);
        ids.set(d.code, id);
        added++;
        continue;
      }
      ids.set(d.code, e.id);
      const next: Partial<StoredEmployer> = {
        name: d.name, name_key: foldText(d.name), sort_key: viSortKey(d.name), tax_code: d.taxCode ?? e.tax_code, status: d.statusTyped ?? e.status,
        office_id: e.office_id ?? stored.officeId, unit_code: d.unitCode ?? e.unit_code, workers: d.workers ?? e.workers, address: d.address ?? e.address, kind: d.kind && e.kind === 'OTHER' ? d.kind : e.kind,
      };
      const differs = (Object.keys(next) as (keyof StoredEmployer)[]).some((k) => next[k] !== e[k]);
      if (differs) {
        undo.updatedEmployers.push(e);
        await db.updateTable('employers').set({ ...next, updated_at: now }).where('id', '=', e.id).execute();
        updated++;
      }
    }
    const employerIds = [...ids.values()];
    for (let i = 0; i < employerIds.length; i += 500) {
      const chunk = employerIds.slice(i, i + 500);
      const old = (await db.selectFrom('arrears_rows').selectAll().where('period', '=', period).where('employer_id', 'in', chunk).execute()) as StoredArrearsRow[];
      undo.replacedRows.push(...old);
      if (old.length > 0) await db.deleteFrom('arrears_rows').where('id', 'in', old.map((o) => o.id)).execute();
    }
    const values = drafts.map((d) => ({
      employer_id: ids.get(d.code)!, period, amount_owed: d.amountOwed, months_owed: d.monthsOwed, interest: d.interest, amount_due_year: d.amountDueYear,
      is_late: d.amountOwed > 0 ? 1 : 0, is_evasion: d.evasion ? 1 : 0, note: d.note, batch_id: batchId, created_at: now,
    }));
    for (let i = 0; i < values.length; i += 200) await db.insertInto('arrears_rows').values(values.slice(i, i + 200)).execute();
    const summary = `${formatCount(drafts.length)} đơn vị nợ tháng ${period.slice(5)}/${period.slice(0, 4)}, tổng ${formatMoney(total)}; thêm ${formatCount(added)} đơn vị mới, cập nhật ${formatCount(updated)}`;
    await db.updateTable('arrears_batches').set({ summary, undo: JSON.stringify(undo) }).where('id', '=', batchId).execute();
    const audits: AuditRecord[] = [
      { action: 'import', entity: 'arrears-import', entityKey: String(batchId), summary: `Nhập danh sách nợ "${fileName}" (lần nhập số ${batchId}): ${summary}`, details: { batchId, file: fileName, period, office: stored.officeCode } },
    ];
    await recordAudits(ctx.store, ctx.actor, audits, ctx.now());
    return { batchId, added, updated };
  });
  ctx.events.emit({ type: 'data-changed', area: 'arrears' });
  return {
    batchId: out.batchId, fileName, period, officeCode: stored.officeCode, rowsRead: stored.rowsRead, imported: drafts.length, rejected: stored.rowsRead - drafts.length,
    employersAdded: out.added, employersUpdated: out.updated, backup,
  };
}
