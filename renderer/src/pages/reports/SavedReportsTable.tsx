import { DeleteOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import type { SavedReportSummary } from '../../../../shared/contract';
import { formatDateTime } from '../../../../shared/format/vi';
import { ErrorResult } from '../../components/ErrorResult';
import { useReportsStore } from '../../stores/reports';

function periodText(period: string): string {
  return `Tháng ${period.slice(5, 7)}/${period.slice(0, 4)}`;
}

/** Báo cáo đã lưu: reopen (form and saved figures) or delete after a confirmation. */
export function SavedReportsTable({ onOpened }: { onOpened: () => void }) {
  const { message } = App.useApp();
  const list = useReportsStore((s) => s.list);
  const loading = useReportsStore((s) => s.listLoading);
  const error = useReportsStore((s) => s.listError);
  const savedId = useReportsStore((s) => s.savedId);
  const open = useReportsStore((s) => s.open);
  const remove = useReportsStore((s) => s.remove);
  const loadList = useReportsStore((s) => s.loadList);

  if (error && list.length === 0) return <ErrorResult error={error} onRetry={() => void loadList()} />;

  const openReport = async (row: SavedReportSummary) => {
    const res = await open(row.id);
    if (!res.ok) void message.error(res.error.message);
    else onOpened();
  };

  const deleteReport = async (row: SavedReportSummary) => {
    const res = await remove(row.id);
    if (!res.ok) void message.error(res.error.message);
    else void message.success('Đã xóa báo cáo.');
  };

  return (
    <Table<SavedReportSummary>
      data-testid="saved-reports"
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={list}
      pagination={list.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText: 'Chưa có báo cáo nào được lưu.' }}
      rowClassName={(row) => (row.id === savedId ? 'saved-report-current' : '')}
      columns={[
        {
          title: 'Báo cáo',
          dataIndex: 'title',
          render: (title: string, row) => (
            <Space size={6} wrap>
              <a onClick={() => void openReport(row)}>{title}</a>
              {row.id === savedId ? <Tag color="blue">Đang mở</Tag> : null}
              {row.isDemo ? <Tag color="orange">Dữ liệu mẫu</Tag> : null}
            </Space>
          ),
        },
        { title: 'Kỳ báo cáo', dataIndex: 'period', width: 130, render: periodText },
        { title: 'Phạm vi', dataIndex: 'scopeName', width: 220 },
        { title: 'Cập nhật lúc', dataIndex: 'updatedAt', width: 150, render: (v: string) => formatDateTime(v) },
        {
          title: 'Thao tác',
          key: 'actions',
          width: 190,
          render: (_, row) => (
            <Space size={4}>
              <Button size="small" icon={<FolderOpenOutlined aria-hidden />} onClick={() => void openReport(row)} aria-label={`Mở báo cáo ${row.title}`}>
                Mở
              </Button>
              <Popconfirm
                title="Xóa báo cáo đã lưu?"
                description={`"${row.title}" sẽ bị xóa; số liệu không bị ảnh hưởng.`}
                okText="Xóa"
                cancelText="Không xóa"
                okButtonProps={{ danger: true }}
                onConfirm={() => deleteReport(row)}
              >
                <Button size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={`Xóa báo cáo ${row.title}`}>
                  Xóa
                </Button>
              </Popconfirm>
            </Space>
          ),
        },
      ]}
    />
  );
}
