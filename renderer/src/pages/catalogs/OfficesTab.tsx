import { Empty, Table, Tag } from 'antd';
import { useEffect } from 'react';
import type { Office } from '../../../../shared/contract';
import { formatCount, viCollator } from '../../../../shared/format/vi';
import { useCatalogsStore } from '../../stores/catalogs';
import { ErrorResult } from '../../components/ErrorResult';

export function OfficesTab() {
  const slice = useCatalogsStore((s) => s.offices);
  const load = useCatalogsStore((s) => s.loadOffices);

  useEffect(() => {
    if (!slice.loaded && !slice.loading) void load();
  }, [slice.loaded, slice.loading, load]);

  if (slice.error) return <ErrorResult error={slice.error} onRetry={() => void load()} />;

  return (
    <Table<Office>
      size="middle"
      rowKey="code"
      loading={slice.loading}
      dataSource={slice.items}
      pagination={slice.items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      data-testid="offices-table"
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có cơ quan BHXH cơ sở nào trong danh mục." />,
      }}
      columns={[
        { title: 'Mã', dataIndex: 'code', width: 140, sorter: (a, b) => viCollator.compare(a.code, b.code) },
        {
          title: 'Tên',
          dataIndex: 'name',
          sorter: (a, b) => viCollator.compare(a.name, b.name),
          render: (name: string, r) => (
            <span>
              {name} {r.isDemo ? <Tag color="orange">mẫu</Tag> : null}
            </span>
          ),
        },
        {
          title: 'Số xã phục vụ',
          key: 'communes',
          width: 160,
          align: 'right',
          sorter: (a, b) => a.communeCodes.length - b.communeCodes.length,
          render: (_: unknown, r) => formatCount(r.communeCodes.length),
        },
      ]}
    />
  );
}
