import { App, Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { AgentDetail, AppErrorShape } from '../../../../shared/contract';
import type { AgentKind, AgentProduct, AgentStatus } from '../../../../shared/domain/network';
import { ErrorAlert } from '../../components/ErrorResult';
import { PICKER_FORMAT, dayjsToIso, isoToDayjs } from '../../format/dates';
import { useAgentsStore } from '../../stores/networkAgents';
import { blank, showFieldError } from './formErrors';
import { agentStatusOptions, kindOptions, productOptions } from './networkLabels';
import { CommunesSelect, OfficeSelect } from './NetworkSelects';

interface FormValues {
  code: string;
  name: string;
  kind?: AgentKind;
  product: AgentProduct;
  contractNo?: string;
  signedOn: Dayjs | null;
  expiresOn: Dayjs | null;
  officeCode: string | null;
  status: AgentStatus;
  allCommunes: boolean;
  communeCodes: string[];
  address?: string;
  phone?: string;
  representative?: string;
  note?: string;
}

const FIELDS = ['code', 'name', 'kind', 'product', 'contractNo', 'signedOn', 'expiresOn', 'officeCode', 'status', 'allCommunes', 'communeCodes', 'address', 'phone', 'representative', 'note'];

/** Thêm / sửa tổ chức dịch vụ thu: the code is fixed once created; the server's checks land on their fields. */
export function AgentFormModal({ open, agent, onClose }: { open: boolean; agent: AgentDetail | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useAgentsStore((s) => s.create);
  const update = useAgentsStore((s) => s.update);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const allCommunes = Form.useWatch('allCommunes', form);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (agent)
      form.setFieldsValue({
        code: agent.code, name: agent.name, kind: agent.kind, product: agent.product, contractNo: agent.contractNo ?? '', signedOn: isoToDayjs(agent.signedOn),
        expiresOn: isoToDayjs(agent.expiresOn), officeCode: agent.officeCode, status: agent.status, allCommunes: agent.allCommunes,
        communeCodes: agent.communes.map((c) => c.code), address: agent.address ?? '', phone: agent.phone ?? '', representative: agent.representative ?? '', note: agent.note ?? '',
      });
  }, [open, agent, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const values = {
      name: v.name.trim(), kind: v.kind!, product: v.product, contractNo: blank(v.contractNo), signedOn: dayjsToIso(v.signedOn), expiresOn: dayjsToIso(v.expiresOn),
      officeCode: v.officeCode ?? null, status: v.status, allCommunes: v.allCommunes, communeCodes: v.allCommunes ? [] : v.communeCodes ?? [],
      address: blank(v.address), phone: blank(v.phone), representative: blank(v.representative), note: blank(v.note),
    };
    setSaving(true);
    const res = agent ? await update(agent.code, values) : await create(v.code.trim(), values);
    setSaving(false);
    if (!res.ok) {
      setError(showFieldError(form, res.error, FIELDS) ? null : res.error);
      return;
    }
    void message.success(agent ? `Đã lưu ${res.value.name}.` : `Đã thêm ${res.value.name}.`);
    onClose();
  };

  return (
    <Modal
      open={open}
      title={agent ? `Sửa thông tin ${agent.name}` : 'Thêm tổ chức dịch vụ thu'}
      okText={agent ? 'Lưu' : 'Thêm'}
      cancelText="Hủy"
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      width={760}
      style={{ top: 16 }}
      data-testid="agent-form"
    >
      {error ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={error} />
        </div>
      ) : null}
      <Form form={form} name="agent" layout="vertical" requiredMark="optional" initialValues={{ product: 'ALL', status: 'active', allCommunes: false, communeCodes: [], officeCode: null, signedOn: null, expiresOn: null }}>
        <div className="form-row form-row-3">
          <Form.Item name="code" label="Mã đại lý" rules={[{ required: true, message: 'Nhập mã đại lý' }, { pattern: /^[0-9A-Za-z._-]{1,30}$/, message: 'Chỉ gồm chữ số, chữ cái, dấu chấm, gạch; tối đa 30 ký tự' }]}>
            <Input disabled={agent !== null} aria-label="Mã đại lý" data-testid="agent-code" />
          </Form.Item>
          <Form.Item name="kind" label="Loại tổ chức" rules={[{ required: true, message: 'Chọn loại tổ chức' }]}>
            <Select options={kindOptions} aria-label="Loại tổ chức" placeholder="Chọn loại" data-testid="agent-kind" />
          </Form.Item>
          <Form.Item name="product" label="Thu cho">
            <Select options={productOptions} aria-label="Thu cho" />
          </Form.Item>
        </div>
        <Form.Item name="name" label="Tên tổ chức dịch vụ thu" rules={[{ required: true, min: 3, message: 'Nhập tên (ít nhất 3 ký tự)' }]}>
          <Input placeholder="Ví dụ: Bưu điện huyện Hồng Dân" aria-label="Tên tổ chức dịch vụ thu" data-testid="agent-name" />
        </Form.Item>
        <div className="form-row form-row-3">
          <Form.Item name="contractNo" label="Số hợp đồng">
            <Input aria-label="Số hợp đồng" />
          </Form.Item>
          <Form.Item name="signedOn" label="Ngày ký">
            <DatePicker format={PICKER_FORMAT} placeholder="dd/mm/yyyy" aria-label="Ngày ký" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="expiresOn" label="Ngày hết hạn">
            <DatePicker format={PICKER_FORMAT} placeholder="dd/mm/yyyy" aria-label="Ngày hết hạn" style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <div className="form-row">
          <Form.Item name="officeCode" label="BHXH cơ sở ký hợp đồng">
            <OfficeSelect width="100%" placeholder="Chọn cơ quan" ariaLabel="BHXH cơ sở ký hợp đồng" testId="agent-office" />
          </Form.Item>
          <Form.Item name="status" label="Trạng thái">
            <Select options={agentStatusOptions} aria-label="Trạng thái" />
          </Form.Item>
        </div>
        <Form.Item label="Xã, phường phục vụ">
          <div className="communes-field">
            <Form.Item name="allCommunes" valuePropName="checked" noStyle>
              <Checkbox>Tất cả các xã, phường của cơ quan</Checkbox>
            </Form.Item>
            {!allCommunes ? (
              <Form.Item name="communeCodes" noStyle>
                <CommunesSelect ariaLabel="Xã, phường phục vụ" />
              </Form.Item>
            ) : null}
          </div>
        </Form.Item>
        <div className="form-row form-row-3">
          <Form.Item name="representative" label="Người đại diện">
            <Input aria-label="Người đại diện" />
          </Form.Item>
          <Form.Item name="phone" label="Điện thoại">
            <Input aria-label="Điện thoại" />
          </Form.Item>
          <Form.Item name="address" label="Địa chỉ">
            <Input aria-label="Địa chỉ" />
          </Form.Item>
        </div>
        <Form.Item name="note" label="Ghi chú">
          <Input aria-label="Ghi chú" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
