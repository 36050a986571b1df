import { ExportButton } from '../../components/ExportButton';
import { Button, DatePicker, Select, Table, Tag, Tooltip } from 'antd';
import { ApartmentOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useEffect, useMemo } from 'react';
import type { Target, TargetSource } from '../../../../shared/contract/resultsTypes';
import { TARGET_SOURCE_LABELS, TARGET_SOURCE_ORDER } from '../../../../shared/contract/resultsTypes';
import { INDICATORS } from '../../../../shared/domain/indicators';
import { formatDate, viCollator } from '../../../../shared/format/vi';
import { ErrorAlert } from '../../components/ErrorResult';
import { useCatalogsStore } from '../../stores/catalogs';
import { useTargetsStore } from '../../stores/targets';
import { useUnitsStore } from '../../stores/units';
import { filterUnitOption } from '../catalogs/unitOptions';
import { BreakdownModal } from './BreakdownModal';
import { TargetFormModal } from './TargetFormModal';
import { formatTargetValue, periodText, SOURCE_COLORS, SOURCE_OPTIONS, targetIndicators } from './targetText';
import { targetUnitOptions } from './unitChoices';

/** One target as users think of it: the latest plan, with the original kept when it was revised. */
export interface TargetLine {
  key: string;
  latest: Target;
  original: Target | null;
  revisions: Target[];
}

function groupTargets(items: Target[]): TargetLine[] {
  const groups = new Map<string, Target[]>();
  for (const t of items) {
    const key = [t.unitCode, t.indicatorCode, t.year, t.period, t.source].join('|');
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const order = new Map(INDICATORS.map((d, i) => [d.code, i]));
  return [...groups.entries()]
    .map(([key, list]) => {
      const revisions = [...list].sort((a, b) => a.revision - b.revision || a.id - b.id);
      const latest = revisions[revisions.length - 1]!;
      const original = latest.revision > 0 ? (revisions.find((r) => r.revision === 0) ?? null) : null;
      return { key, latest, original, revisions };
    })
    .sort(
      (a, b) =>
        a.latest.unitCode.length - b.latest.unitCode.length ||
        viCollator.compare(a.latest.unitName, b.latest.unitName) ||
        (order.get(a.latest.indicatorCode) ?? 99) - (order.get(b.latest.indicatorCode) ?? 99) ||
        TARGET_SOURCE_ORDER.indexOf(a.latest.source) - TARGET_SOURCE_ORDER.indexOf(b.latest.source) ||
        a.latest.period.localeCompare(b.latest.period),
    );
}

function RevisionCell({ line }: { line: TargetLine }) {
  const { latest, original, revisions } = line;
  if (latest.revision === 0) return <span className="unit-code">—</span>;
  const history = (
    <div>
      {revisions.map((r) => (
        <div key={r.id}>
          {r.revision === 0 ? 'KH gốc' : `Điều chỉnh lần ${r.revision}`}: {formatTargetValue(r)}
          {r.decisionNo ? ` — QĐ ${r.decisionNo}` : ''}
          {r.decisionDate ? ` (${formatDate(r.decisionDate)})` : ''}
        </div>
      ))}
    </div>
  );
  return (
    <Tooltip title={history}>
      <span className="tg-revision" data-testid="target-revision">
        {original ? (
          <>
            KH gốc <span className="tg-value">{formatTargetValue(original)}</span> → điều chỉnh
            {latest.revision > 1 ? ` lần ${latest.revision}` : ''} <strong className="tg-value">{formatTargetValue(latest)}</strong>
          </>
        ) : (
          <>Điều chỉnh lần {latest.revision}</>
        )}
      </span>
    </Tooltip>
  );
}

/** "Phân bổ…" and "Giao chỉ tiêu", shown in the tab bar beside the tabs. */
export function TargetsTabActions() {
  const openForm = useTargetsStore((s) => s.openForm);
  const setBreakdownOpen = useTargetsStore((s) => s.setBreakdownOpen);
  const exportTargets = useTargetsStore((s) => s.exportTargets);
  return (
    <div className="tab-actions">
      <ExportButton onExport={exportTargets} />
      <Button icon={<ApartmentOutlined aria-hidden />} onClick={() => setBreakdownOpen(true)}>
        Phân bổ xuống đơn vị cấp dưới
      </Button>
      <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => openForm()}>
        Giao chỉ tiêu
      </Button>
    </div>
  );
}

export function TargetsTab() {
  const year = useTargetsStore((s) => s.year);
  const indicatorCode = useTargetsStore((s) => s.indicatorCode);
  const source = useTargetsStore((s) => s.source);
  const unitCode = useTargetsStore((s) => s.unitCode);
  const items = useTargetsStore((s) => s.items);
  const loading = useTargetsStore((s) => s.loading);
  const error = useTargetsStore((s) => s.error);
  const setFilters = useTargetsStore((s) => s.setFilters);
  const load = useTargetsStore((s) => s.load);

  const indicators = useCatalogsStore((s) => s.indicators);
  const loadIndicators = useCatalogsStore((s) => s.loadIndicators);
  const allUnits = useUnitsStore((s) => s.allUnits);
  const loadAllUnits = useUnitsStore((s) => s.loadAll);

  const openForm = useTargetsStore((s) => s.openForm);
  const breakdownOpen = useTargetsStore((s) => s.breakdownOpen);
  const setBreakdownOpen = useTargetsStore((s) => s.setBreakdownOpen);

  useEffect(() => {
    void load();
    if (!useCatalogsStore.getState().indicators.loaded) void loadIndicators();
    void loadAllUnits();
  }, [load, loadIndicators, loadAllUnits]);

  const defs = useMemo(() => targetIndicators(indicators.items), [indicators.items]);
  const defByCode = useMemo(() => new Map(INDICATORS.map((d) => [d.code, d])), []);
  const lines = useMemo(() => groupTargets(items.filter((t) => !source || t.source === source)), [items, source]);
  const unitChoices = useMemo(() => targetUnitOptions(allUnits), [allUnits]);

  return (
    <div className="page" style={{ gap: 12 }} data-testid="targets-tab">
      <div className="rg-toolbar">
        <label className="rg-field">
          Năm
          <DatePicker
            picker="year"
            format="YYYY"
            allowClear={false}
            value={dayjs(`${year}-01-01`)}
            onChange={(d) => d && setFilters({ year: d.year() })}
            aria-label="Năm kế hoạch"
            style={{ width: 100 }}
          />
        </label>
        <label className="rg-field">
          Chỉ tiêu
          <Select
            allowClear
            placeholder="Tất cả chỉ tiêu"
            value={indicatorCode ?? undefined}
            onChange={(v: string | undefined) => setFilters({ indicatorCode: v ?? null })}
            options={defs.map((d) => ({ value: d.code, label: d.shortName }))}
            aria-label="Lọc theo chỉ tiêu"
            style={{ width: 190 }}
          />
        </label>
        <label className="rg-field">
          Nguồn giao
          <Select
            allowClear
            placeholder="Tất cả nguồn"
            value={source ?? undefined}
            onChange={(v: TargetSource | undefined) => setFilters({ source: v ?? null })}
            options={SOURCE_OPTIONS}
            aria-label="Lọc theo nguồn giao"
            style={{ width: 160 }}
          />
        </label>
        <label className="rg-field">
          Đơn vị
          <Select
            allowClear
            showSearch={{ filterOption: filterUnitOption }}
            placeholder="Tất cả đơn vị"
            value={unitCode ?? undefined}
            onChange={(v: string | undefined) => setFilters({ unitCode: v ?? null })}
            options={unitChoices}
            aria-label="Lọc theo đơn vị"
            style={{ width: 220 }}
            popupMatchSelectWidth={false}
          />
        </label>
      </div>

      {error ? <ErrorAlert error={error} title="Không tải được danh sách chỉ tiêu" /> : null}

      <Table<TargetLine>
        size="small"
        rowKey="key"
        loading={loading}
        dataSource={lines}
        data-testid="targets-table"
        pagination={lines.length > 50 ? { pageSize: 50, showSizeChanger: false, showTotal: (n) => `${n} chỉ tiêu` } : false}
        locale={{ emptyText: `Chưa có chỉ tiêu nào cho năm ${year}` }}
        tableLayout="fixed"
        columns={[
          {
            title: 'Đơn vị',
            key: 'unit',
            width: 200,
            ellipsis: true,
            render: (_: unknown, r) => (
              <>
                {r.latest.unitName}
                <span className="tg-unit-code">{r.latest.unitCode}</span>
              </>
            ),
          },
          {
            title: 'Chỉ tiêu',
            key: 'indicator',
            width: 140,
            render: (_: unknown, r) => (
              <>
                {defByCode.get(r.latest.indicatorCode)?.shortName ?? r.latest.indicatorCode}
                {r.latest.period ? <span className="unit-code"> · {periodText(r.latest.period)}</span> : null}
              </>
            ),
          },
          {
            title: 'Nguồn giao',
            key: 'source',
            width: 118,
            render: (_: unknown, r) => <Tag color={SOURCE_COLORS[r.latest.source]}>{TARGET_SOURCE_LABELS[r.latest.source]}</Tag>,
          },
          { title: 'Số quyết định', key: 'decisionNo', width: 150, ellipsis: true, render: (_: unknown, r) => r.latest.decisionNo ?? '—' },
          { title: 'Ngày', key: 'decisionDate', width: 96, render: (_: unknown, r) => formatDate(r.latest.decisionDate) || '—' },
          {
            title: 'Giá trị',
            key: 'value',
            width: 96,
            align: 'right',
            render: (_: unknown, r) => (
              <strong className="tg-value" data-testid="target-value">
                {formatTargetValue(r.latest)}
              </strong>
            ),
          },
          { title: 'Điều chỉnh', key: 'revision', width: 210, render: (_: unknown, r) => <RevisionCell line={r} /> },
          {
            title: '',
            key: 'actions',
            width: 90,
            render: (_: unknown, r) => (
              <Button
                size="small"
                type="link"
                onClick={() =>
                  openForm({
                    unitCode: r.latest.unitCode,
                    indicatorCode: r.latest.indicatorCode,
                    year: r.latest.year,
                    source: r.latest.source,
                    revise: true,
                  })
                }
              >
                Điều chỉnh
              </Button>
            ),
          },
        ]}
      />

      <TargetFormModal indicators={defs} units={unitChoices} />
      <BreakdownModal open={breakdownOpen} onClose={() => setBreakdownOpen(false)} />
    </div>
  );
}
