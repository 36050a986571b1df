import { AppError, DEFAULT_PAGE_SIZE, type Page, type ParsedRequestOf } from '../../../shared/contract';
import type { PersonRow } from '../../../shared/contract/peopleTypes';
import { maskCccd, maskPhone } from '../../../shared/calc/cccd';
import { maskBhxhCode, maskBhytCard } from '../../../shared/calc/personIds';
import type { PaymentMode, PersonStatus } from '../../../shared/domain/people';
import type { CoreContext } from '../app/context';
import { foldText } from '../../../shared/text/fold';
import { PeopleRepository, type NamePart, type PeopleQueryFilter, type PersonExtras, type PersonRecord, type StaffRef } from './repository';

/** The filter fields of the contract (people:search, assign, export). */
export type PersonFilterInput = Omit<ParsedRequestOf<'people:export'>['filter'], never> & { query?: string };

/** The contract's filter with the staff code resolved; an unknown code is refused. */
export async function resolveFilter(repo: PeopleRepository, f: PersonFilterInput): Promise<PeopleQueryFilter & { staff: StaffRef | null }> {
  let staff: StaffRef | null = null;
  if (f.staffCode) {
    staff = (await repo.staffByCodes([f.staffCode])).get(f.staffCode) ?? null;
    if (!staff) throw new AppError('NOT_FOUND', `Không có nhân viên thu mã "${f.staffCode}".`, { field: 'staffCode' });
  }
  return {
    listId: f.listId, unitCode: f.unitCode, hamlet: f.hamlet, staffId: staff?.id, unassigned: f.unassigned, status: f.status, product: f.product, dueMonth: f.dueMonth,
    query: f.query, staff,
  };
}

/** A person as lists show them: identifiers and phone masked. */
export function toPersonRow(r: PersonRecord, x: PersonExtras | undefined): PersonRow {
  return {
    id: r.id, listId: r.list_id, listName: x?.listName ?? '', fullName: r.full_name, birthDate: r.birth_date, sex: r.sex, cccd: maskCccd(r.cccd), bhxhCode: maskBhxhCode(r.bhxh_code),
    bhytCard: maskBhytCard(r.bhyt_card), phone: maskPhone(r.phone), unitCode: r.unit_code, communeName: r.commune_name, hamlet: r.hamlet, product: r.product, dueMonth: r.due_month,
    paymentMode: r.payment_mode as PaymentMode | null, staffCode: x?.staffCode ?? null, staffName: x?.staffName ?? null, status: r.status as PersonStatus, statusOn: r.status_on,
    lastContactOn: r.last_contact_on, otherLists: x?.otherLists ?? 0,
  };
}

/** Words of a name (not digits of an identifier, not a BHYT card number). */
function isNameText(text: string): boolean {
  const compact = text.replace(/[\s.\-()]/g, '');
  return !/^\+?\d{3,}$/.test(compact) && !/^[A-Za-z]{2}\d{13}$/.test(compact) && foldText(text) !== '';
}

/**
 * `people:search`: one page of people, masked, in a constant number of statements whatever the
 * page. Digits and other sorts: the total, the page's rows, and one query adding list names,
 * staff and "on other lists" for those rows. Name words in name order read two index ranges
 * one after the other: people whose given name starts with the words (in given-name order),
 * then people whose full name does (in full-name order): each part's count and rows come from
 * its index, so "hoa" over a million people costs what one page costs (five statements).
 * The total is exact where an index counts it; otherwise it stops at COUNT_CAP and
 * `totalIsEstimate` says it is a lower bound.
 */
export async function searchPeople(ctx: CoreContext, req: ParsedRequestOf<'people:search'>): Promise<Page<PersonRow>> {
  const repo = new PeopleRepository(ctx.store);
  const { staff: _staff, ...filter } = await resolveFilter(repo, req);
  void _staff;
  const offset = req.offset ?? 0;
  const limit = req.limit ?? DEFAULT_PAGE_SIZE;
  const sort = req.sort ?? 'name';
  const desc = req.desc ?? false;
  const text = req.query?.trim();
  let rows: PersonRecord[] = [];
  let total: number;
  let estimate: boolean;
  if (text && sort === 'name' && isNameText(text)) {
    const parts: NamePart[] = desc ? ['nameOnly', 'given'] : ['given', 'nameOnly'];
    const counts = [await repo.pageTotal(filter, parts[0]), await repo.pageTotal(filter, parts[1])];
    let skip = offset;
    let want = limit;
    for (const [i, part] of parts.entries()) {
      // A page reaching past a part's capped count: where that part ends decides where the next
      // one starts, so it is counted exactly (a deep page of a common name under a filter no index
      // counts; without it the second part would start from its first row again).
      if (counts[i]!.estimate && want > 0 && skip + want > counts[i]!.total) counts[i] = { total: await repo.exactTotal(filter, part), estimate: false };
      const n = counts[i]!.total;
      if (want > 0 && skip < n) {
        const got = await repo.page(filter, sort, desc, skip, want, part);
        rows.push(...got);
        want -= got.length;
        skip = 0;
      } else skip = Math.max(0, skip - n);
    }
    total = counts[0]!.total + counts[1]!.total;
    estimate = counts[0]!.estimate || counts[1]!.estimate;
  } else {
    ({ total, estimate } = await repo.pageTotal(filter));
    rows = offset < total || estimate ? await repo.page(filter, sort, desc, offset, limit) : [];
  }
  const extras = await repo.extras(rows.map((r) => r.id));
  return { items: rows.map((r) => toPersonRow(r, extras.get(r.id))), total, offset, limit, ...(estimate ? { totalIsEstimate: true } : {}) };
}
