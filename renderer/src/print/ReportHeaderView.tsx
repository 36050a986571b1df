import type { ReportHeader } from '../../../shared/contract/reportTypes';

export const DEMO_LINE = 'DỮ LIỆU MẪU — không phải số liệu thật';

/**
 * Decree 30 heading: issuing body (left) and national motto (right) side by side, each with a
 * short rule under its last line; the number (and a letter's V/v subject) under the issuer, place and date under the motto;
 * then the centred title, subtitle and cut-off line.
 */
export function ReportHeaderView({ header, isDemo }: { header: ReportHeader; isDemo: boolean }) {
  return (
    <header className="report-heading">
      <table className="report-header" role="presentation">
        <tbody>
          <tr>
            <td className="report-header-left">
              <div className="report-issuer-parent">{header.issuerParent}</div>
              <div className="report-issuer">{header.issuer}</div>
              <div className="report-rule" aria-hidden />
              {header.docNumber ? <div className="report-doc-number">{header.docNumber}</div> : null}
              {header.excerpt ? <div className="report-excerpt">{header.excerpt}</div> : null}
            </td>
            <td className="report-header-right">
              <div className="report-motto">{header.motto}</div>
              {/* Decree 30: the rule under the motto is as long as its second line. */}
              <div className="report-motto-sub">
                <span>{header.mottoSub}</span>
              </div>
              <div className="report-place-date">{header.placeDate}</div>
            </td>
          </tr>
        </tbody>
      </table>
      {isDemo ? (
        <p className="report-demo" data-testid="report-demo-line">
          {DEMO_LINE}
        </p>
      ) : null}
      {header.title ? <h1 className="report-title">{header.title}</h1> : null}
      {header.subtitle ? <p className="report-subtitle">{header.subtitle}</p> : null}
      {header.cutoff ? <p className="report-cutoff">{header.cutoff}</p> : null}
    </header>
  );
}
