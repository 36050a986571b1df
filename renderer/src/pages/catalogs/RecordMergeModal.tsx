import { DatePicker, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { AppErrorShape, RequestOf } from '../../../../shared/contract';
import { useUnitsStore } from '../../stores/units';
import { ErrorAlert } from '../../components/ErrorResult';
import { PICKER_FORMAT, dayjsToIso } from '../../format/dates';
import { UNIT_KINDS } from '../../text/labels';
import { filterUnitOption, unitOptions, type UnitOption } from './unitOptions';

interface FormValues {
  fromCodes: string[];
  target: 'existing' | 'new';
  toCode?: string;
  newCode?: string;
  newName?: string;
  newKind?: string;
  newParentCode?: string;
  effectiveDate: Dayjs | null;
}

/** The date the two-level tree took effect: the usual effective date of a merge. */
const REFORM_DATE = '2025-07-01';

export function RecordMergeModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (targetName: string) => void }) {
  const [form] = Form.useForm<FormValues>();
  const allUnits = useUnitsStore((s) => s.allUnits);
  const allLoading = useUnitsStore((s) => s.allLoading);
  const loadAll = useUnitsStore((s) => s.loadAll);
  const recordMerge = useUnitsStore((s) => s.recordMerge);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const target = Form.useWatch('target', form);
  const fromCodes = Form.useWatch('fromCodes', form);

  useEffect(() => {
    if (!open) return;
    void loadAll();
    setError(null);
    form.resetFields();
  }, [open, form, loadAll]);

  const fromOptions = useMemo(() => unitOptions(allUnits, (u) => u.level !== 'province'), [allUnits]);
  const toOptions = useMemo(
    () => unitOptions(allUnits, (u) => u.level !== 'province' && !(fromCodes ?? []).includes(u.code)),
    [allUnits, fromCodes],
  );
  const provinceOptions = useMemo(() => unitOptions(allUnits, (u) => u.level === 'province'), [allUnits]);

  const submit = async () => {
    let v: FormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const effectiveDate = dayjsToIso(v.effectiveDate);
    if (!effectiveDate) return;
    const request: RequestOf<'units:recordMerge'> =
      v.target === 'existing'
        ? { fromCodes: v.fromCodes, toCode: v.toCode!, effectiveDate }
        : {
            fromCodes: v.fromCodes,
            toCode: v.newCode!.trim(),
            toName: v.newName!.trim(),
            ...(v.newKind ? { toKind: v.newKind } : {}),
            ...(v.newParentCode ? { toParentCode: v.newParentCode } : {}),
            effectiveDate,
          };
    setSaving(true);
    setError(null);
    const res = await recordMerge(request);
    setSaving(false);
    if (res.ok) onDone(res.value.name);
    else {
      const field = res.error.details?.['field'];
      const formField =
        field === 'toCode'
          ? v.target === 'new'
            ? 'newCode'
            : 'toCode'
          : field === 'toName'
            ? 'newName'
            : field === 'toKind'
              ? 'newKind'
              : field === 'toParentCode'
                ? 'newParentCode'
                : field;
      if (
        typeof formField === 'string' &&
        ['fromCodes', 'toCode', 'newCode', 'newName', 'newKind', 'newParentCode', 'effectiveDate'].includes(formField)
      ) {
        form.setFields([{ name: formField as keyof FormValues, errors: [res.error.message] }]);
      } else setError(res.error);
    }
  };

  return (
    <Modal
      open={open}
      title="Ghi nhận sáp nhập đơn vị"
      okText="Ghi nhận"
      cancelText="Hủy"
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={saving}
      width={680}
      style={{ top: 40 }}
    >
      <Typography.Paragraph type="secondary">
        Các đơn vị cũ sẽ hết hiệu lực vào ngày trước ngày sáp nhập; số liệu đã nhập cho đơn vị cũ vẫn được cộng dồn vào đơn vị mới khi xem
        theo cây đơn vị hiện hành.
      </Typography.Paragraph>
      {error ? (
        <div style={{ marginBottom: 16 }} data-testid="merge-error">
          <ErrorAlert error={error} />
        </div>
      ) : null}
      <Form form={form} layout="vertical" initialValues={{ target: 'existing', fromCodes: [], effectiveDate: dayjs(REFORM_DATE) }}>
        <Form.Item
          name="fromCodes"
          label="Các đơn vị cũ"
          rules={[{ required: true, type: 'array', min: 1, message: 'Chọn ít nhất một đơn vị cũ' }]}
        >
          <Select<string[], UnitOption>
            mode="multiple"
            showSearch={{ filterOption: filterUnitOption }}
            options={fromOptions}
            loading={allLoading}
            placeholder="Gõ tên (không dấu cũng được) hoặc mã"
            aria-label="Các đơn vị cũ"
            data-testid="merge-from"
            notFoundContent="Không có đơn vị phù hợp"
            maxTagCount="responsive"
          />
        </Form.Item>
        <Form.Item name="target" label="Sáp nhập vào">
          <Radio.Group
            options={[
              { value: 'existing', label: 'Đơn vị đã có trong danh mục' },
              { value: 'new', label: 'Đơn vị mới' },
            ]}
          />
        </Form.Item>
        {target === 'new' ? (
          <>
            <div className="form-row">
              <Form.Item
                name="newCode"
                label="Mã đơn vị mới"
                rules={[
                  { required: true, whitespace: true, message: 'Nhập mã đơn vị mới' },
                  { pattern: /^[0-9A-Za-z._-]{1,20}$/, message: 'Mã đơn vị chỉ gồm chữ số/chữ cái, tối đa 20 ký tự' },
                ]}
              >
                <Input aria-label="Mã đơn vị mới" />
              </Form.Item>
              <Form.Item name="newKind" label="Loại">
                <Select
                  allowClear
                  options={UNIT_KINDS.map((k) => ({ value: k, label: k }))}
                  aria-label="Loại đơn vị mới"
                  placeholder="Xã, Phường…"
                />
              </Form.Item>
            </div>
            <div className="form-row">
              <Form.Item
                name="newName"
                label="Tên đơn vị mới"
                rules={[
                  { required: true, whitespace: true, message: 'Nhập tên đơn vị mới' },
                  { min: 2, message: 'Tên đơn vị quá ngắn' },
                ]}
              >
                <Input aria-label="Tên đơn vị mới" placeholder="Ví dụ: Xã Long Điền" />
              </Form.Item>
              <Form.Item name="newParentCode" label="Thuộc tỉnh/thành phố">
                <Select<string, UnitOption>
                  allowClear
                  showSearch={{ filterOption: filterUnitOption }}
                  options={provinceOptions}
                  aria-label="Thuộc tỉnh/thành phố"
                  placeholder="Chọn tỉnh/thành phố"
                />
              </Form.Item>
            </div>
          </>
        ) : (
          <Form.Item name="toCode" label="Đơn vị nhận sáp nhập" rules={[{ required: true, message: 'Chọn đơn vị nhận sáp nhập' }]}>
            <Select<string, UnitOption>
              showSearch={{ filterOption: filterUnitOption }}
              options={toOptions}
              loading={allLoading}
              placeholder="Gõ tên hoặc mã để tìm"
              aria-label="Đơn vị nhận sáp nhập"
              data-testid="merge-to"
              notFoundContent="Không có đơn vị phù hợp"
            />
          </Form.Item>
        )}
        <Form.Item name="effectiveDate" label="Ngày sáp nhập có hiệu lực" rules={[{ required: true, message: 'Chọn ngày hiệu lực' }]}>
          <DatePicker format={PICKER_FORMAT} allowClear={false} aria-label="Ngày sáp nhập có hiệu lực" style={{ width: 180 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
