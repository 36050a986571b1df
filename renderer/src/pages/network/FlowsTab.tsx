import { Alert, App, Button, Card, Empty, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { SaveOutlined, TeamOutlined } from '@ant-design/icons';
import { useEffect } from 'react';
import type { FlowRow, FlowTable } from '../../../../shared/contract';
import { apportionEvenly } from '../../../../shared/calc/apportion';
import { AGENT_KIND_LABELS, FLOW_MEASURE_DEFS, type FlowMeasure } from '../../../../shared/domain/network';
import { formatCount, formatMoney, formatPercent } from '../../../../shared/format/vi';
import { parseViCount } from '../../../../shared/format/viNumber';
import { ErrorAlert, ErrorResult } from '../../components/ErrorResult';
import { FLOW_PAGE_SIZE, editKey, useFlowsStore } from '../../stores/networkFlows';
import { useNetworkShared } from '../../stores/networkShared';
import { FlowCell } from './FlowCell';
import { ActivityTag, formatMeasure, formatMonth, measureOptions } from './networkLabels';
import { ScopeBar } from './ScopeBar';

const LEVEL_LABELS = { office: 'Cơ quan', agent: 'Đại lý', staff: 'Nhân viên' } as const;

/** "Chưa phân bổ": what is left to give out; negative (red) when more was given out than the target. */
function Unallocated({ value, measure }: { value: number | null | undefined; measure: FlowMeasure }) {
  if (value === null || value === undefined) return <span className="muted">—</span>;
  if (value < 0)
    return (
      <Tooltip title="Đã giao cho cấp dưới nhiều hơn chỉ tiêu của mình">
        <span className="flow-over" data-testid="flow-over">
          {formatMeasure(measure, value)} (vượt)
        </span>
      </Tooltip>
    );
  return <span data-testid="flow-unallocated">{formatMeasure(measure, value)}</span>;
}

/**
 * An agent's result is its own plus its staff's (core adds them up), so it is typed per staff
 * member; only an agent without staff takes its own figure, in its staff panel.
 */
function columns(table: FlowTable, measure: FlowMeasure, onAgent: ((code: string) => void) | null, agentResultEditable: boolean) {
  const def = FLOW_MEASURE_DEFS[measure];
  return [
    {
      title: 'Tên',
      key: 'name',
      render: (_: unknown, r: FlowRow) => (
        <span className={`flow-name flow-name-${r.level}`}>
          {r.level === 'agent' && onAgent ? (
            <Button type="link" size="small" className="flow-agent-link" onClick={() => onAgent(r.code)} icon={<TeamOutlined aria-hidden />}>
              {r.name}
            </Button>
          ) : (
            r.name
          )}
          {r.level === 'office' ? <Tag className="flow-level-tag">{LEVEL_LABELS.office}</Tag> : null}
          {r.kind && r.level === 'agent' ? <span className="muted"> · {AGENT_KIND_LABELS[r.kind]}</span> : null}
        </span>
      ),
    },
    {
      title: `Chỉ tiêu năm ${table.year}`,
      key: 'target',
      width: 130,
      align: 'right' as const,
      render: (_: unknown, r: FlowRow) => <FlowCell kind="target" level={r.level} code={r.code} name={r.name} measure={measure} value={r.target[measure]} />,
    },
    {
      title: 'Chưa phân bổ',
      key: 'unallocated',
      width: 120,
      align: 'right' as const,
      render: (_: unknown, r: FlowRow) => (r.level === 'staff' ? null : <Unallocated value={r.unallocated[measure]} measure={measure} />),
    },
    {
      title: `Kết quả tháng ${formatMonth(table.month)}`,
      key: 'result',
      width: 130,
      align: 'right' as const,
      render: (_: unknown, r: FlowRow) =>
        r.level === 'office' || (r.level === 'agent' && !agentResultEditable) ? (
          <Tooltip title={r.level === 'agent' ? 'Tổng của đại lý và các nhân viên; nhập kết quả ở từng nhân viên' : undefined}>
            <span className="flow-readonly">{formatMeasure(measure, r.result[measure])}</span>
          </Tooltip>
        ) : (
          <FlowCell kind="result" level={r.level} code={r.code} name={r.name} measure={measure} value={r.result[measure]} />
        ),
    },
    {
      title: 'Lũy kế từ đầu năm',
      key: 'cumulative',
      width: 125,
      align: 'right' as const,
      // Core gives offices their targets only; their results are their agents' rows.
      render: (_: unknown, r: FlowRow) => (r.level === 'office' ? '—' : formatMeasure(measure, r.cumulative[measure] ?? 0)),
    },
    {
      title: '% chỉ tiêu',
      key: 'progress',
      width: 95,
      align: 'right' as const,
      render: (_: unknown, r: FlowRow) => {
        const target = r.target[measure];
        return target && r.level !== 'office' ? formatPercent((r.cumulative[measure] ?? 0) / target) : '—';
      },
    },
    { title: 'Thù lao', key: 'commission', width: 120, align: 'right' as const, render: (_: unknown, r: FlowRow) => (r.level === 'office' ? '—' : formatMoney(r.commission)) },
    { title: def.kind === 'count' ? 'Hoạt động' : '', key: 'activity', width: 150, render: (_: unknown, r: FlowRow) => <ActivityTag activity={r.activity} /> },
  ];
}

/** Chỉ tiêu & kết quả: the year's targets and the month's results per agent of an office, then per staff member of an agent. */
export function FlowsTab() {
  const { message } = App.useApp();
  const s = useFlowsStore();
  const version = useNetworkShared((x) => x.version);
  const editCount = Object.keys(s.edits).length;
  const invalid = s.invalid();
  const invalidCount = Object.keys(invalid).length;

  useEffect(() => {
    void s.loadFlows();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);

  const save = async () => {
    const res = await s.save();
    if (!res.ok) void message.error(res.error.message);
    else void message.success(`Đã lưu ${formatCount(res.value.saved)} số liệu.`);
  };

  /** "Chia đều": the parent's target of the measure shown, over its children, into the edit boxes. */
  const share = (parent: FlowRow | undefined, children: FlowRow[]) => {
    if (!parent || children.length === 0) return;
    const key = editKey('target', parent.level, parent.code, s.measure);
    const typed = s.edits[key];
    const parsed = typed !== undefined ? parseViCount(typed) : null;
    const total = parsed ? (parsed.ok ? (parsed.value ?? 0) : NaN) : (parent.target[s.measure] ?? 0);
    if (!Number.isFinite(total) || total <= 0) {
      void message.warning(`${parent.name} chưa có chỉ tiêu ${FLOW_MEASURE_DEFS[s.measure].shortLabel} để chia.`);
      return;
    }
    const parts = apportionEvenly(total, children.length);
    s.editMany(Object.fromEntries(children.map((c, i) => [editKey('target', c.level, c.code, s.measure), formatCount(parts[i]!)])));
  };

  const toolbar = (
    <div className="toolbar" role="toolbar" aria-label="Điều kiện xem chỉ tiêu và kết quả">
      <ScopeBar onChange={() => void s.loadFlows()} />
      <label className="toolbar-field">
        <span>Chỉ tiêu</span>
        <Select<FlowMeasure> value={s.measure} options={measureOptions} onChange={s.setMeasure} style={{ width: 190 }} aria-label="Chỉ tiêu hiển thị" data-testid="flow-measure" />
      </label>
      <span className="toolbar-spacer" />
      {editCount > 0 ? (
        <Typography.Text type={invalidCount ? 'danger' : 'secondary'}>
          {invalidCount ? `${formatCount(invalidCount)} ô nhập sai` : `${formatCount(editCount)} ô đã sửa`}
        </Typography.Text>
      ) : null}
      <Button onClick={s.discard} disabled={editCount === 0 || s.saving}>
        Bỏ thay đổi
      </Button>
      <Button type="primary" icon={<SaveOutlined aria-hidden />} onClick={() => void save()} disabled={editCount === 0 || invalidCount > 0} loading={s.saving} data-testid="flow-save">
        Lưu
      </Button>
    </div>
  );

  if (s.tableError && !s.table)
    return (
      <div className="network-tab">
        {toolbar}
        <ErrorResult error={s.tableError} onRetry={() => void s.loadFlows()} />
      </div>
    );

  const table = s.table;
  const officeRows = table?.rows.filter((r) => r.level === 'office') ?? [];
  const agentRows = table?.rows.filter((r) => r.level === 'agent') ?? [];
  const staffTable = s.staffTable;
  const staffAgent = staffTable?.rows.find((r) => r.level === 'agent' && r.code === s.agentCode);
  const staffRows = staffTable?.rows.filter((r) => r.level === 'staff') ?? [];

  return (
    <div className="network-tab" data-testid="flows-tab">
      {toolbar}
      {s.saveError ? <ErrorAlert error={s.saveError} /> : null}
      {s.lastSave && s.lastSave.warnings.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: s.clearLastSave }}
          title="Đã lưu, nhưng cần xem lại phân bổ chỉ tiêu:"
          description={
            <ul className="plain-list">
              {s.lastSave.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          }
          data-testid="flow-warnings"
        />
      ) : null}
      <Card
        size="small"
        className="section-card"
        title={table ? `Chỉ tiêu năm ${table.year} và kết quả tháng ${formatMonth(table.month)} — ${FLOW_MEASURE_DEFS[s.measure].label}` : 'Chỉ tiêu và kết quả'}
        extra={
          officeRows.length === 1 && agentRows.length > 0 ? (
            <Button size="small" onClick={() => share(officeRows[0], agentRows)}>
              Chia đều chỉ tiêu cho các đại lý
            </Button>
          ) : null
        }
      >
        <Table<FlowRow>
          size="small"
          rowKey={(r) => `${r.level}-${r.code}`}
          loading={s.tableLoading}
          dataSource={table?.rows ?? []}
          data-testid="flows-table"
          scroll={{ x: 1050 }}
          rowClassName={(r) => `flow-row-${r.level}${r.code === s.agentCode && r.level === 'agent' ? ' ant-table-row-selected' : ''}`}
          pagination={
            table && table.totalAgents > FLOW_PAGE_SIZE
              ? {
                  current: Math.floor(table.offset / FLOW_PAGE_SIZE) + 1,
                  pageSize: FLOW_PAGE_SIZE,
                  total: table.totalAgents,
                  showSizeChanger: false,
                  showTotal: (t) => `${formatCount(t)} đại lý`,
                  onChange: (p) => s.setOffset((p - 1) * FLOW_PAGE_SIZE),
                }
              : false
          }
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có đại lý nào. Chọn BHXH cơ sở hoặc thêm tổ chức dịch vụ thu." /> }}
          columns={table ? columns(table, s.measure, (code) => void s.openAgent(code), false) : []}
        />
        <Typography.Text type="secondary" className="flow-hint">
          Bấm tên một đại lý để xem và nhập số liệu của từng nhân viên. Số nhập theo kiểu Việt Nam: 1.250 hoặc 1250.
        </Typography.Text>
      </Card>
      {s.agentCode ? (
        <Card
          size="small"
          className="section-card"
          title={`Nhân viên của ${staffAgent?.name ?? s.agentCode}`}
          data-testid="flows-staff"
          extra={
            <Space>
              <Button size="small" onClick={() => share(staffAgent, staffRows)} disabled={!staffAgent || staffRows.length === 0} data-testid="flow-share-staff">
                Chia đều chỉ tiêu cho nhân viên
              </Button>
              <Button size="small" onClick={() => void s.openAgent(null)}>
                Đóng
              </Button>
            </Space>
          }
        >
          <Table<FlowRow>
            size="small"
            rowKey={(r) => `${r.level}-${r.code}`}
            loading={s.staffLoading}
            dataSource={staffTable?.rows ?? []}
            data-testid="flows-staff-table"
            scroll={{ x: 1050 }}
            rowClassName={(r) => `flow-row-${r.level}`}
            pagination={false}
            locale={{ emptyText: 'Đại lý chưa có nhân viên thu.' }}
            columns={staffTable ? columns(staffTable, s.measure, null, staffRows.length === 0) : []}
          />
        </Card>
      ) : null}
    </div>
  );
}
