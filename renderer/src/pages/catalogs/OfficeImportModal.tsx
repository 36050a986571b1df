import { Alert, Button, DatePicker, Descriptions, Modal, Result, Space, Spin, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { OfficeImportChange } from '../../../../shared/contract';
import { formatCount } from '../../../../shared/format/vi';
import { ErrorAlert } from '../../components/ErrorResult';
import { PICKER_FORMAT, dayjsToIso } from '../../format/dates';
import { useOfficesStore } from '../../stores/offices';
import { CellIssuesTable } from './CellIssuesTable';
import type { Dayjs } from 'dayjs';

const ACTION_LABELS: Record<OfficeImportChange['action'], { label: string; color: string }> = {
  'add-office': { label: 'Thêm cơ quan', color: 'green' },
  'update-office': { label: 'Sửa cơ quan', color: 'blue' },
  'add-member': { label: 'Giao xã, phường', color: 'purple' },
  'end-member': { label: 'Thôi trực thuộc', color: 'orange' },
};


export function OfficeImportModal() {
  const s = useOfficesStore();
  const p = s.importPreview;
  const [from, setFrom] = useState<Dayjs | null>(null);
  const actionable = p ? p.officesAdded + p.officesUpdated + p.membersAdded + p.membersChanged : 0;
  const blocked = p !== null && (p.errors.length > 0 || actionable === 0);

  let body;
  if (s.importOutcome) {
    const o = s.importOutcome;
    body = (
      <Result
        status="success"
        title="Đã nhập danh sách cơ quan BHXH cơ sở"
        subTitle={
          <span data-testid="office-import-outcome">
            Tệp {o.fileName}: thêm {formatCount(o.officesAdded)} cơ quan, sửa {formatCount(o.officesUpdated)}, giao {formatCount(o.membersAdded)} xã,
            phường, kết thúc {formatCount(o.membersChanged)} phân công.
          </span>
        }
      />
    );
  } else if (!p) {
    body = (
      <Spin spinning={s.importBusy} description="Đang đọc tệp…">
        {s.importError ? (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={s.importError} />
          </div>
        ) : null}
        <div className="import-intro">
          <FileExcelOutlined aria-hidden className="import-intro-icon" />
          <Typography.Paragraph>
            Chọn tệp Excel có trang “Cơ quan” (các cột Mã cơ quan, Tên cơ quan, Địa chỉ, Điện thoại, Giám đốc) và/hoặc trang “Xã phường” (các cột
            Mã cơ quan, Mã xã, Từ ngày, Đến ngày; ngày dạng dd/mm/yyyy).
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">Chương trình cho xem trước; chưa có gì được ghi cho đến khi bạn bấm “Nhập vào cơ sở dữ liệu”.</Typography.Paragraph>
          <Button type="primary" size="large" icon={<UploadOutlined aria-hidden />} onClick={() => void s.pickImportFile()} loading={s.importBusy} data-testid="office-import-pick">
            Chọn tệp Excel
          </Button>
        </div>
      </Spin>
    );
  } else {
    body = (
      <Spin spinning={s.importBusy}>
        <div data-testid="office-import-preview">
          {s.importError ? (
            <div style={{ marginBottom: 12 }}>
              <ErrorAlert error={s.importError} />
            </div>
          ) : null}
          <Descriptions
            size="small"
            column={2}
            items={[
              { key: 'file', label: 'Tệp', children: <Typography.Text strong>{p.fileName}</Typography.Text> },
              { key: 'sheets', label: 'Trang tính', children: [p.officesSheet, p.membersSheet].filter(Boolean).join(', ') },
              {
                key: 'from',
                label: 'Ngày bắt đầu cho dòng không ghi “Từ ngày”',
                span: 2,
                children: (
                  <Space>
                    <DatePicker
                      format={PICKER_FORMAT}
                      placeholder="dd/mm/yyyy"
                      value={from}
                      onChange={(d) => {
                        setFrom(d);
                        void s.setImportValidFrom(dayjsToIso(d));
                      }}
                      aria-label="Ngày bắt đầu cho dòng không ghi Từ ngày"
                    />
                  </Space>
                ),
              },
            ]}
          />
          <div className="import-stats">
            <Statistic title="Thêm cơ quan" value={p.officesAdded} formatter={(v) => formatCount(Number(v))} />
            <Statistic title="Sửa cơ quan" value={p.officesUpdated} formatter={(v) => formatCount(Number(v))} />
            <Statistic title="Giao xã, phường" value={p.membersAdded} formatter={(v) => formatCount(Number(v))} />
            <Statistic title="Không đổi" value={p.unchanged} formatter={(v) => formatCount(Number(v))} />
            <Statistic title="Lỗi" value={p.errors.length} formatter={(v) => formatCount(Number(v))} styles={{ content: { color: p.errors.length ? '#cf1322' : undefined } }} />
          </div>
          {p.errors.length > 0 ? (
            <Alert
              type="error"
              showIcon
              title={`Tệp có ${formatCount(p.errors.length)} lỗi; chưa nhập được gì. Hãy sửa tệp theo danh sách lỗi rồi chọn lại.`}
              style={{ marginBottom: 8 }}
              data-testid="office-import-blocked"
            />
          ) : actionable === 0 ? (
            <Alert type="info" showIcon title="Tệp không có gì thay đổi so với danh mục." style={{ marginBottom: 8 }} />
          ) : null}
          <Tabs
            size="small"
            defaultActiveKey={p.errors.length > 0 ? 'errors' : 'changes'}
            items={[
              {
                key: 'changes',
                label: `Thay đổi (${formatCount(p.changes.length)})`,
                children: (
                  <Table<OfficeImportChange>
                    size="small"
                    rowKey={(r, i) => `${r.action}-${r.officeCode}-${i}`}
                    dataSource={p.changes}
                    pagination={{ pageSize: 8, showSizeChanger: false, hideOnSinglePage: true }}
                    locale={{ emptyText: 'Không có thay đổi' }}
                    columns={[
                      { title: 'Thao tác', dataIndex: 'action', width: 150, render: (a: OfficeImportChange['action']) => <Tag color={ACTION_LABELS[a].color}>{ACTION_LABELS[a].label}</Tag> },
                      { title: 'Cơ quan', dataIndex: 'officeName', width: 220 },
                      { title: 'Nội dung', dataIndex: 'description' },
                    ]}
                  />
                ),
              },
              {
                key: 'errors',
                label: <span className={p.errors.length ? 'tab-errors' : undefined}>Lỗi ({formatCount(p.errors.length)})</span>,
                children: (
                  <CellIssuesTable issues={p.errors} pageSize={8} testId="office-import-errors" />
                ),
              },
            ]}
          />
        </div>
      </Spin>
    );
  }

  const footer = s.importOutcome
    ? [
        <Button key="close" type="primary" onClick={s.closeImport}>
          Đóng
        </Button>,
      ]
    : p
      ? [
          <Button key="other" onClick={() => void s.pickImportFile()} disabled={s.importBusy}>
            Chọn tệp khác
          </Button>,
          <Button key="cancel" onClick={s.closeImport} disabled={s.importBusy}>
            Hủy
          </Button>,
          <Button key="commit" type="primary" onClick={() => void s.commitImport()} loading={s.importBusy} disabled={blocked} data-testid="office-import-commit">
            Nhập vào cơ sở dữ liệu
          </Button>,
        ]
      : [
          <Button key="cancel" onClick={s.closeImport}>
            Hủy
          </Button>,
        ];

  return (
    <Modal
      open={s.importOpen}
      title="Nhập cơ quan BHXH cơ sở từ Excel"
      onCancel={() => (s.importBusy ? undefined : s.closeImport())}
      footer={footer}
      width={p && !s.importOutcome ? 1000 : 640}
      mask={{ closable: false }}
      style={{ top: 24 }}
      destroyOnHidden
      data-testid="office-import-modal"
    >
      {body}
    </Modal>
  );
}
