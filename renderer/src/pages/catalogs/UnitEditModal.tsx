import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { AppErrorShape } from '../../../../shared/contract';
import { levelRank, type UnitDetail } from '../../../../shared/domain/units';
import { useUnitsStore } from '../../stores/units';
import { ErrorAlert } from '../../components/ErrorResult';
import { PICKER_FORMAT, dayjsToIso, isoToDayjs } from '../../format/dates';
import { UNIT_KINDS } from '../../text/labels';
import { filterUnitOption, unitOptions, type UnitOption } from './unitOptions';

interface FormValues {
  name: string;
  kind: string | null;
  parentCode: string | null;
  validFrom: Dayjs | null;
  validTo: Dayjs | null;
}

export function UnitEditModal({ open, unit, onClose }: { open: boolean; unit: UnitDetail; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const update = useUnitsStore((s) => s.update);
  const allUnits = useUnitsStore((s) => s.allUnits);
  const allLoading = useUnitsStore((s) => s.allLoading);
  const loadAll = useUnitsStore((s) => s.loadAll);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    if (!open) return;
    void loadAll();
    setError(null);
    form.setFieldsValue({
      name: unit.name,
      kind: unit.kind,
      parentCode: unit.parentCode,
      validFrom: isoToDayjs(unit.validFrom),
      validTo: isoToDayjs(unit.validTo),
    });
  }, [open, unit, form, loadAll]);

  const rank = levelRank(unit.level);
  const parentOptions = useMemo<UnitOption[]>(() => {
    const opts = unitOptions(allUnits, (u) => u.code !== unit.code && levelRank(u.level) < rank);
    if (unit.parentCode && !opts.some((o) => o.value === unit.parentCode)) {
      opts.unshift({
        value: unit.parentCode,
        label: `${unit.parentName ?? unit.parentCode} (${unit.parentCode})`,
        search: `${unit.parentName ?? ''} ${unit.parentCode}`,
      });
    }
    return opts;
  }, [allUnits, unit, rank]);

  const kindOptions = useMemo(() => {
    const kinds = unit.kind && !UNIT_KINDS.includes(unit.kind) ? [unit.kind, ...UNIT_KINDS] : UNIT_KINDS;
    return kinds.map((k) => ({ value: k, label: k }));
  }, [unit.kind]);

  const submit = async () => {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    const res = await update({
      code: unit.code,
      name: values.name.trim(),
      kind: values.kind ?? null,
      parentCode: values.parentCode ?? null,
      validFrom: dayjsToIso(values.validFrom),
      validTo: dayjsToIso(values.validTo),
    });
    setSaving(false);
    if (res.ok) {
      void message.success(`Đã lưu thông tin đơn vị ${res.value.name}.`);
      onClose();
    } else {
      const field = res.error.details?.['field'];
      if (typeof field === 'string' && ['name', 'kind', 'parentCode', 'validFrom', 'validTo'].includes(field)) {
        form.setFields([{ name: field as keyof FormValues, errors: [res.error.message] }]);
      } else setError(res.error);
    }
  };

  return (
    <Modal
      open={open}
      title={`Sửa đơn vị ${unit.name} (${unit.code})`}
      okText="Lưu"
      cancelText="Hủy"
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={saving}
      width={560}
    >
      {error ? (
        <div style={{ marginBottom: 16 }} data-testid="unit-edit-error">
          <ErrorAlert error={error} />
        </div>
      ) : null}
      <Form form={form} layout="vertical" requiredMark="optional" onFinish={() => void submit()}>
        <Form.Item
          name="name"
          label="Tên"
          rules={[
            { required: true, whitespace: true, message: 'Nhập tên đơn vị' },
            { min: 2, message: 'Tên đơn vị quá ngắn' },
            { max: 200, message: 'Tên đơn vị tối đa 200 ký tự' },
          ]}
        >
          <Input aria-label="Tên" />
        </Form.Item>
        <Form.Item name="kind" label="Loại">
          <Select allowClear options={kindOptions} placeholder="Chọn loại đơn vị" aria-label="Loại" />
        </Form.Item>
        <Form.Item name="parentCode" label="Đơn vị cấp trên">
          <Select<string, UnitOption>
            allowClear
            showSearch={{ filterOption: filterUnitOption }}
            options={parentOptions}
            loading={allLoading}
            placeholder="Gõ tên hoặc mã để tìm"
            aria-label="Đơn vị cấp trên"
            notFoundContent="Không có đơn vị phù hợp"
          />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="validFrom" label="Hiệu lực từ">
            <DatePicker format={PICKER_FORMAT} placeholder="dd/mm/yyyy" aria-label="Hiệu lực từ" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="validTo"
            label="Hiệu lực đến"
            dependencies={['validFrom']}
            rules={[
              ({ getFieldValue }) => ({
                validator(_, value: Dayjs | null) {
                  const from = getFieldValue('validFrom') as Dayjs | null;
                  if (!value || !from || !value.isBefore(from, 'day')) return Promise.resolve();
                  return Promise.reject(new Error('Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực'));
                },
              }),
            ]}
          >
            <DatePicker format={PICKER_FORMAT} placeholder="dd/mm/yyyy" aria-label="Hiệu lực đến" style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Modal>
  );
}
