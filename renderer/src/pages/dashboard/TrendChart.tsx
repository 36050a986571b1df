import { useMemo } from 'react';
import { Line } from 'react-chartjs-2';
import type { ChartOptions } from 'chart.js';
import type { TrendPoint } from '../../../../shared/contract';
import { monthLabel } from '../../../../shared/domain/periods';
import { formatCount } from '../../../../shared/format/vi';
import { PRIMARY } from '../../theme';

const PATH_COLOR = '#d4610c';

/** Diễn biến theo tháng: the year's actual figures against the straight path to the target. */
export function TrendChart({ points, height = 300 }: { points: TrendPoint[]; height?: number }) {
  const data = useMemo(
    () => ({
      labels: points.map((p) => monthLabel(p.month)),
      datasets: [
        {
          label: 'Thực hiện',
          data: points.map((p) => p.actual),
          borderColor: PRIMARY,
          backgroundColor: PRIMARY,
          borderWidth: 2.5,
          pointRadius: 3,
          spanGaps: false,
        },
        {
          label: 'Lộ trình kế hoạch',
          data: points.map((p) => p.targetPath),
          borderColor: PATH_COLOR,
          backgroundColor: PATH_COLOR,
          borderWidth: 2,
          borderDash: [6, 5],
          pointRadius: 0,
          spanGaps: true,
        },
      ],
    }),
    [points],
  );

  const options = useMemo<ChartOptions<'line'>>(
    () => ({
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { grid: { display: false }, ticks: { maxRotation: 0, autoSkip: true, autoSkipPadding: 8 } },
        y: { ticks: { callback: (v) => formatCount(Number(v)) }, grid: { color: '#eef1f5' } },
      },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 24, boxHeight: 2, padding: 16 } },
        tooltip: {
          callbacks: {
            label: (item) => `${item.dataset.label}: ${item.raw === null || item.raw === undefined ? 'chưa có số liệu' : `${formatCount(Number(item.raw))} người`}`,
          },
        },
      },
    }),
    [],
  );

  const last = [...points].reverse().find((p) => p.actual !== null);
  return (
    <div className="chart-box" style={{ height }} data-testid="trend-chart">
      <Line
        data={data}
        options={options}
        role="img"
        aria-label={`Diễn biến theo tháng${last ? `: ${monthLabel(last.month)} đạt ${formatCount(last.actual)} người` : ''}`}
      />
    </div>
  );
}
