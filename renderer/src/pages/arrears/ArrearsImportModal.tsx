import { Alert, Button, DatePicker, Descriptions, Modal, Result, Spin, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { ArrearsImportOutcome, ArrearsImportPreview, ArrearsImportRow } from '../../../../shared/contract';
import { ARREARS_BAND_SHORT, MONTH_BANDS, type ArrearsBand } from '../../../../shared/domain/arrears';
import { formatCount, formatMoney } from '../../../../shared/format/vi';
import { ErrorAlert } from '../../components/ErrorResult';
import { useArrearsImport } from '../../stores/arrearsImport';
import { CellIssuesTable } from '../catalogs/CellIssuesTable';
import { OfficeSelect } from '../network/NetworkSelects';
import { BandTag, EmployerStatusTag, formatMonth } from './arrearsLabels';

const SOURCE: Record<'chosen' | 'file', string> = { chosen: 'chọn ở đây', file: 'đọc từ tệp' };

function outcomeText(o: ArrearsImportOutcome): string {
  return (
    `Tệp ${o.fileName}, nợ đến hết tháng ${formatMonth(o.period)}: đã nhập ${formatCount(o.imported)} đơn vị` +
    ` (thêm mới ${formatCount(o.employersAdded)}, cập nhật ${formatCount(o.employersUpdated)})` +
    (o.rejected ? `, bỏ qua ${formatCount(o.rejected)} dòng lỗi` : '') +
    '.'
  );
}

/** The month and office the list is for: chosen here, or (left empty) as the file's title and heading say. */
function ScopeFields({ preview }: { preview: ArrearsImportPreview | null }) {
  const s = useArrearsImport();
  return (
    <div className="arrears-import-fields">
      <label className="toolbar-field">
        <span>Nợ đến hết tháng</span>
        <DatePicker
          picker="month"
          format="MM/YYYY"
          placeholder="theo tệp"
          value={s.period ? dayjs(s.period + '-01') : null}
          onChange={(d) => void s.setPeriod(d ? d.format('YYYY-MM') : null)}
          aria-label="Nợ đến hết tháng"
          data-testid="arrears-import-period"
          style={{ width: 130 }}
        />
        {preview?.period ? (
          <Typography.Text type="secondary">
            {formatMonth(preview.period)} ({preview.periodSource ? SOURCE[preview.periodSource] : ''})
          </Typography.Text>
        ) : null}
      </label>
      <label className="toolbar-field">
        <span>BHXH cơ sở</span>
        <OfficeSelect value={s.officeCode} onChange={(v) => void s.setOfficeCode(v)} width={240} placeholder="theo tệp" testId="arrears-import-office" />
        {preview?.officeName ? (
          <Typography.Text type="secondary">
            {preview.officeName} ({preview.officeSource ? SOURCE[preview.officeSource] : ''})
          </Typography.Text>
        ) : null}
      </label>
    </div>
  );
}

/** "Nhập danh sách nợ": pick an office's arrears list, preview (counts, totals by band, errors by sheet/row/cell), commit exactly that preview. */
export function ArrearsImportModal() {
  const s = useArrearsImport();
  const p = s.preview;
  let body;
  if (s.outcome) {
    body = <Result status="success" title="Đã nhập danh sách nợ" subTitle={<span data-testid="arrears-import-outcome">{outcomeText(s.outcome)}</span>} />;
  } else if (!p) {
    body = (
      <Spin spinning={s.busy} description="Đang đọc tệp…">
        {s.error ? (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={s.error} />
          </div>
        ) : null}
        <div className="import-intro">
          <FileExcelOutlined aria-hidden className="import-intro-icon" />
          <Typography.Paragraph>
            Chọn tệp Excel danh sách đơn vị chậm đóng của một BHXH cơ sở (mẫu “Danh sách đơn vị chậm đóng BHXH, BHYT, BHTN đến hết tháng …”): tên đơn vị, mã đơn vị, mã số thuế,
            tiền nợ, số tháng chậm đóng, lãi chậm đóng, ghi chú.
          </Typography.Paragraph>
          <ScopeFields preview={null} />
          <Typography.Paragraph type="secondary">Chương trình cho xem trước; chưa có gì được ghi cho đến khi bạn bấm “Nhập vào cơ sở dữ liệu”.</Typography.Paragraph>
          <Button type="primary" size="large" icon={<UploadOutlined aria-hidden />} onClick={() => void s.pick()} loading={s.busy} data-testid="arrears-import-pick">
            Chọn tệp Excel
          </Button>
        </div>
      </Spin>
    );
  } else {
    const errors = p.errors;
    const warnings = p.warnings;
    body = (
      <Spin spinning={s.busy}>
        <div data-testid="arrears-import-preview" className="import-preview">
          {s.error ? <ErrorAlert error={s.error} /> : null}
          <Descriptions
            size="small"
            column={2}
            items={[
              { key: 'file', label: 'Tệp', children: <Typography.Text strong>{p.fileName}</Typography.Text> },
              { key: 'sheet', label: 'Trang tính', children: p.sheet },
            ]}
          />
          <ScopeFields preview={p} />
          <div className="arrears-import-stats">
            <Statistic title="Dòng đọc được" value={p.rowsRead} formatter={(v) => <span data-testid="arrears-count-read">{formatCount(Number(v))}</span>} />
            <Statistic title="Đơn vị mới" value={p.newEmployers} formatter={(v) => formatCount(Number(v))} />
            <Statistic title="Đơn vị đã có" value={p.existingEmployers} formatter={(v) => formatCount(Number(v))} />
            <Statistic title="Tổng số nợ" value={p.totals.amountOwed} formatter={(v) => <span data-testid="arrears-import-total">{formatMoney(Number(v))}</span>} />
            <Statistic
              title="Lỗi"
              value={errors.length}
              formatter={(v) => <span data-testid="arrears-count-error">{formatCount(Number(v))}</span>}
              styles={{ content: { color: errors.length ? '#cf1322' : undefined } }}
            />
          </div>
          <div className="muted" style={{ marginBottom: 8 }} data-testid="arrears-import-bands">
            {MONTH_BANDS.map((b: ArrearsBand) => `${ARREARS_BAND_SHORT[b]}: ${formatMoney(p.totals.byBand[b] ?? 0)}`).join(' · ')}
            {p.totals.byBand.CLOSED ? ` · ${ARREARS_BAND_SHORT.CLOSED}: ${formatMoney(p.totals.byBand.CLOSED)}` : ''}
          </div>
          {!p.canCommit ? (
            <Alert type="error" showIcon title={`Tệp có ${formatCount(errors.length)} lỗi; chưa nhập được. Hãy sửa tệp theo danh sách lỗi, hoặc chọn tháng, BHXH cơ sở ở trên.`} data-testid="arrears-import-blocked" />
          ) : errors.length > 0 ? (
            <Alert type="warning" showIcon title={`${formatCount(p.rowsRejected)} dòng có lỗi sẽ bị bỏ qua; ${formatCount(p.rowsOk)} dòng được nhập.`} />
          ) : null}
          <Tabs
            size="small"
            defaultActiveKey={errors.length > 0 ? 'errors' : 'rows'}
            items={[
              {
                key: 'rows',
                label: `Đơn vị (${formatCount(p.rows.length)})`,
                children: (
                  <Table<ArrearsImportRow>
                    size="small"
                    rowKey={(r) => `${r.sheet}-${r.row}`}
                    dataSource={p.rows}
                    data-testid="arrears-import-rows"
                    pagination={{ pageSize: 8, showSizeChanger: false, hideOnSinglePage: true }}
                    columns={[
                      { title: 'Dòng', dataIndex: 'row', width: 60 },
                      { title: 'Mã ĐV', dataIndex: 'code', width: 100 },
                      { title: 'Tên đơn vị', dataIndex: 'name' },
                      { title: 'Số tháng', dataIndex: 'monthsOwed', align: 'right', width: 80, render: (v: number) => formatCount(v) },
                      { title: 'Tiền nợ', dataIndex: 'amountOwed', align: 'right', width: 140, render: (v: number) => formatMoney(v) },
                      { title: 'Nhóm', dataIndex: 'band', width: 170, render: (b: ArrearsBand) => <BandTag band={b} /> },
                      { title: 'Tình trạng', dataIndex: 'status', width: 150, render: (_: unknown, r) => <EmployerStatusTag status={r.status} /> },
                      { title: '', dataIndex: 'employer', width: 80, render: (v: ArrearsImportRow['employer']) => (v === 'new' ? <Tag color="green">Mới</Tag> : <Tag color="blue">Đã có</Tag>) },
                    ]}
                  />
                ),
              },
              {
                key: 'columns',
                label: 'Cột đã nhận',
                children: (
                  <Table
                    size="small"
                    rowKey="column"
                    dataSource={p.columns}
                    pagination={false}
                    columns={[
                      { title: 'Cột', dataIndex: 'column', width: 70 },
                      { title: 'Tiêu đề trong tệp', dataIndex: 'header' },
                      { title: 'Hiểu là', dataIndex: 'label' },
                    ]}
                  />
                ),
              },
              { key: 'errors', label: <span className={errors.length ? 'tab-errors' : undefined}>Lỗi ({formatCount(errors.length)})</span>, children: <CellIssuesTable issues={errors} pageSize={8} testId="arrears-import-errors" /> },
              { key: 'warnings', label: `Cảnh báo (${formatCount(warnings.length)})`, children: <CellIssuesTable issues={warnings} pageSize={8} testId="arrears-import-warnings" /> },
            ]}
          />
        </div>
      </Spin>
    );
  }
  const footer = s.outcome
    ? [
        <Button key="close" type="primary" onClick={s.close}>
          Đóng
        </Button>,
      ]
    : p
      ? [
          <Button key="other" onClick={() => void s.pick()} disabled={s.busy}>
            Chọn tệp khác
          </Button>,
          <Button key="cancel" onClick={s.close} disabled={s.busy}>
            Hủy
          </Button>,
          <Button key="commit" type="primary" onClick={() => void s.commit()} loading={s.busy} disabled={!p.canCommit} data-testid="arrears-import-commit">
            Nhập vào cơ sở dữ liệu
          </Button>,
        ]
      : [
          <Button key="cancel" onClick={s.close}>
            Hủy
          </Button>,
        ];
  return (
    <Modal
      open={s.open}
      title="Nhập danh sách nợ từ Excel"
      onCancel={() => (s.busy ? undefined : s.close())}
      footer={footer}
      width={p && !s.outcome ? 1040 : 680}
      mask={{ closable: false }}
      style={{ top: 24 }}
      destroyOnHidden
      data-testid="arrears-import-modal"
    >
      {body}
    </Modal>
  );
}

