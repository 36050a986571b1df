import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AssignOutcome, DeleteListOutcome, PersonListSummary, PersonRow } from '../../shared/contract/peopleTypes';
import { UnitRepository } from '../../electron/core/units/repository';
import { personNameKeys } from '../../shared/domain/people';
import { foldText, unitNameKey } from '../../shared/text/fold';
import { cli } from '../helpers/cli';
import { call, FIXED_NOW, openTestCore, storeOf } from '../helpers/core';
import { tempDataDir } from '../helpers/fixtures';
import { createList } from '../helpers/people';

/** A data folder with province 88, staff NV01/NV02, and a list of five people in two hamlets; closed before the CLI opens it. */
async function peopleDir(): Promise<string> {
  const dir = tempDataDir();
  const core = await openTestCore({ dataDir: dir, now: () => FIXED_NOW });
  const store = storeOf(core);
  const units = new UnitRepository(store);
  const now = FIXED_NOW.toISOString();
  const province = await units.insert({ code: '88', name: 'Tỉnh Thử Nghiệm', nameKey: unitNameKey('Tỉnh Thử Nghiệm'), level: 'province', kind: null, parentId: null, validFrom: null, validTo: null }, now);
  await units.insert({ code: '88001', name: 'Xã Ninh Quới', nameKey: unitNameKey('Xã Ninh Quới'), level: 'commune', kind: null, parentId: province, validFrom: null, validTo: null }, now);
  await call(core, 'offices:create', { code: '8801', provinceCode: '88', name: 'BHXH cơ sở Hòa An' });
  await call(core, 'agents:create', { code: 'BD01', name: 'Bưu điện huyện Hòa An', kind: 'POST', officeCode: '8801', signedOn: '2020-01-06' });
  await call(core, 'staff:create', { code: 'NV01', fullName: 'Trần Thị Bé Tư', agentCode: 'BD01' });
  await call(core, 'staff:create', { code: 'NV02', fullName: 'Lâm Văn Út', agentCode: 'BD01' });
  const list = await createList(store, 'Tiềm năng xã Ninh Quới', 'PROSPECT', { retainUntil: '2026-11-01' });
  const people: [string, string, string, string][] = [
    ['Đặng Thị Hòa', '095186001234', '0919123456', 'Ấp 1'],
    ['Lê Văn Tám', '095080003456', '0919000111', 'Ấp 1'],
    ['Võ Thị Lan', '095186004567', '0919000222', 'Ấp 1'],
    ['Ngô Văn Chín', '095079005678', '0919000333', 'Ấp 2'],
    ['Phạm Thị Mười', '095190006789', '0919000444', 'Ấp 2'],
  ];
  for (const [name, cccd, phone, hamlet] of people) {
    const k = personNameKeys(name);
    await store.db
      .insertInto('people')
      .values({ list_id: list, full_name: name, name_key: k.nameKey, given_key: k.givenKey, cccd, phone, unit_code: '88001', commune_name: 'Xã Ninh Quới', hamlet, hamlet_key: foldText(hamlet), birth_date: '1986-01-01', created_at: now, updated_at: now })
      .execute();
  }
  await core.close();
  return dir;
}

async function json<T>(...argv: string[]): Promise<T> {
  const run = await cli(...argv, '--json');
  expect(run.code, run.err).toBe(0);
  return JSON.parse(run.out) as T;
}

describe('people CLI', () => {
  it('people lists and people search: Vietnamese numbers, masked identifiers, stable JSON', async () => {
    const dir = await peopleDir();
    const human = await cli('people', 'lists', '--data-dir', dir);
    expect(human.code, human.err).toBe(0);
    expect(human.out).toContain('Tiềm năng xã Ninh Quới');
    expect(human.out).toContain('01/11/2026 (đã đến hạn xóa)');
    const lists = await json<PersonListSummary[]>('people', 'lists', '--data-dir', dir);
    expect(lists).toEqual([expect.objectContaining({ name: 'Tiềm năng xã Ninh Quới', kind: 'PROSPECT', rows: 5, assigned: 0, retainUntil: '2026-11-01', retentionDue: true, isDemo: false })]);

    const found = await cli('people', 'search', 'dang thi hoa', '--data-dir', dir);
    expect(found.code, found.err).toBe(0);
    expect(found.out).toContain('Đặng Thị Hòa');
    expect(found.out).toContain('0951******34');
    expect(found.out).toContain('0919***456');
    expect(found.out).not.toContain('095186001234');
    expect(found.out).toContain('1 người');
    const result = await json<{ query: string; listId: number | null; unitCode: string | null; total: number; totalIsEstimate: boolean; items: PersonRow[] }>(
      'people', 'search', '0919000', '--commune', '88001', '--list', 'tiem nang xa ninh quoi', '--data-dir', dir,
    );
    expect(result).toMatchObject({ query: '0919000', unitCode: '88001', total: 4, totalIsEstimate: false });
    expect(result.listId).toBe(lists[0]!.id);
    expect(Object.keys(result.items[0]!).sort()).toEqual(
      ['bhxhCode', 'bhytCard', 'birthDate', 'cccd', 'communeName', 'dueMonth', 'fullName', 'hamlet', 'id', 'lastContactOn', 'listId', 'listName', 'otherLists', 'paymentMode', 'phone', 'product', 'sex', 'staffCode', 'staffName', 'status', 'statusOn', 'unitCode'],
    );
    expect(JSON.stringify(result)).not.toContain('0919000111');
    const none = await cli('people', 'search', 'khong co ai', '--data-dir', dir);
    expect(none.out).toContain('Không tìm thấy ai');
    const badList = await cli('people', 'search', 'hoa', '--list', 'Không có', '--data-dir', dir);
    expect(badList.code).toBe(2);
  });

  it('people assign, people export and people delete-list', async () => {
    const dir = await peopleDir();
    const one = await json<AssignOutcome>('people', 'assign', '--commune', '88001', '--hamlet', 'ap 2', '--staff', 'NV02', '--data-dir', dir);
    expect(one).toEqual({ assigned: 2, perStaff: [{ staffCode: 'NV02', staffName: 'Lâm Văn Út', count: 2 }] });
    const two = await cli('people', 'assign', '--commune', '88001', '--staff', 'NV01,NV02', '--list', 'Tiềm năng xã Ninh Quới', '--data-dir', dir);
    expect(two.code, two.err).toBe(0);
    expect(two.out).toContain('Đã phân công 5 người');
    const refused = await cli('people', 'assign', '--commune', '88001', '--staff', 'NV99', '--data-dir', dir);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('NV99');

    const out = join(dir, 'phieu-goi-NV01.xlsx');
    const written = await json<{ status: string; file: string; fileName: string; bytes: number; staffCode: string; listId: number | null }>('people', 'export', '--staff', 'NV01', '--out', out, '--data-dir', dir);
    expect(written).toMatchObject({ status: 'written', file: out, staffCode: 'NV01', listId: null });
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out).length).toBe(written.bytes);
    expect((await cli('people', 'export', '--staff', 'NV01', '--out', join(dir, 'x.pdf'), '--data-dir', dir)).code).toBe(2);

    const deleted = await json<DeleteListOutcome>('people', 'delete-list', 'Tiềm năng xã Ninh Quới', '--data-dir', dir);
    expect(deleted).toMatchObject({ listName: 'Tiềm năng xã Ninh Quới', deletedRows: 5, deletedContacts: 0 });
    expect(Object.keys(deleted).sort()).toEqual(['deletedContacts', 'deletedRows', 'fileBytesAfter', 'fileBytesBefore', 'listName']);
    const empty = await cli('people', 'lists', '--data-dir', dir);
    expect(empty.out).toContain('Chưa có danh sách người vận động nào.');
  });
});
