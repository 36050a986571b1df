import { Alert, Card, Empty, Spin, Table } from 'antd';
import { useEffect } from 'react';
import type { KindCount } from '../../../../shared/contract';
import { AGENT_KIND_LABELS } from '../../../../shared/domain/network';
import { formatCount, formatDate, formatMoney } from '../../../../shared/format/vi';
import { ErrorResult } from '../../components/ErrorResult';
import { ExportButton } from '../../components/ExportButton';
import { useFlowsStore } from '../../stores/networkFlows';
import { useNetworkShared } from '../../stores/networkShared';
import { CommuneTable } from './CommuneTable';
import { KindChart } from './KindChart';
import { formatMonth } from './networkLabels';
import { ScopeBar } from './ScopeBar';

const money = (r: Pick<KindCount, 'results'>) => (r.results.AMOUNT_TN ?? 0) + (r.results.AMOUNT_HGD ?? 0);

/** Tổng quan mạng lưới: counts by agent kind, the month's results, and the communes thin on the network. */
export function OverviewTab() {
  const overview = useFlowsStore((s) => s.overview);
  const loading = useFlowsStore((s) => s.overviewLoading);
  const error = useFlowsStore((s) => s.overviewError);
  const load = useFlowsStore((s) => s.loadOverview);
  const exportCoverage = useFlowsStore((s) => s.exportCoverage);
  const version = useNetworkShared((s) => s.version);

  useEffect(() => {
    void load();
  }, [load, version]);

  const toolbar = (
    <div className="toolbar" role="toolbar" aria-label="Điều kiện xem tổng quan">
      <ScopeBar onChange={() => void load()} />
      <span className="toolbar-spacer" />
      <ExportButton onExport={exportCoverage} disabled={!overview} />
    </div>
  );
  if (error && !overview)
    return (
      <div className="network-tab">
        {toolbar}
        <ErrorResult error={error} onRetry={() => void load()} />
      </div>
    );
  if (!overview)
    return (
      <div className="network-tab">
        {toolbar}
        <Spin />
      </div>
    );
  const o = overview;
  const t = o.totals;
  const monthText = formatMonth(o.period);
  return (
    <div className="network-tab" data-testid="network-overview">
      {toolbar}
      <Spin spinning={loading}>
        <div className="network-cards">
          <Card size="small" className="network-card">
            <div className="network-card-value" data-testid="overview-agents">{formatCount(t.agents)}</div>
            <div className="network-card-label">tổ chức dịch vụ thu (đại lý)</div>
          </Card>
          <Card size="small" className="network-card">
            <div className="network-card-value" data-testid="overview-points">{formatCount(t.points)}</div>
            <div className="network-card-label">điểm thu</div>
          </Card>
          <Card size="small" className="network-card">
            <div className="network-card-value" data-testid="overview-staff">{formatCount(t.staff)}</div>
            <div className="network-card-label">nhân viên thu, {formatCount(t.trainedStaff)} đã tập huấn</div>
          </Card>
          <Card size="small" className="network-card">
            <div className="network-card-value">{formatCount((t.results.NEW_TN ?? 0) + (t.results.NEW_HGD ?? 0))}</div>
            <div className="network-card-label">người tham gia mới tháng {monthText}</div>
          </Card>
        </div>
        <div className="network-summary" data-testid="overview-summary">
          {o.officeName ?? 'Toàn tỉnh'}, ngày {formatDate(o.asOf)}: {formatCount(t.agents)} đại lý, {formatCount(t.points)} điểm thu, {formatCount(t.staff)} nhân viên.
        </div>
        <div className="network-alerts">
          {o.expiring.expired + o.expiring.within30 + o.expiring.within60 > 0 ? (
            <Alert
              type="warning"
              showIcon
              title={`Hợp đồng: ${formatCount(o.expiring.expired)} đã hết hạn, ${formatCount(o.expiring.within30)} hết hạn trong 30 ngày, ${formatCount(o.expiring.within60)} trong 31–60 ngày.`}
              data-testid="overview-expiring"
            />
          ) : (
            <Alert type="success" showIcon title="Không có hợp đồng nào hết hạn hoặc sắp hết hạn trong 60 ngày." data-testid="overview-expiring" />
          )}
          <Alert
            type={o.inactiveStaff > 0 ? 'warning' : 'info'}
            showIcon
            title={`${formatCount(o.inactiveStaff)} nhân viên thu không có người tham gia mới trong ${formatCount(o.inactiveMonths)} tháng gần nhất.`}
            data-testid="overview-inactive"
          />
          {o.communesWithoutPoint + o.communesWithFewKinds > 0 ? (
            <Alert type="info" showIcon title={`${formatCount(o.communesWithoutPoint)} xã, phường chưa có điểm thu; ${formatCount(o.communesWithFewKinds)} xã, phường có dưới 3 loại đại lý.`} />
          ) : null}
        </div>
        <Card size="small" title={`Theo loại tổ chức — kết quả tháng ${monthText}`} className="section-card">
          <Table<KindCount>
            size="small"
            rowKey="kind"
            dataSource={o.byKind}
            pagination={false}
            data-testid="overview-kinds"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có tổ chức dịch vụ thu nào." /> }}
            columns={[
              { title: 'Loại tổ chức', dataIndex: 'kind', render: (k: KindCount['kind']) => AGENT_KIND_LABELS[k] },
              { title: 'Tổ chức', dataIndex: 'agents', align: 'right', width: 90, render: (v: number) => formatCount(v) },
              { title: 'Điểm thu', dataIndex: 'points', align: 'right', width: 90, render: (v: number) => formatCount(v) },
              { title: 'Nhân viên', dataIndex: 'staff', align: 'right', width: 95, render: (v: number) => formatCount(v) },
              { title: 'Đã tập huấn', dataIndex: 'trainedStaff', align: 'right', width: 105, render: (v: number) => formatCount(v) },
              { title: 'BHXH TN tăng mới', key: 'tn', align: 'right', width: 140, render: (_: unknown, r) => formatCount(r.results.NEW_TN ?? 0) },
              { title: 'BHYT HGĐ tăng mới', key: 'hgd', align: 'right', width: 145, render: (_: unknown, r) => formatCount(r.results.NEW_HGD ?? 0) },
              { title: 'Số tiền thu', key: 'amount', align: 'right', width: 150, render: (_: unknown, r) => formatMoney(money(r)) },
            ]}
            summary={() =>
              o.byKind.length > 1 ? (
                <Table.Summary.Row className="summary-row">
                  <Table.Summary.Cell index={0}>Cộng</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">{formatCount(t.agents)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">{formatCount(t.points)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">{formatCount(t.staff)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={4} align="right">{formatCount(t.trainedStaff)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={5} align="right">{formatCount(t.results.NEW_TN ?? 0)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={6} align="right">{formatCount(t.results.NEW_HGD ?? 0)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={7} align="right">{formatMoney(money(t))}</Table.Summary.Cell>
                </Table.Summary.Row>
              ) : null
            }
          />
          {o.byKind.length > 0 ? <KindChart rows={o.byKind} monthText={monthText} /> : null}
        </Card>
        <Card size="small" title="Mạng lưới theo xã, phường" className="section-card" style={{ marginTop: 16 }}>
          <CommuneTable rows={o.communes} />
        </Card>
      </Spin>
    </div>
  );
}
