import { Alert, App, Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo } from 'react';
import type { TargetSource } from '../../../../shared/contract/resultsTypes';
import type { IndicatorDef } from '../../../../shared/domain/indicators';
import { formatDate } from '../../../../shared/format/vi';
import { dayjsToIso, PICKER_FORMAT, todayIso } from '../../format/dates';
import { useTargetsStore } from '../../stores/targets';
import { filterUnitOption, type UnitOption } from '../catalogs/unitOptions';
import { formatTargetValue, SOURCE_OPTIONS } from './targetText';
import { parseViCount, parseViDecimal } from './viNumber';

interface FormValues {
  unitCode?: string;
  indicatorCode?: string;
  year?: Dayjs;
  value?: string;
  source?: TargetSource;
  decisionNo?: string;
  decisionDate?: Dayjs | null;
  revise?: boolean;
  note?: string;
}

/** "Giao chỉ tiêu": one target for one unit, or a kế hoạch điều chỉnh that keeps the original. */
export function TargetFormModal({ indicators, units }: { indicators: IndicatorDef[]; units: UnitOption[] }) {
  const initial = useTargetsStore((s) => s.formInitial);
  const onClose = useTargetsStore((s) => s.closeForm);
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const setTarget = useTargetsStore((s) => s.setTarget);
  const saving = useTargetsStore((s) => s.saving);
  const items = useTargetsStore((s) => s.items);

  useEffect(() => {
    if (!initial) return;
    form.resetFields();
    form.setFieldsValue({
      unitCode: initial.unitCode,
      indicatorCode: initial.indicatorCode,
      year: dayjs(`${initial.year ?? todayIso().slice(0, 4)}-01-01`),
      source: initial.source ?? 'BHXH_TINH',
      revise: initial.revise ?? false,
      value: '',
      decisionNo: '',
      decisionDate: null,
      note: '',
    });
  }, [initial, form]);

  const unitCode = Form.useWatch('unitCode', form);
  const indicatorCode = Form.useWatch('indicatorCode', form);
  const year = Form.useWatch('year', form);
  const source = Form.useWatch('source', form);
  const revise = Form.useWatch('revise', form);
  const def = indicators.find((d) => d.code === indicatorCode);
  const isRate = def?.kind === 'rate';

  // The plan already given for the same unit, indicator, year and authority (if it is loaded).
  const existing = useMemo(() => {
    if (!unitCode || !indicatorCode || !year || !source) return null;
    const same = items.filter((t) => t.unitCode === unitCode && t.indicatorCode === indicatorCode && t.year === year.year() && t.source === source && t.period === '');
    return same.sort((a, b) => b.revision - a.revision)[0] ?? null;
  }, [items, unitCode, indicatorCode, year, source]);

  const submit = async () => {
    const v = await form.validateFields();
    const parsed = isRate ? parseViDecimal(v.value ?? '') : parseViCount(v.value ?? '');
    if (!parsed.ok || parsed.value === null) return;
    const res = await setTarget({
      unitCode: v.unitCode!,
      indicatorCode: v.indicatorCode!,
      year: v.year!.year(),
      value: isRate ? parsed.value / 100 : parsed.value,
      source: v.source!,
      decisionNo: v.decisionNo?.trim() || null,
      decisionDate: dayjsToIso(v.decisionDate),
      revise: Boolean(v.revise),
      note: v.note?.trim() || null,
    });
    if (res.ok) {
      const t = res.value;
      message.success(
        `${t.revision > 0 ? `Đã giao kế hoạch điều chỉnh lần ${t.revision}` : 'Đã giao chỉ tiêu'}: ${t.unitName} — ${formatTargetValue(t)}`,
      );
      onClose();
    } else if (res.error.details?.field === 'value') form.setFields([{ name: 'value', errors: [res.error.message] }]);
    else message.error(res.error.message);
  };

  return (
    <Modal
      open={initial !== null}
      title={initial?.revise ? 'Giao kế hoạch điều chỉnh' : 'Giao chỉ tiêu'}
      width={680}
      okText="Giao chỉ tiêu"
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} name="target" layout="vertical" requiredMark="optional" className="tg-form-grid" onFinish={() => void submit()}>
        <Form.Item name="unitCode" label="Đơn vị" rules={[{ required: true, message: 'Chọn đơn vị được giao' }]} className="tg-span-2">
          <Select showSearch={{ filterOption: filterUnitOption }} options={units} placeholder="Gõ tên hoặc mã đơn vị" popupMatchSelectWidth={false} />
        </Form.Item>
        <Form.Item name="indicatorCode" label="Chỉ tiêu" rules={[{ required: true, message: 'Chọn chỉ tiêu' }]}>
          <Select options={indicators.map((d) => ({ value: d.code, label: d.name }))} placeholder="Chọn chỉ tiêu" popupMatchSelectWidth={false} />
        </Form.Item>
        <Form.Item name="year" label="Năm kế hoạch" rules={[{ required: true, message: 'Chọn năm' }]}>
          <DatePicker picker="year" format="YYYY" allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="value"
          label={isRate ? 'Giá trị (%)' : 'Giá trị (người)'}
          extra={isRate ? 'Tỷ lệ phần trăm, ví dụ 92,25' : 'Số người, ví dụ 12.585'}
          rules={[
            {
              required: true,
              validator: async (_, text: string | undefined) => {
                const parsed = isRate ? parseViDecimal(text ?? '') : parseViCount(text ?? '');
                if (!parsed.ok) throw new Error(parsed.message);
                if (parsed.value === null) throw new Error('Nhập giá trị chỉ tiêu');
                if (isRate && parsed.value > 100) throw new Error('Tỷ lệ không được lớn hơn 100%');
              },
            },
          ]}
        >
          <Input inputMode="decimal" autoComplete="off" />
        </Form.Item>
        <Form.Item name="source" label="Nguồn giao" rules={[{ required: true, message: 'Chọn cơ quan giao chỉ tiêu' }]}>
          <Select options={SOURCE_OPTIONS} />
        </Form.Item>
        <Form.Item name="decisionNo" label="Số quyết định">
          <Input placeholder="Ví dụ: 125/QĐ-BHXH" maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="decisionDate" label="Ngày quyết định">
          <DatePicker format={PICKER_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="revise" valuePropName="checked" className="tg-span-2" style={{ marginBottom: 8 }}>
          <Checkbox>Kế hoạch điều chỉnh (giữ kế hoạch gốc)</Checkbox>
        </Form.Item>
        {existing ? (
          <Alert
            className="tg-span-2"
            style={{ marginBottom: 16 }}
            type={revise ? 'info' : 'warning'}
            showIcon
            title={`Đã có chỉ tiêu ${existing.revision > 0 ? `(điều chỉnh lần ${existing.revision}) ` : ''}: ${formatTargetValue(existing)}${existing.decisionNo ? ` — QĐ ${existing.decisionNo}` : ''}${existing.decisionDate ? ` ngày ${formatDate(existing.decisionDate)}` : ''}`}
            description={
              revise
                ? `Giá trị mới được lưu thành kế hoạch điều chỉnh lần ${existing.revision + 1}; kế hoạch gốc vẫn được giữ.`
                : 'Không chọn “Kế hoạch điều chỉnh” thì giá trị hiện có sẽ được sửa trực tiếp.'
            }
          />
        ) : null}
        <Form.Item name="note" label="Ghi chú" className="tg-span-2">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
