import type { CellIssue, UnitChange, UnitImportShape } from '../../../shared/contract';
import { dayBefore, formatDate } from '../../../shared/format/vi';
import type { Unit, UnitLevel } from '../../../shared/domain/units';
import { revision } from '../db/revisions';
import type { Store } from '../db/store';
import type { ParsedUnitSheet } from './importParse';
import { UnitRepository } from './repository';
import { kindFromName } from './rules';

export type PlanOp =
  | { op: 'add'; code: string; name: string; level: UnitLevel; kind: string | null; parentCode: string | null; validFrom: string | null }
  | { op: 'update'; code: string; name: string; kind: string | null; parentCode: string | null }
  | { op: 'close'; code: string; validTo: string }
  | { op: 'setValidFrom'; code: string; validFrom: string }
  | { op: 'link'; fromCode: string; toCode: string; effectiveDate: string; share: number };

export interface UnitImportPlan {
  shape: UnitImportShape;
  sheet: string;
  rowCount: number;
  validFrom: string | null;
  ops: PlanOp[];
  changes: UnitChange[];
  errors: CellIssue[];
  added: number;
  updated: number;
  unchanged: number;
  linksAdded: number;
}

/** The units revision counter (migration 3): a commit refuses a plan made on another state. */
export async function unitsFingerprint(store: Store): Promise<string> {
  return String(await revision(store, 'units'));
}

export async function planUnitImport(store: Store, parsed: ParsedUnitSheet, validFromOverride: string | null | undefined): Promise<UnitImportPlan> {
  const repo = new UnitRepository(store);
  const existing = await repo.allByCode();
  const validFrom = validFromOverride !== undefined ? validFromOverride : parsed.shape === 'list-2-level' ? '2025-07-01' : null;
  const plan: UnitImportPlan = {
    shape: parsed.shape, sheet: parsed.sheet, rowCount: parsed.rowCount, validFrom,
    ops: [], changes: [], errors: [...parsed.errors], added: 0, updated: 0, unchanged: 0, linksAdded: 0,
  };
  if (parsed.shape === 'merges') planMerges(await repo.allLinks(), parsed.rows, existing, plan, parsed.sheet);
  else planList(parsed.rows, parsed.sheet, existing, plan);
  return plan;
}

interface Desired {
  code: string;
  name: string;
  level: UnitLevel;
  kind: string | null;
  parentCode: string | null;
  row: number;
  column: string;
}

function planList(rows: Extract<ParsedUnitSheet, { shape: 'list-3-level' | 'list-2-level' }>['rows'], sheet: string, existing: Map<string, Unit>, plan: UnitImportPlan): void {
  const desired = new Map<string, Desired>();
  const want = (d: Desired) => {
    const seen = desired.get(d.code);
    if (!seen) return void desired.set(d.code, d);
    if (seen.name !== d.name || seen.level !== d.level) {
      plan.errors.push({
        sheet, row: d.row, column: d.column, cell: `${d.column}${d.row}`,
        message: `Mã ${d.code} đã dùng ở dòng ${seen.row} cho "${seen.name}", nay lại ghi "${d.name}".`,
      });
    }
  };
  for (const r of rows) {
    want({ code: r.provinceCode, name: r.provinceName || `Tỉnh ${r.provinceCode}`, level: 'province', kind: kindFromName(r.provinceName, 'province'), parentCode: null, row: r.row, column: r.codeColumns.province });
    if (r.districtCode) {
      want({ code: r.districtCode, name: r.districtName || `Huyện ${r.districtCode}`, level: 'district', kind: kindFromName(r.districtName ?? '', 'district'), parentCode: r.provinceCode, row: r.row, column: r.codeColumns.district ?? r.codeColumns.province });
    }
    want({ code: r.communeCode, name: r.communeName, level: 'commune', kind: r.kind ?? kindFromName(r.communeName, 'commune'), parentCode: r.districtCode ?? r.provinceCode, row: r.row, column: r.codeColumns.commune });
  }
  for (const d of desired.values()) {
    const current = existing.get(d.code);
    if (!current) {
      plan.ops.push({ op: 'add', code: d.code, name: d.name, level: d.level, kind: d.kind, parentCode: d.parentCode, validFrom: plan.validFrom });
      plan.changes.push({ action: 'add', code: d.code, name: d.name, level: d.level, changes: [] });
      plan.added++;
      continue;
    }
    if (current.level !== d.level) {
      plan.errors.push({ sheet, row: d.row, column: d.column, cell: `${d.column}${d.row}`, message: `Mã ${d.code} trong danh mục là "${current.name}" ở cấp khác; không thể dùng cho "${d.name}".` });
      continue;
    }
    const changes: string[] = [];
    if (current.name !== d.name) changes.push(`Tên: ${current.name} → ${d.name}`);
    if (d.kind !== null && current.kind !== d.kind) changes.push(`Loại: ${current.kind ?? '—'} → ${d.kind}`);
    if (current.parentCode !== d.parentCode) changes.push(`Cấp trên: ${current.parentCode ?? '—'} → ${d.parentCode ?? '—'}`);
    if (changes.length === 0) {
      plan.unchanged++;
      continue;
    }
    plan.ops.push({ op: 'update', code: d.code, name: d.name, kind: d.kind ?? current.kind, parentCode: d.parentCode });
    plan.changes.push({ action: 'update', code: d.code, name: d.name, level: d.level, changes });
    plan.updated++;
  }
}

function planMerges(
  allLinks: { fromId: number; toId: number; share: number; effectiveDate: string }[],
  rows: Extract<ParsedUnitSheet, { shape: 'merges' }>['rows'],
  existing: Map<string, Unit>,
  plan: UnitImportPlan,
  sheet: string,
): void {
  const links = new Map(allLinks.map((l) => [`${l.fromId}|${l.toId}`, l]));
  const targetsOf = new Map<string, typeof rows>();
  for (const r of rows) {
    const problems: string[] = [];
    if (!existing.has(r.oldCode)) problems.push(`Mã xã cũ ${r.oldCode}${r.oldName ? ` (${r.oldName})` : ''} chưa có trong danh mục; hãy nhập danh mục trước sáp nhập trước.`);
    if (!existing.has(r.newCode)) problems.push(`Mã xã mới ${r.newCode}${r.newName ? ` (${r.newName})` : ''} chưa có trong danh mục; hãy nhập danh mục sau sáp nhập trước.`);
    if (r.oldCode === r.newCode) problems.push(`Mã xã cũ và mã xã mới trùng nhau (${r.oldCode}).`);
    if (problems.length) {
      for (const message of problems) plan.errors.push({ sheet, row: r.row, column: null, cell: null, message });
      continue;
    }
    targetsOf.set(r.oldCode, [...(targetsOf.get(r.oldCode) ?? []), r]);
  }
  const closed = new Set<string>();
  for (const [oldCode, targets] of targetsOf) {
    const given = targets.filter((t) => t.share !== null);
    if (given.length > 0 && given.length < targets.length) {
      plan.errors.push({ sheet, row: targets[0]!.row, column: null, cell: null, message: `Xã ${oldCode} được chia cho ${targets.length} xã mới nhưng chỉ ghi tỷ lệ cho ${given.length} dòng.` });
      continue;
    }
    const total = given.reduce((sum, t) => sum + t.share!, 0);
    if (given.length && Math.abs(total - 1) > 0.001) {
      plan.errors.push({ sheet, row: targets[0]!.row, column: null, cell: null, message: `Tổng tỷ lệ chia của xã ${oldCode} là ${(total * 100).toFixed(1).replace('.', ',')}%, phải bằng 100%.` });
      continue;
    }
    const old = existing.get(oldCode)!;
    for (const t of targets) {
      const share = t.share ?? 1 / targets.length;
      const target = existing.get(t.newCode)!;
      const link = links.get(`${old.id}|${target.id}`);
      if (link && link.effectiveDate === t.effectiveDate && Math.abs(link.share - share) < 1e-9) {
        plan.unchanged++;
      } else {
        plan.ops.push({ op: 'link', fromCode: oldCode, toCode: t.newCode, effectiveDate: t.effectiveDate, share });
        plan.changes.push({ action: 'link', code: oldCode, name: old.name, level: old.level, changes: [`Sáp nhập vào ${target.name} (${target.code}) từ ${formatDate(t.effectiveDate)}${share < 1 ? `, tỷ lệ ${(share * 100).toFixed(1).replace('.', ',')}%` : ''}`] });
        plan.linksAdded++;
      }
      if (target.validFrom === null && !closed.has(`from:${target.code}`)) {
        closed.add(`from:${target.code}`);
        plan.ops.push({ op: 'setValidFrom', code: target.code, validFrom: t.effectiveDate });
        plan.changes.push({ action: 'update', code: target.code, name: target.name, level: target.level, changes: [`Hiệu lực từ: — → ${formatDate(t.effectiveDate)}`] });
        plan.updated++;
      }
    }
    const lastDay = dayBefore(targets.map((t) => t.effectiveDate).sort()[0]!);
    if (old.validTo === null || old.validTo > lastDay) {
      plan.ops.push({ op: 'close', code: oldCode, validTo: lastDay });
      plan.changes.push({ action: 'update', code: oldCode, name: old.name, level: old.level, changes: [`Hết hiệu lực: ${formatDate(old.validTo) || '—'} → ${formatDate(lastDay)}`] });
      plan.updated++;
    }
  }
}
