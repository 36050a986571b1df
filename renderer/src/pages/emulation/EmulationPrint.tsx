import type { ReportDocument } from '../../../../shared/contract/reportTypes';
import { printDocumentLayer } from '../../print/printLayer';
import './emulationPrint.css';

/**
 * The ranking in the Decree 30 layout on one landscape sheet (a wide table): issuing body and
 * motto, place and date, title, the table with how each criterion is scored, "Nơi nhận" and the
 * signature, printed from this window like every one-sheet document.
 */
export function printEmulationDocument(doc: ReportDocument): Promise<void> {
  return printDocumentLayer(doc, { name: 'emulation', landscape: true });
}
