import { EyeOutlined, FileAddOutlined, FileExcelOutlined, FilePdfOutlined, PrinterOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState, type ReactNode } from 'react';
import type { ReportPdfPreview, Result } from '../../../../shared/contract';
import { useReportsStore } from '../../stores/reports';
import { PdfPreviewModal } from './PdfPreviewModal';

type Busy = 'save' | 'preview' | 'pdf' | 'excel' | 'print' | null;

/** Lưu, Xem trang in, Xuất PDF, Xuất Excel, In (each saves first when the report on screen is not saved as shown). */
export function ReportActions() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<Busy>(null);
  const [pdf, setPdf] = useState<ReportPdfPreview | null>(null);
  const definition = useReportsStore((s) => s.definition);
  const dirty = useReportsStore((s) => s.dirty);
  const savedId = useReportsStore((s) => s.savedId);
  const save = useReportsStore((s) => s.save);
  const exportFile = useReportsStore((s) => s.exportFile);
  const print = useReportsStore((s) => s.print);
  const previewPdf = useReportsStore((s) => s.previewPdf);
  const newReport = useReportsStore((s) => s.newReport);

  const run = async <T,>(kind: Exclude<Busy, null>, action: () => Promise<Result<T>>, done: (value: T) => string | null) => {
    setBusy(kind);
    try {
      const res = await action();
      if (!res.ok) void message.error(res.error.message);
      else {
        const text = done(res.value);
        if (text) void message.success(text);
      }
    } finally {
      setBusy(null);
    }
  };

  const button = (kind: Exclude<Busy, null>, label: string, icon: ReactNode, onClick: () => void, primary = false) => (
    <Button type={primary ? 'primary' : 'default'} icon={icon} loading={busy === kind} disabled={!definition || (busy !== null && busy !== kind)} onClick={onClick}>
      {label}
    </Button>
  );

  return (
    <Space wrap size={8} role="toolbar" aria-label="Thao tác với báo cáo" data-testid="report-actions">
      <Button icon={<FileAddOutlined aria-hidden />} disabled={busy !== null} onClick={() => void newReport()}>
        Báo cáo mới
      </Button>
      {button('save', savedId !== null && !dirty ? 'Đã lưu' : 'Lưu báo cáo', <SaveOutlined aria-hidden />, () => void run('save', save, () => 'Đã lưu báo cáo.'), true)}
      {button('preview', 'Xem trang in', <EyeOutlined aria-hidden />, () =>
        void run('preview', previewPdf, (v) => {
          setPdf(v);
          return null;
        }),
      )}
      {button('pdf', 'Xuất PDF', <FilePdfOutlined aria-hidden />, () => void run('pdf', () => exportFile('pdf'), (v) => (v.fileName ? `Đã xuất tệp ${v.fileName}` : null)))}
      {button('excel', 'Xuất Excel', <FileExcelOutlined aria-hidden />, () => void run('excel', () => exportFile('excel'), (v) => (v.fileName ? `Đã xuất tệp ${v.fileName}` : null)))}
      {button('print', 'In', <PrinterOutlined aria-hidden />, () =>
        void run('print', print, (v) => (v.via === 'window' ? 'Đã mở trang in trong cửa sổ mới.' : v.printed ? 'Đã gửi báo cáo tới máy in.' : null)),
      )}
      <PdfPreviewModal preview={pdf} onClose={() => setPdf(null)} />
    </Space>
  );
}
