import { Alert, App, DatePicker, Form, Input, Modal, Select, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { BreakdownProposal, TargetSource } from '../../../../shared/contract/resultsTypes';
import { TARGET_SOURCE_LABELS } from '../../../../shared/contract/resultsTypes';
import { formatCount, formatPercent } from '../../../../shared/format/vi';
import { ErrorAlert } from '../../components/ErrorResult';
import { dayjsToIso, PICKER_FORMAT } from '../../format/dates';
import { useCatalogsStore } from '../../stores/catalogs';
import { useTargetsStore, type BreakdownRequest } from '../../stores/targets';
import { useUnitsStore } from '../../stores/units';
import { filterUnitOption } from '../catalogs/unitOptions';
import { breakdownIndicators, METHOD_BASIS, METHOD_LABELS, SOURCE_OPTIONS } from './targetText';
import { parentUnitOptions } from './unitChoices';
import { parseViCount } from './viNumber';

type Method = BreakdownProposal['method'];

interface FormValues {
  parentCode?: string;
  indicatorCode?: string;
  year?: Dayjs;
  source?: TargetSource;
  method?: Method;
  decisionNo?: string;
  decisionDate?: Dayjs | null;
}

/** A value of the proposal typed the Vietnamese way; committed on blur or Enter. */
function CountInput({ value, onCommit, label }: { value: number; onCommit: (v: number) => void; label: string }) {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    if (text === null) return;
    const parsed = parseViCount(text);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setError(null);
    setText(null);
    onCommit(parsed.value ?? 0);
  };
  return (
    <div>
      <Input
        size="small"
        aria-label={label}
        value={text ?? formatCount(value)}
        onFocus={(e) => e.target.select()}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onPressEnter={commit}
        status={error ? 'error' : undefined}
        style={{ textAlign: 'right', width: 130 }}
      />
      {error ? <div className="tab-errors" style={{ fontSize: 12 }}>{error}</div> : null}
    </div>
  );
}

type ProposalRow = BreakdownProposal['rows'][number];

/** The plan a unit has now from the chosen authority; a revised plan says so. */
function ExistingValue({ row }: { row: ProposalRow }) {
  if (!row.existing) return <span className="unit-code">chưa giao</span>;
  return (
    <span className="tg-value" data-testid="breakdown-existing">
      {formatCount(row.existing.value)}
      {row.existing.revision > 0 ? <div className="unit-code">KH điều chỉnh lần {row.existing.revision}</div> : null}
    </span>
  );
}

/** The confirmation's list: unit, the plan it has → the plan it would get. */
function OverwriteList({ rows, source, year }: { rows: ProposalRow[]; source: string; year: number }) {
  const unchanged = rows.filter((r) => r.existing!.value === r.value).length;
  return (
    <div data-testid="breakdown-overwrite-list">
      <p style={{ margin: '4px 0 8px' }}>
        Các đơn vị sau đã có chỉ tiêu năm {year} do {source} giao. Số cũ được thay bằng số mới (kế hoạch điều chỉnh được sửa tại chỗ).
      </p>
      <div className="tg-overwrite-list">
        <table>
          <thead>
            <tr>
              <th>Đơn vị</th>
              <th className="num">Đang giao</th>
              <th className="num">Sẽ giao</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code} className={r.existing!.value === r.value ? 'same' : undefined}>
                <td>{r.name}</td>
                <td className="num">
                  {formatCount(r.existing!.value)}
                  {r.existing!.revision > 0 ? ' (KH điều chỉnh)' : ''}
                </td>
                <td className="num">{r.existing!.value === r.value ? 'không đổi' : `→ ${formatCount(r.value)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {unchanged > 0 ? <p className="unit-code" style={{ margin: '8px 0 0' }}>{formatCount(unchanged)} đơn vị giữ nguyên số.</p> : null}
    </div>
  );
}

/** "Phân bổ xuống đơn vị cấp dưới": split a unit's target among its children, check the sum, commit. */
export function BreakdownModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const proposal = useTargetsStore((s) => s.proposal);
  const proposalLoading = useTargetsStore((s) => s.proposalLoading);
  const proposalError = useTargetsStore((s) => s.proposalError);
  const committing = useTargetsStore((s) => s.committing);
  const previewBreakdown = useTargetsStore((s) => s.previewBreakdown);
  const commitBreakdown = useTargetsStore((s) => s.commitBreakdown);
  const clearProposal = useTargetsStore((s) => s.clearProposal);
  const editProposalValue = useTargetsStore((s) => s.editProposalValue);
  const parentSource = useTargetsStore((s) => s.parentSource);
  const year = useTargetsStore((s) => s.year);
  const indicatorFilter = useTargetsStore((s) => s.indicatorCode);
  const allUnits = useUnitsStore((s) => s.allUnits);
  const indicators = useCatalogsStore((s) => s.indicators.items);

  const parents = useMemo(() => parentUnitOptions(allUnits), [allUnits]);
  const defs = useMemo(() => breakdownIndicators(indicators), [indicators]);

  // Until the user picks a source, it follows the parent's target (the plan being broken down).
  const sourcePicked = useRef(false);

  useEffect(() => {
    if (!open) return;
    sourcePicked.current = false;
    clearProposal();
    form.resetFields();
    form.setFieldsValue({
      parentCode: parents[0]?.value,
      indicatorCode: indicatorFilter && defs.some((d) => d.code === indicatorFilter) ? indicatorFilter : undefined,
      year: dayjs(`${year}-01-01`),
      source: 'BHXH_VN',
      method: 'population',
      decisionNo: '',
      decisionDate: null,
    });
    // Only when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const parentCode = Form.useWatch('parentCode', form);
  const indicatorCode = Form.useWatch('indicatorCode', form);
  const yearValue = Form.useWatch('year', form);
  const source = Form.useWatch('source', form);
  const method = Form.useWatch('method', form);

  // An edit in the table switches the method to "Nhập tay" without asking core again.
  const skipPreview = useRef(false);

  const request = (values: FormValues, m: Method, manualFrom?: BreakdownProposal | null): BreakdownRequest | null => {
    if (!values.parentCode || !values.indicatorCode || !values.year || !values.source) return null;
    return {
      parentCode: values.parentCode,
      indicatorCode: values.indicatorCode,
      year: values.year.year(),
      source: values.source,
      method: m,
      ...(m === 'manual' && manualFrom ? { manual: manualFrom.rows.map((r) => ({ code: r.code, value: r.value })) } : {}),
      decisionNo: values.decisionNo?.trim() || null,
      decisionDate: dayjsToIso(values.decisionDate),
    };
  };

  useEffect(() => {
    if (!open || !method) return;
    if (skipPreview.current) {
      skipPreview.current = false;
      return;
    }
    let stale = false;
    void (async () => {
      if (!sourcePicked.current && parentCode && indicatorCode && yearValue) {
        const own = await parentSource(parentCode, indicatorCode, yearValue.year());
        if (stale) return;
        if (own && own !== source) {
          // Setting the source runs this effect again, with the parent's source.
          form.setFieldValue('source', own);
          return;
        }
      }
      const current = useTargetsStore.getState().proposal;
      const req = request({ parentCode, indicatorCode, year: yearValue, source }, method, current);
      if (req) void previewBreakdown(req);
      else clearProposal();
    })();
    return () => {
      stale = true;
    };
    // Re-run when a choice changes; the decision fields do not change the proposal.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, parentCode, indicatorCode, yearValue?.year(), source, method]);

  const parentName = allUnits.find((u) => u.code === (proposal?.parentCode ?? parentCode))?.name ?? proposal?.parentCode ?? '';
  const basisSum = proposal?.rows.reduce((acc, r) => acc + (r.basis ?? 0), 0) ?? 0;

  const onEdit = (code: string, value: number) => {
    if (form.getFieldValue('method') !== 'manual') {
      skipPreview.current = true;
      form.setFieldValue('method', 'manual');
    }
    editProposalValue(code, value);
  };

  const commitNow = async (req: BreakdownRequest) => {
    const res = await commitBreakdown(req);
    if (res.ok) {
      message.success(`Đã giao chỉ tiêu cho ${formatCount(res.value.rows.length)} đơn vị trực thuộc ${parentName}`);
      onClose();
    } else message.error(res.error.message);
  };

  const overwritten = proposal?.rows.filter((r) => r.existing !== null) ?? [];

  // Plans the children already have from this authority are replaced: say which, and ask.
  const commit = () => {
    const values = form.getFieldsValue();
    const m = values.method ?? 'population';
    const req = request(values, m, proposal);
    if (!req || !proposal) return;
    if (overwritten.length === 0) {
      void commitNow(req);
      return;
    }
    modal.confirm({
      title: `Ghi đè chỉ tiêu đã giao của ${formatCount(overwritten.length)} đơn vị?`,
      width: 620,
      content: <OverwriteList rows={overwritten} source={TARGET_SOURCE_LABELS[req.source]} year={req.year} />,
      okText: 'Ghi đè và giao chỉ tiêu',
      okButtonProps: { danger: true },
      cancelText: 'Xem lại',
      onOk: () => commitNow(req),
    });
  };

  const difference = proposal?.difference ?? null;
  const yearNumber = yearValue?.year() ?? year;

  return (
    <Modal
      open={open}
      title="Phân bổ chỉ tiêu xuống đơn vị cấp dưới"
      width={960}
      style={{ top: 24 }}
      okText="Giao chỉ tiêu"
      cancelText="Đóng"
      okButtonProps={{ disabled: !proposal || proposal.rows.length === 0 || proposalLoading }}
      confirmLoading={committing}
      onOk={commit}
      onCancel={onClose}
      destroyOnHidden
      data-testid="breakdown-modal"
    >
      <Form
        form={form}
        name="breakdown"
        layout="vertical"
        requiredMark={false}
        className="tg-breakdown-form"
        onValuesChange={(changed: Partial<FormValues>) => {
          if ('source' in changed) sourcePicked.current = true;
        }}
      >
        <div style={{ display: 'grid', gridTemplateColumns: '2fr 1.3fr 0.7fr 1fr', columnGap: 12 }}>
          <Form.Item name="parentCode" label="Đơn vị cấp trên">
            <Select showSearch={{ filterOption: filterUnitOption }} options={parents} popupMatchSelectWidth={false} aria-label="Đơn vị cấp trên" />
          </Form.Item>
          <Form.Item name="indicatorCode" label="Chỉ tiêu">
            <Select options={defs.map((d) => ({ value: d.code, label: d.shortName }))} placeholder="Chọn chỉ tiêu" aria-label="Chỉ tiêu phân bổ" />
          </Form.Item>
          <Form.Item name="year" label="Năm">
            <DatePicker picker="year" format="YYYY" allowClear={false} style={{ width: '100%' }} aria-label="Năm phân bổ" />
          </Form.Item>
          <Form.Item name="source" label="Nguồn giao">
            <Select options={SOURCE_OPTIONS} aria-label="Nguồn giao phân bổ" />
          </Form.Item>
        </div>
        <div style={{ display: 'grid', gridTemplateColumns: '2fr 1fr 1fr', columnGap: 12 }}>
          <Form.Item name="method" label="Phương pháp phân bổ">
            <Select
              options={(Object.keys(METHOD_LABELS) as Method[]).map((m) => ({ value: m, label: METHOD_LABELS[m] }))}
              aria-label="Phương pháp phân bổ"
            />
          </Form.Item>
          <Form.Item name="decisionNo" label="Số quyết định giao">
            <Input placeholder="Ví dụ: 25/QĐ-BHXH" maxLength={100} autoComplete="off" />
          </Form.Item>
          <Form.Item name="decisionDate" label="Ngày quyết định">
            <DatePicker format={PICKER_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
          </Form.Item>
        </div>
      </Form>

      {proposalError ? <ErrorAlert error={proposalError} title="Không lập được phương án phân bổ" /> : null}

      {proposal ? (
        <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
          {proposal.parentTarget === null ? (
            <Alert
              type="info"
              showIcon
              title={`Chưa có chỉ tiêu năm ${yearNumber} của ${parentName} do ${TARGET_SOURCE_LABELS[source ?? 'BHXH_VN']} giao: không so được tổng các đơn vị.`}
            />
          ) : difference ? (
            <Alert
              type="warning"
              showIcon
              data-testid="breakdown-difference"
              title={`Tổng chỉ tiêu các đơn vị (${formatCount(proposal.sum)}) chưa bằng chỉ tiêu của ${parentName} (${formatCount(proposal.parentTarget)}), chênh lệch ${formatCount(Math.abs(difference))} (${difference > 0 ? 'còn thiếu' : 'vượt'}).`}
            />
          ) : (
            <Alert type="success" showIcon data-testid="breakdown-balanced" title={`Tổng chỉ tiêu các đơn vị bằng chỉ tiêu của ${parentName} (${formatCount(proposal.parentTarget)}).`} />
          )}
          {proposal.committed ? <Alert type="success" showIcon title="Đã giao chỉ tiêu theo phương án này." /> : null}
          {overwritten.length > 0 && !proposal.committed ? (
            <Alert
              type="warning"
              showIcon
              data-testid="breakdown-overwrites"
              title={`${formatCount(overwritten.length)}/${formatCount(proposal.rows.length)} đơn vị đã có chỉ tiêu năm ${yearNumber} do ${TARGET_SOURCE_LABELS[source ?? 'BHXH_VN']} giao (cột "Đang giao"): giao chỉ tiêu sẽ ghi đè các số này.`}
            />
          ) : null}
          <Table
            size="small"
            rowKey="code"
            loading={proposalLoading}
            dataSource={proposal.rows}
            pagination={false}
            scroll={{ y: 'calc(100vh - 520px)' }}
            data-testid="breakdown-table"
            summary={() => (
              <Table.Summary fixed>
                <Table.Summary.Row className="tg-summary-row">
                  <Table.Summary.Cell index={0}>Tổng cộng</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    {basisSum > 0 ? formatCount(basisSum) : '—'}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    {basisSum > 0 ? formatPercent(1) : '—'}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">
                    {overwritten.length > 0 ? formatCount(overwritten.reduce((a, r) => a + r.existing!.value, 0)) : '—'}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={4} align="right">
                    <span data-testid="breakdown-sum" className="tg-value">
                      {formatCount(proposal.sum)}
                    </span>
                    <div className={difference ? 'tab-errors' : 'unit-code'} style={{ fontSize: 12 }}>
                      {proposal.parentTarget === null ? 'chưa có chỉ tiêu cấp trên' : `cấp trên: ${formatCount(proposal.parentTarget)}`}
                    </div>
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              </Table.Summary>
            )}
            locale={{ emptyText: `${parentName} không có đơn vị trực thuộc` }}
            columns={[
              {
                title: 'Đơn vị',
                key: 'unit',
                render: (_: unknown, r) => (
                  <>
                    {r.name} <span className="unit-code">{r.code}</span>
                  </>
                ),
              },
              { title: METHOD_BASIS[proposal.method], key: 'basis', width: 170, align: 'right', render: (_: unknown, r) => formatCount(r.basis) },
              {
                title: 'Tỷ trọng',
                key: 'share',
                width: 100,
                align: 'right',
                render: (_: unknown, r) => (r.basis === null || basisSum === 0 ? '—' : formatPercent(r.basis / basisSum)),
              },
              {
                title: 'Đang giao',
                key: 'existing',
                width: 130,
                align: 'right',
                render: (_: unknown, r) => <ExistingValue row={r} />,
              },
              {
                title: 'Chỉ tiêu giao',
                key: 'value',
                width: 160,
                align: 'right',
                render: (_: unknown, r) => <CountInput key={`${r.code}-${r.value}`} value={r.value} label={`Chỉ tiêu giao — ${r.name}`} onCommit={(v) => onEdit(r.code, v)} />,
              },
            ]}
          />
        </div>
      ) : proposalLoading ? (
        <Alert type="info" title="Đang lập phương án phân bổ…" />
      ) : null}
    </Modal>
  );
}
