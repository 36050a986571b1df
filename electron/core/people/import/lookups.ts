import { foldText, unitNameKey } from '../../../../shared/text/fold';
import type { Store } from '../../db/store';
import { UnitRepository } from '../../units/repository';

export interface CommuneRef {
  code: string;
  name: string;
}

/** The lookups as plain maps (structured-cloned to the reader's worker). */
export interface PeopleLookupsData {
  byCode: Map<string, CommuneRef>;
  byKey: Map<string, CommuneRef[]>;
  staff: Map<string, number>;
}

/**
 * What the rows of a person list name, loaded once per import: the communes valid today (by
 * code and by folded name) and the collection staff by code. Both are small (thousands at most).
 */
export class PeopleLookups {
  private byCode = new Map<string, CommuneRef>();
  private byKey = new Map<string, CommuneRef[]>();
  private staff = new Map<string, number>();
  /** A typed commune already resolved (lists repeat a few hundred names a million times). */
  private memo = new Map<string, { ok: true; unit: CommuneRef } | { ok: false; message: string }>();

  static async load(store: Store, today: string): Promise<PeopleLookups> {
    const out = new PeopleLookups();
    for (const u of await new UnitRepository(store).list({ level: 'commune', asOf: today })) {
      const ref = { code: u.code, name: u.name };
      out.byCode.set(u.code, ref);
      const key = unitNameKey(u.name);
      (out.byKey.get(key) ?? out.byKey.set(key, []).get(key)!).push(ref);
    }
    const staff = await store.db.selectFrom('agent_staff').select(['id', 'code']).execute();
    for (const s of staff) out.staff.set(s.code.toUpperCase(), s.id);
    return out;
  }

  toData(): PeopleLookupsData {
    return { byCode: this.byCode, byKey: this.byKey, staff: this.staff };
  }

  static fromData(data: PeopleLookupsData): PeopleLookups {
    const out = new PeopleLookups();
    out.byCode = data.byCode;
    out.byKey = data.byKey;
    out.staff = data.staff;
    return out;
  }

  commune(typed: string): { ok: true; unit: CommuneRef } | { ok: false; message: string } {
    const hit = this.memo.get(typed);
    if (hit) return hit;
    const result = this.resolve(typed);
    if (this.memo.size < 50_000) this.memo.set(typed, result);
    return result;
  }

  private resolve(typed: string): { ok: true; unit: CommuneRef } | { ok: false; message: string } {
    const code = typed.replace(/\s+/g, '');
    if (/^\d{5}$/.test(code)) {
      const unit = this.byCode.get(code);
      return unit ? { ok: true, unit } : { ok: false, message: `Không có xã, phường mã ${code} đang hoạt động trong danh mục đơn vị.` };
    }
    const hits = this.byKey.get(unitNameKey(typed)) ?? [];
    if (hits.length === 1) return { ok: true, unit: hits[0]! };
    if (hits.length === 0) {
      return { ok: false, message: `Không tìm thấy xã, phường "${typed}" đang hoạt động trong danh mục đơn vị hành chính; hãy kiểm tra tên hoặc ghi mã xã.` };
    }
    // "Xã An Hiệp" and "Phường An Hiệp": the typed prefix tells them apart.
    const exact = hits.filter((u) => foldText(u.name) === foldText(typed));
    if (exact.length === 1) return { ok: true, unit: exact[0]! };
    return { ok: false, message: `Có ${hits.length} xã, phường tên "${typed}" (${hits.map((u) => `${u.name} mã ${u.code}`).join(', ')}); hãy ghi mã xã.` };
  }

  staffId(code: string): number | null {
    return this.staff.get(code.trim().toUpperCase()) ?? null;
  }
}
