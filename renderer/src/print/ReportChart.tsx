import { useMemo, useRef } from 'react';
import { Chart } from 'react-chartjs-2';
import type { ChartData, ChartOptions, Plugin } from 'chart.js';
import type { ReportBlock } from '../../../shared/contract/reportTypes';
import { formatCount, formatPercent } from '../../../shared/format/vi';
import { REPORT_FONT } from './reportFonts';
import { CONTENT_WIDTH_MM, mmToPx, type Orientation } from './sheets';
import '../charts/registerCharts';

type ChartBlock = Extract<ReportBlock, { kind: 'chart' }>;

// 2× CSS pixels = 192 dpi on paper: sharp for bars and lines. 3× (288 dpi) made every PDF
// about 1 s slower (Chromium compresses each chart bitmap) for no difference a reader sees.
const PRINT_PIXEL_RATIO = 2;
const INK = '#000000';
const GRID = '#c8c8c8';
const REACHED = '#1f4e79';
const BEHIND = '#9dc3e6';
const LINE = '#1f4e79';
const TARGET = '#c00000';

/** Fixed size in mm: the same on screen and on paper, whatever the window width. */
export function chartSizeMm(block: ChartBlock, orientation: Orientation): { width: number; height: number } {
  const width = orientation === 'landscape' ? 240 : 160;
  if (block.chart === 'progressBars') {
    // One row per unit, never squashed: every name stays legible.
    const perRow = 5.5;
    return { width, height: Math.min(orientation === 'landscape' ? 160 : 220, Math.max(60, 20 + block.labels.length * perRow)) };
  }
  return { width, height: orientation === 'landscape' ? 100 : 80 };
}

function formatValue(value: number, format: ChartBlock['valueFormat'], digits: number): string {
  return format === 'percent' ? formatPercent(value, digits) : formatCount(value);
}

/** The figure at the end of each bar of the first bar series (no extra dependency). */
function barValuesPlugin(block: ChartBlock): Plugin<'bar'> {
  return {
    id: 'reportBarValues',
    afterDatasetsDraw(chart) {
      const index = block.series.findIndex((s) => s.style === 'bar');
      if (index < 0) return;
      const meta = chart.getDatasetMeta(index);
      const values = block.series[index]!.values;
      const { ctx, chartArea } = chart;
      ctx.save();
      ctx.textBaseline = 'middle';
      ctx.textAlign = 'left';
      meta.data.forEach((bar, i) => {
        const value = values[i];
        const { x, y } = bar.getProps(['x', 'y'], true) as { x: number; y: number };
        ctx.font = value === null || value === undefined ? `italic 10px ${REPORT_FONT}` : `bold 10px ${REPORT_FONT}`;
        const text = value === null || value === undefined ? 'chưa có số liệu' : formatValue(value, block.valueFormat, 1);
        const at = value === null || value === undefined ? chartArea.left + 4 : Math.min(x + 4, chartArea.right - ctx.measureText(text).width);
        // A white halo keeps the figure legible where it crosses the reference line.
        ctx.strokeStyle = '#ffffff';
        ctx.lineWidth = 3;
        ctx.lineJoin = 'round';
        ctx.strokeText(text, at, y);
        ctx.fillStyle = INK;
        ctx.fillText(text, at, y);
      });
      ctx.restore();
    },
  };
}

function progressOptions(block: ChartBlock): ChartOptions<'bar'> {
  const values = block.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const ref = block.referenceLine?.value ?? 1;
  const top = Math.ceil(Math.max(ref * 1.15, ...values.map((v) => v * 1.15)) * 10) / 10;
  return {
    indexAxis: 'y',
    layout: { padding: { top: block.referenceLine ? 16 : 4, right: 4 } },
    scales: {
      x: {
        min: 0,
        max: top,
        ticks: { callback: (v) => formatValue(Number(v), block.valueFormat, 0), color: INK, font: { family: REPORT_FONT, size: 10 } },
        grid: { color: GRID },
        border: { color: INK },
      },
      y: { ticks: { autoSkip: false, color: INK, font: { family: REPORT_FONT, size: 10 } }, grid: { display: false }, border: { color: INK } },
    },
    plugins: {
      legend: { display: block.series.length > 1, position: 'bottom', labels: { color: INK, font: { family: REPORT_FONT, size: 10.5 } } },
      annotation: block.referenceLine
        ? {
            clip: false,
            annotations: {
              reference: {
                type: 'line',
                scaleID: 'x',
                value: block.referenceLine.value,
                borderColor: TARGET,
                borderWidth: 1.5,
                borderDash: [5, 3],
                label: {
                  display: true,
                  content: block.referenceLine.label,
                  position: 'start',
                  yAdjust: -14,
                  color: TARGET,
                  backgroundColor: 'rgba(255,255,255,0)',
                  font: { family: REPORT_FONT, size: 10, weight: 'bold' },
                  padding: 0,
                },
              },
            },
          }
        : { annotations: {} },
    },
  };
}

function trendOptions(block: ChartBlock): ChartOptions<'line'> {
  return {
    scales: {
      x: { ticks: { maxRotation: 0, autoSkip: false, color: INK, font: { family: REPORT_FONT, size: 10 } }, grid: { display: false }, border: { color: INK } },
      y: {
        beginAtZero: false,
        ticks: { callback: (v) => formatValue(Number(v), block.valueFormat, 0), color: INK, font: { family: REPORT_FONT, size: 10 } },
        grid: { color: GRID },
        border: { color: INK },
      },
    },
    plugins: {
      legend: { position: 'bottom', labels: { color: INK, boxWidth: 28, boxHeight: 2, padding: 14, font: { family: REPORT_FONT, size: 10.5 } } },
      annotation: block.referenceLine
        ? { annotations: { reference: { type: 'line', scaleID: 'y', value: block.referenceLine.value, borderColor: TARGET, borderWidth: 1, label: { display: true, content: block.referenceLine.label, position: 'end', color: TARGET, backgroundColor: 'rgba(255,255,255,0.8)', font: { family: REPORT_FONT, size: 10 } } } } }
        : { annotations: {} },
    },
  };
}

function datasets(block: ChartBlock) {
  const ref = block.referenceLine?.value ?? 1;
  return block.series.map((s) =>
    s.style === 'bar'
      ? {
          type: 'bar' as const,
          label: s.label,
          data: s.values,
          // Dark where the reference (100% of plan) is reached, light where not: readable in black and white.
          backgroundColor: block.chart === 'progressBars' ? s.values.map((v) => (v !== null && v >= ref ? REACHED : BEHIND)) : BEHIND,
          borderColor: REACHED,
          borderWidth: 0.5,
          maxBarThickness: 16,
        }
      : {
          type: 'line' as const,
          label: s.label,
          data: s.values,
          borderColor: s.style === 'dashed' ? TARGET : LINE,
          backgroundColor: s.style === 'dashed' ? TARGET : LINE,
          borderWidth: s.style === 'dashed' ? 1.5 : 2,
          borderDash: s.style === 'dashed' ? [6, 4] : [],
          pointRadius: s.style === 'dashed' ? 0 : 2.5,
          spanGaps: s.style === 'dashed',
        },
  );
}

/**
 * A chart as printed: fixed size in mm, no animation, no interaction, 2× pixel ratio.
 * `onDrawn` fires after each complete draw (the print page waits until every chart has drawn once).
 */
export function ReportChart({ block, orientation, onDrawn }: { block: ChartBlock; orientation: Orientation; onDrawn?: () => void }) {
  const size = chartSizeMm(block, orientation);
  const width = Math.round(mmToPx(Math.min(size.width, CONTENT_WIDTH_MM[orientation])));
  const height = Math.round(mmToPx(size.height));
  const drawnRef = useRef(onDrawn);
  drawnRef.current = onDrawn;

  const config = useMemo(() => {
    const common = {
      animation: false as const,
      responsive: false,
      maintainAspectRatio: false,
      devicePixelRatio: PRINT_PIXEL_RATIO,
      events: [] as [],
    };
    const ready: Plugin = {
      id: 'reportReady',
      afterRender: () => drawnRef.current?.(),
    };
    const data = { labels: block.labels, datasets: datasets(block) } as ChartData;
    if (block.chart === 'progressBars') {
      return { type: 'bar' as const, data, options: { ...common, ...progressOptions(block) } as ChartOptions, plugins: [barValuesPlugin(block) as Plugin, ready] };
    }
    return { type: 'line' as const, data, options: { ...common, ...trendOptions(block) } as ChartOptions, plugins: [ready] };
  }, [block]);

  const summary = block.labels
    .map((label, i) => `${label}: ${block.series.map((s) => (s.values[i] === null || s.values[i] === undefined ? '—' : formatValue(s.values[i]!, block.valueFormat, 2))).join(' / ')}`)
    .join('; ');

  return (
    <figure className="report-chart" data-testid="report-chart" data-chart={block.chart}>
      {block.title ? <figcaption className="report-chart-title">{block.title}</figcaption> : null}
      <div className="report-chart-canvas" style={{ width, height }}>
        {/* A new size is a new canvas: React would set the bitmap to the CSS size over Chart.js's 2× one
            (and keep the old CSS height), drawing the chart cut off and stretched. */}
        <Chart
          key={`${width}x${height}`}
          type={config.type}
          data={config.data}
          options={config.options}
          plugins={config.plugins}
          width={width}
          height={height}
          role="img"
          aria-label={`${block.title}. ${summary}`}
        />
      </div>
    </figure>
  );
}
