import { Table } from 'antd';
import type { AuditEntry } from '../../../../shared/contract';
import { formatDateTime } from '../../../../shared/format/vi';

/** Changes to one record, newest first (from the audit log). */
export function HistoryTable({ entries, testId }: { entries: AuditEntry[]; testId: string }) {
  return (
    <Table<AuditEntry>
      size="small"
      rowKey="id"
      dataSource={entries}
      pagination={entries.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      locale={{ emptyText: 'Chưa có thay đổi nào được ghi lại.' }}
      data-testid={testId}
      columns={[
        { title: 'Thời điểm', dataIndex: 'at', width: 140, render: (v: string) => formatDateTime(v) },
        { title: 'Người thực hiện', dataIndex: 'actor', width: 140 },
        { title: 'Nội dung', dataIndex: 'summary', render: (v: string, r) => v || r.action },
      ]}
    />
  );
}
