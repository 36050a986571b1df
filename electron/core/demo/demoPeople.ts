import { sql } from 'kysely';
import { hamletKeyOf, personNameKeys, PERSON_STATUSES, type PersonStatus } from '../../../shared/domain/people';
import { foldText } from '../../../shared/text/fold';
import type { Store } from '../db/store';
import type { DemoOfficeRef } from './demoNetwork';
import { createRandom } from './simulate';

/**
 * Demo person lists: a small prospect list and a due-payment list over the first demo office's
 * communes, partly assigned to the demo staff serving them, with statuses and one contact per
 * person contacted. Everything is generated in memory and written with two bulk loads and one
 * INSERT … SELECT, so the demo stays fast to load on both engines. The same generator fills
 * the tests' and the benchmark's big lists.
 */

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Hoàng', 'Võ', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lâm', 'Lý', 'Thạch', 'Châu', 'Trương', 'Đinh', 'Mai', 'Tô', 'Phan', 'Cao'];
const MIDDLE_F = ['Thị', 'Thị Ngọc', 'Thị Kim', 'Thị Bích', 'Ngọc', 'Thị Thu', 'Thị Thanh', 'Thị Mỹ', 'Thị Hồng'];
const MIDDLE_M = ['Văn', 'Hoàng', 'Minh', 'Quốc', 'Thanh', 'Hữu', 'Đức', 'Công', 'Ngọc', 'Văn Út'];
const GIVEN_F = [
  'Lan', 'Hoa', 'Hương', 'Mai', 'Thảo', 'Trang', 'Tư', 'Út', 'Yến', 'Nhung', 'Diễm', 'Hạnh', 'Loan', 'Ánh', 'Hòa', 'Hằng', 'Liên', 'Phượng', 'Thủy', 'Xuân',
  'Cúc', 'Đào', 'Nga', 'Oanh', 'Quyên', 'Tuyết', 'Vân', 'Hiền', 'Ngân', 'Bích',
];
const GIVEN_M = [
  'An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Khánh', 'Long', 'Nam', 'Phúc', 'Tâm', 'Thắng', 'Tuấn', 'Vinh', 'Hòa', 'Lộc', 'Phước', 'Sơn', 'Tài', 'Toàn',
  'Đạt', 'Hiếu', 'Kiên', 'Lợi', 'Minh', 'Nghĩa', 'Quang', 'Sang', 'Thành', 'Trung',
];
const HAMLET_WORDS = ['Ấp', 'Khóm', 'Thôn', 'Ấp'];

/** Columns of a generated person row, in bulkInsert order. */
export const GENERATED_PERSON_COLUMNS = [
  'list_id', 'full_name', 'name_key', 'given_key', 'birth_date', 'sex', 'cccd', 'bhxh_code', 'phone', 'unit_code', 'commune_name', 'hamlet', 'hamlet_key', 'product',
  'due_month', 'payment_mode', 'staff_id', 'status', 'status_on', 'last_contact_on', 'created_at', 'updated_at',
] as const;

export interface GeneratePeopleOptions {
  listId: number;
  count: number;
  seed: number;
  communes: readonly { code: string; name: string; staffIds?: readonly number[] }[];
  hamletsPerCommune: number;
  /** Share of rows given to one of the commune's staff (0–1). */
  assignedShare: number;
  /** Due-payment list: due months around today, payment modes. */
  due: boolean;
  today: string;
  now: string;
  /** First serial of identifiers: lists generated for one database must not overlap. */
  serialFrom?: number;
  /** Nobody contacted yet (every status NEW). */
  allNew?: boolean;
}

const STATUS_WEIGHTS: [PersonStatus, number][] = [['NEW', 0.55], ['CONTACTED', 0.12], ['CALLBACK', 0.06], ['AGREED', 0.06], ['JOINED', 0.11], ['REFUSED', 0.05], ['UNREACHABLE', 0.05]];

function addMonths(ym: string, n: number): string {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  const t = y * 12 + (m - 1) + n;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
}

/** Plausible people with unique CCCD, mã số BHXH and phone (deterministic by seed), as bulkInsert rows. */
export function generatePeopleRows(o: GeneratePeopleOptions): unknown[][] {
  const random = createRandom(o.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const thisMonth = o.today.slice(0, 7);
  const hamlets = o.communes.map(() => Array.from({ length: o.hamletsPerCommune }, (_, h) => `${HAMLET_WORDS[h % HAMLET_WORDS.length]} ${h + 1}`));
  const rows: unknown[][] = new Array(o.count);
  for (let i = 0; i < o.count; i++) {
    const serial = (o.serialFrom ?? 0) + i;
    const female = random() < 0.52;
    const fullName = `${pick(FAMILY)} ${pick(female ? MIDDLE_F : MIDDLE_M)} ${pick(female ? GIVEN_F : GIVEN_M)}`;
    const { nameKey, givenKey } = personNameKeys(fullName);
    const year = 1960 + Math.floor(random() * 46);
    const birth = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const century = year >= 2000 ? 2 : 0;
    const cccd = `084${century + (female ? 1 : 0)}${String(year % 100).padStart(2, '0')}${String(serial % 1_000_000).padStart(6, '0')}`;
    const c = Math.floor(random() * o.communes.length);
    const commune = o.communes[c]!;
    const hamlet = pick(hamlets[c]!);
    const staff = commune.staffIds?.length && random() < o.assignedShare ? pick(commune.staffIds) : null;
    let status: PersonStatus = 'NEW';
    if (!o.allNew && (staff !== null || random() < 0.3)) {
      let r = random();
      for (const [s, w] of STATUS_WEIGHTS) if ((r -= w) < 0) { status = s; break; }
    }
    const statusOn = status === 'NEW' ? null : `${addMonths(thisMonth, -Math.floor(random() * 4))}-${String(1 + Math.floor(random() * 20)).padStart(2, '0')}`;
    const dueMonth = o.due ? addMonths(thisMonth, Math.floor(random() * 5) - 2) : null;
    rows[i] = [
      o.listId, fullName, nameKey, givenKey, birth, female ? 'F' : 'M', cccd, String(7_900_000_000 + serial).padStart(10, '0'), `09${String(10_000_000 + serial).slice(-8)}`,
      commune.code, commune.name, hamlet, hamletKeyOf(hamlet), o.due ? (random() < 0.6 ? 'BHYT_HGD' : 'BHXH_TN') : random() < 0.7 ? 'BHXH_TN' : 'BHYT_HGD', dueMonth,
      o.due ? pick([1, 3, 6, 12]) : null, staff, status, statusOn, statusOn && statusOn <= o.today ? statusOn : null, o.now, o.now,
    ];
  }
  return rows;
}

export const DEMO_LIST_NAMES = {
  prospect: 'DỮ LIỆU MẪU – Người có khả năng tham gia BHXH tự nguyện',
  due: 'DỮ LIỆU MẪU – Người đến hạn đóng BHXH tự nguyện, BHYT hộ gia đình',
} as const;

/** Removes the demo lists with their people and contacts. */
export async function deleteDemoPeople(store: Store): Promise<void> {
  const db = store.db;
  const demoLists = db.selectFrom('person_lists').select('id').where('is_demo', '=', 1);
  await db.deleteFrom('person_contacts').where('person_id', 'in', db.selectFrom('people').select('id').where('list_id', 'in', demoLists)).execute();
  await db.deleteFrom('people').where('list_id', 'in', demoLists).execute();
  await db.deleteFrom('person_lists').where('is_demo', '=', 1).execute();
}

/** The demo lists (about 2,400 people); returns how many people were written. */
export async function loadDemoPeople(store: Store, offices: DemoOfficeRef[], today: string, now: string): Promise<number> {
  const db = store.db;
  const office = offices[0];
  if (!office || office.communes.length === 0) return 0;
  const ids = office.communes.map((c) => c.id);
  const [units, serving] = await Promise.all([
    db.selectFrom('units').select(['id', 'code', 'name']).where('id', 'in', ids).execute(),
    db.selectFrom('staff_communes as sc').innerJoin('agent_staff as s', 's.id', 'sc.staff_id').select(['sc.unit_id', 's.id']).where('sc.unit_id', 'in', ids).where('s.is_demo', '=', 1).where('s.status', '=', 'active').execute(),
  ]);
  const communes = units.map((u) => ({ code: u.code, name: u.name, staffIds: serving.filter((s) => s.unit_id === u.id).map((s) => s.id) }));
  const retain = `${Number(today.slice(0, 4)) + 1}-06-30`;
  const lists = await db
    .insertInto('person_lists')
    .values([
      { name: DEMO_LIST_NAMES.prospect, name_key: foldText(DEMO_LIST_NAMES.prospect), kind: 'PROSPECT', source: 'Dữ liệu mẫu (không có thật)', retain_until: retain, is_demo: 1, created_by: 'demo', created_at: now, updated_at: now },
      { name: DEMO_LIST_NAMES.due, name_key: foldText(DEMO_LIST_NAMES.due), kind: 'DUE', source: 'Dữ liệu mẫu (không có thật)', retain_until: retain, is_demo: 1, created_by: 'demo', created_at: now, updated_at: now },
    ])
    .returning('id')
    .execute();
  const common = { communes, hamletsPerCommune: 6, today, now };
  const rows = [
    ...generatePeopleRows({ ...common, listId: lists[0]!.id, count: 1800, seed: 20250601, assignedShare: 0.6, due: false, serialFrom: 900_000 }),
    ...generatePeopleRows({ ...common, listId: lists[1]!.id, count: 600, seed: 20250602, assignedShare: 0.8, due: true, serialFrom: 950_000 }),
  ];
  await store.bulkInsert('people', GENERATED_PERSON_COLUMNS, rows);
  // One contact per person already contacted, on the day of their status, by their staff member.
  await db
    .insertInto('person_contacts')
    .columns(['person_id', 'contacted_on', 'staff_id', 'channel', 'outcome', 'note', 'created_by', 'created_at'])
    .expression((eb) =>
      eb
        .selectFrom('people as p')
        .select((s) => [
          'p.id', 'p.last_contact_on', 'p.staff_id',
          sql<string>`CASE p.id % 3 WHEN 0 THEN 'VISIT' WHEN 1 THEN 'PHONE' ELSE 'ZALO' END`.as('channel'),
          'p.status', s.val('Dữ liệu mẫu').as('note'), s.val('demo').as('created_by'), s.val(now).as('created_at'),
        ])
        .where('p.list_id', 'in', lists.map((l) => l.id))
        .where('p.status', 'in', PERSON_STATUSES.filter((s) => s !== 'NEW'))
        .where('p.last_contact_on', 'is not', null),
    )
    .execute();
  return rows.length;
}
