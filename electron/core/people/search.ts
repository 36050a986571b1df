import { AppError, DEFAULT_PAGE_SIZE, type Page, type ParsedRequestOf } from '../../../shared/contract';
import type { PersonRow } from '../../../shared/contract/peopleTypes';
import { maskCccd, maskPhone } from '../../../shared/calc/cccd';
import { maskBhxhCode, maskBhytCard } from '../../../shared/calc/personIds';
import type { PaymentMode, PersonStatus } from '../../../shared/domain/people';
import type { CoreContext } from '../app/context';
import { PeopleRepository, type PeopleQueryFilter, type PersonExtras, type PersonRecord, type StaffRef } from './repository';

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

/**
 * `people:search`: one page of people, masked, in three statements whatever the page: the
 * count, the page's rows (an index range scan on the name keys or identifiers when text is
 * typed), and one query adding list names, staff and "on other lists" for those rows.
 */
export async function searchPeople(ctx: CoreContext, req: ParsedRequestOf<'people:search'>): Promise<Page<PersonRow>> {
  const repo = new PeopleRepository(ctx.store);
  const filter = await resolveFilter(repo, req);
  const offset = req.offset ?? 0;
  const limit = req.limit ?? DEFAULT_PAGE_SIZE;
  const total = await repo.count(filter);
  const rows = offset < total ? await repo.page(filter, req.sort ?? 'name', req.desc ?? false, offset, limit) : [];
  const extras = await repo.extras(rows.map((r) => r.id));
  return { items: rows.map((r) => toPersonRow(r, extras.get(r.id))), total, offset, limit };
}
