import { Button, Empty, Input, Select, Table, Tag, Tooltip } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import type { SorterResult } from 'antd/es/table/interface';
import { useEffect, useState } from 'react';
import type { AgentSummary } from '../../../../shared/contract';
import { AGENT_KIND_LABELS, type AgentKind, type AgentStatus } from '../../../../shared/domain/network';
import { formatCount, formatDate } from '../../../../shared/format/vi';
import { ErrorResult } from '../../components/ErrorResult';
import { ExportButton } from '../../components/ExportButton';
import { AGENT_PAGE_SIZE, useAgentsStore, type AgentSort } from '../../stores/networkAgents';
import { useNetworkShared } from '../../stores/networkShared';
import { AgentDetailDrawer } from './AgentDetailDrawer';
import { AgentFormModal } from './AgentFormModal';
import { AgentStatusTag, ExpiryTag, agentStatusOptions, kindOptions } from './networkLabels';
import { CommuneSelect, OfficeSelect } from './NetworkSelects';
import { useDebouncedQuery } from './useDebouncedQuery';

const SORTABLE: Record<string, AgentSort> = { code: 'code', name: 'name', kind: 'kind', expiresOn: 'expiresOn' };

/** Tổ chức dịch vụ thu: paged on the server, sorted and filtered there; a row opens the agent. */
export function AgentsTab() {
  const s = useAgentsStore();
  const version = useNetworkShared((x) => x.version);
  const [text, setText] = useDebouncedQuery(s.query, s.setQuery);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    void s.load();
    // Reload on first show and after writes elsewhere in the network.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);

  if (s.error && !s.result) return <ErrorResult error={s.error} onRetry={() => void s.load()} />;
  const sortOrder = (key: AgentSort) => (s.sort === key ? (s.desc ? 'descend' : 'ascend') : null);

  return (
    <div className="network-tab" data-testid="agents-tab">
      <div className="toolbar" role="toolbar" aria-label="Lọc tổ chức dịch vụ thu">
        <Input
          allowClear
          prefix={<SearchOutlined aria-hidden />}
          placeholder="Tìm theo tên hoặc mã, gõ không dấu cũng được"
          aria-label="Tìm tổ chức dịch vụ thu"
          data-testid="agent-search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ width: 300 }}
        />
        <OfficeSelect value={s.filters.officeCode} onChange={(v) => s.setFilters({ officeCode: v ?? undefined })} width={200} placeholder="Mọi cơ quan" />
        <CommuneSelect value={s.filters.unitCode} onChange={(v) => s.setFilters({ unitCode: v ?? undefined })} width={190} />
        <Select<AgentKind>
          allowClear
          placeholder="Mọi loại tổ chức"
          options={kindOptions}
          value={s.filters.kind}
          onChange={(v) => s.setFilters({ kind: v ?? undefined })}
          style={{ width: 190 }}
          aria-label="Loại tổ chức"
        />
        <Select<AgentStatus>
          allowClear
          placeholder="Mọi trạng thái"
          options={agentStatusOptions}
          value={s.filters.status}
          onChange={(v) => s.setFilters({ status: v ?? undefined })}
          style={{ width: 160 }}
          aria-label="Trạng thái"
        />
        <Select<30 | 60>
          allowClear
          placeholder="Hạn hợp đồng"
          options={[
            { value: 30, label: 'Hết hạn trong 30 ngày' },
            { value: 60, label: 'Hết hạn trong 60 ngày' },
          ]}
          value={s.filters.expiringWithin}
          onChange={(v) => s.setFilters({ expiringWithin: v ?? undefined })}
          style={{ width: 190 }}
          aria-label="Hạn hợp đồng"
        />
        <span className="toolbar-spacer" />
        <ExportButton onExport={s.exportList} />
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)} data-testid="agent-create">
          Thêm tổ chức
        </Button>
      </div>
      <Table<AgentSummary>
        size="middle"
        rowKey="code"
        loading={s.loading}
        dataSource={s.result?.items ?? []}
        data-testid="agents-table"
        scroll={{ x: 1060 }}
        onRow={(r) => ({ onClick: () => void s.select(r.code), style: { cursor: 'pointer' } })}
        onChange={(_p, _f, sorter, extra) => {
          if (extra.action !== 'sort') return;
          const one = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<AgentSummary> | undefined;
          s.setSort(one?.order ? (SORTABLE[String(one.columnKey)] ?? null) : null, one?.order === 'descend');
        }}
        pagination={{
          current: s.page,
          pageSize: AGENT_PAGE_SIZE,
          total: s.result?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          showTotal: (total) => `${formatCount(total)} tổ chức`,
          onChange: s.setPage,
        }}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={s.query ? `Không có tổ chức nào khớp “${s.query}”.` : 'Chưa có tổ chức dịch vụ thu nào. Bấm “Thêm tổ chức” hoặc “Nhập danh sách từ Excel”.'}
            />
          ),
        }}
        columns={[
          { title: 'Mã', dataIndex: 'code', key: 'code', width: 95, sorter: true, sortOrder: sortOrder('code') },
          {
            title: 'Tên tổ chức',
            dataIndex: 'name',
            key: 'name',
            sorter: true,
            sortOrder: sortOrder('name'),
            render: (name: string, r) => (
              <span>
                {name} {r.isDemo ? <Tag color="orange">mẫu</Tag> : null}
              </span>
            ),
          },
          { title: 'Loại', dataIndex: 'kind', key: 'kind', width: 150, sorter: true, sortOrder: sortOrder('kind'), render: (k: AgentKind) => AGENT_KIND_LABELS[k] },
          { title: 'BHXH cơ sở', dataIndex: 'officeName', width: 160, ellipsis: true, render: (v: string | null) => v ?? '—' },
          {
            title: 'Hợp đồng đến',
            dataIndex: 'expiresOn',
            key: 'expiresOn',
            width: 185,
            sorter: true,
            sortOrder: sortOrder('expiresOn'),
            render: (v: string | null, r) => (
              <span className="nowrap">
                {v ? formatDate(v) : '—'} <ExpiryTag flag={r.expiry} expiresOn={v} />
              </span>
            ),
          },
          {
            title: 'Mạng lưới',
            key: 'network',
            width: 150,
            render: (_: unknown, r) => (
              <Tooltip title={`${r.allCommunes ? 'Tất cả xã, phường của cơ quan' : `${formatCount(r.communeCount)} xã, phường`}; ${formatCount(r.pointCount)} điểm thu; ${formatCount(r.staffCount)} nhân viên thu`}>
                <span className="nowrap">
                  {formatCount(r.pointCount)} điểm · {formatCount(r.staffCount)} NV
                </span>
              </Tooltip>
            ),
          },
          { title: 'Trạng thái', dataIndex: 'status', width: 135, render: (v: AgentStatus) => <AgentStatusTag status={v} /> },
        ]}
      />
      <AgentDetailDrawer />
      <AgentFormModal open={creating} agent={null} onClose={() => setCreating(false)} />
    </div>
  );
}
