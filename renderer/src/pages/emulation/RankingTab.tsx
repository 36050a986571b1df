import { Alert, App, Button, Empty, InputNumber, Segmented, Select, Table, Tooltip } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import type { EmulationRow } from '../../../../shared/contract';
import { EMULATION_LEVEL_LABELS, EMULATION_LEVELS, type EmulationLevel } from '../../../../shared/domain/emulation';
import { formatCount, formatDate } from '../../../../shared/format/vi';
import { ErrorResult } from '../../components/ErrorResult';
import { ExportButton } from '../../components/ExportButton';
import { EMULATION_PAGE_SIZE, useEmulationStore, type QuarterChoice } from '../../stores/emulation';
import { OfficeSelect } from '../network/NetworkSelects';
import { formatMax, formatPoints, formatValue } from './emulationFormat';
import { printEmulationDocument } from './EmulationPrint';

const QUARTERS: { value: QuarterChoice; label: string }[] = [
  { value: 1, label: 'Quý I' },
  { value: 2, label: 'Quý II' },
  { value: 3, label: 'Quý III' },
  { value: 4, label: 'Quý IV' },
  { value: 0, label: 'Cả năm' },
];

/** Xếp hạng thi đua: a quarter or a year, one level; each criterion's result and points, the total. */
export function RankingTab() {
  const s = useEmulationStore();
  const { message } = App.useApp();
  const [printing, setPrinting] = useState(false);

  useEffect(() => {
    void s.load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [s.version]);

  const r = s.ranking;
  const columns = useMemo<ColumnsType<EmulationRow>>(() => {
    if (!r) return [];
    const nameTitle = r.level === 'staff' ? 'Nhân viên thu' : r.level === 'agent' ? 'Tổ chức dịch vụ thu' : 'Đơn vị';
    return [
      { title: 'Hạng', dataIndex: 'rank', key: 'rank', width: 64, align: 'center', fixed: 'left', render: (v: number) => <b>{formatCount(v)}</b> },
      {
        title: nameTitle,
        dataIndex: 'name',
        key: 'name',
        width: 230,
        fixed: 'left',
        render: (v: string, row) => (
          <span>
            {v}
            {row.parentName ? <div className="muted emulation-parent">{row.parentName}</div> : null}
          </span>
        ),
      },
      ...r.criteria.map((c, i) => ({
        title: (
          <Tooltip title={`${c.label}; điểm chuẩn ${formatPoints(c.weight)}, tối đa ${formatPoints(c.weight * c.cap)}`}>
            <span>
              {c.shortLabel} <span className="muted">(tối đa {formatMax(c.weight * c.cap)})</span>
            </span>
          </Tooltip>
        ),
        key: `c${c.position}`,
        children: [
          { title: 'Kết quả', key: `v${c.position}`, width: 92, align: 'right' as const, render: (_: unknown, row: EmulationRow) => formatValue(c.kind, row.parts[i]?.value) },
          { title: 'Điểm', key: `p${c.position}`, width: 72, align: 'right' as const, render: (_: unknown, row: EmulationRow) => formatPoints(row.parts[i]?.points) },
        ],
      })),
      { title: `Tổng điểm (tối đa ${formatMax(r.maxPoints)})`, dataIndex: 'score', key: 'score', width: 110, align: 'right', fixed: 'right', render: (v: number) => <b>{formatPoints(v)}</b> },
    ];
  }, [r]);

  const print = async () => {
    setPrinting(true);
    const res = await s.printDocument();
    if (!res.ok) void message.error(res.error.message);
    else await printEmulationDocument(res.value);
    setPrinting(false);
  };

  return (
    <div className="emulation-tab" data-testid="emulation-ranking-tab">
      <div className="toolbar" role="toolbar" aria-label="Kỳ và đối tượng xếp hạng">
        <label className="toolbar-field">
          <span>Năm</span>
          <InputNumber<number>
            min={2000}
            max={2100}
            controls={false}
            value={s.year}
            onChange={(v) => v && v >= 2000 && v <= 2100 && s.setPeriod({ year: v })}
            aria-label="Năm"
            style={{ width: 80 }}
            data-testid="emulation-year"
          />
        </label>
        <Segmented<QuarterChoice> value={s.quarter} options={QUARTERS} onChange={(quarter) => s.setPeriod({ quarter })} aria-label="Kỳ thi đua" data-testid="emulation-quarter" />
        <label className="toolbar-field">
          <span>Xếp hạng</span>
          <Select<EmulationLevel>
            value={s.level}
            onChange={s.setLevel}
            options={EMULATION_LEVELS.map((l) => ({ value: l, label: EMULATION_LEVEL_LABELS[l] }))}
            style={{ width: 150 }}
            aria-label="Đối tượng xếp hạng"
            data-testid="emulation-level"
          />
        </label>
        <OfficeSelect value={s.officeCode} onChange={s.setOfficeCode} width={180} />
        <span className="toolbar-spacer" />
        {/* The two outputs stay together when the toolbar wraps on a narrow window. */}
        <span style={{ display: 'inline-flex', gap: 8 }}>
          <ExportButton onExport={s.exportRanking} disabled={!r || r.total === 0} />
          <Button icon={<PrinterOutlined aria-hidden />} loading={printing} disabled={!r || r.total === 0} onClick={() => void print()} data-testid="emulation-print">
            In
          </Button>
        </span>
      </div>
      {r ? (
        <div className="emulation-summary" data-testid="emulation-summary">
          {r.periodLabel} · Bộ tiêu chí <b>{r.criteriaSet.name}</b>
          {r.criteriaSet.decisionNo ? ` (${r.criteriaSet.decisionNo})` : ''}, hiệu lực từ {formatDate(r.criteriaSet.validFrom)} · điểm tối đa {formatMax(r.maxPoints)}
        </div>
      ) : null}
      {r?.notes.map((note) => <Alert key={note} type="info" showIcon message={note} />)}
      {s.error && !r ? (
        <ErrorResult error={s.error} onRetry={() => void s.load()} />
      ) : (
        <Table<EmulationRow>
          size="middle"
          bordered
          rowKey="code"
          loading={s.loading}
          dataSource={r?.rows ?? []}
          columns={columns}
          scroll={{ x: 'max-content' }}
          data-testid="emulation-table"
          pagination={{
            current: s.page,
            pageSize: EMULATION_PAGE_SIZE,
            total: r?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (t) => `${formatCount(t)} ${r ? EMULATION_LEVEL_LABELS[r.level].toLocaleLowerCase('vi') : ''}`,
            onChange: s.setPage,
          }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có ai để xếp hạng trong kỳ này." /> }}
        />
      )}
    </div>
  );
}
