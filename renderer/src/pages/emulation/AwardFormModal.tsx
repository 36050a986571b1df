import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { AppErrorShape, Award } from '../../../../shared/contract';
import { AWARD_KIND_LABELS, AWARD_KINDS, EMULATION_LEVEL_LABELS, EMULATION_LEVELS, type AwardKind, type EmulationLevel } from '../../../../shared/domain/emulation';
import { formatMoney } from '../../../../shared/format/vi';
import { ErrorAlert } from '../../components/ErrorResult';
import { PICKER_FORMAT, dayjsToIso, isoToDayjs, todayDayjs } from '../../format/dates';
import { useAwardsStore } from '../../stores/emulationAwards';
import { useNetworkShared } from '../../stores/networkShared';
import { blank, showFieldError } from '../network/formErrors';
import { OfficeSelect } from '../network/NetworkSelects';

interface FormValues {
  recipientLevel: EmulationLevel;
  recipientCode?: string | null;
  recipientName: string;
  kind: AwardKind | null;
  title: string;
  decisionNo: string;
  decisionDate: Dayjs | null;
  amount: number | null;
  period?: string;
  note?: string;
}

const FIELDS = ['recipientLevel', 'recipientCode', 'recipientName', 'kind', 'title', 'decisionNo', 'decisionDate', 'amount', 'period', 'note'];
const thousands = (v: number | string | undefined) => (v === undefined || v === '' ? '' : String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '.'));

/** Ghi một lượt khen thưởng (giấy khen, bằng khen …) hoặc sửa, xóa lượt đã ghi. */
export function AwardFormModal({ open, award, onClose }: { open: boolean; award: Award | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const save = useAwardsStore((s) => s.save);
  const remove = useAwardsStore((s) => s.remove);
  const offices = useNetworkShared((s) => s.offices);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const level = Form.useWatch('recipientLevel', form) ?? 'unit';

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (award)
      form.setFieldsValue({
        recipientLevel: award.recipientLevel, recipientCode: award.recipientCode, recipientName: award.recipientName, kind: award.kind, title: award.title,
        decisionNo: award.decisionNo, decisionDate: isoToDayjs(award.decisionDate), amount: award.amount, period: award.period ?? '', note: award.note ?? '',
      });
    else form.setFieldsValue({ recipientLevel: 'unit', decisionDate: todayDayjs(), amount: 0, kind: 'GIAY_KHEN' });
  }, [open, award, form]);

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    const res = await save({
      ...(award ? { id: award.id } : {}),
      recipientLevel: v.recipientLevel,
      recipientCode: blank(v.recipientCode),
      recipientName: v.recipientName.trim(),
      kind: v.kind!,
      title: v.title.trim(),
      decisionNo: v.decisionNo.trim(),
      decisionDate: dayjsToIso(v.decisionDate)!,
      amount: v.amount ?? 0,
      period: blank(v.period),
      note: blank(v.note),
    });
    setSaving(false);
    if (!res.ok) {
      setError(showFieldError(form, res.error, FIELDS) ? null : res.error);
      return;
    }
    void message.success(`Đã ghi ${AWARD_KIND_LABELS[res.value.kind].toLocaleLowerCase('vi')} cho ${res.value.recipientName} (${formatMoney(res.value.amount)}).`);
    onClose();
  };

  const del = async () => {
    if (!award) return;
    const res = await remove(award.id);
    if (!res.ok) setError(res.error);
    else {
      void message.success(`Đã xóa khen thưởng của ${award.recipientName}.`);
      onClose();
    }
  };

  return (
    <Modal
      open={open}
      title={award ? `Sửa khen thưởng — ${award.recipientName}` : 'Ghi khen thưởng'}
      onCancel={onClose}
      destroyOnHidden
      width={720}
      data-testid="award-form"
      footer={[
        award ? (
          <Popconfirm key="delete" title="Xóa lượt khen thưởng này?" okText="Xóa" cancelText="Không" onConfirm={() => void del()}>
            <Button danger style={{ float: 'left' }}>
              Xóa
            </Button>
          </Popconfirm>
        ) : null,
        <Button key="cancel" onClick={onClose}>
          Hủy
        </Button>,
        <Button key="ok" type="primary" loading={saving} onClick={() => void submit()}>
          Lưu
        </Button>,
      ]}
    >
      {error ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={error} />
        </div>
      ) : null}
      <Form form={form} name="award" layout="vertical" requiredMark="optional">
        <div className="form-row">
          <Form.Item name="recipientLevel" label="Đối tượng" rules={[{ required: true }]}>
            <Select<EmulationLevel> options={EMULATION_LEVELS.map((l) => ({ value: l, label: EMULATION_LEVEL_LABELS[l] }))} aria-label="Đối tượng khen thưởng" onChange={() => form.setFieldsValue({ recipientCode: null })} />
          </Form.Item>
          <Form.Item name="recipientCode" label={level === 'unit' ? 'BHXH cơ sở' : 'Mã (nếu có)'}>
            {level === 'unit' ? (
              <OfficeSelect
                width="100%"
                placeholder="Chọn đơn vị"
                ariaLabel="BHXH cơ sở được khen"
                onChange={(code) => {
                  const office = offices.find((o) => o.code === code);
                  if (office) form.setFieldsValue({ recipientName: office.name });
                }}
              />
            ) : (
              <Input aria-label="Mã người hoặc tổ chức được khen" placeholder={level === 'staff' ? 'Mã nhân viên thu' : 'Mã tổ chức dịch vụ thu'} />
            )}
          </Form.Item>
        </div>
        <Form.Item name="recipientName" label="Tên tập thể, cá nhân được khen" rules={[{ required: true, min: 2, message: 'Ghi tên người hoặc đơn vị được khen' }]}>
          <Input aria-label="Tên tập thể, cá nhân được khen" />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="kind" label="Hình thức" rules={[{ required: true, message: 'Chọn hình thức khen thưởng' }]}>
            <Select<AwardKind> options={AWARD_KINDS.map((k) => ({ value: k, label: AWARD_KIND_LABELS[k] }))} aria-label="Hình thức khen thưởng" />
          </Form.Item>
          <Form.Item name="period" label="Kỳ thi đua" rules={[{ pattern: /^\d{4}(-[Qq][1-4])?$/, message: 'Ghi năm (2026) hoặc quý (2026-Q3)' }]}>
            <Input aria-label="Kỳ thi đua" placeholder="2026 hoặc 2026-Q3" />
          </Form.Item>
        </div>
        <Form.Item name="title" label="Danh hiệu, nội dung khen thưởng" rules={[{ required: true, min: 3, message: 'Ghi danh hiệu hoặc nội dung khen thưởng' }]}>
          <Input aria-label="Danh hiệu, nội dung khen thưởng" placeholder="Ví dụ: Tập thể hoàn thành xuất sắc nhiệm vụ năm 2026" />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="decisionNo" label="Số quyết định" rules={[{ required: true, min: 3, message: 'Ghi số quyết định' }]}>
            <Input aria-label="Số quyết định" placeholder="Ví dụ: 210/QĐ-BHXH" />
          </Form.Item>
          <Form.Item name="decisionDate" label="Ngày quyết định" rules={[{ required: true, message: 'Chọn ngày quyết định' }]}>
            <DatePicker format={PICKER_FORMAT} placeholder="dd/mm/yyyy" aria-label="Ngày quyết định" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="amount" label="Số tiền thưởng (đồng)" rules={[{ required: true, type: 'number', min: 0, message: 'Ghi số tiền (0 nếu không có)' }]}>
            <InputNumber<number>
              min={0}
              precision={0}
              formatter={thousands}
              parser={(t) => Number((t ?? '').replace(/\D/g, '') || 0)}
              style={{ width: '100%' }}
              aria-label="Số tiền thưởng"
            />
          </Form.Item>
        </div>
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea rows={2} aria-label="Ghi chú" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
