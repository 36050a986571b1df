import { Alert, Card } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, InfoCircleFilled } from '@ant-design/icons';
import type { ImportPreview, TotalsCheck } from '../../../../shared/contract';
import { monthLabel } from '../../../../shared/domain/periods';
import { formatCount } from '../../../../shared/format/vi';

function TotalLine({ total }: { total: TotalsCheck }) {
  if (total.fileTotal === null)
    return (
      <li className="imports-total imports-check-none" data-testid="imports-total" data-matches="none">
        <InfoCircleFilled aria-hidden />
        <span className="imports-total-label">{total.label}</span>
        <span className="imports-total-value" title="Tệp không có dòng tổng; đây là tổng các dòng">
          {formatCount(total.sumOfRows)}*
        </span>
      </li>
    );
  if (total.matches)
    return (
      <li className="imports-total imports-check-ok" data-testid="imports-total" data-matches="true">
        <CheckCircleFilled aria-label="Khớp" />
        <span className="imports-total-label">{total.label}</span>
        <span className="imports-total-value">{formatCount(total.fileTotal)}</span>
      </li>
    );
  return (
    <li className="imports-total imports-check-warn" data-testid="imports-total" data-matches="false">
      <ExclamationCircleFilled aria-label="Không khớp" />
      <span className="imports-total-label">{total.label}</span>
      <span className="imports-total-value" title="Dòng tổng trong tệp ≠ tổng các dòng">
        {formatCount(total.fileTotal)} ≠ {formatCount(total.sumOfRows)}
      </span>
    </li>
  );
}

/** One warning per total the file's totals row gets wrong: both figures, and where to look. */
export function TotalsAlerts({ preview }: { preview: ImportPreview }) {
  const wrong = preview.totals.filter((t) => t.fileTotal !== null && !t.matches);
  if (wrong.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="imports-totals-warning"
      title={
        wrong.length === 1
          ? `Dòng tổng cộng của tệp không khớp với tổng các dòng (${wrong[0]!.label})`
          : `Dòng tổng cộng của tệp không khớp với tổng các dòng ở ${formatCount(wrong.length)} cột`
      }
      description={
        <>
          <ul className={wrong.length > 1 ? 'imports-issues-plain' : 'imports-issues-single'}>
            {wrong.map((t) => (
              <li key={t.key}>
                {wrong.length > 1 ? <strong>{t.label}: </strong> : null}
                Dòng tổng trong tệp{t.cell ? ` (ô ${t.cell})` : ''}: {formatCount(t.fileTotal)}; tổng các dòng: {formatCount(t.sumOfRows)}
              </li>
            ))}
          </ul>
          <div className="imports-sub">
            Dòng tổng không chặn việc nhập: số liệu được lấy theo từng dòng. Nên hỏi lại đơn vị gửi báo cáo về dòng tổng.
          </div>
        </>
      }
    />
  );
}

/** Kiểm tra: the file's totals row against the sum of its rows, and how many rows and figures will be written. */
export function PreviewChecks({ preview }: { preview: ImportPreview }) {
  // Counted over every row, not only the first page the preview carries.
  const rows = preview.rowCount;
  const matched = preview.rowCounts.ok + preview.rowCounts.error;
  const unmatched = preview.rowCounts.unmatched;
  const withErrors = preview.rowCounts.error;
  const added = preview.changes.filter((c) => c.oldValue === null).length;
  const replaced = preview.changes.filter((c) => c.oldValue !== null).length;
  const mismatched = preview.totals.filter((t) => t.fileTotal !== null && !t.matches).length;
  return (
    <Card size="small" className="imports-checks" title="Kiểm tra" data-testid="imports-checks">
      <div className="imports-check-heading">
        Dòng tổng cộng{' '}
        {preview.totals.length > 0 && mismatched === 0 ? (
          <span className="imports-check-ok-text" data-testid="imports-totals-ok">
            — khớp với tổng các dòng
          </span>
        ) : null}
      </div>
      {preview.totals.length === 0 ? (
        <p className="imports-sub">Tệp không có dòng tổng cộng để đối chiếu.</p>
      ) : (
        <ul className="imports-check-list" data-testid="imports-totals">
          {preview.totals.map((t) => (
            <TotalLine key={t.key} total={t} />
          ))}
        </ul>
      )}
      {preview.totals.some((t) => t.fileTotal === null) ? (
        <p className="imports-sub">* Tệp không có dòng tổng cho cột này: số hiển thị là tổng các dòng.</p>
      ) : null}
      <div className="imports-check-heading">Các dòng và số liệu</div>
      <ul className="imports-check-list" data-testid="imports-summary">
        <li className={`imports-check ${unmatched === 0 && withErrors === 0 ? 'imports-check-ok' : 'imports-check-none'}`}>
          {unmatched === 0 && withErrors === 0 ? <CheckCircleFilled aria-hidden /> : <InfoCircleFilled aria-hidden />}
          <span data-testid="imports-matched">
            {formatCount(matched)}/{formatCount(rows)} dòng khớp đơn vị
          </span>
        </li>
        {unmatched > 0 ? (
          <li className="imports-check imports-check-warn">
            <ExclamationCircleFilled aria-hidden />
            <span>{formatCount(unmatched)} dòng chưa khớp đơn vị: chọn đơn vị ở bảng bên dưới</span>
          </li>
        ) : null}
        {withErrors > 0 ? (
          <li className="imports-check imports-check-error">
            <CloseCircleFilled aria-hidden />
            <span>{formatCount(withErrors)} dòng có lỗi (tô đỏ bên dưới)</span>
          </li>
        ) : null}
        <li className="imports-check imports-check-none">
          <InfoCircleFilled aria-hidden />
          <span>
            {formatCount(preview.changes.length)} số liệu sẽ ghi{preview.period ? ` cho kỳ ${monthLabel(preview.period)}` : ''}:{' '}
            {formatCount(added)} mới, {formatCount(replaced)} thay số cũ
          </span>
        </li>
      </ul>
    </Card>
  );
}
