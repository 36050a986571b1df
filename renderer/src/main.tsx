// The client first: in browser mode it takes the token out of the address bar before anything reads the hash.
import './api/client';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { App } from './App';
import './styles.css';

dayjs.extend(customParseFormat);
dayjs.locale('vi');

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
