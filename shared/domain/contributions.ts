/**
 * Contribution rules (mức đóng): every rate, income floor, base salary and support share is a
 * dated row with its legal source, kept in the contribution_rules table (migration 17) so a new
 * decree is a new row, never a code change. This file names the kinds of rows and the groups.
 */

/** What a rule row gives. Money rows are whole đồng; percent rows are percents (22 = 22%). */
export const RULE_KINDS = [
  'BHXH_TN_RATE',
  'POVERTY_LINE',
  'BASE_SALARY',
  'BHXH_TN_MAX_MULTIPLE',
  'BHXH_TN_SUPPORT',
  'BHXH_TN_DISCOUNT',
  'BHYT_HGD_RATE',
  'BHYT_HGD_RANK',
  'BHYT_HGD_SUPPORT',
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export type RuleUnit = 'money' | 'percent' | 'multiple';

export interface RuleKindDef {
  label: string;
  unit: RuleUnit;
  /** The subjects a row of this kind is for (a support group, a member's rank); empty: none. */
  subjects: readonly string[];
  help: string;
}

/** Support groups of voluntary BHXH (NĐ 134/2015, NĐ 159/2025). */
export const BHXH_TN_GROUPS = ['poor', 'near-poor', 'ethnic', 'other'] as const;
export type BhxhTnGroup = (typeof BHXH_TN_GROUPS)[number];
export const BHXH_TN_GROUP_LABELS: Record<BhxhTnGroup, string> = {
  poor: 'Hộ nghèo',
  'near-poor': 'Hộ cận nghèo',
  ethnic: 'Người dân tộc thiểu số',
  other: 'Đối tượng khác',
};

/** Household BHYT members: no support, or a group the budget supports. */
export const BHYT_HGD_GROUPS = ['none', 'near-poor', 'farm'] as const;
export type BhytHgdGroup = (typeof BHYT_HGD_GROUPS)[number];
export const BHYT_HGD_GROUP_LABELS: Record<BhytHgdGroup, string> = {
  none: 'Không thuộc nhóm được hỗ trợ',
  'near-poor': 'Hộ cận nghèo',
  farm: 'Hộ nông, lâm, ngư, diêm nghiệp có mức sống trung bình',
};

/** A member's rank in the household: 1st to 4th, then 5th and after. */
export const BHYT_HGD_RANKS = ['1', '2', '3', '4', '5'] as const;
/** A household member's rank ('1'…'5') from their place (0-based): the 5th member and every one after pay as the 5th. */
export function memberRank(index: number): string {
  return String(Math.min(index + 1, 5));
}

export const BHYT_HGD_RANK_LABELS: Record<string, string> = {
  '1': 'Người thứ nhất',
  '2': 'Người thứ hai',
  '3': 'Người thứ ba',
  '4': 'Người thứ tư',
  '5': 'Người thứ năm trở đi',
};

export const RULE_KIND_DEFS: Record<RuleKind, RuleKindDef> = {
  BHXH_TN_RATE: { label: 'Tỷ lệ đóng BHXH tự nguyện', unit: 'percent', subjects: [], help: '% thu nhập tháng người tham gia chọn' },
  POVERTY_LINE: { label: 'Chuẩn nghèo khu vực nông thôn (thu nhập tối thiểu)', unit: 'money', subjects: [], help: 'Mức thu nhập thấp nhất được chọn để đóng BHXH tự nguyện' },
  BASE_SALARY: { label: 'Mức lương cơ sở', unit: 'money', subjects: [], help: 'Căn cứ tính mức đóng BHYT và mức thu nhập cao nhất' },
  BHXH_TN_MAX_MULTIPLE: { label: 'Thu nhập cao nhất (số lần lương cơ sở)', unit: 'multiple', subjects: [], help: 'Thu nhập cao nhất = số lần × mức lương cơ sở' },
  BHXH_TN_SUPPORT: { label: 'Nhà nước hỗ trợ BHXH tự nguyện', unit: 'percent', subjects: BHXH_TN_GROUPS, help: '% mức đóng tính trên thu nhập bằng chuẩn nghèo nông thôn' },
  BHXH_TN_DISCOUNT: { label: 'Lãi suất chiết khấu khi đóng một lần cho nhiều năm về sau', unit: 'percent', subjects: [], help: '%/năm do BHXH Việt Nam công bố' },
  BHYT_HGD_RATE: { label: 'Tỷ lệ đóng BHYT hộ gia đình (người thứ nhất)', unit: 'percent', subjects: [], help: '% mức lương cơ sở' },
  BHYT_HGD_RANK: { label: 'Mức đóng theo thứ tự thành viên', unit: 'percent', subjects: BHYT_HGD_RANKS, help: '% mức đóng của người thứ nhất' },
  BHYT_HGD_SUPPORT: { label: 'Ngân sách hỗ trợ BHYT hộ gia đình (tối thiểu)', unit: 'percent', subjects: ['near-poor', 'farm'], help: '% mức đóng của thành viên; tỉnh có thể hỗ trợ cao hơn' },
};

export function subjectLabel(kind: RuleKind, subject: string | null): string {
  if (subject === null) return '';
  if (kind === 'BHXH_TN_SUPPORT') return BHXH_TN_GROUP_LABELS[subject as BhxhTnGroup] ?? subject;
  if (kind === 'BHYT_HGD_SUPPORT') return BHYT_HGD_GROUP_LABELS[subject as BhytHgdGroup] ?? subject;
  if (kind === 'BHYT_HGD_RANK') return BHYT_HGD_RANK_LABELS[subject] ?? subject;
  return subject;
}

/** Ways of paying voluntary BHXH: every month, every 3, 6 or 12 months, or once for several years ahead. */
export const PAY_MODES = ['1', '3', '6', '12', 'years'] as const;
export type PayMode = (typeof PAY_MODES)[number];
export const PAY_MODE_LABELS: Record<PayMode, string> = {
  '1': 'Hằng tháng',
  '3': '3 tháng một lần',
  '6': '6 tháng một lần',
  '12': '12 tháng một lần',
  years: 'Một lần cho nhiều năm về sau',
};
/** At most this many years ahead in one payment (Luật BHXH: không quá 5 năm). */
export const MAX_YEARS_AHEAD = 5;
/** Longest span a household BHYT card is bought for at once. */
export const MAX_BHYT_MONTHS = 12;

/** A rule's value as printed: "2.340.000 đ", "4,5%", "20 lần". */
export function ruleValueText(unit: RuleUnit, value: number): string {
  const n = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(value);
  return unit === 'money' ? `${n} đ` : unit === 'percent' ? `${n}%` : `${n} lần`;
}
