import { App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { AppErrorShape, OfficeDetail, OfficeMembership, Unit } from '../../../../shared/contract';
import { formatDate, viCollator } from '../../../../shared/format/vi';
import { ErrorAlert } from '../../components/ErrorResult';
import { PICKER_FORMAT, dayjsToIso, isoToDayjs, todayDayjs } from '../../format/dates';
import { useOfficesStore } from '../../stores/offices';
import { filterUnitOption, type UnitOption } from './unitOptions';

interface FormValues {
  code: string;
  name: string;
  address?: string;
  phone?: string;
  email?: string;
  headName?: string;
  note?: string;
  validFrom: Dayjs | null;
}

/** Thêm / sửa cơ quan: the code is fixed once created. */
export function OfficeFormModal({ open, office, onClose }: { open: boolean; office: OfficeDetail | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useOfficesStore((s) => s.create);
  const update = useOfficesStore((s) => s.update);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (office) {
      form.setFieldsValue({
        code: office.code, name: office.name, address: office.address ?? '', phone: office.phone ?? '', email: office.email ?? '',
        headName: office.headName ?? '', note: office.note ?? '', validFrom: isoToDayjs(office.validFrom),
      });
    }
  }, [open, office, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const blank = (x: string | undefined) => (x && x.trim() ? x.trim() : null);
    const values = { name: v.name.trim(), address: blank(v.address), phone: blank(v.phone), email: blank(v.email), headName: blank(v.headName), note: blank(v.note), validFrom: dayjsToIso(v.validFrom) };
    setSaving(true);
    const res = office ? await update(office.code, values) : await create(v.code.trim(), values);
    setSaving(false);
    if (!res.ok) {
      setError(res.error);
      const field = res.error.details?.field;
      if (typeof field === 'string' && field in v) form.setFields([{ name: field as keyof FormValues, errors: [res.error.message] }]);
      return;
    }
    void message.success(office ? `Đã lưu ${res.value.name}.` : `Đã thêm ${res.value.name}.`);
    onClose();
  };

  return (
    <Modal
      open={open}
      title={office ? `Sửa thông tin ${office.name}` : 'Thêm cơ quan BHXH cơ sở'}
      okText={office ? 'Lưu' : 'Thêm'}
      cancelText="Hủy"
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      width={620}
      data-testid="office-form"
    >
      {error ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={error} />
        </div>
      ) : null}
      <Form form={form} layout="vertical" requiredMark="optional">
        <div className="form-row">
          <Form.Item
            name="code"
            label="Mã cơ quan"
            style={{ width: 160 }}
            rules={[
              { required: true, message: 'Nhập mã cơ quan' },
              { pattern: /^[0-9A-Za-z._-]{1,20}$/, message: 'Chỉ gồm chữ số, chữ cái, tối đa 20 ký tự' },
            ]}
          >
            <Input disabled={office !== null} aria-label="Mã cơ quan" data-testid="office-code" />
          </Form.Item>
          <Form.Item name="name" label="Tên cơ quan" style={{ flex: 1 }} rules={[{ required: true, min: 3, message: 'Nhập tên cơ quan (ít nhất 3 ký tự)' }]}>
            <Input placeholder="Ví dụ: BHXH cơ sở Hồng Dân" aria-label="Tên cơ quan" data-testid="office-name" />
          </Form.Item>
        </div>
        <Form.Item name="address" label="Địa chỉ trụ sở">
          <Input aria-label="Địa chỉ trụ sở" data-testid="office-address" />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="headName" label="Giám đốc" style={{ flex: 1 }}>
            <Input aria-label="Giám đốc" data-testid="office-head" />
          </Form.Item>
          <Form.Item name="phone" label="Điện thoại" style={{ width: 230 }}>
            <Input aria-label="Điện thoại" />
          </Form.Item>
        </div>
        <div className="form-row">
          <Form.Item name="email" label="Thư điện tử" style={{ flex: 1 }} rules={[{ type: 'email', message: 'Thư điện tử không hợp lệ' }]}>
            <Input aria-label="Thư điện tử" />
          </Form.Item>
          <Form.Item name="validFrom" label="Hoạt động từ ngày" style={{ width: 230 }}>
            <DatePicker format={PICKER_FORMAT} placeholder="dd/mm/yyyy" aria-label="Hoạt động từ ngày" style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea rows={2} aria-label="Ghi chú" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One date, asked in a small dialog (ngừng hoạt động, thôi trực thuộc). */
function DateModal(props: {
  open: boolean;
  title: string;
  label: string;
  help: React.ReactNode;
  okText: string;
  danger?: boolean;
  initial?: string | null;
  allowEmpty?: boolean;
  onSubmit: (date: string | null) => Promise<AppErrorShape | null>;
  onClose: () => void;
  testId: string;
}) {
  const [date, setDate] = useState<Dayjs | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  useEffect(() => {
    if (!props.open) return;
    setError(null);
    setDate(props.initial ? isoToDayjs(props.initial) : todayDayjs());
  }, [props.open, props.initial]);
  const submit = async () => {
    setSaving(true);
    const failure = await props.onSubmit(dayjsToIso(date));
    setSaving(false);
    if (failure) setError(failure);
    else props.onClose();
  };
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText}
      okButtonProps={{ danger: props.danger, disabled: !props.allowEmpty && !date }}
      cancelText="Hủy"
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={props.onClose}
      destroyOnHidden
      data-testid={props.testId}
    >
      {error ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={error} />
        </div>
      ) : null}
      <Typography.Paragraph>{props.help}</Typography.Paragraph>
      <label className="toolbar-field">
        <span>{props.label}</span>
        <DatePicker format={PICKER_FORMAT} placeholder="dd/mm/yyyy" value={date} onChange={setDate} aria-label={props.label} allowClear={props.allowEmpty} />
      </label>
    </Modal>
  );
}

export function CloseOfficeModal({ open, office, onClose }: { open: boolean; office: OfficeDetail; onClose: () => void }) {
  const close = useOfficesStore((s) => s.close);
  const { message } = App.useApp();
  return (
    <DateModal
      open={open}
      testId="office-close"
      title={`Ngừng hoạt động: ${office.name}`}
      label="Hoạt động đến hết ngày"
      okText="Ngừng hoạt động"
      danger
      initial={office.validTo}
      help="Cơ quan vẫn được giữ trong danh mục cùng lịch sử phụ trách. Các xã, phường thôi trực thuộc cơ quan sau ngày này để giao cho cơ quan khác."
      onSubmit={async (date) => {
        const res = await close(office.code, date!);
        if (res.ok) void message.success(`${office.name} ngừng hoạt động sau ngày ${formatDate(date)}.`);
        return res.ok ? null : res.error;
      }}
      onClose={onClose}
    />
  );
}

export function EndMembershipModal({ office, membership, onClose }: { office: OfficeDetail; membership: OfficeMembership | null; onClose: () => void }) {
  const unassign = useOfficesStore((s) => s.unassign);
  const { message } = App.useApp();
  return (
    <DateModal
      open={membership !== null}
      testId="office-unassign"
      title={membership ? `${membership.unitName} thôi trực thuộc ${office.name}` : ''}
      label="Trực thuộc đến hết ngày"
      okText="Lưu"
      allowEmpty
      initial={membership?.validTo ?? null}
      help="Chọn ngày cuối cùng xã, phường còn trực thuộc cơ quan. Để trống ngày nếu phân công này bị nhập nhầm và cần xóa hẳn."
      onSubmit={async (date) => {
        const res = await unassign(office.code, membership!.id, date);
        if (res.ok) void message.success(date ? `${membership!.unitName} thôi trực thuộc sau ngày ${formatDate(date)}.` : `Đã xóa phân công ${membership!.unitName}.`);
        return res.ok ? null : res.error;
      }}
      onClose={onClose}
    />
  );
}

/** Giao xã, phường: communes of the day chosen, from a day (and optionally to one). */
export function AssignModal({ open, office, onClose }: { open: boolean; office: OfficeDetail; onClose: () => void }) {
  const assign = useOfficesStore((s) => s.assign);
  const communesOn = useOfficesStore((s) => s.communesOn);
  const { message } = App.useApp();
  const [from, setFrom] = useState<Dayjs | null>(null);
  const [to, setTo] = useState<Dayjs | null>(null);
  const [codes, setCodes] = useState<string[]>([]);
  const [communes, setCommunes] = useState<Unit[]>([]);
  const [loading, setLoading] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    if (!open) return;
    setError(null);
    setCodes([]);
    setTo(null);
    setFrom(isoToDayjs(office.validFrom) ?? todayDayjs());
  }, [open, office.validFrom]);

  const day = dayjsToIso(from);
  useEffect(() => {
    if (!open) return;
    let live = true;
    setLoading(true);
    void communesOn(day).then((res) => {
      if (!live) return;
      setLoading(false);
      if (res.ok) setCommunes(res.value);
      else setError(res.error);
    });
    return () => {
      live = false;
    };
  }, [open, day, communesOn]);

  // Communes only: "Tên (mã)", ended ones with their last day.
  const options = useMemo<UnitOption[]>(
    () =>
      [...communes]
        .sort((a, b) => viCollator.compare(a.name, b.name))
        .map((u) => ({ value: u.code, label: `${u.name} (${u.code})${u.validTo ? ` · đến ${formatDate(u.validTo)}` : ''}`, search: `${u.name} ${u.code}` })),
    [communes],
  );

  const submit = async () => {
    setSaving(true);
    const res = await assign(office.code, codes, day, dayjsToIso(to));
    setSaving(false);
    if (!res.ok) {
      setError(res.error);
      return;
    }
    void message.success(`Đã giao ${codes.length} xã, phường cho ${office.name}.`);
    onClose();
  };

  return (
    <Modal
      open={open}
      title={`Giao xã, phường cho ${office.name}`}
      okText="Giao"
      cancelText="Hủy"
      okButtonProps={{ disabled: codes.length === 0 }}
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      data-testid="office-assign"
    >
      {error ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={error} />
        </div>
      ) : null}
      <Typography.Paragraph type="secondary">
        Mỗi xã, phường chỉ thuộc một cơ quan BHXH cơ sở vào mỗi ngày. Khi chuyển xã sang cơ quan khác, hãy cho xã thôi trực thuộc cơ quan cũ trước
        ngày bắt đầu ở đây.
      </Typography.Paragraph>
      <div className="form-row">
        <label className="toolbar-field">
          <span>Từ ngày</span>
          <DatePicker format={PICKER_FORMAT} placeholder="dd/mm/yyyy" value={from} onChange={setFrom} aria-label="Từ ngày" data-testid="assign-from" />
        </label>
        <label className="toolbar-field">
          <span>Đến ngày</span>
          <DatePicker format={PICKER_FORMAT} placeholder="không giới hạn" value={to} onChange={setTo} aria-label="Đến ngày" />
        </label>
      </div>
      <div style={{ marginTop: 12 }}>
        <Select
          mode="multiple"
          style={{ width: '100%' }}
          placeholder={day ? `Chọn xã, phường có hiệu lực ngày ${formatDate(day)}` : 'Chọn xã, phường'}
          options={options}
          value={codes}
          onChange={setCodes}
          loading={loading}
          showSearch={{ filterOption: filterUnitOption }}
          aria-label="Xã, phường"
          data-testid="assign-units"
          maxTagCount="responsive"
        />
      </div>
    </Modal>
  );
}
