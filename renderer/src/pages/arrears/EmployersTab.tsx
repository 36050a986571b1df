import { Button, Checkbox, Empty, Input, Select, Table, Tag, Tooltip } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import type { SorterResult } from 'antd/es/table/interface';
import { useEffect } from 'react';
import type { ArrearsEmployerRow } from '../../../../shared/contract';
import { EMPLOYER_KIND_LABELS, type ArrearsBand, type EmployerKind, type EmployerStatus } from '../../../../shared/domain/arrears';
import { formatCount, formatDate, formatMoney } from '../../../../shared/format/vi';
import { ErrorResult } from '../../components/ErrorResult';
import { useArrearsStore } from '../../stores/arrears';
import { EMPLOYER_PAGE_SIZE, useArrearsEmployers, type EmployerSort } from '../../stores/arrearsLists';
import { CommuneSelect, OfficeSelect } from '../network/NetworkSelects';
import { useDebouncedQuery } from '../network/useDebouncedQuery';
import { ArrearsScopeBar } from './ArrearsScopeBar';
import { BandTag, EmployerStatusTag, bandOptions, formatMonth, kindOptions, statusOptions } from './arrearsLabels';

const SORTABLE: Record<string, EmployerSort> = { code: 'code', name: 'name', monthsOwed: 'months', amountOwed: 'amount', officeName: 'office' };

/** Đơn vị nợ: employers with their arrears in the month looked at, paged and sorted on the server; a row opens the employer. */
export function EmployersTab({ onOpen, onCreate }: { onOpen: (id: number) => void; onCreate: () => void }) {
  const s = useArrearsEmployers();
  const version = useArrearsStore((x) => x.version);
  const period = useArrearsStore((x) => x.period);
  const [text, setText] = useDebouncedQuery(s.query, s.setQuery);

  useEffect(() => {
    if (s.filters.period !== period) s.setFilters({ period });
    else void s.load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, period]);

  if (s.error && !s.result) return <ErrorResult error={s.error} onRetry={() => void s.load()} />;
  const sortOrder = (key: EmployerSort) => (s.sort === key ? (s.desc ? 'descend' : 'ascend') : null);
  return (
    <div className="arrears-tab" data-testid="arrears-employers-tab">
      <div className="toolbar" role="toolbar" aria-label="Lọc đơn vị nợ">
        <Input
          allowClear
          prefix={<SearchOutlined aria-hidden />}
          placeholder="Tìm tên, mã đơn vị, mã số thuế"
          aria-label="Tìm đơn vị"
          data-testid="employer-search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ width: 330 }}
        />
        <ArrearsScopeBar office={false} onChange={() => undefined} />
        <OfficeSelect value={s.filters.officeCode} onChange={(v) => s.setFilters({ officeCode: v ?? undefined })} width={200} placeholder="Mọi BHXH cơ sở" />
        <CommuneSelect value={s.filters.unitCode} onChange={(v) => s.setFilters({ unitCode: v ?? undefined })} width={190} />
        <Select<ArrearsBand>
          allowClear
          placeholder="Mọi nhóm nợ"
          options={bandOptions}
          value={s.filters.band}
          onChange={(v) => s.setFilters({ band: v ?? undefined })}
          style={{ width: 220 }}
          popupMatchSelectWidth={false}
          aria-label="Nhóm thời gian nợ"
          data-testid="employer-band"
        />
        <Select<EmployerStatus>
          allowClear
          placeholder="Mọi tình trạng"
          options={statusOptions}
          value={s.filters.status}
          onChange={(v) => s.setFilters({ status: v ?? undefined })}
          style={{ width: 190 }}
          popupMatchSelectWidth={false}
          aria-label="Tình trạng đơn vị"
        />
        <Select<EmployerKind>
          allowClear
          placeholder="Mọi loại hình"
          options={kindOptions}
          value={s.filters.kind}
          onChange={(v) => s.setFilters({ kind: v ?? undefined })}
          style={{ width: 200 }}
          popupMatchSelectWidth={false}
          aria-label="Loại hình đơn vị"
        />
        <Checkbox checked={s.filters.inArrearsOnly ?? false} onChange={(e) => s.setFilters({ inArrearsOnly: e.target.checked || undefined })}>
          Chỉ đơn vị còn nợ
        </Checkbox>
        <span className="toolbar-spacer" />
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={onCreate} data-testid="employer-create">
          Thêm đơn vị
        </Button>
      </div>
      <Table<ArrearsEmployerRow>
        size="middle"
        rowKey="id"
        loading={s.loading}
        dataSource={s.result?.items ?? []}
        data-testid="employers-table"
        onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' }, 'data-testid': 'employer-row' }) as React.HTMLAttributes<HTMLTableRowElement>}
        onChange={(_p, _f, sorter, extra) => {
          if (extra.action !== 'sort') return;
          const one = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<ArrearsEmployerRow> | undefined;
          const key = one?.order ? SORTABLE[String(one.columnKey)] ?? null : null;
          s.setSort(key, one?.order === 'descend');
        }}
        pagination={{
          current: s.page,
          pageSize: EMPLOYER_PAGE_SIZE,
          total: s.result?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          showTotal: (t) => `${formatCount(t)} đơn vị`,
          onChange: s.setPage,
        }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`Không có đơn vị nào nợ đến hết tháng ${formatMonth(period)} theo điều kiện lọc.`} /> }}
        scroll={{ x: 1450 }}
        columns={[
          { title: 'Mã ĐV', dataIndex: 'code', key: 'code', width: 110, sorter: true, sortOrder: sortOrder('code') },
          {
            title: 'Tên đơn vị',
            dataIndex: 'name',
            key: 'name',
            width: 300,
            sorter: true,
            sortOrder: sortOrder('name'),
            render: (v: string, r) => (
              <span>
                {v}
                {r.isDemo ? <Tag className="muted" style={{ marginInlineStart: 6 }}>mẫu</Tag> : null}
                <div className="muted" style={{ fontSize: 12 }}>
                  {EMPLOYER_KIND_LABELS[r.kind]}
                  {r.taxCode ? ` · MST ${r.taxCode}` : ''}
                </div>
              </span>
            ),
          },
          { title: 'Số tiền nợ', dataIndex: 'amountOwed', key: 'amountOwed', align: 'right', width: 150, sorter: true, sortOrder: sortOrder('amount'), render: (v: number) => <span className="money">{formatMoney(v)}</span> },
          { title: 'Tháng nợ', dataIndex: 'monthsOwed', key: 'monthsOwed', align: 'right', width: 100, sorter: true, sortOrder: sortOrder('months'), render: (v: number) => formatCount(v) },
          { title: 'Nhóm nợ', dataIndex: 'band', width: 170, render: (b: ArrearsBand | null) => <BandTag band={b} /> },
          { title: 'Tình trạng', dataIndex: 'status', width: 160, render: (v: EmployerStatus) => <EmployerStatusTag status={v} /> },
          { title: 'BHXH cơ sở', dataIndex: 'officeName', key: 'officeName', width: 170, sorter: true, sortOrder: sortOrder('office'), render: (v: string | null) => v ?? '—' },
          { title: 'Xã, phường', dataIndex: 'unitName', width: 150, render: (v: string | null) => v ?? '—' },
          {
            title: 'Đôn đốc, hẹn trả',
            key: 'follow',
            width: 170,
            render: (_: unknown, r) => (
              <span>
                {r.lastActionOn ? <div>Gần nhất {formatDate(r.lastActionOn)}</div> : <span className="muted">Chưa đôn đốc</span>}
                {r.overduePromises > 0 ? (
                  <Tooltip title="Hẹn trả nợ đã qua ngày mà chưa thực hiện">
                    <Tag color="red">{formatCount(r.overduePromises)} hẹn quá hạn</Tag>
                  </Tooltip>
                ) : r.pendingPromises > 0 ? (
                  <Tag color="blue">{formatCount(r.pendingPromises)} hẹn đang chờ</Tag>
                ) : null}
              </span>
            ),
          },
        ]}
      />
    </div>
  );
}
