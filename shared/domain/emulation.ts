/**
 * Emulation (thi đua) vocabulary (DOMAIN.md, "Emulation"): who is ranked (levels), on what
 * (criterion measures) and the awards recorded. Codes are stored; labels are what users read.
 * How a measure's value turns into points lives in shared/calc/emulation.ts.
 */

/** unit: a grassroots office (BHXH cơ sở) over the communes it serves; agent: a collection agent; staff: an agent's staff member. */
export const EMULATION_LEVELS = ['unit', 'agent', 'staff'] as const;
export type EmulationLevel = (typeof EMULATION_LEVELS)[number];

export const EMULATION_LEVEL_LABELS: Record<EmulationLevel, string> = {
  unit: 'BHXH cơ sở',
  agent: 'Tổ chức dịch vụ thu',
  staff: 'Nhân viên thu',
};

/** "Bảng xếp hạng thi đua các …": the printed title's noun for each level. */
export const EMULATION_LEVEL_PLURAL: Record<EmulationLevel, string> = {
  unit: 'đơn vị BHXH cơ sở',
  agent: 'tổ chức dịch vụ thu',
  staff: 'nhân viên thu',
};

export const EMULATION_MEASURES = [
  'TN_TARGET_PCT', 'HGD_TARGET_PCT', 'TN_GROWTH', 'HGD_GROWTH', 'CAMPAIGNS_HELD', 'NETWORK_COVERAGE',
  'NEW_TN_PCT', 'NEW_HGD_PCT', 'NEW_GROWTH',
] as const;
export type EmulationMeasure = (typeof EMULATION_MEASURES)[number];

/**
 * How a value reads and scores:
 * - percent: a ratio against a plan or a whole (0.9523 = 95,23%); benchmark a ratio (1 = 100%);
 * - growth: a relative change on the same period last year (0.12 = +12%); benchmark the growth that earns the full weight;
 * - count: a number per period; benchmark stated per quarter, so a year's benchmark is four times it.
 */
export type MeasureKind = 'percent' | 'growth' | 'count';

export interface EmulationMeasureDef {
  code: EmulationMeasure;
  label: string;
  /** Column heading of rankings and exports. */
  shortLabel: string;
  kind: MeasureKind;
  levels: readonly EmulationLevel[];
  /** How the value is worked out, in words (criteria screen, notes under the printed table). */
  description: string;
}

export const EMULATION_MEASURE_DEFS: Record<EmulationMeasure, EmulationMeasureDef> = {
  TN_TARGET_PCT: {
    code: 'TN_TARGET_PCT', label: 'Tỷ lệ hoàn thành kế hoạch BHXH tự nguyện', shortLabel: '% KH BHXH TN', kind: 'percent', levels: ['unit'],
    description: 'Số người tham gia BHXH tự nguyện cuối kỳ ÷ kế hoạch năm (kế hoạch điều chỉnh nếu có).',
  },
  HGD_TARGET_PCT: {
    code: 'HGD_TARGET_PCT', label: 'Tỷ lệ hoàn thành kế hoạch BHYT hộ gia đình', shortLabel: '% KH BHYT HGĐ', kind: 'percent', levels: ['unit'],
    description: 'Số người tham gia BHYT hộ gia đình cuối kỳ ÷ kế hoạch năm (kế hoạch điều chỉnh nếu có).',
  },
  TN_GROWTH: {
    code: 'TN_GROWTH', label: 'Tăng trưởng BHXH tự nguyện so với cùng kỳ', shortLabel: 'Tăng BHXH TN so cùng kỳ', kind: 'growth', levels: ['unit'],
    description: '(Số người cuối kỳ − cùng kỳ năm trước) ÷ cùng kỳ năm trước.',
  },
  HGD_GROWTH: {
    code: 'HGD_GROWTH', label: 'Tăng trưởng BHYT hộ gia đình so với cùng kỳ', shortLabel: 'Tăng BHYT HGĐ so cùng kỳ', kind: 'growth', levels: ['unit'],
    description: '(Số người cuối kỳ − cùng kỳ năm trước) ÷ cùng kỳ năm trước.',
  },
  CAMPAIGNS_HELD: {
    code: 'CAMPAIGNS_HELD', label: 'Số buổi tuyên truyền, hội nghị đã tổ chức', shortLabel: 'Buổi tuyên truyền', kind: 'count', levels: ['unit', 'agent'],
    description: 'Số buổi của các hoạt động tuyên truyền bắt đầu trong kỳ (của đơn vị, hoặc có tổ chức dịch vụ thu phối hợp).',
  },
  NETWORK_COVERAGE: {
    code: 'NETWORK_COVERAGE', label: 'Tỷ lệ xã, phường có điểm thu', shortLabel: '% xã có điểm thu', kind: 'percent', levels: ['unit'],
    description: 'Số xã, phường đơn vị phụ trách có điểm thu đang mở cuối kỳ ÷ số xã, phường đơn vị phụ trách.',
  },
  NEW_TN_PCT: {
    code: 'NEW_TN_PCT', label: 'Tỷ lệ hoàn thành chỉ tiêu BHXH tự nguyện tăng mới', shortLabel: '% CT BHXH TN tăng mới', kind: 'percent', levels: ['agent', 'staff'],
    description: 'Người tham gia BHXH tự nguyện tăng mới trong kỳ ÷ chỉ tiêu năm chia theo số tháng của kỳ (quý: 3/12).',
  },
  NEW_HGD_PCT: {
    code: 'NEW_HGD_PCT', label: 'Tỷ lệ hoàn thành chỉ tiêu BHYT hộ gia đình tăng mới', shortLabel: '% CT BHYT HGĐ tăng mới', kind: 'percent', levels: ['agent', 'staff'],
    description: 'Người tham gia BHYT hộ gia đình tăng mới trong kỳ ÷ chỉ tiêu năm chia theo số tháng của kỳ (quý: 3/12).',
  },
  NEW_GROWTH: {
    code: 'NEW_GROWTH', label: 'Tăng trưởng người tham gia mới so với cùng kỳ', shortLabel: 'Tăng mới so cùng kỳ', kind: 'growth', levels: ['agent', 'staff'],
    description: '(Người tăng mới BHXH TN và BHYT HGĐ trong kỳ − cùng kỳ năm trước) ÷ cùng kỳ năm trước.',
  },
};

export function measuresOf(level: EmulationLevel): EmulationMeasure[] {
  return EMULATION_MEASURES.filter((m) => EMULATION_MEASURE_DEFS[m].levels.includes(level));
}

/** Award kinds (hình thức khen thưởng); the title itself is free text ("Giấy khen của Giám đốc BHXH tỉnh"). */
export const AWARD_KINDS = ['GIAY_KHEN', 'BANG_KHEN', 'CO_THI_DUA', 'CHIEN_SI_THI_DUA', 'TAP_THE_LAO_DONG_XUAT_SAC', 'OTHER'] as const;
export type AwardKind = (typeof AWARD_KINDS)[number];

export const AWARD_KIND_LABELS: Record<AwardKind, string> = {
  GIAY_KHEN: 'Giấy khen',
  BANG_KHEN: 'Bằng khen',
  CO_THI_DUA: 'Cờ thi đua',
  CHIEN_SI_THI_DUA: 'Chiến sĩ thi đua',
  TAP_THE_LAO_DONG_XUAT_SAC: 'Tập thể lao động xuất sắc',
  OTHER: 'Hình thức khác',
};

/** No award pays a billion đồng: above this is a typing slip. */
export const MAX_AWARD_AMOUNT = 1_000_000_000;
