import { createRoot, type Root } from 'react-dom/client';
import type { ReportDocument } from '../../../../shared/contract/reportTypes';
import { ReportClosing } from '../../print/ReportClosing';
import { ReportHeaderView } from '../../print/ReportHeaderView';
import { ReportSectionView } from '../../print/ReportSectionView';
import { ensureReportFonts } from '../../print/reportFonts';
import '../../print/fonts.css';
import '../../print/print.css';
import './emulationPrint.css';

/**
 * The ranking in the Decree 30 layout on one landscape sheet (a wide table): issuing body and
 * motto, place and date, title, the table with how each criterion is scored, "Nơi nhận" and the
 * signature. The reports' print components and styles draw it, so it prints like a report.
 */
export function EmulationDocumentView({ document }: { document: ReportDocument }) {
  return (
    <article className="report-doc emulation-doc" data-testid="emulation-document" lang="vi">
      <div className="report-sheet report-sheet-landscape">
        <ReportHeaderView header={document.header} isDemo={document.isDemo} />
        {document.sections.map((section) => (
          <ReportSectionView key={section.id} section={section} />
        ))}
        <ReportClosing recipients={document.recipients} signature={document.signature} />
      </div>
    </article>
  );
}

let current: { host: HTMLElement; root: Root } | null = null;

function clear(): void {
  document.documentElement.classList.remove('emulation-printing');
  if (!current) return;
  current.root.unmount();
  current.host.remove();
  current = null;
}

/**
 * Prints the document from this very window (Electron and the browser alike): it is drawn into
 * a layer beside the app that only print media shows, the fonts are awaited, then the system
 * print dialog opens. The layer goes when printing ends.
 */
export async function printEmulationDocument(doc: ReportDocument): Promise<void> {
  clear();
  const host = document.createElement('div');
  host.className = 'emulation-print-root';
  host.dataset.testid = 'emulation-print-root';
  document.body.appendChild(host);
  const root = createRoot(host);
  current = { host, root };
  root.render(<EmulationDocumentView document={doc} />);
  await ensureReportFonts();
  await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
  document.documentElement.classList.add('emulation-printing');
  window.addEventListener('afterprint', clear, { once: true });
  document.title = `${doc.header.title} ${doc.header.subtitle}`;
  window.print();
}
