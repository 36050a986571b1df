import type { Unit } from '../../../shared/domain/units';
import { foldText, unitNameKey } from '../../../shared/text/fold';
import { chunks } from '../db/batching';
import type { Store } from '../db/store';
import { officeKey } from '../offices/match';
import { OfficeRepository } from '../offices/repository';
import { covers } from '../offices/rules';
import { UnitRepository } from '../units/repository';

/**
 * What the network imports match typed names against, each read in a constant number of
 * queries whatever the file's length: communes, offices, agents by folded name, points.
 */
export interface OfficeRef {
  id: number;
  code: string;
  name: string;
  unitIds: Set<number>;
}

export class ImportLookups {
  private communesByKey = new Map<string, Unit[]>();
  private communesByCode = new Map<string, Unit>();
  private unitNames = new Map<number, string>();
  offices: OfficeRef[] = [];

  private constructor(private readonly today: string) {}

  static async load(store: Store, today: string): Promise<ImportLookups> {
    const out = new ImportLookups(today);
    const units = await new UnitRepository(store).list({ level: 'commune' });
    for (const u of units) {
      out.communesByCode.set(u.code, u);
      out.unitNames.set(u.id, u.name);
      const key = unitNameKey(u.name);
      (out.communesByKey.get(key) ?? out.communesByKey.set(key, []).get(key)!).push(u);
    }
    const repo = new OfficeRepository(store);
    const [offices, members] = await Promise.all([repo.all(), repo.memberships()]);
    out.offices = offices.map((o) => ({
      id: o.id, code: o.code, name: o.name,
      unitIds: new Set(members.filter((m) => m.officeId === o.id && covers({ validFrom: m.validFrom, validTo: m.validTo }, today)).map((m) => m.unitId)),
    }));
    return out;
  }

  /**
   * The commune a typed name stands for ("TT Ngan Dừa", "X. Vĩnh Lộc", "31006"): matched on the
   * name key; among namesakes, the one of the office, then the one working today.
   */
  commune(typed: string, office: OfficeRef | null): { ok: true; unit: Unit } | { ok: false; message: string } {
    const code = typed.replace(/\s+/g, '');
    if (/^\d{5}$/.test(code)) {
      const unit = this.communesByCode.get(code);
      return unit ? { ok: true, unit } : { ok: false, message: `Không có xã, phường mã ${code} trong danh mục đơn vị.` };
    }
    let hits = this.communesByKey.get(unitNameKey(typed)) ?? [];
    if (hits.length > 1 && office) {
      const mine = hits.filter((u) => office.unitIds.has(u.id));
      if (mine.length > 0) hits = mine;
    }
    if (hits.length > 1) {
      const working = hits.filter((u) => covers({ validFrom: u.validFrom, validTo: u.validTo }, this.today));
      if (working.length > 0) hits = working;
    }
    if (hits.length === 1) return { ok: true, unit: hits[0]! };
    if (hits.length === 0) return { ok: false, message: `Không tìm thấy xã, phường "${typed}" trong danh mục đơn vị hành chính; hãy kiểm tra tên hoặc nhập danh mục đơn vị trước.` };
    return { ok: false, message: `Có ${hits.length} xã, phường tên "${typed}" (${hits.map((u) => `${u.name} mã ${u.code}`).join(', ')}); hãy ghi mã xã.` };
  }

  /** An office by code, or by name as a title writes it ("BHXH HUYỆN HỒNG DÂN", "Hồng Dân"). */
  office(typed: string): OfficeRef | null {
    const byCode = this.offices.find((o) => o.code === typed.trim());
    if (byCode) return byCode;
    const key = officeKey(typed) ?? unitNameKey(typed);
    if (!key) return null;
    const hits = this.offices.filter((o) => (officeKey(o.name) ?? unitNameKey(o.name)) === key);
    return hits.length === 1 ? hits[0]! : null;
  }

  /** The office a sheet's title lines name, if exactly one does. */
  officeInTitle(lines: string[]): OfficeRef | null {
    for (const line of [...lines].reverse()) {
      if (!officeKey(line)) continue;
      const hit = this.office(line);
      if (hit) return hit;
    }
    return null;
  }

  unitName(id: number | null): string | null {
    return id === null ? null : this.unitNames.get(id) ?? null;
  }

  officeById(id: number | null): OfficeRef | null {
    return id === null ? null : this.offices.find((o) => o.id === id) ?? null;
  }
}

/** Agents by folded name: the code of each, for lists that name the agent instead of coding it. */
export async function agentsByNameKey(store: Store, names: string[]): Promise<Map<string, { id: number; code: string; officeId: number | null }[]>> {
  const out = new Map<string, { id: number; code: string; officeId: number | null }[]>();
  for (const chunk of chunks([...new Set(names.map(foldText))].filter(Boolean))) {
    const rows = await store.db.selectFrom('agents').select(['id', 'code', 'name_key', 'office_id']).where('name_key', 'in', chunk).execute();
    for (const r of rows) (out.get(r.name_key) ?? out.set(r.name_key, []).get(r.name_key)!).push({ id: r.id, code: r.code, officeId: r.office_id });
  }
  return out;
}

export interface ExistingPoint {
  id: number;
  code: string | null;
  agentId: number;
  name: string;
  nameKey: string;
  address: string | null;
  unitId: number | null;
  openedOn: string | null;
  closedOn: string | null;
  signage: boolean;
  note: string | null;
}

/** Points named by code, and every point of some agents (for rows without a point code). */
export async function existingPoints(store: Store, codes: string[], agentIds: number[]): Promise<ExistingPoint[]> {
  const select = () =>
    store.db
      .selectFrom('collection_points')
      .select(['id', 'code', 'agent_id as agentId', 'name', 'name_key as nameKey', 'address', 'unit_id as unitId', 'opened_on as openedOn', 'closed_on as closedOn', 'signage', 'note']);
  const seen = new Map<number, ExistingPoint>();
  const add = (rows: Awaited<ReturnType<ReturnType<typeof select>['execute']>>) => {
    for (const r of rows) seen.set(r.id, { ...r, signage: r.signage === 1 });
  };
  for (const chunk of chunks([...new Set(codes)])) add(await select().where('code', 'in', chunk).execute());
  for (const chunk of chunks([...new Set(agentIds)])) add(await select().where('agent_id', 'in', chunk).execute());
  return [...seen.values()];
}

/** The communes each agent or staff member names, for the preview's differences. */
export async function namedCommunes(store: Store, table: 'agent_communes' | 'staff_communes', ids: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  for (const chunk of chunks([...new Set(ids)])) {
    const rows =
      table === 'agent_communes'
        ? await store.db.selectFrom('agent_communes').select(['agent_id as owner', 'unit_id']).where('agent_id', 'in', chunk).execute()
        : await store.db.selectFrom('staff_communes').select(['staff_id as owner', 'unit_id']).where('staff_id', 'in', chunk).execute();
    for (const r of rows) (out.get(r.owner) ?? out.set(r.owner, []).get(r.owner)!).push(r.unit_id);
  }
  return out;
}

/**
 * What the network's lists look like now: the preview is committed only onto the same state.
 * Six small aggregate queries.
 */
export async function networkFingerprint(store: Store): Promise<string> {
  const parts: string[] = [];
  for (const table of ['agents', 'collection_points', 'agent_staff'] as const) {
    const r = await store.db.selectFrom(table).select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('updated_at').as('at')]).executeTakeFirst();
    parts.push(`${table}:${Number(r?.n ?? 0)}:${String(r?.at ?? '')}`);
  }
  for (const table of ['agent_communes', 'staff_communes', 'units'] as const) {
    const r = await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    parts.push(`${table}:${Number(r?.n ?? 0)}`);
  }
  parts.push(await new OfficeRepository(store).fingerprint());
  return parts.join('|');
}
