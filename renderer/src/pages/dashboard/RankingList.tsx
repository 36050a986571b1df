import { Empty, Progress, Typography } from 'antd';
import type { Comparison } from '../../../../shared/contract';
import { formatCount, formatPercent } from '../../../../shared/format/vi';
import { BAND_COLORS, progressBand } from './dashboardFormat';

/**
 * With few units the best and the worst five are the same units in reverse order: then the
 * upper half leads and the rest need pushing, so no unit is listed twice.
 */
export function splitRankings(best: Comparison[], worst: Comparison[]): { best: Comparison[]; worst: Comparison[] } {
  const overlap = best.some((b) => worst.some((w) => w.code === b.code));
  if (!overlap) return { best, worst };
  const all = new Map([...best, ...worst].map((r) => [r.code, r]));
  const n = all.size;
  const leading = best.slice(0, Math.ceil(n / 2));
  const lead = new Set(leading.map((r) => r.code));
  return { best: leading, worst: worst.filter((w) => !lead.has(w.code)) };
}

/** Đơn vị dẫn đầu / cần đôn đốc: a short list with each unit's progress. */
export function RankingList({ rows, testId, onDrill }: { rows: Comparison[]; testId: string; onDrill: (row: Comparison) => void }) {
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có đơn vị được giao kế hoạch" />;
  return (
    <ol className="ranking" data-testid={testId}>
      {rows.map((r, i) => (
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
              <span className="ranking-value" style={{ color: BAND_COLORS[progressBand(r.progress)] }}>
                {formatPercent(r.progress)}
              </span>
            </div>
            <Progress
              percent={r.progress === null ? 0 : Math.min(100, r.progress * 100)}
              showInfo={false}
              size="small"
              strokeColor={BAND_COLORS[progressBand(r.progress)]}
              style={{ margin: 0 }}
            />
            <div className="ranking-sub">
              {formatCount(r.actual)} / {formatCount(r.target)} người
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}
