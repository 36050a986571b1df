import { Empty } from 'antd';
import { useMemo } from 'react';
import { Bar } from 'react-chartjs-2';
import type { Chart, ChartEvent, ChartOptions } from 'chart.js';
import type { Comparison } from '../../../../shared/contract';
import { BAND_COLORS, BAND_LABELS, progressBand, PROGRESS_BANDS } from '../../../../shared/calc/bands';
import { isPlanRevised } from '../../../../shared/calc/plan';
import { formatCount, formatPercent } from '../../../../shared/format/vi';
import { barLabelsPlugin } from './chartSetup';

const ROW_HEIGHT = 24;
const PLUGINS = [barLabelsPlugin];

/** Units with a figure first, best % of the plan in force on top; units without one at the bottom. */
export function sortByProgress(rows: Comparison[]): Comparison[] {
  return [...rows].sort((a, b) => (b.planProgress ?? -Infinity) - (a.planProgress ?? -Infinity));
}

function missingNote(row: Comparison): string | null {
  if (row.planProgress !== null) return null;
  if (row.actual === null) return 'chưa có số liệu';
  return 'chưa giao kế hoạch';
}

/** Enough room for every unit's label (no skipped names), never a squashed chart. */
export function chartHeight(rowCount: number): number {
  return Math.max(240, rowCount * ROW_HEIGHT + 72);
}

/** Tiến độ thực hiện theo đơn vị: % of plan per child unit, the 100% plan line, click to drill down. */
export function UnitProgressChart({ rows, height, onDrill }: { rows: Comparison[]; height: number; onDrill: (row: Comparison) => void }) {
  const sorted = useMemo(() => sortByProgress(rows), [rows]);

  const data = useMemo(
    () => ({
      labels: sorted.map((r) => r.name),
      datasets: [
        {
          label: '% kế hoạch',
          data: sorted.map((r) => r.planProgress),
          backgroundColor: sorted.map((r) => BAND_COLORS[progressBand(r.planProgress)]),
          borderRadius: 3,
          maxBarThickness: 18,
        },
      ],
    }),
    [sorted],
  );

  const options = useMemo<ChartOptions<'bar'>>(() => {
    // The whole row answers, not only the bar: units without a figure have no bar to hit.
    const rowAt = (event: ChartEvent, chart: Chart): Comparison | undefined => {
      const { y } = event;
      if (y === null || y < chart.chartArea.top || y > chart.chartArea.bottom) return undefined;
      const index = Math.round(chart.scales.y!.getValueForPixel(y) ?? -1);
      return sorted[index];
    };
    const top = Math.max(1.2, ...sorted.map((r) => (r.planProgress ?? 0) * 1.12));
    const anyRevised = sorted.some(isPlanRevised);
    return {
      indexAxis: 'y',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      layout: { padding: { right: 8, top: 22 } },
      scales: {
        x: {
          min: 0,
          max: Math.ceil(top * 10) / 10,
          ticks: { callback: (v) => formatPercent(Number(v), 0), stepSize: 0.2 },
          // Bars measure against the plan in force; say so once a unit's plan was revised.
          title: { display: anyRevised, text: '% kế hoạch (theo kế hoạch điều chỉnh nếu có)', font: { size: 11 } },
          grid: { color: '#eef1f5' },
        },
        y: { ticks: { autoSkip: false, font: { size: 12 } }, grid: { display: false } },
      },
      onHover: (event, _elements, chart) => {
        chart.canvas.style.cursor = rowAt(event, chart)?.hasChildren ? 'pointer' : 'default';
      },
      onClick: (event, _elements, chart) => {
        const row = rowAt(event, chart);
        if (row?.hasChildren) onDrill(row);
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item) => {
              const row = sorted[item.dataIndex]!;
              if (row.planProgress === null) return missingNote(row) ?? '';
              const original = isPlanRevised(row) ? `; KH ban đầu ${formatCount(row.target)}` : '';
              return `${formatPercent(row.planProgress)} ${isPlanRevised(row) ? 'KH điều chỉnh' : 'kế hoạch'} (${formatCount(row.actual)}/${formatCount(row.plan)} người${original})`;
            },
            afterLabel: (item) => (sorted[item.dataIndex]?.hasChildren ? 'Bấm để xem các đơn vị trực thuộc' : ''),
          },
        },
        annotation: {
          // The label sits in the padding above the plot, clear of the top bar's value.
          clip: false,
          annotations: {
            plan: {
              type: 'line',
              scaleID: 'x',
              value: 1,
              borderColor: '#c92a2a',
              borderWidth: 2,
              borderDash: [6, 4],
              label: {
                display: true,
                content: 'Kế hoạch',
                position: 'start',
                yAdjust: -22,
                backgroundColor: 'rgba(201, 42, 42, 0.9)',
                font: { size: 11, weight: 'bold' },
                padding: { x: 6, y: 2 },
              },
            },
          },
        },
        barLabels: {
          texts: sorted.map((r) => (r.planProgress === null ? null : formatPercent(r.planProgress, 1) + (isPlanRevised(r) ? ' (KH điều chỉnh)' : ''))),
          notes: sorted.map(missingNote),
        },
      },
    };
  }, [sorted, onDrill]);

  if (sorted.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Đơn vị này không có đơn vị trực thuộc" style={{ padding: '32px 0' }} />;

  const summary = sorted.map((r) => `${r.name}: ${r.planProgress === null ? missingNote(r) : formatPercent(r.planProgress)}`).join('; ');

  return (
    <div>
      <div className="chart-box" style={{ height }} data-testid="unit-progress-chart">
        <Bar data={data} options={options} plugins={PLUGINS} role="img" aria-label={`Tiến độ thực hiện theo đơn vị. ${summary}`} />
      </div>
      <BandLegend />
    </div>
  );
}

function BandLegend() {
  return (
    <ul className="band-legend" aria-label="Chú giải màu">
      {PROGRESS_BANDS.map((b) => (
        <li key={b}>
          <span className="band-swatch" style={{ background: BAND_COLORS[b] }} aria-hidden />
          {BAND_LABELS[b]}
        </li>
      ))}
    </ul>
  );
}
