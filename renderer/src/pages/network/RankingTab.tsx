import { Empty, Segmented, Select, Switch, Table } from 'antd';
import { useEffect } from 'react';
import type { RankingRow } from '../../../../shared/contract';
import { AGENT_KIND_LABELS, type AgentKind, type FlowMeasure } from '../../../../shared/domain/network';
import { formatCount, formatMoney, formatPercent } from '../../../../shared/format/vi';
import { ErrorResult } from '../../components/ErrorResult';
import { ExportButton } from '../../components/ExportButton';
import { RANKING_PAGE_SIZE, useFlowsStore } from '../../stores/networkFlows';
import { useNetworkShared } from '../../stores/networkShared';
import { ActivityTag, formatMeasure, formatMonth, kindOptions, measureOptions } from './networkLabels';
import { ScopeBar } from './ScopeBar';

/** Xếp hạng: agents or staff by the month's result or by % of the year's target; the inactive flagged. */
export function RankingTab() {
  const s = useFlowsStore();
  const month = useNetworkShared((x) => x.month);
  const version = useNetworkShared((x) => x.version);

  useEffect(() => {
    void s.loadRanking();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);

  const m = s.rankMeasure;
  return (
    <div className="network-tab" data-testid="ranking-tab">
      <div className="toolbar" role="toolbar" aria-label="Điều kiện xếp hạng">
        <ScopeBar onChange={() => void s.loadRanking()} />
        <span className="toolbar-field">
          <span>Xếp hạng</span>
          <Segmented<'agent' | 'staff'>
          value={s.rankLevel}
          onChange={(rankLevel) => s.setRanking({ rankLevel })}
          options={[
            { value: 'staff', label: 'Nhân viên thu' },
            { value: 'agent', label: 'Đại lý' },
          ]}
          aria-label="Xếp hạng theo"
          data-testid="rank-level"
        />
        </span>
        <span className="toolbar-field">
          <span>theo</span>
          <Select<FlowMeasure> value={m} options={measureOptions} onChange={(rankMeasure) => s.setRanking({ rankMeasure })} style={{ width: 180 }} aria-label="Chỉ tiêu xếp hạng" />
        </span>
        <Segmented<'result' | 'progress'>
          value={s.rankBy}
          onChange={(rankBy) => s.setRanking({ rankBy })}
          options={[
            { value: 'result', label: 'Theo kết quả tháng' },
            { value: 'progress', label: 'Theo % chỉ tiêu' },
          ]}
          aria-label="Cách xếp"
        />
        <Select<AgentKind> allowClear placeholder="Mọi loại tổ chức" options={kindOptions} value={s.rankKind ?? undefined} onChange={(v) => s.setRanking({ rankKind: v ?? null })} style={{ width: 170 }} aria-label="Loại tổ chức" />
        <label className="toolbar-field">
          <Switch size="small" checked={s.inactiveOnly} onChange={(inactiveOnly) => s.setRanking({ inactiveOnly })} aria-label="Chỉ người không hoạt động" data-testid="rank-inactive-only" />
          <span>Chỉ không hoạt động</span>
        </label>
        <span className="toolbar-spacer" />
        <ExportButton onExport={s.exportRanking} />
      </div>
      {s.rankingError && !s.ranking ? (
        <ErrorResult error={s.rankingError} onRetry={() => void s.loadRanking()} />
      ) : (
        <Table<RankingRow>
          size="middle"
          rowKey={(r) => `${r.level}-${r.code}`}
          loading={s.rankingLoading}
          dataSource={s.ranking?.items ?? []}
          data-testid="ranking-table"
          scroll={{ x: 1000 }}
          rowClassName={(r) => (r.activity === 'inactive' ? 'rank-inactive' : '')}
          pagination={{
            current: s.rankPage,
            pageSize: RANKING_PAGE_SIZE,
            total: s.ranking?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (t) => (s.rankLevel === 'staff' ? `${formatCount(t)} nhân viên` : `${formatCount(t)} đại lý`),
            onChange: (rankPage) => s.setRanking({ rankPage }),
          }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.inactiveOnly ? 'Không có ai bị đánh dấu không hoạt động.' : 'Chưa có số liệu để xếp hạng.'} /> }}
          columns={[
            { title: 'Hạng', dataIndex: 'rank', width: 60, align: 'center', render: (v: number) => <b>{formatCount(v)}</b> },
            { title: s.rankLevel === 'staff' ? 'Nhân viên thu' : 'Đại lý', dataIndex: 'name', width: s.rankLevel === 'staff' ? 180 : undefined },
            s.rankLevel === 'staff'
              ? {
                  title: 'Đại lý',
                  dataIndex: 'agentName',
                  render: (v: string | null, r: RankingRow) => (
                    <span>
                      {v ?? '—'} <span className="muted">· {AGENT_KIND_LABELS[r.kind]}</span>
                    </span>
                  ),
                }
              : { title: 'Loại', dataIndex: 'kind', width: 170, render: (k: AgentKind) => AGENT_KIND_LABELS[k] },
            { title: `Tháng ${formatMonth(month)}`, dataIndex: 'result', width: 95, align: 'right', render: (v: number) => formatMeasure(m, v) },
            { title: 'Lũy kế', dataIndex: 'cumulative', width: 90, align: 'right', render: (v: number) => formatMeasure(m, v) },
            { title: 'Chỉ tiêu năm', dataIndex: 'target', width: 100, align: 'right', render: (v: number | null) => formatMeasure(m, v) },
            { title: '% chỉ tiêu', dataIndex: 'progress', width: 90, align: 'right', render: (v: number | null) => formatPercent(v) },
            { title: 'Thù lao', dataIndex: 'commission', width: 110, align: 'right', render: (v: number) => formatMoney(v) },
            { title: 'Hoạt động', dataIndex: 'activity', width: 160, render: (_: unknown, r) => <ActivityTag activity={r.activity} lastActiveMonth={r.lastActiveMonth} /> },
          ]}
        />
      )}
    </div>
  );
}
