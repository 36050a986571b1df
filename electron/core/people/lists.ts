import { AppError, type ParsedRequestOf } from '../../../shared/contract';
import { putPeopleIndexesBack, setPeopleIndexesAsideForDelete } from './bigWrites';
import type { DeleteListOutcome, PersonListSummary } from '../../../shared/contract/peopleTypes';
import { PERSON_LIST_KIND_SHORT, type PersonListKind } from '../../../shared/domain/people';
import { formatCount, formatDate } from '../../../shared/format/vi';
import { foldText, toNfc } from '../../../shared/text/fold';
import { recordAudit } from '../audit/audit';
import { isoNow, localToday, type CoreContext } from '../app/context';
import { PeopleRepository } from './repository';

type ListRow = Awaited<ReturnType<PeopleRepository['listSummaries']>>[number];

function toSummary(r: ListRow, today: string): PersonListSummary {
  return {
    id: r.id, name: r.name, kind: r.kind as PersonListKind, source: r.source, officeCode: r.officeCode, rows: Number(r.rows ?? 0), assigned: Number(r.assigned ?? 0),
    contacted: Number(r.contacted ?? 0), joined: Number(r.joined ?? 0), refused: Number(r.refused ?? 0), retainUntil: r.retain_until,
    retentionDue: r.retain_until !== null && r.retain_until <= today, isDemo: r.is_demo === 1, createdAt: r.created_at, createdBy: r.created_by,
  };
}

/** `people:lists`: every list with its counts (one query); a list past its retention date says so. */
export async function listPersonLists(ctx: CoreContext): Promise<PersonListSummary[]> {
  const today = localToday(ctx.now());
  return (await new PeopleRepository(ctx.store).listSummaries()).map((r) => toSummary(r, today));
}

async function summaryOf(ctx: CoreContext, id: number): Promise<PersonListSummary> {
  const list = (await listPersonLists(ctx)).find((l) => l.id === id);
  if (!list) throw new AppError('NOT_FOUND', 'Không tìm thấy danh sách này (có thể đã bị xóa).', { field: 'listId' });
  return list;
}

export async function mustFindList(repo: PeopleRepository, id: number) {
  const list = await repo.listById(id);
  if (!list) throw new AppError('NOT_FOUND', 'Không tìm thấy danh sách này (có thể đã bị xóa).', { field: 'listId' });
  return list;
}

/** A list by its name as typed (matched without diacritics), for the CLI. */
export async function listByName(ctx: CoreContext, name: string) {
  const list = await new PeopleRepository(ctx.store).listByKey(foldText(name));
  if (!list) throw new AppError('NOT_FOUND', `Không có danh sách nào tên "${name}".`, { field: 'list' });
  return list;
}

/** `people:saveList`: creates a list, or renames it and changes its kind, source, retention date, note. Audited. */
export async function savePersonList(ctx: CoreContext, req: ParsedRequestOf<'people:saveList'>): Promise<PersonListSummary> {
  const repo = new PeopleRepository(ctx.store);
  const name = toNfc(req.name);
  const nameKey = foldText(name);
  const clash = await repo.listByKey(nameKey);
  if (clash && clash.id !== req.id) throw new AppError('VALIDATION', `Đã có danh sách "${clash.name}"; hãy đặt tên khác.`, { field: 'name' });
  const now = isoNow(ctx);
  const source = req.source === undefined ? undefined : req.source ? toNfc(req.source) : null;
  const note = req.note === undefined ? undefined : req.note ? toNfc(req.note) : null;
  let id = req.id;
  await ctx.store.transaction(async () => {
    if (id === undefined) {
      const row = await ctx.store.db
        .insertInto('person_lists')
        .values({ name, name_key: nameKey, kind: req.kind, source: source ?? null, retain_until: req.retainUntil ?? null, note: note ?? null, created_by: ctx.actor, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
      const retention = req.retainUntil ? `, lưu đến ${formatDate(req.retainUntil)}` : '';
      await recordAudit(ctx.store, ctx.actor, { action: 'create', entity: 'person_list', entityKey: String(id), summary: `Tạo danh sách "${name}" (${PERSON_LIST_KIND_SHORT[req.kind]}${retention})` }, ctx.now());
      return;
    }
    const before = await mustFindList(repo, id);
    const changes: string[] = [];
    if (before.name !== name) changes.push(`tên "${before.name}" → "${name}"`);
    if (before.kind !== req.kind) changes.push(`loại ${PERSON_LIST_KIND_SHORT[before.kind]} → ${PERSON_LIST_KIND_SHORT[req.kind]}`);
    if (source !== undefined && before.source !== source) changes.push(`nguồn: ${source ?? '(trống)'}`);
    if (req.retainUntil !== undefined && before.retain_until !== req.retainUntil) changes.push(`hạn lưu giữ ${formatDate(before.retain_until) || '(không)'} → ${formatDate(req.retainUntil) || '(không)'}`);
    if (note !== undefined && before.note !== note) changes.push('ghi chú');
    if (changes.length === 0) return;
    await ctx.store.db
      .updateTable('person_lists')
      .set({
        name, name_key: nameKey, kind: req.kind, updated_at: now,
        ...(source !== undefined ? { source } : {}), ...(req.retainUntil !== undefined ? { retain_until: req.retainUntil } : {}), ...(note !== undefined ? { note } : {}),
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(ctx.store, ctx.actor, { action: 'update', entity: 'person_list', entityKey: String(id), summary: `Sửa danh sách "${before.name}": ${changes.join('; ')}` }, ctx.now());
  });
  ctx.events.emit({ type: 'data-changed', area: 'people' });
  return summaryOf(ctx, id!);
}

const sameName = (a: string, b: string) => toNfc(a).toLocaleLowerCase('vi') === toNfc(b).toLocaleLowerCase('vi');

/**
 * `people:deleteList`: the list, its people and contacts for good in one transaction (the name
 * typed again must match), then the space given back (VACUUM) so the personal data is not left
 * in free pages of the file. Audited with the name and counts, never with a person's data.
 */
export async function deletePersonList(ctx: CoreContext, req: ParsedRequestOf<'people:deleteList'>): Promise<DeleteListOutcome> {
  const repo = new PeopleRepository(ctx.store);
  const list = await mustFindList(repo, req.listId);
  if (!sameName(list.name, req.confirmName)) throw new AppError('VALIDATION', `Tên gõ lại không khớp tên danh sách "${list.name}". Hãy gõ đúng tên để xác nhận xóa.`, { field: 'confirmName' });
  const fileBytesBefore = ctx.store.fileBytes();
  let size = { rows: 0, contacts: 0 };
  await ctx.store.transaction(async () => {
    size = await repo.listSize(list.id);
    const aside = await setPeopleIndexesAsideForDelete(ctx.store, size.rows);
    await repo.deleteList(list.id);
    await putPeopleIndexesBack(ctx.store, aside);
    await recordAudit(
      ctx.store, ctx.actor,
      {
        action: 'delete', entity: 'person_list', entityKey: String(list.id),
        summary: `Xóa vĩnh viễn danh sách "${list.name}": ${formatCount(size.rows)} người, ${formatCount(size.contacts)} lần liên hệ`,
        details: { listName: list.name, rows: size.rows, contacts: size.contacts },
      },
      ctx.now(),
    );
  });
  await ctx.store.compact(['people', 'person_contacts', 'person_import_rows']);
  ctx.events.emit({ type: 'data-changed', area: 'people' });
  return { listName: list.name, deletedRows: size.rows, deletedContacts: size.contacts, fileBytesBefore, fileBytesAfter: ctx.store.fileBytes() };
}
