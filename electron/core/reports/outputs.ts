import { AppError, type DownloadRef, type ReportPdfPreview } from '../../../shared/contract';
import type { CoreContext } from '../app/context';
import { exportFileName } from '../exports/fileNames';
import type { DownloadStore } from '../files/downloadStore';
import type { ReportPrinter } from './printer';
import { getReport } from './service';
import { buildReportWorkbook } from './workbook';

function fileBase(doc: { month: string; definition: { scopeCode: string | null } }): (string | null)[] {
  return [doc.definition.scopeCode, doc.month];
}

async function renderPdf(ctx: CoreContext, printer: ReportPrinter | null, id: number): Promise<{ bytes: Buffer; fileName: string }> {
  const saved = await getReport(ctx, id);
  if (!printer) throw new AppError('UNAVAILABLE', 'Không tạo được PDF: máy chưa có trình duyệt Chromium hoặc Microsoft Edge để in báo cáo.');
  return { bytes: await printer.pdf(id), fileName: exportFileName('Báo cáo', fileBase(saved.document), 'pdf') };
}

export async function reportPdf(ctx: CoreContext, downloads: DownloadStore, printer: ReportPrinter | null, id: number): Promise<DownloadRef> {
  const { bytes, fileName } = await renderPdf(ctx, printer, id);
  return downloads.put(bytes, fileName);
}

export async function reportPdfPreview(ctx: CoreContext, printer: ReportPrinter | null, id: number): Promise<ReportPdfPreview> {
  const { bytes, fileName } = await renderPdf(ctx, printer, id);
  return { fileName, pages: pdfPageCount(bytes), base64: bytes.toString('base64') };
}

/** Pages of a PDF Chromium wrote: one "/Type /Page" object each. */
export function pdfPageCount(bytes: Buffer): number {
  return (bytes.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

export async function reportExcel(ctx: CoreContext, downloads: DownloadStore, id: number): Promise<DownloadRef> {
  const saved = await getReport(ctx, id);
  const bytes = await buildReportWorkbook(saved.document, ctx.now());
  return downloads.put(bytes, exportFileName('Báo cáo', fileBase(saved.document)));
}

export async function printReport(ctx: CoreContext, printer: ReportPrinter | null, id: number): Promise<{ printed: boolean }> {
  await getReport(ctx, id);
  if (!printer?.print) throw new AppError('UNAVAILABLE', 'In trực tiếp chỉ có trong ứng dụng BHXH Desk; trong trình duyệt, trang in sẽ tự mở hộp thoại In.');
  return { printed: await printer.print(id) };
}
