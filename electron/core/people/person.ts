import { AppError, type ParsedRequestOf } from '../../../shared/contract';
import type { PersonDetail, PersonRevealed } from '../../../shared/contract/peopleTypes';
import { normalisePhone, phoneProblem } from '../../../shared/calc/cccd';
import { CONTACT_CHANNEL_LABELS, PERSON_STATUS_LABELS, PERSONAL_FIELDS, type ContactChannel, type PersonalField, type PersonStatus } from '../../../shared/domain/people';
import { formatDate } from '../../../shared/format/vi';
import { toNfc } from '../../../shared/text/fold';
import { recordAudit } from '../audit/audit';
import { isoNow, localToday, type CoreContext } from '../app/context';
import { hamletKeyOf, PeopleRepository, type StaffRef } from './repository';
import { toPersonRow } from './search';

async function mustFindPerson(repo: PeopleRepository, id: number) {
  const person = await repo.byId(id);
  if (!person) throw new AppError('NOT_FOUND', 'Không tìm thấy người này (có thể danh sách đã bị xóa).', { field: 'id' });
  return person;
}

/** A staff member by code for an assignment: must exist and still be working. */
export async function activeStaff(repo: PeopleRepository, codes: string[], field = 'staffCode'): Promise<StaffRef[]> {
  const found = await repo.staffByCodes(codes);
  return [...new Set(codes)].map((code) => {
    const s = found.get(code);
    if (!s) throw new AppError('NOT_FOUND', `Không có nhân viên thu mã "${code}".`, { field });
    if (s.status !== 'active') throw new AppError('VALIDATION', `Nhân viên thu ${s.fullName} (mã ${code}) không còn làm việc; hãy chọn người khác.`, { field });
    return s;
  });
}

/** `people:get`: one person (masked) with the contact log and the other lists holding them. */
export async function getPerson(ctx: CoreContext, id: number): Promise<PersonDetail> {
  const repo = new PeopleRepository(ctx.store);
  const p = await mustFindPerson(repo, id);
  const [extras, contacts, alsoOn] = await Promise.all([repo.extras([id]), repo.contactsOf(id), repo.alsoOn(p)]);
  return {
    ...toPersonRow(p, extras.get(id)),
    note: p.note, campaignId: p.campaign_id, campaignName: p.campaign_name, sourceRow: p.source_row, batchId: p.batch_id,
    contacts: contacts.map((k) => ({
      id: k.id, contactedOn: k.contacted_on, staffCode: k.staff_code, staffName: k.staff_name, channel: k.channel as ContactChannel, outcome: k.outcome as PersonStatus, note: k.note,
      campaignId: k.campaign_id, campaignName: k.campaign_name, createdBy: k.created_by, createdAt: k.created_at,
    })),
    alsoOn: alsoOn.map((a) => ({ listId: a.listId, listName: a.listName, personId: a.personId, status: a.status as PersonStatus })),
  };
}

const FIELD_WORDS: Record<PersonalField, string> = { cccd: 'số CCCD', bhxhCode: 'mã số BHXH', bhytCard: 'số thẻ BHYT', phone: 'số điện thoại' };

/**
 * `people:reveal`: the real identifiers and phone asked for (all four when none named). One
 * audit row says who looked at which fields of whom; the values themselves never reach the log.
 */
export async function revealPerson(ctx: CoreContext, req: ParsedRequestOf<'people:reveal'>): Promise<PersonRevealed> {
  const repo = new PeopleRepository(ctx.store);
  const p = await mustFindPerson(repo, req.id);
  const fields = PERSONAL_FIELDS.filter((f) => !req.fields || req.fields.includes(f));
  await ctx.store.transaction(() =>
    recordAudit(
      ctx.store, ctx.actor,
      { action: 'reveal', entity: 'person', entityKey: String(p.id), summary: `Xem ${fields.map((f) => FIELD_WORDS[f]).join(', ')} của ${p.full_name} (mã người ${p.id})`, details: { personId: p.id, listId: p.list_id, fields } },
      ctx.now(),
    ),
  );
  const pick = (f: PersonalField, v: string | null) => (fields.includes(f) ? v : null);
  return { id: p.id, cccd: pick('cccd', p.cccd), bhxhCode: pick('bhxhCode', p.bhxh_code), bhytCard: pick('bhytCard', p.bhyt_card), phone: pick('phone', p.phone) };
}

/** `people:update`: staff, status, note, phone and hamlet of one person; audited (a phone change is named, not written). */
export async function updatePerson(ctx: CoreContext, req: ParsedRequestOf<'people:update'>): Promise<PersonDetail> {
  const repo = new PeopleRepository(ctx.store);
  const p = await mustFindPerson(repo, req.id);
  const set: Record<string, unknown> = {};
  const changes: string[] = [];
  let newStaff: { id: number | null } | null = null;
  if (req.staffCode !== undefined) {
    const staff = req.staffCode === null ? null : (await activeStaff(repo, [req.staffCode]))[0]!;
    if ((staff?.id ?? null) !== p.staff_id) {
      newStaff = { id: staff?.id ?? null };
      changes.push(staff ? `giao cho ${staff.fullName} (mã ${staff.code})` : 'bỏ phân công');
    }
  }
  if (req.status !== undefined && req.status !== p.status) {
    set.status = req.status;
    set.status_on = localToday(ctx.now());
    changes.push(`tình trạng ${PERSON_STATUS_LABELS[p.status as PersonStatus] ?? p.status} → ${PERSON_STATUS_LABELS[req.status]}`);
  }
  if (req.note !== undefined) {
    const note = req.note ? toNfc(req.note) : null;
    if (note !== p.note) {
      set.note = note;
      changes.push('ghi chú');
    }
  }
  if (req.phone !== undefined) {
    const phone = req.phone ? normalisePhone(req.phone) : null;
    if (phone) {
      const problem = phoneProblem(phone);
      if (problem) throw new AppError('VALIDATION', problem, { field: 'phone' });
    }
    if (phone !== p.phone) {
      set.phone = phone;
      changes.push('số điện thoại đã thay đổi');
    }
  }
  if (req.hamlet !== undefined) {
    const hamlet = req.hamlet ? toNfc(req.hamlet) : null;
    if (hamlet !== p.hamlet) {
      set.hamlet = hamlet;
      set.hamlet_key = hamletKeyOf(hamlet);
      changes.push(`thôn, ấp: ${hamlet ?? '(trống)'}`);
    }
  }
  if (changes.length > 0) {
    await ctx.store.transaction(async () => {
      await ctx.store.db.updateTable('people').set({ ...set, updated_at: isoNow(ctx) }).where('id', '=', p.id).execute();
      if (newStaff) await repo.setStaff(p.id, newStaff.id);
      await recordAudit(ctx.store, ctx.actor, { action: 'update', entity: 'person', entityKey: String(p.id), summary: `Sửa ${p.full_name} (mã người ${p.id}): ${changes.join('; ')}` }, ctx.now());
    });
    ctx.events.emit({ type: 'data-changed', area: 'people' });
  }
  return getPerson(ctx, p.id);
}

/**
 * `people:logContact`: adds a contact to the log and moves the person on: status = the
 * outcome (dated the contact's day), last contact, and staff and campaign when given. Audited.
 */
export async function logContact(ctx: CoreContext, req: ParsedRequestOf<'people:logContact'>): Promise<PersonDetail> {
  const repo = new PeopleRepository(ctx.store);
  const p = await mustFindPerson(repo, req.personId);
  const today = localToday(ctx.now());
  if (req.contactedOn > today) throw new AppError('VALIDATION', `Ngày liên hệ ${formatDate(req.contactedOn)} chưa tới; hãy ghi lần liên hệ đã diễn ra.`, { field: 'contactedOn' });
  const staff = req.staffCode ? (await activeStaff(repo, [req.staffCode]))[0]! : null;
  if (req.campaignId) {
    const campaign = await ctx.store.db.selectFrom('campaigns').select('id').where('id', '=', req.campaignId).executeTakeFirst();
    if (!campaign) throw new AppError('NOT_FOUND', 'Không tìm thấy hoạt động tuyên truyền này.', { field: 'campaignId' });
  }
  const now = isoNow(ctx);
  const latest = !p.last_contact_on || req.contactedOn >= p.last_contact_on;
  await ctx.store.transaction(async () => {
    await ctx.store.db
      .insertInto('person_contacts')
      .values({
        person_id: p.id, contacted_on: req.contactedOn, staff_id: staff?.id ?? p.staff_id, channel: req.channel, outcome: req.outcome, note: req.note ? toNfc(req.note) : null,
        campaign_id: req.campaignId ?? null, created_by: ctx.actor, created_at: now,
      })
      .execute();
    // An older contact entered late joins the log without moving the person's status back.
    await ctx.store.db
      .updateTable('people')
      .set({
        ...(latest ? { status: req.outcome, status_on: req.contactedOn, last_contact_on: req.contactedOn } : {}),
        ...(req.campaignId ? { campaign_id: req.campaignId } : {}),
        updated_at: now,
      })
      .where('id', '=', p.id)
      .execute();
    if (staff) await repo.setStaff(p.id, staff.id);
    await recordAudit(
      ctx.store, ctx.actor,
      {
        action: 'contact', entity: 'person', entityKey: String(p.id),
        summary: `Ghi liên hệ với ${p.full_name} (mã người ${p.id}) ngày ${formatDate(req.contactedOn)}: ${CONTACT_CHANNEL_LABELS[req.channel]}, kết quả ${PERSON_STATUS_LABELS[req.outcome]}${staff ? `, nhân viên ${staff.fullName}` : ''}`,
      },
      ctx.now(),
    );
  });
  ctx.events.emit({ type: 'data-changed', area: 'people' });
  return getPerson(ctx, p.id);
}
