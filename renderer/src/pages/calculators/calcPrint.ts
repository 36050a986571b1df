import type { ReportDocument } from '../../../../shared/contract/reportTypes';
import { printDocumentLayer } from '../../print/printLayer';

/** The citizen's quote on one portrait A4 sheet, printed from this window like every one-sheet document. */
export function printQuote(doc: ReportDocument): Promise<void> {
  return printDocumentLayer(doc, { name: 'calc-quote', landscape: false });
}
