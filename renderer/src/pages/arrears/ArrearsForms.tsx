import { App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { AppErrorShape, ArrearsPromise, Employer, EmployerDetail, Result } from '../../../../shared/contract';
import { type ArrearsActionKind, type EmployerKind, type EmployerStatus } from '../../../../shared/domain/arrears';
import { formatDate, formatMoney } from '../../../../shared/format/vi';
import { CountInput } from '../../components/CountInput';
import { ErrorAlert } from '../../components/ErrorResult';
import { PICKER_FORMAT, dayjsToIso, isoToDayjs, todayDayjs } from '../../format/dates';
import { useArrearsStore } from '../../stores/arrears';
import { blank, showFieldError } from '../network/formErrors';
import { CommuneSelect, OfficeSelect } from '../network/NetworkSelects';
import { actionKindOptions, kindOptions, statusOptions } from './arrearsLabels';

/** The shared frame of the arrears forms: validate, save, show a field's or the whole error, close on success. */
function useSave<V>(open: boolean, fields: readonly string[], init: (form: ReturnType<typeof Form.useForm<V>>[0]) => void) {
  const [form] = Form.useForm<V>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    init(form);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);
  const run = async (write: (v: V) => Promise<Result<EmployerDetail>>, done: (d: EmployerDetail) => void) => {
    const v = await form.validateFields();
    setSaving(true);
    const res = await write(v);
    setSaving(false);
    if (!res.ok) {
      setError(showFieldError(form, res.error, fields) ? null : res.error);
      return;
    }
    done(res.value);
  };
  const errorBox = error ? (
    <div style={{ marginBottom: 12 }}>
      <ErrorAlert error={error} />
    </div>
  ) : null;
  return { form, saving, run, errorBox };
}

interface EmployerValues {
  code: string;
  name: string;
  taxCode?: string;
  kind: EmployerKind;
  address?: string;
  unitCode: string | null;
  officeCode: string | null;
  workers: number | null;
  status: EmployerStatus;
}
const EMPLOYER_FIELDS = ['code', 'name', 'taxCode', 'kind', 'address', 'unitCode', 'officeCode', 'workers', 'status'];

/** "Thêm đơn vị" / "Sửa": an employer's identity, office, commune and status. */
export function EmployerFormModal({ open, employer, onClose, onSaved }: { open: boolean; employer: Employer | null; onClose: () => void; onSaved: (id: number) => void }) {
  const { message } = App.useApp();
  const saveEmployer = useArrearsStore((s) => s.saveEmployer);
  const { form, saving, run, errorBox } = useSave<EmployerValues>(open, EMPLOYER_FIELDS, (f) => {
    if (employer)
      f.setFieldsValue({
        code: employer.code, name: employer.name, taxCode: employer.taxCode ?? '', kind: employer.kind, address: employer.address ?? '',
        unitCode: employer.unitCode, officeCode: employer.officeCode, workers: employer.workers, status: employer.status,
      });
    else f.setFieldsValue({ status: 'ACTIVE', kind: 'ENTERPRISE', unitCode: null, officeCode: null, workers: null });
  });
  const submit = () =>
    run(
      (v) =>
        saveEmployer({
          ...(employer ? { id: employer.id } : {}),
          code: v.code.trim(),
          name: v.name.trim(),
          taxCode: blank(v.taxCode),
          kind: v.kind,
          address: blank(v.address),
          unitCode: v.unitCode ?? null,
          officeCode: v.officeCode ?? null,
          workers: v.workers ?? null,
          status: v.status,
        }),
      (d) => {
        void message.success(`Đã lưu đơn vị ${d.employer.name}.`);
        onClose();
        onSaved(d.employer.id);
      },
    );
  return (
    <Modal
      open={open}
      title={employer ? `Sửa đơn vị ${employer.name}` : 'Thêm đơn vị sử dụng lao động'}
      okText="Lưu"
      cancelText="Hủy"
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      width={720}
      data-testid="employer-form"
    >
      {errorBox}
      <Form form={form} name="employer" layout="vertical" requiredMark="optional">
        <div className="form-row form-row-3">
          <Form.Item name="code" label="Mã đơn vị" rules={[{ required: true, message: 'Nhập mã đơn vị' }]}>
            <Input aria-label="Mã đơn vị" maxLength={30} />
          </Form.Item>
          <Form.Item name="taxCode" label="Mã số thuế">
            <Input aria-label="Mã số thuế" maxLength={14} placeholder="10 chữ số" />
          </Form.Item>
          <Form.Item name="workers" label="Số lao động">
            <CountInput ariaLabel="Số lao động" max={1_000_000} />
          </Form.Item>
        </div>
        <Form.Item name="name" label="Tên đơn vị" rules={[{ required: true, min: 3, message: 'Nhập tên đơn vị' }]}>
          <Input aria-label="Tên đơn vị" maxLength={300} />
        </Form.Item>
        <Form.Item name="address" label="Địa chỉ">
          <Input aria-label="Địa chỉ" maxLength={300} />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="kind" label="Loại hình" rules={[{ required: true, message: 'Chọn loại hình' }]}>
            <Select options={kindOptions} aria-label="Loại hình" />
          </Form.Item>
          <Form.Item name="status" label="Tình trạng" rules={[{ required: true, message: 'Chọn tình trạng' }]}>
            <Select options={statusOptions} aria-label="Tình trạng" />
          </Form.Item>
        </div>
        <div className="form-row">
          <Form.Item name="officeCode" label="BHXH cơ sở quản lý">
            <OfficeSelect width="100%" placeholder="Chọn BHXH cơ sở" />
          </Form.Item>
          <Form.Item name="unitCode" label="Xã, phường">
            <CommuneSelect width="100%" placeholder="Chọn xã, phường" />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}

interface ActionValues {
  kind: ArrearsActionKind;
  actedOn: Dayjs | null;
  docNumber?: string;
  officer?: string;
  note?: string;
  amountRecovered: number | null;
}

/** "Ghi nhận đôn đốc": a reminder letter, a call, a meeting, a referral…, with what it recovered. */
export function ActionFormModal({ open, employer, onClose }: { open: boolean; employer: Employer; onClose: () => void }) {
  const { message } = App.useApp();
  const logAction = useArrearsStore((s) => s.logAction);
  const { form, saving, run, errorBox } = useSave<ActionValues>(open, ['kind', 'actedOn', 'docNumber', 'officer', 'note', 'amountRecovered'], (f) =>
    f.setFieldsValue({ kind: 'REMINDER_LETTER', actedOn: todayDayjs(), amountRecovered: null }),
  );
  const submit = () =>
    run(
      (v) =>
        logAction({
          employerId: employer.id,
          kind: v.kind,
          actedOn: dayjsToIso(v.actedOn)!,
          docNumber: blank(v.docNumber),
          officer: blank(v.officer),
          note: blank(v.note),
          amountRecovered: v.amountRecovered ?? null,
        }),
      () => {
        void message.success(`Đã ghi nhận đôn đốc ${employer.name}.`);
        onClose();
      },
    );
  return (
    <Modal
      open={open}
      title={`Ghi nhận đôn đốc — ${employer.name}`}
      okText="Lưu"
      cancelText="Hủy"
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      data-testid="action-form"
    >
      {errorBox}
      <Form form={form} name="arrears-action" layout="vertical" requiredMark="optional">
        <div className="form-row">
          <Form.Item name="kind" label="Hình thức" rules={[{ required: true, message: 'Chọn hình thức đôn đốc' }]}>
            <Select options={actionKindOptions} aria-label="Hình thức đôn đốc" data-testid="action-kind" />
          </Form.Item>
          <Form.Item name="actedOn" label="Ngày" rules={[{ required: true, message: 'Chọn ngày' }]}>
            <DatePicker format={PICKER_FORMAT} placeholder="dd/mm/yyyy" aria-label="Ngày đôn đốc" style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <div className="form-row">
          <Form.Item name="docNumber" label="Số văn bản">
            <Input aria-label="Số văn bản" maxLength={100} placeholder="VD: 125/BHXH-QLT" />
          </Form.Item>
          <Form.Item name="officer" label="Cán bộ thực hiện">
            <Input aria-label="Cán bộ thực hiện" maxLength={100} />
          </Form.Item>
        </div>
        <Form.Item name="amountRecovered" label="Số tiền thu hồi được">
          <CountInput ariaLabel="Số tiền thu hồi được" suffix="đ" testId="action-amount" />
        </Form.Item>
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea rows={2} maxLength={1000} aria-label="Ghi chú" placeholder="Nội dung làm việc, cam kết của đơn vị…" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface PromiseValues {
  promisedOn: Dayjs | null;
  amount: number | null;
  note?: string;
}

/** "Hẹn trả nợ": the day and amount the employer commits to pay. */
export function PromiseFormModal({ open, employer, onClose }: { open: boolean; employer: Employer; onClose: () => void }) {
  const { message } = App.useApp();
  const savePromise = useArrearsStore((s) => s.savePromise);
  const { form, saving, run, errorBox } = useSave<PromiseValues>(open, ['promisedOn', 'amount', 'note'], (f) => f.setFieldsValue({ promisedOn: todayDayjs().add(30, 'day'), amount: null }));
  const submit = () =>
    run(
      (v) => savePromise({ employerId: employer.id, promisedOn: dayjsToIso(v.promisedOn)!, amount: v.amount ?? 0, note: blank(v.note) }),
      () => {
        void message.success(`Đã ghi hẹn trả nợ của ${employer.name}.`);
        onClose();
      },
    );
  return (
    <Modal
      open={open}
      title={`Hẹn trả nợ — ${employer.name}`}
      okText="Lưu"
      cancelText="Hủy"
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      width={560}
      data-testid="promise-form"
    >
      {errorBox}
      <Form form={form} name="arrears-promise" layout="vertical" requiredMark="optional">
        <div className="form-row">
          <Form.Item name="promisedOn" label="Ngày hẹn trả" rules={[{ required: true, message: 'Chọn ngày hẹn trả' }]}>
            <DatePicker format={PICKER_FORMAT} placeholder="dd/mm/yyyy" aria-label="Ngày hẹn trả" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="amount" label="Số tiền cam kết" rules={[{ required: true, message: 'Nhập số tiền cam kết' }]}>
            <CountInput ariaLabel="Số tiền cam kết" suffix="đ" testId="promise-amount" />
          </Form.Item>
        </div>
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea rows={2} maxLength={1000} aria-label="Ghi chú hẹn trả" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface SettleValues {
  status: 'KEPT' | 'BROKEN';
  settledOn: Dayjs | null;
  settledAmount: number | null;
  note?: string;
}

/** Closes a pending promise: kept (with the amount paid) or broken. */
export function SettlePromiseModal({ promise, onClose }: { promise: ArrearsPromise | null; onClose: () => void }) {
  const { message } = App.useApp();
  const settle = useArrearsStore((s) => s.settlePromise);
  const open = promise !== null;
  const { form, saving, run, errorBox } = useSave<SettleValues>(open, ['status', 'settledOn', 'settledAmount', 'note'], (f) =>
    f.setFieldsValue({ status: 'KEPT', settledOn: todayDayjs(), settledAmount: promise?.amount ?? null }),
  );
  const submit = () =>
    run(
      (v) => settle({ id: promise!.id, status: v.status, settledOn: dayjsToIso(v.settledOn)!, settledAmount: v.status === 'KEPT' ? v.settledAmount ?? null : null, note: blank(v.note) }),
      () => {
        void message.success('Đã ghi kết quả hẹn trả nợ.');
        onClose();
      },
    );
  return (
    <Modal
      open={open}
      title={promise ? `Kết quả hẹn trả ngày ${formatDate(promise.promisedOn)} (${formatMoney(promise.amount)})` : ''}
      okText="Lưu"
      cancelText="Hủy"
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      width={560}
      data-testid="settle-form"
    >
      {errorBox}
      <Form form={form} name="arrears-settle" layout="vertical" requiredMark="optional">
        <Form.Item name="status" label="Kết quả" rules={[{ required: true, message: 'Chọn kết quả' }]}>
          <Radio.Group
            options={[
              { value: 'KEPT', label: 'Đơn vị đã trả' },
              { value: 'BROKEN', label: 'Không thực hiện' },
            ]}
            aria-label="Kết quả hẹn trả"
          />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="settledOn" label="Ngày" rules={[{ required: true, message: 'Chọn ngày' }]}>
            <DatePicker format={PICKER_FORMAT} placeholder="dd/mm/yyyy" aria-label="Ngày ghi kết quả" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.status !== b.status}>
            {({ getFieldValue }) =>
              getFieldValue('status') === 'KEPT' ? (
                <Form.Item name="settledAmount" label="Số tiền đã trả">
                  <CountInput ariaLabel="Số tiền đã trả" suffix="đ" />
                </Form.Item>
              ) : null
            }
          </Form.Item>
        </div>
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea rows={2} maxLength={1000} aria-label="Ghi chú kết quả" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface TargetValues {
  officeCode: string | null;
  validFrom: Dayjs | null;
  ratio: number | null;
  source?: string;
  note?: string;
}

/** A dated ratio target for an office (or the province). */
export function TargetFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const saveTarget = useArrearsStore((s) => s.saveTarget);
  const [form] = Form.useForm<TargetValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue({ officeCode: null, validFrom: isoToDayjs(`${todayDayjs().year()}-01-01`), ratio: null });
  }, [open, form]);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    const res = await saveTarget({ officeCode: v.officeCode ?? null, validFrom: dayjsToIso(v.validFrom)!, ratio: v.ratio ?? 0, source: blank(v.source), note: blank(v.note) });
    setSaving(false);
    if (!res.ok) {
      setError(showFieldError(form, res.error, ['officeCode', 'validFrom', 'ratio', 'source', 'note']) ? null : res.error);
      return;
    }
    void message.success('Đã lưu chỉ tiêu tỷ lệ nợ.');
    onClose();
  };
  return (
    <Modal open={open} title="Giao chỉ tiêu tỷ lệ nợ" okText="Lưu" cancelText="Hủy" onOk={() => void submit()} confirmLoading={saving} onCancel={onClose} destroyOnHidden width={600} data-testid="target-form">
      {error ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={error} />
        </div>
      ) : null}
      <Form form={form} name="arrears-target" layout="vertical" requiredMark="optional">
        <Form.Item name="officeCode" label="Áp dụng cho" extra="Để trống: chỉ tiêu chung của tỉnh (BHXH cơ sở chưa có chỉ tiêu riêng theo chỉ tiêu này).">
          <OfficeSelect width="100%" placeholder="Toàn tỉnh" />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="validFrom" label="Áp dụng từ ngày" rules={[{ required: true, message: 'Chọn ngày áp dụng' }]}>
            <DatePicker format={PICKER_FORMAT} placeholder="dd/mm/yyyy" aria-label="Áp dụng từ ngày" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="ratio" label="Tỷ lệ nợ tối đa" rules={[{ required: true, message: 'Nhập tỷ lệ' }]}>
            <InputNumber<number> min={0} max={100} step={0.1} precision={2} decimalSeparator="," suffix="%" aria-label="Tỷ lệ nợ tối đa" style={{ width: '100%' }} data-testid="target-ratio" />
          </Form.Item>
        </div>
        <Form.Item name="source" label="Căn cứ">
          <Input maxLength={300} aria-label="Căn cứ" placeholder="VD: Quyết định số 15/QĐ-BHXH ngày 05/01/2026" />
        </Form.Item>
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea rows={2} maxLength={1000} aria-label="Ghi chú chỉ tiêu" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

