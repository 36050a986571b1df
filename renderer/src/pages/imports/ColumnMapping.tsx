import { Card, Select, Table, Tag, Typography } from 'antd';
import type { ColumnRole, ImportPreview } from '../../../../shared/contract';
import { useImportsStore } from '../../stores/imports';
import { ROLE_OPTIONS, parseRoleValue, roleLabel, roleValue } from './importText';

const KNOWN_VALUES = new Set(ROLE_OPTIONS.flatMap((g) => g.options.map((o) => o.value)));

function RolePicker({ column }: { column: ColumnRole }) {
  const setColumnRole = useImportsStore((s) => s.setColumnRole);
  const busy = useImportsStore((s) => s.previewing || s.committing);
  const value = roleValue(column.role, column.indicatorCode);
  // A role core detected that the list does not offer is still shown by its name.
  const options = KNOWN_VALUES.has(value)
    ? ROLE_OPTIONS
    : [
        { label: 'Đã nhận diện', title: 'Đã nhận diện', options: [{ value, label: roleLabel(column.role, column.indicatorCode) }] },
        ...ROLE_OPTIONS,
      ];
  return (
    <Select
      size="small"
      value={value}
      options={options}
      disabled={busy}
      onChange={(v: string) => {
        const { role, indicatorCode } = parseRoleValue(v);
        void setColumnRole(column.column, role, indicatorCode);
      }}
      popupMatchSelectWidth={false}
      listHeight={320}
      className={column.role === 'ignore' ? 'imports-role imports-role-ignore' : 'imports-role'}
      aria-label={`Nội dung cột ${column.column}`}
      data-column={column.column}
    />
  );
}

/** Cách đọc các cột: what each column was taken for; changing one re-reads the file. */
export function ColumnMapping({ preview }: { preview: ImportPreview }) {
  return (
    <Card size="small" className="section-card imports-mapping" title="Cách đọc các cột" data-testid="imports-mapping">
      <Table<ColumnRole>
        size="small"
        rowKey="column"
        dataSource={preview.columns}
        pagination={false}
        rowClassName={(c) => (c.role === 'ignore' ? 'imports-mapping-ignored' : '')}
        columns={[
          { title: 'Cột', dataIndex: 'column', width: 52, align: 'center' },
          {
            title: 'Tiêu đề trong tệp',
            dataIndex: 'header',
            ellipsis: { showTitle: true },
            render: (h: string) => (h ? h : <Typography.Text type="secondary">(không có tiêu đề)</Typography.Text>),
          },
          {
            title: 'Nội dung',
            key: 'role',
            width: 252,
            render: (_: unknown, c) => (
              <>
                <RolePicker column={c} />
                {c.role === 'target' && c.year ? (
                  <Tag
                    className="imports-plan-year"
                    title="Tiêu đề cột ghi năm kế hoạch: chỉ tiêu được ghi cho năm này"
                    data-testid="imports-plan-year"
                  >
                    năm {c.year}
                  </Tag>
                ) : null}
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
