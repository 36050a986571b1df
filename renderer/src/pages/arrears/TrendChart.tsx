import { useMemo } from 'react';
import { Chart } from 'react-chartjs-2';
import type { ChartData, ChartOptions } from 'chart.js';
import type { ArrearsTrendPoint } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/format/vi';
import '../../charts/registerCharts';
import { formatMonth, formatRatio } from './arrearsLabels';

/** Millions for the axis: 612.570.000 → "612,6 tr". */
const millions = (v: number) => `${(v / 1_000_000).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} tr`;

/** The amount owed month by month (bars) and the arrears ratio (line, right axis) against the target in force. */
export function TrendChart({ points, target }: { points: ArrearsTrendPoint[]; target: number | null }) {
  const hasRatio = points.some((p) => p.ratio !== null);
  const data = useMemo<ChartData<'bar' | 'line', (number | null)[], string>>(
    () => ({
      labels: points.map((p) => formatMonth(p.period)),
      datasets: [
        { type: 'bar' as const, label: 'Số tiền nợ', data: points.map((p) => p.amount), backgroundColor: '#1f6fb2', borderRadius: 2, maxBarThickness: 22, yAxisID: 'y', order: 2 },
        ...(hasRatio
          ? [{ type: 'line' as const, label: 'Tỷ lệ nợ (%)', data: points.map((p) => p.ratio), borderColor: '#d4610c', backgroundColor: '#d4610c', pointRadius: 2, tension: 0.2, yAxisID: 'y1', order: 1, spanGaps: true }]
          : []),
      ],
    }),
    [points, hasRatio],
  );
  const options = useMemo<ChartOptions<'bar' | 'line'>>(
    () => ({
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: { grid: { display: false }, ticks: { maxRotation: 0, autoSkip: true, font: { size: 11 } } },
        y: { beginAtZero: true, ticks: { callback: (v) => millions(Number(v)) }, grid: { color: '#eef1f5' } },
        ...(hasRatio ? { y1: { position: 'right' as const, beginAtZero: true, grid: { display: false }, ticks: { callback: (v: string | number) => formatRatio(Number(v)) } } } : {}),
      },
      plugins: {
        legend: { position: 'top', align: 'end' },
        tooltip: {
          callbacks: { label: (item) => (item.dataset.yAxisID === 'y1' ? `Tỷ lệ nợ: ${formatRatio(Number(item.raw))}` : `Số tiền nợ: ${formatMoney(Number(item.raw))}`) },
        },
        annotation:
          hasRatio && target !== null
            ? {
                annotations: {
                  target: {
                    type: 'line',
                    yMin: target,
                    yMax: target,
                    yScaleID: 'y1',
                    borderColor: '#cf1322',
                    borderDash: [6, 4],
                    borderWidth: 1.5,
                    label: { display: true, content: `Chỉ tiêu ${formatRatio(target)}`, position: 'start', backgroundColor: 'rgba(207,19,34,0.85)', font: { size: 11 } },
                  },
                },
              }
            : { annotations: {} },
      },
    }),
    [hasRatio, target],
  );
  const last = points[points.length - 1];
  const summary = last ? `Tháng ${formatMonth(last.period)}: nợ ${formatMoney(last.amount)}${last.ratio !== null ? `, tỷ lệ ${formatRatio(last.ratio)}` : ''}.` : 'Chưa có số liệu.';
  return (
    <div className="chart-box arrears-trend-chart" data-testid="arrears-trend-chart">
      <Chart type="bar" data={data as ChartData<'bar'>} options={options as ChartOptions<'bar'>} role="img" aria-label={`Số tiền nợ đọng ${points.length} tháng gần nhất. ${summary}`} />
    </div>
  );
}
