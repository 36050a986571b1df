import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { PERSON_STATUSES, type PersonStatus } from '../../shared/domain/people';
import { call, openTestCore, TEST_ENGINE } from '../helpers/core';
import { tempDataDir } from '../helpers/fixtures';
import { openTestStore, untyped } from '../helpers/stores';

const NOW = '2026-01-05T08:00:00.000Z';
const STAFF = ['NV01', 'NV02', 'NV03'] as const;

/** 240 people on two lists: every fourth unassigned, the others dealt over three staff; statuses cycle. */
function generated(lists: number[], staffIds: number[]) {
  return Array.from({ length: 240 }, (_, i) => ({
    list_id: lists[i % 2]!,
    full_name: `Người Thử ${i}`,
    name_key: `nguoi thu ${i}`,
    given_key: `thu nguoi ${i}`,
    unit_code: String(98001 + (i % 3)),
    staff: i % 4 === 0 ? null : STAFF[i % 3]!,
    staff_id: i % 4 === 0 ? null : staffIds[i % 3]!,
    status: PERSON_STATUSES[i % PERSON_STATUSES.length]! as PersonStatus,
    created_at: NOW,
    updated_at: NOW,
  }));
}

async function names(store: Awaited<ReturnType<typeof openTestStore>>, kind: 'index' | 'trigger', table: string): Promise<string[]> {
  const q =
    TEST_ENGINE === 'sqlite'
      ? sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = ${kind} AND tbl_name = ${table} ORDER BY name`
      : kind === 'index'
        ? sql<{ name: string }>`SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ${table} ORDER BY indexname`
        : sql<{ name: string }>`SELECT DISTINCT trigger_name AS name FROM information_schema.triggers WHERE event_object_table = ${table} ORDER BY trigger_name`;
  return (await q.execute(store.db)).rows.map((r) => r.name);
}

describe('migration 18 on person lists of version 15', () => {
  it('moves every assignment to person_staff: the same staff, counts and filters as before, kept in step afterwards', async () => {
    const dataDir = tempDataDir();
    const store = await openTestStore(dataDir);
    await migrate(store, { migrations: MIGRATIONS.filter((m) => m.version <= 15) });
    const db = untyped(store);
    const agent = await db
      .insertInto('agents')
      .values({ code: 'BD01', name: 'Bưu điện Thử', name_key: 'buu dien thu', sort_key: 'buu dien thu', kind: 'POST', created_at: NOW, updated_at: NOW })
      .returning('id')
      .executeTakeFirstOrThrow();
    const staffIds: number[] = [];
    for (const code of STAFF) {
      const row = await db
        .insertInto('agent_staff')
        .values({ code, full_name: `Nhân Viên ${code}`, name_key: code.toLowerCase(), sort_key: code.toLowerCase(), agent_id: agent.id, created_at: NOW, updated_at: NOW })
        .returning('id')
        .executeTakeFirstOrThrow();
      staffIds.push(Number(row.id));
    }
    const lists: number[] = [];
    for (const name of ['Danh sách A', 'Danh sách B']) {
      const row = await db
        .insertInto('person_lists')
        .values({ name, name_key: name.toLowerCase(), kind: 'PROSPECT', created_by: 'kiem-thu', created_at: NOW, updated_at: NOW })
        .returning('id')
        .executeTakeFirstOrThrow();
      lists.push(Number(row.id));
    }
    const people = generated(lists, staffIds);
    await db.insertInto('people').values(people.map(({ staff: _s, ...p }) => p)).execute();

    // What version 15 answers (people.staff_id) is what the generated data says.
    const before = await sql<{ id: number; staff_id: number | null }>`SELECT id, staff_id FROM people ORDER BY id`.execute(store.db);
    expect(before.rows.filter((r) => r.staff_id !== null)).toHaveLength(180);

    expect(await migrate(store, { migrations: MIGRATIONS.filter((m) => m.version <= 18) })).toBe(18);

    // Every assignment is in person_staff, with the person's list and status.
    const moved = await sql<{ person_id: number; list_id: number; staff_id: number; status: string }>`SELECT person_id, list_id, staff_id, status FROM person_staff ORDER BY person_id`.execute(store.db);
    const expected = (await sql<{ id: number; list_id: number; staff_id: number; status: string }>`SELECT id, list_id, staff_id, status FROM people WHERE staff_id IS NOT NULL ORDER BY id`.execute(store.db)).rows;
    expect(moved.rows.map((r) => [Number(r.person_id), Number(r.list_id), Number(r.staff_id), r.status])).toEqual(expected.map((r) => [Number(r.id), Number(r.list_id), Number(r.staff_id), r.status]));
    expect(await names(store, 'index', 'people')).not.toContain('people_staff');
    expect(await names(store, 'index', 'person_staff')).toEqual(expect.arrayContaining(['person_staff_list', 'person_staff_staff']));

    // The services answer as version 15 did.
    const core = await openTestCore({ dataDir });
    for (const code of STAFF) {
      const mine = people.filter((p) => p.staff === code);
      const found = await call(core, 'people:search', { staffCode: code, limit: 500 });
      expect(found.total).toBe(mine.length);
      expect(found.items.map((r) => r.fullName).sort()).toEqual(mine.map((p) => p.full_name).sort());
      expect(found.items.every((r) => r.staffCode === code)).toBe(true);
      for (const status of ['NEW', 'CONTACTED', 'JOINED'] as const) {
        const n = mine.filter((p) => p.status === status && p.list_id === lists[0]).length;
        expect((await call(core, 'people:search', { staffCode: code, status: [status], listId: lists[0] })).total).toBe(n);
      }
    }
    for (const list of lists) {
      const unassigned = people.filter((p) => p.list_id === list && p.staff === null);
      const page = await call(core, 'people:search', { listId: list, unassigned: true, limit: 500 });
      expect(page.total).toBe(unassigned.length);
      expect(page.items.every((r) => r.staffCode === null)).toBe(true);
      expect((await call(core, 'people:search', { listId: list, unassigned: true, status: ['NEW'] })).total).toBe(unassigned.filter((p) => p.status === 'NEW').length);
    }
    const summaries = await call(core, 'people:lists', {});
    expect(lists.map((id) => summaries.find((l) => l.id === id)?.assigned)).toEqual(lists.map((id) => people.filter((p) => p.list_id === id && p.staff !== null).length));
    const conversion = await call(core, 'people:conversion', { by: 'staff' });
    expect(Object.fromEntries(conversion.rows.map((r) => [r.key, r.people]))).toEqual({
      NV01: people.filter((p) => p.staff === 'NV01').length, NV02: people.filter((p) => p.staff === 'NV02').length, NV03: people.filter((p) => p.staff === 'NV03').length,
      '': people.filter((p) => p.staff === null).length,
    });
    const someone = people.findIndex((p) => p.staff === 'NV02');
    const detail = await call(core, 'people:get', { id: Number(before.rows[someone]!.id) });
    expect(detail.staffCode).toBe('NV02');

    // Kept in step: a new person with a staff member, a status change, a deletion, a staff member leaving for good.
    const added = await db
      .insertInto('people')
      .values({ list_id: lists[0], full_name: 'Người Mới', name_key: 'nguoi moi', given_key: 'moi nguoi', staff_id: staffIds[0], status: 'NEW', created_at: NOW, updated_at: NOW })
      .returning('id')
      .executeTakeFirstOrThrow();
    const staffOf = async (id: number) => (await sql<{ staff_id: number; status: string }>`SELECT staff_id, status FROM person_staff WHERE person_id = ${id}`.execute(store.db)).rows[0] ?? null;
    expect(await staffOf(Number(added.id))).toMatchObject({ status: 'NEW' });
    await db.updateTable('people').set({ status: 'AGREED' }).where('id', '=', added.id).execute();
    expect((await staffOf(Number(added.id)))?.status).toBe('AGREED');
    await db.deleteFrom('people').where('id', '=', added.id).execute();
    expect(await staffOf(Number(added.id))).toBeNull();
    await db.deleteFrom('staff_communes').where('staff_id', '=', staffIds[2]!).execute();
    await db.deleteFrom('agent_staff').where('id', '=', staffIds[2]!).execute();
    expect((await call(core, 'people:search', { listId: lists[0], unassigned: true, limit: 500 })).total).toBe(people.filter((p) => p.list_id === lists[0] && p.staff !== 'NV01' && p.staff !== 'NV02').length);
  });
});

describe('migration 20 on person lists of version 19', () => {
  it('compares identifiers as bytes on PostgreSQL, keeps every value, and the duplicate checks still join people to the stage', async () => {
    const store = await openTestStore(tempDataDir());
    await migrate(store, { migrations: MIGRATIONS.filter((m) => m.version <= 19) });
    const db = untyped(store);
    const list = await db
      .insertInto('person_lists')
      .values({ name: 'Danh sách A', name_key: 'danh sach a', kind: 'PROSPECT', created_by: 'kiem-thu', created_at: NOW, updated_at: NOW })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ids = { cccd: '095185000001', bhxh_code: '9512345678', bhyt_card: 'GD4959512345678', phone: '0919123456' };
    await db.insertInto('people').values({ list_id: list.id, full_name: 'Đặng Thị Hòa', name_key: 'dang thi hoa', given_key: 'hoa dang thi', ...ids, status: 'NEW', created_at: NOW, updated_at: NOW }).execute();
    await db.insertInto('person_import_rows').values({ batch_id: 7, row_no: 5, status: 'ok', full_name: 'Đặng Thị Hòa', ...ids }).execute();
    await migrate(store);
    if (TEST_ENGINE === 'postgres') {
      const collations = await sql<{ t: string; c: string; collation: string | null }>`
        SELECT table_name AS t, column_name AS c, collation_name AS collation FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name IN ('people', 'person_import_rows') AND column_name IN ('cccd', 'bhxh_code', 'bhyt_card', 'phone')
         ORDER BY table_name, column_name`.execute(store.db);
      expect(collations.rows.map((r) => `${r.t}.${r.c}:${r.collation}`)).toEqual(
        ['people', 'person_import_rows'].flatMap((t) => ['bhxh_code', 'bhyt_card', 'cccd', 'phone'].map((c) => `${t}.${c}:C`)),
      );
    }
    expect(await db.selectFrom('people').select(['cccd', 'bhxh_code', 'bhyt_card', 'phone']).execute()).toEqual([ids]);
    const joined = await sql<{ n: number }>`
      SELECT COUNT(*) AS n FROM person_import_rows s JOIN people p ON p.cccd = s.cccd AND p.bhxh_code = s.bhxh_code AND p.phone = s.phone AND p.bhyt_card = s.bhyt_card`.execute(store.db);
    expect(Number(joined.rows[0]!.n)).toBe(1);
    // A prefix range over bytes, as the search asks it.
    const prefix = await db.selectFrom('people').select('id').where('phone', '>=', '0919').where('phone', '<', '0920').execute();
    expect(prefix).toHaveLength(1);
  });
});
