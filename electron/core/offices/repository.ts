import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Office, OfficeMembership, OfficeSummary } from '../../../shared/contract';
import type { Page, PageRequest } from '../../../shared/contract/paging';
import { foldText } from '../../../shared/text/fold';
import { chunks } from '../db/batching';
import { foldedWordsMatch, pageOf } from '../db/paging';
import type { Store } from '../db/store';
import { covers } from './rules';

export interface OfficeRow extends OfficeSummary {
  id: number;
  provinceUnitId: number;
  email: string | null;
  note: string | null;
}

export interface MembershipRow extends OfficeMembership {
  officeId: number;
  officeCode: string;
  officeName: string;
  unitId: number;
}

export interface OfficeFields {
  name: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  headName: string | null;
  note: string | null;
  validFrom: string | null;
}


export class OfficeRepository {
  constructor(private readonly store: Store) {}

  private selectOffices() {
    return this.store.db
      .selectFrom('offices as o')
      .innerJoin('units as p', 'p.id', 'o.province_unit_id')
      .select([
        'o.id', 'o.code', 'o.name', 'o.province_unit_id as provinceUnitId', 'p.code as provinceCode', 'p.name as provinceName', 'o.address', 'o.phone',
        'o.email', 'o.head_name as headName', 'o.note', 'o.valid_from as validFrom', 'o.valid_to as validTo', 'o.is_demo as isDemo',
      ]);
  }

  /**
   * Every office with the communes it serves; with `asOf`, only the offices working that day
   * and the communes they serve that day. Two queries.
   */
  async list(asOf?: string): Promise<Office[]> {
    let query = this.selectOffices();
    if (asOf) query = query.where((eb) => eb.and([eb.or([eb('o.valid_from', 'is', null), eb('o.valid_from', '<=', asOf)]), eb.or([eb('o.valid_to', 'is', null), eb('o.valid_to', '>=', asOf)])]));
    const offices = await query.orderBy('o.code').execute();
    const members = await this.store.db
      .selectFrom('office_units as ou')
      .innerJoin('units as u', 'u.id', 'ou.unit_id')
      .select(['ou.office_id as officeId', 'u.code', 'ou.valid_from as validFrom', 'ou.valid_to as validTo'])
      .execute();
    const codes = new Map<number, Set<string>>();
    for (const m of members) {
      if (asOf && !covers(m, asOf)) continue;
      codes.set(m.officeId, (codes.get(m.officeId) ?? new Set()).add(m.code));
    }
    return offices.map((o) => ({ code: o.code, name: o.name, provinceCode: o.provinceCode, isDemo: o.isDemo === 1, communeCodes: [...(codes.get(o.id) ?? [])].sort() }));
  }

  /** One page of offices, the folded name or the code matching the query, with how many communes each serves on `asOf`. */
  async page(req: PageRequest<'code' | 'name'> & { asOf: string; includeClosed?: boolean }): Promise<Page<OfficeSummary>> {
    let query = this.selectOffices();
    const text = req.query?.trim();
    if (text) {
      const key = foldText(text);
      const codeLike = /^[0-9A-Za-z.-]+$/.test(text);
      query = query.where((eb) => (codeLike ? eb.or([eb('o.code', 'like', `${text}%`), foldedWordsMatch('o.name_key', key)]) : foldedWordsMatch('o.name_key', key)));
    }
    if (!req.includeClosed) query = query.where((eb) => eb.or([eb('o.valid_to', 'is', null), eb('o.valid_to', '>=', req.asOf)]));
    const direction = req.desc ? 'desc' : 'asc';
    const page = await pageOf(query, req, (q) => (req.sort === 'name' ? q.orderBy('o.name_key', direction).orderBy('o.code') : q.orderBy('o.code', direction)));
    const counts = await this.communeCounts(page.items.map((o) => o.id), req.asOf);
    return { ...page, items: page.items.map((o) => toSummary({ ...o, communeCount: counts.get(o.id) ?? 0 })) };
  }

  private async communeCounts(officeIds: number[], asOf: string): Promise<Map<number, number>> {
    const out = new Map<number, number>();
    if (officeIds.length === 0) return out;
    const rows = await this.store.db
      .selectFrom('office_units')
      .select(['office_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('office_id', 'in', officeIds)
      .where((eb) => eb.and([eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', asOf)]), eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', asOf)])]))
      .groupBy('office_id')
      .execute();
    for (const r of rows) out.set(r.office_id, Number(r.n));
    return out;
  }

  async byCode(code: string): Promise<OfficeRow | null> {
    const row = await this.selectOffices().where('o.code', '=', code).executeTakeFirst();
    return row ? { ...toSummary({ ...row, communeCount: 0 }), id: row.id, provinceUnitId: row.provinceUnitId, email: row.email, note: row.note } : null;
  }

  async all(): Promise<OfficeRow[]> {
    const rows = await this.selectOffices().orderBy('o.code').execute();
    return rows.map((row) => ({ ...toSummary({ ...row, communeCount: 0 }), id: row.id, provinceUnitId: row.provinceUnitId, email: row.email, note: row.note }));
  }

  /** Memberships of one office, or of every office when no id is given, with their communes. */
  async memberships(officeId?: number): Promise<MembershipRow[]> {
    let query = this.store.db
      .selectFrom('office_units as ou')
      .innerJoin('units as u', 'u.id', 'ou.unit_id')
      .innerJoin('offices as o', 'o.id', 'ou.office_id')
      .select(['ou.id', 'ou.office_id as officeId', 'o.code as officeCode', 'o.name as officeName', 'ou.unit_id as unitId', 'u.code as unitCode', 'u.name as unitName', 'ou.valid_from as validFrom', 'ou.valid_to as validTo']);
    if (officeId !== undefined) query = query.where('ou.office_id', '=', officeId);
    return query.orderBy('u.code').orderBy(sql`COALESCE(ou.valid_from, '0000-01-01')`).execute();
  }

  /** Memberships of these units in any office (what a new assignment must not overlap). */
  async membershipsOfUnits(unitIds: number[]): Promise<MembershipRow[]> {
    const out: MembershipRow[] = [];
    for (const ids of chunks(unitIds)) {
      out.push(
        ...(await this.store.db
          .selectFrom('office_units as ou')
          .innerJoin('units as u', 'u.id', 'ou.unit_id')
          .innerJoin('offices as o', 'o.id', 'ou.office_id')
          .select(['ou.id', 'ou.office_id as officeId', 'o.code as officeCode', 'o.name as officeName', 'ou.unit_id as unitId', 'u.code as unitCode', 'u.name as unitName', 'ou.valid_from as validFrom', 'ou.valid_to as validTo'])
          .where('ou.unit_id', 'in', ids)
          .execute()),
      );
    }
    return out;
  }

  /** Every office with the ids of the units it serves on `day` (the report's tree date), in two queries. */
  async withUnitIds(day: string): Promise<{ code: string; name: string; provinceCode: string; unitIds: number[] }[]> {
    const offices = await this.selectOffices().orderBy('o.code').execute();
    const members = await this.store.db.selectFrom('office_units').select(['office_id', 'unit_id', 'valid_from', 'valid_to']).execute();
    const ids = new Map<number, number[]>();
    for (const m of members) if (covers({ validFrom: m.valid_from, validTo: m.valid_to }, day)) ids.set(m.office_id, [...(ids.get(m.office_id) ?? []), m.unit_id]);
    return offices.map((o) => ({ code: o.code, name: o.name, provinceCode: o.provinceCode, unitIds: ids.get(o.id) ?? [] }));
  }

  /** An office with the ids of the units it serves on `day`. */
  async unitsOn(code: string, day: string): Promise<{ code: string; name: string; unitIds: number[] } | null> {
    const office = await this.store.db.selectFrom('offices').select(['id', 'code', 'name']).where('code', '=', code).executeTakeFirst();
    if (!office) return null;
    const rows = await this.store.db.selectFrom('office_units').select(['unit_id', 'valid_from', 'valid_to']).where('office_id', '=', office.id).execute();
    return { code: office.code, name: office.name, unitIds: rows.filter((r) => covers({ validFrom: r.valid_from, validTo: r.valid_to }, day)).map((r) => r.unit_id) };
  }

  async insertOffice(office: { code: string; provinceUnitId: number; isDemo?: boolean } & OfficeFields, now: string | null): Promise<number> {
    const { id } = await this.store.db
      .insertInto('offices')
      .values({ code: office.code, province_unit_id: office.provinceUnitId, is_demo: office.isDemo ? 1 : 0, updated_at: now, ...columns(office) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async updateOffice(id: number, fields: OfficeFields, now: string): Promise<void> {
    await this.store.db.updateTable('offices').set({ ...columns(fields), updated_at: now }).where('id', '=', id).execute();
  }

  async setOfficeValidTo(id: number, validTo: string | null, now: string): Promise<void> {
    await this.store.db.updateTable('offices').set({ valid_to: validTo, updated_at: now }).where('id', '=', id).execute();
  }

  async insertMemberships(rows: { officeId: number; unitId: number; validFrom: string | null; validTo: string | null }[]): Promise<void> {
    for (const chunk of chunks(rows)) {
      await this.store.db.insertInto('office_units').values(chunk.map((r) => ({ office_id: r.officeId, unit_id: r.unitId, valid_from: r.validFrom, valid_to: r.validTo }))).execute();
    }
  }

  async setMembershipValidTo(id: number, validTo: string | null): Promise<void> {
    await this.store.db.updateTable('office_units').set({ valid_to: validTo }).where('id', '=', id).execute();
  }

  async deleteMembership(id: number): Promise<void> {
    await this.store.db.deleteFrom('office_units').where('id', '=', id).execute();
  }

  /** A fingerprint of every office and membership: a preview is committed only if nothing changed since. */
  async fingerprint(): Promise<string> {
    const [offices, members] = await Promise.all([
      this.store.db.selectFrom('offices').select(['id', 'code', 'updated_at', 'valid_from', 'valid_to']).orderBy('id').execute(),
      this.store.db.selectFrom('office_units').select(['id', 'office_id', 'unit_id', 'valid_from', 'valid_to']).orderBy('id').execute(),
    ]);
    return createHash('sha256').update(JSON.stringify([offices, members])).digest('hex');
  }
}

function columns(f: OfficeFields) {
  return { name: f.name, name_key: foldText(f.name), address: f.address, phone: f.phone, email: f.email, head_name: f.headName, note: f.note, valid_from: f.validFrom };
}

function toSummary(o: {
  code: string; name: string; provinceCode: string; provinceName: string; address: string | null; phone: string | null; headName: string | null;
  validFrom: string | null; validTo: string | null; isDemo: number; communeCount: number;
}): OfficeSummary {
  return {
    code: o.code, name: o.name, provinceCode: o.provinceCode, provinceName: o.provinceName, address: o.address, phone: o.phone, headName: o.headName,
    validFrom: o.validFrom, validTo: o.validTo, communeCount: o.communeCount, isDemo: o.isDemo === 1,
  };
}
