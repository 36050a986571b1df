import { AppError, type CellIssue, type FileRef, type OfficeImportChange, type OfficeImportOutcome, type OfficeImportPreview } from '../../../shared/contract';
import { formatCount, formatDate, parseViDate } from '../../../shared/format/vi';
import type { Unit } from '../../../shared/domain/units';
import { foldText, toNfc } from '../../../shared/text/fold';
import { recordAudit } from '../audit/audit';
import { safetyBackup } from '../backups/backups';
import { isoNow, type CoreContext } from '../app/context';
import type { PlanStore } from '../app/planStore';
import { readWorkbookStreamed } from '../excel/stream/grid';
import { cellAddress, type SheetGrid, type WorkbookData } from '../excel/readWorkbook';
import { normaliseCode } from '../units/rules';
import { UnitRepository } from '../units/repository';
import { OfficeRepository, type OfficeFields } from './repository';
import { overlaps, spanText, type Span } from './rules';
import { checkMembership, describeChanges, officeFields, provinceFor } from './service';

type Field = 'officeCode' | 'officeName' | 'provinceCode' | 'address' | 'phone' | 'email' | 'headName' | 'note' | 'officeFrom' | 'unitCode' | 'unitName' | 'from' | 'to';

/** Folded header → field, in the words offices use. */
const HEADERS: Record<string, Field> = {
  'ma co quan': 'officeCode', 'ma co quan bhxh': 'officeCode', 'ma bhxh co so': 'officeCode', 'ma co so': 'officeCode', 'ma bhxh': 'officeCode',
  'ten co quan': 'officeName', 'ten co quan bhxh': 'officeName', 'ten bhxh co so': 'officeName', 'co quan bhxh co so': 'officeName', 'bhxh co so': 'officeName', 'co quan': 'officeName',
  'ma tinh': 'provinceCode',
  'dia chi': 'address', 'dia chi tru so': 'address', 'tru so': 'address',
  'dien thoai': 'phone', 'so dien thoai': 'phone', 'dt': 'phone',
  'email': 'email', 'thu dien tu': 'email', 'e mail': 'email',
  'thu truong': 'headName', 'giam doc': 'headName', 'ho ten giam doc': 'headName', 'nguoi dung dau': 'headName', 'lanh dao': 'headName',
  'ghi chu': 'note',
  'ngay bat dau hoat dong': 'officeFrom', 'hoat dong tu ngay': 'officeFrom', 'ngay thanh lap': 'officeFrom',
  'ma xa': 'unitCode', 'ma xa phuong': 'unitCode', 'ma phuong xa': 'unitCode', 'ma don vi hanh chinh': 'unitCode',
  'ten xa': 'unitName', 'ten xa phuong': 'unitName', 'ten phuong xa': 'unitName', 'xa phuong': 'unitName',
  'tu ngay': 'from', 'ngay bat dau': 'from', 'hieu luc tu ngay': 'from', 'phu trach tu ngay': 'from',
  'den ngay': 'to', 'ngay ket thuc': 'to', 'hieu luc den ngay': 'to', 'phu trach den ngay': 'to',
};
const HEADER_SCAN_ROWS = 15;
const SHAPE_HINT = 'Cần trang "Cơ quan" với các cột "Mã cơ quan", "Tên cơ quan" (Địa chỉ, Điện thoại, Giám đốc…) và/hoặc trang "Xã phường" với các cột "Mã cơ quan", "Mã xã", "Từ ngày", "Đến ngày".';

interface Hit {
  sheet: SheetGrid;
  headerIndex: number;
  columns: Partial<Record<Field, number>>;
}

interface OfficeRowIn {
  row: number;
  code: string;
  provinceCode: string | null;
  fields: OfficeFields;
  at: (f: Field) => Pick<CellIssue, 'sheet' | 'row' | 'column' | 'cell'>;
}

export type OfficePlanOp =
  | { op: 'addOffice'; code: string; provinceUnitId: number; fields: OfficeFields }
  | { op: 'updateOffice'; code: string; fields: OfficeFields }
  | { op: 'addMember'; officeCode: string; unitId: number; span: Span }
  | { op: 'endMember'; membershipId: number; validTo: string };

export interface StoredOfficePlan {
  fileName: string;
  ops: OfficePlanOp[];
  errors: CellIssue[];
  counts: Pick<OfficeImportOutcome, 'officesAdded' | 'officesUpdated' | 'membersAdded' | 'membersChanged'>;
  fingerprint: string;
}

function findHeader(sheet: SheetGrid): Hit | null {
  for (let i = 0; i < Math.min(sheet.rows.length, HEADER_SCAN_ROWS); i++) {
    const columns: Partial<Record<Field, number>> = {};
    (sheet.rows[i] ?? []).forEach((cell, j) => {
      const field = HEADERS[foldText(String(cell ?? ''))];
      if (field && columns[field] === undefined) columns[field] = j;
    });
    if (columns.officeCode !== undefined && (columns.officeName !== undefined || columns.unitCode !== undefined)) return { sheet, headerIndex: i, columns };
  }
  return null;
}

/** Where a field of a sheet row is: its cell, or the row when the sheet has no such column. */
function where(hit: Hit, i: number, f: Field | null): Pick<CellIssue, 'sheet' | 'row' | 'column' | 'cell'> {
  const col = f === null ? undefined : hit.columns[f];
  if (col === undefined) return { sheet: hit.sheet.name, row: cellAddress(hit.sheet, i, 0).row, column: null, cell: null };
  const a = cellAddress(hit.sheet, i, col);
  return { sheet: hit.sheet.name, row: a.row, column: a.column, cell: a.cell };
}

/** The non-empty rows under a sheet's header, with each field's value and place. */
function* dataRows(hit: Hit): Generator<{ i: number; get: (f: Field) => unknown; at: (f: Field | null) => ReturnType<typeof where> }> {
  for (let i = hit.headerIndex + 1; i < hit.sheet.rows.length; i++) {
    const raw = hit.sheet.rows[i] ?? [];
    if (raw.every((c) => text(c) === null)) continue;
    yield { i, get: (f) => (hit.columns[f] === undefined ? null : raw[hit.columns[f]!]), at: (f) => where(hit, i, f) };
  }
}

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const s = toNfc(value instanceof Date ? localIso(value) : String(value));
  return s === '' ? null : s;
}

/** SheetJS gives dates at local midnight; read them back in local time. */
function localIso(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
}

function dateOf(value: unknown): { ok: true; value: string | null } | { ok: false } {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return { ok: true, value: null };
  if (value instanceof Date) return { ok: true, value: localIso(value) };
  const parsed = typeof value === 'string' ? parseViDate(value) : null;
  return parsed ? { ok: true, value: parsed } : { ok: false };
}

const OFFICE_CODE = /^[0-9A-Za-z._-]{1,20}$/;

/** Reads an offices workbook and works out every change, without writing anything. */
export async function previewOfficeImport(ctx: CoreContext, plans: PlanStore<StoredOfficePlan>, file: FileRef, defaultFrom?: string | null): Promise<OfficeImportPreview> {
  const { name, path } = ctx.files.workbookPath(file);
  const workbook = await readWorkbookStreamed(path, name);
  const fingerprint = await new OfficeRepository(ctx.store).fingerprint();
  const plan = await planOfficeImport(ctx, workbook, defaultFrom ?? null);
  const planId = plans.put({ ...plan.stored, fileName: name, fingerprint });
  return { planId, fileName: name, ...plan.preview };
}

export async function planOfficeImport(ctx: CoreContext, workbook: WorkbookData, defaultFrom: string | null) {
  const fileName = workbook.fileName;
  const hits = workbook.sheets.map(findHeader).filter((h): h is Hit => h !== null);
  const officesHit = hits.find((h) => h.columns.unitCode === undefined) ?? null;
  const membersHit = hits.find((h) => h.columns.unitCode !== undefined) ?? null;
  if (!officesHit && !membersHit) {
    throw new AppError('FILE_INVALID', `Tệp "${fileName}" không phải danh sách cơ quan BHXH cơ sở: không tìm thấy dòng tiêu đề trong ${HEADER_SCAN_ROWS} dòng đầu của các trang tính ${workbook.sheets.map((s) => `"${s.name}"`).join(', ')}. ${SHAPE_HINT}`, { file: fileName });
  }
  const errors: CellIssue[] = [];
  const changes: OfficeImportChange[] = [];
  const ops: OfficePlanOp[] = [];
  const counts = { officesAdded: 0, officesUpdated: 0, membersAdded: 0, membersChanged: 0 };
  let unchanged = 0;

  const repo = new OfficeRepository(ctx.store);
  const units = await new UnitRepository(ctx.store).allByCode();
  const existing = new Map((await repo.all()).map((o) => [o.code, o]));

  // Offices: one row each; a code twice is an error at the second row.
  const fileOffices = new Map<string, OfficeRowIn & Span & { name: string }>();
  if (officesHit) {
    const hit = officesHit;
    for (const { i, get, at } of dataRows(hit)) {
      const rowErrors: CellIssue[] = [];
      const code = text(get('officeCode'));
      if (!code || !OFFICE_CODE.test(code)) rowErrors.push({ ...at('officeCode'), message: code ? `Mã cơ quan "${code}" không hợp lệ: chỉ gồm chữ số/chữ cái, tối đa 20 ký tự.` : 'Thiếu mã cơ quan.' });
      const officeName = text(get('officeName'));
      if (!officeName || officeName.length < 3) rowErrors.push({ ...at('officeName'), message: 'Thiếu tên cơ quan.' });
      const from = dateOf(get('officeFrom'));
      if (!from.ok) rowErrors.push({ ...at('officeFrom'), message: `Ngày bắt đầu hoạt động "${text(get('officeFrom'))}" không hợp lệ: cần dạng dd/mm/yyyy.` });
      const seen = code ? fileOffices.get(code) : undefined;
      if (seen) rowErrors.push({ ...at('officeCode'), message: `Mã cơ quan ${code} trùng với dòng ${seen.row}.` });
      if (rowErrors.length) {
        errors.push(...rowErrors);
        continue;
      }
      const fields = officeFields({ code: code!, name: officeName!, address: text(get('address')), phone: text(get('phone')), email: text(get('email')), headName: text(get('headName')), note: text(get('note')), validFrom: from.ok ? from.value : null });
      const provinceCode = hit.columns.provinceCode === undefined ? null : normaliseCode(get('provinceCode'), 'province');
      const row = cellAddress(hit.sheet, i, 0).row;
      fileOffices.set(code!, { row, code: code!, provinceCode, fields, at, name: fields.name, validFrom: fields.validFrom, validTo: existing.get(code!)?.validTo ?? null });
    }
    for (const o of fileOffices.values()) {
      const current = existing.get(o.code);
      if (!current) {
        let provinceUnitId: number;
        try {
          provinceUnitId = (await provinceFor(ctx, units, o.provinceCode)).id;
        } catch (error) {
          errors.push({ ...o.at('provinceCode'), message: (error as Error).message });
          continue;
        }
        ops.push({ op: 'addOffice', code: o.code, provinceUnitId, fields: o.fields });
        changes.push({ action: 'add-office', officeCode: o.code, officeName: o.name, description: `Thêm cơ quan ${o.name}${o.fields.address ? `, ${o.fields.address}` : ''}` });
        counts.officesAdded++;
        continue;
      }
      // A blank cell keeps what is on record; the file only says what it fills in.
      const merged: OfficeFields = {
        name: o.fields.name,
        address: o.fields.address ?? current.address,
        phone: o.fields.phone ?? current.phone,
        email: o.fields.email ?? current.email,
        headName: o.fields.headName ?? current.headName,
        note: o.fields.note ?? current.note,
        validFrom: o.fields.validFrom ?? current.validFrom,
      };
      const diff = describeChanges(current, merged);
      if (diff.length === 0) unchanged++;
      else {
        ops.push({ op: 'updateOffice', code: o.code, fields: merged });
        changes.push({ action: 'update-office', officeCode: o.code, officeName: o.name, description: diff.join('; ') });
        counts.officesUpdated++;
      }
    }
  }

  // Memberships: each checked against the record and the rows above it.
  if (membersHit) {
    const hit = membersHit;
    const current = await repo.memberships();
    const accepted: (Span & { officeCode: string; officeName: string; unitId: number; row: number })[] = [];
    for (const { i, get, at } of dataRows(hit)) {
      const rowErrors: CellIssue[] = [];
      const officeCode = text(get('officeCode'));
      const office = officeCode ? (fileOffices.get(officeCode) ?? existing.get(officeCode)) : undefined;
      if (!officeCode) rowErrors.push({ ...at('officeCode'), message: 'Thiếu mã cơ quan.' });
      else if (!office) rowErrors.push({ ...at('officeCode'), message: `Mã cơ quan ${officeCode} không có trong ${officesHit ? `trang "${officesHit.sheet.name}" hay ` : ''}danh mục cơ quan BHXH cơ sở.` });
      const unitCode = normaliseCode(get('unitCode'), 'commune');
      if (!unitCode) rowErrors.push({ ...at('unitCode'), message: `Mã xã "${text(get('unitCode')) ?? ''}" không hợp lệ: cần 5 chữ số.` });
      const from = dateOf(get('from'));
      const to = dateOf(get('to'));
      if (!from.ok) rowErrors.push({ ...at('from'), message: `Từ ngày "${text(get('from'))}" không hợp lệ: cần dạng dd/mm/yyyy.` });
      if (!to.ok) rowErrors.push({ ...at('to'), message: `Đến ngày "${text(get('to'))}" không hợp lệ: cần dạng dd/mm/yyyy.` });
      if (rowErrors.length) {
        errors.push(...rowErrors);
        continue;
      }
      const unit: Unit | undefined = units.get(unitCode!);
      const span: Span = { validFrom: (from.ok && from.value) || defaultFrom, validTo: to.ok ? to.value : null };
      const officeSpan = { code: officeCode!, name: office!.name, validFrom: office!.validFrom, validTo: office!.validTo };
      const onRecord = unit ? current.filter((m) => m.unitId === unit.id) : [];
      // The same membership already on record: nothing to do; the same one with an end day now: end it.
      const same = onRecord.find((m) => m.officeCode === officeCode && m.validFrom === span.validFrom);
      if (same && same.validTo === span.validTo) {
        const dup = accepted.find((a) => a.unitId === unit!.id && overlaps(a, span));
        if (dup) errors.push({ ...at('unitCode'), message: `${unit!.name} (${unit!.code}) trùng với dòng ${dup.row} (${dup.officeName} ${spanText(dup)}).` });
        else {
          unchanged++;
          accepted.push({ ...span, officeCode: officeCode!, officeName: office!.name, unitId: unit!.id, row: cellAddress(hit.sheet, i, 0).row });
        }
        continue;
      }
      const others = [
        ...onRecord.filter((m) => m !== same),
        ...accepted.filter((a) => a.unitId === unit?.id),
      ];
      const check = checkMembership(officeSpan, unit, unitCode!, span, others);
      if (!check.ok) {
        const dup = accepted.find((a) => a.unitId === unit?.id && overlaps(a, span));
        errors.push({ ...at(unit ? 'from' : 'unitCode'), message: dup ? `${unit!.name} (${unit!.code}) trùng thời gian với dòng ${dup.row} (${dup.officeName} ${spanText(dup)}).` : check.message });
        continue;
      }
      accepted.push({ ...check.span, officeCode: officeCode!, officeName: office!.name, unitId: unit!.id, row: cellAddress(hit.sheet, i, 0).row });
      if (same && same.validTo === null && check.span.validTo !== null) {
        ops.push({ op: 'endMember', membershipId: same.id, validTo: check.span.validTo });
        changes.push({ action: 'end-member', officeCode: officeCode!, officeName: office!.name, description: `${unit!.name} (${unit!.code}) thôi trực thuộc sau ngày ${formatDate(check.span.validTo)}` });
        counts.membersChanged++;
      } else if (same) {
        errors.push({ ...at('to'), message: `${unit!.name} (${unit!.code}) đã thuộc ${office!.name} ${spanText(same)}; chỉ đặt được ngày kết thúc cho phân công chưa kết thúc.` });
      } else {
        ops.push({ op: 'addMember', officeCode: officeCode!, unitId: unit!.id, span: check.span });
        changes.push({ action: 'add-member', officeCode: officeCode!, officeName: office!.name, description: `${unit!.name} (${unit!.code}) ${spanText(check.span)}` });
        counts.membersAdded++;
      }
    }
  }
  return {
    stored: { ops, errors, counts },
    preview: { officesSheet: officesHit?.sheet.name ?? null, membersSheet: membersHit?.sheet.name ?? null, ...counts, unchanged, errors, changes },
  };
}

/** "Tệp a.xlsx, trang "Xã phường", dòng 7, ô C7: …": where to look in Excel. */
export function issueText(fileName: string, issue: CellIssue): string {
  return `Tệp "${fileName}", trang "${issue.sheet}", dòng ${issue.row}${issue.cell ? `, ô ${issue.cell}` : ''}: ${issue.message}`;
}

/** Writes exactly the previewed plan, after a backup, in one transaction with its audit row. */
export async function commitOfficeImport(ctx: CoreContext, plans: PlanStore<StoredOfficePlan>, planId: string): Promise<OfficeImportOutcome> {
  const stored = plans.take(planId);
  if (!stored) throw new AppError('NOT_FOUND', 'Bản xem trước đã hết hạn hoặc đã được nhập; hãy chọn lại tệp.');
  const { fileName, ops, errors, counts } = stored;
  if (errors.length > 0) {
    throw new AppError('IMPORT_REJECTED', `Tệp "${fileName}" còn ${errors.length} lỗi; hãy sửa trong tệp rồi nhập lại. Chưa có gì được ghi.`, { errors: errors.slice(0, 50) });
  }
  const repo = new OfficeRepository(ctx.store);
  if ((await repo.fingerprint()) !== stored.fingerprint) throw new AppError('CONFLICT', 'Danh mục cơ quan đã thay đổi kể từ lúc xem trước; hãy xem trước lại.');
  const outcome: OfficeImportOutcome = { fileName, ...counts };
  if (ops.length === 0) return outcome;
  await safetyBackup(ctx, 'pre-import');
  await ctx.store.transaction(async () => {
    const now = isoNow(ctx);
    const ids = new Map((await repo.all()).map((o) => [o.code, o.id]));
    for (const op of ops) {
      if (op.op === 'addOffice') ids.set(op.code, await repo.insertOffice({ code: op.code, provinceUnitId: op.provinceUnitId, ...op.fields }, now));
      else if (op.op === 'updateOffice') await repo.updateOffice(ids.get(op.code)!, op.fields, now);
      else if (op.op === 'endMember') await repo.setMembershipValidTo(op.membershipId, op.validTo);
    }
    await repo.insertMemberships(ops.flatMap((op) => (op.op === 'addMember' ? [{ officeId: ids.get(op.officeCode)!, unitId: op.unitId, ...op.span }] : [])));
    await recordAudit(
      ctx.store,
      ctx.actor,
      {
        action: 'import',
        entity: 'office',
        entityKey: null,
        summary: `Nhập "${fileName}": thêm ${formatCount(counts.officesAdded)} cơ quan, sửa ${formatCount(counts.officesUpdated)}, giao ${formatCount(counts.membersAdded)} xã, phường, kết thúc ${formatCount(counts.membersChanged)} phân công`,
        details: { file: fileName, ops: ops.length },
      },
      ctx.now(),
    );
  });
  ctx.events.emit({ type: 'data-changed', area: 'offices' });
  return outcome;
}
