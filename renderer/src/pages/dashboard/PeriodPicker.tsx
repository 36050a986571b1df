import { DatePicker, Segmented } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Period, PeriodKind } from '../../../../shared/domain/periods';
import { dayjsToPeriod, isFuture, periodToDayjs, quarterText, switchKind } from './periodValue';

const KIND_OPTIONS: { label: string; value: PeriodKind }[] = [
  { label: 'Tháng', value: 'month' },
  { label: 'Quý', value: 'quarter' },
  { label: 'Năm', value: 'year' },
];

const FORMATS: Record<PeriodKind, string | ((d: Dayjs) => string)> = {
  month: 'MM/YYYY',
  quarter: quarterText,
  year: 'YYYY',
};

const ROMAN = ['I', 'II', 'III', 'IV'];

const PLACEHOLDERS: Record<PeriodKind, string> = { month: 'Chọn tháng', quarter: 'Chọn quý', year: 'Chọn năm' };

/** Kỳ báo cáo: Tháng/Quý/Năm and the month, quarter or year itself. */
export function PeriodPicker({ value, onChange }: { value: Period; onChange: (period: Period) => void }) {
  return (
    <div className="dash-period" data-testid="dashboard-period">
      <Segmented<PeriodKind>
        options={KIND_OPTIONS}
        value={value.kind}
        onChange={(kind) => onChange(switchKind(value, kind))}
        aria-label="Loại kỳ báo cáo"
      />
      <DatePicker
        picker={value.kind}
        value={periodToDayjs(value)}
        format={FORMATS[value.kind]}
        allowClear={false}
        placeholder={PLACEHOLDERS[value.kind]}
        disabledDate={(d) => isFuture(d, value.kind)}
        onChange={(d) => {
          if (d) onChange(dayjsToPeriod(value.kind, d));
        }}
        cellRender={(current, info) => {
          // antd writes quarters as Q1…Q4; Vietnamese reports say Quý I…IV (months stay "Th 01": the cells are narrow).
          if (typeof current === 'number' || typeof current === 'string') return info.originNode;
          if (info.type === 'quarter') return <div className="ant-picker-cell-inner">Quý {ROMAN[Math.floor(current.month() / 3)]}</div>;
          return info.originNode;
        }}
        aria-label="Kỳ báo cáo"
        style={{ width: value.kind === 'quarter' ? 136 : 120 }}
      />
    </div>
  );
}
