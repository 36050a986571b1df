// The client first: in browser mode it takes the token out of the address bar before anything reads the hash.
import './api/client';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { App } from './App';
import { PrintReportPage } from './print/PrintReportPage';
import { printRequestFrom } from './print/printMode';
import './styles.css';

dayjs.extend(customParseFormat);
dayjs.locale('vi');

// `?print=report&id=N`: only the report, no app shell (core's PDF renderer and the "In" button open it).
const printRequest = printRequestFrom(window.location.search);

const container = document.getElementById('root');
if (container) {
  if (printRequest) document.documentElement.classList.add('report-print-mode');
  createRoot(container).render(<StrictMode>{printRequest ? <PrintReportPage request={printRequest} /> : <App />}</StrictMode>);
}
