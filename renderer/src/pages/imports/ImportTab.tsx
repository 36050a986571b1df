import { Alert, App, Button, Card, Popconfirm, Result, Spin, Steps, Typography } from 'antd';
import {
  CloudUploadOutlined,
  DashboardOutlined,
  FileExcelOutlined,
  HistoryOutlined,
  UploadOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { useState } from 'react';
import type { ImportIssue, ImportPreview } from '../../../../shared/contract';
import { monthLabel } from '../../../../shared/domain/periods';
import { formatCount } from '../../../../shared/format/vi';
import { ErrorAlert } from '../../components/ErrorResult';
import { useImportsStore, type CommittedImport } from '../../stores/imports';
import { ChangesTable } from './ChangesTable';
import { ColumnMapping } from './ColumnMapping';
import { PreviewChecks, TotalsAlerts } from './PreviewChecks';
import { PreviewHeader } from './PreviewHeader';
import { PreviewProgress } from './PreviewProgress';
import { PreviewRows } from './PreviewRows';
import { fileErrors, otherWarnings } from './importText';

function Intro() {
  const pickFile = useImportsStore((s) => s.pickFile);
  const picking = useImportsStore((s) => s.picking);
  return (
    <Card className="imports-intro" data-testid="imports-intro">
      <FileExcelOutlined aria-hidden className="imports-intro-icon" />
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        Nhập báo cáo của BHXH cơ sở từ tệp Excel
      </Typography.Title>
      <Typography.Paragraph>
        Chọn tệp báo cáo kết quả phát triển người tham gia mà BHXH cơ sở gửi lên: mỗi xã, thị trấn một dòng, các cột kế hoạch giao và thực
        hiện (BHXH tự nguyện, BHYT hộ gia đình, dân số, số người tham gia BHYT…), thường có dòng tổng cộng ở cuối.
      </Typography.Paragraph>
      <ul className="imports-intro-list">
        <li>Tệp .xlsx, .xls, .ods hoặc .csv; cả tệp cũ dùng phông TCVN3 (.VnTime) hoặc VNI.</li>
        <li>Tiêu đề gộp hai dòng, dòng đánh số cột, số gõ dạng “3.285” và tên gõ tắt (“TT Ngan Dừa”, “X. Lộc Ninh”) đều đọc được.</li>
        <li>Kỳ báo cáo được lấy từ tiêu đề (“Tháng 9 năm 2020”); nếu không có, bạn chọn tháng.</li>
        <li>Chưa có gì được ghi cho đến khi bạn xem trước và bấm “Nhập vào cơ sở dữ liệu”; mỗi lần nhập đều hoàn tác được.</li>
      </ul>
      <Button type="primary" size="large" icon={<UploadOutlined aria-hidden />} onClick={() => void pickFile()} loading={picking}>
        Chọn tệp Excel
      </Button>
    </Card>
  );
}

function Committed({ committed }: { committed: CommittedImport }) {
  const startOver = useImportsStore((s) => s.startOver);
  const showOnDashboard = useImportsStore((s) => s.showOnDashboard);
  const setTab = useImportsStore((s) => s.setTab);
  const o = committed.outcome;
  return (
    <Card>
      <Result
        status="success"
        title={`Đã nhập báo cáo ${committed.fileName}`}
        subTitle={
          <span data-testid="imports-outcome">
            Đã ghi {formatCount(o.written)} số liệu{committed.period ? ` kỳ ${monthLabel(committed.period)}` : ''}
            {committed.officeName ? ` của ${committed.officeName}` : ''}
            {o.replaced ? `, trong đó ${formatCount(o.replaced)} số liệu thay cho số cũ.` : ', tất cả là số liệu mới.'}
            {o.skippedRows ? ` ${formatCount(o.skippedRows)} dòng có lỗi chưa được nhập: hãy gửi lại cho đơn vị để sửa.` : ''}
          </span>
        }
        extra={[
          <Button key="dashboard" type="primary" icon={<DashboardOutlined aria-hidden />} onClick={showOnDashboard}>
            Xem trên Tổng quan
          </Button>,
          <Button key="history" icon={<HistoryOutlined aria-hidden />} onClick={() => setTab('history')}>
            Xem lịch sử nhập
          </Button>,
          <Button key="again" icon={<UploadOutlined aria-hidden />} onClick={startOver}>
            Nhập tệp khác
          </Button>,
        ]}
      >
        {o.backupFile ? (
          <Typography.Paragraph type="secondary" className="imports-backup" data-testid="imports-backup">
            Dữ liệu trước khi nhập đã được sao lưu vào tệp <Typography.Text code>{o.backupFile}</Typography.Text>. Có thể hoàn tác lần nhập
            này ở thẻ “Lịch sử nhập”.
          </Typography.Paragraph>
        ) : null}
      </Result>
    </Card>
  );
}

/** Why "Nhập vào cơ sở dữ liệu" is disabled, or what it will do. */
function commitHint(p: ImportPreview): { blocked: boolean; text: string } {
  // Counted over every row, not only the first page the preview carries.
  const unmatched = p.rowCounts.unmatched;
  const errorRows = p.rowCounts.error;
  const ofFile = fileErrors(p).length;
  const reasons = [
    p.period ? null : 'chọn kỳ báo cáo',
    unmatched ? `chọn đơn vị cho ${formatCount(unmatched)} dòng chưa khớp` : null,
    errorRows && !p.canCommit ? `sửa ${formatCount(errorRows)} dòng có lỗi trong tệp rồi chọn lại tệp (hoặc chỉ nhập các dòng hợp lệ)` : null,
    ofFile ? `sửa ${formatCount(ofFile)} lỗi của tệp` : null,
  ].filter(Boolean);
  if (reasons.length) return { blocked: true, text: `Chưa nhập được: cần ${reasons.join(', ')}.` };
  if (p.changes.length === 0)
    return { blocked: true, text: 'Không có gì để nhập: mọi số liệu trong tệp đã có trong cơ sở dữ liệu với cùng giá trị.' };
  if (!p.canCommit) return { blocked: true, text: 'Chưa nhập được: tệp còn lỗi cần sửa.' };
  const skipped = errorRows ? ` ${formatCount(errorRows)} dòng có lỗi sẽ không được nhập.` : '';
  return {
    blocked: false,
    text: `Sẽ ghi ${formatCount(p.changes.length)} số liệu${p.period ? ` kỳ ${monthLabel(p.period)}` : ''}.${skipped}`,
  };
}

function ActionBar({ preview }: { preview: ImportPreview }) {
  const { message } = App.useApp();
  const commit = useImportsStore((s) => s.commit);
  const committing = useImportsStore((s) => s.committing);
  const previewing = useImportsStore((s) => s.previewing);
  const exportErrors = useImportsStore((s) => s.exportErrors);
  const [exporting, setExporting] = useState(false);
  const hint = commitHint(preview);
  const problemRows = preview.rowCounts.error + preview.rowCounts.unmatched;

  const onExport = async () => {
    setExporting(true);
    try {
      const res = await exportErrors();
      if (!res.ok) void message.error(res.error.message);
      else if (res.value.fileName) void message.success(`Đã xuất các dòng lỗi vào tệp ${res.value.fileName}`);
    } finally {
      setExporting(false);
    }
  };
  const onCommit = async (skipErrorRows = false) => {
    const res = await commit({ skipErrorRows });
    if (res && !res.ok) void message.error(res.error.message);
  };
  const skipped = preview.rowCounts.error + preview.rowCounts.unmatched;
  const validRows = preview.rowCount - skipped;

  return (
    <div className="imports-actions" data-testid="imports-actions">
      <span className={hint.blocked ? 'imports-hint imports-hint-blocked' : 'imports-hint'} data-testid="imports-commit-hint">
        {hint.blocked ? <WarningOutlined aria-hidden /> : null} {hint.text}
      </span>
      {problemRows > 0 ? (
        <Button icon={<FileExcelOutlined aria-hidden />} loading={exporting} onClick={() => void onExport()}>
          Xuất các dòng lỗi
        </Button>
      ) : null}
      {!preview.canCommit && preview.canCommitValidRows ? (
        <Popconfirm
          title={`Chỉ nhập ${formatCount(validRows)} dòng hợp lệ?`}
          description={`${formatCount(skipped)} dòng có lỗi sẽ không được nhập; có thể xuất các dòng này gửi lại đơn vị.`}
          okText="Nhập các dòng hợp lệ"
          cancelText="Hủy"
          onConfirm={() => void onCommit(true)}
        >
          <Button icon={<CloudUploadOutlined aria-hidden />} loading={committing} disabled={previewing} data-testid="imports-commit-valid">
            Chỉ nhập {formatCount(validRows)} dòng hợp lệ
          </Button>
        </Popconfirm>
      ) : null}
      <Button
        type="primary"
        icon={<CloudUploadOutlined aria-hidden />}
        disabled={!preview.canCommit || preview.changes.length === 0 || previewing}
        loading={committing}
        onClick={() => void onCommit()}
      >
        Nhập vào cơ sở dữ liệu
      </Button>
    </div>
  );
}

/** A file error with its place, unless its message already names the file and cell. */
function issueLine(e: ImportIssue): string {
  if (e.message.startsWith('Tệp "')) return e.message;
  return e.cell ? `Ô ${e.cell}: ${e.message}` : e.row ? `Dòng ${formatCount(e.row)}: ${e.message}` : e.message;
}

function Preview({ preview }: { preview: ImportPreview }) {
  const error = useImportsStore((s) => s.error);
  const cancelled = useImportsStore((s) => s.cancelled);
  const previewing = useImportsStore((s) => s.previewing);
  const committing = useImportsStore((s) => s.committing);
  const warnings = otherWarnings(preview);
  const errors = fileErrors(preview);
  return (
    <>
      {previewing ? (
        <Card className="imports-progress-card">
          <PreviewProgress fileName={preview.fileName} />
        </Card>
      ) : null}
      <Spin spinning={previewing || committing} description={committing ? 'Đang ghi vào cơ sở dữ liệu…' : 'Đang đọc lại tệp…'}>
        <div className="imports-preview" data-testid="imports-preview" data-session={preview.sessionId}>
          {cancelled ? (
            <Alert
              type="info"
              showIcon
              title={`${cancelled} Bản xem trước bên dưới vẫn là bản trước đó.`}
              data-testid="imports-cancelled"
            />
          ) : null}
          {error ? (
            <div data-testid="imports-repreview-error">
              <ErrorAlert error={error} title="Không áp dụng được thay đổi vừa chọn; bản xem trước bên dưới vẫn là bản trước đó." />
            </div>
          ) : null}
          <PreviewHeader preview={preview} />
          {errors.length > 0 ? (
            <Alert
              type="error"
              showIcon
              title={`Tệp có ${formatCount(errors.length)} lỗi`}
              description={
                <ul className="imports-issues-plain">
                  {errors.map((e, i) => (
                    <li key={i}>{issueLine(e)}</li>
                  ))}
                </ul>
              }
              data-testid="imports-errors"
            />
          ) : null}
          <TotalsAlerts preview={preview} />
          {warnings.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              title={warnings.length === 1 ? warnings[0] : 'Lưu ý'}
              description={
                warnings.length > 1 ? (
                  <ul className="imports-issues-plain">
                    {warnings.map((w, i) => (
                      <li key={i}>{w}</li>
                    ))}
                  </ul>
                ) : undefined
              }
              data-testid="imports-warnings"
            />
          ) : null}
          <div className="imports-grid">
            <ColumnMapping preview={preview} />
            <PreviewChecks preview={preview} />
          </div>
          <PreviewRows preview={preview} />
          <ChangesTable preview={preview} />
          <ActionBar preview={preview} />
        </div>
      </Spin>
    </>
  );
}

/** Nhập báo cáo: choose a file → preview and correct → commit. */
export function ImportTab() {
  const preview = useImportsStore((s) => s.preview);
  const previewing = useImportsStore((s) => s.previewing);
  const error = useImportsStore((s) => s.error);
  const file = useImportsStore((s) => s.file);
  const committed = useImportsStore((s) => s.committed);
  const cancelled = useImportsStore((s) => s.cancelled);

  const step = committed ? 2 : preview ? 1 : 0;
  let body;
  if (committed) body = <Committed committed={committed} />;
  else if (preview) body = <Preview preview={preview} />;
  else if (previewing)
    body = (
      <Card>
        <div className="imports-loading">
          <PreviewProgress fileName={file?.name ?? null} />
        </div>
      </Card>
    );
  else
    body = (
      <>
        {cancelled ? <Alert type="info" showIcon title={cancelled} data-testid="imports-cancelled" className="imports-cancelled" /> : null}
        {error ? (
          <div data-testid="imports-pick-error">
            <ErrorAlert error={error} title={file ? `Không đọc được tệp ${file.name}` : undefined} />
          </div>
        ) : null}
        <Intro />
      </>
    );

  return (
    <div className="imports-tab">
      <Steps
        size="small"
        current={step}
        className="imports-steps"
        items={[{ title: 'Chọn tệp Excel' }, { title: 'Xem trước và kiểm tra' }, { title: 'Nhập vào cơ sở dữ liệu' }]}
      />
      {body}
    </div>
  );
}
