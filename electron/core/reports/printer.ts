/**
 * Turns a saved report into paper or PDF by loading the renderer's print page
 * (`?print=report&id=N`) in a browser engine: Electron's printToPDF/print in the app,
 * headless Chromium in browser mode and the CLI. Core only knows this interface.
 */
export interface ReportPrinter {
  pdf(reportId: number): Promise<Buffer>;
  /** The system print dialog; only Electron has one. */
  print?(reportId: number): Promise<boolean>;
  close?(): Promise<void>;
}

/** The print page's address relative to the renderer's index.html. */
export function printPagePath(reportId: number): string {
  return `?print=report&id=${reportId}`;
}

/** How long a print page may take to load its data and draw its charts. */
export const PRINT_TIMEOUT_MS = 60_000;
