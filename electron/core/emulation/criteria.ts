import { AppError, type CriteriaSet, type Criterion, type ParsedRequestOf } from '../../../shared/contract';
import { criteriaProblem, maxPoints, setInForce } from '../../../shared/calc/emulation';
import { EMULATION_LEVEL_LABELS, EMULATION_MEASURE_DEFS, measuresOf, type EmulationLevel } from '../../../shared/domain/emulation';
import { formatDate } from '../../../shared/format/vi';
import { recordAudit } from '../audit/audit';
import { isoNow, localToday, type CoreContext } from '../app/context';
import { EmulationRepository, type StoredCriterion, type StoredSet } from './repository';

export function toCriterion(c: StoredCriterion): Criterion {
  const def = EMULATION_MEASURE_DEFS[c.measure];
  return { position: c.position, measure: c.measure, label: def.label, shortLabel: def.shortLabel, kind: def.kind, weight: c.weight, benchmark: c.benchmark, cap: c.cap };
}

function toSet(s: StoredSet, currentId: number | null): CriteriaSet {
  return { ...s, criteria: s.criteria.map(toCriterion), maxPoints: maxPoints(s.criteria), current: s.id === currentId };
}

/** Dated sets, newest first; the one in force today is marked. */
export async function listCriteriaSets(ctx: CoreContext, level?: EmulationLevel): Promise<CriteriaSet[]> {
  const sets = await new EmulationRepository(ctx.store).sets(level);
  const today = localToday(ctx.now());
  const current = new Set<number>();
  for (const l of level ? [level] : (['unit', 'agent', 'staff'] as const)) {
    const s = setInForce(sets.filter((x) => x.level === l), today);
    if (s) current.add(s.id);
  }
  return sets.map((s) => toSet(s, current.has(s.id) ? s.id : null));
}

/** The set a period ending on `day` is scored with. */
export async function setFor(ctx: CoreContext, level: EmulationLevel, day: string): Promise<StoredSet> {
  const set = setInForce(await new EmulationRepository(ctx.store).sets(level), day);
  if (!set) throw new AppError('NOT_FOUND', `Chưa có bộ tiêu chí thi đua cho ${EMULATION_LEVEL_LABELS[level].toLocaleLowerCase('vi')} có hiệu lực ngày ${formatDate(day)}.`);
  return set;
}

/**
 * A new dated set. Criteria are never edited in place: a change is a new set starting later
 * than the latest one of its level, so every ranking of a period before it stays as it was.
 * One transaction with its audit row.
 */
export async function saveCriteriaSet(ctx: CoreContext, req: ParsedRequestOf<'emulation:saveCriteriaSet'>): Promise<CriteriaSet> {
  const problem = criteriaProblem(req.criteria, measuresOf(req.level));
  if (problem) throw new AppError('VALIDATION', problem);
  const repo = new EmulationRepository(ctx.store);
  const id = await ctx.store.transaction(async () => {
    const latest = (await repo.sets(req.level))[0];
    if (latest && req.validFrom <= latest.validFrom) {
      throw new AppError(
        'VALIDATION',
        `Bộ tiêu chí mới phải có hiệu lực sau ngày ${formatDate(latest.validFrom)} (ngày hiệu lực của "${latest.name}"), để bảng xếp hạng các kỳ trước không thay đổi.`,
      );
    }
    const newId = await repo.insertSet(
      { name: req.name, level: req.level, validFrom: req.validFrom, validTo: req.validTo ?? null, decisionNo: req.decisionNo ?? null, note: req.note ?? null, createdBy: ctx.actor, createdAt: isoNow(ctx) },
      req.criteria,
    );
    const weights = req.criteria.map((c) => `${EMULATION_MEASURE_DEFS[c.measure].shortLabel} ${c.weight}`).join(', ');
    await recordAudit(
      ctx.store,
      ctx.actor,
      {
        action: 'create', entity: 'emulation_criteria_set', entityKey: String(newId),
        summary: `Lập bộ tiêu chí thi đua "${req.name}" (${EMULATION_LEVEL_LABELS[req.level]}), hiệu lực từ ${formatDate(req.validFrom)}: ${weights}`,
        details: { level: req.level, validFrom: req.validFrom, validTo: req.validTo ?? null, criteria: req.criteria },
      },
      ctx.now(),
    );
    return newId;
  });
  ctx.events.emit({ type: 'data-changed', area: 'emulation' });
  const sets = await listCriteriaSets(ctx, req.level);
  return sets.find((s) => s.id === id)!;
}
