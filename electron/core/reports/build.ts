import { AppError, type ReportDefinition, type ReportDocument, type ReportSection } from '../../../shared/contract';
import { indicatorByCode } from '../../../shared/domain/indicators';
import { figuresDay, monthLabel, parseYm, treeDateOf } from '../../../shared/domain/periods';
import { formatDate } from '../../../shared/format/vi';
import { localToday, type CoreContext } from '../app/context';
import { revisions } from '../db/revisions';
import { issuerFor } from '../exports/appExports';
import { Figures } from '../results/compare';
import { UnitRepository } from '../units/repository';
import { resolveScope } from './scope';
import { sectionById } from './sections';
import type { SectionContext } from './sections/types';
import { ISSUER_PARENT, NATIONAL_MOTTO, NATIONAL_MOTTO_SUB, placeDateLine } from '../../../shared/domain/documents';

const NBSP4 = '\u00a0'.repeat(4);

export function romanNumeral(n: number): string {
  const table: [number, string][] = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [value, letters] of table) {
    while (n >= value) {
      out += letters;
      n -= value;
    }
  }
  return out;
}

/** Results, targets and units revisions: a saved report whose stamp differs shows "data changed". */
export async function dataStamp(ctx: CoreContext): Promise<string> {
  const r = await revisions(ctx.store);
  return `${r.results}.${r.targets}.${r.units}`;
}

/**
 * Builds the whole document from the data now. Sections run in the order chosen; a section
 * id the catalogue does not know is refused rather than silently dropped.
 */
export async function buildReport(ctx: CoreContext, def: ReportDefinition): Promise<ReportDocument> {
  const ym = parseYm(def.period)!;
  const today = localToday(ctx.now());
  // Figures would quietly fall back to the current month (or be empty): refuse instead.
  if (def.period > today.slice(0, 7)) throw new AppError('VALIDATION', `Tháng ${monthLabel(def.period)} chưa đến: chưa có số liệu để báo cáo.`);
  // The day the figures stand at: the month's cut-off, or today while the month is still running.
  const cutoff = figuresDay(def.period, today);
  const figures = await Figures.open(ctx, { kind: 'month', year: ym.year, index: ym.month }, treeDateOf(def.period, today), { trend: def.indicatorCodes });
  const scope = await resolveScope(ctx, figures, def);
  const indicators = def.indicatorCodes.map((code) => {
    const d = indicatorByCode(code);
    if (!d || d.kind !== 'count') throw new AppError('VALIDATION', `Chỉ tiêu "${code}" không dùng được cho bảng theo đơn vị (chỉ chọn chỉ tiêu đếm số người).`);
    return d;
  });
  const sc: SectionContext = {
    ctx, def, figures, scope, indicators,
    month: figures.month, year: ym.year, monthIndex: Number(figures.month.slice(5)),
    endLastYearLabel: `31/12/${ym.year - 1}`,
    cutoffLabel: formatDate(cutoff),
  };
  const sections: ReportSection[] = [];
  for (const [i, choice] of def.sections.entries()) {
    const section = sectionById(choice.id);
    if (!section) throw new AppError('VALIDATION', `Báo cáo không có phần "${choice.id}".`);
    const body = await section.build(sc, choice);
    sections.push({ id: choice.id, heading: `${romanNumeral(i + 1)}. ${body.title}`, orientation: body.orientation, blocks: body.blocks });
  }

  const isProvince = scope.focus === figures.focus(null);
  const placeDate = placeDateLine(def.place, def.issueDate, today.slice(0, 4));
  const subtitle = def.subject || `Kết quả thực hiện công tác phát triển người tham gia BHXH, BHYT tháng ${sc.month.slice(5)} năm ${sc.year}${isProvince ? '' : ` — ${scope.name}`}`;
  const unitScope = def.scopeCode && figures.tree.byCode.has(def.scopeCode) ? def.scopeCode : null;
  // An office reports under its own name, with the province office above it (Decree 30).
  const province = await issuerFor(ctx, unitScope);
  const office = scope.officeName;
  return {
    definition: def,
    header: {
      issuerParent: office ? province : ISSUER_PARENT,
      issuer: office ? office.toLocaleUpperCase('vi') : province,
      motto: NATIONAL_MOTTO,
      mottoSub: NATIONAL_MOTTO_SUB,
      // "Số:      /BC-BHXH": the number is written in by the clerk who registers the document.
      docNumber: def.docNumber.startsWith('/') ? `Số:${NBSP4}${NBSP4}${def.docNumber}` : `Số: ${def.docNumber}`,
      placeDate,
      title: 'BÁO CÁO',
      subtitle,
      cutoff: `(Số liệu tính đến ngày ${sc.cutoffLabel})`,
    },
    scopeName: scope.name,
    month: sc.month,
    cutoffDate: cutoff,
    sections,
    recipients: def.recipients.filter((r) => r.trim() !== ''),
    signature: { authority: def.signerAuthority, title: def.signerTitle, name: def.signerName },
    isDemo: await new UnitRepository(ctx.store).hasDemo(),
    builtAt: ctx.now().toISOString(),
    dataStamp: await dataStamp(ctx),
  };
}
