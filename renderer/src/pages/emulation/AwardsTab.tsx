import { Button, Empty, Input, InputNumber, Select, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import type { Award } from '../../../../shared/contract';
import { AWARD_KIND_LABELS, AWARD_KINDS, EMULATION_LEVEL_LABELS, EMULATION_LEVELS, type AwardKind, type EmulationLevel } from '../../../../shared/domain/emulation';
import { formatCount, formatDate, formatMoney } from '../../../../shared/format/vi';
import { ErrorResult } from '../../components/ErrorResult';
import { ExportButton } from '../../components/ExportButton';
import { AWARD_PAGE_SIZE, useAwardsStore } from '../../stores/emulationAwards';
import { useDebouncedQuery } from '../network/useDebouncedQuery';
import { AwardFormModal } from './AwardFormModal';

/** Khen thưởng: award records, newest decision first; a row opens it for editing. */
export function AwardsTab() {
  const s = useAwardsStore();
  const [editing, setEditing] = useState<Award | null | 'new'>(null);
  const [text, setText] = useDebouncedQuery(s.query, s.setQuery);

  useEffect(() => {
    void s.load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (s.error && !s.result) return <ErrorResult error={s.error} onRetry={() => void s.load()} />;
  return (
    <div className="emulation-tab" data-testid="awards-tab">
      <div className="toolbar" role="toolbar" aria-label="Lọc khen thưởng">
        <Input.Search allowClear placeholder="Tên, số quyết định" value={text} onChange={(e) => setText(e.target.value)} style={{ width: 210 }} aria-label="Tìm khen thưởng" />
        <Select<EmulationLevel>
          allowClear
          placeholder="Mọi đối tượng"
          value={s.filters.level}
          onChange={(level) => s.setFilters({ level: level ?? undefined })}
          options={EMULATION_LEVELS.map((l) => ({ value: l, label: EMULATION_LEVEL_LABELS[l] }))}
          style={{ width: 165 }}
          aria-label="Đối tượng"
        />
        <Select<AwardKind>
          allowClear
          placeholder="Mọi hình thức"
          value={s.filters.kind}
          onChange={(kind) => s.setFilters({ kind: kind ?? undefined })}
          options={AWARD_KINDS.map((k) => ({ value: k, label: AWARD_KIND_LABELS[k] }))}
          style={{ width: 175 }}
          aria-label="Hình thức khen thưởng"
        />
        <label className="toolbar-field">
          <span>Năm</span>
          <InputNumber<number>
            min={2000}
            max={2100}
            controls={false}
            value={s.filters.year ?? null}
            onChange={(v) => s.setFilters({ year: v ?? undefined })}
            placeholder="Mọi năm"
            aria-label="Năm quyết định"
            style={{ width: 100 }}
          />
        </label>
        <span className="toolbar-spacer" />
        <ExportButton onExport={s.exportList} />
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')} data-testid="award-create">
          Ghi khen thưởng
        </Button>
      </div>
      <Table<Award>
        size="middle"
        rowKey="id"
        loading={s.loading}
        dataSource={s.result?.items ?? []}
        data-testid="awards-table"
        onRow={(r) => ({ onClick: () => setEditing(r), style: { cursor: 'pointer' } })}
        onChange={(_p, _f, sorter, extra) => {
          if (extra.action !== 'sort') return;
          const one = Array.isArray(sorter) ? sorter[0] : sorter;
          s.setSort(one?.order ? (one.columnKey as 'decisionDate' | 'name' | 'amount') : null, one?.order === 'descend');
        }}
        pagination={{
          current: s.page,
          pageSize: AWARD_PAGE_SIZE,
          total: s.result?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          showTotal: (t) => `${formatCount(t)} lượt khen thưởng`,
          onChange: s.setPage,
        }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa ghi khen thưởng nào." /> }}
        columns={[
          {
            title: 'Quyết định',
            dataIndex: 'decisionDate',
            key: 'decisionDate',
            width: 170,
            sorter: true,
            sortOrder: s.sort === 'decisionDate' ? (s.desc ? 'descend' : 'ascend') : null,
            render: (v: string, r) => (
              <span>
                {formatDate(v)}
                <div className="muted">{r.decisionNo}</div>
              </span>
            ),
          },
          {
            title: 'Tập thể, cá nhân',
            dataIndex: 'recipientName',
            key: 'name',
            width: 240,
            sorter: true,
            sortOrder: s.sort === 'name' ? (s.desc ? 'descend' : 'ascend') : null,
            render: (v: string, r) => (
              <span>
                {v}
                <div className="muted">{EMULATION_LEVEL_LABELS[r.recipientLevel]}</div>
              </span>
            ),
          },
          { title: 'Hình thức', dataIndex: 'kind', width: 130, render: (k: AwardKind) => AWARD_KIND_LABELS[k] },
          { title: 'Danh hiệu, nội dung', dataIndex: 'title', ellipsis: true },
          { title: 'Kỳ', dataIndex: 'period', width: 100, render: (v: string | null) => (v ? periodWords(v) : '—') },
          {
            title: 'Số tiền',
            dataIndex: 'amount',
            key: 'amount',
            width: 130,
            align: 'right',
            sorter: true,
            sortOrder: s.sort === 'amount' ? (s.desc ? 'descend' : 'ascend') : null,
            render: (v: number) => formatMoney(v),
          },
        ]}
      />
      <AwardFormModal open={editing !== null} award={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
    </div>
  );
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** "2026-Q3" → "Quý III/2026", "2025" → "Năm 2025". */
export function periodWords(period: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(period);
  return m ? `Quý ${ROMAN[Number(m[2]) - 1]}/${m[1]}` : `Năm ${period}`;
}
