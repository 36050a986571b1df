import { AppError, type ContributionRuleRow, type ParsedRequestOf } from '../../../shared/contract';
import { bhxhTn, bhytHgd, ruleInForce, type BhxhTnResult, type BhytHgdResult } from '../../../shared/calc/contributions';
import { RULE_KIND_DEFS, ruleValueText, subjectLabel, type RuleKind } from '../../../shared/domain/contributions';
import { formatDate } from '../../../shared/format/vi';
import { recordAudit } from '../audit/audit';
import { isoNow, localToday, type CoreContext } from '../app/context';
import { ContributionRepository, type StoredRule } from './repository';

function toRow(r: StoredRule, all: readonly StoredRule[], today: string): ContributionRuleRow {
  const def = RULE_KIND_DEFS[r.kind];
  return { ...r, kindLabel: def.label, subjectLabel: subjectLabel(r.kind, r.subject), unit: def.unit, current: ruleInForce(all, r.kind, r.subject, today)?.id === r.id };
}

/** Every rule row; those in force today are marked. */
export async function listRules(ctx: CoreContext, kind?: RuleKind): Promise<ContributionRuleRow[]> {
  const all = await new ContributionRepository(ctx.store).rules();
  const today = localToday(ctx.now());
  return all.filter((r) => !kind || r.kind === kind).map((r) => toRow(r, all, today));
}

const describe = (r: { kind: RuleKind; subject: string | null; value: number }) =>
  `${RULE_KIND_DEFS[r.kind].label}${r.subject ? ` — ${subjectLabel(r.kind, r.subject)}` : ''}: ${ruleValueText(RULE_KIND_DEFS[r.kind].unit, r.value)}`;

/** A new dated row (a new decree or resolution); one transaction with its audit row. */
export async function saveRule(ctx: CoreContext, req: ParsedRequestOf<'calc:saveRule'>): Promise<ContributionRuleRow> {
  const def = RULE_KIND_DEFS[req.kind];
  const subject = req.subject ? req.subject : null;
  if (def.subjects.length > 0 && (subject === null || !def.subjects.includes(subject))) {
    throw new AppError('VALIDATION', `"${def.label}" cần chọn đối tượng áp dụng: ${def.subjects.map((s) => subjectLabel(req.kind, s)).join('; ')}.`);
  }
  if (def.subjects.length === 0 && subject !== null) throw new AppError('VALIDATION', `"${def.label}" áp dụng chung, không chọn đối tượng.`);
  if (def.unit === 'percent' && req.value > 100) throw new AppError('VALIDATION', 'Tỷ lệ không quá 100%.');
  if (def.unit === 'money' && !Number.isInteger(req.value)) throw new AppError('VALIDATION', 'Số tiền tính bằng đồng, không có phần lẻ.');
  if (req.value <= 0 && req.kind !== 'BHXH_TN_SUPPORT' && req.kind !== 'BHYT_HGD_SUPPORT') throw new AppError('VALIDATION', 'Giá trị phải lớn hơn 0.');
  const repo = new ContributionRepository(ctx.store);
  const id = await ctx.store.transaction(async () => {
    const same = (await repo.rules(req.kind)).find((r) => r.subject === subject && r.validFrom === req.validFrom);
    if (same) {
      throw new AppError('VALIDATION', `Đã có mức "${describe(same)}" hiệu lực từ ${formatDate(same.validFrom)} (${same.source}). Muốn thay đổi, hãy kết thúc mức đó rồi thêm mức mới với ngày hiệu lực khác.`);
    }
    const newId = await repo.insert({
      kind: req.kind, subject, value: req.value, validFrom: req.validFrom, validTo: req.validTo ?? null, source: req.source, note: req.note ?? null, createdBy: ctx.actor, createdAt: isoNow(ctx),
    });
    await recordAudit(
      ctx.store, ctx.actor,
      {
        action: 'create', entity: 'contribution_rule', entityKey: String(newId),
        summary: `Thêm mức đóng "${describe({ ...req, subject })}", hiệu lực từ ${formatDate(req.validFrom)}${req.validTo ? ` đến ${formatDate(req.validTo)}` : ''} (${req.source})`,
        details: { kind: req.kind, subject, value: req.value, validFrom: req.validFrom, validTo: req.validTo ?? null, source: req.source },
      },
      ctx.now(),
    );
    return newId;
  });
  ctx.events.emit({ type: 'data-changed', area: 'contributions' });
  return (await listRules(ctx)).find((r) => r.id === id)!;
}

/** Ends a row on a day: it stays for the dates before; one transaction with its audit row. */
export async function endRule(ctx: CoreContext, req: ParsedRequestOf<'calc:endRule'>): Promise<ContributionRuleRow> {
  const repo = new ContributionRepository(ctx.store);
  await ctx.store.transaction(async () => {
    const rule = (await repo.rules()).find((r) => r.id === req.id);
    if (!rule) throw new AppError('NOT_FOUND', 'Không tìm thấy mức đóng này (có thể đã bị xóa khỏi dữ liệu).');
    if (req.validTo < rule.validFrom) throw new AppError('VALIDATION', `Ngày kết thúc không được trước ngày hiệu lực ${formatDate(rule.validFrom)}.`);
    await repo.end(rule.id, req.validTo, ctx.actor, isoNow(ctx));
    await recordAudit(
      ctx.store, ctx.actor,
      { action: 'update', entity: 'contribution_rule', entityKey: String(rule.id), summary: `Kết thúc mức đóng "${describe(rule)}" từ sau ngày ${formatDate(req.validTo)}`, details: { validTo: req.validTo, before: rule.validTo } },
      ctx.now(),
    );
  });
  ctx.events.emit({ type: 'data-changed', area: 'contributions' });
  return (await listRules(ctx)).find((r) => r.id === req.id)!;
}

export async function calcBhxhTn(ctx: CoreContext, req: ParsedRequestOf<'calc:bhxhTn'>): Promise<BhxhTnResult> {
  return bhxhTn(await new ContributionRepository(ctx.store).rules(), req);
}

export async function calcBhytHgd(ctx: CoreContext, req: ParsedRequestOf<'calc:bhytHgd'>): Promise<BhytHgdResult> {
  return bhytHgd(await new ContributionRepository(ctx.store).rules(), req);
}
