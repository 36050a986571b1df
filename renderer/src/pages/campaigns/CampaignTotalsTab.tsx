import { DatePicker, Segmented, Spin, Table } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import type { CampaignTotalRow, CampaignTotals } from '../../../../shared/contract';
import { CAMPAIGN_PRODUCT_SHORT, type CampaignKind } from '../../../../shared/domain/campaigns';
import { formatCount, formatMoney, formatPercent } from '../../../../shared/format/vi';
import { ErrorResult } from '../../components/ErrorResult';
import { useCampaignsStore } from '../../stores/campaigns';
import { useCampaignTotals } from '../../stores/campaignViews';
import { OfficeSelect } from '../network/NetworkSelects';
import { CampaignMonthChart } from './CampaignMonthChart';
import { KindTag, formatPct, pctClass } from './campaignLabels';

function totalsColumns(first: { title: string; render: (r: CampaignTotalRow) => React.ReactNode; width?: number }) {
  return [
    { title: first.title, key: 'label', width: first.width, render: (_: unknown, r: CampaignTotalRow) => first.render(r) },
    { title: 'Hoạt động', dataIndex: 'campaigns', align: 'right' as const, width: 85, render: (v: number) => formatCount(v) },
    { title: 'Số buổi', dataIndex: 'sessions', align: 'right' as const, width: 75, render: (v: number) => formatCount(v) },
    { title: 'Người dự', dataIndex: 'attendees', align: 'right' as const, width: 95, render: (v: number | null) => formatCount(v) },
    { title: 'ĐK BHXH TN', key: 'tn', align: 'right' as const, width: 100, render: (_: unknown, r: CampaignTotalRow) => formatCount(r.signups.BHXH_TN) },
    { title: 'ĐK BHYT HGĐ', key: 'hgd', align: 'right' as const, width: 105, render: (_: unknown, r: CampaignTotalRow) => formatCount(r.signups.BHYT_HGD) },
    { title: '% KH', dataIndex: 'pctOfPlanTotal', align: 'right' as const, width: 90, render: (v: number | null) => <span className={pctClass(v)}>{formatPct(v)}</span> },
    { title: 'Chuyển đổi', dataIndex: 'conversion', align: 'right' as const, width: 95, render: (v: number | null) => formatPct(v) },
    { title: 'Chi phí', dataIndex: 'cost', align: 'right' as const, width: 125, render: (v: number | null) => formatMoney(v) },
    { title: 'Chi phí/người', dataIndex: 'costPerSignup', align: 'right' as const, width: 110, render: (v: number | null) => formatMoney(v) },
  ];
}

function signed(v: number | null): string {
  return v === null ? '—' : `${v > 0 ? '+' : ''}${formatCount(v)}`;
}

function EffectTable({ totals }: { totals: CampaignTotals }) {
  return (
    <Table
      size="small"
      rowKey={(r) => `${r.kind}-${r.product}`}
      pagination={false}
      dataSource={totals.effectByKind}
      data-testid="campaign-effect-by-kind"
      locale={{ emptyText: 'Chưa đủ số liệu báo cáo để so sánh.' }}
      columns={[
        { title: 'Loại hình', dataIndex: 'kind', width: 230, render: (k: CampaignKind) => <KindTag kind={k} /> },
        { title: 'Bảo hiểm', dataIndex: 'product', width: 100, render: (p: keyof typeof CAMPAIGN_PRODUCT_SHORT) => CAMPAIGN_PRODUCT_SHORT[p] },
        { title: 'Số hoạt động so được', dataIndex: 'counted', align: 'right', width: 110, render: (v: number) => formatCount(v) },
        { title: `${totals.effectWeeks} tuần sau`, dataIndex: 'after', align: 'right', render: signed },
        { title: `${totals.effectWeeks} tuần trước`, dataIndex: 'before', align: 'right', render: signed },
        { title: 'Cùng kỳ năm trước', dataIndex: 'lastYear', align: 'right', render: signed },
        { title: 'So với trước', dataIndex: 'liftOnBefore', align: 'right', render: (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : ''}${formatPercent(v, 1)}`) },
        { title: 'So với cùng kỳ', dataIndex: 'liftOnLastYear', align: 'right', render: (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : ''}${formatPercent(v, 1)}`) },
      ]}
    />
  );
}

/** Tổng hợp: a year's campaigns by kind, by month (chart), by office, and the effect of each kind. */
export function CampaignTotalsTab() {
  const s = useCampaignTotals();
  const version = useCampaignsStore((x) => x.version);
  useEffect(() => {
    void s.load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);

  if (s.error && !s.totals) return <ErrorResult error={s.error} onRetry={() => void s.load()} />;
  const t = s.totals;
  return (
    <div className="campaign-tab" data-testid="campaign-totals-tab">
      <div className="toolbar" role="toolbar" aria-label="Chọn năm">
        <DatePicker picker="year" format="YYYY" allowClear={false} value={dayjs(`${s.year}-01-01`)} onChange={(d) => d && s.setYear(d.year())} aria-label="Năm" style={{ width: 110 }} data-testid="campaign-totals-year" />
        <OfficeSelect value={s.officeCode} onChange={s.setOfficeCode} width={220} placeholder="Toàn tỉnh" ariaLabel="Đơn vị tổ chức" />
        <span>So sánh</span>
        <Segmented<number>
          value={s.effectWeeks}
          onChange={(v) => s.setEffectWeeks(v)}
          options={[
            { value: 4, label: '4 tuần' },
            { value: 8, label: '8 tuần' },
          ]}
          aria-label="Số tuần so sánh hiệu quả"
        />
        {s.loading ? <Spin size="small" /> : null}
      </div>
      {t ? (
        <>
          <div className="campaign-cards" data-testid="campaign-totals-cards">
            <div className="campaign-card">
              <div className="campaign-card-label">Hoạt động, buổi</div>
              <div className="campaign-card-value">{formatCount(t.total.campaigns)}</div>
              <div className="campaign-card-sub">{formatCount(t.total.sessions)} buổi, {formatCount(t.total.attendees)} người dự</div>
            </div>
            <div className="campaign-card">
              <div className="campaign-card-label">Người đăng ký</div>
              <div className="campaign-card-value">{formatCount(t.total.totalSignups)}</div>
              <div className="campaign-card-sub">
                {formatCount(t.total.signups.BHXH_TN)} BHXH TN, {formatCount(t.total.signups.BHYT_HGD)} BHYT HGĐ
              </div>
            </div>
            <div className="campaign-card">
              <div className="campaign-card-label">% kế hoạch</div>
              <div className={`campaign-card-value ${pctClass(t.total.pctOfPlanTotal)}`}>{formatPct(t.total.pctOfPlanTotal)}</div>
              <div className="campaign-card-sub">Chuyển đổi {formatPct(t.total.conversion)}</div>
            </div>
            <div className="campaign-card">
              <div className="campaign-card-label">Chi phí</div>
              <div className="campaign-card-value">{formatMoney(t.total.cost)}</div>
              <div className="campaign-card-sub">{formatMoney(t.total.costPerSignup)} cho một người đăng ký</div>
            </div>
          </div>
          <CampaignMonthChart rows={t.byMonth} year={s.year} />
          <div className="campaign-section-title">Theo loại hình</div>
          <Table<CampaignTotalRow>
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={t.byKind}
            data-testid="campaign-totals-by-kind"
            scroll={{ x: 1080 }}
            locale={{ emptyText: 'Chưa có hoạt động nào trong năm.' }}
            columns={totalsColumns({ title: 'Loại hình', width: 205, render: (r) => <KindTag kind={r.key as CampaignKind} /> })}
          />
          <div className="campaign-section-title">Theo đơn vị tổ chức</div>
          <Table<CampaignTotalRow>
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={t.byOffice}
            data-testid="campaign-totals-by-office"
            scroll={{ x: 1080 }}
            columns={totalsColumns({ title: 'Đơn vị', width: 205, render: (r) => r.label })}
          />
          <div className="campaign-section-title">Hiệu quả theo loại hình: người tham gia tăng thêm trên địa bàn sau mỗi hoạt động</div>
          <EffectTable totals={t} />
        </>
      ) : (
        <Spin />
      )}
    </div>
  );
}
