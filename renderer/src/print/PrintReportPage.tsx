import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReportDocument } from '../../../shared/contract/reportTypes';
import { chartKeys, ReportDocumentView } from './ReportDocumentView';
import { loadPrintData } from './printData';
import { ensureReportFonts } from './reportFonts';
import type { PrintRequest } from './printMode';

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; document: ReportDocument };

/**
 * The print page: only the saved report's document, nothing of the app around it. Core's PDF
 * renderer waits for `html[data-report-ready="1"]`, set once the figures are loaded, the fonts are
 * ready and every chart has drawn; a failure sets `data-report-error` instead.
 */
export function PrintReportPage({ request }: { request: PrintRequest }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const drawn = useRef(new Set<string>());
  const expected = useRef<string[]>([]);
  const signalled = useRef(false);

  const fail = useCallback((message: string) => {
    document.documentElement.dataset.reportError = message;
    setState({ kind: 'error', message });
  }, []);

  const signalIfDone = useCallback(() => {
    if (signalled.current || !expected.current.every((key) => drawn.current.has(key))) return;
    signalled.current = true;
    // One frame later, so the last chart's pixels are on the page the PDF renderer captures.
    requestAnimationFrame(() => {
      document.documentElement.dataset.reportReady = '1';
      if (request.autoprint) window.print();
    });
  }, [request.autoprint]);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      if (!request.id) return fail('Địa chỉ trang in thiếu số hiệu báo cáo (id).');
      const [res] = await Promise.all([loadPrintData(request.id), ensureReportFonts()]);
      if (cancelled) return;
      if (!res.ok) return fail(res.error.message);
      expected.current = chartKeys(res.value.document);
      document.title = `${res.value.document.header.title} ${res.value.document.header.subtitle}`.trim();
      setState({ kind: 'ready', document: res.value.document });
    })();
    return () => {
      cancelled = true;
    };
  }, [request.id, fail]);

  // A document without charts is ready as soon as it is on the page.
  useEffect(() => {
    if (state.kind === 'ready') signalIfDone();
  }, [state, signalIfDone]);

  const onChartDrawn = useCallback(
    (key: string) => {
      drawn.current.add(key);
      signalIfDone();
    },
    [signalIfDone],
  );

  if (state.kind === 'loading') return <p className="report-print-status">Đang chuẩn bị báo cáo để in…</p>;
  if (state.kind === 'error')
    return (
      <p className="report-print-status report-print-error" role="alert" data-testid="report-print-error">
        Không in được báo cáo: {state.message}
      </p>
    );
  return <ReportDocumentView document={state.document} onChartDrawn={onChartDrawn} />;
}
