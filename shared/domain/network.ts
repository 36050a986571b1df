/**
 * The collection-agent network's vocabulary (DOMAIN.md, "Agent network"): agent kinds, statuses,
 * staff roles and the flow measures counted per agent and per staff member. Codes are stored;
 * labels are what users read; aliases are the words offices type in their lists.
 */
import { foldText } from '../text/fold';

export const AGENT_KINDS = ['POST', 'COMMUNE', 'WOMEN', 'FARMERS', 'VETERANS', 'YOUTH', 'VIETTEL', 'TEAM', 'OTHER'] as const;
export type AgentKind = (typeof AGENT_KINDS)[number];

export const AGENT_KIND_LABELS: Record<AgentKind, string> = {
  POST: 'Bưu điện',
  COMMUNE: 'UBND xã, phường',
  WOMEN: 'Hội Liên hiệp Phụ nữ',
  FARMERS: 'Hội Nông dân',
  VETERANS: 'Hội Cựu chiến binh',
  YOUTH: 'Đoàn Thanh niên',
  VIETTEL: 'Viettel',
  TEAM: 'Tổ thu của BHXH cơ sở',
  OTHER: 'Tổ chức khác',
};

/** Folded words that name a kind, longest checked first so "hoi nong dan" wins over "nong dan". */
const KIND_ALIASES: [string, AgentKind][] = (
  [
    ['buu dien', 'POST'], ['buu chinh', 'POST'], ['vnpost', 'POST'], ['bd', 'POST'], ['buu cuc', 'POST'],
    ['ubnd', 'COMMUNE'], ['uy ban nhan dan', 'COMMUNE'], ['ubnd xa', 'COMMUNE'], ['ubnd xa thi tran', 'COMMUNE'], ['ubnd xa phuong', 'COMMUNE'], ['xa phuong', 'COMMUNE'],
    ['hoi phu nu', 'WOMEN'], ['hoi lhpn', 'WOMEN'], ['lhpn', 'WOMEN'], ['phu nu', 'WOMEN'], ['hoi lien hiep phu nu', 'WOMEN'],
    ['hoi nong dan', 'FARMERS'], ['hoi nd', 'FARMERS'], ['nong dan', 'FARMERS'],
    ['hoi cuu chien binh', 'VETERANS'], ['cuu chien binh', 'VETERANS'], ['hoi ccb', 'VETERANS'], ['ccb', 'VETERANS'],
    ['doan thanh nien', 'YOUTH'], ['thanh nien', 'YOUTH'], ['doan tn', 'YOUTH'],
    ['viettel', 'VIETTEL'], ['viettel post', 'VIETTEL'],
    ['to thu', 'TEAM'], ['to dich vu thu', 'TEAM'], ['doi thu', 'TEAM'],
    ['khac', 'OTHER'], ['to chuc khac', 'OTHER'], ['hop tac xa', 'OTHER'], ['doanh nghiep', 'OTHER'],
  ] as [string, AgentKind][]
).sort((a, b) => b[0].length - a[0].length);

/** The kind a typed text names ("Bưu điện", "Hội LHPN xã", "POST"), or null. */
export function agentKindOf(text: string): AgentKind | null {
  const upper = text.trim().toUpperCase();
  if ((AGENT_KINDS as readonly string[]).includes(upper)) return upper as AgentKind;
  const key = foldText(text);
  if (!key) return null;
  for (const [alias, kind] of KIND_ALIASES) if (key === alias || key.startsWith(alias + ' ')) return kind;
  for (const [alias, kind] of KIND_ALIASES) if (alias.length > 3 && ` ${key} `.includes(` ${alias} `)) return kind;
  return null;
}

export const AGENT_STATUSES = ['active', 'suspended', 'ended'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];
export const AGENT_STATUS_LABELS: Record<AgentStatus, string> = { active: 'Đang hoạt động', suspended: 'Tạm dừng', ended: 'Đã chấm dứt' };

/** An agent's code belongs to a product line (QĐ 1155: voluntary BHXH and household BHYT are contracted apart). */
export const AGENT_PRODUCTS = ['ALL', 'BHXH_TN', 'BHYT_HGD'] as const;
export type AgentProduct = (typeof AGENT_PRODUCTS)[number];
export const AGENT_PRODUCT_LABELS: Record<AgentProduct, string> = { ALL: 'BHXH TN và BHYT HGĐ', BHXH_TN: 'BHXH tự nguyện', BHYT_HGD: 'BHYT hộ gia đình' };

export const STAFF_ROLES = ['staff', 'collaborator'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const STAFF_ROLE_LABELS: Record<StaffRole, string> = { staff: 'Nhân viên thu', collaborator: 'Cộng tác viên' };

export const STAFF_STATUSES = ['active', 'paused', 'left'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];
export const STAFF_STATUS_LABELS: Record<StaffStatus, string> = { active: 'Đang làm', paused: 'Tạm nghỉ', left: 'Đã nghỉ' };

/**
 * What an agent or a staff member delivers in a period: flows, not stocks on the unit tree.
 * Counts are people, amounts whole đồng, split by product so commission can be paid per product.
 */
export const FLOW_MEASURES = ['NEW_TN', 'NEW_HGD', 'RENEW', 'LAPSE', 'AMOUNT_TN', 'AMOUNT_HGD'] as const;
export type FlowMeasure = (typeof FLOW_MEASURES)[number];

export interface FlowMeasureDef {
  code: FlowMeasure;
  label: string;
  shortLabel: string;
  kind: 'count' | 'money';
}

export const FLOW_MEASURE_DEFS: Record<FlowMeasure, FlowMeasureDef> = {
  NEW_TN: { code: 'NEW_TN', label: 'Người tham gia BHXH tự nguyện tăng mới', shortLabel: 'BHXH TN tăng mới', kind: 'count' },
  NEW_HGD: { code: 'NEW_HGD', label: 'Người tham gia BHYT hộ gia đình tăng mới', shortLabel: 'BHYT HGĐ tăng mới', kind: 'count' },
  RENEW: { code: 'RENEW', label: 'Người tái tục (đóng tiếp)', shortLabel: 'Tái tục', kind: 'count' },
  LAPSE: { code: 'LAPSE', label: 'Người giảm (ngừng đóng)', shortLabel: 'Giảm', kind: 'count' },
  AMOUNT_TN: { code: 'AMOUNT_TN', label: 'Số tiền thu BHXH tự nguyện', shortLabel: 'Tiền thu BHXH TN', kind: 'money' },
  AMOUNT_HGD: { code: 'AMOUNT_HGD', label: 'Số tiền thu BHYT hộ gia đình', shortLabel: 'Tiền thu BHYT HGĐ', kind: 'money' },
};

/** The measures a new participant is counted in: a staff member with none of them for months is inactive. */
export const NEW_PARTICIPANT_MEASURES: readonly FlowMeasure[] = ['NEW_TN', 'NEW_HGD'];

/** Products commission is paid on, each with the measures its two bases read. */
export const COMMISSION_PRODUCTS = {
  BHXH_TN: { newMeasure: 'NEW_TN', amountMeasure: 'AMOUNT_TN', label: 'BHXH tự nguyện' },
  BHYT_HGD: { newMeasure: 'NEW_HGD', amountMeasure: 'AMOUNT_HGD', label: 'BHYT hộ gia đình' },
} as const satisfies Record<string, { newMeasure: FlowMeasure; amountMeasure: FlowMeasure; label: string }>;
export type CommissionProduct = keyof typeof COMMISSION_PRODUCTS;
/** percent: a share of the amount collected; perNew: đồng per new participant. */
export type CommissionBasis = 'percent' | 'perNew';
export const COMMISSION_BASIS_LABELS: Record<CommissionBasis, string> = { percent: '% số tiền thu', perNew: 'đồng/người tăng mới' };

/** Inactive: no new participant in this many months, unless the setting says otherwise. */
export const DEFAULT_INACTIVE_MONTHS = 3;
/** Contracts ending within these many days are flagged. */
export const EXPIRY_WARNING_DAYS = [30, 60] as const;
/** A commune served by fewer agent kinds than this is thin on the network map. */
export const MIN_AGENT_KINDS_PER_COMMUNE = 3;
