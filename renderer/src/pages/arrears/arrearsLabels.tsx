import { Tag, Tooltip } from 'antd';
import {
  ARREARS_ACTION_KINDS, ARREARS_ACTION_LABELS, ARREARS_BANDS, ARREARS_BAND_LABELS, EMPLOYER_KINDS, EMPLOYER_KIND_LABELS, EMPLOYER_STATUSES, EMPLOYER_STATUS_LABELS,
  PROMISE_STATUS_LABELS, type ArrearsBand, type EmployerStatus, type PromiseStatus,
} from '../../../../shared/domain/arrears';
import { formatDate, formatPercentValue } from '../../../../shared/format/vi';

export const bandOptions = ARREARS_BANDS.map((b) => ({ value: b, label: ARREARS_BAND_LABELS[b] }));
export const kindOptions = EMPLOYER_KINDS.map((k) => ({ value: k, label: EMPLOYER_KIND_LABELS[k] }));
export const statusOptions = EMPLOYER_STATUSES.map((s) => ({ value: s, label: EMPLOYER_STATUS_LABELS[s] }));
export const actionKindOptions = ARREARS_ACTION_KINDS.map((k) => ({ value: k, label: ARREARS_ACTION_LABELS[k] }));

/** 2020-09 → 09/2020. */
export function formatMonth(month: string | null | undefined): string {
  if (!month) return '';
  const m = /^(\d{4})-(\d{2})/.exec(month);
  return m ? `${m[2]}/${m[1]}` : month;
}

/** A ratio in percent with two decimals: 7,54%. */
export const formatRatio = (ratio: number | null | undefined): string => (ratio === null || ratio === undefined ? '—' : formatPercentValue(ratio, 2));

const BAND_COLORS: Record<ArrearsBand, string> = { UNDER_3: 'green', FROM_3_TO_6: 'gold', FROM_6_TO_12: 'orange', FROM_12: 'red', CLOSED: 'default' };
const BAND_SHORT: Record<ArrearsBand, string> = {
  UNDER_3: 'Dưới 3 tháng',
  FROM_3_TO_6: '3 đến dưới 6 tháng',
  FROM_6_TO_12: '6 đến dưới 12 tháng',
  FROM_12: 'Từ 12 tháng trở lên',
  CLOSED: 'Giải thể, ngừng, mất tích',
};

export function BandTag({ band }: { band: ArrearsBand | null }) {
  if (!band) return <span className="muted">Không nợ</span>;
  return (
    <Tooltip title={ARREARS_BAND_LABELS[band]}>
      <Tag color={BAND_COLORS[band]} data-testid="band-tag">
        {BAND_SHORT[band]}
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
