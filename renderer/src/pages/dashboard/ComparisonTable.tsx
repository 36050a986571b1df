import { Table, Tooltip, Typography } from 'antd';
import { ExclamationCircleOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import type { Comparison, ComparisonTable as TableData } from '../../../../shared/contract';
import { indicatorByCode } from '../../../../shared/domain/indicators';
import { BAND_COLORS, progressBand } from '../../../../shared/calc/bands';
import { isPlanRevised } from '../../../../shared/calc/plan';
import { formatCount, formatPercent, viCollator } from '../../../../shared/format/vi';
import { formatPace, formatSignedCount, formatSignedPercent, formatValue } from './dashboardFormat';

type NumKey = { [K in keyof Comparison]: Comparison[K] extends number | null ? K : never }[keyof Comparison];

/** Numbers ascending, missing figures always last. */
const numericSorter = (key: NumKey) => (a: Comparison, b: Comparison) => (a[key] ?? -Infinity) - (b[key] ?? -Infinity);

function Num({ children, missing, className }: { children: ReactNode; missing: boolean; className?: string }) {
  return <span className={missing ? 'cell-missing' : `num ${className ?? ''}`}>{children}</span>;
}

/** Warns that a sum lacks the figures of some units below it. */
function MissingMark({ count }: { count: number }) {
  if (count <= 0) return null;
  const text = `${formatCount(count)} đơn vị trực thuộc chưa có số liệu kỳ này`;
  return (
    <Tooltip title={text}>
      <ExclamationCircleOutlined className="unit-cell-warn" aria-label={text} data-testid="missing-mark" />
    </Tooltip>
  );
}

const signClass = (v: number | null) => (v === null || v === 0 ? '' : v > 0 ? 'num-up' : 'num-down');

function columnsFor(kind: 'count' | 'rate', onDrill: (row: Comparison) => void): ColumnsType<Comparison> {
  const value = (key: NumKey, title: ReactNode, width = 100, format: (v: number | null) => string = (v) => formatValue(v, kind), cls?: (v: number | null) => string) => ({
    key,
    title,
    dataIndex: key,
    width,
    align: 'right' as const,
    sorter: numericSorter(key),
    render: (v: number | null) => (
      <Num missing={v === null} className={cls?.(v)}>
        {format(v)}
      </Num>
    ),
  });
  // Only the % of the plan in force gets a band colour; an original plan since revised is muted.
  const progressCell = (inForce: (row: Comparison) => boolean) => (v: number | null, row: Comparison) => (
    <Num missing={v === null}>
      {inForce(row) ? (
        <span style={{ color: v === null ? undefined : BAND_COLORS[progressBand(v)], fontWeight: 600 }}>{formatPercent(v)}</span>
      ) : (
        <span className="superseded" title="Kế hoạch ban đầu, đã được điều chỉnh">
          {formatPercent(v)}
        </span>
      )}
    </Num>
  );
  return [
    {
      key: 'name',
      title: 'Đơn vị',
      dataIndex: 'name',
      fixed: 'left',
      width: 150,
      sorter: (a, b) => viCollator.compare(a.name, b.name),
      render: (name: string, row) => (
        <span className="unit-cell">
          {row.hasChildren ? (
            <Typography.Link onClick={() => onDrill(row)} data-testid="drill-link" title={`Xem các đơn vị trực thuộc ${name}`}>
              {name}
            </Typography.Link>
          ) : (
            <span>{name}</span>
          )}
          <MissingMark count={row.missingUnits} />
        </span>
      ),
    },
    value('actual', 'Thực hiện', 86),
    {
      title: 'Kế hoạch',
      children: [value('target', 'Số giao', 86), { ...value('progress', '% KH', 76), render: progressCell((row) => !isPlanRevised(row)) }],
    },
    {
      title: 'KH điều chỉnh',
      children: [value('revisedTarget', 'Số giao', 86), { ...value('revisedProgress', '% KH', 76), render: progressCell(() => true) }],
    },
    {
      title: 'Cùng kỳ năm trước',
      children: [
        value('sameLastYear', 'Số người', 86),
        value('deltaSameLastYear', 'Tăng/\u200bgiảm (người)', 88, formatSignedCount, signClass),
        value('deltaSameLastYearRatio', 'Tăng/\u200bgiảm (%)', 84, (v) => formatSignedPercent(v), signClass),
      ],
    },
    value('deltaEndLastYear', 'So với 31/12 năm trước', 88, formatSignedCount, signClass),
    value('remaining', 'Còn phải thực hiện', 86, (v) => formatCount(v === null ? null : Math.ceil(v))),
    value('monthlyPace', 'Bình quân cần/\u200btháng', 86, formatPace),
  ];
}

/** Sum of the leaf widths: with a fixed layout the columns keep exactly these widths (fits 1366 px screens). */
function tableWidth(columns: ColumnsType<Comparison>): number {
  return columns.reduce((sum, c) => sum + ('children' in c && c.children ? tableWidth(c.children) : Number(c.width ?? 0)), 0);
}

/** The cells of the totals row, in the order of the columns. */
function totalCells(total: Comparison, kind: 'count' | 'rate'): ReactNode[] {
  const pct = (v: number | null) => (
    <Num missing={v === null}>
      <b>{formatPercent(v)}</b>
    </Num>
  );
  const n = (v: number | null, text: string, cls = '') => (
    <Num missing={v === null} className={cls}>
      <b>{text}</b>
    </Num>
  );
  return [
    n(total.actual, formatValue(total.actual, kind)),
    n(total.target, formatValue(total.target, kind)),
    pct(total.progress),
    n(total.revisedTarget, formatValue(total.revisedTarget, kind)),
    pct(total.revisedProgress),
    n(total.sameLastYear, formatValue(total.sameLastYear, kind)),
    n(total.deltaSameLastYear, formatSignedCount(total.deltaSameLastYear), signClass(total.deltaSameLastYear)),
    n(total.deltaSameLastYearRatio, formatSignedPercent(total.deltaSameLastYearRatio), signClass(total.deltaSameLastYearRatio)),
    n(total.deltaEndLastYear, formatSignedCount(total.deltaEndLastYear), signClass(total.deltaEndLastYear)),
    n(total.remaining, formatCount(total.remaining === null ? null : Math.ceil(total.remaining))),
    n(total.monthlyPace, formatPace(total.monthlyPace)),
  ];
}

/** Bảng so sánh: every comparison of the chosen indicator for each child unit, with the total pinned below. */
export function ComparisonTable({ table, onDrill }: { table: TableData; onDrill: (row: Comparison) => void }) {
  const kind = indicatorByCode(table.indicatorCode)?.kind === 'rate' ? 'rate' : 'count';
  const columns = columnsFor(kind, onDrill);
  return (
    <Table<Comparison>
      size="small"
      rowKey="code"
      columns={columns}
      dataSource={table.rows}
      pagination={false}
      bordered
      sticky={{ offsetHeader: 56 }}
      tableLayout="fixed"
      scroll={{ x: tableWidth(columns) }}
      showSorterTooltip={false}
      data-testid="comparison-table"
      className="comparison-table"
      locale={{ emptyText: 'Đơn vị này không có đơn vị trực thuộc' }}
      summary={() => (
        <Table.Summary fixed="bottom">
          <Table.Summary.Row className="comparison-total" data-testid="comparison-total">
            <Table.Summary.Cell index={0} className="comparison-total-name">
              <span className="unit-cell">
                <b>Tổng cộng</b>
                <MissingMark count={table.total.missingUnits} />
              </span>
            </Table.Summary.Cell>
            {totalCells(table.total, kind).map((cell, i) => (
              <Table.Summary.Cell key={i} index={i + 1} align="right">
                {cell}
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}
