import { writeFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import type { AppCore } from '../../electron/core/app/appCore';
import { foldText, unitNameKey } from '../../shared/text/fold';

/** The communes and staff person lists in tests name (valid on the fixed clock's day). */
export const COMMUNES = [
  { code: '31001', name: 'Xã Vĩnh Lộc' },
  { code: '31002', name: 'Thị trấn Ngan Dừa' },
  { code: '31003', name: 'Xã Ninh Hòa' },
  { code: '31004', name: 'Phường An Bình' },
] as const;
export const STAFF = ['NV001', 'NV002'] as const;

/** Units (a province, a district, four communes), one agent and its two staff, straight into the database. */
export async function seedPeopleWorld(core: AppCore): Promise<void> {
  const store = core.store();
  if (!store) throw new Error('core has no usable database');
  const now = '2026-01-01T00:00:00.000Z';
  const unit = async (code: string, name: string, level: 'province' | 'district' | 'commune', parentId: number | null) =>
    Number(
      (
        await store.db
          .insertInto('units')
          .values({ code, name, name_key: unitNameKey(name), level, kind: null, parent_id: parentId, valid_from: null, valid_to: null, created_at: now, updated_at: now })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
  const province = await unit('95', 'Tỉnh Bạc Liêu', 'province', null);
  const district = await unit('956', 'Huyện Hồng Dân', 'district', province);
  for (const c of COMMUNES) await unit(c.code, c.name, 'commune', district);
  // A commune that ended before today is not offered.
  await store.db
    .insertInto('units')
    .values({ code: '31009', name: 'Xã Lộc Ninh', name_key: unitNameKey('Xã Lộc Ninh'), level: 'commune', kind: null, parent_id: district, valid_from: null, valid_to: '2025-06-30', created_at: now, updated_at: now })
    .execute();
  const agent = await store.db
    .insertInto('agents')
    .values({ code: 'DL01', name: 'Bưu điện Hồng Dân', name_key: foldText('Bưu điện Hồng Dân'), sort_key: 'buu dien hong dan', kind: 'POST', created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [i, code] of STAFF.entries()) {
    const name = i === 0 ? 'Trần Thị Mai' : 'Lê Văn Hùng';
    await store.db
      .insertInto('agent_staff')
      .values({ code, full_name: name, name_key: foldText(name), sort_key: foldText(name), agent_id: Number(agent.id), created_at: now, updated_at: now })
      .execute();
  }
}

/**
 * The communes the bench generator (tests/bench/peopleFile.ts) writes, as units valid today
 * under one district: read from the generator's own rows, so the two never drift apart.
 */
export async function seedGeneratedCommunes(core: AppCore, names: Iterable<string>): Promise<number> {
  const store = core.store();
  if (!store) throw new Error('core has no usable database');
  const now = '2026-01-01T00:00:00.000Z';
  const province = await store.db
    .insertInto('units')
    .values({ code: '94', name: 'Tỉnh Sóc Trăng', name_key: unitNameKey('Tỉnh Sóc Trăng'), level: 'province', kind: null, parent_id: null, valid_from: null, valid_to: null, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const unique = [...new Set(names)];
  await store.db
    .insertInto('units')
    .values(unique.map((name, i) => ({ code: String(40000 + i), name, name_key: unitNameKey(name), level: 'commune' as const, kind: null, parent_id: Number(province.id), valid_from: null, valid_to: null, created_at: now, updated_at: now })))
    .execute();
  return unique.length;
}

/** A valid CCCD for a person born in `year` of `sex`, serial `n`. */
export function cccdFor(year: number, sex: 'M' | 'F', n: number, province = '095'): string {
  const century = Math.floor(year / 100) === 20 ? 2 : 0;
  return `${province}${century + (sex === 'F' ? 1 : 0)}${String(year % 100).padStart(2, '0')}${String(n).padStart(6, '0')}`;
}

/** One sheet from rows (numbers stay numbers, Date cells become dates), with merged ranges ("A1:C1"). */
export function writePeopleWorkbook(path: string, rows: unknown[][], options: { merges?: string[]; sheet?: string } = {}): string {
  const wb = XLSX.utils.book_new();
  const ws = XLSX.utils.aoa_to_sheet(rows, { cellDates: true });
  if (options.merges) ws['!merges'] = options.merges.map((m) => XLSX.utils.decode_range(m));
  XLSX.utils.book_append_sheet(wb, ws, options.sheet ?? 'Danh sách');
  writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return path;
}
