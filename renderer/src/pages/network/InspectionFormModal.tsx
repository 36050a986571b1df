import { App, Checkbox, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { AppErrorShape, Inspection } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorResult';
import { PICKER_FORMAT, dayjsToIso, isoToDayjs, todayDayjs } from '../../format/dates';
import { useInspectionsStore } from '../../stores/networkInspections';
import { blank, showFieldError } from './formErrors';
import { AgentSelect } from './NetworkSelects';

interface FormValues {
  agentCode: string | null;
  inspectedOn: Dayjs | null;
  inspector: string;
  findings: string;
  followUp?: string;
  followUpDone: boolean;
}

const FIELDS = ['agentCode', 'inspectedOn', 'inspector', 'findings', 'followUp', 'followUpDone'];

/** Ghi một lần kiểm tra đại lý (hằng quý), hoặc sửa lần đã ghi. */
export function InspectionFormModal({ open, inspection, onClose }: { open: boolean; inspection: Inspection | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const save = useInspectionsStore((s) => s.save);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (inspection)
      form.setFieldsValue({
        agentCode: inspection.agentCode, inspectedOn: isoToDayjs(inspection.inspectedOn), inspector: inspection.inspector, findings: inspection.findings,
        followUp: inspection.followUp ?? '', followUpDone: inspection.followUpDone,
      });
    else form.setFieldsValue({ inspectedOn: todayDayjs() });
  }, [open, inspection, form]);

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    const res = await save({
      ...(inspection ? { id: inspection.id } : {}),
      agentCode: v.agentCode!,
      inspectedOn: dayjsToIso(v.inspectedOn)!,
      inspector: v.inspector.trim(),
      findings: v.findings.trim(),
      followUp: blank(v.followUp),
      followUpDone: v.followUpDone,
    });
    setSaving(false);
    if (!res.ok) {
      setError(showFieldError(form, res.error, FIELDS) ? null : res.error);
      return;
    }
    void message.success(`Đã ghi lần kiểm tra ${res.value.agentName}.`);
    onClose();
  };

  return (
    <Modal
      open={open}
      title={inspection ? `Sửa lần kiểm tra ${inspection.agentName}` : 'Ghi lần kiểm tra đại lý'}
      okText="Lưu"
      cancelText="Hủy"
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      width={680}
      data-testid="inspection-form"
    >
      {error ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={error} />
        </div>
      ) : null}
      <Form form={form} name="inspection" layout="vertical" requiredMark="optional" initialValues={{ agentCode: null, followUpDone: false }}>
        <Form.Item name="agentCode" label="Tổ chức dịch vụ thu" rules={[{ required: true, message: 'Chọn tổ chức dịch vụ thu' }]}>
          <AgentSelect width="100%" placeholder="Gõ tên hoặc mã để tìm" ariaLabel="Tổ chức được kiểm tra" label={inspection?.agentName} />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="inspectedOn" label="Ngày kiểm tra" rules={[{ required: true, message: 'Chọn ngày kiểm tra' }]}>
            <DatePicker format={PICKER_FORMAT} placeholder="dd/mm/yyyy" aria-label="Ngày kiểm tra" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="inspector" label="Người kiểm tra" rules={[{ required: true, min: 2, message: 'Ghi người kiểm tra' }]}>
            <Input aria-label="Người kiểm tra" />
          </Form.Item>
        </div>
        <Form.Item name="findings" label="Kết quả kiểm tra" rules={[{ required: true, min: 2, message: 'Ghi kết quả kiểm tra' }]}>
          <Input.TextArea rows={3} aria-label="Kết quả kiểm tra" />
        </Form.Item>
        <Form.Item name="followUp" label="Yêu cầu khắc phục">
          <Input.TextArea rows={2} aria-label="Yêu cầu khắc phục" />
        </Form.Item>
        <Form.Item name="followUpDone" valuePropName="checked">
          <Checkbox>Đã khắc phục xong</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
