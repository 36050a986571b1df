import { Alert, Button, DatePicker, Descriptions, Modal, Result, Spin, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { NetworkImportChange, NetworkImportOutcome, NetworkListKind } from '../../../../shared/contract';
import { formatCount } from '../../../../shared/format/vi';
import { ErrorAlert } from '../../components/ErrorResult';
import { useNetworkImport } from '../../stores/networkImport';
import { CellIssuesTable } from '../catalogs/CellIssuesTable';
import { formatMonth } from './networkLabels';

const LIST_LABELS: Record<NetworkListKind | 'results', string> = { agents: 'Tổ chức dịch vụ thu', points: 'Điểm thu', staff: 'Nhân viên thu', results: 'Kết quả tháng' };
const LISTS: NetworkListKind[] = ['agents', 'points', 'staff'];

function outcomeText(o: NetworkImportOutcome, kind: 'lists' | 'results'): string {
  if (kind === 'results') return `Tệp ${o.fileName}: đã ghi ${formatCount(o.values ?? 0)} số liệu kết quả${o.month ? ` tháng ${formatMonth(o.month)}` : ''}.`;
  const parts = LISTS.map((l) => `${LIST_LABELS[l].toLowerCase()}: thêm ${formatCount(o.counts[l].added)}, sửa ${formatCount(o.counts[l].updated)}`);
  return `Tệp ${o.fileName} — ${parts.join('; ')}.`;
}

function MonthPick() {
  const month = useNetworkImport((x) => x.month);
  const setMonth = useNetworkImport((x) => x.setMonth);
  return (
    <DatePicker
      picker="month"
      format="MM/YYYY"
      placeholder="theo tệp"
      value={month ? dayjs(month + '-01') : null}
      onChange={(d) => void setMonth(d ? d.format('YYYY-MM') : null)}
      aria-label="Kết quả của tháng"
      style={{ width: 130 }}
    />
  );
}

/** "Nhập danh sách từ Excel" (agents, points, staff) and "Nhập kết quả tháng": pick, preview, commit exactly that preview. */
export function NetworkImportModal() {
  const s = useNetworkImport();
  const kind = s.open;
  const lp = s.listPreview;
  const rp = s.resultsPreview;
  const previewed = kind === 'lists' ? lp : rp;
  const title = kind === 'results' ? 'Nhập kết quả tháng của nhân viên thu' : 'Nhập danh sách đại lý thu từ Excel';

  let body;
  if (s.outcome && kind) {
    body = <Result status="success" title={kind === 'lists' ? 'Đã nhập danh sách' : 'Đã nhập kết quả tháng'} subTitle={<span data-testid="network-import-outcome">{outcomeText(s.outcome, kind)}</span>} />;
  } else if (!previewed) {
    body = (
      <Spin spinning={s.busy} description="Đang đọc tệp…">
        {s.error ? (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={s.error} />
          </div>
        ) : null}
        <div className="import-intro">
          <FileExcelOutlined aria-hidden className="import-intro-icon" />
          {kind === 'lists' ? (
            <Typography.Paragraph>
              Chọn tệp Excel có các trang “Đại lý”, “Điểm thu”, “Nhân viên” (mỗi danh sách một trang; chương trình nhận ra trang theo tiêu đề cột). Ngày ghi dạng
              dd/mm/yyyy; số CCCD 12 chữ số.
            </Typography.Paragraph>
          ) : (
            <>
              <Typography.Paragraph>Chọn tệp Excel có một dòng cho mỗi nhân viên thu: mã nhân viên, số người tham gia mới, tái tục, giảm, số tiền thu.</Typography.Paragraph>
              <label className="toolbar-field" style={{ marginBottom: 12 }}>
                <span>Kết quả của tháng</span>
                <MonthPick />
              </label>
            </>
          )}
          <Typography.Paragraph type="secondary">Chương trình cho xem trước; chưa có gì được ghi cho đến khi bạn bấm “Nhập vào cơ sở dữ liệu”.</Typography.Paragraph>
          <Button type="primary" size="large" icon={<UploadOutlined aria-hidden />} onClick={() => void s.pick()} loading={s.busy} data-testid="network-import-pick">
            Chọn tệp Excel
          </Button>
        </div>
      </Spin>
    );
  } else {
    const errors = previewed.errors;
    const warnings = previewed.warnings;
    body = (
      <Spin spinning={s.busy}>
        <div data-testid="network-import-preview" className="import-preview">
          {s.error ? <ErrorAlert error={s.error} /> : null}
          <Descriptions
            size="small"
            column={2}
            items={[
              { key: 'file', label: 'Tệp', children: <Typography.Text strong>{previewed.fileName}</Typography.Text> },
              {
                key: 'sheets',
                label: 'Trang tính',
                children: lp ? lp.sheets.map((x) => `${x.sheet} (${LIST_LABELS[x.list]}, ${formatCount(x.rows)} dòng)`).join('; ') : rp ? `${rp.sheet}, tháng ${formatMonth(rp.month)}` : '',
              },
              ...(rp ? [{ key: 'month', label: 'Kết quả của tháng', span: 2, children: <MonthPick /> }] : []),
            ]}
          />
          {lp ? (
            <div className="import-stats network-import-stats">
              {LISTS.map((l) => (
                <Statistic
                  key={l}
                  title={LIST_LABELS[l]}
                  value={lp.counts[l].added}
                  formatter={() => `+${formatCount(lp.counts[l].added)} · sửa ${formatCount(lp.counts[l].updated)} · giữ ${formatCount(lp.counts[l].unchanged)}`}
                />
              ))}
              <Statistic title="Lỗi" value={errors.length} formatter={(v) => formatCount(Number(v))} styles={{ content: { color: errors.length ? '#cf1322' : undefined } }} />
            </div>
          ) : rp ? (
            <div className="import-stats">
              <Statistic title="Dòng" value={rp.rows} formatter={(v) => formatCount(Number(v))} />
              <Statistic title="Số liệu" value={rp.values} formatter={(v) => formatCount(Number(v))} />
              <Statistic title="Thay số đã có" value={rp.replaced} formatter={(v) => formatCount(Number(v))} />
              <Statistic title="Cảnh báo" value={warnings.length} formatter={(v) => formatCount(Number(v))} />
              <Statistic title="Lỗi" value={errors.length} formatter={(v) => formatCount(Number(v))} styles={{ content: { color: errors.length ? '#cf1322' : undefined } }} />
            </div>
          ) : null}
          {errors.length > 0 ? (
            <Alert type="error" showIcon title={`Tệp có ${formatCount(errors.length)} lỗi; chưa nhập được gì. Hãy sửa tệp theo danh sách lỗi rồi chọn lại.`} data-testid="network-import-blocked" />
          ) : !previewed.canCommit ? (
            <Alert type="info" showIcon title="Tệp không có gì thay đổi so với dữ liệu đã có." />
          ) : null}
          <Tabs
            size="small"
            defaultActiveKey={errors.length > 0 ? 'errors' : lp ? 'changes' : 'warnings'}
            items={[
              ...(lp
                ? [
                    {
                      key: 'changes',
                      label: `Thay đổi (${formatCount(lp.changes.length)})`,
                      children: (
                        <Table<NetworkImportChange>
                          size="small"
                          rowKey={(r, i) => `${r.list}-${r.code}-${i}`}
                          dataSource={lp.changes}
                          pagination={{ pageSize: 8, showSizeChanger: false, hideOnSinglePage: true }}
                          locale={{ emptyText: 'Không có thay đổi' }}
                          columns={[
                            { title: 'Danh sách', dataIndex: 'list', width: 160, render: (l: NetworkListKind) => LIST_LABELS[l] },
                            { title: 'Thao tác', dataIndex: 'action', width: 90, render: (a: NetworkImportChange['action']) => (a === 'add' ? <Tag color="green">Thêm</Tag> : <Tag color="blue">Sửa</Tag>) },
                            { title: 'Tên', dataIndex: 'name', width: 220 },
                            { title: 'Nội dung', dataIndex: 'description' },
                          ]}
                        />
                      ),
                    },
                  ]
                : []),
              { key: 'errors', label: <span className={errors.length ? 'tab-errors' : undefined}>Lỗi ({formatCount(errors.length)})</span>, children: <CellIssuesTable issues={errors} pageSize={8} testId="network-import-errors" /> },
              { key: 'warnings', label: `Cảnh báo (${formatCount(warnings.length)})`, children: <CellIssuesTable issues={warnings} pageSize={8} testId="network-import-warnings" /> },
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
    : previewed
      ? [
          <Button key="other" onClick={() => void s.pick()} disabled={s.busy}>
            Chọn tệp khác
          </Button>,
          <Button key="cancel" onClick={s.close} disabled={s.busy}>
            Hủy
          </Button>,
          <Button key="commit" type="primary" onClick={() => void s.commit()} loading={s.busy} disabled={!previewed.canCommit || previewed.errors.length > 0} data-testid="network-import-commit">
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
      open={kind !== null}
      title={title}
      onCancel={() => (s.busy ? undefined : s.close())}
      footer={footer}
      width={previewed && !s.outcome ? 1000 : 640}
      mask={{ closable: false }}
      style={{ top: 24 }}
      destroyOnHidden
      data-testid="network-import-modal"
    >
      {body}
    </Modal>
  );
}
