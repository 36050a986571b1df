import { Button, Card, Descriptions, Empty, Skeleton, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { UnitLink } from '../../../../shared/domain/units';
import { formatCount, formatDate, formatPercent } from '../../../../shared/format/vi';
import { useUnitsStore } from '../../stores/units';
import { ErrorAlert } from '../../components/ErrorResult';
import { levelLabel } from '../../text/labels';
import { UnitEditModal } from './UnitEditModal';

function dateOrDash(iso: string | null | undefined): string {
  return iso ? formatDate(iso) : '—';
}

function LinkList({
  links,
  side,
  onSelectUnit,
  testId,
}: {
  links: UnitLink[];
  side: 'from' | 'to';
  onSelectUnit: (code: string) => void;
  testId: string;
}) {
  if (links.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <ul className="link-list" data-testid={testId}>
      {links.map((l) => {
        const code = side === 'from' ? l.fromCode : l.toCode;
        const name = side === 'from' ? l.fromName : l.toName;
        return (
          <li key={`${l.fromCode}-${l.toCode}-${l.effectiveDate}`}>
            <Typography.Link onClick={() => onSelectUnit(code)}>{name}</Typography.Link>{' '}
            <Typography.Text type="secondary">({code})</Typography.Text> — từ ngày {formatDate(l.effectiveDate)}
            {l.share < 1 ? <Typography.Text type="secondary"> · {formatPercent(l.share, 0)} đơn vị cũ</Typography.Text> : null}
          </li>
        );
      })}
    </ul>
  );
}

export function UnitDetailCard({ onSelectUnit }: { onSelectUnit: (code: string) => void }) {
  const selectedCode = useUnitsStore((s) => s.selectedCode);
  const detail = useUnitsStore((s) => s.detail);
  const loading = useUnitsStore((s) => s.detailLoading);
  const error = useUnitsStore((s) => s.detailError);
  const [editing, setEditing] = useState(false);

  if (!selectedCode) {
    return (
      <Card className="unit-detail-card" size="small" title="Thông tin đơn vị">
        <Empty description="Chọn một đơn vị trên cây để xem thông tin chi tiết." />
      </Card>
    );
  }
  if (error) {
    return (
      <Card className="unit-detail-card" size="small" title="Thông tin đơn vị">
        <ErrorAlert error={error} />
      </Card>
    );
  }
  if (!detail || (loading && detail.code !== selectedCode)) {
    return (
      <Card className="unit-detail-card" size="small" title="Thông tin đơn vị">
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }

  const d = detail;
  return (
    <Card
      className="unit-detail-card"
      size="small"
      title={
        <span data-testid="unit-detail-title">
          {d.name} {d.isDemo ? <Tag color="orange">mẫu</Tag> : null}
        </span>
      }
      extra={
        <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)} data-testid="unit-edit">
          Sửa
        </Button>
      }
      data-testid="unit-detail"
    >
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 170 } }}
        items={[
          { key: 'code', label: 'Mã đơn vị', children: <span data-testid="unit-detail-code">{d.code}</span> },
          { key: 'name', label: 'Tên đơn vị', children: d.name },
          { key: 'level', label: 'Cấp', children: levelLabel(d.level) },
          { key: 'kind', label: 'Loại', children: d.kind ?? '—' },
          {
            key: 'parent',
            label: 'Đơn vị cấp trên',
            children: d.parentCode ? (
              <span>
                <Typography.Link onClick={() => onSelectUnit(d.parentCode!)}>{d.parentName ?? d.parentCode}</Typography.Link>{' '}
                <Typography.Text type="secondary">({d.parentCode})</Typography.Text>
              </span>
            ) : (
              '—'
            ),
          },
          { key: 'from', label: 'Hiệu lực từ', children: dateOrDash(d.validFrom) },
          { key: 'to', label: 'Hiệu lực đến', children: dateOrDash(d.validTo) },
          { key: 'children', label: 'Số đơn vị trực thuộc', children: formatCount(d.childCount) },
          {
            key: 'pred',
            label: 'Hình thành từ',
            children: <LinkList links={d.predecessors} side="from" onSelectUnit={onSelectUnit} testId="unit-predecessors" />,
          },
          {
            key: 'succ',
            label: 'Sáp nhập vào',
            children: <LinkList links={d.successors} side="to" onSelectUnit={onSelectUnit} testId="unit-successors" />,
          },
        ]}
      />
      <UnitEditModal open={editing} unit={d} onClose={() => setEditing(false)} />
    </Card>
  );
}
