import type { CampaignPartner, CellIssue } from '../../../shared/contract';
import { audiencesOf, campaignKindOf, CAMPAIGN_KIND_LABELS, CAMPAIGN_KINDS, type Audience, type CampaignKind, type CampaignResource, type ProductFigures } from '../../../shared/domain/campaigns';
import { formatDate } from '../../../shared/format/vi';
import { parseViCell } from '../../../shared/format/viNumber';
import { foldText } from '../../../shared/text/fold';
import type { ImportLookups, OfficeRef } from '../network/importLookups';
import { cellText, dataRows, dateOf, type DataRow, type Table } from '../network/importSheets';
import { splitNames } from '../network/importValues';
import { FIELD_LABELS, type CampaignField } from './importHeaders';

/**
 * A campaign table read into campaigns: one row per campaign ("Từ ngày"/"Đến ngày", or one
 * "Ngày"), or one row per day, where consecutive rows with the same name and kind on close
 * dates are one campaign held over several days (a two-day launch day with its plan on the
 * first row only). Plans, costs, sessions and resources of those rows add up; attendees and
 * sign-ups stay on their days.
 */
export interface CampaignDraft {
  sheet: string;
  /** Excel row numbers the campaign was read from. */
  rows: number[];
  name: string;
  nameKey: string;
  kind: CampaignKind;
  startsOn: string;
  endsOn: string;
  officeId: number | null;
  officeCode: string | null;
  place: string | null;
  unitIds: number[];
  unitCodes: string[];
  partners: (CampaignPartner & { agentId: number | null })[];
  audiences: Audience[];
  sessions: number;
  resources: Record<CampaignResource, number | null>;
  cost: number | null;
  plan: ProductFigures;
  notes: string | null;
  days: { day: string; attendees: number | null; signups: ProductFigures; note: string | null }[];
}

/** What the rows name, looked up once for the whole file. */
export interface ReadLookups {
  lookups: ImportLookups;
  /** Agents by code and by folded name, for partners. */
  agentByCode: Map<string, { id: number; code: string; name: string }>;
  agentsByName: Map<string, { id: number; code: string }[]>;
}

interface RowValues {
  row: DataRow<CampaignField>;
  seqBlank: boolean;
  name: string;
  nameKey: string;
  kind: CampaignKind;
  from: string;
  to: string;
  office: OfficeRef | null;
  place: string | null;
  units: { id: number; code: string }[];
  partners: (CampaignPartner & { agentId: number | null })[];
  audiences: Audience[];
  sessions: number | null;
  attendees: number | null;
  plan: ProductFigures;
  signups: ProductFigures;
  cost: number | null;
  resources: Record<CampaignResource, number | null>;
  notes: string | null;
}

const RESOURCE_FIELDS: [CampaignResource, CampaignField][] = [
  ['teams', 'teams'], ['vehicles', 'vehicles'], ['staff', 'staff'], ['leaflets', 'leaflets'], ['broadcasts', 'broadcasts'], ['posts', 'posts'], ['reach', 'reach'],
];

/** Days between two ISO dates. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

const plus = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : a + b);

/**
 * Reads the rows under the header. Each bad cell is an error naming its sheet, row and cell;
 * rows with errors are left out of the campaigns (nothing is written while any error stands).
 */
export function readCampaigns(table: Table<CampaignField>, look: ReadLookups, out: { errors: CellIssue[]; warnings: CellIssue[] }): { drafts: CampaignDraft[]; layout: 'campaign' | 'day'; rows: number } {
  const sheet = table.sheet.name;
  const titleOffice = look.lookups.officeInTitle(table.titleLines);
  const values: RowValues[] = [];
  let rows = 0;
  const merged = mergedValues(table);
  for (const raw of dataRows(table)) {
    rows++;
    // A name or kind merged down over a campaign's day rows is read on each of them.
    // Figures are not: a plan merged over two days is one plan, on the first day.
    const r: DataRow<CampaignField> = { ...raw, get: (f) => raw.get(f) ?? (!MERGE_FILLED.has(f) || table.columns[f] === undefined ? null : (merged.get(`${raw.i}:${table.columns[f]}`) ?? null)) };
    const v = readRow(r, look, titleOffice, out);
    if (v) values.push(v);
  }
  const rangeColumns = table.columns.from !== undefined;
  const groups: RowValues[][] = [];
  for (const v of values) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (!rangeColumns && last && prev && sameCampaign(last[0]!, prev, v)) last.push(v);
    else groups.push([v]);
  }
  const layout = groups.some((g) => g.length > 1) ? 'day' : 'campaign';
  const drafts = groups.map((g) => draftOf(sheet, g, rangeColumns));
  // (name, start) is how a campaign is found again; two in one file would be one.
  const seen = new Map<string, CampaignDraft>();
  const kept: CampaignDraft[] = [];
  for (const d of drafts) {
    const key = `${d.nameKey}|${d.startsOn}`;
    const first = seen.get(key);
    if (first) {
      const at = values.find((v) => v.row.row === d.rows[0])!.row.at('name');
      out.errors.push({ ...at, message: `Hoạt động "${d.name}" ngày ${formatDate(d.startsOn)} đã có ở dòng ${first.rows[0]}; mỗi hoạt động chỉ ghi một lần (gộp các dòng hoặc đổi tên).` });
      continue;
    }
    seen.set(key, d);
    kept.push(d);
  }
  return { drafts: kept, layout, rows };
}

const MERGE_FILLED = new Set<CampaignField>(['name', 'kind', 'place', 'office', 'partner', 'audience']);

/** The value of each cell hidden under a merge below the header: its merge's top-left value. */
function mergedValues(table: Table<CampaignField>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const m of table.sheet.merges) {
    if (m.top <= table.headerIndex) continue;
    const value = table.sheet.rows[m.top]?.[m.left] ?? null;
    if (value === null) continue;
    for (let i = m.top; i <= Math.min(m.bottom, m.top + 400); i++) for (let j = m.left; j <= m.right; j++) if (i !== m.top || j !== m.left) out.set(`${i}:${j}`, value);
  }
  return out;
}

/** A row continues the campaign above: same name and kind, a later date at most 31 days on, the next day or the same place or no number of its own. */
function sameCampaign(first: RowValues, prev: RowValues, v: RowValues): boolean {
  if (v.nameKey !== first.nameKey || v.kind !== first.kind) return false;
  const gap = daysBetween(prev.to, v.from);
  if (gap < 1 || gap > 31) return false;
  return gap === 1 || v.seqBlank || foldText(v.place ?? '') === foldText(prev.place ?? '');
}

function draftOf(sheet: string, g: RowValues[], rangeColumns: boolean): CampaignDraft {
  const first = g[0]!;
  const sum = (pick: (v: RowValues) => number | null) => g.reduce<number | null>((a, v) => plus(a, pick(v)), null);
  const distinct = <T>(items: T[], key: (t: T) => string) => {
    const m = new Map<string, T>();
    for (const t of items) if (!m.has(key(t))) m.set(key(t), t);
    return [...m.values()];
  };
  const places = distinct(g.map((v) => v.place).filter((p): p is string => p !== null), foldText);
  const units = distinct(g.flatMap((v) => v.units), (u) => String(u.id));
  const notes = distinct(g.map((v) => v.notes).filter((n): n is string => n !== null), foldText);
  const resources = {} as Record<CampaignResource, number | null>;
  for (const [res] of RESOURCE_FIELDS) resources[res] = sum((v) => v.resources[res]);
  const sessions = sum((v) => v.sessions);
  const multi = g.length > 1;
  const days: CampaignDraft['days'] = [];
  for (const v of g) {
    const hasFigures = v.attendees !== null || v.signups.BHXH_TN !== null || v.signups.BHYT_HGD !== null;
    // A row per day is a day even without figures; a row per campaign has its figures on its first day.
    if (hasFigures || (multi && !rangeColumns)) days.push({ day: v.from, attendees: v.attendees, signups: { ...v.signups }, note: multi && v.place && places.length > 1 ? v.place : null });
  }
  return {
    sheet,
    rows: g.map((v) => v.row.row),
    name: first.name,
    nameKey: first.nameKey,
    kind: first.kind,
    startsOn: first.from,
    endsOn: g.reduce((a, v) => (v.to > a ? v.to : a), first.to),
    officeId: first.office?.id ?? null,
    officeCode: first.office?.code ?? null,
    place: places.length > 0 ? places.join(', ') : null,
    unitIds: units.map((u) => u.id),
    unitCodes: units.map((u) => u.code),
    partners: distinct(g.flatMap((v) => v.partners), (p) => (p.agentCode ? `@${p.agentCode}` : foldText(p.name))),
    audiences: distinct(g.flatMap((v) => v.audiences), (a) => a),
    sessions: sessions ?? 1,
    resources,
    cost: sum((v) => v.cost),
    plan: { BHXH_TN: sum((v) => v.plan.BHXH_TN), BHYT_HGD: sum((v) => v.plan.BHYT_HGD) },
    notes: notes.length > 0 ? notes.join('; ') : null,
    days,
  };
}

const KIND_HINT = CAMPAIGN_KINDS.map((k) => `"${CAMPAIGN_KIND_LABELS[k]}"`).join(', ');

function readRow(r: DataRow<CampaignField>, look: ReadLookups, titleOffice: OfficeRef | null, out: { errors: CellIssue[]; warnings: CellIssue[] }): RowValues | null {
  const before = out.errors.length;
  const error = (f: CampaignField | null, message: string) => out.errors.push({ ...r.at(f), message });
  const warn = (f: CampaignField | null, message: string) => out.warnings.push({ ...r.at(f), message });
  const text = (f: CampaignField) => cellText(r.get(f));

  const name = text('name');
  if (!name) error('name', 'Thiếu tên hoạt động (cột nội dung).');
  else if (name.length < 3 || name.length > 300) error('name', `Tên hoạt động "${name.slice(0, 40)}" phải dài từ 3 đến 300 ký tự.`);

  const kindText = text('kind');
  let kind: CampaignKind | null = null;
  if (kindText) {
    kind = campaignKindOf(kindText);
    if (!kind) error('kind', `Loại hình "${kindText}" không rõ; cần một trong: ${KIND_HINT}.`);
  } else if (name) {
    kind = campaignKindOf(name);
    if (!kind) error(r.has('kind') ? 'kind' : 'name', `Thiếu loại hình của hoạt động "${name}"; cần một trong: ${KIND_HINT}.`);
  }

  const date = (f: CampaignField): string | null => {
    if (!r.has(f)) return null;
    const d = dateOf(r.get(f));
    if (!d.ok) {
      error(f, `${capital(FIELD_LABELS[f])} "${text(f)}" không hợp lệ: cần dạng dd/mm/yyyy.`);
      return null;
    }
    return d.value;
  };
  const single = date('date');
  const fromCell = date('from');
  const toCell = date('to');
  const from = fromCell ?? single;
  const to = toCell ?? from;
  if (!from && out.errors.length === before) error(r.has('from') ? 'from' : 'date', 'Thiếu ngày tổ chức (dd/mm/yyyy).');
  if (from && to && to < from) error('to', `Ngày kết thúc ${formatDate(to)} trước ngày bắt đầu ${formatDate(from)}.`);
  if (from && to && daysBetween(from, to) > 400) error('to', `Hoạt động kéo dài quá 400 ngày (${formatDate(from)} – ${formatDate(to)}); hãy tách thành nhiều dòng.`);

  const count = (f: CampaignField, max = 100_000_000): number | null => {
    if (!r.has(f)) return null;
    const raw = r.get(f);
    const parsed = parseViCell(typeof raw === 'string' ? raw.trim() : raw, 'count');
    if (!parsed.ok) {
      error(f, `${capital(FIELD_LABELS[f])}: ${parsed.message}.`.replace(/\.\.$/, '.'));
      return null;
    }
    if (parsed.value !== null && parsed.value > max) {
      error(f, `${capital(FIELD_LABELS[f])} ${parsed.value} quá lớn.`);
      return null;
    }
    return parsed.value;
  };
  const sessions = count('sessions', 100_000);
  const attendees = count('attendees');
  const plan = { BHXH_TN: count('planTn'), BHYT_HGD: count('planHgd') };
  const signups = { BHXH_TN: count('signupTn'), BHYT_HGD: count('signupHgd') };
  const cost = count('cost', 1e13);
  const resources = {} as Record<CampaignResource, number | null>;
  for (const [res, f] of RESOURCE_FIELDS) resources[res] = count(f);

  // The organising office: its own column, else the one the title names.
  let office = titleOffice;
  const officeText = text('office');
  if (officeText) {
    const hit = look.lookups.office(officeText);
    if (hit) office = hit;
    else warn('office', `Không nhận ra cơ quan BHXH "${officeText}"; hoạt động được ghi ${titleOffice ? `cho ${titleOffice.name}` : 'không gắn cơ quan'}.`);
  }

  // Where: communes of the database by name; what does not match stays as words.
  const place = text('place');
  const units: { id: number; code: string }[] = [];
  if (place) {
    for (const part of splitNames(place)) {
      const hit = look.lookups.commune(part, office);
      if (hit.ok) units.push({ id: hit.unit.id, code: hit.unit.code });
      else warn('place', `Địa điểm "${part}" không khớp xã, phường nào trong danh mục; giữ nguyên chữ, không gắn đơn vị.`);
    }
  }

  const partners: RowValues['partners'] = [];
  const partnerText = text('partner');
  if (partnerText) {
    for (const part of splitNames(partnerText)) {
      if (part.length < 2) continue;
      const byCode = look.agentByCode.get(part.replace(/\s+/g, ''));
      const byName = look.agentsByName.get(foldText(part)) ?? [];
      if (byCode) partners.push({ agentCode: byCode.code, agentId: byCode.id, name: byCode.name });
      else if (byName.length === 1) partners.push({ agentCode: byName[0]!.code, agentId: byName[0]!.id, name: part });
      else partners.push({ agentCode: null, agentId: null, name: part.slice(0, 200) });
    }
  }

  const audienceText = text('audience');
  const audiences = audienceText ? audiencesOf(audienceText) : [];
  if (audienceText && audiences.length === 0) warn('audience', `Đối tượng "${audienceText}" không thuộc nhóm nào đã biết; ghi vào ghi chú.`);
  const noteParts = [text('notes'), audienceText && audiences.length === 0 ? `Đối tượng: ${audienceText}` : null].filter((t): t is string => t !== null);

  if (out.errors.length > before || !name || !kind || !from || !to) return null;
  return {
    row: r,
    seqBlank: !r.has('seq') || text('seq') === null,
    name,
    nameKey: foldText(name),
    kind,
    from,
    to,
    office,
    place,
    units,
    partners,
    audiences,
    sessions,
    attendees,
    plan,
    signups,
    cost,
    resources,
    notes: noteParts.length > 0 ? noteParts.join('; ').slice(0, 4000) : null,
  };
}

function capital(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}
