import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { AgentSummary } from '../../../../shared/contract';
import { AGENT_KIND_LABELS } from '../../../../shared/domain/network';
import { viCollator } from '../../../../shared/format/vi';
import { matchesFolded } from '../../../../shared/text/fold';
import { useAgentsStore } from '../../stores/networkAgents';
import { useNetworkShared } from '../../stores/networkShared';

interface Option {
  value: string;
  label: string;
  search: string;
}

const filterOption = (input: string, option?: Option) => (option ? matchesFolded(option.search, input) : false);

function useLists() {
  const loadLists = useNetworkShared((s) => s.loadLists);
  useEffect(() => {
    void loadLists();
  }, [loadLists]);
}

/** Cơ quan BHXH cơ sở: empty means the whole province. */
export function OfficeSelect(props: { value?: string | null; onChange?: (code: string | null) => void; width?: number | string; id?: string; placeholder?: string; ariaLabel?: string; testId?: string }) {
  useLists();
  const offices = useNetworkShared((s) => s.offices);
  const options = useMemo<Option[]>(
    () => [...offices].sort((a, b) => viCollator.compare(a.name, b.name)).map((o) => ({ value: o.code, label: o.name, search: `${o.name} ${o.code}` })),
    [offices],
  );
  return (
    <Select<string, Option>
      id={props.id}
      allowClear
      showSearch={{ filterOption }}
      style={{ width: props.width ?? 220 }}
      placeholder={props.placeholder ?? 'Toàn tỉnh'}
      options={options}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? null)}
      aria-label={props.ariaLabel ?? 'Cơ quan BHXH cơ sở'}
      data-testid={props.testId}
    />
  );
}

function useCommuneOptions(): Option[] {
  useLists();
  const communes = useNetworkShared((s) => s.communes);
  return useMemo(
    () => [...communes].sort((a, b) => viCollator.compare(a.name, b.name)).map((u) => ({ value: u.code, label: `${u.name} (${u.code})`, search: `${u.name} ${u.code}` })),
    [communes],
  );
}

export function CommuneSelect(props: { value?: string | null; onChange?: (code: string | null) => void; width?: number | string; placeholder?: string; ariaLabel?: string; id?: string }) {
  const options = useCommuneOptions();
  return (
    <Select<string, Option>
      id={props.id}
      allowClear
      showSearch={{ filterOption }}
      style={{ width: props.width ?? 200 }}
      placeholder={props.placeholder ?? 'Mọi xã, phường'}
      options={options}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? null)}
      aria-label={props.ariaLabel ?? 'Xã, phường'}
    />
  );
}

export function CommunesSelect(props: { value?: string[]; onChange?: (codes: string[]) => void; disabled?: boolean; ariaLabel?: string; id?: string }) {
  const options = useCommuneOptions();
  return (
    <Select<string[], Option>
      id={props.id}
      mode="multiple"
      allowClear
      disabled={props.disabled}
      showSearch={{ filterOption }}
      style={{ width: '100%' }}
      placeholder="Chọn xã, phường"
      options={options}
      value={props.value ?? []}
      onChange={(v) => props.onChange?.(v)}
      aria-label={props.ariaLabel ?? 'Xã, phường phục vụ'}
      maxTagCount="responsive"
    />
  );
}

const agentLabel = (a: AgentSummary) => `${a.name} (${a.code}) — ${AGENT_KIND_LABELS[a.kind]}`;

/** A searchable pick of one agent (typed without diacritics); `label` names the value chosen before. */
export function AgentSelect(props: {
  value?: string | null;
  onChange?: (code: string | null) => void;
  label?: string | null;
  width?: number | string;
  placeholder?: string;
  ariaLabel?: string;
  id?: string;
  testId?: string;
  allowClear?: boolean;
}) {
  const search = useAgentsStore((s) => s.options);
  const [text, setText] = useState('');
  const [items, setItems] = useState<AgentSummary[]>([]);
  useEffect(() => {
    let live = true;
    const t = setTimeout(() => void search(text).then((r) => live && setItems(r)), 200);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [text, search]);
  const options = useMemo<Option[]>(() => {
    const list = items.map((a) => ({ value: a.code, label: agentLabel(a), search: `${a.name} ${a.code}` }));
    if (props.value && !list.some((o) => o.value === props.value)) list.unshift({ value: props.value, label: props.label ?? props.value, search: props.label ?? props.value });
    return list;
  }, [items, props.value, props.label]);
  return (
    <Select<string, Option>
      id={props.id}
      allowClear={props.allowClear ?? true}
      showSearch={{ filterOption: false, onSearch: setText }}
      style={{ width: props.width ?? 240 }}
      placeholder={props.placeholder ?? 'Mọi tổ chức dịch vụ thu'}
      options={options}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? null)}
      aria-label={props.ariaLabel ?? 'Tổ chức dịch vụ thu'}
      data-testid={props.testId}
    />
  );
}
