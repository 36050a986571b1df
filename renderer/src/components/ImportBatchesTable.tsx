import { App, Button, Empty, Popconfirm, Table, Tag } from 'antd';
import type { AppErrorShape, Page, Result } from '../../../shared/contract';
import { formatCount, formatDateTime } from '../../../shared/format/vi';

/** What every import history row shows. */
export interface ImportBatchRow {
  id: number;
  fileName: string;
  at: string;
  actor: string;
  summary: string;
  undoneAt: string | null;
}

/**
 * Lịch sử nhập of an area: each import with its summary and an undo button (core refuses an undo
 * when later data depends on the import; its message is shown as it comes).
 */
export function ImportBatchesTable<B extends ImportBatchRow>(props: {
  result: Page<B> | null;
  loading: boolean;
  page: number;
  pageSize: number;
  setPage: (page: number) => void;
  undo: (batchId: number) => Promise<Result<unknown>>;
  emptyText: string;
  /** What an undo takes away, in the confirmation. */
  undoDescription: string;
  /** A column naming what was imported (lists, month results…), when an area has several kinds. */
  kind?: { title: string; label: (b: B) => string };
  testId?: string;
}) {
  const { message } = App.useApp();
  const undo = async (b: B) => {
    const res = await props.undo(b.id);
    if (res.ok) void message.success(`Đã hoàn tác lần nhập "${b.fileName}".`);
    else void message.error((res.error as AppErrorShape).message, 8);
  };
  return (
    <Table<B>
      size="middle"
      rowKey="id"
      data-testid={props.testId}
      loading={props.loading}
      dataSource={props.result?.items ?? []}
      pagination={{
        current: props.page,
        pageSize: props.pageSize,
        total: props.result?.total ?? 0,
        showSizeChanger: false,
        hideOnSinglePage: true,
        showTotal: (t) => `${formatCount(t)} lần nhập`,
        onChange: props.setPage,
      }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.emptyText} /> }}
      columns={[
        { title: 'Thời điểm', dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
        ...(props.kind ? [{ title: props.kind.title, key: 'kind', width: 130, render: (_: unknown, b: B) => props.kind!.label(b) }] : []),
        { title: 'Tệp', dataIndex: 'fileName', width: 250, ellipsis: true },
        { title: 'Nội dung', dataIndex: 'summary' },
        { title: 'Người nhập', dataIndex: 'actor', width: 130, ellipsis: true },
        {
          title: '',
          key: 'undo',
          width: 170,
          render: (_: unknown, b: B) =>
            b.undoneAt ? (
              <span title={`Hoàn tác lúc ${formatDateTime(b.undoneAt)}`}>
                <Tag>Đã hoàn tác</Tag>
                <div style={{ fontSize: 12, color: '#8c8c8c' }}>{formatDateTime(b.undoneAt)}</div>
              </span>
            ) : (
              <Popconfirm title="Hoàn tác lần nhập này?" description={props.undoDescription} okText="Hoàn tác" cancelText="Không" onConfirm={() => undo(b)}>
                <Button size="small">Hoàn tác</Button>
              </Popconfirm>
            ),
        },
      ]}
    />
  );
}
