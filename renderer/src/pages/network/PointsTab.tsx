import { Button, Empty, Input, Select, Switch, Table, Tag } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import type { SorterResult } from 'antd/es/table/interface';
import { useEffect, useState } from 'react';
import type { CollectionPoint } from '../../../../shared/contract';
import { AGENT_KIND_LABELS, type AgentKind } from '../../../../shared/domain/network';
import { formatCount, formatDate } from '../../../../shared/format/vi';
import { ErrorResult } from '../../components/ErrorResult';
import { ExportButton } from '../../components/ExportButton';
import { POINT_PAGE_SIZE, usePointsStore, type PointSort } from '../../stores/networkPoints';
import { useNetworkShared } from '../../stores/networkShared';
import { kindOptions, show } from './networkLabels';
import { AgentSelect, CommuneSelect, OfficeSelect } from './NetworkSelects';
import { PointFormModal } from './PointFormModal';
import { useDebouncedQuery } from './useDebouncedQuery';

const SORTABLE: Record<string, PointSort> = { name: 'name', agent: 'agent', commune: 'commune' };

/** Điểm thu: every collection point, its agent, commune and days; a row opens it for editing. */
export function PointsTab() {
  const s = usePointsStore();
  const version = useNetworkShared((x) => x.version);
  const [text, setText] = useDebouncedQuery(s.query, s.setQuery);
  const [editing, setEditing] = useState<CollectionPoint | null | 'new'>(null);

  useEffect(() => {
    void s.load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);

  if (s.error && !s.result) return <ErrorResult error={s.error} onRetry={() => void s.load()} />;
  const sortOrder = (key: PointSort) => (s.sort === key ? (s.desc ? 'descend' : 'ascend') : null);

  return (
    <div className="network-tab" data-testid="points-tab">
      <div className="toolbar" role="toolbar" aria-label="Lọc điểm thu">
        <Input
          allowClear
          prefix={<SearchOutlined aria-hidden />}
          placeholder="Tìm điểm thu, gõ không dấu cũng được"
          aria-label="Tìm điểm thu"
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ width: 260 }}
        />
        <OfficeSelect value={s.filters.officeCode} onChange={(v) => s.setFilters({ officeCode: v ?? undefined })} width={190} placeholder="Mọi cơ quan" />
        <CommuneSelect value={s.filters.unitCode} onChange={(v) => s.setFilters({ unitCode: v ?? undefined })} width={180} />
        <Select<AgentKind> allowClear placeholder="Mọi loại tổ chức" options={kindOptions} value={s.filters.kind} onChange={(v) => s.setFilters({ kind: v ?? undefined })} style={{ width: 180 }} aria-label="Loại tổ chức" />
        <AgentSelect value={s.filters.agentCode} onChange={(v) => s.setFilters({ agentCode: v ?? undefined })} width={220} />
        <label className="toolbar-field">
          <Switch size="small" checked={s.filters.open === true} onChange={(on) => s.setFilters({ open: on ? true : undefined })} aria-label="Chỉ điểm thu đang mở" />
          <span>Chỉ điểm đang mở</span>
        </label>
        <span className="toolbar-spacer" />
        <ExportButton onExport={s.exportList} />
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')} data-testid="point-create">
          Thêm điểm thu
        </Button>
      </div>
      <Table<CollectionPoint>
        size="middle"
        rowKey="id"
        loading={s.loading}
        dataSource={s.result?.items ?? []}
        data-testid="points-table"
        scroll={{ x: 1000 }}
        onRow={(r) => ({ onClick: () => setEditing(r), style: { cursor: 'pointer' } })}
        onChange={(_p, _f, sorter, extra) => {
          if (extra.action !== 'sort') return;
          const one = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<CollectionPoint> | undefined;
          s.setSort(one?.order ? (SORTABLE[String(one.columnKey)] ?? null) : null, one?.order === 'descend');
        }}
        pagination={{
          current: s.page,
          pageSize: POINT_PAGE_SIZE,
          total: s.result?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          showTotal: (total) => `${formatCount(total)} điểm thu`,
          onChange: s.setPage,
        }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.query ? `Không có điểm thu nào khớp “${s.query}”.` : 'Chưa có điểm thu nào.'} /> }}
        columns={[
          { title: 'Tên điểm thu', dataIndex: 'name', key: 'name', sorter: true, sortOrder: sortOrder('name') },
          {
            title: 'Tổ chức dịch vụ thu',
            dataIndex: 'agentName',
            key: 'agent',
            sorter: true,
            sortOrder: sortOrder('agent'),
            render: (v: string, r) => (
              <span>
                {v} <span className="muted">· {AGENT_KIND_LABELS[r.agentKind]}</span>
              </span>
            ),
          },
          { title: 'Xã, phường', dataIndex: 'unitName', key: 'commune', width: 170, sorter: true, sortOrder: sortOrder('commune'), render: (v: string | null) => show(v) },
          { title: 'Địa chỉ', dataIndex: 'address', ellipsis: true, render: (v: string | null) => show(v) },
          { title: 'Mở từ', dataIndex: 'openedOn', width: 105, render: (v: string | null) => (v ? formatDate(v) : '—') },
          { title: 'Tình trạng', dataIndex: 'closedOn', width: 150, render: (v: string | null) => (v ? <Tag>Đóng từ {formatDate(v)}</Tag> : <Tag color="green">Đang mở</Tag>) },
          { title: 'Biển hiệu', dataIndex: 'signage', width: 90, render: (v: boolean) => (v ? 'Có' : 'Chưa') },
        ]}
      />
      <PointFormModal open={editing !== null} point={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
    </div>
  );
}
