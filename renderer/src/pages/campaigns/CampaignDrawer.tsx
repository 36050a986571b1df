import { App, Button, Descriptions, Drawer, Popconfirm, Segmented, Spin, Table, Tag } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import type { CampaignDetail, CampaignEffect, CampaignEffectRow } from '../../../../shared/contract';
import { AUDIENCE_LABELS, CAMPAIGN_KIND_LABELS, CAMPAIGN_PRODUCT_SHORT, CAMPAIGN_RESOURCE_LABELS, CAMPAIGN_RESOURCES } from '../../../../shared/domain/campaigns';
import { formatCount, formatDate, formatMoney, formatPercent } from '../../../../shared/format/vi';
import { ErrorAlert } from '../../components/ErrorResult';
import { useCampaignsStore } from '../../stores/campaigns';
import { formatPct, formatSpan, pctClass } from './campaignLabels';

function Card({ label, value, sub, testId }: { label: string; value: string; sub?: string; testId?: string }) {
  return (
    <div className="campaign-card" data-testid={testId}>
      <div className="campaign-card-label">{label}</div>
      <div className="campaign-card-value">{value}</div>
      {sub ? <div className="campaign-card-sub">{sub}</div> : null}
    </div>
  );
}

function Figures({ c }: { c: CampaignDetail }) {
  return (
    <div className="campaign-cards">
      <Card label="% kế hoạch BHXH TN" value={formatPct(c.pctOfPlan.BHXH_TN)} sub={`${formatCount(c.signups.BHXH_TN)} / ${formatCount(c.plan.BHXH_TN)} người`} testId="campaign-pct-tn" />
      <Card label="% kế hoạch BHYT HGĐ" value={formatPct(c.pctOfPlan.BHYT_HGD)} sub={`${formatCount(c.signups.BHYT_HGD)} / ${formatCount(c.plan.BHYT_HGD)} người`} testId="campaign-pct-hgd" />
      <Card label="Tỷ lệ chuyển đổi" value={formatPct(c.conversion)} sub={`${formatCount(c.totalSignups)} đăng ký / ${formatCount(c.attendees)} người dự`} testId="campaign-conversion" />
      <Card label="Chi phí cho một người đăng ký" value={formatMoney(c.costPerSignup)} sub={`Tổng chi phí ${formatMoney(c.cost)}`} testId="campaign-cost" />
    </div>
  );
}

function DaysTable({ c }: { c: CampaignDetail }) {
  return (
    <Table
      size="small"
      rowKey="day"
      pagination={false}
      dataSource={c.days}
      data-testid="campaign-days"
      locale={{ emptyText: 'Chưa ghi kết quả ngày nào.' }}
      columns={[
        { title: 'Ngày', dataIndex: 'day', width: 105, render: (v: string) => formatDate(v) },
        { title: 'Người dự', dataIndex: 'attendees', align: 'right', width: 90, render: (v: number | null) => formatCount(v) },
        { title: 'BHXH TN', key: 'tn', align: 'right', width: 85, render: (_: unknown, d) => formatCount(d.signups.BHXH_TN) },
        { title: '% KH ngày', key: 'tnPct', align: 'right', width: 95, render: (_: unknown, d) => formatPct(d.pctOfPlan.BHXH_TN) },
        { title: 'Lũy kế % KH', key: 'tnCum', align: 'right', width: 105, render: (_: unknown, d) => <span className={pctClass(d.cumulativePct.BHXH_TN)}>{formatPct(d.cumulativePct.BHXH_TN)}</span> },
        { title: 'BHYT HGĐ', key: 'hgd', align: 'right', width: 90, render: (_: unknown, d) => formatCount(d.signups.BHYT_HGD) },
        { title: 'Lũy kế % KH', key: 'hgdCum', align: 'right', width: 105, render: (_: unknown, d) => <span className={pctClass(d.cumulativePct.BHYT_HGD)}>{formatPct(d.cumulativePct.BHYT_HGD)}</span> },
        { title: 'Ghi chú', dataIndex: 'note', ellipsis: true, render: (v: string | null) => v ?? '' },
      ]}
    />
  );
}

function liftText(v: number | null): string {
  if (v === null) return '—';
  return (v > 0 ? '+' : '') + formatPercent(v, 1);
}

function EffectView({ effect }: { effect: CampaignEffect }) {
  const w = effect.windows;
  const span = (x: { from: string; to: string }) => `${formatDate(x.from)} – ${formatDate(x.to)}`;
  return (
    <div data-testid="campaign-effect">
      <Table<CampaignEffectRow>
        size="small"
        rowKey="product"
        pagination={false}
        dataSource={effect.rows}
        columns={[
          { title: 'Loại hình', dataIndex: 'product', width: 100, render: (p: CampaignEffectRow['product']) => CAMPAIGN_PRODUCT_SHORT[p] },
          { title: `${effect.weeks} tuần sau`, dataIndex: 'after', align: 'right', render: (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : ''}${formatCount(v)}`) },
          { title: `${effect.weeks} tuần trước`, dataIndex: 'before', align: 'right', render: (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : ''}${formatCount(v)}`) },
          { title: 'Cùng kỳ năm trước', dataIndex: 'lastYear', align: 'right', render: (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : ''}${formatCount(v)}`) },
          { title: 'So với trước', dataIndex: 'liftOnBefore', align: 'right', render: liftText },
          { title: 'So với cùng kỳ', dataIndex: 'liftOnLastYear', align: 'right', render: liftText },
        ]}
      />
      <div className="campaign-effect-note">
        Số người tham gia tăng thêm của {effect.scopeName}: sau ({span(w.after)}), trước ({span(w.before)}), cùng kỳ năm trước ({span(w.lastYear)}). Số liệu báo cáo theo
        tháng; ngày ở giữa hai kỳ báo cáo được tính theo đường thẳng nối hai kỳ.
        {effect.notes.map((n) => (
          <div key={n}>{n}</div>
        ))}
      </div>
    </div>
  );
}

/** One campaign: what was done and with whom, its figures, its days, and whether it moved the numbers. */
export function CampaignDrawer({ onEdit }: { onEdit: (c: CampaignDetail) => void }) {
  const s = useCampaignsStore();
  const { message } = App.useApp();
  const c = s.selected;
  if (!c) return null;
  const remove = async () => {
    const res = await s.remove(c.id);
    if (res.ok) void message.success(`Đã xóa hoạt động "${c.name}".`);
    else void message.error(res.error.message, 8);
  };
  const resources = CAMPAIGN_RESOURCES.filter((r) => c.resources[r] !== null);
  return (
    <Drawer
      open
      size={880}
      title={c.name}
      onClose={() => void s.select(null)}
      data-testid="campaign-detail"
      extra={
        <span style={{ display: 'inline-flex', gap: 8 }}>
          <Popconfirm title="Xóa hoạt động này?" description="Hoạt động và kết quả các ngày của nó bị xóa hẳn." okText="Xóa" okButtonProps={{ danger: true }} cancelText="Không" onConfirm={() => remove()}>
            <Button danger icon={<DeleteOutlined aria-hidden />}>
              Xóa
            </Button>
          </Popconfirm>
          <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={() => onEdit(c)} data-testid="campaign-edit">
            Sửa
          </Button>
        </span>
      }
    >
      <Descriptions
        size="small"
        column={2}
        bordered
        items={[
          { key: 'kind', label: 'Loại hình', children: CAMPAIGN_KIND_LABELS[c.kind] },
          { key: 'dates', label: 'Thời gian', children: `${formatSpan(c.startsOn, c.endsOn)}${c.dayCount > 1 ? ` (${formatCount(c.dayCount)} ngày có kết quả)` : ''}` },
          { key: 'office', label: 'Đơn vị tổ chức', children: c.officeName ?? 'BHXH tỉnh' },
          { key: 'place', label: 'Địa điểm', children: [c.place, c.unitNames.join(', ')].filter(Boolean).join(' — ') || '—' },
          { key: 'partners', label: 'Phối hợp', span: 2, children: c.partners.length ? c.partners.map((p) => p.name).join('; ') : '—' },
          {
            key: 'audiences',
            label: 'Đối tượng',
            span: 2,
            children: c.audiences.length ? (
              <span className="tag-list">
                {c.audiences.map((a) => (
                  <Tag key={a}>{AUDIENCE_LABELS[a]}</Tag>
                ))}
              </span>
            ) : (
              '—'
            ),
          },
          { key: 'sessions', label: 'Số buổi', children: formatCount(c.sessions) },
          { key: 'attendees', label: 'Người tham dự', children: formatCount(c.attendees) },
          ...(resources.length
            ? [{ key: 'resources', label: 'Nguồn lực', span: 2, children: resources.map((r) => `${CAMPAIGN_RESOURCE_LABELS[r]}: ${formatCount(c.resources[r])}`).join('; ') }]
            : []),
          ...(c.attachments.length ? [{ key: 'files', label: 'Tệp kèm theo', span: 2, children: c.attachments.join('; ') }] : []),
          ...(c.notes ? [{ key: 'notes', label: 'Ghi chú', span: 2, children: c.notes }] : []),
        ]}
      />
      <div className="campaign-section-title">Kết quả</div>
      <Figures c={c} />
      <div className="campaign-section-title">Kết quả từng ngày</div>
      <DaysTable c={c} />
      <div className="campaign-section-title" style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
        <span>Hiệu quả: người tham gia tăng thêm trên địa bàn</span>
        <Segmented<number>
          size="small"
          value={s.effectWeeks}
          onChange={(v) => void s.setEffectWeeks(v)}
          options={[
            { value: 4, label: '4 tuần' },
            { value: 8, label: '8 tuần' },
            { value: 12, label: '12 tuần' },
          ]}
          aria-label="Số tuần so sánh"
        />
      </div>
      {s.effectError ? <ErrorAlert error={s.effectError} /> : s.effect ? <EffectView effect={s.effect} /> : <Spin />}
    </Drawer>
  );
}
