import { Alert, Button, Descriptions, Modal, Result, Spin, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import type { CampaignImportChange } from '../../../../shared/contract';
import { CAMPAIGN_KIND_SHORT, type CampaignKind } from '../../../../shared/domain/campaigns';
import { formatCount } from '../../../../shared/format/vi';
import { ErrorAlert } from '../../components/ErrorResult';
import { useCampaignImport } from '../../stores/campaignImport';
import { CellIssuesTable } from '../catalogs/CellIssuesTable';
import { KindTag, formatSpan } from './campaignLabels';

const ACTION: Record<CampaignImportChange['action'], React.ReactNode> = {
  add: <Tag color="green">Thêm</Tag>,
  update: <Tag color="blue">Sửa</Tag>,
  unchanged: <Tag>Không đổi</Tag>,
};

/** "Nhập từ Excel": the lists offices keep (one row per campaign or per day), previewed before anything is written. */
export function CampaignImportModal() {
  const s = useCampaignImport();
  const p = s.preview;
  let body;
  if (s.outcome) {
    body = (
      <Result
        status="success"
        title="Đã nhập danh sách hoạt động"
        subTitle={<span data-testid="campaign-import-outcome">{`Tệp ${s.outcome.fileName}: thêm ${formatCount(s.outcome.added)}, sửa ${formatCount(s.outcome.updated)} hoạt động.`}</span>}
      />
    );
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
            Chọn tệp Excel tổng hợp kết quả tuyên truyền: mỗi dòng một hoạt động, hoặc mỗi dòng một ngày của hoạt động (các ngày liền nhau cùng nội dung được gộp thành một hoạt
            động). Chương trình nhận ra các cột theo tiêu đề: Ngày, Nội dung, Loại hình, Địa điểm, Phối hợp, Số buổi, Người tham dự, Kế hoạch và thực hiện BHXH TN, BHYT HGĐ, Chi phí.
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">Chương trình cho xem trước; chưa có gì được ghi cho đến khi bạn bấm “Nhập vào cơ sở dữ liệu”.</Typography.Paragraph>
          <Button type="primary" size="large" icon={<UploadOutlined aria-hidden />} onClick={() => void s.pick()} loading={s.busy} data-testid="campaign-import-pick">
            Chọn tệp Excel
          </Button>
        </div>
      </Spin>
    );
  } else {
    body = (
      <Spin spinning={s.busy}>
        <div data-testid="campaign-import-preview" className="import-preview">
          {s.error ? <ErrorAlert error={s.error} /> : null}
          <Descriptions
            size="small"
            column={2}
            items={[
              { key: 'file', label: 'Tệp', children: <Typography.Text strong>{p.fileName}</Typography.Text> },
              { key: 'sheet', label: 'Trang tính', children: `${p.sheet} (${formatCount(p.rows)} dòng, ${p.layout === 'day' ? 'mỗi dòng một ngày' : 'mỗi dòng một hoạt động'})` },
              ...(p.columns.length ? [{ key: 'cols', label: 'Cột nhận ra', span: 2, children: p.columns.map((c) => `${c.column}: ${c.header}`).join('; ') }] : []),
            ]}
          />
          <div className="import-stats">
            <Statistic title="Thêm" value={p.counts.added} formatter={(v) => formatCount(Number(v))} />
            <Statistic title="Sửa" value={p.counts.updated} formatter={(v) => formatCount(Number(v))} />
            <Statistic title="Không đổi" value={p.counts.unchanged} formatter={(v) => formatCount(Number(v))} />
            <Statistic title="Cảnh báo" value={p.warnings.length} formatter={(v) => formatCount(Number(v))} />
            <Statistic title="Lỗi" value={p.errors.length} formatter={(v) => formatCount(Number(v))} styles={{ content: { color: p.errors.length ? '#cf1322' : undefined } }} />
          </div>
          {p.errors.length > 0 ? (
            <Alert type="error" showIcon title={`Tệp có ${formatCount(p.errors.length)} lỗi; chưa nhập được gì. Hãy sửa tệp theo danh sách lỗi rồi chọn lại.`} data-testid="campaign-import-blocked" />
          ) : !p.canCommit ? (
            <Alert type="info" showIcon title="Tệp không có gì thay đổi so với dữ liệu đã có." />
          ) : null}
          <Tabs
            size="small"
            defaultActiveKey={p.errors.length > 0 ? 'errors' : 'changes'}
            items={[
              {
                key: 'changes',
                label: `Hoạt động (${formatCount(p.changes.length)})`,
                children: (
                  <Table<CampaignImportChange>
                    size="small"
                    rowKey={(r) => `${r.sheet}-${r.rows.join('-')}`}
                    dataSource={p.changes}
                    pagination={{ pageSize: 8, showSizeChanger: false, hideOnSinglePage: true }}
                    columns={[
                      { title: 'Dòng', key: 'rows', width: 80, render: (_: unknown, r) => r.rows.join(', ') },
                      { title: '', dataIndex: 'action', width: 95, render: (a: CampaignImportChange['action']) => ACTION[a] },
                      { title: 'Thời gian', key: 'dates', width: 130, render: (_: unknown, r) => formatSpan(r.startsOn, r.endsOn) },
                      { title: 'Hoạt động', dataIndex: 'name' },
                      { title: 'Loại hình', dataIndex: 'kind', width: 120, render: (k: CampaignKind) => <KindTag kind={k} short={CAMPAIGN_KIND_SHORT[k]} /> },
                      { title: 'Người dự', dataIndex: 'attendees', width: 85, align: 'right', render: (v: number | null) => formatCount(v) },
                      { title: 'BHXH TN', key: 'tn', width: 110, align: 'right', render: (_: unknown, r) => `${formatCount(r.signups.BHXH_TN)} / ${formatCount(r.plan.BHXH_TN)}` },
                      { title: 'BHYT HGĐ', key: 'hgd', width: 110, align: 'right', render: (_: unknown, r) => `${formatCount(r.signups.BHYT_HGD)} / ${formatCount(r.plan.BHYT_HGD)}` },
                    ]}
                  />
                ),
              },
              { key: 'errors', label: <span className={p.errors.length ? 'tab-errors' : undefined}>Lỗi ({formatCount(p.errors.length)})</span>, children: <CellIssuesTable issues={p.errors} pageSize={8} testId="campaign-import-errors" /> },
              { key: 'warnings', label: `Cảnh báo (${formatCount(p.warnings.length)})`, children: <CellIssuesTable issues={p.warnings} pageSize={8} testId="campaign-import-warnings" /> },
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
          <Button key="commit" type="primary" onClick={() => void s.commit()} loading={s.busy} disabled={!p.canCommit || p.errors.length > 0} data-testid="campaign-import-commit">
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
      title="Nhập danh sách hoạt động tuyên truyền từ Excel"
      onCancel={() => (s.busy ? undefined : s.close())}
      footer={footer}
      width={p && !s.outcome ? 1040 : 640}
      mask={{ closable: false }}
      style={{ top: 24 }}
      destroyOnHidden
      data-testid="campaign-import-modal"
    >
      {body}
    </Modal>
  );
}
