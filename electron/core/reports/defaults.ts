import type { ReportDefinition } from '../../../shared/contract';
import { lastClosedMonth } from '../../../shared/domain/periods';
import { localToday, type CoreContext } from '../app/context';
import { UnitRepository } from '../units/repository';
import { cleanName } from './scope';
import { SECTIONS } from './sections';

export const DEFAULT_RECIPIENTS = [
  'Ban Chỉ đạo tỉnh (để báo cáo);',
  'BHXH Việt Nam (để báo cáo);',
  'UBND tỉnh (để báo cáo);',
  'Giám đốc, các Phó Giám đốc;',
  'BHXH cơ sở;',
  'Lưu: VT, QLT.',
];

/**
 * A new report: the last month whose data is cut off (shared lastClosedMonth, as the dashboard),
 * every default section, the province's name as the place.
 */
export async function defaultDefinition(ctx: CoreContext, req: { period?: string; scopeCode?: string | null }): Promise<ReportDefinition> {
  const today = localToday(ctx.now());
  const period = req.period ?? lastClosedMonth(today);
  const provinces = await new UnitRepository(ctx.store).list({ level: 'province', asOf: today });
  const place = provinces.length === 1 ? cleanName(provinces[0]!.name).replace(/^(Tỉnh|Thành phố)\s+/i, '') : '';
  return {
    period,
    scopeCode: req.scopeCode ?? null,
    groupBy: 'unit',
    sort: 'progress-desc',
    indicatorCodes: ['BHXH_TN', 'BHYT_HGD'],
    sections: SECTIONS.filter((s) => s.info.defaultOn).map((s) => (s.info.editable ? { id: s.info.id, text: '' } : { id: s.info.id })),
    docNumber: '/BC-BHXH',
    place,
    issueDate: null,
    subject: '',
    recipients: DEFAULT_RECIPIENTS,
    signerAuthority: 'KT. GIÁM ĐỐC',
    signerTitle: 'PHÓ GIÁM ĐỐC',
    signerName: '',
  };
}
