import { Tag } from 'antd';
import { AUDIENCE_LABELS, AUDIENCES, CAMPAIGN_KIND_LABELS, CAMPAIGN_KINDS, type CampaignKind } from '../../../../shared/domain/campaigns';
import { formatDate, formatPercentValue } from '../../../../shared/format/vi';

export const kindOptions = CAMPAIGN_KINDS.map((k) => ({ value: k, label: CAMPAIGN_KIND_LABELS[k] }));
export const audienceOptions = AUDIENCES.map((a) => ({ value: a, label: AUDIENCE_LABELS[a] }));

/** One colour per kind, the same in the list, the calendar and the charts. */
export const KIND_COLORS: Record<CampaignKind, string> = {
  CONFERENCE: '#1f6fb2',
  LAUNCH: '#d4610c',
  PEAK: '#c41d7f',
  DIALOGUE: '#722ed1',
  COUNSELLING: '#13a8a8',
  DOOR_TO_DOOR: '#2f9e6e',
  SOCIAL_MEDIA: '#2f54eb',
  PRESS: '#8c6d1f',
  BANNERS: '#5a6878',
};

export function KindTag({ kind, short }: { kind: CampaignKind; short?: string }) {
  return (
    <Tag color={KIND_COLORS[kind]} variant="outlined" className="campaign-kind-tag">
      {short ?? CAMPAIGN_KIND_LABELS[kind]}
    </Tag>
  );
}

/** A percentage core computed (132.14 means 132,14%). */
export const formatPct = (value: number | null | undefined): string => formatPercentValue(value);

/** "16/05/2020" or "16/05 – 17/05/2020" or across years in full. */
export function formatSpan(from: string, to: string): string {
  if (from === to) return formatDate(from);
  if (from.slice(0, 4) === to.slice(0, 4)) return `${formatDate(from).slice(0, 5)} – ${formatDate(to)}`;
  return `${formatDate(from)} – ${formatDate(to)}`;
}

/** Green at or over the plan, amber from 80%, red below. */
export function pctClass(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return value >= 100 ? 'pct-good' : value >= 80 ? 'pct-near' : 'pct-low';
}
