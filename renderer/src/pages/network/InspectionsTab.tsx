import { Button, Empty, InputNumber, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import type { Inspection } from '../../../../shared/contract';
import { formatCount, formatDate } from '../../../../shared/format/vi';
import { ErrorResult } from '../../components/ErrorResult';
import { ExportButton } from '../../components/ExportButton';
import { INSPECTION_PAGE_SIZE, useInspectionsStore } from '../../stores/networkInspections';
import { useNetworkShared } from '../../stores/networkShared';
import { InspectionFormModal } from './InspectionFormModal';
import { AgentSelect, OfficeSelect } from './NetworkSelects';

/** Kiểm tra: the inspections logged, newest first; a row opens it for editing. */
export function InspectionsTab() {
  const s = useInspectionsStore();
  const version = useNetworkShared((x) => x.version);
  const [editing, setEditing] = useState<Inspection | null | 'new'>(null);

  useEffect(() => {
    void s.load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);

  if (s.error && !s.result) return <ErrorResult error={s.error} onRetry={() => void s.load()} />;
  return (
    <div className="network-tab" data-testid="inspections-tab">
      <div className="toolbar" role="toolbar" aria-label="Lọc lần kiểm tra">
        <OfficeSelect value={s.filters.officeCode} onChange={(v) => s.setFilters({ officeCode: v ?? undefined })} width={200} placeholder="Mọi cơ quan" />
        <AgentSelect value={s.filters.agentCode} onChange={(v) => s.setFilters({ agentCode: v ?? undefined })} width={240} />
        <label className="toolbar-field">
          <span>Năm</span>
          <InputNumber<number>
            min={2000}
            max={2100}
            controls={false}
            value={s.filters.year ?? null}
            onChange={(v) => s.setFilters({ year: v ?? undefined })}
            placeholder="Mọi năm"
            aria-label="Năm kiểm tra"
            style={{ width: 100 }}
          />
        </label>
        <span className="toolbar-spacer" />
        <ExportButton onExport={s.exportList} />
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')} data-testid="inspection-create">
          Ghi lần kiểm tra
        </Button>
      </div>
      <Table<Inspection>
        size="middle"
        rowKey="id"
        loading={s.loading}
        dataSource={s.result?.items ?? []}
        data-testid="inspections-table"
        onRow={(r) => ({ onClick: () => setEditing(r), style: { cursor: 'pointer' } })}
        onChange={(_p, _f, sorter, extra) => {
          if (extra.action !== 'sort') return;
          const one = Array.isArray(sorter) ? sorter[0] : sorter;
          s.setDesc(one?.order !== 'ascend');
        }}
        pagination={{
          current: s.page,
          pageSize: INSPECTION_PAGE_SIZE,
          total: s.result?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          showTotal: (t) => `${formatCount(t)} lần kiểm tra`,
          onChange: s.setPage,
        }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa ghi lần kiểm tra nào." /> }}
        columns={[
          { title: 'Ngày', dataIndex: 'inspectedOn', key: 'date', width: 110, sorter: true, sortOrder: s.desc ? 'descend' : 'ascend', render: (v: string) => formatDate(v) },
          { title: 'Tổ chức dịch vụ thu', dataIndex: 'agentName', width: 230 },
          { title: 'Người kiểm tra', dataIndex: 'inspector', width: 170 },
          { title: 'Kết quả', dataIndex: 'findings', ellipsis: true },
          {
            title: 'Khắc phục',
            dataIndex: 'followUp',
            width: 220,
            ellipsis: true,
            render: (v: string | null, r) => (v ? <span>{r.followUpDone ? <Tag color="green">Đã xong</Tag> : <Tag color="orange">Chưa xong</Tag>} {v}</span> : '—'),
          },
        ]}
      />
      <InspectionFormModal open={editing !== null} inspection={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
    </div>
  );
}
