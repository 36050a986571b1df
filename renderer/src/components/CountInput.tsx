import { InputNumber } from 'antd';

const group = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** A whole number typed and shown the Vietnamese way (12.500.000); empty means "not given". */
export function CountInput(props: { value?: number | null; onChange?: (v: number | null) => void; ariaLabel: string; max?: number; testId?: string; placeholder?: string; suffix?: string }) {
  return (
    <InputNumber<number>
      min={0}
      max={props.max ?? 1e13}
      precision={0}
      controls={false}
      value={props.value ?? null}
      onChange={(v) => props.onChange?.(v === null || v === undefined ? null : Number(v))}
      formatter={(v) => (v === undefined || v === null || String(v) === '' ? '' : group.format(Number(v)))}
      parser={(text) => (text ?? '').replace(/[^\d]/g, '') as unknown as number}
      aria-label={props.ariaLabel}
      data-testid={props.testId}
      placeholder={props.placeholder}
      suffix={props.suffix}
      style={{ width: '100%' }}
    />
  );
}
