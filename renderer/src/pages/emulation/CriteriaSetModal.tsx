import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { AppErrorShape, CriteriaSet } from '../../../../shared/contract';
import { DEFAULT_RULES } from '../../../../shared/calc/emulation';
import { EMULATION_LEVEL_LABELS, EMULATION_MEASURE_DEFS, measuresOf, type EmulationLevel, type EmulationMeasure } from '../../../../shared/domain/emulation';
import { ErrorAlert } from '../../components/ErrorResult';
import { PICKER_FORMAT, dayjsToIso, isoToDayjs, todayIso } from '../../format/dates';
import { useEmulationStore } from '../../stores/emulation';

interface Row {
  measure: EmulationMeasure | null;
  weight: number | null;
  /** Percent for ratio measures (100 = 100%), a count per quarter for counts. */
  benchmark: number | null;
  /** Percent of the benchmark (120 = up to 120%). */
  cap: number | null;
}

interface FormValues {
  name: string;
  validFrom: Dayjs | null;
  decisionNo?: string;
  note?: string;
  criteria: Row[];
}

const isCount = (m: EmulationMeasure | null) => (m ? EMULATION_MEASURE_DEFS[m].kind === 'count' : false);
const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** A new dated set, starting from the one in force: the weights, benchmarks and caps edited. */
export function CriteriaSetModal({ open, base, level, onClose }: { open: boolean; base: CriteriaSet | null; level: EmulationLevel; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const saveSet = useEmulationStore((s) => s.saveSet);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const measures = measuresOf(level);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    // The first of January after today: periods already closed keep the set they were scored with.
    const next = isoToDayjs(`${Number(todayIso().slice(0, 4)) + 1}-01-01`);
    form.setFieldsValue({
      name: base ? `${base.name} (bản mới)` : '',
      validFrom: next,
      criteria: (base?.criteria ?? []).map((c) => ({ measure: c.measure, weight: c.weight, benchmark: c.kind === 'count' ? c.benchmark : round(c.benchmark * 100), cap: round(c.cap * 100) })),
    });
  }, [open, base, form]);

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    const res = await saveSet({
      name: v.name.trim(),
      level,
      validFrom: dayjsToIso(v.validFrom)!,
      decisionNo: v.decisionNo?.trim() || null,
      note: v.note?.trim() || null,
      criteria: v.criteria.map((c) => ({
        measure: c.measure!,
        weight: c.weight!,
        benchmark: isCount(c.measure) ? c.benchmark! : round(c.benchmark! / 100),
        cap: round(c.cap! / 100),
      })),
    });
    setSaving(false);
    if (!res.ok) {
      setError(res.error);
      return;
    }
    void message.success(`Đã lập bộ tiêu chí "${res.value.name}".`);
    onClose();
  };

  return (
    <Modal
      open={open}
      title={`Lập bộ tiêu chí mới — ${EMULATION_LEVEL_LABELS[level]}`}
      okText="Lưu bộ tiêu chí"
      cancelText="Hủy"
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      width={820}
      data-testid="criteria-form"
    >
      {error ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={error} />
        </div>
      ) : null}
      <Form form={form} name="criteria-set" layout="vertical" requiredMark="optional">
        <div className="form-row">
          <Form.Item name="name" label="Tên bộ tiêu chí" rules={[{ required: true, min: 3, message: 'Ghi tên bộ tiêu chí' }]}>
            <Input aria-label="Tên bộ tiêu chí" />
          </Form.Item>
          <Form.Item name="validFrom" label="Hiệu lực từ ngày" rules={[{ required: true, message: 'Chọn ngày hiệu lực' }]}>
            <DatePicker format={PICKER_FORMAT} placeholder="dd/mm/yyyy" aria-label="Hiệu lực từ ngày" style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <div className="form-row">
          <Form.Item name="decisionNo" label="Số quyết định ban hành">
            <Input aria-label="Số quyết định ban hành" placeholder="Ví dụ: 15/QĐ-BHXH" />
          </Form.Item>
          <Form.Item name="note" label="Ghi chú">
            <Input aria-label="Ghi chú" />
          </Form.Item>
        </div>
        <div className="emulation-criteria-row emulation-criteria-head">
          <span>Tiêu chí</span>
          <span>Điểm chuẩn</span>
          <span>Mức chuẩn</span>
          <span>Tính tối đa</span>
          <span />
        </div>
        <Form.List name="criteria" rules={[{ validator: async (_r, rows: Row[]) => (rows?.length ? undefined : Promise.reject(new Error('Cần ít nhất một tiêu chí'))) }]}>
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field) => (
                <div key={field.key} className="emulation-criteria-row">
                  <Form.Item name={[field.name, 'measure']} rules={[{ required: true, message: 'Chọn tiêu chí' }]}>
                    <Select<EmulationMeasure> options={measures.map((m) => ({ value: m, label: EMULATION_MEASURE_DEFS[m].label }))} aria-label="Tiêu chí" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'weight']} rules={[{ required: true, type: 'number', min: 0.01, message: 'Điểm phải lớn hơn 0' }]}>
                    <InputNumber<number> min={0} decimalSeparator="," style={{ width: '100%' }} aria-label="Điểm chuẩn" />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() => {
                      const count = isCount(form.getFieldValue(['criteria', field.name, 'measure']) as EmulationMeasure | null);
                      return (
                        <Form.Item name={[field.name, 'benchmark']} rules={[{ required: true, type: 'number', min: 0.0001, message: 'Mức chuẩn phải lớn hơn 0' }]}>
                          <InputNumber<number> min={0} decimalSeparator="," style={{ width: '100%' }} suffix={count ? 'buổi/quý' : '%'} aria-label="Mức chuẩn" />
                        </Form.Item>
                      );
                    }}
                  </Form.Item>
                  <Form.Item name={[field.name, 'cap']} rules={[{ required: true, type: 'number', min: 100, message: 'Không nhỏ hơn 100%' }]}>
                    <InputNumber<number> min={100} max={1000} decimalSeparator="," style={{ width: '100%' }} suffix="%" aria-label="Tính tối đa" />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined aria-hidden />} onClick={() => remove(field.name)} aria-label="Bỏ tiêu chí" />
                </div>
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                icon={<PlusOutlined aria-hidden />}
                onClick={() => {
                  const used = new Set((form.getFieldValue('criteria') as Row[]).map((r) => r.measure));
                  const measure = measures.find((m) => !used.has(m)) ?? null;
                  const rule = DEFAULT_RULES[measure ? EMULATION_MEASURE_DEFS[measure].kind : 'percent'];
                  add({ measure, weight: 10, benchmark: measure && isCount(measure) ? rule.benchmark : rule.benchmark * 100, cap: rule.cap * 100 });
                }}
                disabled={fields.length >= measures.length}
              >
                Thêm tiêu chí
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
