import { Card, Progress, Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, CheckCircleFilled, ExclamationCircleOutlined, MinusOutlined } from '@ant-design/icons';
import type { Kpi } from '../../../../shared/contract';
import { indicatorByCode } from '../../../../shared/domain/indicators';
import { BAND_COLORS, BAND_THRESHOLDS, progressBand } from '../../../../shared/calc/bands';
import { isPlanRevised, planLabel } from '../../../../shared/calc/plan';
import { formatCount, formatPercent } from '../../../../shared/format/vi';
import { formatPace, formatSignedCount, formatSignedPercent, formatSignedPoints, formatValue } from './dashboardFormat';

function Delta({ kpi }: { kpi: Kpi }) {
  const d = kpi.deltaSameLastYear;
  if (d === null) return <div className="kpi-line kpi-muted">Cùng kỳ năm trước: chưa có số liệu</div>;
  const dir = d > 0 ? 'up' : d < 0 ? 'down' : 'flat';
  const icon = dir === 'up' ? <ArrowUpOutlined aria-hidden /> : dir === 'down' ? <ArrowDownOutlined aria-hidden /> : <MinusOutlined aria-hidden />;
  const text =
    kpi.kind === 'rate'
      ? formatSignedPoints(d)
      : `${formatSignedCount(d)} người${kpi.deltaSameLastYearRatio !== null ? ` (${formatSignedPercent(kpi.deltaSameLastYearRatio)})` : ''}`;
  return (
    <div className="kpi-line" data-testid="kpi-delta">
      <span className={`kpi-delta kpi-delta-${dir}`}>
        {icon} {text}
      </span>{' '}
      <span className="kpi-muted">so với cùng kỳ</span>
    </div>
  );
}

function Remaining({ kpi, yearEnd }: { kpi: Kpi; yearEnd: boolean }) {
  if (kpi.plan === null) return <div className="kpi-line kpi-muted">Chưa giao kế hoạch</div>;
  if (kpi.remaining === null) return <div className="kpi-line kpi-muted">Chưa tính được số còn thiếu</div>;
  // Measured against the plan in force: a raised plan can make a reached target a shortfall again.
  if (kpi.remaining <= 0 || (kpi.planProgress !== null && kpi.planProgress >= BAND_THRESHOLDS.done))
    return (
      <div className="kpi-line kpi-done">
        <CheckCircleFilled aria-hidden /> Đã đạt kế hoạch
      </div>
    );
  return (
    <div className="kpi-line" data-testid="kpi-remaining">
      Còn thiếu <b>{formatCount(Math.ceil(kpi.remaining))}</b> người
      {kpi.monthlyPace !== null ? (
        yearEnd ? (
          // December: no month after the period, so the whole remainder falls in this one.
          <>
            , cần <b>{formatPace(kpi.monthlyPace)}</b> người trong tháng 12
          </>
        ) : (
          <>
            , cần <b>{formatPace(kpi.monthlyPace)}</b> người/tháng
          </>
        )
      ) : null}
    </div>
  );
}

export function KpiCard({ kpi, yearEnd }: { kpi: Kpi; yearEnd: boolean }) {
  const name = indicatorByCode(kpi.indicatorCode)?.shortName ?? kpi.indicatorName;
  const band = progressBand(kpi.planProgress);
  const missing = kpi.actual === null;
  const revised = isPlanRevised(kpi);
  return (
    <Card size="small" className="kpi-card" data-testid="kpi-card" data-code={kpi.indicatorCode}>
      <div className="kpi-head">
        <Tooltip title={kpi.indicatorName}>
          <span className="kpi-name">{name}</span>
        </Tooltip>
        {kpi.planProgress !== null ? (
          <span className="kpi-progress" style={{ color: BAND_COLORS[band] }} data-testid="kpi-progress">
            {formatPercent(kpi.planProgress)} KH
          </span>
        ) : null}
      </div>
      <div className="kpi-figures">
        <div className="kpi-value" data-testid="kpi-value">
          {formatValue(kpi.actual, kpi.kind)}
          {!missing && kpi.kind === 'count' ? <span className="kpi-unit"> người</span> : null}
        </div>
        <div className="kpi-target-box" data-testid="kpi-target">
          <span className={revised ? 'kpi-revised-label' : 'kpi-muted'}>{planLabel(kpi)}</span>
          <span className="kpi-target">{formatValue(kpi.plan, kpi.kind)}</span>
        </div>
      </div>
      {missing ? <div className="kpi-line kpi-muted">Chưa có số liệu</div> : null}
      {!missing && kpi.missingUnits > 0 ? (
        <div className="kpi-line kpi-warn" data-testid="kpi-missing">
          <ExclamationCircleOutlined aria-hidden /> Thiếu số liệu của {formatCount(kpi.missingUnits)} đơn vị
        </div>
      ) : null}
      {revised ? (
        // The original plan stays in sight, with what the figure would be against it.
        <div className="kpi-line kpi-muted" data-testid="kpi-original">
          Kế hoạch ban đầu: <span className="kpi-target">{formatValue(kpi.target, kpi.kind)}</span>
          {kpi.progress !== null ? ` · đạt ${formatPercent(kpi.progress)}` : ''}
        </div>
      ) : null}
      <Progress
        percent={kpi.planProgress === null ? 0 : Math.min(100, kpi.planProgress * 100)}
        showInfo={false}
        size="small"
        strokeColor={BAND_COLORS[band]}
        aria-label={`Tiến độ ${name}: ${formatPercent(kpi.planProgress)} ${revised ? 'kế hoạch điều chỉnh' : 'kế hoạch'}`}
        style={{ margin: '2px 0 4px' }}
      />
      <Delta kpi={kpi} />
      <Remaining kpi={kpi} yearEnd={yearEnd} />
    </Card>
  );
}

/**
 * One card per headline indicator (counts first, then coverage rates). `yearEnd`: the figures
 * are December's, so no month is left to spread the remainder over.
 */
export function KpiCards({ kpis, yearEnd }: { kpis: Kpi[]; yearEnd: boolean }) {
  return (
    <section className="kpi-grid" aria-label="Chỉ tiêu chính" data-testid="kpi-cards">
      {kpis.map((k) => (
        <KpiCard key={k.indicatorCode} kpi={k} yearEnd={yearEnd} />
      ))}
    </section>
  );
}
