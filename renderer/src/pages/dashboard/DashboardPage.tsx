import { Alert, Button, Card, Skeleton, Spin } from 'antd';
import { useCallback, useEffect } from 'react';
import { laggardsEmptyText, laggardsShortNote, LEADER_THRESHOLD, leadersEmptyText, leadersShortNote, unrankedNote } from '../../../../shared/calc/rankings';
import type { Comparison } from '../../../../shared/contract';
import { periodLabel } from '../../../../shared/domain/periods';
import { formatDate, formatPercent } from '../../../../shared/format/vi';
import { PageTitle } from '../../components/PageTitle';
import { ErrorResult } from '../../components/ErrorResult';
import { useDashboardStore } from '../../stores/dashboard';
import './chartSetup';
import './dashboard.css';
import { ComparisonTable } from './ComparisonTable';
import { CoverageExportButton, CoverageTable } from './CoverageTable';
import { DashboardToolbar, TreeModeSwitch } from './DashboardToolbar';
import { DrillBreadcrumb } from './DrillBreadcrumb';
import { KpiCards } from './KpiCards';
import { RankingList } from './RankingList';
import { TrendChart } from './TrendChart';
import { chartHeight, UnitProgressChart } from './UnitProgressChart';

/** The colour legend under the bar chart: the trend chart beside it grows by as much. */
const LEGEND_HEIGHT = 26;

function LoadingSkeleton() {
  return (
    <div className="dash-skeleton" data-testid="dashboard-loading" aria-busy="true">
      <div className="kpi-grid">
        {Array.from({ length: 6 }, (_, i) => (
          <Card key={i} size="small">
            <Skeleton active paragraph={{ rows: 3 }} title={{ width: '60%' }} />
          </Card>
        ))}
      </div>
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    </div>
  );
}

/** Tổng quan: progress of the chosen period at a glance, unit by unit, with drill-down. */
export function DashboardPage() {
  const data = useDashboardStore((s) => s.data);
  const loading = useDashboardStore((s) => s.loading);
  const error = useDashboardStore((s) => s.error);
  const unitCode = useDashboardStore((s) => s.unitCode);
  const period = useDashboardStore((s) => s.period);
  const notice = useDashboardStore((s) => s.notice);
  const load = useDashboardStore((s) => s.load);
  const drillTo = useDashboardStore((s) => s.drillTo);
  const watchDataChanges = useDashboardStore((s) => s.watchDataChanges);

  useEffect(() => {
    void load();
    return watchDataChanges();
  }, [load, watchDataChanges]);

  const drill = useCallback((row: Comparison) => void drillTo(row.code), [drillTo]);

  const table = data?.table;
  const subtitle = table
    ? `${table.periodLabel} · ${table.unitName} · số liệu đến tháng ${table.month.slice(5, 7)}/${table.month.slice(0, 4)} · theo địa giới ngày ${formatDate(table.viewDate)}`
    : periodLabel(period);

  let body;
  if (error && !data) {
    body = (
      <Card>
        <ErrorResult error={error} onRetry={() => void load()} />
        {unitCode ? (
          <div className="dash-error-back">
            <Button onClick={() => void drillTo(null)}>Về toàn tỉnh</Button>
          </div>
        ) : null}
      </Card>
    );
  } else if (!data) {
    body = <LoadingSkeleton />;
  } else {
    const rows = data.table.rows;
    const unitChartHeight = chartHeight(rows.length);
    const counts = data.rankings;
    body = (
      <Spin spinning={loading} description="Đang tải số liệu…" delay={150}>
        <div className="dash-body" data-testid="dashboard-body">
          {error ? <Alert type="error" showIcon title={error.message} role="alert" /> : null}
          {notice ? <Alert type="info" showIcon title={notice} data-testid="dashboard-notice" /> : null}
          <KpiCards kpis={data.kpis} yearEnd={data.table.month.endsWith('-12')} />
          <div className="dash-row dash-row-charts">
            <Card size="small" title={`Tiến độ thực hiện theo đơn vị — ${data.table.indicatorName}`} className="dash-card dash-card-wide">
              <UnitProgressChart rows={rows} height={unitChartHeight} onDrill={drill} />
            </Card>
            <Card size="small" title="Diễn biến theo tháng" className="dash-card">
              <TrendChart points={data.trend} height={unitChartHeight + LEGEND_HEIGHT} />
            </Card>
          </div>
          <div className="dash-row dash-row-lists">
            <Card size="small" title={`Đơn vị dẫn đầu (từ ${formatPercent(LEADER_THRESHOLD, 0)} KH)`} className="dash-card">
              <RankingList rows={data.best} testId="best-units" onDrill={drill} emptyText={leadersEmptyText(counts)} notes={[leadersShortNote(counts), unrankedNote(counts)]} />
            </Card>
            <Card size="small" title={`Đơn vị cần đôn đốc (dưới ${formatPercent(LEADER_THRESHOLD, 0)} KH)`} className="dash-card">
              <RankingList rows={data.worst} testId="worst-units" onDrill={drill} emptyText={laggardsEmptyText(counts)} notes={[laggardsShortNote(counts)]} />
            </Card>
            <Card size="small" title="Tỷ lệ bao phủ" className="dash-card dash-card-coverage" extra={<CoverageExportButton />}>
              <CoverageTable rows={data.coverage} height={330} />
            </Card>
          </div>
          <Card size="small" title={`So sánh kết quả thực hiện — ${data.table.indicatorName} — ${data.table.periodLabel}`} className="dash-card section-card">
            <ComparisonTable table={data.table} onDrill={drill} />
          </Card>
        </div>
      </Spin>
    );
  }

  return (
    <div className="page dash-page" data-testid="dashboard-page">
      <PageTitle title="Tổng quan" description={subtitle} />
      <div className="dash-controls">
        <DashboardToolbar />
        <div className="dash-controls-row">
          <DrillBreadcrumb data={data} unitCode={unitCode} onNavigate={(code) => void drillTo(code)} />
          <TreeModeSwitch />
        </div>
      </div>
      {body}
    </div>
  );
}
