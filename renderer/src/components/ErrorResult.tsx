import { Alert, Button, Result } from 'antd';
import type { AppErrorShape } from '../../../shared/contract';

/** Renders `details` of an error (file, sheet, row …) as short "key: value" lines. */
export function ErrorDetails({ details }: { details?: Record<string, unknown> }) {
  if (!details) return null;
  // `field` names a form field for programs; forms mark that field instead of printing its code.
  const entries = Object.entries(details).filter(([k, v]) => k !== 'field' && v !== undefined && v !== null && v !== '');
  if (entries.length === 0) return null;
  return (
    <ul className="error-details">
      {entries.map(([key, value]) => (
        <li key={key}>
          <span className="error-details-key">{DETAIL_LABELS[key] ?? key}:</span>{' '}
          {Array.isArray(value) ? value.map(String).join(', ') : typeof value === 'object' ? JSON.stringify(value) : String(value)}
        </li>
      ))}
    </ul>
  );
}

const DETAIL_LABELS: Record<string, string> = {
  file: 'Tệp',
  fileName: 'Tệp',
  sheet: 'Trang tính',
  sheetName: 'Trang tính',
  row: 'Dòng',
  column: 'Cột',
  cell: 'Ô',
  code: 'Mã',
  detail: 'Chi tiết',
  path: 'Đường dẫn',
  size: 'Dung lượng',
  limit: 'Giới hạn',
  issues: 'Vấn đề',
  problems: 'Từng xã, phường',
  sheets: 'Trang tính',
};

/** A whole-page error with its Vietnamese message and an optional retry. */
export function ErrorResult({ error, onRetry, title }: { error: AppErrorShape; onRetry?: () => void; title?: string }) {
  return (
    <Result
      status="error"
      title={title ?? <span className="error-message-long">{error.message}</span>}
      subTitle={title ? <span className="error-message-long">{error.message}</span> : undefined}
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            Thử lại
          </Button>
        ) : undefined
      }
    >
      {error.details ? <ErrorDetails details={error.details} /> : null}
    </Result>
  );
}

/** An inline error box (forms, dialogs). */
export function ErrorAlert({ error, title }: { error: AppErrorShape; title?: string }) {
  return (
    <Alert
      type="error"
      showIcon
      title={title ?? <div className="error-message-long">{error.message}</div>}
      description={
        title || Object.keys(error.details ?? {}).some((k) => k !== 'field') ? (
          <>
            {title ? <div className="error-message-long">{error.message}</div> : null}
            <ErrorDetails details={error.details} />
          </>
        ) : undefined
      }
      role="alert"
    />
  );
}
