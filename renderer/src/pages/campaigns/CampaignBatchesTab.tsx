import { App, Button, Empty, Popconfirm, Table, Tag } from 'antd';
import { useEffect } from 'react';
import type { CampaignBatch } from '../../../../shared/contract';
import { formatCount, formatDateTime } from '../../../../shared/format/vi';
import { ErrorResult } from '../../components/ErrorResult';
import { CAMPAIGN_BATCH_PAGE_SIZE, useCampaignBatches } from '../../stores/campaignImport';
import { useCampaignsStore } from '../../stores/campaigns';

/** Lịch sử nhập: every campaign import, with undo (refused by core when a campaign was edited since). */
export function CampaignBatchesTab() {
  const s = useCampaignBatches();
  const version = useCampaignsStore((x) => x.version);
  const { message } = App.useApp();
  useEffect(() => {
    void s.load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);

  const undo = async (b: CampaignBatch) => {
    const res = await s.undo(b.id);
    if (res.ok) void message.success(`Đã hoàn tác lần nhập "${b.fileName}".`);
    else void message.error(res.error.message, 8);
  };

  if (s.error && !s.result) return <ErrorResult error={s.error} onRetry={() => void s.load()} />;
  return (
    <div className="campaign-tab" data-testid="campaign-batches-tab">
      <Table<CampaignBatch>
        size="middle"
        rowKey="id"
        loading={s.loading}
        dataSource={s.result?.items ?? []}
        pagination={{ current: s.page, pageSize: CAMPAIGN_BATCH_PAGE_SIZE, total: s.result?.total ?? 0, showSizeChanger: false, hideOnSinglePage: true, showTotal: (t) => `${formatCount(t)} lần nhập`, onChange: s.setPage }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa nhập danh sách hoạt động nào từ Excel." /> }}
        columns={[
          { title: 'Thời điểm', dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
          { title: 'Tệp', dataIndex: 'fileName', width: 260, ellipsis: true },
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
                </span>
              ) : (
                <Popconfirm title="Hoàn tác lần nhập này?" description="Các hoạt động đã thêm bị xóa, hoạt động đã sửa trở lại như trước." okText="Hoàn tác" cancelText="Không" onConfirm={() => undo(b)}>
                  <Button size="small">Hoàn tác</Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </div>
  );
}
