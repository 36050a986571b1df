import type { ReportDocument } from '../../../shared/contract/reportTypes';

/** "Nơi nhận:" on the left, the signature block on the right, kept together on one page. */
export function ReportClosing({ recipients, signature }: Pick<ReportDocument, 'recipients' | 'signature'>) {
  return (
    <table className="report-closing" role="presentation" data-testid="report-closing">
      <tbody>
        <tr>
          <td className="report-recipients">
            <div className="report-recipients-title">Nơi nhận:</div>
            {recipients.map((line, i) => (
              <div key={i} className="report-recipient">
                - {line}
              </div>
            ))}
          </td>
          <td className="report-signature">
            {signature.authority ? <div className="report-signer-authority">{signature.authority}</div> : null}
            <div className="report-signer-title">{signature.title}</div>
            <div className="report-signature-space" aria-hidden />
            <div className="report-signer-name">{signature.name}</div>
          </td>
        </tr>
      </tbody>
    </table>
  );
}
