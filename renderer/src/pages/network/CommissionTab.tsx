import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { AppErrorShape, CommissionRateRow } from '../../../../shared/contract';
import { COMMISSION_BASIS_LABELS, COMMISSION_PRODUCTS, type CommissionBasis, type CommissionProduct } from '../../../../shared/domain/network';
import { formatDate, formatMoney, formatPercent } from '../../../../shared/format/vi';
import { parseViCount, parseViPercent } from '../../../../shared/format/viNumber';
import { ErrorAlert } from '../../components/ErrorResult';
import { PICKER_FORMAT, dayjsToIso } from '../../format/dates';
import { useNetworkSettings } from '../../stores/networkSettings';
import { blank, showFieldError } from './formErrors';

const productOptions = (Object.keys(COMMISSION_PRODUCTS) as CommissionProduct[]).map((p) => ({ value: p, label: COMMISSION_PRODUCTS[p].label }));
const basisOptions = (Object.keys(COMMISSION_BASIS_LABELS) as CommissionBasis[]).map((b) => ({ value: b, label: COMMISSION_BASIS_LABELS[b] }));

export function formatRate(basis: CommissionBasis, value: number): string {
  return basis === 'percent' ? `${formatPercent(value)} số tiền thu` : `${formatMoney(value)}/người tăng mới`;
}

interface RateValues {
  product: CommissionProduct;
  basis: CommissionBasis;
  value: string;
  validFrom: Dayjs | null;
  legalSource?: string;
  note?: string;
}

function InactiveMonths() {
  const { message } = App.useApp();
  const months = useNetworkSettings((s) => s.inactiveMonths);
  const save = useNetworkSettings((s) => s.setInactiveMonths);
  const [value, setValue] = useState<number | null>(months);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setValue(months), [months]);
  return (
    <Card size="small" className="section-card" title="Đánh dấu nhân viên không hoạt động">
      <div className="toolbar">
        <label className="toolbar-field">
          <span>Không có người tham gia mới trong</span>
          <InputNumber<number> min={1} max={24} value={value} onChange={setValue} aria-label="Số tháng không hoạt động" data-testid="inactive-months" style={{ width: 80 }} status={error ? 'error' : undefined} />
          <span>tháng liền</span>
        </label>
        <Button
          type="primary"
          disabled={value === null || value === months}
          data-testid="inactive-months-save"
          onClick={() =>
            void save(value!).then((res) => {
              setError(res.ok ? null : res.error.message);
              if (res.ok) void message.success(`Nhân viên không có người tham gia mới trong ${value} tháng sẽ bị đánh dấu “Không hoạt động”.`);
            })
          }
        >
          Lưu
        </Button>
      </div>
      {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
    </Card>
  );
}

/** Thù lao: the dated commission rates (a new rate keeps the old one for earlier months) and the inactive rule. */
export function CommissionTab() {
  const { message } = App.useApp();
  const s = useNetworkSettings();
  const [form] = Form.useForm<RateValues>();
  const basis = Form.useWatch('basis', form);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    void s.load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const submit = async () => {
    const v = await form.validateFields();
    const parsed = v.basis === 'percent' ? parseViPercent(v.value) : parseViCount(v.value);
    if (!parsed.ok || parsed.value === null) {
      form.setFields([{ name: 'value', errors: [parsed.ok ? 'Nhập mức thù lao' : parsed.message] }]);
      return;
    }
    setSaving(true);
    const res = await s.addRate({ product: v.product, basis: v.basis, value: parsed.value, validFrom: dayjsToIso(v.validFrom)!, legalSource: blank(v.legalSource), note: blank(v.note) });
    setSaving(false);
    if (!res.ok) {
      setError(showFieldError(form, res.error, ['product', 'basis', 'value', 'validFrom', 'legalSource', 'note']) ? null : res.error);
      return;
    }
    setError(null);
    form.resetFields(['value', 'validFrom', 'legalSource', 'note']);
    void message.success('Đã thêm mức thù lao mới.');
  };

  return (
    <div className="network-tab network-settings" data-testid="commission-tab">
      {s.error ? <ErrorAlert error={s.error} /> : null}
      <Card size="small" className="section-card" title="Mức thù lao theo thời gian">
        <Table<CommissionRateRow>
          size="small"
          rowKey="id"
          loading={s.loading}
          dataSource={s.rates}
          pagination={false}
          data-testid="commission-rates"
          locale={{ emptyText: 'Chưa có mức thù lao nào: thù lao được tính bằng 0 đ.' }}
          columns={[
            { title: 'Sản phẩm', dataIndex: 'product', width: 170, render: (p: CommissionProduct) => COMMISSION_PRODUCTS[p].label },
            { title: 'Mức', key: 'value', width: 230, render: (_: unknown, r) => formatRate(r.basis, r.value) },
            { title: 'Áp dụng từ', dataIndex: 'validFrom', width: 110, render: (v: string) => formatDate(v) },
            { title: 'Căn cứ', dataIndex: 'legalSource', ellipsis: true, render: (v: string | null) => v ?? '—' },
            { title: 'Ghi chú', dataIndex: 'note', ellipsis: true, render: (v: string | null) => v ?? '—' },
          ]}
        />
        <Alert type="info" showIcon style={{ margin: '12px 0' }} title="Mỗi tháng tính thù lao theo mức có hiệu lực vào ngày đầu tháng; thêm mức mới không làm thay đổi thù lao các tháng trước." />
        {error ? (
          <div style={{ marginBottom: 12 }}>
            <ErrorAlert error={error} />
          </div>
        ) : null}
        <Form form={form} name="commission" layout="vertical" requiredMark="optional" initialValues={{ product: 'BHXH_TN', basis: 'percent', validFrom: null }} data-testid="commission-form">
          <div className="form-row form-row-4">
            <Form.Item name="product" label="Sản phẩm">
              <Select options={productOptions} aria-label="Sản phẩm" />
            </Form.Item>
            <Form.Item name="basis" label="Cách tính">
              <Select options={basisOptions} aria-label="Cách tính" />
            </Form.Item>
            <Form.Item name="value" label={basis === 'perNew' ? 'Mức (đồng/người)' : 'Mức (% số tiền thu)'} rules={[{ required: true, message: 'Nhập mức thù lao' }]}>
              <Input aria-label="Mức thù lao" placeholder={basis === 'perNew' ? 'ví dụ 50.000' : 'ví dụ 4,5'} />
            </Form.Item>
            <Form.Item name="validFrom" label="Áp dụng từ ngày" rules={[{ required: true, message: 'Chọn ngày áp dụng' }]}>
              <DatePicker format={PICKER_FORMAT} placeholder="dd/mm/yyyy" aria-label="Áp dụng từ ngày" style={{ width: '100%' }} />
            </Form.Item>
          </div>
          <div className="form-row">
            <Form.Item name="legalSource" label="Căn cứ (quyết định, văn bản)">
              <Input aria-label="Căn cứ" placeholder="ví dụ: Quyết định 1155/QĐ-BHXH" />
            </Form.Item>
            <Form.Item name="note" label="Ghi chú">
              <Input aria-label="Ghi chú mức thù lao" />
            </Form.Item>
          </div>
          <Button type="primary" onClick={() => void submit()} loading={saving} data-testid="commission-add">
            Thêm mức thù lao
          </Button>
        </Form>
      </Card>
      <InactiveMonths />
    </div>
  );
}
