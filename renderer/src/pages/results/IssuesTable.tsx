import { Button, Card, Table, Tag } from 'antd';
import { formatCount } from '../../../../shared/format/vi';

export interface IssueItem {
  key: string;
  unitCode: string;
  unitName: string;
  indicatorCode: string;
  indicatorName: string;
  /** The value as shown in the cell. */
  value: string;
  message: string;
  /** blocking: must be corrected; flagged: accepted with a note. */
  severity: 'blocking' | 'flagged';
  /** local: refused while typing; server: found by the checks on saving. */
  source: 'local' | 'server';
}

/** The problems of the sheet, under it; a click goes to the cell. */
export function IssuesTable({
  items,
  invalidCount,
  onPick,
  onExplain,
}: {
  items: IssueItem[];
  invalidCount: number;
  onPick: (item: IssueItem) => void;
  onExplain?: () => void;
}) {
  const blocking = items.filter((i) => i.severity === 'blocking').length;
  const flagged = items.length - blocking;
  const parts = [
    blocking ? `${formatCount(blocking)} lỗi phải sửa` : null,
    flagged ? `${formatCount(flagged)} số liệu cần ghi chú giải trình` : null,
  ].filter(Boolean);
  return (
    <Card
      size="small"
      className="rg-issues"
      title={<span className={blocking ? 'tab-errors' : undefined}>Kiểm tra số liệu: {parts.join(', ')}</span>}
      extra={
        onExplain && blocking === 0 ? (
          <Button size="small" onClick={onExplain}>
            Nhập ghi chú giải trình
          </Button>
        ) : invalidCount > 0 ? (
          <span className="tab-errors">Bấm vào một dòng để tới ô cần sửa</span>
        ) : null
      }
      data-testid="results-issues"
    >
      <Table<IssueItem>
        size="small"
        rowKey="key"
        dataSource={items}
        pagination={items.length > 8 ? { pageSize: 8, size: 'small', showSizeChanger: false } : false}
        rowClassName={(r) => `rg-issue-row rg-issue-${r.severity}`}
        onRow={(r) => ({ onClick: () => onPick(r) })}
        columns={[
          {
            title: 'Mức độ',
            key: 'severity',
            width: 150,
            render: (_: unknown, r) =>
              r.severity === 'blocking' ? <Tag color="red">Lỗi — phải sửa</Tag> : <Tag color="orange">Cần giải trình</Tag>,
          },
          {
            title: 'Đơn vị',
            key: 'unit',
            width: 220,
            render: (_: unknown, r) => (
              <>
                {r.unitName} <span className="unit-code">{r.unitCode}</span>
              </>
            ),
          },
          { title: 'Chỉ tiêu', dataIndex: 'indicatorName', width: 220 },
          { title: 'Giá trị', dataIndex: 'value', width: 110, align: 'right' },
          { title: 'Nội dung', dataIndex: 'message', className: 'rg-issue-message' },
        ]}
      />
    </Card>
  );
}
