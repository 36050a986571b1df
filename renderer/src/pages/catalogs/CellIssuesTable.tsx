import { Table } from 'antd';
import type { CellIssue } from '../../../../shared/contract';
import { formatCount } from '../../../../shared/format/vi';

const columns = [
  { title: 'Trang tính', dataIndex: 'sheet', width: 130 },
  { title: 'Dòng', dataIndex: 'row', width: 70, render: (v: number) => formatCount(v) },
  // A row-level problem has no cell; its column (when known) says where to look.
  { title: 'Ô', key: 'cell', width: 70, render: (_: unknown, r: CellIssue) => r.cell ?? r.column ?? '—' },
  { title: 'Nội dung', dataIndex: 'message', render: (m: string) => <span className="issue-message">{m}</span> },
];

/** The errors of a catalogue import (unit list, offices): where each is and what is wrong. */
export function CellIssuesTable({ issues, pageSize, testId }: { issues: CellIssue[]; pageSize: number; testId: string }) {
  return (
    <Table<CellIssue>
      size="small"
      rowKey={(r) => `${r.sheet}-${r.row}-${r.cell ?? r.column ?? ''}-${r.message}`}
      columns={columns}
      dataSource={issues}
      rowClassName={() => 'issue-row'}
      pagination={{ pageSize, showSizeChanger: false, hideOnSinglePage: true }}
      locale={{ emptyText: 'Không có lỗi' }}
      data-testid={testId}
    />
  );
}
