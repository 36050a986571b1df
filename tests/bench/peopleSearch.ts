// Person lists at provincial scale: 1,000,000 generated people on one list (40 communes × 8
// hamlets), on SQLite and on PostgreSQL. Times (median of several runs) the searches a clerk
// types (full name, given name, CCCD, phone, a commune), a deep page, the count of a filter that
// matches almost everything, an assignment of 100,000 rows over three staff, the conversion
// report, and deleting the list with VACUUM. Figures only, no assertions.
//
//   node_modules/.bin/node --import tsx tests/bench/peopleSearch.ts            (both engines)
//   PEOPLE_BENCH_ROWS=200000 PEOPLE_BENCH_EXPLAIN=1 node_modules/.bin/node --import tsx tests/bench/peopleSearch.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import type { AppCore } from '../../electron/core/app/appCore';
import type { Store } from '../../electron/core/db/store';
import { putPeopleIndexesBack, setPeopleIndexesAside } from '../../electron/core/people/bigWrites';
import { UnitRepository } from '../../electron/core/units/repository';
import type { Channel, RequestOf, ResponseOf } from '../../shared/contract';
import { unitNameKey } from '../../shared/text/fold';
import { createList, insertPeople } from '../helpers/people';
import { startPgCluster, stopPgCluster } from '../helpers/pgCluster';
import { BenchTable, type BenchEnv } from './env';

const ROWS = Number(process.env.PEOPLE_BENCH_ROWS ?? 1_000_000);
const RUNS = 7;
const EXPLAIN = process.env.PEOPLE_BENCH_EXPLAIN === '1';

async function invoke<C extends Channel>(core: AppCore, channel: C, req: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await core.dispatch(channel, req);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as ResponseOf<C>;
}

async function median(fn: () => Promise<unknown>, runs = RUNS): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** The plan each engine picks for the statements of one request (PEOPLE_BENCH_EXPLAIN=1). */
async function explain(env: BenchEnv, store: Store, label: string, run: () => Promise<unknown>): Promise<void> {
  const captured: { sql: string; parameters: readonly unknown[] }[] = [];
  const db = store.db as unknown as { getExecutor(): { executeQuery: (q: { sql: string; parameters: readonly unknown[] }) => unknown } };
  const executor = db.getExecutor();
  const original = executor.executeQuery.bind(executor);
  executor.executeQuery = (q: { sql: string; parameters: readonly unknown[] }) => {
    captured.push({ sql: q.sql, parameters: q.parameters });
    return original(q);
  };
  try {
    await run();
  } finally {
    executor.executeQuery = original;
  }
  for (const q of captured) {
    if (!/^\s*select/i.test(q.sql)) continue;
    const prefix = env.engine === 'sqlite' ? 'EXPLAIN QUERY PLAN ' : 'EXPLAIN ';
    const plan = await store.db.executeQuery<Record<string, unknown>>({ sql: prefix + q.sql, parameters: q.parameters, query: { kind: 'RawNode' } } as never);
    env.note(`${label}: ${q.sql.slice(0, 160)}\n    ${plan.rows.map((r) => String(r.detail ?? r['QUERY PLAN'])).join('\n    ')}`);
  }
}

export async function benchPeopleSearch(env: BenchEnv): Promise<void> {
  const core = await env.open('people');
  try {
    const store = core.store()!;
    await new UnitRepository(store).insert({ code: '88', name: 'Tỉnh Thử Nghiệm', nameKey: unitNameKey('Tỉnh Thử Nghiệm'), level: 'province', kind: null, parentId: null, validFrom: null, validTo: null }, new Date().toISOString());
    await invoke(core, 'offices:create', { code: '8801', provinceCode: '88', name: 'BHXH cơ sở Thử Nghiệm' });
    await invoke(core, 'agents:create', { code: 'BD01', name: 'Bưu điện Thử Nghiệm', kind: 'POST', officeCode: '8801', signedOn: '2020-01-06' });
    for (const code of ['NV01', 'NV02', 'NV03']) await invoke(core, 'staff:create', { code, fullName: `Nhân Viên ${code}`, agentCode: 'BD01' });

    const list = await createList(store, 'Danh sách thử một triệu người');
    let start = performance.now();
    // Loaded in chunks of 100.000: the indexes are set aside for the whole load, not only while a chunk outweighs the table.
    const aside = await setPeopleIndexesAside(store, ROWS);
    await insertPeople(store, list, ROWS, { seed: 20260101 });
    await putPeopleIndexesBack(store, aside);
    env.log(`load ${ROWS.toLocaleString('vi-VN')} people (bulk insert, indexes after)`, performance.now() - start);
    // What autovacuum does after a bulk load on a real server: statistics, and the visibility map
    // that lets counts and deep pages read the indexes alone.
    if (env.engine === 'postgres') await sql`VACUUM ANALYZE people`.execute(store.db);

    const some = await store.db.selectFrom('people').select(['cccd', 'phone', 'bhxh_code']).where('list_id', '=', list).orderBy('id').offset(Math.floor(ROWS / 2)).limit(1).executeTakeFirstOrThrow();
    const searches: [string, RequestOf<'people:search'>][] = [
      ['search full name "nguyen thi hoa"', { query: 'nguyen thi hoa' }],
      ['search given name "hoa"', { query: 'hoa' }],
      ['search given name + family "lan tran"', { query: 'lan tran' }],
      ['search CCCD (whole)', { query: some.cccd! }],
      ['search CCCD (first 6 digits)', { query: some.cccd!.slice(0, 6) }],
      ['search mã số BHXH', { query: some.bhxh_code! }],
      ['search phone', { query: some.phone! }],
      ['commune filter, sorted by name', { unitCode: '98007' }],
      ['commune + hamlet filter', { unitCode: '98007', hamlet: 'Ấp 1' }],
      ['list, first page (count of the whole list)', { listId: list }],
      ['status filter NEW on the list (most of it)', { listId: list, status: ['NEW'] }],
      ['deep page (offset 500,000) of the list', { listId: list, offset: Math.floor(ROWS / 2), limit: 100 }],
    ];
    for (const [label, req] of searches) {
      if (EXPLAIN) await explain(env, store, label, () => invoke(core, 'people:search', req));
      let total = 0;
      const ms = await median(async () => {
        total = (await invoke(core, 'people:search', req)).total;
      });
      env.log(`${label} (${total.toLocaleString('vi-VN')} found)`, ms);
    }
    const countStart = store.queryCount;
    await invoke(core, 'people:search', { query: 'hoa' });
    env.count('statements per search page', store.queryCount - countStart, 'câu lệnh');

    // Assign 100,000 rows: the people of 4 communes (about 25,000 each at a million rows).
    const communes = ['98001', '98002', '98003', '98004'];
    start = performance.now();
    let assigned = 0;
    for (const unitCode of communes) assigned += (await invoke(core, 'people:assign', { filter: { listId: list, unitCode }, staffCodes: ['NV01', 'NV02', 'NV03'] })).assigned;
    env.log(`assign ${assigned.toLocaleString('vi-VN')} rows of 4 communes over 3 staff (4 calls)`, performance.now() - start);
    start = performance.now();
    const big = await invoke(core, 'people:assign', { filter: { listId: list, status: ['CONTACTED', 'CALLBACK', 'AGREED', 'JOINED', 'REFUSED', 'UNREACHABLE'] }, staffCodes: ['NV01', 'NV02', 'NV03'] });
    env.log(`assign ${big.assigned.toLocaleString('vi-VN')} rows (one call, contacted people) over 3 staff`, performance.now() - start);

    // What a staff member's screen asks once people are assigned: their people, their open ones.
    const staffSearches: [string, RequestOf<'people:search'>][] = [
      ['staff filter NV01 (first page + count)', { listId: list, staffCode: 'NV01' }],
      ['staff + status filter NV01, CONTACTED', { listId: list, staffCode: 'NV01', status: ['CONTACTED'] }],
      ['unassigned filter on the list', { listId: list, unassigned: true }],
    ];
    for (const [label, req] of staffSearches) {
      if (EXPLAIN) await explain(env, store, label, () => invoke(core, 'people:search', req));
      let total = 0;
      const ms = await median(async () => {
        total = (await invoke(core, 'people:search', req)).total;
      });
      env.log(`${label} (${total.toLocaleString('vi-VN')} found)`, ms);
    }

    for (const by of ['commune', 'staff', 'campaign'] as const) env.log(`conversion by ${by}`, await median(() => invoke(core, 'people:conversion', { by, listId: list }), 3));
    env.log('people:lists (counts of every list)', await median(() => invoke(core, 'people:lists', {}), 3));

    start = performance.now();
    const outcome = await invoke(core, 'people:deleteList', { listId: list, confirmName: 'Danh sách thử một triệu người' });
    env.log(`delete the list (${outcome.deletedRows.toLocaleString('vi-VN')} rows) + VACUUM`, performance.now() - start);
    if (outcome.fileBytesBefore !== null) env.count('database file before → after (MB)', Math.round(outcome.fileBytesBefore / 1e6), `→ ${Math.round(outcome.fileBytesAfter! / 1e6)} MB`);
  } finally {
    await core.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = mkdtempSync(join(tmpdir(), 'bhxh-bench-people-'));
  const table = new BenchTable();
  table.heading(`Person lists, ${ROWS.toLocaleString('vi-VN')} people`);
  const engines = (process.env.PEOPLE_BENCH_ENGINES ?? 'sqlite,postgres').split(',');
  try {
    if (engines.includes('sqlite')) await benchPeopleSearch(table.env('sqlite', dir, null));
    if (engines.includes('postgres')) {
      const cluster = await startPgCluster();
      try {
        await benchPeopleSearch(table.env('postgres', dir, cluster.adminUrl));
      } finally {
        stopPgCluster(cluster.dir);
      }
    }
    table.print();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
