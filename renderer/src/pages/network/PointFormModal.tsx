import { App, Checkbox, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { AppErrorShape, CollectionPoint } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorResult';
import { PICKER_FORMAT, dayjsToIso, isoToDayjs } from '../../format/dates';
import { usePointsStore } from '../../stores/networkPoints';
import { blank, showFieldError } from './formErrors';
import { AgentSelect, CommuneSelect } from './NetworkSelects';

interface FormValues {
  agentCode: string | null;
  code?: string;
  name: string;
  address?: string;
  unitCode: string | null;
  openedOn: Dayjs | null;
  closedOn: Dayjs | null;
  signage: boolean;
  note?: string;
}

const FIELDS = ['agentCode', 'code', 'name', 'address', 'unitCode', 'openedOn', 'closedOn', 'signage', 'note'];

/** Thêm / sửa điểm thu. `agentCode` preselects the agent (from the agent's own screen). */
export function PointFormModal({ open, point, agentCode, onClose }: { open: boolean; point: CollectionPoint | null; agentCode?: string | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const save = usePointsStore((s) => s.save);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (point)
      form.setFieldsValue({
        agentCode: point.agentCode, code: point.code ?? '', name: point.name, address: point.address ?? '', unitCode: point.unitCode,
        openedOn: isoToDayjs(point.openedOn), closedOn: isoToDayjs(point.closedOn), signage: point.signage, note: point.note ?? '',
      });
    else if (agentCode) form.setFieldsValue({ agentCode });
  }, [open, point, agentCode, form]);

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    const res = await save({
      ...(point ? { id: point.id } : {}),
      agentCode: v.agentCode!,
      code: blank(v.code),
      name: v.name.trim(),
      address: blank(v.address),
      unitCode: v.unitCode ?? null,
      openedOn: dayjsToIso(v.openedOn),
      closedOn: dayjsToIso(v.closedOn),
      signage: v.signage,
      note: blank(v.note),
    });
    setSaving(false);
    if (!res.ok) {
      setError(showFieldError(form, res.error, FIELDS) ? null : res.error);
      return;
    }
    void message.success(point ? `Đã lưu điểm thu ${res.value.name}.` : `Đã thêm điểm thu ${res.value.name}.`);
    onClose();
  };

  return (
    <Modal
      open={open}
      title={point ? `Sửa điểm thu ${point.name}` : 'Thêm điểm thu'}
      okText={point ? 'Lưu' : 'Thêm'}
      cancelText="Hủy"
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      width={680}
      data-testid="point-form"
    >
      {error ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={error} />
        </div>
      ) : null}
      <Form form={form} name="point" layout="vertical" requiredMark="optional" initialValues={{ agentCode: null, unitCode: null, signage: false, openedOn: null, closedOn: null }}>
        <Form.Item name="agentCode" label="Tổ chức dịch vụ thu" rules={[{ required: true, message: 'Chọn tổ chức dịch vụ thu' }]}>
          <AgentSelect width="100%" placeholder="Gõ tên hoặc mã để tìm" ariaLabel="Tổ chức dịch vụ thu" label={point?.agentName} testId="point-agent" />
        </Form.Item>
        <div className="form-row form-row-wide">
          <Form.Item name="name" label="Tên điểm thu" rules={[{ required: true, min: 3, message: 'Nhập tên điểm thu (ít nhất 3 ký tự)' }]}>
            <Input aria-label="Tên điểm thu" data-testid="point-name" />
          </Form.Item>
          <Form.Item name="code" label="Mã điểm thu">
            <Input aria-label="Mã điểm thu" />
          </Form.Item>
        </div>
        <div className="form-row">
          <Form.Item name="unitCode" label="Xã, phường">
            <CommuneSelect width="100%" placeholder="Chọn xã, phường" ariaLabel="Xã, phường của điểm thu" />
          </Form.Item>
          <Form.Item name="address" label="Địa chỉ">
            <Input aria-label="Địa chỉ điểm thu" />
          </Form.Item>
        </div>
        <div className="form-row form-row-3">
          <Form.Item name="openedOn" label="Mở từ ngày">
            <DatePicker format={PICKER_FORMAT} placeholder="dd/mm/yyyy" aria-label="Mở từ ngày" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="closedOn" label="Đóng từ ngày">
            <DatePicker format={PICKER_FORMAT} placeholder="dd/mm/yyyy" aria-label="Đóng từ ngày" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="signage" label="Biển hiệu" valuePropName="checked">
            <Checkbox>Đã có biển hiệu</Checkbox>
          </Form.Item>
        </div>
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea rows={2} aria-label="Ghi chú" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
