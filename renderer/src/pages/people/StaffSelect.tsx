import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { StaffSummary } from '../../../../shared/contract';
import { useStaffStore } from '../../stores/networkStaff';

interface Option {
  value: string;
  label: string;
}

const staffLabel = (s: StaffSummary) => `${s.fullName} (${s.code}) — ${s.agentName}`;

/**
 * Nhân viên thu, searched as typed (name without diacritics or code): active staff only, since
 * people are assigned to those who still collect. One or several (`multiple`).
 */
export function StaffSelect(props: {
  value?: string | string[] | null;
  onChange?: (value: string | string[] | null) => void;
  multiple?: boolean;
  width?: number | string;
  placeholder?: string;
  ariaLabel?: string;
  id?: string;
  testId?: string;
}) {
  const search = useStaffStore((s) => s.options);
  const [text, setText] = useState('');
  const [items, setItems] = useState<StaffSummary[]>([]);
  const [known, setKnown] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      void search(text).then((found) => {
        if (!live) return;
        setItems(found);
        setKnown((k) => ({ ...k, ...Object.fromEntries(found.map((s) => [s.code, staffLabel(s)])) }));
      });
    }, 200);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [text, search]);
  const raw = props.value;
  const values = useMemo(() => (raw === null || raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]), [raw]);
  const options = useMemo<Option[]>(() => {
    const list = items.map((s) => ({ value: s.code, label: staffLabel(s) }));
    for (const v of values) if (!list.some((o) => o.value === v)) list.unshift({ value: v, label: known[v] ?? v });
    return list;
  }, [items, values, known]);
  return (
    <Select<string | string[], Option>
      id={props.id}
      mode={props.multiple ? 'multiple' : undefined}
      allowClear
      showSearch={{ filterOption: false, onSearch: setText }}
      style={{ width: props.width ?? 260 }}
      placeholder={props.placeholder ?? 'Chọn nhân viên thu'}
      options={options}
      value={props.multiple ? values : values[0]}
      onChange={(v) => props.onChange?.(v ?? null)}
      aria-label={props.ariaLabel ?? 'Nhân viên thu'}
      data-testid={props.testId}
      maxTagCount="responsive"
      notFoundContent="Không có nhân viên thu phù hợp"
    />
  );
}
