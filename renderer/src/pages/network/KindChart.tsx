import { useMemo } from 'react';
import { Bar } from 'react-chartjs-2';
import type { ChartOptions } from 'chart.js';
import type { KindCount } from '../../../../shared/contract';
import { AGENT_KIND_LABELS, FLOW_MEASURE_DEFS } from '../../../../shared/domain/network';
import { formatCount } from '../../../../shared/format/vi';
import '../dashboard/chartSetup';

const SERIES = [
  { measure: 'NEW_TN', color: '#1f6fb2' },
  { measure: 'NEW_HGD', color: '#2f9e6e' },
] as const;

/** New participants of the month by agent kind: BHXH tự nguyện and BHYT hộ gia đình side by side. */
export function KindChart({ rows, monthText }: { rows: KindCount[]; monthText: string }) {
  const data = useMemo(
    () => ({
      labels: rows.map((r) => AGENT_KIND_LABELS[r.kind]),
      datasets: SERIES.map((s) => ({
        label: FLOW_MEASURE_DEFS[s.measure].shortLabel,
        data: rows.map((r) => r.results[s.measure] ?? 0),
        backgroundColor: s.color,
        borderRadius: 3,
        maxBarThickness: 28,
      })),
    }),
    [rows],
  );
  const options = useMemo<ChartOptions<'bar'>>(
    () => ({
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: { grid: { display: false }, ticks: { autoSkip: false, maxRotation: 0, font: { size: 11 } } },
        y: { beginAtZero: true, ticks: { callback: (v) => formatCount(Number(v)), precision: 0 }, grid: { color: '#eef1f5' } },
      },
      plugins: {
        legend: { position: 'top', align: 'end' },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${formatCount(Number(item.raw))} người` } },
      },
    }),
    [],
  );
  const summary = rows.map((r) => `${AGENT_KIND_LABELS[r.kind]}: ${formatCount(r.results.NEW_TN ?? 0)} BHXH TN, ${formatCount(r.results.NEW_HGD ?? 0)} BHYT HGĐ`).join('; ');
  return (
    <div className="chart-box network-kind-chart" data-testid="network-kind-chart">
      <Bar data={data} options={options} role="img" aria-label={`Người tham gia tăng mới tháng ${monthText} theo loại tổ chức. ${summary}`} />
    </div>
  );
}
