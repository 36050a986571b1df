import type { HTMLAttributes } from 'react';
import { Card, Table, Tag, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import type { ImportChange, ImportPreview } from '../../../../shared/contract';
import { formatCount } from '../../../../shared/format/vi';
import { KIND_LABELS, indicatorShortName } from './importText';

/** Những gì sẽ thay đổi: each figure the commit writes, with the value it replaces. */
export function ChangesTable({ preview }: { preview: ImportPreview }) {
  const added = preview.changes.filter((c) => c.oldValue === null).length;
  return (
    <Card
      size="small"
      className="section-card"
      title={
        <span>
          Những gì sẽ thay đổi{' '}
          <Typography.Text type="secondary" className="imports-count">
            ({formatCount(preview.changes.length)} số liệu, {formatCount(added)} mới, {formatCount(preview.changes.length - added)} thay số
            cũ)
          </Typography.Text>
        </span>
      }
    >
      <Table<ImportChange>
        size="small"
        rowKey={(c) => `${c.unitCode}|${c.kind}|${c.indicatorCode}`}
        dataSource={preview.changes}
        pagination={preview.changes.length > 12 ? { pageSize: 12, showSizeChanger: false, size: 'small' } : false}
        locale={{ emptyText: 'Không có số liệu nào thay đổi' }}
        data-testid="imports-changes"
        onRow={(c) => ({ 'data-unit': c.unitCode, 'data-key': `${c.kind}:${c.indicatorCode}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: 'Đơn vị',
            key: 'unit',
            render: (_: unknown, c) => (
              <>
                {c.unitName} <span className="unit-code">{c.unitCode}</span>
              </>
            ),
          },
          { title: 'Chỉ tiêu', dataIndex: 'indicatorCode', width: 190, render: (code: string) => indicatorShortName(code) },
          {
            title: 'Loại',
            key: 'kind',
            width: 130,
            render: (_: unknown, c: ImportChange) =>
              c.kind === 'target' && c.year ? `${KIND_LABELS.target} năm ${c.year}` : KIND_LABELS[c.kind],
          },
          {
            title: 'Giá trị cũ → mới',
            key: 'values',
            width: 230,
            align: 'right',
            render: (_: unknown, c) => (
              <span className="imports-change-values">
                {c.oldValue === null ? (
                  <Tag color="green" className="imports-new-tag">
                    mới
                  </Tag>
                ) : (
                  <span className="imports-old-value">{formatCount(c.oldValue)}</span>
                )}
                <ArrowRightOutlined aria-label="thành" className="imports-arrow" />
                <strong>{formatCount(c.newValue)}</strong>
              </span>
            ),
          },
        ]}
      />
    </Card>
  );
}
