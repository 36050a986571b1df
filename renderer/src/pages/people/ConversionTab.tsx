import { Alert, Segmented, Select, Space, Table, Typography } from 'antd';
import { useEffect } from 'react';
import type { ConversionRow } from '../../../../shared/contract';
import { formatCount, formatPercentValue } from '../../../../shared/format/vi';
import { usePeopleStore } from '../../stores/people';
import { usePersonLists } from '../../stores/personLists';

const BY_LABELS = { commune: 'Theo xã, phường', staff: 'Theo nhân viên thu', campaign: 'Theo đợt tuyên truyền' } as const;
const KEY_TITLES = { commune: 'Xã, phường', staff: 'Nhân viên thu', campaign: 'Đợt tuyên truyền' } as const;

/** Kết quả vận động: how many on the lists joined, by commune, staff member or campaign; renewals paid on time for due lists. */
export function ConversionTab() {
  const { lists, conversion, conversionBy, conversionListId, conversionError, loadConversion } = usePersonLists();
  const version = usePeopleStore((s) => s.version);
  useEffect(() => {
    void loadConversion();
  }, [loadConversion, version]);
  const n = (v: number) => formatCount(v);
  const columns = [
    { title: KEY_TITLES[conversionBy], dataIndex: 'label', key: 'label', ellipsis: true },
    { title: 'Số người', dataIndex: 'people', key: 'people', align: 'right' as const, width: 100, render: n },
    { title: 'Đã liên hệ', dataIndex: 'contacted', key: 'contacted', align: 'right' as const, width: 100, render: n },
    { title: 'Đồng ý', dataIndex: 'agreed', key: 'agreed', align: 'right' as const, width: 90, render: n },
    { title: 'Đã tham gia', dataIndex: 'joined', key: 'joined', align: 'right' as const, width: 110, render: n },
    { title: 'Từ chối', dataIndex: 'refused', key: 'refused', align: 'right' as const, width: 90, render: n },
    { title: 'Không liên lạc được', dataIndex: 'unreachable', key: 'unreachable', align: 'right' as const, width: 120, render: n },
    { title: 'Tỷ lệ tham gia', dataIndex: 'conversion', key: 'conversion', align: 'right' as const, width: 120, render: (v: number | null) => formatPercentValue(v) },
    { title: 'Đến hạn đóng', dataIndex: 'due', key: 'due', align: 'right' as const, width: 110, render: n },
    { title: 'Đóng đúng hạn', dataIndex: 'paidOnTime', key: 'paidOnTime', align: 'right' as const, width: 110, render: n },
    { title: 'Tỷ lệ đúng hạn', dataIndex: 'onTimeRate', key: 'onTimeRate', align: 'right' as const, width: 120, render: (v: number | null) => formatPercentValue(v) },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Segmented value={conversionBy} onChange={(v) => void loadConversion({ by: v as 'commune' | 'staff' | 'campaign' })} options={Object.entries(BY_LABELS).map(([value, label]) => ({ value, label }))} />
        <Select
          allowClear
          style={{ width: 300 }}
          placeholder="Mọi danh sách"
          aria-label="Danh sách"
          value={conversionListId ?? undefined}
          onChange={(v) => void loadConversion({ listId: v ?? null })}
          options={lists.map((l) => ({ value: l.id, label: l.name }))}
        />
      </Space>
      {conversionError ? <Alert type="error" showIcon title={conversionError.message} /> : null}
      <Table<ConversionRow>
        size="small"
        rowKey="key"
        dataSource={conversion?.rows ?? []}
        columns={columns}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 1300 }}
        data-testid="conversion-table"
        summary={() =>
          conversion ? (
            <Table.Summary.Row className="table-total-row">
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>Cộng</Typography.Text>
              </Table.Summary.Cell>
              {(['people', 'contacted', 'agreed', 'joined', 'refused', 'unreachable'] as const).map((k, i) => (
                <Table.Summary.Cell key={k} index={i + 1} align="right">
                  <strong>{formatCount(conversion.total[k])}</strong>
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={7} align="right">
                <strong>{formatPercentValue(conversion.total.conversion)}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={8} align="right">
                <strong>{formatCount(conversion.total.due)}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={9} align="right">
                <strong>{formatCount(conversion.total.paidOnTime)}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={10} align="right">
                <strong>{formatPercentValue(conversion.total.onTimeRate)}</strong>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </Space>
  );
}
