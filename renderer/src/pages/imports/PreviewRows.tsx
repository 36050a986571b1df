import { useEffect, useState, type HTMLAttributes } from 'react';
import { Card, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { CellIssue, ImportPreview, ImportPreviewRow } from '../../../../shared/contract';
import { formatCount } from '../../../../shared/format/vi';
import { useImportsStore } from '../../stores/imports';
import { UnitChooser } from './UnitChooser';
import { KIND_LABELS, STATUS_LABELS, groupByIndicator, indicatorShortName, valueColumns } from './importText';

function issueText(issue: CellIssue): string {
  return issue.cell ? `Ô ${issue.cell}: ${issue.message}` : issue.message;
}

const PAGE_SIZE = 50;

/** The rows of the file as they will be read: matched unit, figures, status; errors in red under their row. */
export function PreviewRows({ preview }: { preview: ImportPreview }) {
  const groups = groupByIndicator(valueColumns(preview));
  const chosen = new Set(useImportsStore((s) => s.corrections.unitChoices).map((c) => c.typedName));
  const loadPreviewPage = useImportsStore((s) => s.loadPreviewPage);
  const errorRows = preview.rowCounts.error;
  const unmatched = preview.rowCounts.unmatched;
  // A long report's rows stay staged in core: the table asks for each page past the first ones.
  const paged = preview.rowCount > preview.rows.length;
  const [page, setPage] = useState(1);
  const [pageRows, setPageRows] = useState<ImportPreviewRow[] | null>(null);
  useEffect(() => {
    setPage(1);
    setPageRows(null);
  }, [preview.sessionId]);
  useEffect(() => {
    if (!paged) return;
    const from = (page - 1) * PAGE_SIZE;
    if (from + PAGE_SIZE <= preview.rows.length) {
      setPageRows(preview.rows.slice(from, from + PAGE_SIZE));
      return;
    }
    let live = true;
    void loadPreviewPage(page, PAGE_SIZE).then((items) => {
      if (live && items) setPageRows(items);
    });
    return () => {
      live = false;
    };
  }, [paged, page, preview, loadPreviewPage]);
  const shown = paged ? (pageRows ?? preview.rows.slice(0, PAGE_SIZE)) : preview.rows;
  const withIssues = shown.filter((r) => r.issues.length > 0).map((r) => r.row);

  const columns: ColumnsType<ImportPreviewRow> = [
    { title: 'Dòng', dataIndex: 'row', width: 56, align: 'right', render: (v: number) => formatCount(v) },
    { title: 'Tên trong tệp', dataIndex: 'typedName', width: 150, ellipsis: { showTitle: true } },
    {
      title: 'Đơn vị khớp',
      key: 'unit',
      width: 210,
      render: (_: unknown, r) =>
        r.status === 'unmatched' || !r.unitCode ? (
          <UnitChooser row={r} />
        ) : (
          <span className="imports-unit" data-unit-code={r.unitCode}>
            {r.unitName} <span className="unit-code">{r.unitCode}</span>
            {chosen.has(r.typedName) ? (
              <Tag color="purple" className="imports-chosen-tag">
                bạn chọn
              </Tag>
            ) : null}
          </span>
        ),
    },
    ...groups.map((g) => ({
      title: indicatorShortName(g.indicatorCode),
      key: g.indicatorCode,
      children: g.columns.map((c) => ({
        title: KIND_LABELS[c.kind],
        key: c.key,
        width: 84,
        align: 'right' as const,
        onCell: (r: ImportPreviewRow) => ({
          className: r.issues.some((i) => i.column === c.column) ? 'imports-cell-error' : undefined,
          'data-key': c.key,
        }),
        render: (_: unknown, r: ImportPreviewRow) => formatCount(r.values[c.key]),
      })),
    })),
    {
      title: 'Trạng thái',
      dataIndex: 'status',
      width: 124,
      render: (s: ImportPreviewRow['status']) => <Tag color={STATUS_LABELS[s].color}>{STATUS_LABELS[s].label}</Tag>,
    },
  ];

  const counts = [
    `${formatCount(preview.rowCount)} dòng`,
    unmatched ? `${formatCount(unmatched)} chưa khớp đơn vị` : null,
    errorRows ? `${formatCount(errorRows)} có lỗi` : null,
  ].filter(Boolean);

  return (
    <Card
      size="small"
      className="section-card"
      title={
        <span>
          Các dòng trong tệp{' '}
          <Typography.Text type={errorRows ? 'danger' : 'secondary'} className="imports-count">
            ({counts.join(', ')})
          </Typography.Text>
        </span>
      }
    >
      <Table<ImportPreviewRow>
        size="small"
        bordered
        rowKey="row"
        columns={columns}
        dataSource={shown}
        pagination={
          paged
            ? { current: page, pageSize: PAGE_SIZE, total: preview.rowCount, showSizeChanger: false, onChange: setPage }
            : preview.rows.length > PAGE_SIZE
              ? { pageSize: PAGE_SIZE, showSizeChanger: false }
              : false
        }
        scroll={{ x: 'max-content' }}
        rowClassName={(r) => `imports-row imports-row-${r.status}`}
        onRow={(r) => ({ 'data-row': r.row, 'data-status': r.status }) as HTMLAttributes<HTMLElement>}
        expandable={{
          showExpandColumn: false,
          expandedRowKeys: withIssues,
          rowExpandable: (r) => r.issues.length > 0,
          expandedRowClassName: () => 'imports-issue-row',
          expandedRowRender: (r) => (
            <ul className="imports-issues" data-testid="imports-row-issues" data-row={r.row}>
              {r.issues.map((i, n) => (
                <li key={n}>{issueText(i)}</li>
              ))}
            </ul>
          ),
        }}
        locale={{ emptyText: 'Không tìm thấy dòng số liệu nào trong trang tính này' }}
        data-testid="imports-rows"
      />
    </Card>
  );
}
