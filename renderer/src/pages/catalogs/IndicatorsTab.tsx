import { Table, Tag } from 'antd';
import { useEffect, useMemo } from 'react';
import type { IndicatorDef } from '../../../../shared/domain/indicators';
import { useCatalogsStore } from '../../stores/catalogs';
import { ErrorResult } from '../../components/ErrorResult';
import { INDICATOR_KIND_LABELS } from '../../text/labels';

/** "(BHXH bắt buộc + BHXH tự nguyện) ÷ LLLĐ trong độ tuổi", written with the indicators' names. */
export function formulaText(def: IndicatorDef, byCode: Map<string, IndicatorDef>): string {
  if (def.kind !== 'rate' || !def.numerators || !def.denominator) return '—';
  const name = (code: string) => byCode.get(code)?.shortName ?? code;
  const top = def.numerators.map(name);
  const numerator = top.length > 1 ? `(${top.join(' + ')})` : (top[0] ?? '');
  return `${numerator} ÷ ${name(def.denominator)}`;
}

const KIND_COLORS: Record<string, string> = { count: 'blue', rate: 'purple', money: 'gold' };

export function IndicatorsTab() {
  const slice = useCatalogsStore((s) => s.indicators);
  const load = useCatalogsStore((s) => s.loadIndicators);

  useEffect(() => {
    if (!slice.loaded && !slice.loading) void load();
  }, [slice.loaded, slice.loading, load]);

  const byCode = useMemo(() => new Map(slice.items.map((i) => [i.code, i])), [slice.items]);

  if (slice.error) return <ErrorResult error={slice.error} onRetry={() => void load()} />;

  return (
    <Table<IndicatorDef>
      size="small"
      rowKey="code"
      loading={slice.loading}
      dataSource={slice.items}
      pagination={false}
      data-testid="indicators-table"
      locale={{ emptyText: 'Chưa có chỉ tiêu thống kê' }}
      columns={[
        { title: 'Mã', dataIndex: 'code', width: 110, render: (c: string) => <code className="code">{c}</code> },
        { title: 'Tên chỉ tiêu', dataIndex: 'name', width: 230 },
        {
          title: 'Loại',
          dataIndex: 'kind',
          width: 90,
          render: (k: IndicatorDef['kind']) => <Tag color={KIND_COLORS[k]}>{INDICATOR_KIND_LABELS[k] ?? k}</Tag>,
        },
        { title: 'Đơn vị tính', dataIndex: 'unitLabel', width: 96 },
        { title: 'Công thức', key: 'formula', width: 240, render: (_: unknown, r) => formulaText(r, byCode) },
        { title: 'Mô tả', dataIndex: 'description' },
      ]}
    />
  );
}
