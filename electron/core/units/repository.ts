import type { Unit, UnitLevel, UnitLink } from '../../../shared/domain/units';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';

interface UnitRow {
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
}

const SELECT_UNIT = `
  SELECT u.id, u.code, u.name, u.level, u.kind, u.parent_id, p.code AS parent_code, u.valid_from, u.valid_to, u.is_demo
  FROM units u LEFT JOIN units p ON p.id = u.parent_id`;

const LEVEL_ORDER = `CASE u.level WHEN 'province' THEN 0 WHEN 'district' THEN 1 WHEN 'commune' THEN 2 ELSE 3 END`;

function toUnit(row: UnitRow): Unit {
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
  // Imports call these statements thousands of times; preparing once per repository matters.
  private readonly statements = new Map<string, Statement>();
  constructor(private readonly db: Db) {}

  private q(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  list(filter: { asOf?: string | null; level?: UnitLevel }): Unit[] {
    const where: string[] = [];
    const params: Record<string, string> = {};
    if (filter.asOf) {
      where.push('(u.valid_from IS NULL OR u.valid_from <= @asOf) AND (u.valid_to IS NULL OR u.valid_to >= @asOf)');
      params.asOf = filter.asOf;
    }
    if (filter.level) {
      where.push('u.level = @level');
      params.level = filter.level;
    }
    const sql = `${SELECT_UNIT} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY ${LEVEL_ORDER}, u.code`;
    return (this.q(sql).all(params) as UnitRow[]).map(toUnit);
  }

  byCode(code: string): Unit | null {
    const row = this.q(`${SELECT_UNIT} WHERE u.code = ?`).get(code) as UnitRow | undefined;
    return row ? toUnit(row) : null;
  }

  byId(id: number): Unit | null {
    const row = this.q(`${SELECT_UNIT} WHERE u.id = ?`).get(id) as UnitRow | undefined;
    return row ? toUnit(row) : null;
  }

  allByCode(): Map<string, Unit> {
    return new Map(this.list({}).map((u) => [u.code, u]));
  }

  count(): number {
    return (this.q('SELECT COUNT(*) AS n FROM units').get() as { n: number }).n;
  }

  hasDemo(): boolean {
    return this.q('SELECT 1 FROM units WHERE is_demo = 1 LIMIT 1').get() !== undefined;
  }

  childCount(id: number): number {
    return (this.q('SELECT COUNT(*) AS n FROM units WHERE parent_id = ?').get(id) as { n: number }).n;
  }

  children(id: number): Unit[] {
    return (this.q(`${SELECT_UNIT} WHERE u.parent_id = ? ORDER BY u.code`).all(id) as UnitRow[]).map(toUnit);
  }

  insert(unit: NewUnit, now: string): number {
    const info = this.q(
      `INSERT INTO units (code, name, name_key, level, kind, parent_id, valid_from, valid_to, is_demo, created_at, updated_at)
         VALUES (@code, @name, @nameKey, @level, @kind, @parentId, @validFrom, @validTo, @isDemo, @now, @now)`,
    ).run({ ...unit, isDemo: unit.isDemo ? 1 : 0, now });
    return Number(info.lastInsertRowid);
  }

  update(
    id: number,
    fields: {
      name: string;
      nameKey: string;
      kind: string | null;
      parentId: number | null;
      validFrom: string | null;
      validTo: string | null;
    },
    now: string,
  ): void {
    this.q(
      `UPDATE units SET name = @name, name_key = @nameKey, kind = @kind, parent_id = @parentId,
           valid_from = @validFrom, valid_to = @validTo, updated_at = @now WHERE id = @id`,
    ).run({ ...fields, id, now });
  }

  setValidTo(id: number, validTo: string | null, now: string): void {
    this.q('UPDATE units SET valid_to = ?, updated_at = ? WHERE id = ?').run(validTo, now, id);
  }

  setValidFrom(id: number, validFrom: string | null, now: string): void {
    this.q('UPDATE units SET valid_from = ?, updated_at = ? WHERE id = ?').run(validFrom, now, id);
  }

  /** Links from or to a unit, with both ends' codes and names for display. */
  links(direction: 'from' | 'to', unitId: number): UnitLink[] {
    const column = direction === 'from' ? 'l.from_unit_id' : 'l.to_unit_id';
    return this.q(
      `SELECT f.code AS fromCode, f.name AS fromName, t.code AS toCode, t.name AS toName,
                l.effective_date AS effectiveDate, l.share AS share
         FROM unit_links l JOIN units f ON f.id = l.from_unit_id JOIN units t ON t.id = l.to_unit_id
         WHERE ${column} = ? ORDER BY f.code, t.code`,
    ).all(unitId) as UnitLink[];
  }

  link(fromId: number, toId: number): { effectiveDate: string; share: number } | null {
    return (
      (this.q('SELECT effective_date AS effectiveDate, share FROM unit_links WHERE from_unit_id = ? AND to_unit_id = ?').get(
        fromId,
        toId,
      ) as { effectiveDate: string; share: number } | undefined) ?? null
    );
  }

  upsertLink(fromId: number, toId: number, effectiveDate: string, share: number): void {
    this.q(
      `INSERT INTO unit_links (from_unit_id, to_unit_id, effective_date, share) VALUES (?, ?, ?, ?)
         ON CONFLICT (from_unit_id, to_unit_id) DO UPDATE SET effective_date = excluded.effective_date, share = excluded.share`,
    ).run(fromId, toId, effectiveDate, share);
  }

  /** Every link with its share, for building view trees. */
  allLinks(): { fromId: number; toId: number; share: number }[] {
    return this.q('SELECT from_unit_id AS fromId, to_unit_id AS toId, share FROM unit_links').all() as { fromId: number; toId: number; share: number }[];
  }

  /** Every unit as plain rows, without the parent join, for building view trees. */
  treeRows(): TreeRow[] {
    return this.q('SELECT id, code, name, level, parent_id, valid_from, valid_to FROM units').all() as TreeRow[];
  }
}
