import { Card, Checkbox, DatePicker, Empty, Select, Table, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import type { ArrearsAction, ArrearsPromise } from '../../../../shared/contract';
import { ARREARS_ACTION_LABELS, PROMISE_STATUS_LABELS, PROMISE_STATUSES, type ArrearsActionKind, type PromiseStatus } from '../../../../shared/domain/arrears';
import { formatCount, formatDate, formatMoney } from '../../../../shared/format/vi';
import { ErrorResult } from '../../components/ErrorResult';
import { useArrearsStore } from '../../stores/arrears';
import { LOG_PAGE_SIZE, useArrearsActions, useArrearsPromises } from '../../stores/arrearsLists';
import { OfficeSelect } from '../network/NetworkSelects';
import { PromiseTag, actionKindOptions } from './arrearsLabels';

function ActionsLog({ onOpen }: { onOpen: (id: number) => void }) {
  const s = useArrearsActions();
  const version = useArrearsStore((x) => x.version);
  useEffect(() => {
    void s.load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);
  if (s.error && !s.result) return <ErrorResult error={s.error} onRetry={() => void s.load()} />;
  return (
    <Card size="small" title="Nhật ký đôn đốc thu nợ" className="section-card">
      <div role="toolbar" aria-label="Lọc nhật ký đôn đốc" className="toolbar arrears-card-toolbar">
        <Select<ArrearsActionKind>
          allowClear
          placeholder="Mọi hình thức"
          options={actionKindOptions}
          value={s.filters.kind}
          onChange={(v) => s.setFilters({ kind: v ?? undefined })}
          style={{ width: 210 }}
          aria-label="Hình thức đôn đốc"
        />
        <OfficeSelect value={s.filters.officeCode} onChange={(v) => s.setFilters({ officeCode: v ?? undefined })} width={200} placeholder="Mọi BHXH cơ sở" />
        <DatePicker.RangePicker
          format="DD/MM/YYYY"
          placeholder={['Từ ngày', 'Đến ngày']}
          value={[s.filters.from ? dayjs(s.filters.from) : null, s.filters.to ? dayjs(s.filters.to) : null]}
          onChange={(r) => s.setFilters({ from: r?.[0]?.format('YYYY-MM-DD') ?? undefined, to: r?.[1]?.format('YYYY-MM-DD') ?? undefined })}
          allowEmpty={[true, true]}
          aria-label="Khoảng ngày"
        />
      </div>
      <Table<ArrearsAction>
        size="small"
        rowKey="id"
        loading={s.loading}
        dataSource={s.result?.items ?? []}
        data-testid="actions-table"
        onRow={(r) => ({ onClick: () => onOpen(r.employerId), style: { cursor: 'pointer' } })}
        pagination={{ current: s.page, pageSize: LOG_PAGE_SIZE, total: s.result?.total ?? 0, showSizeChanger: false, hideOnSinglePage: true, showTotal: (t) => `${formatCount(t)} lần đôn đốc`, onChange: s.setPage }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa ghi lần đôn đốc nào." /> }}
        columns={[
          { title: 'Ngày', dataIndex: 'actedOn', width: 100, render: (v: string) => formatDate(v) },
          {
            title: 'Đơn vị',
            dataIndex: 'employerName',
            width: 290,
            render: (v: string, r) => (
              <span>
                {v} <span className="muted">({r.employerCode})</span>
                {r.employerOverduePromises > 0 ? (
                  <Tooltip title="Đơn vị có hẹn trả nợ đã quá hạn">
                    <Tag color="red" style={{ marginInlineStart: 6 }}>
                      {formatCount(r.employerOverduePromises)} hẹn quá hạn
                    </Tag>
                  </Tooltip>
                ) : null}
              </span>
            ),
          },
          { title: 'Hình thức', dataIndex: 'kind', width: 160, render: (k: ArrearsActionKind) => ARREARS_ACTION_LABELS[k] },
          { title: 'Số văn bản', dataIndex: 'docNumber', width: 130, render: (v: string | null) => v ?? '—' },
          { title: 'Cán bộ', dataIndex: 'officer', width: 140, render: (v: string | null) => v ?? '—' },
          { title: 'Thu hồi', dataIndex: 'amountRecovered', align: 'right', width: 125, render: (v: number | null) => (v ? formatMoney(v) : '—') },
          { title: 'Ghi chú', dataIndex: 'note', ellipsis: true, render: (v: string | null) => v ?? '' },
        ]}
      />
    </Card>
  );
}

function PromisesLog({ onOpen }: { onOpen: (id: number) => void }) {
  const s = useArrearsPromises();
  const version = useArrearsStore((x) => x.version);
  useEffect(() => {
    void s.load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);
  if (s.error && !s.result) return <ErrorResult error={s.error} onRetry={() => void s.load()} />;
  return (
    <Card size="small" title="Hẹn trả nợ" className="section-card arrears-section">
      <div role="toolbar" aria-label="Lọc hẹn trả nợ" className="toolbar arrears-card-toolbar">
        <Select<PromiseStatus>
          allowClear
          placeholder="Mọi tình trạng"
          options={PROMISE_STATUSES.map((p) => ({ value: p, label: PROMISE_STATUS_LABELS[p] }))}
          value={s.filters.status}
          onChange={(v) => s.setFilters({ status: v ?? undefined })}
          style={{ width: 180 }}
          aria-label="Tình trạng hẹn trả"
        />
        <OfficeSelect value={s.filters.officeCode} onChange={(v) => s.setFilters({ officeCode: v ?? undefined })} width={200} placeholder="Mọi BHXH cơ sở" />
        <Checkbox checked={s.filters.overdueOnly ?? false} onChange={(e) => s.setFilters({ overdueOnly: e.target.checked || undefined })} data-testid="promises-overdue-only">
          Chỉ hẹn đã quá hạn
        </Checkbox>
      </div>
      <Table<ArrearsPromise>
        size="small"
        rowKey="id"
        loading={s.loading}
        dataSource={s.result?.items ?? []}
        data-testid="promises-table"
        rowClassName={(r) => (r.overdue ? 'row-overdue' : '')}
        onRow={(r) => ({ onClick: () => onOpen(r.employerId), style: { cursor: 'pointer' } })}
        pagination={{ current: s.page, pageSize: LOG_PAGE_SIZE, total: s.result?.total ?? 0, showSizeChanger: false, hideOnSinglePage: true, showTotal: (t) => `${formatCount(t)} hẹn trả`, onChange: s.setPage }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có hẹn trả nợ nào." /> }}
        columns={[
          { title: 'Ngày hẹn', dataIndex: 'promisedOn', width: 105, render: (v: string, r) => <span className={r.overdue ? 'ratio-over' : undefined}>{formatDate(v)}</span> },
          { title: 'Đơn vị', dataIndex: 'employerName', render: (v: string, r) => `${v} (${r.employerCode})` },
          { title: 'Số tiền cam kết', dataIndex: 'amount', align: 'right', width: 150, render: (v: number) => formatMoney(v) },
          { title: 'Tình trạng', dataIndex: 'status', width: 130, render: (_: unknown, r) => <PromiseTag status={r.status} overdue={r.overdue} promisedOn={r.promisedOn} /> },
          {
            title: 'Kết quả',
            key: 'settled',
            width: 240,
            render: (_: unknown, r) => (r.settledOn ? `${formatDate(r.settledOn)}${r.settledAmount !== null ? ` · đã trả ${formatMoney(r.settledAmount)}` : ''}` : <span className="muted">{r.note ?? ''}</span>),
          },
        ]}
      />
    </Card>
  );
}

/** Nhật ký đôn đốc: every collection action, and the promises (overdue ones in red); a row opens the employer. */
export function LogTab({ onOpen }: { onOpen: (id: number) => void }) {
  return (
    <div className="arrears-tab" data-testid="arrears-log-tab">
      <ActionsLog onOpen={onOpen} />
      <PromisesLog onOpen={onOpen} />
    </div>
  );
}
