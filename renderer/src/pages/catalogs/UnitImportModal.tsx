import { Alert, Button, DatePicker, Descriptions, Modal, Progress, Result, Space, Spin, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { FileExcelOutlined, StopOutlined, UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { UnitChange } from '../../../../shared/contract';
import { formatCount, formatDate } from '../../../../shared/format/vi';
import { useAppStore } from '../../stores/app';
import { useUnitImportStore } from '../../stores/unitImport';
import { ErrorAlert } from '../../components/ErrorResult';
import { PICKER_FORMAT, dayjsToIso, isoToDayjs } from '../../format/dates';
import { CellIssuesTable } from './CellIssuesTable';
import { CHANGE_ACTION_LABELS, IMPORT_SHAPE_LABELS, levelLabel } from '../../text/labels';

const changeColumns = [
  {
    title: 'Thao tác',
    dataIndex: 'action',
    width: 150,
    render: (a: UnitChange['action']) => <Tag color={CHANGE_ACTION_LABELS[a].color}>{CHANGE_ACTION_LABELS[a].label}</Tag>,
  },
  { title: 'Mã', dataIndex: 'code', width: 90 },
  { title: 'Tên đơn vị', dataIndex: 'name', width: 220 },
  { title: 'Cấp', dataIndex: 'level', width: 120, render: (l: string) => levelLabel(l) },
  {
    title: 'Thay đổi',
    dataIndex: 'changes',
    render: (c: string[]) =>
      c.length ? (
        <ul className="change-list">
          {c.map((x, i) => (
            <li key={i}>{x}</li>
          ))}
        </ul>
      ) : (
        <Typography.Text type="secondary">—</Typography.Text>
      ),
  },
];


function Intro({ onPick, busy }: { onPick: () => void; busy: boolean }) {
  return (
    <div className="import-intro">
      <FileExcelOutlined aria-hidden className="import-intro-icon" />
      <Typography.Paragraph>
        Chọn tệp Excel danh mục đơn vị hành chính do cơ quan thống kê hoặc BHXH Việt Nam ban hành (các cột Mã tỉnh, Tên tỉnh, Mã huyện, Tên
        huyện, Mã xã, Tên xã, Cấp), danh mục 2 cấp từ 01/07/2025, hoặc bảng sáp nhập đơn vị cũ → đơn vị mới.
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        Hỗ trợ tệp .xlsx, .xls, .ods, .csv. Chương trình sẽ cho xem trước các thay đổi; chưa có gì được ghi cho đến khi bạn bấm “Nhập vào cơ
        sở dữ liệu”.
      </Typography.Paragraph>
      <Button type="primary" size="large" icon={<UploadOutlined aria-hidden />} onClick={onPick} loading={busy}>
        Chọn tệp Excel
      </Button>
    </div>
  );
}

/** The stage core reports while the list is read in the worker, and "Dừng đọc tệp". */
function UnitReadProgress() {
  const fileName = useUnitImportStore((s) => s.file?.name ?? '');
  const operationId = useUnitImportStore((s) => s.operationId);
  const cancelPreview = useUnitImportStore((s) => s.cancelPreview);
  const task = useAppStore((s) => (operationId ? s.tasks[operationId] : undefined));
  const [stopping, setStopping] = useState(false);
  const percent = Math.max(3, task && task.total > 0 ? Math.round((task.done / task.total) * 100) : 0);
  const stop = async () => {
    setStopping(true);
    try {
      await cancelPreview();
    } finally {
      setStopping(false);
    }
  };
  return (
    <div className="import-loading import-read-progress" data-testid="import-progress" role="status" aria-live="polite">
      <Typography.Text strong>Đang đọc tệp {fileName}</Typography.Text>
      <Progress percent={percent} status="active" showInfo={false} aria-label="Tiến độ đọc tệp" />
      <div className="import-read-progress-row">
        <Typography.Text type="secondary" data-testid="import-progress-stage">
          {task?.label ?? 'Đang đọc tệp…'}
        </Typography.Text>
        <Button icon={<StopOutlined aria-hidden />} onClick={() => void stop()} loading={stopping} disabled={!operationId}>
          Dừng đọc tệp
        </Button>
      </div>
    </div>
  );
}

export function UnitImportModal() {
  const s = useUnitImportStore();
  const p = s.preview;
  const busy = s.picking || s.previewing;
  const actionable = p ? p.added + p.updated + p.linksAdded : 0;
  const noChange = p !== null && actionable === 0 && p.errors.length === 0;
  const blocked = p !== null && actionable === 0;

  const close = () => {
    if (s.committing) return;
    s.close();
  };

  let body;
  if (s.outcome) {
    const o = s.outcome;
    body = (
      <Result
        status="success"
        title="Đã nhập danh mục đơn vị hành chính"
        subTitle={
          <span data-testid="import-outcome">
            Tệp {o.fileName}: thêm mới {formatCount(o.added)}, cập nhật {formatCount(o.updated)}, không đổi {formatCount(o.unchanged)}, liên
            kết sáp nhập {formatCount(o.linksAdded)}
            {o.unitsClosed ? `, ${formatCount(o.unitsClosed)} đơn vị hết hiệu lực` : ''}.
          </span>
        }
        extra={
          o.backupFile ? (
            <Typography.Text type="secondary">
              Dữ liệu trước khi nhập đã được sao lưu vào tệp <Typography.Text code>{o.backupFile}</Typography.Text>.
            </Typography.Text>
          ) : null
        }
      />
    );
  } else if (!p && !s.previewing) {
    body = (
      <>
        {s.cancelled ? (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} data-testid="import-cancelled" title={s.cancelled} />
        ) : null}
        {s.error ? (
          <div style={{ marginBottom: 16 }} data-testid="import-error">
            <ErrorAlert error={s.error} title={s.file ? `Không đọc được tệp ${s.file.name}` : undefined} />
          </div>
        ) : null}
        <Intro onPick={() => void s.pickFile()} busy={busy} />
      </>
    );
  } else if (!p) {
    body = <UnitReadProgress />;
  } else {
    body = (
      <Spin spinning={s.previewing || s.committing} description={s.committing ? 'Đang nhập…' : 'Đang đọc lại tệp…'}>
        <div className="import-preview" data-testid="import-preview">
          {s.error ? (
            <div style={{ marginBottom: 12 }}>
              <ErrorAlert error={s.error} />
            </div>
          ) : null}
          <Descriptions
            size="small"
            column={2}
            items={[
              { key: 'file', label: 'Tệp', children: <Typography.Text strong>{p.fileName}</Typography.Text> },
              { key: 'sheet', label: 'Trang tính', children: p.sheetName },
              {
                key: 'shape',
                label: 'Dạng tệp',
                children: <span data-testid="import-shape">{IMPORT_SHAPE_LABELS[p.shape] ?? p.shape}</span>,
              },
              { key: 'rows', label: 'Số dòng dữ liệu', children: formatCount(p.rowCount) },
              ...(p.shape === 'list-2-level'
                ? [
                    {
                      key: 'validFrom',
                      label: 'Ngày hiệu lực của danh mục',
                      span: 2,
                      children: (
                        <Space>
                          <DatePicker
                            format={PICKER_FORMAT}
                            value={isoToDayjs(p.validFrom)}
                            onChange={(d) => void s.setValidFrom(dayjsToIso(d))}
                            placeholder="dd/mm/yyyy"
                            aria-label="Ngày hiệu lực của danh mục"
                            data-testid="import-valid-from"
                          />
                          <Typography.Text type="secondary">Các đơn vị trong danh mục bắt đầu có hiệu lực từ ngày này.</Typography.Text>
                        </Space>
                      ),
                    },
                  ]
                : p.validFrom
                  ? [{ key: 'validFrom', label: 'Ngày hiệu lực', children: formatDate(p.validFrom) }]
                  : []),
            ]}
          />
          <div className="import-stats" data-testid="import-stats">
            <Statistic
              title="Thêm mới"
              value={p.added}
              formatter={(v) => formatCount(Number(v))}
              styles={{ content: { color: '#389e0d' } }}
            />
            <Statistic
              title="Cập nhật"
              value={p.updated}
              formatter={(v) => formatCount(Number(v))}
              styles={{ content: { color: '#0b5aa2' } }}
            />
            <Statistic title="Không đổi" value={p.unchanged} formatter={(v) => formatCount(Number(v))} />
            <Statistic
              title="Liên kết sáp nhập"
              value={p.linksAdded}
              formatter={(v) => formatCount(Number(v))}
              styles={{ content: { color: '#722ed1' } }}
            />
            <Statistic
              title="Lỗi"
              value={p.errors.length}
              formatter={(v) => formatCount(Number(v))}
              styles={{ content: { color: p.errors.length ? '#cf1322' : undefined } }}
            />
          </div>
          {noChange ? (
            <Alert
              type="info"
              showIcon
              title="Danh mục không có gì thay đổi"
              description="Mọi đơn vị trong tệp đã có trong cơ sở dữ liệu với cùng thông tin."
            />
          ) : null}
          {p.errors.length > 0 ? (
            <Alert
              type="error"
              showIcon
              title={
                blocked
                  ? `Tệp có ${formatCount(p.errors.length)} lỗi, không có dòng nào nhập được. Hãy sửa tệp rồi chọn lại.`
                  : `Tệp có ${formatCount(p.errors.length)} dòng lỗi; các dòng này sẽ không được nhập.`
              }
              style={{ marginBottom: 8 }}
            />
          ) : null}
          <Tabs
            size="small"
            defaultActiveKey={p.errors.length > 0 && p.changes.length === 0 ? 'errors' : 'changes'}
            items={[
              {
                key: 'changes',
                label: `Thay đổi (${formatCount(p.changes.length)})`,
                children: (
                  <Table<UnitChange>
                    size="small"
                    rowKey={(r) => `${r.action}-${r.code}-${r.changes.join('|')}`}
                    columns={changeColumns}
                    dataSource={p.changes}
                    pagination={{ pageSize: 6, showSizeChanger: false, hideOnSinglePage: true }}
                    locale={{ emptyText: 'Không có thay đổi' }}
                    data-testid="import-changes"
                  />
                ),
              },
              {
                key: 'errors',
                label: <span className={p.errors.length ? 'tab-errors' : undefined}>Lỗi ({formatCount(p.errors.length)})</span>,
                children: (
                  <CellIssuesTable issues={p.errors} pageSize={6} testId="import-errors" />
                ),
              },
            ]}
          />
        </div>
      </Spin>
    );
  }

  const footer = s.outcome
    ? [
        <Button key="close" type="primary" onClick={close}>
          Đóng
        </Button>,
      ]
    : p
      ? [
          <Button key="other" onClick={() => void s.pickFile()} disabled={s.committing} loading={s.picking}>
            Chọn tệp khác
          </Button>,
          <Button key="cancel" onClick={close} disabled={s.committing}>
            Hủy
          </Button>,
          <Button
            key="commit"
            type="primary"
            onClick={() => void s.commit()}
            loading={s.committing}
            disabled={blocked || s.previewing}
            title={noChange ? 'Danh mục không có gì thay đổi' : undefined}
          >
            Nhập vào cơ sở dữ liệu
          </Button>,
        ]
      : [
          <Button key="cancel" onClick={close}>
            Hủy
          </Button>,
        ];

  return (
    <Modal
      open={s.open}
      title="Nhập danh mục đơn vị hành chính từ Excel"
      onCancel={close}
      footer={footer}
      width={p && !s.outcome ? 1040 : 640}
      mask={{ closable: false }}
      style={{ top: 24 }}
      styles={{ body: { maxHeight: 'calc(100vh - 180px)', overflowY: 'auto', overflowX: 'hidden' } }}
      destroyOnHidden
      data-testid="unit-import-modal"
    >
      {body}
    </Modal>
  );
}
