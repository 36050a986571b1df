import { App, Button, DatePicker, Empty, Form, Input, InputNumber, Modal, Select, Table, Tag } from 'antd';
import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import type { ContributionRuleRow } from '../../../../shared/contract';
import { RULE_KIND_DEFS, RULE_KINDS, ruleValueText, subjectLabel, type RuleKind } from '../../../../shared/domain/contributions';
import { formatDate } from '../../../../shared/format/vi';
import { CountInput } from '../../components/CountInput';
import { ErrorResult } from '../../components/ErrorResult';
import { dayjsToIso, PICKER_FORMAT, todayDayjs } from '../../format/dates';
import { useCalculatorStore } from '../../stores/calculators';
import type { Dayjs } from 'dayjs';

interface RuleValues {
  kind: RuleKind;
  subject?: string;
  value: number | null;
  validFrom: Dayjs;
  validTo?: Dayjs | null;
  source: string;
  note?: string;
}

/** Bảng mức đóng: every dated rule with its legal source; a new decree is a new row, an old one is ended (never deleted). */
export function RulesTab() {
  const { modal, message } = App.useApp();
  const { rules, rulesLoading, rulesError, loadRules, saveRule, endRule } = useCalculatorStore();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<RuleValues>();
  const kind = Form.useWatch('kind', form);
  useEffect(() => {
    void loadRules();
  }, [loadRules]);
  if (rulesError && rules.length === 0) return <ErrorResult error={rulesError} onRetry={() => void loadRules()} />;
  const def = kind ? RULE_KIND_DEFS[kind] : null;
  const submit = async (v: RuleValues) => {
    setSaving(true);
    const res = await saveRule({
      kind: v.kind, subject: v.subject ?? null, value: v.value ?? 0, validFrom: dayjsToIso(v.validFrom)!, validTo: dayjsToIso(v.validTo) ?? null, source: v.source, note: v.note?.trim() || null,
    });
    setSaving(false);
    if (!res.ok) {
      message.error(res.error.message);
      return;
    }
    message.success('Đã thêm mức mới.');
    setOpen(false);
    form.resetFields();
  };
  const end = (r: ContributionRuleRow) => {
    let day: Dayjs | null = todayDayjs();
    modal.confirm({
      title: 'Kết thúc mức này',
      content: (
        <div>
          <p>
            {r.kindLabel}
            {r.subjectLabel ? ` — ${r.subjectLabel}` : ''}: {ruleValueText(r.unit, r.value)} ({r.source}). Mức vẫn được giữ để tính cho các ngày trước.
          </p>
          <DatePicker defaultValue={day} format={PICKER_FORMAT} onChange={(d) => (day = d)} aria-label="Áp dụng đến hết ngày" placeholder="dd/mm/yyyy" data-testid="rule-end-date" />
        </div>
      ),
      okText: 'Kết thúc',
      cancelText: 'Hủy',
      onOk: async () => {
        const validTo = dayjsToIso(day);
        if (!validTo) {
          message.error('Hãy chọn ngày cuối cùng áp dụng.');
          throw new Error('no date');
        }
        const res = await endRule({ id: r.id, validTo });
        if (!res.ok) {
          message.error(res.error.message);
          throw new Error(res.error.message);
        }
        message.success('Đã kết thúc mức.');
      },
    });
  };
  return (
    <div data-testid="calc-rules-tab">
      <div className="toolbar" role="toolbar" aria-label="Bảng mức đóng">
        <span>Mỗi mức có ngày hiệu lực và văn bản quy định. Khi có nghị định mới, thêm mức mới với ngày hiệu lực của nó; các ngày trước vẫn tính theo mức cũ.</span>
        <span className="toolbar-spacer" />
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setOpen(true)} data-testid="rule-create">
          Thêm mức mới
        </Button>
      </div>
      <Table<ContributionRuleRow>
        size="small"
        rowKey="id"
        loading={rulesLoading}
        dataSource={rules}
        pagination={false}
        data-testid="rules-table"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có mức nào." /> }}
        columns={[
          { title: 'Loại mức', dataIndex: 'kindLabel', width: 250, render: (v: string, r) => <span>{v}{r.current ? <> <Tag color="green">Đang áp dụng</Tag></> : null}</span> },
          { title: 'Đối tượng', dataIndex: 'subjectLabel', width: 170 },
          { title: 'Mức', key: 'value', width: 120, align: 'right', render: (_, r) => <span className="calc-money">{ruleValueText(r.unit, r.value)}</span> },
          { title: 'Hiệu lực', key: 'valid', width: 190, render: (_, r) => `từ ${formatDate(r.validFrom)}${r.validTo ? ` đến ${formatDate(r.validTo)}` : ''}` },
          { title: 'Văn bản quy định', dataIndex: 'source', render: (v: string, r) => <span>{v}{r.note ? <div className="muted">{r.note}</div> : null}</span> },
          {
            title: '',
            key: 'actions',
            width: 110,
            render: (_, r) => (r.validTo === null ? <Button size="small" icon={<StopOutlined aria-hidden />} onClick={() => end(r)} data-testid={`rule-end-${r.id}`}>Kết thúc</Button> : null),
          },
        ]}
      />
      <Modal open={open} title="Thêm mức mới" onCancel={() => setOpen(false)} onOk={() => form.submit()} okText="Lưu" cancelText="Hủy" confirmLoading={saving} destroyOnHidden width={560}>
        <Form<RuleValues> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ validFrom: todayDayjs() }} data-testid="rule-form">
          <Form.Item name="kind" label="Loại mức" rules={[{ required: true, message: 'Hãy chọn loại mức' }]}>
            <Select options={RULE_KINDS.map((k) => ({ value: k, label: RULE_KIND_DEFS[k].label }))} aria-label="Loại mức" data-testid="rule-kind" onChange={() => form.setFieldsValue({ subject: undefined })} />
          </Form.Item>
          {def && def.subjects.length > 0 ? (
            <Form.Item name="subject" label="Đối tượng áp dụng" rules={[{ required: true, message: 'Hãy chọn đối tượng' }]}>
              <Select options={def.subjects.map((s) => ({ value: s, label: subjectLabel(kind!, s) }))} aria-label="Đối tượng áp dụng" data-testid="rule-subject" />
            </Form.Item>
          ) : null}
          <Form.Item name="value" label={def ? `Mức (${def.unit === 'money' ? 'đồng' : def.unit === 'percent' ? '%' : 'lần'})` : 'Mức'} extra={def?.help} rules={[{ required: true, message: 'Hãy nhập mức' }]}>
            {def?.unit === 'money' ? (
              <CountInput ariaLabel="Mức" suffix="đ" testId="rule-value" />
            ) : (
              <InputNumber<number> min={0} max={def?.unit === 'percent' ? 100 : 1000} decimalSeparator="," suffix={def?.unit === 'multiple' ? 'lần' : '%'} aria-label="Mức" data-testid="rule-value" style={{ width: '100%' }} />
            )}
          </Form.Item>
          <Form.Item name="validFrom" label="Hiệu lực từ ngày" rules={[{ required: true, message: 'Hãy chọn ngày hiệu lực' }]}>
            <DatePicker format={PICKER_FORMAT} placeholder="dd/mm/yyyy" aria-label="Hiệu lực từ ngày" data-testid="rule-from" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="validTo" label="Đến ngày (để trống nếu chưa có hạn)">
            <DatePicker format={PICKER_FORMAT} placeholder="dd/mm/yyyy" aria-label="Đến ngày" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="source" label="Văn bản quy định" rules={[{ required: true, min: 5, message: 'Hãy ghi số, ký hiệu văn bản (ví dụ Nghị định 73/2024/NĐ-CP)' }]}>
            <Input maxLength={300} placeholder="Ví dụ: Nghị định 73/2024/NĐ-CP" aria-label="Văn bản quy định" data-testid="rule-source" />
          </Form.Item>
          <Form.Item name="note" label="Ghi chú">
            <Input.TextArea maxLength={1000} rows={2} aria-label="Ghi chú" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
