import type { Unit, UnitLevel, UnitLink } from '../../../shared/domain/units';
import { sql } from 'kysely';
import type { Page, PageRequest } from '../../../shared/contract/paging';
import { unitNameKey } from '../../../shared/text/fold';
import { chunks } from '../db/batching';
import { foldedWordsMatch, pageOf } from '../db/paging';
import type { Store } from '../db/store';
import { levelRank } from './rules';

/** Level order for SQL sorting, from the same ranks the app sorts by in memory. */
const LEVEL_CASE = (['province', 'district', 'commune', 'hamlet'] as const).map((l) => `WHEN '${l}' THEN ${levelRank(l)}`).join(' ');

export interface TreeRow {
  id: number;
  code: string;
  name: string;
  level: UnitLevel;
  parent_id: number | null;
  valid_from: string | null;
  valid_to: string | null;
}

export interface NewUnit {
  code: string;
  name: string;
  nameKey: string;
  level: UnitLevel;
  kind: string | null;
  parentId: number | null;
  validFrom: string | null;
  validTo: string | null;
  isDemo?: boolean;
}


export class UnitRepository {
  constructor(private readonly store: Store) {}

  private selectUnits() {
    return this.store.db
      .selectFrom('units as u')
      .leftJoin('units as p', 'p.id', 'u.parent_id')
      .select(['u.id', 'u.code', 'u.name', 'u.level', 'u.kind', 'u.parent_id', 'p.code as parent_code', 'u.valid_from', 'u.valid_to', 'u.is_demo']);
  }

  /** Units valid on a day (every unit when none is given), of one level or all. */
  private filtered(filter: { asOf?: string | null; level?: UnitLevel }) {
    let query = this.selectUnits();
    const asOf = filter.asOf;
    if (asOf) {
      query = query
        .where((eb) => eb.or([eb('u.valid_from', 'is', null), eb('u.valid_from', '<=', asOf)]))
        .where((eb) => eb.or([eb('u.valid_to', 'is', null), eb('u.valid_to', '>=', asOf)]));
    }
    return filter.level ? query.where('u.level', '=', filter.level) : query;
  }

  async list(filter: { asOf?: string | null; level?: UnitLevel }): Promise<Unit[]> {
    const units = (await this.filtered(filter).execute()).map(toUnit);
    return units.sort((a, b) => levelRank(a.level) - levelRank(b.level) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }

  /**
   * A page of units: valid on a day (or all), of a level, matching a query by code prefix or by
   * every word of the folded name; sorted by code, name (folded) or level.
   */
  async page(req: PageRequest<'code' | 'name' | 'level'> & { asOf?: string | null; level?: UnitLevel }): Promise<Page<Unit>> {
    let query = this.filtered(req);
    const text = req.query?.trim();
    if (text) {
      const key = unitNameKey(text);
      // Typed like a code ("3100"): codes starting with it, as well as names.
      const codeLike = /^[0-9A-Za-z.-]+$/.test(text);
      query = query.where((eb) => (codeLike ? eb.or([eb('u.code', 'like', `${text}%`), foldedWordsMatch('u.name_key', key)]) : foldedWordsMatch('u.name_key', key)));
    }
    const direction = req.desc ? 'desc' : 'asc';
    const page = await pageOf(query, req, (q) => {
      if (req.sort === 'name') return q.orderBy('u.name_key', direction).orderBy('u.code');
      if (req.sort === 'level') return q.orderBy(sql`CASE u.level ${sql.raw(LEVEL_CASE)} END`, direction).orderBy('u.code');
      return q.orderBy('u.code', direction);
    });
    return { ...page, items: page.items.map(toUnit) };
  }

  async byCode(code: string): Promise<Unit | null> {
    const row = await this.selectUnits().where('u.code', '=', code).executeTakeFirst();
    return row ? toUnit(row) : null;
  }

  /** Units by code, one statement per chunk of codes; codes not in the catalogue are left out. */
  async byCodes(codes: readonly string[]): Promise<Unit[]> {
    const out: Unit[] = [];
    for (const chunk of chunks([...new Set(codes)])) out.push(...(await this.selectUnits().where('u.code', 'in', chunk).execute()).map(toUnit));
    return out;
  }

  async byId(id: number): Promise<Unit | null> {
    const row = await this.selectUnits().where('u.id', '=', id).executeTakeFirst();
    return row ? toUnit(row) : null;
  }

  async allByCode(): Promise<Map<string, Unit>> {
    return new Map((await this.list({})).map((u) => [u.code, u]));
  }

  async count(): Promise<number> {
    const row = await this.store.db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async hasDemo(): Promise<boolean> {
    return (await this.store.db.selectFrom('units').select('id').where('is_demo', '=', 1).limit(1).executeTakeFirst()) !== undefined;
  }

  async childCount(id: number): Promise<number> {
    const row = await this.store.db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).where('parent_id', '=', id).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async children(id: number): Promise<Unit[]> {
    return (await this.selectUnits().where('u.parent_id', '=', id).orderBy('u.code').execute()).map(toUnit);
  }

  async insert(unit: NewUnit, now: string): Promise<number> {
    const [id] = await this.insertMany([unit], now);
    return id!;
  }

  /** Inserts in chunks of multi-row INSERTs; returns the new ids in input order. */
  async insertMany(units: NewUnit[], now: string): Promise<number[]> {
    const ids: number[] = [];
    for (const chunk of chunks(units)) {
      const rows = await this.store.db
        .insertInto('units')
        .values(
          chunk.map((u) => ({
            code: u.code, name: u.name, name_key: u.nameKey, level: u.level, kind: u.kind, parent_id: u.parentId,
            valid_from: u.validFrom, valid_to: u.validTo, is_demo: u.isDemo ? 1 : 0, created_at: now, updated_at: now,
          })),
        )
        .returning(['id', 'code'])
        .execute();
      const byCode = new Map(rows.map((r) => [r.code, r.id]));
      for (const u of chunk) ids.push(byCode.get(u.code)!);
    }
    return ids;
  }

  async update(
    id: number,
    fields: { name: string; nameKey: string; kind: string | null; parentId: number | null; validFrom: string | null; validTo: string | null },
    now: string,
  ): Promise<void> {
    await this.store.db
      .updateTable('units')
      .set({ name: fields.name, name_key: fields.nameKey, kind: fields.kind, parent_id: fields.parentId, valid_from: fields.validFrom, valid_to: fields.validTo, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  async setValidTo(id: number, validTo: string | null, now: string): Promise<void> {
    await this.store.db.updateTable('units').set({ valid_to: validTo, updated_at: now }).where('id', '=', id).execute();
  }

  async setValidFrom(id: number, validFrom: string | null, now: string): Promise<void> {
    await this.store.db.updateTable('units').set({ valid_from: validFrom, updated_at: now }).where('id', '=', id).execute();
  }

  /** Links from or to a unit, with both ends' codes and names for display. */
  async links(direction: 'from' | 'to', unitId: number): Promise<UnitLink[]> {
    return this.store.db
      .selectFrom('unit_links as l')
      .innerJoin('units as f', 'f.id', 'l.from_unit_id')
      .innerJoin('units as t', 't.id', 'l.to_unit_id')
      .select(['f.code as fromCode', 'f.name as fromName', 't.code as toCode', 't.name as toName', 'l.effective_date as effectiveDate', 'l.share'])
      .where(direction === 'from' ? 'l.from_unit_id' : 'l.to_unit_id', '=', unitId)
      .orderBy('f.code')
      .orderBy('t.code')
      .execute();
  }

  async upsertLink(fromId: number, toId: number, effectiveDate: string, share: number): Promise<void> {
    await this.store.db
      .insertInto('unit_links')
      .values({ from_unit_id: fromId, to_unit_id: toId, effective_date: effectiveDate, share })
      .onConflict((oc) => oc.columns(['from_unit_id', 'to_unit_id']).doUpdateSet((eb) => ({ effective_date: eb.ref('excluded.effective_date'), share: eb.ref('excluded.share') })))
      .execute();
  }

  /** Every link with its share, for building view trees and planning merges. */
  async allLinks(): Promise<{ fromId: number; toId: number; share: number; effectiveDate: string }[]> {
    return this.store.db.selectFrom('unit_links').select(['from_unit_id as fromId', 'to_unit_id as toId', 'share', 'effective_date as effectiveDate']).execute();
  }

  /** Every unit as plain rows, without the parent join, for building view trees. */
  async treeRows(): Promise<TreeRow[]> {
    // In id order: the order units were recorded in, the same on both engines.
    return this.store.db.selectFrom('units').select(['id', 'code', 'name', 'level', 'parent_id', 'valid_from', 'valid_to']).orderBy('id').execute();
  }
}

function toUnit(row: {
  id: number;
  code: string;
  name: string;
  level: UnitLevel;
  kind: string | null;
  parent_id: number | null;
  parent_code: string | null;
  valid_from: string | null;
  valid_to: string | null;
  is_demo: number;
}): Unit {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    level: row.level,
    kind: row.kind,
    parentId: row.parent_id,
    parentCode: row.parent_code,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    isDemo: row.is_demo === 1,
  };
}
