import { Button, DatePicker, Empty, Input, Select, Table, Tag, Tooltip } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import type { SorterResult } from 'antd/es/table/interface';
import { useEffect } from 'react';
import type { CampaignSummary } from '../../../../shared/contract';
import { CAMPAIGN_KIND_SHORT, type CampaignKind } from '../../../../shared/domain/campaigns';
import { formatCount, formatMoney } from '../../../../shared/format/vi';
import { ErrorResult } from '../../components/ErrorResult';
import { ExportButton } from '../../components/ExportButton';
import { dayjsToIso, isoToDayjs, PICKER_FORMAT } from '../../format/dates';
import { CAMPAIGN_PAGE_SIZE, useCampaignsStore, type CampaignSort } from '../../stores/campaigns';
import { CommuneSelect, OfficeSelect } from '../network/NetworkSelects';
import { useDebouncedQuery } from '../network/useDebouncedQuery';
import { formatPct, formatSpan, KindTag, kindOptions, pctClass } from './campaignLabels';

function ProductCell({ value, plan, pct }: { value: number | null; plan: number | null; pct: number | null }) {
  return (
    <Tooltip title={plan ? `Kế hoạch ${formatCount(plan)} người` : 'Không giao kế hoạch'}>
      <span>{formatCount(value)}</span>
      {pct !== null ? <div className={pctClass(pct)} style={{ fontSize: 12.5 }}>{formatPct(pct)}</div> : null}
    </Tooltip>
  );
}

const SORTABLE: Record<string, CampaignSort> = { startsOn: 'startsOn', name: 'name', kind: 'kind', attendees: 'attendees', signups: 'signups' };

/** Danh sách: every campaign, paged and filtered by core; a row opens the campaign. */
export function CampaignListTab({ onCreate }: { onCreate: () => void }) {
  const s = useCampaignsStore();
  const [text, setText] = useDebouncedQuery(s.query, s.setQuery);
  const [partner, setPartner] = useDebouncedQuery(s.filters.partner ?? '', (v) => s.setFilters({ partner: v.trim() || undefined }));

  useEffect(() => {
    void s.load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (s.error && !s.result) return <ErrorResult error={s.error} onRetry={() => void s.load()} />;
  const sortOrder = (key: CampaignSort) => (s.sort === key ? (s.desc ? 'descend' : 'ascend') : null);
  const filtered = Boolean(s.query || s.filters.kind || s.filters.officeCode || s.filters.unitCode || s.filters.partner || s.filters.from || s.filters.to);

  return (
    <div className="campaign-tab" data-testid="campaign-list-tab">
      <div className="toolbar" role="toolbar" aria-label="Lọc hoạt động tuyên truyền">
        <Input
          allowClear
          prefix={<SearchOutlined aria-hidden />}
          placeholder="Tìm theo tên hoạt động, gõ không dấu cũng được"
          aria-label="Tìm hoạt động"
          data-testid="campaign-search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ width: 280 }}
        />
        <Select<CampaignKind>
          allowClear
          placeholder="Mọi loại hình"
          options={kindOptions}
          value={s.filters.kind}
          onChange={(v) => s.setFilters({ kind: v ?? undefined })}
          style={{ width: 220 }}
          aria-label="Loại hình"
          data-testid="campaign-kind-filter"
        />
        <OfficeSelect value={s.filters.officeCode} onChange={(v) => s.setFilters({ officeCode: v ?? undefined })} width={200} placeholder="Mọi đơn vị tổ chức" ariaLabel="Đơn vị tổ chức" />
        <CommuneSelect value={s.filters.unitCode} onChange={(v) => s.setFilters({ unitCode: v ?? undefined })} width={190} placeholder="Mọi xã, phường" />
        <Input allowClear placeholder="Đơn vị phối hợp" aria-label="Đơn vị phối hợp" value={partner} onChange={(e) => setPartner(e.target.value)} style={{ width: 170 }} />
        <DatePicker.RangePicker
          format={PICKER_FORMAT}
          allowEmpty={[true, true]}
          placeholder={['Từ ngày', 'Đến ngày']}
          value={[isoToDayjs(s.filters.from), isoToDayjs(s.filters.to)]}
          onChange={(range) => s.setFilters({ from: dayjsToIso(range?.[0]) ?? undefined, to: dayjsToIso(range?.[1]) ?? undefined })}
          aria-label="Thời gian"
          style={{ width: 250 }}
        />
        <span className="toolbar-spacer" />
        <ExportButton onExport={s.exportList} />
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={onCreate} data-testid="campaign-create">
          Thêm hoạt động
        </Button>
      </div>
      <Table<CampaignSummary>
        size="middle"
        rowKey="id"
        loading={s.loading}
        dataSource={s.result?.items ?? []}
        data-testid="campaigns-table"
        scroll={{ x: 1080 }}
        onRow={(r) => ({ onClick: () => void s.select(r.id), style: { cursor: 'pointer' } })}
        onChange={(_p, _f, sorter, extra) => {
          if (extra.action !== 'sort') return;
          const one = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<CampaignSummary> | undefined;
          s.setSort(one?.order ? (SORTABLE[String(one.columnKey)] ?? null) : null, one?.order === 'descend');
        }}
        pagination={{
          current: s.page,
          pageSize: CAMPAIGN_PAGE_SIZE,
          total: s.result?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          showTotal: (total) => `${formatCount(total)} hoạt động`,
          onChange: s.setPage,
        }}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={filtered ? 'Không có hoạt động nào khớp điều kiện lọc.' : 'Chưa có hoạt động tuyên truyền nào. Bấm “Thêm hoạt động” hoặc “Nhập từ Excel”.'}
            />
          ),
        }}
        columns={[
          { title: 'Thời gian', key: 'startsOn', width: 140, sorter: true, sortOrder: sortOrder('startsOn'), render: (_: unknown, r) => <span className="nowrap">{formatSpan(r.startsOn, r.endsOn)}</span> },
          {
            title: 'Hoạt động',
            dataIndex: 'name',
            key: 'name',
            sorter: true,
            sortOrder: sortOrder('name'),
            render: (name: string, r) => (
              <div>
                <div>
                  {name} {r.isDemo ? <Tag color="orange">mẫu</Tag> : null}
                </div>
                <div className="muted" style={{ fontSize: 12.5 }}>
                  {[r.officeName, r.place ?? (r.unitNames.length ? r.unitNames.join(', ') : null)].filter(Boolean).join(' · ') || 'BHXH tỉnh'}
                  {r.sessions > 1 ? ` · ${formatCount(r.sessions)} buổi` : ''}
                </div>
              </div>
            ),
          },
          { title: 'Loại hình', dataIndex: 'kind', key: 'kind', width: 118, sorter: true, sortOrder: sortOrder('kind'), render: (k: CampaignKind) => <KindTag kind={k} short={CAMPAIGN_KIND_SHORT[k]} /> },
          { title: 'Người dự', dataIndex: 'attendees', key: 'attendees', width: 92, align: 'right', sorter: true, sortOrder: sortOrder('attendees'), render: (v: number | null) => formatCount(v) },
          {
            title: 'Đăng ký (người, % kế hoạch)',
            children: [
              { title: 'BHXH TN', key: 'tn', width: 96, align: 'right', render: (_: unknown, r: CampaignSummary) => <ProductCell value={r.signups.BHXH_TN} plan={r.plan.BHXH_TN} pct={r.pctOfPlan.BHXH_TN} /> },
              { title: 'BHYT HGĐ', key: 'hgd', width: 100, align: 'right', render: (_: unknown, r: CampaignSummary) => <ProductCell value={r.signups.BHYT_HGD} plan={r.plan.BHYT_HGD} pct={r.pctOfPlan.BHYT_HGD} /> },
              {
                title: 'Tổng',
                key: 'signups',
                dataIndex: 'totalSignups',
                width: 88,
                align: 'right',
                sorter: true,
                sortOrder: sortOrder('signups'),
                render: (v: number, r: CampaignSummary) => (r.signups.BHXH_TN === null && r.signups.BHYT_HGD === null ? '—' : formatCount(v)),
              },
            ],
          },
          { title: 'Chuyển đổi', dataIndex: 'conversion', width: 96, align: 'right', render: (v: number | null) => formatPct(v) },
          { title: 'Chi phí/người', dataIndex: 'costPerSignup', width: 112, align: 'right', render: (v: number | null) => formatMoney(v) },
        ]}
      />
    </div>
  );
}
