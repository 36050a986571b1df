import { App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import { ExclamationCircleFilled, ReloadOutlined, UndoOutlined } from '@ant-design/icons';
import { useEffect } from 'react';
import type { ImportBatch, ImportWarning } from '../../../../shared/contract';
import { monthLabel } from '../../../../shared/domain/periods';
import { formatCount, formatDate, formatDateTime } from '../../../../shared/format/vi';
import { ErrorAlert } from '../../components/ErrorResult';
import { HISTORY_PAGE_SIZE, useImportsStore } from '../../stores/imports';

function UndoButton({ batch }: { batch: ImportBatch }) {
  const { message } = App.useApp();
  const undo = useImportsStore((s) => s.undo);
  const undoingId = useImportsStore((s) => s.undoingId);
  const confirm = async () => {
    const res = await undo(batch.id);
    if (res.ok)
      void message.success(
        `Đã hoàn tác lần nhập tệp ${batch.fileName}: trả lại ${formatCount(res.value.restored)} số liệu về giá trị trước khi nhập.`,
      );
    else void message.error(res.error.message);
  };
  return (
    <Popconfirm
      title="Hoàn tác lần nhập này?"
      description={
        <div className="imports-popconfirm">
          Các số liệu kỳ {monthLabel(batch.period)} do tệp {batch.fileName} ghi sẽ được trả về giá trị trước khi nhập (số liệu mới thêm sẽ
          bị xóa).
        </div>
      }
      okText="Hoàn tác"
      cancelText="Không"
      okButtonProps={{ danger: true }}
      onConfirm={() => confirm()}
    >
      <Button
        size="small"
        icon={<UndoOutlined aria-hidden />}
        loading={undoingId === batch.id}
        disabled={undoingId !== null && undoingId !== batch.id}
        aria-label={`Hoàn tác lần nhập tệp ${batch.fileName} lúc ${formatDateTime(batch.at)}`}
      >
        Hoàn tác
      </Button>
    </Popconfirm>
  );
}

/** How many of a batch's warnings the history lists; the rest are counted. */
const WARNINGS_SHOWN = 3;

/** A warning without the file and sheet the row already shows: «Ô D12 — Xã …: …». */
function warningText(w: ImportWarning, batch: ImportBatch): string {
  const prefix = `Tệp "${batch.fileName}", trang tính "${w.sheet ?? batch.sheet}", `;
  if (!w.message.startsWith(prefix)) return w.message;
  const rest = w.message.slice(prefix.length);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** What the preview warned about and the import went ahead with: the totals first, three in all, then how many more. */
function BatchWarnings({ batch }: { batch: ImportBatch }) {
  const all = batch.warnings ?? [];
  const warnings = [...all.filter((w) => w.kind === 'totals'), ...all.filter((w) => w.kind !== 'totals')];
  if (warnings.length === 0) return null;
  const more = warnings.length - WARNINGS_SHOWN;
  return (
    <ul className="imports-batch-warnings" data-testid="imports-batch-warnings" aria-label={`${formatCount(warnings.length)} lưu ý khi nhập`}>
      {warnings.slice(0, WARNINGS_SHOWN).map((w, i) => (
        <li key={i}>
          <ExclamationCircleFilled aria-hidden className="imports-batch-warning-icon" />
          <span>{warningText(w, batch)}</span>
        </li>
      ))}
      {more > 0 ? <li className="imports-batch-warnings-more">và {formatCount(more)} lưu ý khác</li> : null}
    </ul>
  );
}

const columns = [
  { title: 'Thời điểm', dataIndex: 'at', width: 140, render: (v: string) => formatDateTime(v) },
  {
    title: 'Tệp',
    key: 'file',
    render: (_: unknown, b: ImportBatch) => (
      <>
        <div className="imports-file-name">{b.fileName}</div>
        <Typography.Text type="secondary" className="imports-sub">
          Trang tính {b.sheet}
        </Typography.Text>
        <BatchWarnings batch={b} />
      </>
    ),
  },
  { title: 'Kỳ', dataIndex: 'period', width: 86, render: (v: string) => monthLabel(v) },
  { title: 'Đơn vị gửi', dataIndex: 'officeName', width: 170, render: (v: string | null) => v ?? '—' },
  { title: 'Số ô ghi', dataIndex: 'written', width: 76, align: 'right' as const, render: (v: number) => formatCount(v) },
  { title: 'Thay thế', dataIndex: 'replaced', width: 76, align: 'right' as const, render: (v: number) => formatCount(v) },
  { title: 'Người nhập', dataIndex: 'actor', width: 100 },
  {
    title: 'Trạng thái',
    key: 'status',
    width: 150,
    render: (_: unknown, b: ImportBatch) =>
      b.undoneAt ? <Tag color="default">Đã hoàn tác {formatDate(b.undoneAt)}</Tag> : <UndoButton batch={b} />,
  },
];

/** Lịch sử nhập: every committed report, newest first, each undoable once. */
export function HistoryTab() {
  const active = useImportsStore((s) => s.tab === 'history');
  const history = useImportsStore((s) => s.history);
  const total = useImportsStore((s) => s.historyTotal);
  const offset = useImportsStore((s) => s.historyOffset);
  const loading = useImportsStore((s) => s.historyLoading);
  const error = useImportsStore((s) => s.historyError);
  const loadHistory = useImportsStore((s) => s.loadHistory);

  useEffect(() => {
    if (active) void loadHistory();
  }, [active, loadHistory]);

  return (
    <Card
      size="small"
      className="section-card"
      title="Các lần nhập báo cáo"
      extra={
        <Button size="small" icon={<ReloadOutlined aria-hidden />} onClick={() => void loadHistory()} loading={loading}>
          Tải lại
        </Button>
      }
    >
      {error ? (
        <div style={{ padding: 12 }}>
          <ErrorAlert error={error} />
        </div>
      ) : null}
      <Table<ImportBatch>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={history}
        loading={loading && history.length === 0}
        rowClassName={(b) => (b.undoneAt ? 'imports-batch-undone' : '')}
        pagination={
          total > HISTORY_PAGE_SIZE
            ? { current: offset / HISTORY_PAGE_SIZE + 1, pageSize: HISTORY_PAGE_SIZE, total, showSizeChanger: false, onChange: (page) => void loadHistory(page) }
            : false
        }
        locale={{ emptyText: 'Chưa có lần nhập báo cáo nào' }}
        data-testid="imports-history"
      />
    </Card>
  );
}
