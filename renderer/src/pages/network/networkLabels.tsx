import { Tag, Tooltip } from 'antd';
import type { ActivityFlag, ExpiryFlag } from '../../../../shared/contract';
import {
  AGENT_KINDS, AGENT_KIND_LABELS, AGENT_PRODUCTS, AGENT_PRODUCT_LABELS, AGENT_STATUSES, AGENT_STATUS_LABELS, FLOW_MEASURES, FLOW_MEASURE_DEFS,
  STAFF_ROLES, STAFF_ROLE_LABELS, STAFF_STATUSES, STAFF_STATUS_LABELS, type AgentStatus, type FlowMeasure, type StaffStatus,
} from '../../../../shared/domain/network';
import { formatCount, formatDate, formatMoney } from '../../../../shared/format/vi';

export const kindOptions = AGENT_KINDS.map((k) => ({ value: k, label: AGENT_KIND_LABELS[k] }));
export const productOptions = AGENT_PRODUCTS.map((p) => ({ value: p, label: AGENT_PRODUCT_LABELS[p] }));
export const agentStatusOptions = AGENT_STATUSES.map((s) => ({ value: s, label: AGENT_STATUS_LABELS[s] }));
export const staffStatusOptions = STAFF_STATUSES.map((s) => ({ value: s, label: STAFF_STATUS_LABELS[s] }));
export const roleOptions = STAFF_ROLES.map((r) => ({ value: r, label: STAFF_ROLE_LABELS[r] }));
export const measureOptions = FLOW_MEASURES.map((m) => ({ value: m, label: FLOW_MEASURE_DEFS[m].shortLabel }));

/** 2026-11 → 11/2026. */
export function formatMonth(month: string | null | undefined): string {
  if (!month) return '';
  const m = /^(\d{4})-(\d{2})/.exec(month);
  return m ? `${m[2]}/${m[1]}` : month;
}

/** A figure of a measure: people as a count, amounts in đồng. */
export function formatMeasure(measure: FlowMeasure, value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return FLOW_MEASURE_DEFS[measure].kind === 'money' ? formatMoney(value) : formatCount(value);
}

const EXPIRY: Record<Exclude<ExpiryFlag, null>, { text: string; color: string }> = {
  expired: { text: 'Đã hết hạn', color: 'red' },
  within30: { text: 'Còn ≤30 ngày', color: 'orange' },
  within60: { text: 'Còn ≤60 ngày', color: 'gold' },
};

export function ExpiryTag({ flag, expiresOn }: { flag: ExpiryFlag; expiresOn: string | null }) {
  if (!flag) return null;
  const e = EXPIRY[flag];
  return (
    <Tooltip title={expiresOn ? `Hợp đồng hết hạn ngày ${formatDate(expiresOn)}` : undefined}>
      <Tag color={e.color} data-testid="expiry-tag">
        {e.text}
      </Tag>
    </Tooltip>
  );
}

const AGENT_STATUS_COLORS: Record<AgentStatus, string> = { active: 'green', suspended: 'orange', ended: 'default' };
const STAFF_STATUS_COLORS: Record<StaffStatus, string> = { active: 'green', paused: 'orange', left: 'default' };

export function AgentStatusTag({ status }: { status: AgentStatus }) {
  return <Tag color={AGENT_STATUS_COLORS[status]}>{AGENT_STATUS_LABELS[status]}</Tag>;
}

export function StaffStatusTag({ status }: { status: StaffStatus }) {
  return <Tag color={STAFF_STATUS_COLORS[status]}>{STAFF_STATUS_LABELS[status]}</Tag>;
}

/** "Không hoạt động" (with the last month that had a new participant), "Mới", "Đã nghỉ". */
export function ActivityTag({ activity, lastActiveMonth }: { activity: ActivityFlag | null; lastActiveMonth?: string | null }) {
  if (!activity || activity === 'active') return null;
  if (activity === 'inactive')
    return (
      <Tooltip title={`Không có người tham gia mới trong các tháng gần đây. ${lastActiveMonth ? `Tháng gần nhất có người tham gia mới: ${formatMonth(lastActiveMonth)}.` : 'Chưa có người tham gia mới nào.'}`}>
        <span className="activity-cell">
          <Tag color="red" data-testid="inactive-tag">
            Không hoạt động
          </Tag>
          {lastActiveMonth !== undefined ? <span className="activity-last">{lastActiveMonth ? `lần cuối ${formatMonth(lastActiveMonth)}` : 'chưa có lần nào'}</span> : null}
        </span>
      </Tooltip>
    );
  if (activity === 'new') return <Tag color="blue">Mới vào</Tag>;
  return <Tag>Đã nghỉ</Tag>;
}

export const show = (v: string | number | null | undefined): string => (v === null || v === undefined || v === '' ? '—' : String(v));
