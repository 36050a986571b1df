import { Tag, Tooltip } from 'antd';
import {
  ARREARS_ACTION_KINDS, ARREARS_ACTION_LABELS, ARREARS_BANDS, ARREARS_BAND_LABELS, ARREARS_BAND_SHORT, EMPLOYER_KINDS, EMPLOYER_KIND_LABELS, EMPLOYER_STATUSES, EMPLOYER_STATUS_LABELS,
  PROMISE_STATUS_LABELS, type ArrearsBand, type EmployerStatus, type PromiseStatus,
} from '../../../../shared/domain/arrears';
import { monthLabel } from '../../../../shared/domain/periods';
import { formatDate, formatPercentValue } from '../../../../shared/format/vi';

export const bandOptions = ARREARS_BANDS.map((b) => ({ value: b, label: ARREARS_BAND_LABELS[b] }));
export const kindOptions = EMPLOYER_KINDS.map((k) => ({ value: k, label: EMPLOYER_KIND_LABELS[k] }));
export const statusOptions = EMPLOYER_STATUSES.map((s) => ({ value: s, label: EMPLOYER_STATUS_LABELS[s] }));
export const actionKindOptions = ARREARS_ACTION_KINDS.map((k) => ({ value: k, label: ARREARS_ACTION_LABELS[k] }));

/** 2020-09 → 09/2020 (the shared month label; empty for nothing). */
export function formatMonth(month: string | null | undefined): string {
  return month ? monthLabel(month.slice(0, 7)) : '';
}

/** A ratio in percent with two decimals: 7,54%. */
export const formatRatio = (ratio: number | null | undefined): string => (ratio === null || ratio === undefined ? '—' : formatPercentValue(ratio, 2));

const BAND_COLORS: Record<ArrearsBand, string> = { UNDER_3: 'green', FROM_3_TO_6: 'gold', FROM_6_TO_12: 'orange', FROM_12: 'red', CLOSED: 'default' };

export function BandTag({ band }: { band: ArrearsBand | null }) {
  if (!band) return <span className="muted">Không nợ</span>;
  return (
    <Tooltip title={ARREARS_BAND_LABELS[band]}>
      <Tag color={BAND_COLORS[band]} data-testid="band-tag">
        {ARREARS_BAND_SHORT[band]}
      </Tag>
    </Tooltip>
  );
}

const STATUS_COLORS: Record<EmployerStatus, string> = { ACTIVE: 'green', SUSPENDED: 'orange', DISSOLVED: 'default', MISSING: 'red' };

export function EmployerStatusTag({ status }: { status: EmployerStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{EMPLOYER_STATUS_LABELS[status]}</Tag>;
}

/** A promise's status; a pending one whose day has passed reads "Quá hạn" in red. */
export function PromiseTag({ status, overdue, promisedOn }: { status: PromiseStatus; overdue: boolean; promisedOn: string }) {
  if (overdue)
    return (
      <Tooltip title={`Hẹn trả ngày ${formatDate(promisedOn)} nhưng chưa thực hiện`}>
        <Tag color="red" data-testid="promise-overdue">
          Quá hạn
        </Tag>
      </Tooltip>
    );
  const color = status === 'KEPT' ? 'green' : status === 'BROKEN' ? 'volcano' : 'blue';
  return <Tag color={color}>{PROMISE_STATUS_LABELS[status]}</Tag>;
}
