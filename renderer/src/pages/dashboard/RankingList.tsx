import { Empty, Progress, Typography } from 'antd';
import type { Comparison } from '../../../../shared/contract';
import { BAND_COLORS, progressBand } from '../../../../shared/calc/bands';
import { isPlanRevised } from '../../../../shared/calc/plan';
import { formatCount, formatPercent } from '../../../../shared/format/vi';

/**
 * Đơn vị dẫn đầu / cần đôn đốc: a short list with each unit's % of the plan in force. Core
 * ranks them (shared/calc/rankings.ts); `emptyText` and `notes` say why a list is empty or short.
 */
export function RankingList({ rows, testId, onDrill, emptyText, notes }: { rows: Comparison[]; testId: string; onDrill: (row: Comparison) => void; emptyText: string; notes: (string | null)[] }) {
  const shown = notes.filter((n): n is string => n !== null);
  const footer = shown.length > 0 ? (
    <div className="ranking-notes" data-testid={`${testId}-notes`}>
      {shown.map((n) => (
        <div key={n}>{n}</div>
      ))}
    </div>
  ) : null;
  if (rows.length === 0)
    return (
      <div data-testid={testId}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />
        {footer}
      </div>
    );
  return (
    <div>
      <ol className="ranking" data-testid={testId}>
        {rows.map((r, i) => {
          const color = BAND_COLORS[progressBand(r.planProgress)];
          return (
            <li key={r.code} className="ranking-item">
              <span className="ranking-rank">{i + 1}</span>
              <div className="ranking-body">
                <div className="ranking-head">
                  {r.hasChildren ? (
                    <Typography.Link className="ranking-name" onClick={() => onDrill(r)}>
                      {r.name}
                    </Typography.Link>
                  ) : (
                    <span className="ranking-name">{r.name}</span>
                  )}
                  <span className="ranking-value" style={{ color }} data-testid="ranking-progress">
                    {formatPercent(r.planProgress)}
                  </span>
                </div>
                <Progress percent={r.planProgress === null ? 0 : Math.min(100, r.planProgress * 100)} showInfo={false} size="small" strokeColor={color} style={{ margin: 0 }} />
                <div className="ranking-sub">
                  {formatCount(r.actual)} / {formatCount(r.plan)} người
                  {isPlanRevised(r) ? <span className="ranking-revised">KH điều chỉnh (ban đầu {formatCount(r.target)} người)</span> : null}
                </div>
              </div>
            </li>
          );
        })}
      </ol>
      {footer}
    </div>
  );
}
