import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { AppErrorShape, StaffDetail } from '../../../../shared/contract';
import { cccdProblem, normaliseCccd, normalisePhone, phoneProblem } from '../../../../shared/calc/cccd';
import type { StaffRole, StaffStatus } from '../../../../shared/domain/network';
import { ErrorAlert } from '../../components/ErrorResult';
import { PICKER_FORMAT, dayjsToIso, isoToDayjs } from '../../format/dates';
import { useStaffStore } from '../../stores/networkStaff';
import { blank, showFieldError } from './formErrors';
import { roleOptions, staffStatusOptions } from './networkLabels';
import { AgentSelect, CommunesSelect } from './NetworkSelects';

interface FormValues {
  code: string;
  fullName: string;
  role: StaffRole;
  birthYear: number | null;
  sex: 'M' | 'F' | null;
  cccd?: string;
  phone?: string;
  agentCode: string | null;
  communeCodes: string[];
  trainingDate: Dayjs | null;
  cardNo?: string;
  cardDate: Dayjs | null;
  status: StaffStatus;
  joinedOn: Dayjs | null;
  leftOn: Dayjs | null;
  note?: string;
}

const FIELDS = ['code', 'fullName', 'role', 'birthYear', 'sex', 'cccd', 'phone', 'agentCode', 'communeCodes', 'trainingDate', 'cardNo', 'cardDate', 'status', 'joinedOn', 'leftOn', 'note'];

/** Thêm / sửa nhân viên thu. CCCD and phone are never shown here: left empty, the numbers stored stay. */
export function StaffFormModal({ open, staff, onClose }: { open: boolean; staff: StaffDetail | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useStaffStore((s) => s.create);
  const update = useStaffStore((s) => s.update);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (staff)
      form.setFieldsValue({
        code: staff.code, fullName: staff.fullName, role: staff.role, birthYear: staff.birthYear, sex: staff.sex, agentCode: staff.agentCode,
        communeCodes: staff.communes.map((c) => c.code), trainingDate: isoToDayjs(staff.trainingDate), cardNo: staff.cardNo ?? '', cardDate: isoToDayjs(staff.cardDate),
        status: staff.status, joinedOn: isoToDayjs(staff.joinedOn), leftOn: isoToDayjs(staff.leftOn), note: staff.note ?? '',
      });
  }, [open, staff, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const cccd = blank(v.cccd);
    const phone = blank(v.phone);
    const values = {
      fullName: v.fullName.trim(), role: v.role, birthYear: v.birthYear ?? null, sex: v.sex ?? null, agentCode: v.agentCode!, communeCodes: v.communeCodes ?? [],
      trainingDate: dayjsToIso(v.trainingDate), cardNo: blank(v.cardNo), cardDate: dayjsToIso(v.cardDate), status: v.status,
      joinedOn: dayjsToIso(v.joinedOn), leftOn: dayjsToIso(v.leftOn), note: blank(v.note),
      // On an edit an empty box keeps the number stored.
      ...(cccd !== null || !staff ? { cccd: cccd === null ? null : normaliseCccd(cccd) } : {}),
      ...(phone !== null || !staff ? { phone: phone === null ? null : normalisePhone(phone) } : {}),
    };
    setSaving(true);
    const res = staff ? await update(staff.code, values) : await create(v.code.trim(), values);
    setSaving(false);
    if (!res.ok) {
      setError(showFieldError(form, res.error, FIELDS) ? null : res.error);
      return;
    }
    void message.success(staff ? `Đã lưu ${res.value.fullName}.` : `Đã thêm ${res.value.fullName}.`);
    onClose();
  };

  return (
    <Modal
      open={open}
      title={staff ? `Sửa thông tin ${staff.fullName}` : 'Thêm nhân viên thu'}
      okText={staff ? 'Lưu' : 'Thêm'}
      cancelText="Hủy"
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      width={780}
      style={{ top: 16 }}
      data-testid="staff-form"
    >
      {error ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={error} />
        </div>
      ) : null}
      <Form
        form={form}
        name="staff"
        layout="vertical"
        requiredMark="optional"
        initialValues={{ role: 'staff', status: 'active', communeCodes: [], agentCode: null, birthYear: null, sex: null, trainingDate: null, cardDate: null, joinedOn: null, leftOn: null }}
      >
        <div className="form-row form-row-3">
          <Form.Item name="code" label="Mã nhân viên" rules={[{ required: true, message: 'Nhập mã nhân viên' }, { pattern: /^[0-9A-Za-z._-]{1,30}$/, message: 'Chỉ gồm chữ số, chữ cái, dấu chấm, gạch; tối đa 30 ký tự' }]}>
            <Input disabled={staff !== null} aria-label="Mã nhân viên" />
          </Form.Item>
          <Form.Item name="fullName" label="Họ và tên" rules={[{ required: true, min: 3, message: 'Nhập họ tên (ít nhất 3 ký tự)' }]}>
            <Input aria-label="Họ và tên" />
          </Form.Item>
          <Form.Item name="role" label="Vai trò">
            <Select options={roleOptions} aria-label="Vai trò" />
          </Form.Item>
        </div>
        <Form.Item name="agentCode" label="Thuộc tổ chức dịch vụ thu" rules={[{ required: true, message: 'Chọn tổ chức dịch vụ thu' }]}>
          <AgentSelect width="100%" placeholder="Gõ tên hoặc mã để tìm" ariaLabel="Thuộc tổ chức dịch vụ thu" label={staff?.agentName} testId="staff-agent" />
        </Form.Item>
        <div className="form-row form-row-4">
          <Form.Item name="birthYear" label="Năm sinh">
            <InputNumber min={1900} max={2100} controls={false} aria-label="Năm sinh" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="sex" label="Giới tính">
            <Select allowClear options={[{ value: 'M', label: 'Nam' }, { value: 'F', label: 'Nữ' }]} aria-label="Giới tính" />
          </Form.Item>
          <Form.Item
            name="cccd"
            label="Số CCCD"
            dependencies={['birthYear', 'sex']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_r, value: string | undefined) => {
                  if (!value || !value.trim()) return Promise.resolve();
                  const problem = cccdProblem(normaliseCccd(value), { birthYear: getFieldValue('birthYear') as number | null, sex: getFieldValue('sex') as 'M' | 'F' | null });
                  return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
                },
              }),
            ]}
          >
            <Input aria-label="Số CCCD" placeholder={staff?.cccdMasked ? `${staff.cccdMasked} (để trống: giữ nguyên)` : '12 chữ số'} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="phone"
            label="Điện thoại"
            rules={[{ validator: (_r, value: string | undefined) => (value && value.trim() && phoneProblem(normalisePhone(value)) ? Promise.reject(new Error(phoneProblem(normalisePhone(value))!)) : Promise.resolve()) }]}
          >
            <Input aria-label="Điện thoại" placeholder={staff?.phoneMasked ? `${staff.phoneMasked} (để trống: giữ nguyên)` : '10 chữ số'} autoComplete="off" />
          </Form.Item>
        </div>
        <Form.Item name="communeCodes" label="Xã, phường phụ trách">
          <CommunesSelect ariaLabel="Xã, phường phụ trách" />
        </Form.Item>
        <div className="form-row form-row-3">
          <Form.Item name="trainingDate" label="Ngày tập huấn">
            <DatePicker format={PICKER_FORMAT} placeholder="dd/mm/yyyy" aria-label="Ngày tập huấn" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="cardNo" label="Số thẻ nhân viên thu">
            <Input aria-label="Số thẻ nhân viên thu" />
          </Form.Item>
          <Form.Item name="cardDate" label="Ngày cấp thẻ">
            <DatePicker format={PICKER_FORMAT} placeholder="dd/mm/yyyy" aria-label="Ngày cấp thẻ" style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <div className="form-row form-row-3">
          <Form.Item name="status" label="Trạng thái">
            <Select options={staffStatusOptions} aria-label="Trạng thái" />
          </Form.Item>
          <Form.Item name="joinedOn" label="Vào làm từ">
            <DatePicker format={PICKER_FORMAT} placeholder="dd/mm/yyyy" aria-label="Vào làm từ" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="leftOn" label="Nghỉ từ">
            <DatePicker format={PICKER_FORMAT} placeholder="dd/mm/yyyy" aria-label="Nghỉ từ" style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="note" label="Ghi chú">
          <Input aria-label="Ghi chú" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
