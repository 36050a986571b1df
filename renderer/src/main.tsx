// The client first: in browser mode it takes the token out of the address bar before anything reads the hash.
import './api/client';
import { StrictMode, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { loadPrintData } from './print/printData';
import { printRequestFrom } from './print/printMode';
import './styles.css';

// `?print=report&id=N`: only the report, no app shell (core's PDF renderer and the "In" button open it).
// Each mode loads its own chunk: the print page skips antd and the app's screens, which
// roughly halves the JavaScript Chromium parses before every PDF.
const printRequest = printRequestFrom(window.location.search);

async function root(): Promise<ReactElement> {
  if (printRequest) {
    document.documentElement.classList.add('report-print-mode');
    if (printRequest.id) void loadPrintData(printRequest.id);
    const { PrintReportPage } = await import('./print/PrintReportPage');
    return <PrintReportPage request={printRequest} />;
  }
  const [{ App }, { default: dayjs }, { default: customParseFormat }] = await Promise.all([import('./App'), import('dayjs'), import('dayjs/plugin/customParseFormat'), import('dayjs/locale/vi')]);
  dayjs.extend(customParseFormat);
  dayjs.locale('vi');
  return <App />;
}

const container = document.getElementById('root');
if (container) {
  void root().then((element) => createRoot(container).render(<StrictMode>{element}</StrictMode>));
}
