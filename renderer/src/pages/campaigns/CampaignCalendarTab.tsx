import { Calendar, DatePicker, Select, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo } from 'react';
import type { CampaignCalendarItem } from '../../../../shared/contract';
import { CAMPAIGN_KIND_LABELS, CAMPAIGN_KIND_SHORT, CAMPAIGN_KINDS, type CampaignKind } from '../../../../shared/domain/campaigns';
import { formatCount } from '../../../../shared/format/vi';
import { ErrorResult } from '../../components/ErrorResult';
import { useCampaignsStore } from '../../stores/campaigns';
import { useCampaignCalendar } from '../../stores/campaignViews';
import { OfficeSelect } from '../network/NetworkSelects';
import { KIND_COLORS, formatSpan, kindOptions } from './campaignLabels';

const PER_CELL = 3;
/** Campaigns longer than a week (a peak month, a month of posts) sit above the grid, not in every cell. */
const LONG_DAYS = 7;

const spanDays = (item: CampaignCalendarItem) => dayjs(item.endsOn).diff(dayjs(item.startsOn), 'day') + 1;

/** Lịch: a month grid; each day lists the campaigns running that day, a click opens one. */
export function CampaignCalendarTab() {
  const s = useCampaignCalendar();
  const version = useCampaignsStore((x) => x.version);
  const select = useCampaignsStore((x) => x.select);

  useEffect(() => {
    void s.load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);

  const { byDay, long } = useMemo(() => {
    const map = new Map<string, CampaignCalendarItem[]>();
    const longOnes: CampaignCalendarItem[] = [];
    for (const item of s.items) {
      if (spanDays(item) > LONG_DAYS) {
        longOnes.push(item);
        continue;
      }
      for (let d = dayjs(item.startsOn); !d.isAfter(dayjs(item.endsOn)); d = d.add(1, 'day')) {
        const key = d.format('YYYY-MM-DD');
        const list = map.get(key);
        if (list) list.push(item);
        else map.set(key, [item]);
      }
    }
    const monthStart = s.month + '-01';
    const monthEnd = dayjs(monthStart).endOf('month').format('YYYY-MM-DD');
    const inMonth = longOnes.filter((i) => i.startsOn <= monthEnd && i.endsOn >= monthStart).sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.name.localeCompare(b.name, 'vi'));
    return { byDay: map, long: inMonth };
  }, [s.items, s.month]);

  if (s.error && s.items.length === 0) return <ErrorResult error={s.error} onRetry={() => void s.load()} />;
  const month = dayjs(s.month + '-01');
  const kindsShown = CAMPAIGN_KINDS.filter((k) => s.items.some((i) => i.kind === k && spanDays(i) <= LONG_DAYS));

  const cell = (date: Dayjs) => {
    const list = byDay.get(date.format('YYYY-MM-DD')) ?? [];
    if (!list.length) return null;
    return (
      <div>
        {list.slice(0, PER_CELL).map((item) => (
          <button
            type="button"
            key={item.id}
            className="campaign-calendar-item"
            style={{ background: KIND_COLORS[item.kind] }}
            title={`${item.name} (${CAMPAIGN_KIND_LABELS[item.kind]}, ${formatSpan(item.startsOn, item.endsOn)}; ${formatCount(item.totalSignups)} người đăng ký)`}
            onClick={(e) => {
              e.stopPropagation();
              void select(item.id);
            }}
          >
            {item.name}
          </button>
        ))}
        {list.length > PER_CELL ? <div className="campaign-calendar-more">+{list.length - PER_CELL} hoạt động khác</div> : null}
      </div>
    );
  };

  return (
    <div className="campaign-tab" data-testid="campaign-calendar-tab">
      <div className="toolbar" role="toolbar" aria-label="Chọn tháng và lọc lịch">
        <DatePicker
          picker="month"
          format="MM/YYYY"
          allowClear={false}
          value={month}
          onChange={(d) => d && s.setMonth(d.format('YYYY-MM'))}
          aria-label="Tháng"
          data-testid="campaign-calendar-month"
          style={{ width: 130 }}
        />
        <Select<CampaignKind> allowClear placeholder="Mọi loại hình" options={kindOptions} value={s.kind ?? undefined} onChange={(v) => s.setKind(v ?? null)} style={{ width: 220 }} aria-label="Loại hình" />
        <OfficeSelect value={s.officeCode} onChange={s.setOfficeCode} width={200} placeholder="Mọi đơn vị tổ chức" ariaLabel="Đơn vị tổ chức" />
        {s.loading ? <Spin size="small" /> : null}
        <span className="toolbar-spacer" />
        <div className="campaign-legend" aria-label="Chú giải màu">
          {kindsShown.map((k) => (
            <span key={k}>
              <span className="campaign-legend-swatch" style={{ background: KIND_COLORS[k] }} />
              {CAMPAIGN_KIND_SHORT[k]}
            </span>
          ))}
        </div>
      </div>
      {long.length ? (
        <div className="campaign-long" data-testid="campaign-calendar-long">
          <span className="campaign-long-label">Kéo dài nhiều tuần:</span>
          {long.map((item) => (
            <button
              type="button"
              key={item.id}
              className="campaign-long-item"
              style={{ borderColor: KIND_COLORS[item.kind], color: KIND_COLORS[item.kind] }}
              title={`${item.name} (${CAMPAIGN_KIND_LABELS[item.kind]}; ${formatCount(item.totalSignups)} người đăng ký)`}
              onClick={() => void select(item.id)}
            >
              {item.name} · {formatSpan(item.startsOn, item.endsOn)}
            </button>
          ))}
        </div>
      ) : null}
      <Calendar
        className="campaign-calendar"
        value={month}
        headerRender={() => null}
        onPanelChange={(d) => s.setMonth(d.format('YYYY-MM'))}
        onSelect={(d, info) => {
          if (info.source === 'date' && d.format('YYYY-MM') !== s.month) s.setMonth(d.format('YYYY-MM'));
        }}
        cellRender={(date, info) => (info.type === 'date' ? cell(date) : info.originNode)}
      />
    </div>
  );
}
