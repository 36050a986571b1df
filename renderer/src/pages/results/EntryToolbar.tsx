import { Button, DatePicker, Select, Tooltip } from 'antd';
import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import type { Office } from '../../../../shared/contract';
import type { ResultGrid } from '../../../../shared/contract/resultsTypes';
import { ExportButton } from '../../components/ExportButton';
import { todayDayjs } from '../../format/dates';
import { levelLabel } from '../../text/labels';
import { filterUnitOption } from '../catalogs/unitOptions';

/** The office's name without the "BHXH cơ sở" its label already says. */
function officeShortName(name: string): string {
  return name.replace(/^BHXH\s+cơ\s+sở\s+/i, '') || name;
}

export interface EntryToolbarProps {
  month: string;
  grid: ResultGrid | null;
  parentCode: string | null;
  /** Offices serving at least one unit of the sheet. */
  offices: Office[];
  officeCode: string | null;
  undoDepth: number;
  saving: boolean;
  onMonth: (d: Dayjs | null) => void;
  onParent: (code: string) => void;
  onOffice: (code: string | null) => void;
  onExport: Parameters<typeof ExportButton>[0]['onExport'];
  onUndo: () => void;
  onSave: () => void;
}

/**
 * Month, parent unit and office on the left, the actions on the right: one line at 1366 px
 * (the office machines' usual screen), so the sheet keeps as many rows as possible.
 */
export function EntryToolbar(p: EntryToolbarProps) {
  const parentOptions = useMemo(
    () =>
      (p.grid?.parents ?? []).map((u) => ({
        value: u.code,
        label: `${u.name} (${u.code}) — ${levelLabel(u.level)}`,
        name: u.name,
        search: `${u.name} ${u.code}`,
      })),
    [p.grid],
  );
  const officeOptions = useMemo(
    () => [
      { value: '', label: 'Tất cả đơn vị', short: 'Tất cả' },
      ...p.offices.map((o) => ({ value: o.code, label: o.name, short: officeShortName(o.name) })),
    ],
    [p.offices],
  );

  return (
    <div className="rg-toolbar" role="toolbar" aria-label="Bảng nhập kết quả tháng" data-testid="results-toolbar">
      <label className="rg-field">
        Tháng báo cáo
        <DatePicker
          picker="month"
          format="MM/YYYY"
          allowClear={false}
          value={dayjs(p.month + '-01')}
          onChange={p.onMonth}
          disabledDate={(d) => d.isAfter(todayDayjs(), 'month')}
          aria-label="Tháng báo cáo"
          data-testid="results-month"
          style={{ width: 112 }}
        />
      </label>
      <label className="rg-field">
        Đơn vị cấp trên
        <Select
          showSearch={{ filterOption: filterUnitOption }}
          value={p.parentCode ?? p.grid?.parentCode ?? undefined}
          onChange={p.onParent}
          options={parentOptions}
          // The box shows the name only; the list shows code and level to tell units apart.
          labelRender={(o) => parentOptions.find((x) => x.value === o.value)?.name ?? o.label}
          placeholder="Chọn đơn vị"
          aria-label="Đơn vị cấp trên"
          data-testid="results-parent"
          style={{ width: 200 }}
          popupMatchSelectWidth={false}
        />
      </label>
      <label className="rg-field">
        BHXH cơ sở
        <Select
          value={p.officeCode ?? ''}
          onChange={(v: string) => p.onOffice(v || null)}
          options={officeOptions}
          labelRender={(o) => officeOptions.find((x) => x.value === o.value)?.short ?? o.label}
          disabled={p.offices.length === 0}
          aria-label="Lọc theo BHXH cơ sở"
          data-testid="results-office"
          style={{ width: 180 }}
          popupMatchSelectWidth={false}
        />
      </label>
      <span className="rg-actions-start">
        <ExportButton onExport={p.onExport} disabled={!p.grid} />
      </span>
      <Tooltip title="Hoàn tác thao tác sửa gần nhất (Ctrl+Z)">
        <Button icon={<UndoOutlined aria-hidden />} onClick={p.onUndo} disabled={p.undoDepth === 0} aria-label="Hoàn tác" />
      </Tooltip>
      <Tooltip title="Lưu số liệu đã sửa (Ctrl+S)">
        <Button type="primary" icon={<SaveOutlined aria-hidden />} onClick={p.onSave} loading={p.saving} disabled={!p.grid}>
          Lưu
        </Button>
      </Tooltip>
    </div>
  );
}
