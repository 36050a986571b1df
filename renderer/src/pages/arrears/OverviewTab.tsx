import { Alert, Card, Empty, Spin, Table } from 'antd';
import { useEffect } from 'react';
import type { ArrearsBandFigure, ArrearsEmployerRow, ArrearsKindFigure, ArrearsOfficeFigure } from '../../../../shared/contract';
import { formatCount, formatDate, formatMoney } from '../../../../shared/format/vi';
import { ErrorResult } from '../../components/ErrorResult';
import { useArrearsStore } from '../../stores/arrears';
import { ArrearsScopeBar } from './ArrearsScopeBar';
import { BandTag, formatMonth, formatRatio } from './arrearsLabels';
import { TrendChart } from './TrendChart';

/** "7,54% / chỉ tiêu 4,00%": red when over the target, green when at or under it. */
export function RatioVsTarget({ ratio, target, meets }: { ratio: number | null; target: number | null; meets: boolean | null }) {
  if (ratio === null)
    return (
      <span className="muted" title="Chưa có số phải thu cả năm để tính tỷ lệ">
        —
      </span>
    );
  return (
    <span className={meets === false ? 'ratio-over' : meets ? 'ratio-ok' : undefined} data-testid="ratio-vs-target">
      {formatRatio(ratio)}
      {target !== null ? ` / chỉ tiêu ${formatRatio(target)}` : ''}
    </span>
  );
}

/** Tổng quan nợ: total owed, bands, offices, sectors, the 24-month trend, ratio against the target in force, largest debtors. */
export function OverviewTab({ onOpenEmployer }: { onOpenEmployer: (id: number) => void }) {
  const o = useArrearsStore((s) => s.overview);
  const loading = useArrearsStore((s) => s.overviewLoading);
  const error = useArrearsStore((s) => s.overviewError);
  const load = useArrearsStore((s) => s.loadOverview);
  const version = useArrearsStore((s) => s.version);
  const period = useArrearsStore((s) => s.period);
  const officeCode = useArrearsStore((s) => s.officeCode);

  useEffect(() => {
    void load();
  }, [load, version, period, officeCode]);

  const toolbar = (
    <div className="toolbar" role="toolbar" aria-label="Điều kiện xem tổng quan nợ">
      <ArrearsScopeBar onChange={() => undefined} />
    </div>
  );
  if (error && !o)
    return (
      <div className="arrears-tab">
        {toolbar}
        <ErrorResult error={error} onRetry={() => void load()} />
      </div>
    );
  if (!o)
    return (
      <div className="arrears-tab">
        {toolbar}
        <Spin />
      </div>
    );
  const monthText = formatMonth(o.period);
  return (
    <div className="arrears-tab" data-testid="arrears-overview">
      {toolbar}
      <Spin spinning={loading}>
        <div className="arrears-cards">
          <Card size="small" className="arrears-card">
            <div className="arrears-card-value" data-testid="arrears-total">{formatMoney(o.totalOwed)}</div>
            <div className="arrears-card-label">tổng số nợ đến hết tháng {monthText}</div>
          </Card>
          <Card size="small" className="arrears-card">
            <div className="arrears-card-value" data-testid="arrears-employers">{formatCount(o.employersInArrears)}</div>
            <div className="arrears-card-label">đơn vị còn nợ</div>
          </Card>
          <Card size="small" className="arrears-card">
            <div className="arrears-card-value arrears-card-ratio">
              <RatioVsTarget ratio={o.ratio} target={o.target?.ratio ?? null} meets={o.meetsTarget} />
            </div>
            <div className="arrears-card-label">
              {o.ratio === null ? 'tỷ lệ nợ: chưa có số phải thu cả năm' : 'tỷ lệ nợ trên số phải thu cả năm'}
              {o.target ? `; chỉ tiêu ${formatRatio(o.target.ratio)} từ ${formatDate(o.target.validFrom)}` : '; chưa giao chỉ tiêu'}
            </div>
          </Card>
          <Card size="small" className="arrears-card">
            <div className="arrears-card-value">{formatMoney(o.interest)}</div>
            <div className="arrears-card-label">lãi chậm đóng</div>
          </Card>
        </div>
        <div className="arrears-summary" data-testid="arrears-summary">
          {o.scopeName}, đến ngày {formatDate(o.asOf)}: {formatCount(o.employersInArrears)} đơn vị nợ {formatMoney(o.totalOwed)}
          {o.dueInYear !== null ? ` trên số phải thu cả năm ${formatMoney(o.dueInYear)}` : ''}.
        </div>
        {o.overduePromises > 0 ? (
          <Alert
            type="error"
            showIcon
            className="arrears-alert"
            title={`${formatCount(o.overduePromises)} hẹn trả nợ đã quá hạn mà chưa thực hiện (trong ${formatCount(o.pendingPromises)} hẹn đang chờ).`}
            data-testid="arrears-overdue-alert"
          />
        ) : o.pendingPromises > 0 ? (
          <Alert type="info" showIcon className="arrears-alert" title={`${formatCount(o.pendingPromises)} hẹn trả nợ đang chờ, chưa có hẹn nào quá hạn.`} />
        ) : null}
        <div className="arrears-grid">
          <Card size="small" title={`Theo thời gian nợ — tháng ${monthText}`} className="section-card">
            <Table<ArrearsBandFigure>
              size="small"
              rowKey="band"
              dataSource={o.byBand}
              pagination={false}
              data-testid="arrears-bands"
              columns={[
                { title: 'Nhóm', dataIndex: 'label' },
                { title: 'Đơn vị', dataIndex: 'employers', align: 'right', width: 80, render: (v: number) => formatCount(v) },
                { title: 'Số tiền nợ', dataIndex: 'amount', align: 'right', width: 150, render: (v: number) => formatMoney(v) },
                { title: 'Tỷ trọng', key: 'share', align: 'right', width: 90, render: (_: unknown, r) => (o.totalOwed > 0 ? formatRatio(Math.round((r.amount / o.totalOwed) * 10000) / 100) : '—') },
              ]}
              summary={() => (
                <Table.Summary.Row className="summary-row">
                  <Table.Summary.Cell index={0}>Cộng</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">{formatCount(o.employersInArrears)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">{formatMoney(o.totalOwed)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={3} />
                </Table.Summary.Row>
              )}
            />
          </Card>
          <Card size="small" title="Theo loại hình đơn vị" className="section-card">
            <Table<ArrearsKindFigure>
              size="small"
              rowKey="kind"
              dataSource={o.byKind}
              pagination={false}
              data-testid="arrears-kinds"
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có đơn vị nợ." /> }}
              columns={[
                { title: 'Loại hình', dataIndex: 'label' },
                { title: 'Đơn vị', dataIndex: 'employers', align: 'right', width: 80, render: (v: number) => formatCount(v) },
                { title: 'Số tiền nợ', dataIndex: 'amount', align: 'right', width: 150, render: (v: number) => formatMoney(v) },
              ]}
            />
          </Card>
        </div>
        <Card size="small" title={`Diễn biến nợ ${formatCount(o.trend.length)} tháng đến ${monthText}`} className="section-card arrears-section">
          {o.trend.length > 0 ? <TrendChart points={o.trend} target={o.target?.ratio ?? null} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có số liệu nợ các tháng." />}
        </Card>
        <Card size="small" title="Theo BHXH cơ sở" className="section-card arrears-section">
          <Table<ArrearsOfficeFigure>
            size="small"
            rowKey="officeCode"
            dataSource={o.byOffice}
            pagination={false}
            data-testid="arrears-offices"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có đơn vị nợ." /> }}
            columns={[
              { title: 'BHXH cơ sở', dataIndex: 'officeName' },
              { title: 'Đơn vị nợ', dataIndex: 'employers', align: 'right', width: 100, render: (v: number) => formatCount(v) },
              { title: 'Số tiền nợ', dataIndex: 'amount', align: 'right', width: 160, render: (v: number) => formatMoney(v) },
              { title: 'Phải thu cả năm', dataIndex: 'dueInYear', align: 'right', width: 170, render: (v: number | null) => (v === null ? '—' : formatMoney(v)) },
              { title: 'Tỷ lệ nợ / chỉ tiêu', key: 'ratio', align: 'right', width: 200, render: (_: unknown, r) => <RatioVsTarget ratio={r.ratio} target={r.target} meets={r.meetsTarget} /> },
            ]}
          />
        </Card>
        <Card size="small" title={`Đơn vị nợ nhiều nhất — tháng ${monthText}`} className="section-card arrears-section">
          <Table<ArrearsEmployerRow>
            size="small"
            rowKey="id"
            dataSource={o.largest}
            pagination={false}
            data-testid="arrears-largest"
            onRow={(r) => ({ onClick: () => onOpenEmployer(r.id), style: { cursor: 'pointer' } })}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có đơn vị nợ." /> }}
            columns={[
              { title: 'Mã ĐV', dataIndex: 'code', width: 110 },
              { title: 'Tên đơn vị', dataIndex: 'name' },
              { title: 'BHXH cơ sở', dataIndex: 'officeName', width: 180, render: (v: string | null) => v ?? '—' },
              { title: 'Số tháng nợ', dataIndex: 'monthsOwed', align: 'right', width: 100, render: (v: number) => formatCount(v) },
              { title: 'Nhóm', dataIndex: 'band', width: 170, render: (b: ArrearsEmployerRow['band']) => <BandTag band={b} /> },
              { title: 'Số tiền nợ', dataIndex: 'amountOwed', align: 'right', width: 150, render: (v: number) => formatMoney(v) },
            ]}
          />
        </Card>
      </Spin>
    </div>
  );
}
