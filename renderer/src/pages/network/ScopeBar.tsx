import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useNetworkShared } from '../../stores/networkShared';
import { OfficeSelect } from './NetworkSelects';

/** The month and the office the overview, the targets and the rankings are looked at for. */
export function ScopeBar({ onChange }: { onChange: () => void }) {
  const month = useNetworkShared((s) => s.month);
  const officeCode = useNetworkShared((s) => s.officeCode);
  const setMonth = useNetworkShared((s) => s.setMonth);
  const setOfficeCode = useNetworkShared((s) => s.setOfficeCode);
  return (
    <>
      <label className="toolbar-field">
        <span>Tháng</span>
        <DatePicker
          picker="month"
          format="MM/YYYY"
          allowClear={false}
          value={dayjs(month + '-01', 'YYYY-MM-DD')}
          onChange={(d) => {
            if (!d) return;
            setMonth(d.format('YYYY-MM'));
            onChange();
          }}
          aria-label="Tháng"
          data-testid="network-month"
          style={{ width: 120 }}
        />
      </label>
      <label className="toolbar-field">
        <span>BHXH cơ sở</span>
        <OfficeSelect
          value={officeCode}
          onChange={(code) => {
            setOfficeCode(code);
            onChange();
          }}
          width={220}
          testId="network-office"
        />
      </label>
    </>
  );
}
