/**
 * The indicator catalogue of DOMAIN.md. Counts are whole people; rates are derived from
 * numerators and denominators and never stored twice.
 */
export type IndicatorKind = 'count' | 'money' | 'rate';

export interface IndicatorDef {
  code: string;
  name: string;
  shortName: string;
  kind: IndicatorKind;
  unitLabel: string;
  /** For rates: the counts summed on top and the denominator below. */
  numerators: string[] | null;
  denominator: string | null;
  description: string;
}

export const INDICATORS: readonly IndicatorDef[] = [
  { code: 'BHXH_BB', name: 'Người tham gia BHXH bắt buộc', shortName: 'BHXH bắt buộc', kind: 'count', unitLabel: 'người', numerators: null, denominator: 'LABOUR', description: 'Người lao động tham gia BHXH bắt buộc' },
  { code: 'BHXH_TN', name: 'Người tham gia BHXH tự nguyện', shortName: 'BHXH tự nguyện', kind: 'count', unitLabel: 'người', numerators: null, denominator: 'LABOUR', description: 'Nông dân, lao động phi chính thức tham gia BHXH tự nguyện' },
  { code: 'BHTN', name: 'Người tham gia BH thất nghiệp', shortName: 'BHTN', kind: 'count', unitLabel: 'người', numerators: null, denominator: 'LABOUR', description: 'Người tham gia bảo hiểm thất nghiệp' },
  { code: 'BHYT', name: 'Người tham gia BHYT (tất cả các nhóm)', shortName: 'BHYT', kind: 'count', unitLabel: 'người', numerators: null, denominator: 'POP', description: 'Tổng số người có thẻ BHYT' },
  { code: 'BHYT_HGD', name: 'Người tham gia BHYT hộ gia đình', shortName: 'BHYT hộ gia đình', kind: 'count', unitLabel: 'người', numerators: null, denominator: 'POP', description: 'Thành viên hộ gia đình tự đóng BHYT' },
  { code: 'BHYT_NSHT', name: 'Người tham gia BHYT được NSNN hỗ trợ', shortName: 'BHYT NSNN hỗ trợ', kind: 'count', unitLabel: 'người', numerators: null, denominator: 'POP', description: 'Cận nghèo, hộ nông lâm ngư nghiệp có mức sống trung bình …' },
  { code: 'POP', name: 'Dân số', shortName: 'Dân số', kind: 'count', unitLabel: 'người', numerators: null, denominator: null, description: 'Mẫu số của tỷ lệ bao phủ BHYT' },
  { code: 'LABOUR', name: 'Lực lượng lao động trong độ tuổi', shortName: 'LLLĐ trong độ tuổi', kind: 'count', unitLabel: 'người', numerators: null, denominator: null, description: 'Mẫu số của tỷ lệ bao phủ BHXH, BHTN' },
  { code: 'COV_BHYT', name: 'Tỷ lệ bao phủ BHYT', shortName: 'Bao phủ BHYT', kind: 'rate', unitLabel: '%', numerators: ['BHYT'], denominator: 'POP', description: 'BHYT ÷ dân số' },
  { code: 'COV_BHXH', name: 'Tỷ lệ bao phủ BHXH', shortName: 'Bao phủ BHXH', kind: 'rate', unitLabel: '%', numerators: ['BHXH_BB', 'BHXH_TN'], denominator: 'LABOUR', description: '(BHXH bắt buộc + BHXH tự nguyện) ÷ lực lượng lao động trong độ tuổi' },
  { code: 'COV_BHTN', name: 'Tỷ lệ bao phủ BHTN', shortName: 'Bao phủ BHTN', kind: 'rate', unitLabel: '%', numerators: ['BHTN'], denominator: 'LABOUR', description: 'BHTN ÷ lực lượng lao động trong độ tuổi' },
  { code: 'SHARE_BHXH_TN', name: 'Tỷ lệ tham gia BHXH tự nguyện', shortName: 'Tỷ lệ BHXH TN', kind: 'rate', unitLabel: '%', numerators: ['BHXH_TN'], denominator: 'LABOUR', description: 'BHXH tự nguyện ÷ lực lượng lao động trong độ tuổi' },
];

export const COUNT_INDICATOR_CODES = INDICATORS.filter((i) => i.kind === 'count').map((i) => i.code);

export function indicatorByCode(code: string): IndicatorDef | undefined {
  return INDICATORS.find((i) => i.code === code);
}
