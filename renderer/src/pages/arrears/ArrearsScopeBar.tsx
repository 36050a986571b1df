import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useArrearsStore } from '../../stores/arrears';
import { OfficeSelect } from '../network/NetworkSelects';

/** The month the figures stand at and the office (empty: the whole province). */
export function ArrearsScopeBar({ onChange, office = true }: { onChange: () => void; office?: boolean }) {
  const period = useArrearsStore((s) => s.period);
  const officeCode = useArrearsStore((s) => s.officeCode);
  const setPeriod = useArrearsStore((s) => s.setPeriod);
  const setOfficeCode = useArrearsStore((s) => s.setOfficeCode);
  return (
    <>
      <label className="toolbar-field">
        <span>Đến hết tháng</span>
        <DatePicker
          picker="month"
          format="MM/YYYY"
          allowClear={false}
          value={dayjs(period + '-01', 'YYYY-MM-DD')}
          onChange={(d) => {
            if (!d) return;
            setPeriod(d.format('YYYY-MM'));
            onChange();
          }}
          aria-label="Đến hết tháng"
          data-testid="arrears-period"
          style={{ width: 120 }}
        />
      </label>
      {office ? (
        <label className="toolbar-field">
          <span>BHXH cơ sở</span>
          <OfficeSelect
            value={officeCode}
            onChange={(code) => {
              setOfficeCode(code);
              onChange();
            }}
            width={220}
            testId="arrears-office"
          />
        </label>
      ) : null}
    </>
  );
}
