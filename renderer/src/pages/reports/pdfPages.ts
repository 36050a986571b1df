import type { PDFDocumentProxy } from 'pdfjs-dist';

/**
 * pdf.js, loaded only when a preview is asked for (it is about 1 MB): the screen then shows the
 * very PDF that prints, page breaks and all, not an approximation of it.
 */
export async function openPdf(base64: string): Promise<PDFDocumentProxy> {
  const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return pdfjs.getDocument({ data }).promise;
}

/** Draws one page into `canvas`, as wide on screen as `widthFor` says for its orientation, sharp on high-DPI screens. */
export async function drawPage(pdf: PDFDocumentProxy, pageNumber: number, canvas: HTMLCanvasElement, widthFor: (landscape: boolean) => number): Promise<void> {
  const page = await pdf.getPage(pageNumber);
  const base = page.getViewport({ scale: 1 });
  const cssWidth = widthFor(base.width > base.height);
  const ratio = window.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: (cssWidth / base.width) * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${cssWidth}px`;
  canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
  await page.render({ canvas, viewport }).promise;
}
