import { Button, Empty, Input, Select, Table, Tag } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import type { SorterResult } from 'antd/es/table/interface';
import { useEffect, useState } from 'react';
import type { StaffSummary } from '../../../../shared/contract';
import { AGENT_KIND_LABELS, STAFF_ROLE_LABELS, type AgentKind, type StaffRole, type StaffStatus } from '../../../../shared/domain/network';
import { formatCount, formatDate } from '../../../../shared/format/vi';
import { ErrorResult } from '../../components/ErrorResult';
import { ExportButton } from '../../components/ExportButton';
import { useNetworkShared } from '../../stores/networkShared';
import { STAFF_PAGE_SIZE, useStaffStore, type StaffSort } from '../../stores/networkStaff';
import { StaffStatusTag, kindOptions, roleOptions, staffStatusOptions } from './networkLabels';
import { AgentSelect, CommuneSelect, OfficeSelect } from './NetworkSelects';
import { RevealCell } from './RevealCell';
import { StaffDetailDrawer } from './StaffDetailDrawer';
import { StaffFormModal } from './StaffFormModal';
import { useDebouncedQuery } from './useDebouncedQuery';

const SORTABLE: Record<string, StaffSort> = { name: 'name', code: 'code', agent: 'agent' };

/** Nhân viên thu: identifiers masked, "Hiện" per row (logged); a row opens the person. */
export function StaffTab() {
  const s = useStaffStore();
  const version = useNetworkShared((x) => x.version);
  const [text, setText] = useDebouncedQuery(s.query, s.setQuery);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    void s.load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);
  // Full numbers do not outlive the screen they were asked on.
  useEffect(() => s.forgetRevealed, [s.forgetRevealed]);

  if (s.error && !s.result) return <ErrorResult error={s.error} onRetry={() => void s.load()} />;
  const sortOrder = (key: StaffSort) => (s.sort === key ? (s.desc ? 'descend' : 'ascend') : null);

  return (
    <div className="network-tab" data-testid="staff-tab">
      <div className="toolbar" role="toolbar" aria-label="Lọc nhân viên thu">
        <Input
          allowClear
          prefix={<SearchOutlined aria-hidden />}
          placeholder="Tìm theo tên hoặc mã, gõ không dấu cũng được"
          aria-label="Tìm nhân viên thu"
          data-testid="staff-search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ width: 280 }}
        />
        <OfficeSelect value={s.filters.officeCode} onChange={(v) => s.setFilters({ officeCode: v ?? undefined })} width={180} placeholder="Mọi cơ quan" />
        <CommuneSelect value={s.filters.unitCode} onChange={(v) => s.setFilters({ unitCode: v ?? undefined })} width={170} />
        <AgentSelect value={s.filters.agentCode} onChange={(v) => s.setFilters({ agentCode: v ?? undefined })} width={210} />
        <Select<AgentKind> allowClear placeholder="Mọi loại tổ chức" options={kindOptions} value={s.filters.kind} onChange={(v) => s.setFilters({ kind: v ?? undefined })} style={{ width: 170 }} aria-label="Loại tổ chức" />
        <Select<StaffRole> allowClear placeholder="Mọi vai trò" options={roleOptions} value={s.filters.role} onChange={(v) => s.setFilters({ role: v ?? undefined })} style={{ width: 150 }} aria-label="Vai trò" />
        <Select<StaffStatus> allowClear placeholder="Mọi trạng thái" options={staffStatusOptions} value={s.filters.status} onChange={(v) => s.setFilters({ status: v ?? undefined })} style={{ width: 140 }} aria-label="Trạng thái" />
        <span className="toolbar-spacer" />
        <ExportButton onExport={() => s.exportList(false)} />
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)} data-testid="staff-create">
          Thêm nhân viên
        </Button>
      </div>
      <Table<StaffSummary>
        size="middle"
        rowKey="code"
        loading={s.loading}
        dataSource={s.result?.items ?? []}
        data-testid="staff-table"
        scroll={{ x: 1120 }}
        onRow={(r) => ({ onClick: () => void s.select(r.code), style: { cursor: 'pointer' } })}
        onChange={(_p, _f, sorter, extra) => {
          if (extra.action !== 'sort') return;
          const one = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<StaffSummary> | undefined;
          s.setSort(one?.order ? (SORTABLE[String(one.columnKey)] ?? null) : null, one?.order === 'descend');
        }}
        pagination={{
          current: s.page,
          pageSize: STAFF_PAGE_SIZE,
          total: s.result?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          showTotal: (total) => `${formatCount(total)} người`,
          onChange: s.setPage,
        }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.query ? `Không có ai khớp “${s.query}”.` : 'Chưa có nhân viên thu nào.'} /> }}
        columns={[
          { title: 'Mã', dataIndex: 'code', key: 'code', width: 100, sorter: true, sortOrder: sortOrder('code') },
          {
            title: 'Họ và tên',
            dataIndex: 'fullName',
            key: 'name',
            sorter: true,
            sortOrder: sortOrder('name'),
            render: (v: string, r) => (
              <span>
                {v} {r.role === 'collaborator' ? <Tag color="purple">{STAFF_ROLE_LABELS.collaborator}</Tag> : null} {r.isDemo ? <Tag color="orange">mẫu</Tag> : null}
              </span>
            ),
          },
          { title: 'Năm sinh', dataIndex: 'birthYear', width: 85, render: (v: number | null) => v ?? '—' },
          { title: 'Số CCCD', dataIndex: 'cccdMasked', width: 190, render: (v: string | null, r) => <RevealCell code={r.code} name={r.fullName} field="cccd" masked={v} /> },
          { title: 'Điện thoại', dataIndex: 'phoneMasked', width: 170, render: (v: string | null, r) => <RevealCell code={r.code} name={r.fullName} field="phone" masked={v} /> },
          {
            title: 'Tổ chức dịch vụ thu',
            dataIndex: 'agentName',
            key: 'agent',
            sorter: true,
            sortOrder: sortOrder('agent'),
            ellipsis: true,
            render: (v: string, r) => (
              <span title={`${v} · ${AGENT_KIND_LABELS[r.agentKind]}`}>
                {v} <span className="muted">· {AGENT_KIND_LABELS[r.agentKind]}</span>
              </span>
            ),
          },
          { title: 'Tập huấn', dataIndex: 'trainingDate', width: 100, render: (v: string | null) => (v ? formatDate(v) : <span className="muted">chưa</span>) },
          { title: 'Trạng thái', dataIndex: 'status', width: 110, render: (v: StaffStatus) => <StaffStatusTag status={v} /> },
        ]}
      />
      <StaffDetailDrawer />
      <StaffFormModal open={creating} staff={null} onClose={() => setCreating(false)} />
    </div>
  );
}
