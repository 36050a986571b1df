import { useMemo } from 'react';
import { Bar } from 'react-chartjs-2';
import type { ChartOptions } from 'chart.js';
import type { CampaignTotalRow } from '../../../../shared/contract';
import { formatCount } from '../../../../shared/format/vi';
import '../dashboard/chartSetup';

/** Sign-ups of each month's campaigns, by product, with the number of activities on a second axis. */
export function CampaignMonthChart({ rows, year }: { rows: CampaignTotalRow[]; year: number }) {
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const data = useMemo(
    () => ({
      labels: months.map((m) => `T${Number(m.slice(5))}`),
      datasets: [
        { type: 'bar' as const, label: 'Đăng ký BHXH TN', data: months.map((m) => byKey.get(m)?.signups.BHXH_TN ?? 0), backgroundColor: '#1f6fb2', borderRadius: 3, stack: 's', yAxisID: 'y' },
        { type: 'bar' as const, label: 'Đăng ký BHYT HGĐ', data: months.map((m) => byKey.get(m)?.signups.BHYT_HGD ?? 0), backgroundColor: '#2f9e6e', borderRadius: 3, stack: 's', yAxisID: 'y' },
      ],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rows, year],
  );
  const options = useMemo<ChartOptions<'bar'>>(
    () => ({
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: { stacked: true, grid: { display: false } },
        y: { stacked: true, beginAtZero: true, ticks: { callback: (v) => formatCount(Number(v)), precision: 0 }, grid: { color: '#eef1f5' } },
      },
      plugins: {
        legend: { position: 'top', align: 'end' },
        tooltip: {
          callbacks: {
            label: (item) => `${item.dataset.label}: ${formatCount(Number(item.raw))} người`,
            footer: (items) => {
              const r = byKey.get(months[items[0]?.dataIndex ?? 0]!);
              return r ? `${formatCount(r.campaigns)} hoạt động, ${formatCount(r.sessions)} buổi` : '';
            },
          },
        },
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rows, year],
  );
  const summary = months
    .map((m) => byKey.get(m))
    .filter((r): r is CampaignTotalRow => Boolean(r))
    .map((r) => `tháng ${Number(r.key.slice(5))}: ${formatCount(r.totalSignups)} người đăng ký`)
    .join('; ');
  return (
    <div className="chart-box campaign-chart" data-testid="campaign-month-chart">
      <Bar data={data} options={options} role="img" aria-label={`Người đăng ký qua các hoạt động tuyên truyền năm ${year} theo tháng. ${summary}`} />
    </div>
  );
}
