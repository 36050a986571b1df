import { Chart as ChartJS, Tooltip, type ChartType, type Plugin } from 'chart.js';
import '../../charts/registerCharts';
import { FONT_STACK } from '../../theme';

/** Text drawn beside each bar: the value at its end, or a grey note where the bar is missing. */
export interface BarLabelOptions {
  texts: (string | null)[];
  notes: (string | null)[];
}

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- must repeat chart.js's declaration
  interface PluginOptionsByType<TType extends ChartType> {
    /** Read by barLabelsPlugin (horizontal bar charts). */
    barLabels?: BarLabelOptions;
  }
}

/** Draws `options.plugins.barLabels` on a horizontal bar chart (no extra dependency). */
export const barLabelsPlugin: Plugin<'bar'> = {
  id: 'barLabels',
  afterDatasetsDraw(chart) {
    const opts = chart.options.plugins?.barLabels;
    const meta = chart.getDatasetMeta(0);
    if (!opts || !meta) return;
    const { ctx, chartArea } = chart;
    ctx.save();
    ctx.textBaseline = 'middle';
    meta.data.forEach((bar, i) => {
      const { x, y } = bar.getProps(['x', 'y'], true) as { x: number; y: number };
      const text = opts.texts?.[i];
      const note = opts.notes?.[i];
      if (text) {
        ctx.font = `600 12px ${FONT_STACK}`;
        ctx.fillStyle = '#1f2d3d';
        ctx.textAlign = 'left';
        const at = Math.min(x + 6, chartArea.right - ctx.measureText(text).width);
        // A white halo keeps the figure legible where it crosses the 100% line.
        ctx.strokeStyle = '#ffffff';
        ctx.lineWidth = 3;
        ctx.lineJoin = 'round';
        ctx.strokeText(text, at, y);
        ctx.fillText(text, at, y);
      } else if (note) {
        ctx.font = `italic 12px ${FONT_STACK}`;
        ctx.fillStyle = '#8c99a8';
        ctx.textAlign = 'left';
        ctx.fillText(note, chartArea.left + 6, y);
      }
    });
    ctx.restore();
  },
};

// On screen only: the printed report has nothing to hover.
ChartJS.register(Tooltip);

// Leaders read the figures, not the motion: no animation anywhere; vi-VN everywhere.
ChartJS.defaults.animation = false;
ChartJS.defaults.locale = 'vi-VN';
ChartJS.defaults.font.family = FONT_STACK;
ChartJS.defaults.font.size = 12;
ChartJS.defaults.color = '#3a4756';
ChartJS.defaults.maintainAspectRatio = false;
ChartJS.defaults.responsive = true;
