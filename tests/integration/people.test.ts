import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app/appCore';
import type { Store } from '../../electron/core/db/store';
import { DEMO_LIST_NAMES } from '../../electron/core/demo/demoPeople';
import { planAssignment } from '../../electron/core/people/assign';
import { UnitRepository } from '../../electron/core/units/repository';
import { personNameKeys, type PersonStatus } from '../../shared/domain/people';
import { foldText, unitNameKey } from '../../shared/text/fold';
import { call, callError, FIXED_NOW, openTestCore, storeOf, TEST_ENGINE } from '../helpers/core';
import { scalar } from '../helpers/dbHash';
import { demoWithoutNetwork } from '../helpers/network';
import { createList, insertPeople } from '../helpers/people';

/**
 * A province of its own (88) with two communes, an office, a post-office agent and three staff
 * (NV01–NV03, NV04 has left); people are written straight into the tables so every figure
 * below is known by hand.
 */
async function peopleCore(): Promise<{ core: AppCore; store: Store }> {
  const core = await openTestCore({ now: () => FIXED_NOW });
  const store = storeOf(core);
  const units = new UnitRepository(store);
  const now = FIXED_NOW.toISOString();
  const add = (code: string, name: string, level: 'province' | 'commune', parentId: number | null) =>
    units.insert({ code, name, nameKey: unitNameKey(name), level, kind: null, parentId, validFrom: null, validTo: null }, now);
  const province = await add('88', 'Tỉnh Thử Nghiệm', 'province', null);
  await add('88001', 'Xã Ninh Quới', 'commune', province);
  await add('88002', 'Xã Hòa Bình', 'commune', province);
  await call(core, 'offices:create', { code: '8801', provinceCode: '88', name: 'BHXH cơ sở Hòa An' });
  await call(core, 'agents:create', { code: 'BD01', name: 'Bưu điện huyện Hòa An', kind: 'POST', officeCode: '8801', signedOn: '2020-01-06' });
  for (const [code, fullName] of [['NV01', 'Trần Thị Bé Tư'], ['NV02', 'Lâm Văn Út'], ['NV03', 'Ngô Thị Mai'], ['NV04', 'Phan Văn Cũ']]) {
    await call(core, 'staff:create', { code: code!, fullName: fullName!, agentCode: 'BD01', ...(code === 'NV04' ? { status: 'left' as const, leftOn: '2026-01-01' } : {}) });
  }
  return { core, store };
}

interface PersonSeed {
  name: string;
  cccd?: string;
  bhxh?: string;
  phone?: string;
  unit?: string;
  hamlet?: string;
  status?: PersonStatus;
  statusOn?: string;
  due?: string;
  staff?: string;
}

/** Hand-made people on a list, written straight into the table; returns their ids in order. */
async function addPeople(store: Store, listId: number, seeds: PersonSeed[]): Promise<number[]> {
  const staff = new Map((await store.db.selectFrom('agent_staff').select(['id', 'code']).execute()).map((s) => [s.code, s.id]));
  const now = FIXED_NOW.toISOString();
  const ids: number[] = [];
  for (const s of seeds) {
    const keys = personNameKeys(s.name);
    const row = await store.db
      .insertInto('people')
      .values({
        list_id: listId, full_name: s.name, name_key: keys.nameKey, given_key: keys.givenKey, cccd: s.cccd ?? null, bhxh_code: s.bhxh ?? null, phone: s.phone ?? null,
        unit_code: s.unit ?? '88001', commune_name: s.unit === '88002' ? 'Xã Hòa Bình' : 'Xã Ninh Quới', hamlet: s.hamlet ?? null, hamlet_key: s.hamlet ? foldText(s.hamlet) : null,
        due_month: s.due ?? null, staff_id: s.staff ? staff.get(s.staff)! : null, status: s.status ?? 'NEW', status_on: s.statusOn ?? null, created_at: now, updated_at: now,
        product: 'BHXH_TN', birth_date: '1986-05-04', sex: 'F',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}

const HOA: PersonSeed = { name: 'Đặng Thị Hòa', cccd: '095186001234', bhxh: '9512345678', phone: '0919123456', hamlet: 'Ấp Xẻo Gừa' };
const audits = async (store: Store, action: string) => Number(await scalar(store, sql`SELECT COUNT(*) FROM audit_log WHERE action = ${action}`));

describe('people: search', () => {
  it('finds names without diacritics, by given name and by identifiers, masked, in a constant number of statements a page', async () => {
    const { core, store } = await peopleCore();
    const list = await createList(store, 'Tiềm năng xã Ninh Quới');
    const other = await createList(store, 'Đến hạn tháng 11', 'DUE');
    const [hoa] = await addPeople(store, list, [
      HOA,
      { name: 'Đặng Văn Hoàng', cccd: '095079002345', phone: '0945111222', hamlet: 'Ấp 3' },
      { name: 'Nguyễn Hoà An', phone: '0988000111', hamlet: 'Ấp 3' },
      { name: 'Lê Thị Hoà', bhxh: '9599999999', hamlet: 'ấp xẻo gừa', unit: '88002' },
      { name: 'Trần Văn Bảy', cccd: '095080003456', hamlet: 'Ấp 3', staff: 'NV01', status: 'CONTACTED' },
    ]);
    await addPeople(store, other, [{ ...HOA, due: '2026-11' }]);

    const names = async (query: string, extra: object = {}) => (await call(core, 'people:search', { query, ...extra })).items.map((p) => `${p.fullName}@${p.listId === list ? 'A' : 'B'}`);
    expect(await names('dang thi hoa')).toEqual(['Đặng Thị Hòa@A', 'Đặng Thị Hòa@B']);
    expect(await names('Đặng Thị Hoà', { listId: list })).toEqual(['Đặng Thị Hòa@A']);
    // Given name first: "hoa" finds Hòa and Hoà (both placements of the tone), and Hoàng by its start; not "Nguyễn Hoà An".
    expect(await names('hoa', { listId: list })).toEqual(['Đặng Thị Hòa@A', 'Lê Thị Hoà@A', 'Đặng Văn Hoàng@A']);
    expect(await names('hòa lê')).toEqual(['Lê Thị Hoà@A']);
    expect(await names('nguyen hoa')).toEqual(['Nguyễn Hoà An@A']);
    expect(await names('xyz')).toEqual([]);
    expect(await names('%')).toEqual([]);
    // Identifiers: whole is exact, a start is a prefix.
    expect(await names('095186001234')).toEqual(['Đặng Thị Hòa@A', 'Đặng Thị Hòa@B']);
    expect(await names('0951 86')).toEqual(['Đặng Thị Hòa@A', 'Đặng Thị Hòa@B']);
    expect(await names('9599999999')).toEqual(['Lê Thị Hoà@A']);
    expect(await names('0945.111.222')).toEqual(['Đặng Văn Hoàng@A']);
    expect(await names('+84945111222')).toEqual(['Đặng Văn Hoàng@A']);
    expect(await names('0988')).toEqual(['Nguyễn Hoà An@A']);
    expect(await names('GD4959512345678')).toEqual(['Đặng Thị Hòa@A', 'Đặng Thị Hòa@B']);

    const page = await call(core, 'people:search', { query: 'dang thi hoa', listId: list });
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      id: hoa, listName: 'Tiềm năng xã Ninh Quới', cccd: '0951******34', bhxhCode: '95******78', phone: '0919***456', otherLists: 1, status: 'NEW', staffCode: null,
    });
    const bay = (await call(core, 'people:search', { query: 'bay' })).items[0]!;
    expect(bay).toMatchObject({ staffCode: 'NV01', staffName: 'Trần Thị Bé Tư', status: 'CONTACTED', otherLists: 0 });
    // Nothing of the real numbers anywhere in a page.
    const all = JSON.stringify(await call(core, 'people:search', { limit: 1000 }));
    for (const secret of ['095186001234', '9512345678', '0919123456', '0945111222']) expect(all).not.toContain(secret);

    // Filters: hamlet matched folded, commune, staff, unassigned, status; sorts.
    expect((await call(core, 'people:search', { unitCode: '88001', hamlet: 'ap xeo gua' })).items.map((p) => p.fullName)).toEqual(['Đặng Thị Hòa', 'Đặng Thị Hòa']);
    expect((await call(core, 'people:search', { hamlet: 'Ấp Xẻo Gừa' })).total).toBe(3);
    expect((await call(core, 'people:search', { staffCode: 'NV01' })).total).toBe(1);
    expect((await call(core, 'people:search', { unassigned: true, listId: list })).total).toBe(4);
    expect((await call(core, 'people:search', { status: ['CONTACTED', 'JOINED'] })).total).toBe(1);
    expect((await call(core, 'people:search', { dueMonth: '2026-11' })).items.map((p) => p.listName)).toEqual(['Đến hạn tháng 11']);
    expect((await call(core, 'people:search', { listId: list, sort: 'commune', desc: true })).items[0]!.fullName).toBe('Lê Thị Hoà');
    expect((await call(core, 'people:search', { listId: list, sort: 'status' })).items.at(-1)!.fullName).toBe('Trần Văn Bảy');
    expect((await callError(core, 'people:search', { staffCode: 'NV99' })).code).toBe('NOT_FOUND');

    // Paging: every page carries the total; pages never overlap; three statements whatever the page.
    await insertPeople(store, list, 237, { seed: 7 });
    const seen = new Set<number>();
    for (let offset = 0; offset < 242; offset += 50) {
      const before = store.queryCount;
      const p = await call(core, 'people:search', { listId: list, offset, limit: 50 });
      expect(store.queryCount - before).toBe(3);
      expect(p.total).toBe(242);
      for (const item of p.items) seen.add(item.id);
    }
    expect(seen.size).toBe(242);
    const before = store.queryCount;
    // Name words read two index ranges (given name, then full name): two counts, the rows, the extras, and the staff code.
    expect((await call(core, 'people:search', { query: 'tran', staffCode: 'NV01', status: ['CONTACTED'], limit: 1000 })).total).toBe(1);
    expect(store.queryCount - before).toBe(5);
    const again = store.queryCount;
    expect((await call(core, 'people:search', { query: 'hoa', limit: 2, offset: 1 })).items).toHaveLength(2);
    expect(store.queryCount - again).toBe(4); // the page lies inside the given-name part: its rows are not read
  });
});

describe('people: a deep page of a common name', () => {
  it('a page past the capped count of the given-name part starts the full-name part where it should', async () => {
    const { core, store } = await peopleCore();
    const list = await createList(store, 'Danh sách đông người tên Hoa');
    const now = FIXED_NOW.toISOString();
    const row = (name: string) => {
      const keys = personNameKeys(name);
      return [list, name, keys.nameKey, keys.givenKey, 'NEW', '88001', now, now];
    };
    // 10,100 people whose given name is Hoa (more than the 10,000 a filtered count stops at), then 150 whose full name starts with "hoa".
    const given = 10_100;
    const fullOnly = 150;
    const columns = ['list_id', 'full_name', 'name_key', 'given_key', 'status', 'unit_code', 'created_at', 'updated_at'];
    await store.bulkInsert('people', columns, Array.from({ length: given }, () => row('Nguyễn Thị Hoa')));
    await store.bulkInsert('people', columns, Array.from({ length: fullOnly }, () => row('Hoàng Văn Nam')));
    const hoang = (await store.db.selectFrom('people').select('id').where('list_id', '=', list).where('full_name', '=', 'Hoàng Văn Nam').orderBy('id').execute()).map((r) => r.id);
    // A status filter: no index counts it with the given-name part, so that part's count is capped.
    const page = await call(core, 'people:search', { query: 'hoa', status: ['NEW'], offset: given + 50, limit: 50 });
    expect(page.items.map((p) => p.id)).toEqual(hoang.slice(50, 100));
    expect(page.total).toBe(given + fullOnly);
    expect(page.totalIsEstimate).toBeUndefined();
    // A first page still answers from the capped counts.
    const first = await call(core, 'people:search', { query: 'hoa', status: ['NEW'], limit: 50 });
    expect(first.items.every((p) => p.fullName === 'Nguyễn Thị Hoa')).toBe(true);
    expect(first.totalIsEstimate).toBe(true);
  }, 60_000);
});

describe('people: one person, reveal, contacts, exports', () => {
  it('reveal writes one audit row naming the fields, never the values; update and logContact move the person on', async () => {
    const { core, store } = await peopleCore();
    const list = await createList(store, 'Tiềm năng xã Ninh Quới');
    const other = await createList(store, 'Đến hạn tháng 11', 'DUE');
    const [id] = await addPeople(store, list, [HOA]);
    await addPeople(store, other, [{ ...HOA, phone: null as unknown as string }]);

    const detail = await call(core, 'people:get', { id: id! });
    expect(detail).toMatchObject({ cccd: '0951******34', phone: '0919***456', contacts: [], alsoOn: [{ listName: 'Đến hạn tháng 11', status: 'NEW' }] });

    const before = await audits(store, 'reveal');
    const revealed = await call(core, 'people:reveal', { id: id!, fields: ['cccd', 'phone'] });
    expect(revealed).toEqual({ id, cccd: '095186001234', bhxhCode: null, bhytCard: null, phone: '0919123456' });
    expect(await audits(store, 'reveal')).toBe(before + 1);
    const row = (await call(core, 'audit:list', { entity: 'person', limit: 1 })).items[0]!;
    expect(row).toMatchObject({ action: 'reveal', actor: 'kiem-thu', entityKey: String(id) });
    expect(row.summary).toContain('số CCCD, số điện thoại');
    expect(row.summary).toContain('Đặng Thị Hòa');
    const logged = JSON.stringify(await sql`SELECT * FROM audit_log`.execute(store.db));
    expect(logged).not.toContain('095186001234');
    expect(logged).not.toContain('0919123456');
    await call(core, 'people:reveal', { id: id! });
    expect(await audits(store, 'reveal')).toBe(before + 2);

    const updated = await call(core, 'people:update', { id: id!, staffCode: 'NV02', status: 'CALLBACK', phone: '0912 345 678', hamlet: 'Ấp 5', note: 'Hẹn sau mùa lúa' });
    expect(updated).toMatchObject({ staffCode: 'NV02', status: 'CALLBACK', statusOn: '2026-11-22', phone: '0912***678', hamlet: 'Ấp 5', note: 'Hẹn sau mùa lúa' });
    expect((await call(core, 'people:search', { hamlet: 'ap 5' })).total).toBe(1);
    expect((await callError(core, 'people:update', { id: id!, staffCode: 'NV04' })).code).toBe('VALIDATION');
    expect((await callError(core, 'people:update', { id: id!, phone: '12345' })).code).toBe('VALIDATION');
    const updateAudit = (await call(core, 'audit:list', { entity: 'person', limit: 1 })).items[0]!;
    expect(updateAudit.summary).toContain('số điện thoại đã thay đổi');
    expect(updateAudit.summary).not.toContain('0912345678');

    const afterContact = await call(core, 'people:logContact', { personId: id!, contactedOn: '2026-11-20', channel: 'VISIT', outcome: 'AGREED', staffCode: 'NV03', note: 'Đồng ý đóng 6 tháng' });
    expect(afterContact).toMatchObject({ status: 'AGREED', statusOn: '2026-11-20', lastContactOn: '2026-11-20', staffCode: 'NV03' });
    expect(afterContact.contacts).toEqual([expect.objectContaining({ contactedOn: '2026-11-20', channel: 'VISIT', outcome: 'AGREED', staffCode: 'NV03', staffName: 'Ngô Thị Mai', note: 'Đồng ý đóng 6 tháng', createdBy: 'kiem-thu' })]);
    // An older contact entered late joins the log but does not move the status back.
    const late = await call(core, 'people:logContact', { personId: id!, contactedOn: '2026-11-02', channel: 'PHONE', outcome: 'UNREACHABLE' });
    expect(late).toMatchObject({ status: 'AGREED', lastContactOn: '2026-11-20' });
    expect(late.contacts.map((c) => c.outcome)).toEqual(['AGREED', 'UNREACHABLE']);
    expect((await callError(core, 'people:logContact', { personId: id!, contactedOn: '2026-12-01', channel: 'PHONE', outcome: 'JOINED' })).code).toBe('VALIDATION');
    expect(await audits(store, 'contact')).toBe(2);
  });

  it('exports: the call sheet is Decree-30 styled, grouped by hamlet with real phones; the list export masks unless asked; all audited', async () => {
    const { core, store } = await peopleCore();
    const list = await createList(store, 'Tiềm năng xã Ninh Quới');
    await addPeople(store, list, [
      { ...HOA, staff: 'NV01' },
      { name: 'Đặng Văn Hoàng', phone: '0945111222', hamlet: 'Ấp 3', staff: 'NV01', status: 'CALLBACK' },
      { name: 'Võ Thị Lan', phone: '0945111333', hamlet: 'Ấp 3', staff: 'NV01', status: 'JOINED' },
      { name: 'Lê Văn Tám', phone: '0945111444', hamlet: 'Ấp 3', staff: 'NV02' },
    ]);
    const exportsBefore = await audits(store, 'export');
    const ref = await call(core, 'people:exportSheet', { staffCode: 'NV01', kind: 'call' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(core.downloads.take(ref.token).bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const cells: string[] = [];
    ws.eachRow((r) => r.eachCell((c) => cells.push(String(c.value ?? ''))));
    expect(cells).toContain('BẢO HIỂM XÃ HỘI TỈNH THỬ NGHIỆM');
    expect(cells).toContain('PHIẾU GỌI VẬN ĐỘNG');
    expect(cells).toContain('Tài liệu có dữ liệu cá nhân – không chia sẻ, hủy sau khi dùng');
    expect(cells).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    for (const h of ['STT', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Điện thoại', 'Loại hình', 'Tháng đến hạn', 'Phương thức đóng', 'Tình trạng', 'Lần liên hệ gần nhất', 'Kết quả', 'Ghi chú']) expect(cells).toContain(h);
    expect(cells).toContain('Xã Ninh Quới – Ấp 3 (1 người)');
    expect(cells).toContain('Xã Ninh Quới – Ấp Xẻo Gừa (1 người)');
    expect(cells).toContain('0919123456');
    expect(cells).toContain('0945111222');
    expect(cells).not.toContain('Võ Thị Lan'); // joined: no longer on the sheet
    expect(cells).not.toContain('Lê Văn Tám'); // another staff member's
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
    expect(ref.fileName).toMatch(/^phieu-goi-van-dong-NV01/);

    const walk = await call(core, 'people:walkList', { staffCode: 'NV01', openOnly: false });
    expect(walk.total).toBe(3);
    expect(walk.groups.map((g) => [g.hamlet, g.people.map((p) => p.fullName)])).toEqual([['Ấp 3', ['Đặng Văn Hoàng', 'Võ Thị Lan']], ['Ấp Xẻo Gừa', ['Đặng Thị Hòa']]]);
    expect(walk.groups[1]!.people[0]).toMatchObject({ phone: '0919123456', birthYear: 1986 });

    const masked = await call(core, 'people:export', { filter: { listId: list } });
    const text = async (token: string) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(core.downloads.take(token).bytes as unknown as ArrayBuffer);
      const out: string[] = [];
      book.worksheets[0]!.eachRow((r) => r.eachCell((c) => out.push(String(c.value ?? ''))));
      return out;
    };
    const maskedCells = await text(masked.token);
    expect(maskedCells).toContain('0919***456');
    expect(maskedCells).not.toContain('0919123456');
    expect(maskedCells).not.toContain('Tài liệu có dữ liệu cá nhân – không chia sẻ, hủy sau khi dùng');
    const full = await text((await call(core, 'people:export', { filter: { listId: list }, withPersonal: true })).token);
    expect(full).toContain('0919123456');
    expect(full).toContain('095186001234');
    expect(full).toContain('Tài liệu có dữ liệu cá nhân – không chia sẻ, hủy sau khi dùng');
    expect(await audits(store, 'export')).toBe(exportsBefore + 4);
    const last = (await call(core, 'audit:list', { entity: 'export', limit: 4 })).items;
    expect(last[0]!.summary).toContain('có dữ liệu cá nhân');
    expect(last[1]!.summary).not.toContain('có dữ liệu cá nhân');
    expect(last[2]!.summary).toContain('danh sách đi từng nhà');
    expect(last[3]!.summary).toContain('phiếu gọi vận động');
  });
});

describe('people: assignment and conversion', () => {
  it('plans whole hamlets biggest first, then deals the rest by rows', () => {
    const g = (hamletKey: string, rows: number) => ({ unitCode: '88001', hamletKey, rows });
    const plan = planAssignment([g('ap 1', 40), g('ap 2', 35), g('ap 3', 30), g('ap 4', 20), g('ap 5', 5)], 3);
    expect(plan.quotas).toEqual([44, 43, 43]);
    expect(plan.whole.map((w) => w.map((h) => h.hamletKey))).toEqual([['ap 1'], ['ap 2'], ['ap 3', 'ap 5']]);
    expect(plan.split.map((h) => h.hamletKey)).toEqual(['ap 4']);
    expect(plan.splitShares).toEqual([4, 8, 8]);
  });

  it('assigns a commune to one staff member, or evenly over three by hamlet; refuses staff who left', async () => {
    const { core, store } = await peopleCore();
    const list = await createList(store, 'Tiềm năng xã Ninh Quới');
    const seeds: PersonSeed[] = [];
    const sizes: [string, number][] = [['Ấp 1', 40], ['Ấp 2', 35], ['Ấp 3', 30], ['Ấp 4', 20], ['Ấp 5', 5]];
    for (const [hamlet, n] of sizes) for (let i = 0; i < n; i++) seeds.push({ name: `Nguyễn Văn ${hamlet} ${String(i).padStart(2, '0')}`, hamlet });
    seeds.push({ name: 'Trần Thị Xã Khác', unit: '88002', hamlet: 'Ấp 1' });
    await addPeople(store, list, seeds);

    const one = await call(core, 'people:assign', { filter: { listId: list, unitCode: '88001', hamlet: 'ấp 5' }, staffCodes: ['NV01'] });
    expect(one).toEqual({ assigned: 5, perStaff: [{ staffCode: 'NV01', staffName: 'Trần Thị Bé Tư', count: 5 }] });

    const three = await call(core, 'people:assign', { filter: { listId: list, unitCode: '88001' }, staffCodes: ['NV01', 'NV02', 'NV03'] });
    expect(three.assigned).toBe(130);
    expect(three.perStaff.map((s) => s.count)).toEqual([44, 43, 43]);
    const byHamlet = await sql<{ hamlet: string; code: string; n: number }>`SELECT p.hamlet, s.code, COUNT(*) AS n FROM people p JOIN person_staff ps ON ps.person_id = p.id JOIN agent_staff s ON s.id = ps.staff_id GROUP BY p.hamlet, s.code ORDER BY p.hamlet, s.code`.execute(store.db);
    expect(byHamlet.rows.map((r) => `${r.hamlet}:${r.code}:${Number(r.n)}`)).toEqual([
      'Ấp 1:NV01:40', 'Ấp 2:NV02:35', 'Ấp 3:NV03:30', 'Ấp 4:NV01:4', 'Ấp 4:NV02:8', 'Ấp 4:NV03:8', 'Ấp 5:NV03:5',
    ]);
    // Split hamlet dealt in name order: the first 4 to NV01, the next 8 to NV02, the rest to NV03.
    const ap4 = (await call(core, 'people:search', { hamlet: 'Ấp 4', sort: 'name', limit: 20 })).items;
    expect(ap4.map((p) => p.staffCode)).toEqual([...Array(4).fill('NV01'), ...Array(8).fill('NV02'), ...Array(8).fill('NV03')]);
    expect((await call(core, 'people:search', { unitCode: '88002' })).items[0]!.staffCode).toBeNull();

    const unassignedOnly = await call(core, 'people:assign', { filter: { listId: list, unassigned: true }, staffCodes: ['NV02'] });
    expect(unassignedOnly.assigned).toBe(1);
    expect((await callError(core, 'people:assign', { filter: { listId: list }, staffCodes: ['NV04'] })).code).toBe('VALIDATION');
    expect((await callError(core, 'people:assign', { filter: {}, staffCodes: ['NV01'] })).code).toBe('VALIDATION');
    expect(await audits(store, 'assign')).toBe(3);
  });

  it('conversion by commune, staff and campaign on a hand-made list', async () => {
    const { core, store } = await peopleCore();
    const prospects = await createList(store, 'Tiềm năng');
    const due = await createList(store, 'Đến hạn', 'DUE');
    const campaign = await call(core, 'campaigns:save', { name: 'Tháng vận động', kind: 'LAUNCH', startsOn: '2026-10-01', endsOn: '2026-10-31', officeCode: '8801' });
    await addPeople(store, prospects, [
      { name: 'A Một', staff: 'NV01', status: 'JOINED', statusOn: '2026-10-05' },
      { name: 'A Hai', staff: 'NV01', status: 'AGREED', statusOn: '2026-10-06' },
      { name: 'A Ba', staff: 'NV01', status: 'REFUSED', statusOn: '2026-10-07' },
      { name: 'A Bốn', staff: 'NV02', status: 'UNREACHABLE', statusOn: '2026-09-07' },
      { name: 'A Năm', staff: 'NV02', status: 'NEW' },
      { name: 'A Sáu', unit: '88002', status: 'CALLBACK', statusOn: '2026-11-01' },
    ]);
    await addPeople(store, due, [
      { name: 'B Một', due: '2026-10', status: 'JOINED', statusOn: '2026-10-31', staff: 'NV01' },
      { name: 'B Hai', due: '2026-10', status: 'JOINED', statusOn: '2026-11-02', staff: 'NV01' },
      { name: 'B Ba', due: '2026-11', status: 'NEW', staff: 'NV02', unit: '88002' },
    ]);
    await store.db.updateTable('people').set({ campaign_id: campaign.id }).where('full_name', 'in', ['A Một', 'A Hai']).execute();

    const byCommune = await call(core, 'people:conversion', { by: 'commune' });
    expect(byCommune.rows.map((r) => [r.label, r.people, r.contacted, r.agreed, r.joined, r.refused, r.unreachable, r.conversion, r.due, r.paidOnTime, r.onTimeRate])).toEqual([
      ['Xã Hòa Bình', 2, 1, 0, 0, 0, 0, 0, 1, 0, 0],
      ['Xã Ninh Quới', 7, 6, 1, 3, 1, 1, 42.86, 2, 1, 50],
    ]);
    expect(byCommune.total).toMatchObject({ people: 9, contacted: 7, joined: 3, conversion: 33.33, due: 3, paidOnTime: 1, onTimeRate: 33.33 });
    const byStaff = await call(core, 'people:conversion', { by: 'staff', listId: prospects });
    expect(byStaff.rows.map((r) => [r.key, r.label, r.people, r.joined, r.conversion])).toEqual([
      ['NV02', 'Lâm Văn Út', 2, 0, 0],
      ['NV01', 'Trần Thị Bé Tư', 3, 1, 33.33],
      ['', 'Chưa phân công', 1, 0, 0],
    ]);
    const byCampaign = await call(core, 'people:conversion', { by: 'campaign', from: '2026-10-01', to: '2026-10-31' });
    expect(byCampaign.rows.map((r) => [r.label, r.people, r.contacted, r.agreed, r.joined])).toEqual([['Tháng vận động', 2, 2, 1, 1], ['Không gắn hoạt động tuyên truyền', 7, 2, 0, 1]]);
    expect(byCampaign.rows[0]!.conversion).toBe(50);
    // Due in October only: B Một paid on time, B Hai late.
    expect((await call(core, 'people:conversion', { by: 'commune', from: '2026-10-01', to: '2026-10-31' })).total).toMatchObject({ due: 2, paidOnTime: 1, onTimeRate: 50 });
  });
});

describe('people: lists', () => {
  it('lists with counts, retention reminder, rename, and a deletion that leaves nothing and shrinks the file', async () => {
    const { core, store } = await peopleCore();
    const created = await call(core, 'people:saveList', { name: 'Tiềm năng xã Ninh Quới', kind: 'PROSPECT', source: 'UBND xã', retainUntil: '2026-11-22' });
    expect(created).toMatchObject({ rows: 0, retentionDue: true, createdBy: 'kiem-thu', isDemo: false, source: 'UBND xã' });
    const later = await call(core, 'people:saveList', { name: 'Đến hạn tháng 12', kind: 'DUE', retainUntil: '2026-11-23' });
    expect(later.retentionDue).toBe(false);
    expect((await callError(core, 'people:saveList', { name: 'tiem nang xa ninh quoi', kind: 'PROSPECT' })).code).toBe('VALIDATION');
    const renamed = await call(core, 'people:saveList', { id: later.id, name: 'Đến hạn tháng 12/2026', kind: 'DUE', retainUntil: null });
    expect(renamed).toMatchObject({ name: 'Đến hạn tháng 12/2026', retainUntil: null, retentionDue: false });

    const ids = await addPeople(store, created.id, [{ ...HOA, staff: 'NV01', status: 'JOINED', statusOn: '2026-11-01' }, { name: 'Lê Văn Tám', status: 'REFUSED', statusOn: '2026-11-01' }]);
    await insertPeople(store, created.id, 6_000, { seed: 3, allNew: true });
    await addPeople(store, later.id, [HOA]);
    await call(core, 'people:logContact', { personId: ids[0]!, contactedOn: '2026-11-01', channel: 'PHONE', outcome: 'JOINED' });
    const before = store.queryCount;
    const lists = await call(core, 'people:lists', {});
    expect(store.queryCount - before).toBe(1);
    expect(lists.find((l) => l.id === created.id)).toMatchObject({ rows: 6_002, assigned: 1, contacted: 2, joined: 1, refused: 1 });

    expect((await callError(core, 'people:deleteList', { listId: created.id, confirmName: 'Tiềm năng' })).code).toBe('VALIDATION');
    const outcome = await call(core, 'people:deleteList', { listId: created.id, confirmName: 'tiềm năng xã ninh quới' });
    expect(outcome).toMatchObject({ listName: 'Tiềm năng xã Ninh Quới', deletedRows: 6_002, deletedContacts: 1 });
    expect(Number(await scalar(store, sql`SELECT COUNT(*) FROM people WHERE list_id = ${created.id}`))).toBe(0);
    expect(Number(await scalar(store, sql`SELECT COUNT(*) FROM person_contacts`))).toBe(0);
    expect(Number(await scalar(store, sql`SELECT COUNT(*) FROM people`))).toBe(1);
    if (TEST_ENGINE === 'sqlite') {
      expect(outcome.fileBytesAfter!).toBeLessThan(outcome.fileBytesBefore! / 2);
      expect(readFileSync(store.location).length).toBe(outcome.fileBytesAfter);
    } else expect(outcome.fileBytesBefore).toBeNull();
    const audit = (await call(core, 'audit:list', { entity: 'person_list', limit: 1 })).items[0]!;
    expect(audit.summary).toBe('Xóa vĩnh viễn danh sách "Tiềm năng xã Ninh Quới": 6.002 người, 1 lần liên hệ');
    expect((await call(core, 'people:lists', {})).map((l) => l.name)).toEqual(['Đến hạn tháng 12/2026']);
  });

  it('the demo loads labelled lists assigned to demo staff, and the network can still be taken out', async () => {
    const core = await openTestCore({ now: () => FIXED_NOW });
    const outcome = await call(core, 'demo:load', {});
    expect(outcome.people).toBe(2400);
    const lists = await call(core, 'people:lists', {});
    expect(lists.map((l) => [l.name, l.isDemo, l.rows])).toEqual(expect.arrayContaining([[DEMO_LIST_NAMES.prospect, true, 1800], [DEMO_LIST_NAMES.due, true, 600]]));
    expect(lists.every((l) => l.assigned > 0 && l.contacted > 0)).toBe(true);
    const store = storeOf(core);
    expect(Number(await scalar(store, sql`SELECT COUNT(*) FROM person_contacts`))).toBeGreaterThan(300);
    const other = await openTestCore({ now: () => FIXED_NOW });
    await demoWithoutNetwork(other);
    expect(await call(other, 'people:lists', {})).toEqual([]);
  });
});

describe('people: 100,000 generated rows', () => {
  it('search, count and assignment stay correct on a big list', async () => {
    const { core, store } = await peopleCore();
    const list = await createList(store, 'Danh sách lớn');
    await insertPeople(store, list, 100_000, { seed: 11 });
    const [hoa] = await addPeople(store, list, [HOA]);
    const count = async (where: ReturnType<typeof sql>) => Number(await scalar(store, sql`SELECT COUNT(*) FROM people WHERE ${where}`));

    expect((await call(core, 'people:search', { listId: list, limit: 1 })).total).toBe(100_001);
    const hoaPage = await call(core, 'people:search', { query: 'hoa', limit: 5 });
    expect(hoaPage.total).toBe(await count(sql`given_key >= 'hoa' AND given_key < 'hob' OR name_key >= 'hoa' AND name_key < 'hob'`));
    expect(hoaPage.total).toBeGreaterThan(1000);
    expect((await call(core, 'people:search', { query: 'dang thi hoa' })).items.map((p) => p.id)).toContain(hoa);
    expect((await call(core, 'people:search', { query: '095186001234' })).items.map((p) => p.id)).toEqual([hoa]);
    const commune = await call(core, 'people:search', { unitCode: '98001', sort: 'commune', offset: 1000, limit: 10 });
    expect(commune.total).toBe(await count(sql`unit_code = '98001'`));
    expect(commune.items).toHaveLength(10);
    const deep = await call(core, 'people:search', { listId: list, offset: 99_990, limit: 100 });
    expect(deep.items).toHaveLength(11);

    const assigned = await call(core, 'people:assign', { filter: { listId: list }, staffCodes: ['NV01', 'NV02', 'NV03'] });
    expect(assigned.perStaff.map((s) => s.count)).toEqual([33_334, 33_334, 33_333]);
    const perStaff = await sql<{ code: string; n: number }>`SELECT s.code, COUNT(*) AS n FROM people p JOIN person_staff ps ON ps.person_id = p.id JOIN agent_staff s ON s.id = ps.staff_id GROUP BY s.code ORDER BY s.code`.execute(store.db);
    expect(perStaff.rows.map((r) => Number(r.n))).toEqual([33_334, 33_334, 33_333]);
    // Whole hamlets where they fit: at most the split hamlets are shared between staff.
    const shared = await scalar(store, sql`SELECT COUNT(*) FROM (SELECT p.unit_code, p.hamlet_key FROM people p JOIN person_staff ps ON ps.person_id = p.id GROUP BY p.unit_code, p.hamlet_key HAVING COUNT(DISTINCT ps.staff_id) > 1) x`);
    expect(Number(shared)).toBeLessThanOrEqual(3);
    expect((await call(core, 'people:search', { staffCode: 'NV02', limit: 1 })).total).toBe(33_334);

    // Deleting most of the table sets the indexes (and on SQLite the staff trigger) aside and puts them back.
    const small = await createList(store, 'Danh sách nhỏ');
    const [kept] = await addPeople(store, small, [{ ...HOA, staff: 'NV01' }]);
    const outcome = await call(core, 'people:deleteList', { listId: list, confirmName: 'Danh sách lớn' });
    expect(outcome.deletedRows).toBe(100_001);
    expect(Number(await scalar(store, sql`SELECT COUNT(*) FROM people`))).toBe(1);
    expect(Number(await scalar(store, sql`SELECT COUNT(*) FROM person_staff`))).toBe(1);
    const indexes =
      TEST_ENGINE === 'sqlite'
        ? sql`SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'people' AND sql IS NOT NULL`
        : sql`SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'people' AND indexname <> 'people_pkey'`;
    expect(Number(await scalar(store, indexes))).toBe(9);
    const triggers =
      TEST_ENGINE === 'sqlite'
        ? sql`SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ('person_staff_insert', 'person_staff_delete', 'person_staff_status')`
        : sql`SELECT COUNT(DISTINCT tgname) FROM pg_trigger WHERE tgname IN ('person_staff_insert', 'person_staff_delete', 'person_staff_status')`;
    expect(Number(await scalar(store, triggers))).toBe(3);
    expect((await call(core, 'people:search', { query: 'dang thi hoa' })).items.map((p) => p.id)).toEqual([kept]);
    expect((await call(core, 'people:search', { staffCode: 'NV01', limit: 5 })).items.map((p) => p.id)).toEqual([kept]);
    // The trigger is back: a person deleted now takes their person_staff row along.
    await store.db.deleteFrom('people').where('id', '=', kept!).execute();
    expect(Number(await scalar(store, sql`SELECT COUNT(*) FROM person_staff`))).toBe(0);
  });
});
