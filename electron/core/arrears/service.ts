import { sql } from 'kysely';
import {
  AppError, type ArrearsAction, type ArrearsBandFigure, type ArrearsEmployerRow, type ArrearsKindFigure, type ArrearsOfficeFigure, type ArrearsOverview, type ArrearsPromise,
  type ArrearsTarget, type EmployerDetail, type Page, type ParsedRequestOf,
} from '../../../shared/contract';
import { arrearsBand, arrearsRatio, monthEnd, ratioMeetsTarget, shiftMonth, targetInForce } from '../../../shared/calc/arrears';
import {
  ARREARS_ACTION_LABELS, ARREARS_BAND_LABELS, ARREARS_BANDS, BAND_STARTS, EMPLOYER_KIND_LABELS, EMPLOYER_KINDS, EMPLOYER_STATUS_LABELS, PROMISE_STATUS_LABELS,
  type ArrearsBand, type EmployerKind, type EmployerStatus,
} from '../../../shared/domain/arrears';
import { formatDate, formatMoney } from '../../../shared/format/vi';
import { foldText } from '../../../shared/text/fold';
import { viSortKey } from '../../../shared/text/viSortKey';
import { recordAudit } from '../audit/audit';
import { isoNow, localToday, type CoreContext } from '../app/context';
import { foldedWordsMatch, pageOf } from '../db/paging';
import { changeLines, cleanText, officeIdOf } from '../network/lookups';
import { ArrearsRepository, overduePromise, toMonthRow } from './repository';

type EmployersInput = ParsedRequestOf<'arrears:employers'>;
const num = (v: unknown): number => Number(v ?? 0);

/** How many debtors the overview lists. */
export const LARGEST_DEBTORS = 10;
/** Months of the overview's trend. */
export const TREND_MONTHS = 24;

function changed(ctx: CoreContext): void {
  ctx.events.emit({ type: 'data-changed', area: 'arrears' });
}

/** The office a request names (null: the province); an unknown code is a field error. */
async function scopeOffice(ctx: CoreContext, code: string | null | undefined): Promise<{ id: number; name: string; code: string } | null> {
  const office = await officeIdOf(ctx.store, code ?? null);
  return office && code ? { ...office, code } : null;
}

/** The overview of a month: total, bands, offices, sectors, trend, ratio against the target in force, largest debtors. */
export async function arrearsOverview(ctx: CoreContext, req: ParsedRequestOf<'arrears:overview'>): Promise<ArrearsOverview> {
  const repo = new ArrearsRepository(ctx.store);
  const office = await scopeOffice(ctx, req.officeCode);
  const asOf = monthEnd(req.period);
  const today = localToday(ctx.now());
  const rows = await repo.periodRows(req.period, office?.id ?? null);
  const owing = rows.filter((r) => r.amount_owed > 0);
  const targets = await repo.targets();

  const byBand = new Map<ArrearsBand, ArrearsBandFigure>(ARREARS_BANDS.map((b) => [b, { band: b, label: ARREARS_BAND_LABELS[b], employers: 0, amount: 0 }]));
  const byKind = new Map<EmployerKind, ArrearsKindFigure>(EMPLOYER_KINDS.map((k) => [k, { kind: k, label: EMPLOYER_KIND_LABELS[k], employers: 0, amount: 0 }]));
  const byOffice = new Map<string, { code: string; name: string; employers: number; amount: number; due: number; owedWithDue: number; hasDue: boolean }>();
  // The ratio is owed ÷ due over the rows that give the amount due in the year: a row without it
  // (a list of debtors only) would add to the debt and not to what was due, and inflate the ratio.
  let due = 0;
  let owedWithDue = 0;
  let hasDue = false;
  for (const r of rows) {
    if (r.amount_due_year !== null) {
      due += r.amount_due_year;
      owedWithDue += Math.max(0, r.amount_owed);
      hasDue = true;
    }
    const officeKey = r.office_code ?? '';
    const o = byOffice.get(officeKey) ?? { code: officeKey, name: r.office_name ?? 'Chưa giao cơ quan quản lý', employers: 0, amount: 0, due: 0, owedWithDue: 0, hasDue: false };
    byOffice.set(officeKey, o);
    if (r.amount_due_year !== null) {
      o.due += r.amount_due_year;
      o.owedWithDue += Math.max(0, r.amount_owed);
      o.hasDue = true;
    }
    if (r.amount_owed <= 0) continue;
    o.employers++;
    o.amount += r.amount_owed;
    const band = byBand.get(arrearsBand(r.months_owed, r.status as EmployerStatus))!;
    band.employers++;
    band.amount += r.amount_owed;
    const kind = byKind.get(r.kind as EmployerKind)!;
    kind.employers++;
    kind.amount += r.amount_owed;
  }
  const totalOwed = owing.reduce((s, r) => s + r.amount_owed, 0);
  const ratio = hasDue ? arrearsRatio(owedWithDue, due) : null;
  const target = targetInForce(targets, asOf, office?.code ?? null);
  const officeFigures: ArrearsOfficeFigure[] = [...byOffice.values()]
    .map((o) => {
      const r = o.hasDue ? arrearsRatio(o.owedWithDue, o.due) : null;
      const t = o.code ? targetInForce(targets, asOf, o.code) : null;
      return { officeCode: o.code, officeName: o.name, employers: o.employers, amount: o.amount, dueInYear: o.hasDue ? o.due : null, ratio: r, target: t?.ratio ?? null, meetsTarget: ratioMeetsTarget(r, t?.ratio ?? null) };
    })
    .sort((a, b) => b.amount - a.amount || a.officeCode.localeCompare(b.officeCode));

  const trend = (await repo.trend(shiftMonth(req.period, TREND_MONTHS - 1), req.period, office?.id ?? null)).map((t) => ({
    period: t.period, amount: t.amount, employers: t.employers, ratio: t.due ? arrearsRatio(t.owedWithDue, t.due) : null,
  }));
  const largest = (await employersPage(ctx, { period: req.period, officeCode: office?.code, inArrearsOnly: true, sort: 'amount', desc: true, limit: LARGEST_DEBTORS })).items;
  const promises = await promiseCounts(ctx, office?.id ?? null, today);
  return {
    period: req.period, officeCode: office?.code ?? null, scopeName: office?.name ?? 'Toàn tỉnh', asOf, totalOwed, employersInArrears: owing.length,
    interest: owing.reduce((s, r) => s + r.interest, 0), dueInYear: hasDue ? due : null, ratio, target, meetsTarget: ratioMeetsTarget(ratio, target?.ratio ?? null),
    byBand: [...byBand.values()], byOffice: officeFigures, byKind: [...byKind.values()].filter((k) => k.employers > 0), trend, largest,
    pendingPromises: promises.pending, overduePromises: promises.overdue, isDemo: rows.some((r) => Number(r.is_demo) === 1),
  };
}

async function promiseCounts(ctx: CoreContext, officeId: number | null, today: string): Promise<{ pending: number; overdue: number }> {
  let q = ctx.store.db
    .selectFrom('arrears_promises as p')
    .innerJoin('employers as e', 'e.id', 'p.employer_id')
    .select((eb) => [eb.fn.countAll<number>().as('pending'), eb.fn.sum<number>(sql<number>`CASE WHEN ${overduePromise(today)} THEN 1 ELSE 0 END`).as('overdue')])
    .where('p.status', '=', 'PENDING');
  if (officeId !== null) q = q.where('e.office_id', '=', officeId);
  const r = await q.executeTakeFirst();
  return { pending: num(r?.pending), overdue: num(r?.overdue) };
}

/** SQL of an employer's band in the period (null when it owes nothing), the one rule of shared/calc written for filtering. */
function bandCondition(band: ArrearsBand) {
  const owes = sql`COALESCE(r.amount_owed, 0) > 0`;
  switch (band) {
    case 'CLOSED':
      return sql<boolean>`(${owes} AND e.status <> 'ACTIVE')`;
    case 'UNDER_3':
      return sql<boolean>`(${owes} AND e.status = 'ACTIVE' AND r.months_owed < ${sql.lit(BAND_STARTS.FROM_3_TO_6)})`;
    case 'FROM_3_TO_6':
      return sql<boolean>`(${owes} AND e.status = 'ACTIVE' AND r.months_owed >= ${sql.lit(BAND_STARTS.FROM_3_TO_6)} AND r.months_owed < ${sql.lit(BAND_STARTS.FROM_6_TO_12)})`;
    case 'FROM_6_TO_12':
      return sql<boolean>`(${owes} AND e.status = 'ACTIVE' AND r.months_owed >= ${sql.lit(BAND_STARTS.FROM_6_TO_12)} AND r.months_owed < ${sql.lit(BAND_STARTS.FROM_12)})`;
    case 'FROM_12':
      return sql<boolean>`(${owes} AND e.status = 'ACTIVE' AND r.months_owed >= ${sql.lit(BAND_STARTS.FROM_12)})`;
  }
}

/** Employers with their figures of the period (default: the latest month with data). */
export async function employersPage(ctx: CoreContext, req: EmployersInput): Promise<Page<ArrearsEmployerRow>> {
  const repo = new ArrearsRepository(ctx.store);
  const period = req.period ?? (await repo.latestPeriod()) ?? localToday(ctx.now()).slice(0, 7);
  const today = localToday(ctx.now());
  const office = await scopeOffice(ctx, req.officeCode);
  let q = ctx.store.db
    .selectFrom('employers as e')
    .leftJoin('arrears_rows as r', (j) => j.onRef('r.employer_id', '=', 'e.id').on('r.period', '=', period))
    .leftJoin('offices as o', 'o.id', 'e.office_id')
    .leftJoin('units as u', 'u.code', 'e.unit_code')
    .select((eb) => [
      'e.id', 'e.code', 'e.name', 'e.tax_code', 'e.kind', 'e.status', 'e.workers', 'e.unit_code', 'e.sort_key', 'e.is_demo', 'o.code as office_code', 'o.name as office_name', 'u.name as unit_name',
      'r.period', 'r.amount_owed', 'r.months_owed', 'r.interest', 'r.is_late', 'r.is_evasion',
      eb.selectFrom('arrears_actions as a').select((x) => x.fn.max('a.acted_on').as('m')).whereRef('a.employer_id', '=', 'e.id').as('last_action'),
      eb.selectFrom('arrears_promises as p').select((x) => x.fn.countAll<number>().as('n')).whereRef('p.employer_id', '=', 'e.id').where('p.status', '=', 'PENDING').as('pending'),
      eb.selectFrom('arrears_promises as p').select((x) => x.fn.countAll<number>().as('n')).whereRef('p.employer_id', '=', 'e.id').where(overduePromise(today)).as('overdue'),
    ]);
  if (office) q = q.where('e.office_id', '=', office.id);
  if (req.unitCode) q = q.where('e.unit_code', '=', req.unitCode);
  if (req.status) q = q.where('e.status', '=', req.status);
  if (req.kind) q = q.where('e.kind', '=', req.kind);
  if (req.band) q = q.where(bandCondition(req.band));
  if (req.inArrearsOnly) q = q.where('r.amount_owed', '>', 0);
  if (req.query) {
    const folded = foldText(req.query);
    const digits = req.query.trim().replace(/\s+/g, '');
    q = q.where((eb) => eb.or([foldedWordsMatch('e.name_key', folded), eb('e.code', '=', req.query!.trim().toUpperCase()), eb('e.tax_code', 'like', `${digits.replace(/[!%_]/g, '')}%`)]));
  }
  const sort = req.sort ?? 'amount';
  const desc = req.desc ?? (sort === 'amount' || sort === 'months');
  const dir = desc ? 'desc' : 'asc';
  const page = await pageOf(q, req, (x) => {
    switch (sort) {
      case 'amount':
        return x.orderBy(sql`COALESCE(r.amount_owed, 0)`, dir).orderBy('e.sort_key').orderBy('e.id');
      case 'months':
        return x.orderBy(sql`COALESCE(r.months_owed, 0)`, dir).orderBy(sql`COALESCE(r.amount_owed, 0)`, 'desc').orderBy('e.id');
      case 'name':
        return x.orderBy('e.sort_key', dir).orderBy('e.id');
      case 'code':
        return x.orderBy('e.code', dir).orderBy('e.id');
      case 'office':
        return x.orderBy('o.code', dir).orderBy(sql`COALESCE(r.amount_owed, 0)`, 'desc').orderBy('e.id');
    }
  });
  return {
    ...page,
    items: page.items.map((r) => {
      const amount = num(r.amount_owed);
      const months = num(r.months_owed);
      return {
        id: r.id, code: r.code, name: r.name, taxCode: r.tax_code, kind: r.kind as EmployerKind, status: r.status as EmployerStatus, officeCode: r.office_code ?? null, officeName: r.office_name ?? null,
        unitCode: r.unit_code, unitName: r.unit_name ?? null, workers: r.workers === null ? null : num(r.workers), period: r.period ?? null, amountOwed: amount, monthsOwed: months, interest: num(r.interest),
        band: amount > 0 ? arrearsBand(months, r.status as EmployerStatus) : null, late: Number(r.is_late) === 1, evasion: Number(r.is_evasion) === 1,
        lastActionOn: (r.last_action as string | null) ?? null, pendingPromises: num(r.pending), overduePromises: num(r.overdue), isDemo: Number(r.is_demo) === 1,
      };
    }),
  };
}

export async function employerDetail(ctx: CoreContext, id: number): Promise<EmployerDetail> {
  const repo = new ArrearsRepository(ctx.store);
  const employer = await repo.employer(id);
  if (!employer) throw new AppError('NOT_FOUND', `Không có đơn vị số ${id}.`);
  const today = localToday(ctx.now());
  const rows = (await repo.monthRows(id)).map(toMonthRow);
  const promises = (await repo.promises().where('p.employer_id', '=', id).orderBy('p.promised_on', 'desc').orderBy('p.id', 'desc').execute()).map((p) => ArrearsRepository.toPromise(p, today));
  const overdue = promises.filter((p) => p.overdue).length;
  const actions = (await repo.actions().where('a.employer_id', '=', id).orderBy('a.acted_on', 'desc').orderBy('a.id', 'desc').execute()).map((a) => ArrearsRepository.toAction(a, overdue));
  const current = rows[0] ?? null;
  return { employer, current, band: current && current.amountOwed > 0 ? arrearsBand(current.monthsOwed, employer.status) : null, rows, actions, promises };
}

async function requireEmployer(ctx: CoreContext, id: number) {
  const e = await new ArrearsRepository(ctx.store).storedEmployer(id);
  if (!e) throw new AppError('NOT_FOUND', `Không có đơn vị số ${id}.`);
  return e;
}

export async function saveEmployer(ctx: CoreContext, req: ParsedRequestOf<'arrears:saveEmployer'>): Promise<EmployerDetail> {
  const now = isoNow(ctx);
  const code = req.code.toUpperCase();
  const name = cleanText(req.name)!;
  let id = req.id;
  await ctx.store.transaction(async () => {
    const db = ctx.store.db;
    const office = await officeIdOf(ctx.store, req.officeCode ?? null);
    if (req.unitCode) {
      const unit = await db.selectFrom('units').select('id').where('code', '=', req.unitCode).executeTakeFirst();
      if (!unit) throw new AppError('VALIDATION', `Không có xã, phường mã "${req.unitCode}" trong danh mục.`, { field: 'unitCode' });
    }
    const clash = await db.selectFrom('employers').select(['id', 'name']).where('code', '=', code).executeTakeFirst();
    if (clash && clash.id !== id) throw new AppError('CONFLICT', `Mã đơn vị ${code} đã dùng cho "${clash.name}".`, { field: 'code' });
    const values = {
      code, name, name_key: foldText(name), sort_key: viSortKey(name), tax_code: req.taxCode ?? null, kind: req.kind, address: cleanText(req.address), unit_code: req.unitCode ?? null,
      office_id: office?.id ?? null, workers: req.workers ?? null, status: req.status, updated_at: now,
    };
    if (id === undefined) {
      id = (await db.insertInto('employers').values({ ...values, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
      await recordAudit(ctx.store, ctx.actor, { action: 'create', entity: 'employer', entityKey: code, summary: `Thêm đơn vị ${code} — ${name} (${EMPLOYER_KIND_LABELS[req.kind]})` }, ctx.now());
    } else {
      const before = await requireEmployer(ctx, id);
      await db.updateTable('employers').set(values).where('id', '=', id).execute();
      const lines = changeLines([
        ['mã', before.code, code], ['tên', before.name, name], ['mã số thuế', before.tax_code, values.tax_code], ['loại hình', EMPLOYER_KIND_LABELS[before.kind as EmployerKind], EMPLOYER_KIND_LABELS[req.kind]],
        ['địa chỉ', before.address, values.address], ['xã', before.unit_code, values.unit_code], ['số lao động', before.workers, values.workers],
        ['tình trạng', EMPLOYER_STATUS_LABELS[before.status as EmployerStatus], EMPLOYER_STATUS_LABELS[req.status]],
      ]);
      await recordAudit(ctx.store, ctx.actor, { action: 'update', entity: 'employer', entityKey: code, summary: `Sửa đơn vị ${code}: ${lines.join('; ') || 'không đổi'}` }, ctx.now());
    }
  });
  changed(ctx);
  return employerDetail(ctx, id!);
}

export async function logAction(ctx: CoreContext, req: ParsedRequestOf<'arrears:logAction'>): Promise<EmployerDetail> {
  await ctx.store.transaction(async () => {
    const e = await requireEmployer(ctx, req.employerId);
    await ctx.store.db
      .insertInto('arrears_actions')
      .values({
        employer_id: e.id, acted_on: req.actedOn, kind: req.kind, doc_number: cleanText(req.docNumber), officer: cleanText(req.officer), note: cleanText(req.note),
        amount_recovered: req.amountRecovered ?? null, created_by: ctx.actor, created_at: isoNow(ctx),
      })
      .execute();
    await recordAudit(ctx.store, ctx.actor, {
      action: 'create', entity: 'arrears-action', entityKey: e.code,
      summary: `Ghi biện pháp đôn đốc "${ARREARS_ACTION_LABELS[req.kind]}" ngày ${formatDate(req.actedOn)} với đơn vị ${e.code} — ${e.name}${req.amountRecovered ? `, thu được ${formatMoney(req.amountRecovered)}` : ''}`,
    }, ctx.now());
  });
  changed(ctx);
  return employerDetail(ctx, req.employerId);
}

export async function deleteAction(ctx: CoreContext, id: number): Promise<EmployerDetail> {
  let employerId = 0;
  await ctx.store.transaction(async () => {
    const a = await new ArrearsRepository(ctx.store).actions().where('a.id', '=', id).executeTakeFirst();
    if (!a) throw new AppError('NOT_FOUND', `Không có biện pháp đôn đốc số ${id}.`);
    employerId = a.employer_id;
    await ctx.store.db.deleteFrom('arrears_actions').where('id', '=', id).execute();
    await recordAudit(ctx.store, ctx.actor, {
      action: 'delete', entity: 'arrears-action', entityKey: a.employer_code,
      summary: `Xóa biện pháp đôn đốc "${ARREARS_ACTION_LABELS[a.kind as keyof typeof ARREARS_ACTION_LABELS]}" ngày ${formatDate(a.acted_on)} của đơn vị ${a.employer_code} — ${a.employer_name}`,
    }, ctx.now());
  });
  changed(ctx);
  return employerDetail(ctx, employerId);
}

/** The collection log, newest first by default; each row carries its employer's overdue promises. */
export async function actionsPage(ctx: CoreContext, req: ParsedRequestOf<'arrears:actions'>): Promise<Page<ArrearsAction>> {
  const repo = new ArrearsRepository(ctx.store);
  const office = await scopeOffice(ctx, req.officeCode);
  let q = repo.actions();
  if (req.kind) q = q.where('a.kind', '=', req.kind);
  if (req.from) q = q.where('a.acted_on', '>=', req.from);
  if (req.to) q = q.where('a.acted_on', '<=', req.to);
  if (office) q = q.where('e.office_id', '=', office.id);
  if (req.employerId) q = q.where('a.employer_id', '=', req.employerId);
  if (req.query) q = q.where(foldedWordsMatch('e.name_key', foldText(req.query)));
  const sort = req.sort ?? 'date';
  const dir = (req.desc ?? sort === 'date') ? 'desc' : 'asc';
  const page = await pageOf(q, req, (x) =>
    sort === 'date' ? x.orderBy('a.acted_on', dir).orderBy('a.id', dir) : sort === 'employer' ? x.orderBy('e.sort_key', dir).orderBy('a.acted_on', 'desc').orderBy('a.id') : x.orderBy('a.kind', dir).orderBy('a.acted_on', 'desc').orderBy('a.id'),
  );
  const overdue = await repo.overdueByEmployer([...new Set(page.items.map((a) => a.employer_id))], localToday(ctx.now()));
  return { ...page, items: page.items.map((a) => ArrearsRepository.toAction(a, overdue.get(a.employer_id) ?? 0)) };
}

export async function promisesPage(ctx: CoreContext, req: ParsedRequestOf<'arrears:promises'>): Promise<Page<ArrearsPromise>> {
  const repo = new ArrearsRepository(ctx.store);
  const today = localToday(ctx.now());
  const office = await scopeOffice(ctx, req.officeCode);
  let q = repo.promises();
  if (req.status) q = q.where('p.status', '=', req.status);
  if (req.overdueOnly) q = q.where(overduePromise(today));
  if (office) q = q.where('e.office_id', '=', office.id);
  if (req.employerId) q = q.where('p.employer_id', '=', req.employerId);
  if (req.query) q = q.where(foldedWordsMatch('e.name_key', foldText(req.query)));
  const sort = req.sort ?? 'date';
  const dir = req.desc ? 'desc' : 'asc';
  const page = await pageOf(q, req, (x) =>
    sort === 'date' ? x.orderBy('p.promised_on', dir).orderBy('p.id') : sort === 'employer' ? x.orderBy('e.sort_key', dir).orderBy('p.promised_on').orderBy('p.id') : x.orderBy('p.amount', dir).orderBy('p.id'),
  );
  return { ...page, items: page.items.map((p) => ArrearsRepository.toPromise(p, today)) };
}

export async function savePromise(ctx: CoreContext, req: ParsedRequestOf<'arrears:savePromise'>): Promise<EmployerDetail> {
  const now = isoNow(ctx);
  await ctx.store.transaction(async () => {
    const db = ctx.store.db;
    const e = await requireEmployer(ctx, req.employerId);
    if (req.id !== undefined) {
      const p = await db.selectFrom('arrears_promises').selectAll().where('id', '=', req.id).executeTakeFirst();
      if (!p || p.employer_id !== e.id) throw new AppError('NOT_FOUND', `Không có cam kết số ${req.id} của đơn vị ${e.code}.`);
      if (p.status !== 'PENDING') throw new AppError('CONFLICT', `Cam kết ngày ${formatDate(p.promised_on)} đã khép lại (${PROMISE_STATUS_LABELS[p.status as 'KEPT']}); không sửa được.`);
      await db.updateTable('arrears_promises').set({ promised_on: req.promisedOn, amount: req.amount, note: cleanText(req.note), updated_at: now }).where('id', '=', req.id).execute();
    } else {
      await db.insertInto('arrears_promises').values({ employer_id: e.id, promised_on: req.promisedOn, amount: req.amount, note: cleanText(req.note), created_at: now, updated_at: now }).execute();
    }
    await recordAudit(ctx.store, ctx.actor, {
      action: req.id === undefined ? 'create' : 'update', entity: 'arrears-promise', entityKey: e.code,
      summary: `${req.id === undefined ? 'Ghi' : 'Sửa'} cam kết trả nợ của đơn vị ${e.code} — ${e.name}: ${formatMoney(req.amount)} trước ngày ${formatDate(req.promisedOn)}`,
    }, ctx.now());
  });
  changed(ctx);
  return employerDetail(ctx, req.employerId);
}

export async function settlePromise(ctx: CoreContext, req: ParsedRequestOf<'arrears:settlePromise'>): Promise<EmployerDetail> {
  let employerId = 0;
  await ctx.store.transaction(async () => {
    const db = ctx.store.db;
    const p = await new ArrearsRepository(ctx.store).promises().where('p.id', '=', req.id).executeTakeFirst();
    if (!p) throw new AppError('NOT_FOUND', `Không có cam kết số ${req.id}.`);
    if (p.status !== 'PENDING') throw new AppError('CONFLICT', `Cam kết ngày ${formatDate(p.promised_on)} đã khép lại (${PROMISE_STATUS_LABELS[p.status as 'KEPT']}).`);
    employerId = p.employer_id;
    await db
      .updateTable('arrears_promises')
      .set({ status: req.status, settled_on: req.settledOn, settled_amount: req.settledAmount ?? null, note: req.note === undefined ? p.note : cleanText(req.note), updated_at: isoNow(ctx) })
      .where('id', '=', req.id)
      .execute();
    await recordAudit(ctx.store, ctx.actor, {
      action: 'update', entity: 'arrears-promise', entityKey: p.employer_code,
      summary: `Cam kết ${formatMoney(num(p.amount))} ngày ${formatDate(p.promised_on)} của đơn vị ${p.employer_code}: ${PROMISE_STATUS_LABELS[req.status].toLocaleLowerCase('vi')} (ngày ${formatDate(req.settledOn)}${req.settledAmount ? `, ${formatMoney(req.settledAmount)}` : ''})`,
    }, ctx.now());
  });
  changed(ctx);
  return employerDetail(ctx, employerId);
}

export async function listArrearsTargets(ctx: CoreContext, officeCode?: string | null): Promise<ArrearsTarget[]> {
  const all = await new ArrearsRepository(ctx.store).targets();
  return officeCode === undefined ? all : all.filter((t) => t.officeCode === officeCode);
}

/** Adds a dated target; one for the same office and day is replaced. */
export async function saveArrearsTarget(ctx: CoreContext, req: ParsedRequestOf<'arrears:saveTarget'>): Promise<ArrearsTarget[]> {
  await ctx.store.transaction(async () => {
    const db = ctx.store.db;
    const office = await officeIdOf(ctx.store, req.officeCode);
    let del = db.deleteFrom('arrears_targets').where('valid_from', '=', req.validFrom);
    del = office ? del.where('office_id', '=', office.id) : del.where('office_id', 'is', null);
    await del.execute();
    await db
      .insertInto('arrears_targets')
      .values({ office_id: office?.id ?? null, valid_from: req.validFrom, ratio: req.ratio, source: cleanText(req.source), note: cleanText(req.note), created_by: ctx.actor, created_at: isoNow(ctx) })
      .execute();
    await recordAudit(ctx.store, ctx.actor, {
      action: 'update', entity: 'arrears-target', entityKey: req.officeCode ?? 'tinh',
      summary: `Chỉ tiêu tỷ lệ nợ ${office ? `của ${office.name}` : 'toàn tỉnh'} từ ngày ${formatDate(req.validFrom)}: không quá ${String(req.ratio).replace('.', ',')}%${req.source ? ` (${req.source})` : ''}`,
    }, ctx.now());
  });
  changed(ctx);
  return listArrearsTargets(ctx);
}
