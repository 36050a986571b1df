import { Input, Tooltip } from 'antd';
import type { FlowLevel } from '../../../../shared/contract';
import type { FlowMeasure } from '../../../../shared/domain/network';
import { FLOW_MEASURE_DEFS } from '../../../../shared/domain/network';
import { formatCount } from '../../../../shared/format/vi';
import { parseViCount } from '../../../../shared/format/viNumber';
import { editKey, useFlowsStore, type FlowKind } from '../../stores/networkFlows';

/** One target or result typed the Vietnamese way (1.250 or 1250); edited cells stand out until saved. */
export function FlowCell({ kind, level, code, name, measure, value }: { kind: FlowKind; level: FlowLevel; code: string; name: string; measure: FlowMeasure; value: number | null | undefined }) {
  const key = editKey(kind, level, code, measure);
  const edited = useFlowsStore((s) => s.edits[key]);
  const edit = useFlowsStore((s) => s.edit);
  const shown = edited ?? (value === null || value === undefined ? '' : formatCount(value));
  const parsed = edited === undefined ? null : parseViCount(edited);
  const problem = parsed && !parsed.ok ? parsed.message : null;
  const label = `${kind === 'target' ? 'Chỉ tiêu năm' : 'Kết quả tháng'} ${FLOW_MEASURE_DEFS[measure].shortLabel} của ${name}`;
  return (
    <Tooltip title={problem} open={problem ? undefined : false}>
      <Input
        size="small"
        className={`flow-input${edited !== undefined ? ' flow-input-edited' : ''}`}
        status={problem ? 'error' : undefined}
        value={shown}
        inputMode="numeric"
        aria-label={label}
        aria-invalid={problem ? true : undefined}
        data-testid={`flow-${kind}-${code}`}
        onClick={(e) => e.stopPropagation()}
        onChange={(e) => edit(key, e.target.value)}
      />
    </Tooltip>
  );
}
