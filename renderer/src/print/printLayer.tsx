import { createRoot, type Root } from 'react-dom/client';
import type { ReportDocument } from '../../../shared/contract/reportTypes';
import { ReportClosing } from './ReportClosing';
import { ReportHeaderView } from './ReportHeaderView';
import { ReportSectionView } from './ReportSectionView';
import { ensureReportFonts } from './reportFonts';
import './fonts.css';
import './print.css';
import './printLayer.css';

/**
 * A one-sheet document the app prints from its own window (a ranking, a walk list): the Decree 30
 * heading, its sections and the closing, drawn with the reports' print components and styles.
 */
export function LayerDocumentView({ document, name, landscape }: { document: ReportDocument; name: string; landscape: boolean }) {
  return (
    <article className={`report-doc ${name}-doc`} data-testid={`${name}-document`} lang="vi">
      <div className={landscape ? 'report-sheet report-sheet-landscape' : 'report-sheet'}>
        <ReportHeaderView header={document.header} isDemo={document.isDemo} />
        {document.sections.map((section) => (
          <ReportSectionView key={section.id} section={section} />
        ))}
        <ReportClosing recipients={document.recipients} signature={document.signature} />
      </div>
    </article>
  );
}

let current: { host: HTMLElement; root: Root; name: string } | null = null;

function clear(): void {
  if (!current) return;
  document.documentElement.classList.remove('print-layer-printing', `${current.name}-printing`);
  current.root.unmount();
  current.host.remove();
  current = null;
}

/**
 * Prints the document from this very window (Electron and the browser alike): it is drawn into
 * a layer beside the app that only print media shows, the fonts are awaited, then the system
 * print dialog opens. The layer goes when printing ends. `name` prefixes its classes and test ids.
 */
export async function printDocumentLayer(doc: ReportDocument, options: { name: string; landscape: boolean }): Promise<void> {
  clear();
  const host = document.createElement('div');
  host.className = `print-layer-root ${options.name}-print-root`;
  host.dataset.testid = `${options.name}-print-root`;
  document.body.appendChild(host);
  const root = createRoot(host);
  current = { host, root, name: options.name };
  root.render(<LayerDocumentView document={doc} name={options.name} landscape={options.landscape} />);
  await ensureReportFonts();
  await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
  document.documentElement.classList.add('print-layer-printing', `${options.name}-printing`);
  window.addEventListener('afterprint', clear, { once: true });
  document.title = `${doc.header.title} ${doc.header.subtitle}`;
  window.print();
}
