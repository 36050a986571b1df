import type { Office } from '../../../shared/contract';
import { chunks } from '../db/batching';
import type { Store } from '../db/store';

export class OfficeRepository {
  constructor(private readonly store: Store) {}

  async list(): Promise<Office[]> {
    const offices = await this.store.db
      .selectFrom('offices as o')
      .innerJoin('units as p', 'p.id', 'o.province_unit_id')
      .select(['o.id', 'o.code', 'o.name', 'p.code as provinceCode', 'o.is_demo as isDemo'])
      .orderBy('o.code')
      .execute();
    const members = await this.store.db
      .selectFrom('office_units as ou')
      .innerJoin('units as u', 'u.id', 'ou.unit_id')
      .select(['ou.office_id as officeId', 'u.code'])
      .execute();
    const codes = new Map<number, string[]>();
    for (const m of members) codes.set(m.officeId, [...(codes.get(m.officeId) ?? []), m.code]);
    return offices.map((o) => ({ code: o.code, name: o.name, provinceCode: o.provinceCode, isDemo: o.isDemo === 1, communeCodes: (codes.get(o.id) ?? []).sort() }));
  }

  /** Every office with the ids of the units it serves, in two queries. */
  async withUnitIds(): Promise<{ code: string; name: string; provinceCode: string; unitIds: number[] }[]> {
    const offices = await this.store.db
      .selectFrom('offices as o')
      .innerJoin('units as p', 'p.id', 'o.province_unit_id')
      .select(['o.id', 'o.code', 'o.name', 'p.code as provinceCode'])
      .orderBy('o.code')
      .execute();
    const members = await this.store.db.selectFrom('office_units').select(['office_id', 'unit_id']).execute();
    const ids = new Map<number, number[]>();
    for (const m of members) ids.set(m.office_id, [...(ids.get(m.office_id) ?? []), m.unit_id]);
    return offices.map((o) => ({ code: o.code, name: o.name, provinceCode: o.provinceCode, unitIds: ids.get(o.id) ?? [] }));
  }

  /** An office with the ids of every unit it serves (old and current communes alike). */
  async byCode(code: string): Promise<{ code: string; name: string; unitIds: number[] } | null> {
    const office = await this.store.db.selectFrom('offices').select(['id', 'code', 'name']).where('code', '=', code).executeTakeFirst();
    if (!office) return null;
    const ids = await this.store.db.selectFrom('office_units').select('unit_id').where('office_id', '=', office.id).execute();
    return { code: office.code, name: office.name, unitIds: ids.map((r) => r.unit_id) };
  }

  async insert(office: { code: string; name: string; provinceUnitId: number; unitIds: number[]; isDemo: boolean }): Promise<void> {
    const { id } = await this.store.db
      .insertInto('offices')
      .values({ code: office.code, name: office.name, province_unit_id: office.provinceUnitId, is_demo: office.isDemo ? 1 : 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const unitIds of chunks(office.unitIds)) {
      await this.store.db.insertInto('office_units').values(unitIds.map((unitId) => ({ office_id: id, unit_id: unitId }))).execute();
    }
  }
}
