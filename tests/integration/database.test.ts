import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, migrate, schemaVersion } from '../../electron/core/db/migrate';
import { MIGRATIONS, type Migration } from '../../electron/core/db/migrations';
import { SQLITE_APPLICATION_ID } from '../../electron/core/db/migrations/007-application-id';
import { revisions } from '../../electron/core/db/revisions';
import { SqliteStore } from '../../electron/core/db/sqliteStore';
import type { Store } from '../../electron/core/db/store';
import { call, callError, expectVietnamese, importFile, openTestCore, storeOf, TEST_ENGINE } from '../helpers/core';
import { hashDatabase, rows, scalar } from '../helpers/dbHash';
import { FIXTURE, fixturePath, tempDataDir } from '../helpers/fixtures';
import { openTestStore, untyped } from '../helpers/stores';

const upTo = (version: number) => MIGRATIONS.filter((m) => m.version <= version);
const NOW = '2024-01-01T00:00:00.000Z';

/** A database stopped at `version` holding one province and one commune (ids returned). */
async function storeAt(version: number): Promise<{ store: Store; province: number; commune: number }> {
  const store = await openTestStore();
  await migrate(store, { migrations: upTo(version) });
  expect(await schemaVersion(store)).toBe(version);
  const db = untyped(store);
  const unit = (code: string, name: string, key: string, level: string, kind: string, parent: number | null) =>
    db.insertInto('units').values({ code, name, name_key: key, level, kind, parent_id: parent, valid_from: null, valid_to: null, is_demo: 0, created_at: NOW, updated_at: NOW }).returning('id').executeTakeFirstOrThrow();
  const province = (await unit('95', 'Tỉnh Bạc Liêu', 'bac lieu', 'province', 'Tỉnh', null)).id as number;
  const commune = (await unit('31006', 'Thị trấn Ngan Dừa', 'ngan dua', 'commune', 'Thị trấn', province)).id as number;
  return { store, province, commune };
}

const unitRows = (store: Store) => rows(store, sql`SELECT id, code, name, name_key, level, kind, parent_id, valid_from, valid_to, is_demo FROM units ORDER BY id`);
const tableNames = async (store: Store) =>
  store instanceof SqliteStore
    ? (await rows<{ name: string }>(store, sql`SELECT name FROM sqlite_master WHERE type = 'table'`)).map((r) => r.name)
    : (await rows<{ name: string }>(store, sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`)).map((r) => r.name);

describe(`opening the database (${TEST_ENGINE})`, () => {
  it('creates the schema at the latest version; app:info says which engine and where', async () => {
    const core = await openTestCore();
    expect(await schemaVersion(storeOf(core))).toBe(LATEST_SCHEMA_VERSION);
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.at(-1)!.version);
    const info = await call(core, 'app:info', {});
    expect(info).toMatchObject({ schemaVersion: LATEST_SCHEMA_VERSION, dbStatus: 'ok', dbMessage: null, unitCount: 0, demoLoaded: false, mode: 'cli', engine: TEST_ENGINE, readOnly: false });
    if (TEST_ENGINE === 'postgres') expect(info.dbFile).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\//);
  });

  it('reopening an up-to-date database changes nothing', async () => {
    const dataDir = tempDataDir();
    const first = await openTestCore({ dataDir });
    await importFile(first, fixturePath(FIXTURE.unitsHongDan));
    const before = await hashDatabase(storeOf(first));
    await first.close();
    const second = await openTestCore({ dataDir });
    expect(await hashDatabase(storeOf(second))).toBe(before);
  });

  it('enforces foreign keys and checks', async () => {
    const core = await openTestCore();
    const db = untyped(storeOf(core));
    await expect(
      db.insertInto('units').values({ code: '1', name: 'x', name_key: 'x', level: 'commune', parent_id: 999, created_at: 'a', updated_at: 'a' }).execute(),
    ).rejects.toThrow();
    await expect(db.insertInto('units').values({ code: '2', name: 'x', name_key: 'x', level: 'village', created_at: 'a', updated_at: 'a' }).execute()).rejects.toThrow();
  });

  it('a database written by a newer version opens in recovery with a Vietnamese reason and is left as it was', async () => {
    const dataDir = tempDataDir();
    const core = await openTestCore({ dataDir });
    const store = storeOf(core);
    if (store instanceof SqliteStore) store.script(`PRAGMA user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    else await sql`INSERT INTO schema_migrations (version, name, applied_at) VALUES (${LATEST_SCHEMA_VERSION + 5}, 'tương lai', ${NOW})`.execute(store.db);
    await core.close();

    const again = await openTestCore({ dataDir });
    const info = await call(again, 'app:info', {});
    expect(info.dbStatus).toBe('unavailable');
    expect(info.dbMessage).toContain('phiên bản BHXH Desk mới hơn');
    expectVietnamese(info.dbMessage!);
    const err = await callError(again, 'units:list', {});
    expect(err.code).toBe('UNAVAILABLE');
    expect(err.message).toContain(`lược đồ ${LATEST_SCHEMA_VERSION + 5}`);
  });

  it('migrate() itself refuses a newer database', async () => {
    const { store } = await storeAt(3);
    await expect(migrate(store, { migrations: upTo(2) })).rejects.toMatchObject({ code: 'DB_NEWER_VERSION' });
  });
});

describe(`each migration step on data of the version before (${TEST_ENGINE})`, () => {
  it('1 seeds the indicator catalogue from its own frozen list', async () => {
    const core = await openTestCore();
    const codes = (await rows<{ code: string }>(storeOf(core), sql`SELECT code FROM indicators ORDER BY sort_order`)).map((r) => r.code);
    expect(codes).toEqual((await call(core, 'indicators:list', {})).map((i) => i.code));
    expect(codes).toContain('COV_BHYT');
  });

  it('2 on a version-1 database with units: offices, targets and results work with the old rows', async () => {
    const { store, commune } = await storeAt(1);
    const before = await unitRows(store);
    expect(await migrate(store, { migrations: upTo(2) })).toBe(2);
    expect(await unitRows(store)).toEqual(before);
    expect(await tableNames(store)).toEqual(expect.arrayContaining(['offices', 'office_units', 'targets', 'results']));
    const db = untyped(store);
    await db.insertInto('results').values({ unit_id: commune, indicator_code: 'BHYT', as_of: '2024-01-25', value: 100 }).execute();
    await expect(db.insertInto('results').values({ unit_id: commune, indicator_code: 'BHYT', as_of: '2024-02-25', value: -1 }).execute()).rejects.toThrow();
    await expect(db.insertInto('targets').values({ unit_id: commune, indicator_code: 'BHYT', year: 2024, value: 1, source: 'NOBODY' }).execute()).rejects.toThrow();
  });

  it('3 on a version-2 database: the units revision counter moves with every write to units and links', async () => {
    const { store, province, commune } = await storeAt(2);
    const before = await unitRows(store);
    expect(await migrate(store, { migrations: upTo(3) })).toBe(3);
    expect(await unitRows(store)).toEqual(before);
    const db = untyped(store);
    expect((await revisions(store)).units).toBe(0);
    await db.updateTable('units').set({ name: 'Thị trấn Ngan Dừa mới' }).where('code', '=', '31006').execute();
    expect((await revisions(store)).units).toBe(1);
    await db.insertInto('unit_links').values({ from_unit_id: commune, to_unit_id: province, effective_date: '2025-07-01' }).execute();
    await db.deleteFrom('unit_links').execute();
    expect((await revisions(store)).units).toBe(3);
  });

  it('4 on a version-3 database with targets: each keeps its id and value, gains a period, and the key now includes the period', async () => {
    const { store, commune } = await storeAt(3);
    const db = untyped(store);
    await db.insertInto('targets').values({ unit_id: commune, indicator_code: 'BHXH_TN', year: 2024, value: 120, source: 'BHXH_TINH', revision: 0 }).execute();
    await db.insertInto('results').values({ unit_id: commune, indicator_code: 'BHXH_TN', as_of: '2024-01-25', value: 90 }).execute();
    const targetsBefore = await rows(store, sql`SELECT id, unit_id, indicator_code, year, value, source, revision FROM targets`);
    expect(await migrate(store, { migrations: upTo(4) })).toBe(4);
    expect(await rows(store, sql`SELECT id, unit_id, indicator_code, year, value, source, revision FROM targets`)).toEqual(targetsBefore);
    expect(await scalar(store, sql`SELECT period FROM targets`)).toBe('');
    // A quarter target beside the yearly one is allowed now; a negative one is not.
    await db.insertInto('targets').values({ unit_id: commune, indicator_code: 'BHXH_TN', year: 2024, period: 'Q1', value: 30, source: 'BHXH_TINH' }).execute();
    await expect(db.insertInto('targets').values({ unit_id: commune, indicator_code: 'BHXH_TN', year: 2024, period: 'Q2', value: -1, source: 'BHXH_TINH' }).execute()).rejects.toThrow();
    // Results keep their figure and take notes; results and targets have counters of their own.
    await db.updateTable('results').set({ note: 'ghi chú' }).execute();
    expect(await rows(store, sql`SELECT value, note FROM results`)).toEqual([{ value: 90, note: 'ghi chú' }]);
    const r = await revisions(store);
    expect(r.results).toBeGreaterThan(0);
    expect(r.targets).toBeGreaterThan(0);
    expect(await tableNames(store)).toContain('settings');
  });

  it('5 on a version-4 database adds the import batches, aliases and remembered mappings', async () => {
    const { store, commune } = await storeAt(4);
    expect(await migrate(store, { migrations: upTo(5) })).toBe(5);
    const db = untyped(store);
    const { id } = await db
      .insertInto('import_batches')
      .values({ file_name: 'a.xlsx', sheet: 'T9', period: '2020-09', office_name: null, source_key: 'k', at: NOW, actor: 'x', written: 1, replaced: 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('import_batch_items').values({ batch_id: id, kind: 'result', unit_id: commune, indicator_code: 'BHYT', as_of: '2020-09-25', new_value: 5 }).execute();
    await expect(db.insertInto('import_batch_items').values({ batch_id: id, kind: 'other', unit_id: commune, indicator_code: 'BHYT', new_value: 5 }).execute()).rejects.toThrow();
  });

  it('6 on a version-5 database adds saved reports; the units are untouched', async () => {
    const { store } = await storeAt(5);
    const before = await unitRows(store);
    expect(await migrate(store, { migrations: upTo(6) })).toBe(6);
    expect(await unitRows(store)).toEqual(before);
    expect(await tableNames(store)).toContain('reports');
  });

  it("7 on a version-6 database marks it as this application's", async () => {
    const { store } = await storeAt(6);
    if (store instanceof SqliteStore) expect(store.applicationId()).toBe(0);
    expect(await migrate(store, { migrations: upTo(7) })).toBe(7);
    if (store instanceof SqliteStore) expect(store.applicationId()).toBe(SQLITE_APPLICATION_ID);
    expect(await scalar(store, sql`SELECT value FROM meta WHERE key = 'application'`)).toBe('bhxh-desk');
  });

  it('8 on a version-7 database: a bulk load bumps the results counter once, row by row writes still bump it each time', async () => {
    const { store, commune } = await storeAt(7);
    const db = untyped(store);
    await db.insertInto('results').values({ unit_id: commune, indicator_code: 'BHYT', as_of: '2024-01-25', value: 100 }).execute();
    const before = await rows(store, sql`SELECT unit_id, indicator_code, as_of, value FROM results`);
    expect(await migrate(store, { migrations: upTo(8) })).toBe(8);
    expect(await rows(store, sql`SELECT unit_id, indicator_code, as_of, value FROM results`)).toEqual(before);
    const start = (await revisions(store)).results;
    const months = Array.from({ length: 12 }, (_, i) => [commune, 'BHXH_TN', `2023-${String(i + 1).padStart(2, '0')}-25`, 10 + i] as const);
    await store.bulkInsert('results', ['unit_id', 'indicator_code', 'as_of', 'value'], months);
    expect(await scalar(store, sql`SELECT COUNT(*) AS n FROM results`)).toBe(13);
    const afterBulk = (await revisions(store)).results;
    // Once per load on SQLite (the trigger stands aside), once per statement on PostgreSQL.
    expect(afterBulk).toBeGreaterThan(start);
    if (store instanceof SqliteStore) expect(afterBulk).toBe(start + 1);
    await db.insertInto('results').values({ unit_id: commune, indicator_code: 'BHYT', as_of: '2024-02-25', value: 101 }).execute();
    expect((await revisions(store)).results).toBeGreaterThan(afterBulk);
  });

  it('9 on a version-8 database: offices keep their communes, now dated by the commune\'s own life; details, a folded name and the batch office are added', async () => {
    const { store, province, commune } = await storeAt(8);
    const db = untyped(store);
    const ended = (await db.insertInto('units').values({ code: '31007', name: 'Xã Ninh Hòa', name_key: 'ninh hoa', level: 'commune', kind: 'Xã', parent_id: province, valid_from: null, valid_to: '2025-06-30', is_demo: 0, created_at: NOW, updated_at: NOW }).returning('id').executeTakeFirstOrThrow()).id as number;
    const { id: office } = await db.insertInto('offices').values({ code: 'HD', name: 'BHXH huyện Hồng Dân', province_unit_id: province }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('office_units').values([{ office_id: office, unit_id: commune }, { office_id: office, unit_id: ended }]).execute();
    await db.insertInto('import_batches').values({ file_name: 'a.xlsx', sheet: 'T9', period: '2020-09', office_name: 'BHXH HUYỆN HỒNG DÂN', source_key: 'k', at: NOW, actor: 'x', written: 1, replaced: 0 }).execute();
    expect(await migrate(store, { migrations: upTo(9) })).toBe(9);
    expect(await rows(store, sql`SELECT office_id, unit_id, valid_from, valid_to FROM office_units ORDER BY unit_id`)).toEqual([
      { office_id: office, unit_id: commune, valid_from: null, valid_to: null },
      { office_id: office, unit_id: ended, valid_from: null, valid_to: '2025-06-30' },
    ]);
    expect(await rows(store, sql`SELECT code, name, name_key, address, valid_to FROM offices`)).toEqual([{ code: 'HD', name: 'BHXH huyện Hồng Dân', name_key: 'bhxh huyen hong dan', address: null, valid_to: null }]);
    expect(await scalar(store, sql`SELECT office_code FROM import_batches`)).toBeNull();
    // A commune can now be in an office twice, on different days, each row with its own id.
    await db.insertInto('office_units').values({ office_id: office, unit_id: commune, valid_from: '2026-01-01', valid_to: null }).execute();
    expect(Number(await scalar(store, sql`SELECT COUNT(DISTINCT id) FROM office_units`))).toBe(3);
    await expect(db.insertInto('office_units').values({ office_id: office, unit_id: commune, valid_from: '2026-02-01', valid_to: '2026-01-01' }).execute()).rejects.toThrow();
    // Removing an office still removes its memberships.
    await db.deleteFrom('offices').execute();
    expect(Number(await scalar(store, sql`SELECT COUNT(*) FROM office_units`))).toBe(0);
  });

  it('11 on a version-10 database: month figures read the same; on PostgreSQL the month index covers unit and value (an index-only scan)', async () => {
    const { store, commune } = await storeAt(10);
    const db = untyped(store);
    await db.insertInto('results').values([
      { unit_id: commune, indicator_code: 'BHXH_TN', as_of: '2024-01-25', value: 100 },
      { unit_id: commune, indicator_code: 'BHYT', as_of: '2024-01-25', value: 900 },
    ]).execute();
    const month = () => rows(store, sql`SELECT unit_id, indicator_code, as_of, value FROM results WHERE indicator_code IN ('BHXH_TN', 'BHYT') AND as_of >= '2024-01-01' AND as_of <= '2024-01-31' ORDER BY indicator_code`);
    const before = await month();
    expect(await migrate(store, { migrations: upTo(11) })).toBe(11);
    expect(await month()).toEqual(before);
    if (TEST_ENGINE === 'postgres') {
      const indexes = await rows<{ indexdef: string }>(store, sql`SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'results' AND indexname LIKE 'results_month%'`);
      expect(indexes.map((i) => i.indexdef)).toEqual([expect.stringMatching(/\(indicator_code, as_of\) INCLUDE \(unit_id, value\)/)]);
    } else {
      expect((await rows<{ name: string }>(store, sql`SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'results_month%'`)).map((r) => r.name)).toEqual(['results_month']);
    }
  });

  it('a failing step rolls back every pending step', async () => {
    const store = await openTestStore();
    const steps: Migration[] = [
      { version: 1, name: 'first', up: (m) => m.script('CREATE TABLE first_step (id INTEGER PRIMARY KEY)') },
      {
        version: 2,
        name: 'second fails',
        async up(m) {
          await m.script('CREATE TABLE second_step (id INTEGER)');
          throw new Error('boom');
        },
      },
    ];
    await expect(migrate(store, { migrations: steps })).rejects.toThrow('boom');
    expect(await schemaVersion(store)).toBe(0);
    expect(await tableNames(store)).not.toContain('first_step');
    expect(await tableNames(store)).not.toContain('second_step');
  });

  it('a failing step on an existing database keeps its version and data', async () => {
    const { store } = await storeAt(1);
    let backedUpFrom: number | null = null;
    const steps: Migration[] = [
      MIGRATIONS[0]!,
      {
        version: 2,
        name: 'renames then fails',
        async up(m) {
          await m.db.updateTable('units').set({ name: 'đổi tên' }).execute();
          throw new Error('hỏng');
        },
      },
    ];
    await expect(migrate(store, { migrations: steps, beforeMigrate: async (from) => void (backedUpFrom = from) })).rejects.toThrow('hỏng');
    // Only the embedded file is copied before a migration; the server's administrator backs up PostgreSQL.
    expect(backedUpFrom).toBe(TEST_ENGINE === 'sqlite' ? 1 : null);
    expect(await schemaVersion(store)).toBe(1);
    expect((await rows<{ name: string }>(store, sql`SELECT name FROM units ORDER BY code`)).map((r) => r.name)).toEqual(['Thị trấn Ngan Dừa', 'Tỉnh Bạc Liêu']);
  });
});

describe('the database hash used by "nothing changed" assertions', () => {
  it('is stable across reads and sees a one-character change, a new row and an audit entry', async () => {
    const core = await openTestCore();
    await importFile(core, fixturePath(FIXTURE.unitsHongDan));
    const store = storeOf(core);
    const db = untyped(store);
    const h0 = await hashDatabase(store);
    expect(await hashDatabase(store)).toBe(h0);
    await db.updateTable('units').set({ name: 'Xã Ninh Hoà' }).where('code', '=', '31015').execute();
    const h1 = await hashDatabase(store);
    expect(h1).not.toBe(h0);
    await db.updateTable('units').set({ name: 'Xã Ninh Hòa' }).where('code', '=', '31015').execute();
    // The revision counter (migration 3) remembers that units were written, so the hash moves on.
    expect(await hashDatabase(store)).not.toBe(h0);
    const h2 = await hashDatabase(store);
    await db.insertInto('meta').values({ key: 'k', value: 'v' }).execute();
    expect(await hashDatabase(store)).not.toBe(h2);
    await db.deleteFrom('meta').where('key', '=', 'k').execute();
    expect(await hashDatabase(store)).toBe(h2);
    await call(core, 'units:update', { code: '31015', name: 'Xã Ninh Hòa 2', kind: 'Xã', parentCode: '956', validFrom: null, validTo: null });
    expect(await hashDatabase(store)).not.toBe(h2);
  });
});

describe('lookups on an open database', () => {
  it('units:get of an unknown code answers NOT_FOUND in Vietnamese', async () => {
    const core = await openTestCore();
    const err = await callError(core, 'units:get', { code: '00000' });
    expect(err.code).toBe('NOT_FOUND');
    expectVietnamese(err.message);
  });
});
