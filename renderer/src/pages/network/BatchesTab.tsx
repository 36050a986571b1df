import { App, Button, Empty, Popconfirm, Table, Tag } from 'antd';
import { useEffect } from 'react';
import type { NetworkBatch } from '../../../../shared/contract';
import { formatCount, formatDateTime } from '../../../../shared/format/vi';
import { ErrorResult } from '../../components/ErrorResult';
import { BATCH_PAGE_SIZE, useNetworkBatchesStore } from '../../stores/networkBatches';
import { useNetworkShared } from '../../stores/networkShared';

const KIND_LABEL: Record<NetworkBatch['kind'], string> = { lists: 'Danh sách', results: 'Kết quả tháng' };

/** Lịch sử nhập: every import of lists or month results, with undo (refused by core when later data depends on it). */
export function BatchesTab() {
  const s = useNetworkBatchesStore();
  const version = useNetworkShared((x) => x.version);
  const { message } = App.useApp();

  useEffect(() => {
    void s.load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);

  const undo = async (b: NetworkBatch) => {
    const res = await s.undo(b.id);
    if (res.ok) void message.success(`Đã hoàn tác lần nhập "${b.fileName}".`);
    else void message.error(res.error.message, 8);
  };

  if (s.error && !s.result) return <ErrorResult error={s.error} onRetry={() => void s.load()} />;
  return (
    <div className="network-tab" data-testid="network-batches-tab">
      <Table<NetworkBatch>
        size="middle"
        rowKey="id"
        loading={s.loading}
        dataSource={s.result?.items ?? []}
        pagination={{ current: s.page, pageSize: BATCH_PAGE_SIZE, total: s.result?.total ?? 0, showSizeChanger: false, hideOnSinglePage: true, showTotal: (t) => `${formatCount(t)} lần nhập`, onChange: s.setPage }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa nhập danh sách hay kết quả nào từ Excel." /> }}
        columns={[
          { title: 'Thời điểm', dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
          { title: 'Loại', dataIndex: 'kind', width: 130, render: (v: NetworkBatch['kind']) => KIND_LABEL[v] },
          { title: 'Tệp', dataIndex: 'fileName', width: 240, ellipsis: true },
          { title: 'Nội dung', dataIndex: 'summary' },
          { title: 'Người nhập', dataIndex: 'actor', width: 130, ellipsis: true },
          {
            title: '',
            key: 'undo',
            width: 170,
            render: (_: unknown, b) =>
              b.undoneAt ? (
                <span title={`Hoàn tác lúc ${formatDateTime(b.undoneAt)}`}>
                  <Tag>Đã hoàn tác</Tag>
                  <div style={{ fontSize: 12, color: '#8c8c8c' }}>{formatDateTime(b.undoneAt)}</div>
                </span>
              ) : (
                <Popconfirm title="Hoàn tác lần nhập này?" description="Các bản ghi đã thêm bị xóa, bản ghi đã sửa trở lại như trước." okText="Hoàn tác" cancelText="Không" onConfirm={() => undo(b)}>
                  <Button size="small">Hoàn tác</Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </div>
  );
}
