import { Alert, Button, Card, DatePicker, Descriptions, Select, Tag, Typography } from 'antd';
import { FileExcelOutlined, SwapOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { ImportPreview } from '../../../../shared/contract';
import { formatCount, formatDate } from '../../../../shared/format/vi';
import { useImportsStore } from '../../stores/imports';
import { LEGACY_ENCODING_NOTICES } from './importText';

function PeriodField({ preview }: { preview: ImportPreview }) {
  const setPeriod = useImportsStore((s) => s.setPeriod);
  const busy = useImportsStore((s) => s.previewing);
  const value = preview.period ? dayjs(`${preview.period}-01`, 'YYYY-MM-DD') : null;
  return (
    <span className="imports-period">
      <DatePicker
        picker="month"
        format="MM/YYYY"
        value={value}
        status={preview.period ? undefined : 'error'}
        placeholder="Chọn tháng"
        allowClear={preview.periodSource === 'override'}
        disabled={busy}
        onChange={(d) => void setPeriod(d ? d.format('YYYY-MM') : null)}
        aria-label="Kỳ báo cáo"
        style={{ width: 130 }}
      />
      {preview.periodSource === 'title' ? (
        <Tag color="blue" data-testid="imports-period-source">
          lấy từ tiêu đề
        </Tag>
      ) : preview.periodSource === 'override' ? (
        <Tag color="purple" data-testid="imports-period-source">
          do bạn chọn
        </Tag>
      ) : null}
      {preview.period ? null : (
        <Typography.Text type="danger" data-testid="imports-period-missing">
          Không đọc được kỳ báo cáo từ tiêu đề: hãy chọn tháng.
        </Typography.Text>
      )}
    </span>
  );
}

/** The file read: which sheet, which month, who sent it, where the data sits. */
export function PreviewHeader({ preview }: { preview: ImportPreview }) {
  const setSheet = useImportsStore((s) => s.setSheet);
  const pickFile = useImportsStore((s) => s.pickFile);
  const picking = useImportsStore((s) => s.picking);
  const busy = useImportsStore((s) => s.previewing || s.committing);
  const [h1, h2] = preview.headerRows;
  const headerText = h1 === h2 ? `dòng ${formatCount(h1)}` : `dòng ${formatCount(h1)}–${formatCount(h2)}`;
  return (
    <Card
      size="small"
      title={
        <span className="imports-card-title">
          <FileExcelOutlined aria-hidden className="imports-file-icon" />
          <span data-testid="imports-file-name">{preview.fileName}</span>
        </span>
      }
      extra={
        <Button size="small" icon={<SwapOutlined aria-hidden />} onClick={() => void pickFile()} loading={picking} disabled={busy}>
          Chọn tệp khác
        </Button>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
        items={[
          {
            key: 'sheet',
            label: 'Trang tính',
            children:
              preview.sheets.length < 2 ? (
                <span data-testid="imports-sheet">{preview.sheet}</span>
              ) : (
                <Select
                  value={preview.sheet}
                  options={preview.sheets.map((s) => ({ value: s, label: s }))}
                  onChange={(s) => void setSheet(s)}
                  disabled={busy}
                  aria-label="Trang tính"
                  popupMatchSelectWidth={false}
                  style={{ minWidth: 140 }}
                  size="small"
                />
              ),
          },
          { key: 'period', label: 'Kỳ báo cáo', span: 2, children: <PeriodField preview={preview} /> },
          {
            key: 'office',
            label: 'Đơn vị gửi',
            children: <span data-testid="imports-office">{preview.officeName ?? '—'}</span>,
          },
          { key: 'asOf', label: 'Số liệu tính đến', children: preview.asOf ? formatDate(preview.asOf) : '—' },
          {
            key: 'area',
            label: 'Vùng dữ liệu',
            children: (
              <span>
                tiêu đề {headerText}; dữ liệu dòng {formatCount(preview.firstDataRow)}–{formatCount(preview.lastDataRow)}
              </span>
            ),
          },
        ]}
      />
      {preview.legacyEncoding ? (
        <Alert
          type="info"
          showIcon
          className="imports-legacy"
          title={LEGACY_ENCODING_NOTICES[preview.legacyEncoding]}
          data-testid="imports-legacy"
        />
      ) : null}
    </Card>
  );
}
