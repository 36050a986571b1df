import { Alert, Modal, Spin } from 'antd';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'react';
import type { ReportPdfPreview } from '../../../../shared/contract';
import { drawPage, openPdf } from './pdfPages';

const PORTRAIT_PX = 620;
const LANDSCAPE_PX = 860;

/**
 * "Xem trang in": the PDF core printed, drawn page by page, so page breaks, landscape tables and
 * the signature's place are seen before anything is printed.
 */
export function PdfPreviewModal({ preview, onClose }: { preview: ReportPdfPreview | null; onClose: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [rendered, setRendered] = useState(0);
  const pagesRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!preview) return;
    let cancelled = false;
    let pdf: PDFDocumentProxy | null = null;
    setError(null);
    setRendered(0);
    void (async () => {
      try {
        pdf = await openPdf(preview.base64);
        const holder = pagesRef.current;
        if (!holder || cancelled) return;
        holder.replaceChildren();
        for (let n = 1; n <= pdf.numPages && !cancelled; n++) {
          const figure = document.createElement('figure');
          figure.className = 'report-pdf-page';
          figure.dataset.testid = 'pdf-page';
          const canvas = document.createElement('canvas');
          const caption = document.createElement('figcaption');
          caption.textContent = `Trang ${n}/${pdf.numPages}`;
          figure.append(canvas, caption);
          holder.append(figure);
          await drawPage(pdf, n, canvas, (landscape) => (landscape ? LANDSCAPE_PX : PORTRAIT_PX));
          if (!cancelled) setRendered(n);
        }
      } catch (e) {
        if (!cancelled) setError(`Không hiển thị được bản in: ${(e as Error).message}`);
      }
    })();
    return () => {
      cancelled = true;
      void pdf?.loadingTask.destroy();
    };
  }, [preview]);

  const total = preview?.pages ?? 0;
  return (
    <Modal
      open={preview !== null}
      onCancel={onClose}
      footer={null}
      width={LANDSCAPE_PX + 80}
      style={{ top: 24 }}
      title={`Xem trước bản in — ${total} trang A4${rendered < total ? ` (đang vẽ trang ${rendered + 1})` : ''}`}
      destroyOnHidden
      styles={{ body: { padding: 0 } }}
    >
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <div className="report-pdf-pages" data-testid="pdf-preview" data-rendered={rendered} data-total={total}>
        {rendered === 0 && !error ? <Spin className="report-pdf-spin" description="Đang chuẩn bị bản in…" /> : null}
        <div ref={pagesRef} className="report-pdf-stack" />
      </div>
    </Modal>
  );
}
