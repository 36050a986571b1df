/**
 * Employer arrears of the demo province: about a hundred fictional employers (names marked
 * "(mẫu)") spread over the offices, 24 months of arrears rows up to the demo's current month
 * (every employer has a row each month, so the amount due in the year is complete), a few
 * long-standing debtors, dissolved, suspended and missing employers, reminder letters and other
 * actions, instalment promises kept, broken and pending, and dated ratio targets. Every row is
 * flagged is_demo (employers) or belongs to a demo employer, so a reload replaces them.
 */
import { lateInterest, monthEnd, shiftMonth } from '../../../shared/calc/arrears';
import type { ArrearsActionKind, EmployerKind, EmployerStatus } from '../../../shared/domain/arrears';
import { foldText } from '../../../shared/text/fold';
import { viSortKey } from '../../../shared/text/viSortKey';
import type { Store } from '../db/store';
import type { DemoOfficeRef } from './demoNetwork';
import { createRandom } from './simulate';

const MONTHS = 24;
/** Contribution rates on the wage fund: BHXH 25,5% + BHYT 4,5% + BHTN 2%. */
const RATE = 0.32;

const TRADES = ['Thủy sản', 'Lúa gạo', 'Xây dựng', 'Vận tải', 'May mặc', 'Chế biến gỗ', 'Thương mại', 'Cơ khí', 'Dịch vụ ăn uống', 'Vật liệu xây dựng', 'Nông sản', 'Điện nước', 'In ấn', 'Du lịch', 'Muối'];
const FORMS: [string, EmployerKind, number, number][] = [
  // prefix, kind, share, workers range top
  ['Công ty TNHH', 'ENTERPRISE', 0.38, 120],
  ['Công ty Cổ phần', 'ENTERPRISE', 0.14, 300],
  ['DNTN', 'ENTERPRISE', 0.1, 25],
  ['Hợp tác xã', 'COOPERATIVE', 0.12, 30],
  ['Hộ kinh doanh', 'HOUSEHOLD', 0.1, 8],
  ['Công ty TNHH', 'FDI', 0.04, 600],
  ['Trường Mầm non', 'STATE', 0.05, 40],
  ['Hội', 'NGO', 0.03, 10],
  ['Văn phòng', 'OTHER', 0.04, 15],
];
const FDI_NAMES = ['Đài Phong', 'Hòa Hưng Việt Nam', 'Sun Shine Việt Nam', 'Kim Long Việt Nam'];

type Profile = 'good' | 'late' | 'chronic' | 'closed';

export async function deleteDemoArrears(store: Store): Promise<void> {
  const db = store.db;
  const demo = db.selectFrom('employers').select('id').where('is_demo', '=', 1);
  await db.deleteFrom('arrears_actions').where('employer_id', 'in', demo).execute();
  await db.deleteFrom('arrears_promises').where('employer_id', 'in', demo).execute();
  await db.deleteFrom('arrears_rows').where('employer_id', 'in', demo).execute();
  await db.deleteFrom('employers').where('is_demo', '=', 1).execute();
  await db.deleteFrom('arrears_targets').where('is_demo', '=', 1).execute();
}

/** Loads the demo arrears; returns how many employers were written. */
export async function loadDemoArrears(store: Store, offices: DemoOfficeRef[], today: string, now: string): Promise<number> {
  const db = store.db;
  const random = createRandom(20250701);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const last = today.slice(0, 7);
  const first = shiftMonth(last, MONTHS - 1);
  const communeIds = offices.flatMap((o) => o.communes.map((c) => c.id));
  const codes = new Map((communeIds.length ? await db.selectFrom('units').select(['id', 'code']).where('id', 'in', communeIds).execute() : []).map((u) => [u.id, u.code]));

  const employers: { code: string; name: string; kind: EmployerKind; status: EmployerStatus; officeId: number; unitCode: string | null; address: string; workers: number; profile: Profile; taxCode: string }[] = [];
  let seq = 1;
  const names = new Set<string>();
  for (const office of offices) {
    const count = Math.round(100 / offices.length);
    for (let k = 0; k < count; k++) {
      let r = random();
      let form = FORMS[0]!;
      for (const f of FORMS) {
        if (r < f[2]) {
          form = f;
          break;
        }
        r -= f[2];
      }
      const [prefix, kind, , top] = form;
      const commune = office.communes.length ? pick(office.communes) : null;
      const place = commune ? commune.name.replace(/^(Xã|Phường|Thị trấn) /, '') : office.name.replace(/^BHXH cơ sở /, '');
      let name = kind === 'FDI' ? `${prefix} ${pick(FDI_NAMES)}` : kind === 'STATE' ? `${prefix} ${place}` : kind === 'NGO' ? `Hội Nghề cá ${place}` : kind === 'OTHER' ? `${prefix} Luật sư ${place}` : `${prefix} ${pick(TRADES)} ${place}`;
      let n = 2;
      const base = name;
      while (names.has(name)) name = `${base} ${n++}`;
      names.add(name);
      const roll = random();
      const profile: Profile = roll < 0.66 ? 'good' : roll < 0.88 ? 'late' : roll < 0.95 ? 'chronic' : 'closed';
      const status: EmployerStatus = profile === 'closed' ? pick(['DISSOLVED', 'SUSPENDED', 'MISSING'] as const) : 'ACTIVE';
      employers.push({
        code: `MAU${String(seq).padStart(4, '0')}`, name: `${name} (mẫu)`, kind, status, officeId: office.id, unitCode: commune ? codes.get(commune.id) ?? null : null,
        address: commune ? `Ấp ${pick(['Chợ', 'Mới', 'Trung', 'Đông', 'Tây'])}, ${commune.name}` : office.name, workers: 3 + Math.floor(random() * (profile === 'chronic' || profile === 'closed' ? Math.min(top, 18) : top)), profile,
        taxCode: `99${String(10_000_000 + seq * 7919).slice(-8)}`,
      });
      seq++;
    }
  }

  const ids: number[] = [];
  for (let i = 0; i < employers.length; i += 100) {
    const inserted = await db
      .insertInto('employers')
      .values(
        employers.slice(i, i + 100).map((e) => ({
          code: e.code, name: e.name, name_key: foldText(e.name), sort_key: viSortKey(e.name), tax_code: e.taxCode, kind: e.kind, address: e.address, unit_code: e.unitCode,
          office_id: e.officeId, workers: e.workers, status: e.status, is_demo: 1, created_at: now, updated_at: now,
        })),
      )
      .returning('id')
      .execute();
    ids.push(...inserted.map((r) => r.id));
  }

  type Row = { employer_id: number; period: string; amount_owed: number; months_owed: number; interest: number; amount_due_year: number; is_late: number; is_evasion: number; note: string | null; batch_id: null; is_demo: number; created_at: string };
  const rows: Row[] = [];
  const actions: { employer_id: number; acted_on: string; kind: ArrearsActionKind; doc_number: string | null; officer: string | null; note: string | null; amount_recovered: number | null; is_demo: number; created_by: string; created_at: string }[] = [];
  const promises: { employer_id: number; promised_on: string; amount: number; status: string; settled_on: string | null; settled_amount: number | null; note: string | null; is_demo: number; created_at: string; updated_at: string }[] = [];
  let letterNo = 100;
  const OFFICERS = ['Trần Minh Tâm (mẫu)', 'Lê Thị Hồng (mẫu)', 'Phạm Quốc Bảo (mẫu)'];
  employers.forEach((e, k) => {
    const id = ids[k]!;
    const monthly = Math.round((e.workers * (5_200_000 + Math.floor(random() * 3) * 600_000) * RATE) / 1000) * 1000;
    // Chronic debtors and closed employers start owing before the window opens.
    let months = e.profile === 'chronic' ? 6 + Math.floor(random() * 8) : e.profile === 'closed' ? 10 + Math.floor(random() * 12) : 0;
    let interest = 0;
    const closedFrom = e.profile === 'closed' ? Math.floor(random() * 10) : MONTHS;
    for (let m = 0; m < MONTHS; m++) {
      const period = shiftMonth(first, -m);
      const r = random();
      if (e.profile === 'good') months = r < 0.08 ? 1 : 0;
      else if (e.profile === 'late') {
        // Most pay within a month or two; a few fall behind and stay behind for a while.
        const stuck = random() < 0.45;
        months = months >= 3 && stuck ? Math.min(months + 1, 11) : r < 0.45 ? 0 : r < 0.7 ? 1 : r < 0.82 ? 2 : Math.min(months + 1, 8);
      }
      else if (e.profile === 'chronic') months = r < 0.25 ? Math.max(0, months - 3) : Math.min(months + 1, 40);
      else months = m < closedFrom ? months + 1 : months;
      const amount = months * monthly;
      interest = amount > 0 ? interest + lateInterest(amount, `${period}-01`, monthEnd(period)) : 0;
      rows.push({
        employer_id: id, period, amount_owed: amount, months_owed: months, interest, amount_due_year: e.profile === 'closed' && m >= closedFrom ? 0 : monthly * 12, is_late: amount > 0 ? 1 : 0,
        is_evasion: e.profile === 'chronic' && k % 5 === 0 ? 1 : 0, note: null, batch_id: null, is_demo: 1, created_at: now,
      });
      const day = `${period}-${String(5 + Math.floor(random() * 20)).padStart(2, '0')}`;
      if (day > today) continue;
      const act = (kind: ArrearsActionKind, note: string | null, recovered: number | null = null) =>
        actions.push({
          employer_id: id, acted_on: day, kind, doc_number: kind === 'REMINDER_LETTER' ? `${letterNo++}/BHXH-QLT (mẫu)` : null, officer: pick(OFFICERS), note, amount_recovered: recovered,
          is_demo: 1, created_by: 'dữ liệu mẫu', created_at: now,
        });
      if (months === 3 || months === 6 || (months >= 9 && months % 3 === 0)) act('REMINDER_LETTER', `Đôn đốc nộp ${months} tháng còn nợ`);
      else if (months === 2 && random() < 0.5) act('PHONE', 'Kế toán hẹn nộp trong tháng');
      if (months === 7) act('MEETING', 'Làm việc với giám đốc đơn vị, lập biên bản');
      if (months === 12) act('INSPECTION', 'Kiểm tra việc đóng BHXH, BHYT, BHTN theo kế hoạch');
      if (months === 15) act(e.status === 'MISSING' ? 'POLICE' : 'LABOUR_INSPECTORATE', 'Đề nghị xử lý theo quy định');
      if (e.profile === 'chronic' && r < 0.25 && m > 0) act('OTHER', 'Đơn vị nộp một phần nợ', 3 * monthly);
    }
    if (e.profile === 'chronic' || (e.profile === 'late' && k % 4 === 0)) {
      const base = Math.max(monthly, Math.round(monthly * 2 / 1000) * 1000);
      const p = (offset: number, status: 'PENDING' | 'KEPT' | 'BROKEN') => {
        const promised = `${shiftMonth(last, offset)}-${offset < 0 ? '15' : '20'}`;
        const settled = status === 'PENDING' ? null : promised;
        promises.push({
          employer_id: id, promised_on: promised, amount: base, status, settled_on: settled, settled_amount: status === 'KEPT' ? base : status === 'BROKEN' ? 0 : null,
          note: status === 'BROKEN' ? 'Đơn vị không nộp như đã cam kết' : null, is_demo: 1, created_at: now, updated_at: now,
        });
      };
      p(5, 'KEPT');
      p(2, k % 3 === 0 ? 'BROKEN' : 'KEPT');
      // One pending promise a month ago (overdue) or next month.
      p(k % 2 === 0 ? 1 : -1, 'PENDING');
    }
  });
  for (let i = 0; i < rows.length; i += 300) await db.insertInto('arrears_rows').values(rows.slice(i, i + 300)).execute();
  for (let i = 0; i < actions.length; i += 300) await db.insertInto('arrears_actions').values(actions.slice(i, i + 300)).execute();
  for (let i = 0; i < promises.length; i += 300) await db.insertInto('arrears_promises').values(promises.slice(i, i + 300)).execute();

  const year = Number(today.slice(0, 4));
  await db
    .insertInto('arrears_targets')
    .values([
      { office_id: null, valid_from: `${year - 2}-01-01`, ratio: 4.5, source: `Quyết định ${30 + year - 2}/QĐ-BHXH (mẫu)`, note: 'Tỷ lệ nợ tối đa trên số phải thu', is_demo: 1, created_by: 'dữ liệu mẫu', created_at: now },
      { office_id: null, valid_from: `${year - 1}-01-01`, ratio: 3.8, source: `Quyết định ${30 + year - 1}/QĐ-BHXH (mẫu)`, note: null, is_demo: 1, created_by: 'dữ liệu mẫu', created_at: now },
      { office_id: null, valid_from: `${year}-01-01`, ratio: 3.2, source: `Quyết định ${30 + year}/QĐ-BHXH (mẫu)`, note: null, is_demo: 1, created_by: 'dữ liệu mẫu', created_at: now },
      ...(offices[0] ? [{ office_id: offices[0].id, valid_from: `${year}-01-01`, ratio: 2.8, source: `Kế hoạch ${12}/KH-BHXH (mẫu)`, note: 'Địa bàn thành phố: chỉ tiêu riêng', is_demo: 1, created_by: 'dữ liệu mẫu', created_at: now }] : []),
    ])
    .execute();
  return employers.length;
}
