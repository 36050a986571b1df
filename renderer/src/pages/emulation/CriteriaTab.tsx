import { Button, Empty, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import type { CriteriaSet } from '../../../../shared/contract';
import { EMULATION_LEVEL_LABELS } from '../../../../shared/domain/emulation';
import { formatDate } from '../../../../shared/format/vi';
import { ErrorResult } from '../../components/ErrorResult';
import { useEmulationStore } from '../../stores/emulation';
import { CriteriaSetModal } from './CriteriaSetModal';
import { benchmarkText, formatMax } from './emulationFormat';

/**
 * Bộ tiêu chí: the dated sets of the level chosen on the ranking tab, newest first. A set is
 * never edited: "Lập bộ tiêu chí mới" copies the one in force, with a later start date.
 */
export function CriteriaTab() {
  const s = useEmulationStore();
  const [open, setOpen] = useState(false);

  useEffect(() => {
    void s.loadSets();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [s.level]);

  const base = s.sets.find((x) => x.current) ?? s.sets[0] ?? null;
  if (s.setsError && s.sets.length === 0) return <ErrorResult error={s.setsError} onRetry={() => void s.loadSets()} />;
  return (
    <div className="emulation-tab" data-testid="emulation-criteria-tab">
      <div className="toolbar" role="toolbar" aria-label="Bộ tiêu chí">
        <span>
          Bộ tiêu chí chấm điểm <b>{EMULATION_LEVEL_LABELS[s.level].toLocaleLowerCase('vi')}</b>. Mỗi kỳ dùng bộ có hiệu lực vào ngày cuối kỳ; sửa tiêu chí là lập bộ mới có ngày hiệu lực sau,
          nên bảng xếp hạng các kỳ trước không đổi.
        </span>
        <span className="toolbar-spacer" />
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setOpen(true)} disabled={!base} data-testid="criteria-create">
          Lập bộ tiêu chí mới
        </Button>
      </div>
      <Table<CriteriaSet>
        size="middle"
        rowKey="id"
        loading={s.setsLoading}
        dataSource={s.sets}
        pagination={false}
        data-testid="criteria-table"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có bộ tiêu chí nào." /> }}
        columns={[
          {
            title: 'Bộ tiêu chí',
            dataIndex: 'name',
            width: 260,
            render: (v: string, r) => (
              <span>
                {v} {r.current ? <Tag color="green">Đang áp dụng</Tag> : null}
                {r.decisionNo ? <div className="muted">{r.decisionNo}</div> : null}
              </span>
            ),
          },
          { title: 'Hiệu lực', key: 'valid', width: 170, render: (_: unknown, r) => `từ ${formatDate(r.validFrom)}${r.validTo ? ` đến ${formatDate(r.validTo)}` : ''}` },
          {
            title: 'Tiêu chí (điểm chuẩn; mức được đủ điểm)',
            key: 'criteria',
            render: (_: unknown, r) => (
              <ul className="emulation-set-criteria">
                {r.criteria.map((c) => (
                  <li key={c.position}>
                    {c.label}: <b>{formatMax(c.weight)}</b> điểm; đạt {benchmarkText(c.kind, c.benchmark)} được đủ điểm
                    {c.cap > 1 ? `, tính tối đa ${formatMax(c.cap * 100)}% mức chuẩn` : ''}
                  </li>
                ))}
              </ul>
            ),
          },
          { title: 'Điểm tối đa', dataIndex: 'maxPoints', width: 100, align: 'right', render: (v: number) => formatMax(v) },
        ]}
      />
      <CriteriaSetModal open={open} base={base} level={s.level} onClose={() => setOpen(false)} />
    </div>
  );
}
