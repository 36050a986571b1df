import { Alert, DatePicker, Form, Input, InputNumber } from 'antd';
import type { RuleUsed } from '../../../../shared/contract';
import { RULE_KIND_DEFS, ruleValueText, subjectLabel } from '../../../../shared/domain/contributions';
import { formatDate, formatMoney } from '../../../../shared/format/vi';
import { dayjsToIso, isoToDayjs, PICKER_FORMAT } from '../../format/dates';
import { useCalculatorStore } from '../../stores/calculators';

export function Money({ value, testId, big }: { value: number; testId?: string; big?: boolean }) {
  return (
    <span className={big ? 'calc-money calc-big' : 'calc-money'} data-testid={testId}>
      {formatMoney(value)}
    </span>
  );
}

/** The date the rules are read on and the name printed on the quote, shared by both calculators. */
export function DateAndName({ nameLabel }: { nameLabel: string }) {
  const { date, setDate, personName, setPersonName } = useCalculatorStore();
  return (
    <>
      <Form.Item label="Ngày áp dụng (tháng bắt đầu đóng)" required>
        <DatePicker
          value={isoToDayjs(date)}
          onChange={(d) => { const iso = dayjsToIso(d); if (iso) setDate(iso); }}
          format={PICKER_FORMAT}
          allowClear={false}
          placeholder="dd/mm/yyyy"
          aria-label="Ngày áp dụng"
          data-testid="calc-date"
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item label={nameLabel}>
        <Input value={personName} onChange={(e) => setPersonName(e.target.value)} maxLength={200} placeholder="Không bắt buộc; in trên bảng tính" aria-label={nameLabel} data-testid="calc-person" />
      </Form.Item>
    </>
  );
}

/** A percent typed the Vietnamese way (12,5). */
export function PercentInput({ value, onChange, ariaLabel, testId }: { value: number | null; onChange: (v: number | null) => void; ariaLabel: string; testId?: string }) {
  return (
    <InputNumber<number>
      min={0}
      max={100}
      decimalSeparator=","
      value={value}
      onChange={(v) => onChange(v === null || v === undefined ? null : Number(v))}
      suffix="%"
      placeholder="0"
      aria-label={ariaLabel}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}

/** The rows a result was computed with and their legal sources. */
export function Basis({ rules }: { rules: RuleUsed[] }) {
  return (
    <div>
      <strong>Căn cứ</strong>
      <ul className="calc-basis" data-testid="calc-basis">
        {rules.map((r) => (
          <li key={`${r.kind}-${r.subject ?? ''}`}>
            {r.label}
            {r.subject ? ` (${subjectLabel(r.kind, r.subject).toLocaleLowerCase('vi')})` : ''}: {ruleValueText(RULE_KIND_DEFS[r.kind].unit, r.value)}, từ {formatDate(r.validFrom)} — {r.source}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Problem({ message }: { message: string }) {
  return <Alert type="warning" showIcon message="Chưa tính được" description={message} data-testid="calc-problem" />;
}
