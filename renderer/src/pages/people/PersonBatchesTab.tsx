import { Alert, Button, Popconfirm, Table, Tag, message } from 'antd';
import { useEffect } from 'react';
import type { PersonImportBatch } from '../../../../shared/contract';
import { formatCount, formatDateTime } from '../../../../shared/format/vi';
import { usePersonLists } from '../../stores/personLists';

const STATUS: Record<PersonImportBatch['status'], { label: string; color: string }> = {
  reading: { label: 'Đang đọc', color: 'processing' },
  staged: { label: 'Chờ ghi', color: 'gold' },
  committed: { label: 'Đã ghi', color: 'green' },
  undone: { label: 'Đã hoàn tác', color: 'default' },
  discarded: { label: 'Đã bỏ', color: 'default' },
  failed: { label: 'Lỗi', color: 'red' },
};

/** Lịch sử nhập: every list import with its counts; the last one of a list can be undone. */
export function PersonBatchesTab() {
  const { batches, batchesError, loadBatches, undoBatch } = usePersonLists();
  useEffect(() => {
    void loadBatches();
  }, [loadBatches]);
  return (
    <div>
      {batchesError ? <Alert type="error" showIcon title={batchesError.message} style={{ marginBottom: 8 }} /> : null}
      <Table<PersonImportBatch>
        size="small"
        rowKey="id"
        dataSource={batches.filter((b) => b.status !== 'discarded')}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 1100 }}
        data-testid="person-batches"
        locale={{ emptyText: 'Chưa nhập danh sách nào.' }}
        columns={[
          { title: 'Lúc', dataIndex: 'createdAt', key: 'at', width: 150, render: (v: string) => formatDateTime(v) },
          { title: 'Tệp', dataIndex: 'fileName', key: 'file', ellipsis: true },
          { title: 'Danh sách', dataIndex: 'listName', key: 'list', ellipsis: true },
          { title: 'Đọc', dataIndex: 'read', key: 'read', align: 'right', width: 90, render: (v: number) => formatCount(v) },
          { title: 'Nhập mới', dataIndex: 'imported', key: 'imported', align: 'right', width: 90, render: (v: number) => formatCount(v) },
          { title: 'Cập nhật', dataIndex: 'updated', key: 'updated', align: 'right', width: 90, render: (v: number) => formatCount(v) },
          { title: 'Từ chối', dataIndex: 'rejected', key: 'rejected', align: 'right', width: 90, render: (v: number) => formatCount(v) },
          { title: 'Trùng DS khác', dataIndex: 'duplicates', key: 'dups', align: 'right', width: 110, render: (v: number) => formatCount(v) },
          { title: 'Người nhập', dataIndex: 'actor', key: 'actor', width: 120, ellipsis: true },
          { title: 'Trạng thái', dataIndex: 'status', key: 'status', width: 120, render: (v: PersonImportBatch['status']) => <Tag color={STATUS[v].color}>{STATUS[v].label}</Tag> },
          {
            title: '',
            key: 'undo',
            width: 110,
            render: (_: unknown, b) =>
              b.status === 'committed' ? (
                <Popconfirm
                  title="Hoàn tác lần nhập này?"
                  description="Người được thêm sẽ bị xóa, người được cập nhật trở lại như trước."
                  okText="Hoàn tác"
                  cancelText="Thôi"
                  onConfirm={async () => {
                    const res = await undoBatch(b.id);
                    if (res.ok) message.success('Đã hoàn tác lần nhập.');
                    else message.error(res.error.message);
                  }}
                >
                  <Button size="small">Hoàn tác</Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
    </div>
  );
}
