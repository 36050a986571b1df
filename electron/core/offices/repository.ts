import type { Office } from '../../../shared/contract';
import type { Db } from '../db/open';

export class OfficeRepository {
  constructor(private readonly db: Db) {}

  list(): Office[] {
    const rows = this.db
      .prepare(
        `SELECT o.id, o.code, o.name, p.code AS provinceCode, o.is_demo AS isDemo,
                (SELECT GROUP_CONCAT(u.code) FROM office_units ou JOIN units u ON u.id = ou.unit_id WHERE ou.office_id = o.id) AS codes
         FROM offices o JOIN units p ON p.id = o.province_unit_id ORDER BY o.code`,
      )
      .all() as { code: string; name: string; provinceCode: string; isDemo: number; codes: string | null }[];
    return rows.map((r) => ({ code: r.code, name: r.name, provinceCode: r.provinceCode, isDemo: r.isDemo === 1, communeCodes: r.codes ? r.codes.split(',').sort() : [] }));
  }

  /** An office with the ids of every unit it serves (old and current communes alike). */
  byCode(code: string): { code: string; name: string; unitIds: number[] } | null {
    const office = this.db.prepare('SELECT id, code, name FROM offices WHERE code = ?').get(code) as { id: number; code: string; name: string } | undefined;
    if (!office) return null;
    const ids = this.db.prepare('SELECT unit_id AS id FROM office_units WHERE office_id = ?').all(office.id) as { id: number }[];
    return { code: office.code, name: office.name, unitIds: ids.map((r) => r.id) };
  }

  insert(office: { code: string; name: string; provinceUnitId: number; unitIds: number[]; isDemo: boolean }): void {
    const info = this.db
      .prepare('INSERT INTO offices (code, name, province_unit_id, is_demo) VALUES (?, ?, ?, ?)')
      .run(office.code, office.name, office.provinceUnitId, office.isDemo ? 1 : 0);
    const link = this.db.prepare('INSERT INTO office_units (office_id, unit_id) VALUES (?, ?)');
    for (const unitId of office.unitIds) link.run(info.lastInsertRowid, unitId);
  }

  deleteDemo(): void {
    this.db.prepare('DELETE FROM offices WHERE is_demo = 1').run();
  }
}
