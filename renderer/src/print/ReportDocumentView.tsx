import { useMemo } from 'react';
import type { ReportDocument } from '../../../shared/contract/reportTypes';
import { ReportClosing } from './ReportClosing';
import { ReportHeaderView } from './ReportHeaderView';
import { ReportSectionView } from './ReportSectionView';
import { splitSheets, type Orientation } from './sheets';
import './fonts.css';
import './print.css';

/** How many chart blocks a document holds: the print page waits for that many to draw. */
export function chartKeys(document: ReportDocument): string[] {
  return document.sections.flatMap((s) => s.blocks.flatMap((b, i) => (b.kind === 'chart' ? [`${s.id}-${i}`] : [])));
}

/**
 * A steering-committee report in the Decree 30 layout. The same component draws the on-screen
 * preview and the print page, so what is previewed is what prints. Sections are grouped into
 * sheets by orientation: in print a landscape sheet is a named landscape page, on screen (inside
 * `.report-screen`) every sheet is a sheet of paper. `zoom` shrinks the paper to fit the preview.
 */
export function ReportDocumentView({
  document,
  zoom,
  onChartDrawn,
}: {
  document: ReportDocument;
  zoom?: Partial<Record<Orientation, number>>;
  onChartDrawn?: (key: string) => void;
}) {
  const sheets = useMemo(() => splitSheets(document.sections), [document.sections]);
  return (
    <article className="report-doc" data-testid="report-document" lang="vi">
      {sheets.map((sheet, i) => (
        <div
          key={i}
          className={`report-sheet report-sheet-${sheet.orientation}`}
          data-testid="report-sheet"
          data-orientation={sheet.orientation}
          style={zoom?.[sheet.orientation] && zoom[sheet.orientation] !== 1 ? { zoom: zoom[sheet.orientation] } : undefined}
        >
          {sheet.withHeader ? <ReportHeaderView header={document.header} isDemo={document.isDemo} /> : null}
          {sheet.sections.map((section) => (
            <ReportSectionView key={section.id} section={section} onChartDrawn={onChartDrawn} />
          ))}
          {sheet.withClosing ? <ReportClosing recipients={document.recipients} signature={document.signature} /> : null}
        </div>
      ))}
    </article>
  );
}
