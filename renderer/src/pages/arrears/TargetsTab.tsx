import { Button, Empty, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import type { ArrearsTarget } from '../../../../shared/contract';
import { targetInForce } from '../../../../shared/calc/arrears';
import { formatDate } from '../../../../shared/format/vi';
import { ErrorResult } from '../../components/ErrorResult';
import { todayIso } from '../../format/dates';
import { useArrearsStore } from '../../stores/arrears';
import { TargetFormModal } from './ArrearsForms';
import { formatRatio } from './arrearsLabels';

/** Chỉ tiêu tỷ lệ nợ: dated maximum ratios per office (none: the province's), the one in force today marked. */
export function TargetsTab() {
  const targets = useArrearsStore((s) => s.targets);
  const loading = useArrearsStore((s) => s.targetsLoading);
  const error = useArrearsStore((s) => s.targetsError);
  const load = useArrearsStore((s) => s.loadTargets);
  const version = useArrearsStore((s) => s.version);
  const [adding, setAdding] = useState(false);
  useEffect(() => {
    void load();
  }, [load, version]);
  if (error && !targets) return <ErrorResult error={error} onRetry={() => void load()} />;
  const today = todayIso();
  const rows = targets ?? [];
  const inForce = new Set<number>();
  for (const office of new Set(rows.map((r) => r.officeCode))) {
    const t = targetInForce(rows.filter((r) => r.officeCode === office), today, office);
    if (t) inForce.add(t.id);
  }
  return (
    <div className="arrears-tab" data-testid="arrears-targets-tab">
      <div className="toolbar" role="toolbar" aria-label="Chỉ tiêu tỷ lệ nợ">
        <Typography.Text type="secondary">Tỷ lệ nợ = số tiền nợ ÷ số phải thu cả năm. Chỉ tiêu là mức tối đa: bằng hoặc thấp hơn là đạt. BHXH cơ sở không có chỉ tiêu riêng theo chỉ tiêu của tỉnh.</Typography.Text>
        <span className="toolbar-spacer" />
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)} data-testid="target-create">
          Giao chỉ tiêu
        </Button>
      </div>
      <Table<ArrearsTarget>
        size="middle"
        rowKey="id"
        loading={loading}
        dataSource={rows}
        pagination={false}
        data-testid="targets-table"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa giao chỉ tiêu tỷ lệ nợ nào." /> }}
        columns={[
          { title: 'Áp dụng cho', dataIndex: 'officeName', width: 240, render: (v: string | null, r) => (r.officeCode === null ? <strong>Toàn tỉnh</strong> : v ?? r.officeCode) },
          { title: 'Từ ngày', dataIndex: 'validFrom', width: 120, render: (v: string) => formatDate(v) },
          { title: 'Tỷ lệ nợ tối đa', dataIndex: 'ratio', align: 'right', width: 140, render: (v: number) => formatRatio(v) },
          { title: 'Hiệu lực', key: 'force', width: 130, render: (_: unknown, r) => (inForce.has(r.id) ? <span className="ratio-ok">Đang áp dụng</span> : r.validFrom > today ? 'Sắp áp dụng' : <span className="muted">Đã thay</span>) },
          { title: 'Căn cứ', dataIndex: 'source', render: (v: string | null) => v ?? '—' },
          { title: 'Ghi chú', dataIndex: 'note', ellipsis: true, render: (v: string | null) => v ?? '' },
        ]}
      />
      <TargetFormModal open={adding} onClose={() => setAdding(false)} />
    </div>
  );
}
