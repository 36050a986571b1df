import { Alert, Button, Empty, Spin } from 'antd';
import { useRef } from 'react';
import { formatDateTime } from '../../../../shared/format/vi';
import { ReportDocumentView } from '../../print/ReportDocumentView';
import { useReportsStore } from '../../stores/reports';
import { usePaperZoom } from './usePaperZoom';

/** The report as it will print: the same document component and print CSS, on sheets of paper. */
export function ReportPreview() {
  const document = useReportsStore((s) => s.document);
  const building = useReportsStore((s) => s.building);
  const buildError = useReportsStore((s) => s.buildError);
  const dataChanged = useReportsStore((s) => s.dataChanged);
  const savedId = useReportsStore((s) => s.savedId);
  const dirty = useReportsStore((s) => s.dirty);
  const refreshFigures = useReportsStore((s) => s.refreshFigures);
  const pane = useRef<HTMLDivElement>(null);
  const zoom = usePaperZoom(pane);

  return (
    <div className="report-preview-column">
      <div className="report-preview-status" aria-live="polite">
        {building ? (
          <span data-testid="report-preview-building">
            <Spin size="small" /> Đang cập nhật bản xem trước…
          </span>
        ) : document ? (
          <span className="report-preview-stamp">
            {savedId !== null && !dirty ? `Bản đã lưu · số liệu lập lúc ${formatDateTime(document.builtAt)}` : `Bản xem trước · số liệu lúc ${formatDateTime(document.builtAt)}`}
          </span>
        ) : null}
      </div>
      {dataChanged ? (
        <Alert
          type="warning"
          showIcon
          data-testid="report-data-changed"
          title="Số liệu đã thay đổi sau khi lưu báo cáo này"
          description="Bản xem trước đang là số liệu lúc lưu. Cập nhật để lập lại với số liệu hiện tại, rồi lưu để giữ số liệu mới."
          action={
            <Button size="small" type="primary" onClick={() => void refreshFigures()}>
              Cập nhật số liệu
            </Button>
          }
        />
      ) : null}
      {buildError ? <Alert type="error" showIcon role="alert" title="Chưa lập được bản xem trước" description={buildError.message} data-testid="report-build-error" /> : null}
      <div className="report-preview-pane" ref={pane} data-testid="report-preview">
        {document ? (
          <div className={building || buildError ? 'report-preview-paper is-stale' : 'report-preview-paper'}>
            <ReportDocumentView document={document} zoom={zoom} />
          </div>
        ) : buildError ? (
          <Empty description="Chưa có bản xem trước" />
        ) : (
          <div className="report-preview-loading">
            <Spin description="Đang lập báo cáo…" />
          </div>
        )}
      </div>
    </div>
  );
}
