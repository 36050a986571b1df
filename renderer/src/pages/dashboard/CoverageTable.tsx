import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { CoverageRow } from '../../../../shared/contract';
import { formatPercent, viCollator } from '../../../../shared/format/vi';
import { useDashboardStore } from '../../stores/dashboard';

const byRate = (key: keyof Omit<CoverageRow, 'code' | 'name'>) => (a: CoverageRow, b: CoverageRow) => (a[key] ?? -1) - (b[key] ?? -1);

const rateColumn = (title: string, key: keyof Omit<CoverageRow, 'code' | 'name'>, hint: string) => ({
  title: <span title={hint}>{title}</span>,
  dataIndex: key,
  width: 96,
  align: 'right' as const,
  sorter: byRate(key),
  render: (v: number | null) => <span className={v === null ? 'cell-missing' : 'num'}>{formatPercent(v, 2)}</span>,
});

const COLUMNS: ColumnsType<CoverageRow> = [
  { title: 'Đơn vị', dataIndex: 'name', ellipsis: true, sorter: (a, b) => viCollator.compare(a.name, b.name) },
  rateColumn('BHYT', 'bhyt', 'Số người tham gia BHYT ÷ dân số'),
  rateColumn('BHXH', 'bhxh', '(BHXH bắt buộc + BHXH tự nguyện) ÷ lực lượng lao động trong độ tuổi'),
  rateColumn('BHTN', 'bhtn', 'BHTN ÷ lực lượng lao động trong độ tuổi'),
  { ...rateColumn('BHXH TN', 'voluntary', 'BHXH tự nguyện ÷ lực lượng lao động trong độ tuổi'), width: 108 },
];

/** Tỷ lệ bao phủ per child unit, recomputed from summed numerators and denominators. */
export function CoverageTable({ rows, height }: { rows: CoverageRow[]; height: number }) {
  return (
    <Table<CoverageRow>
      size="small"
      rowKey="code"
      columns={COLUMNS}
      dataSource={rows}
      pagination={false}
      scroll={{ y: height }}
      data-testid="coverage-table"
      locale={{ emptyText: 'Chưa có số liệu bao phủ' }}
    />
  );
}

export function CoverageExportButton() {
  const { message } = App.useApp();
  const exporting = useDashboardStore((s) => s.exporting);
  const exportCoverage = useDashboardStore((s) => s.exportCoverage);
  const onClick = async () => {
    const res = await exportCoverage();
    if (!res.ok) void message.error(res.error.message);
    else if (res.value.fileName) void message.success(`Đã xuất tệp ${res.value.fileName}`);
  };
  return (
    <Button size="small" icon={<FileExcelOutlined aria-hidden />} loading={exporting} onClick={() => void onClick()}>
      Xuất Excel
    </Button>
  );
}
