import { normaliseCccd } from '../../../shared/calc/cccd';
import type { AgentProduct, AgentStatus, StaffRole, StaffStatus } from '../../../shared/domain/network';
import { foldText } from '../../../shared/text/fold';
import { cellText, dateOf } from './importSheets';

/** The values offices type in their lists, read the way a clerk would: statuses, products, roles, yes/no, birth years. */
export const CODE = /^[0-9A-Za-z._-]{1,30}$/;

export const STATUS_WORDS: [RegExp, AgentStatus][] = [
  [/^(dang )?hoat dong|^con hieu luc|^dang thu/, 'active'],
  [/^tam (dung|ngung|nghi)/, 'suspended'],
  [/^(da )?(cham dut|ngung|thanh ly|het hieu luc|het han)/, 'ended'],
];
export const STAFF_STATUS_WORDS: [RegExp, StaffStatus][] = [
  [/^(dang )?(lam|hoat dong|lam viec)/, 'active'],
  [/^tam (nghi|dung|ngung)/, 'paused'],
  [/^(da )?(nghi|thoi viec|nghi viec)/, 'left'],
];

export function statusOf<S>(text: string, table: [RegExp, S][]): S | null {
  const key = foldText(text);
  return table.find(([re]) => re.test(key))?.[1] ?? null;
}

export function productOf(text: string): AgentProduct | null {
  const key = ` ${foldText(text)} `;
  const tn = / (bhxh|tn|tu nguyen) /.test(key);
  const hgd = / (bhyt|hgd|ho gia dinh) /.test(key);
  if (tn && hgd) return 'ALL';
  if (tn) return 'BHXH_TN';
  if (hgd) return 'BHYT_HGD';
  return /^ (ca hai|tat ca|all) $/.test(key) ? 'ALL' : null;
}

export function roleOf(text: string): StaffRole | null {
  const key = foldText(text);
  if (/\b(cong tac vien|ctv|truong ap|truong khom|truong thon)\b/.test(key)) return 'collaborator';
  if (/\b(nhan vien|nv|nhan vien thu|dai ly vien)\b/.test(key)) return 'staff';
  return null;
}

export function yesNo(value: unknown): boolean | null {
  if (typeof value === 'number') return value !== 0;
  const key = foldText(String(value ?? ''));
  if (!key) return null;
  if (/^(co|x|yes|1|da co|da lap)$/.test(key)) return true;
  if (/^(khong|0|no|chua|chua co)$/.test(key)) return false;
  return null;
}

export function sexOf(text: string): 'M' | 'F' | null {
  const key = foldText(text);
  return key === 'nam' || key === 'm' ? 'M' : key === 'nu' || key === 'f' ? 'F' : null;
}

/** "Ngan Dừa, Ninh Quới; Ninh Hòa" → the names, each trimmed. */
export function splitNames(text: string): string[] {
  return text
    .split(/[,;\n]|\s+-\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export const ALL_COMMUNES = /^(tat ca|toan huyen|toan thi xa|toan thanh pho|toan bo|ca huyen|tat ca cac xa)/;

export function badDate(label: string, value: unknown): string {
  return `${label} "${cellText(value)}" không hợp lệ: cần dạng dd/mm/yyyy.`;
}

/** A CCCD cell: digits only, its leading 0 back when Excel kept it as a number. */
export function cccdOf(value: unknown): string | null {
  const t = cellText(value);
  if (!t) return null;
  return normaliseCccd(typeof value === 'number' ? String(value) : t, typeof value === 'number');
}

/** "Năm sinh": a year (1986, "1986") or a whole date. */
export function birthOf(value: unknown): { ok: true; year: number | null; date: string | null } | { ok: false } {
  const t = cellText(value);
  if (!t) return { ok: true, year: null, date: null };
  const asYear = typeof value === 'number' ? value : /^\d{4}$/.test(t) ? Number(t) : null;
  if (asYear !== null && Number.isInteger(asYear) && asYear >= 1900 && asYear <= 2100) return { ok: true, year: asYear, date: null };
  const d = dateOf(value);
  if (d.ok && d.value) return { ok: true, year: Number(d.value.slice(0, 4)), date: d.value };
  return { ok: false };
}
