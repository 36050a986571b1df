import { Alert, Button, DatePicker, Descriptions, Drawer, Form, Input, Select, Skeleton, Space, Tag, Timeline, Typography, message } from 'antd';
import { CalculatorOutlined, EyeOutlined, PhoneOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { CONTACT_CHANNEL_LABELS, CONTACT_CHANNELS, PERSON_STATUS_LABELS, PERSON_STATUSES, type ContactChannel, type PersonStatus } from '../../../../shared/domain/people';
import { formatDate, formatDateTime } from '../../../../shared/format/vi';
import { ErrorResult } from '../../components/ErrorResult';
import { dayjsToIso, todayDayjs, todayIso } from '../../format/dates';
import { usePeopleStore } from '../../stores/people';
import { useCalculatorStore } from '../../stores/calculators';
import { formatBirth, formatMonth, paymentLabel, productLabel, sexLabel, StatusTag } from './peopleLabels';
import { StaffSelect } from './StaffSelect';
import type { Dayjs } from 'dayjs';

interface ContactValues {
  contactedOn: Dayjs;
  channel: ContactChannel;
  outcome: PersonStatus;
  staffCode?: string | null;
  note?: string;
}

/** One person: who they are (numbers masked until "Hiện số", which is logged), where, who canvasses them, and every contact so far. */
export function PersonDrawer() {
  const { selectedId, detail, detailLoading, detailError, revealed, select, reveal, logContact, update } = usePeopleStore();
  const [form] = Form.useForm<ContactValues>();
  const [saving, setSaving] = useState(false);
  const [revealing, setRevealing] = useState(false);
  useEffect(() => {
    if (detail) form.setFieldsValue({ contactedOn: todayDayjs(), channel: 'VISIT', outcome: detail.status === 'NEW' ? 'CONTACTED' : detail.status, staffCode: detail.staffCode, note: '' });
  }, [detail?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const doReveal = async () => {
    setRevealing(true);
    const res = await reveal();
    setRevealing(false);
    if (!res.ok) message.error(res.error.message);
  };
  const submit = async (v: ContactValues) => {
    if (!detail) return;
    setSaving(true);
    const res = await logContact({ personId: detail.id, contactedOn: dayjsToIso(v.contactedOn)!, channel: v.channel, outcome: v.outcome, staffCode: v.staffCode ?? null, note: v.note?.trim() || null });
    setSaving(false);
    if (res.ok) {
      message.success('Đã ghi nhận lần liên hệ.');
      form.setFieldsValue({ note: '' });
    } else message.error(res.error.message);
  };
  const shown = (masked: string | null, real: string | null | undefined) => (revealed && real !== undefined ? real : masked) ?? '—';
  return (
    <Drawer open={selectedId !== null} onClose={() => void select(null)} size={640} title={detail?.fullName ?? 'Thông tin người vận động'} destroyOnHidden data-testid="person-drawer">
      {detailError ? (
        <ErrorResult error={detailError} onRetry={() => selectedId && void select(selectedId)} />
      ) : !detail || detailLoading ? (
        <Skeleton active />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="Ngày sinh">{formatBirth(detail.birthDate)}</Descriptions.Item>
            <Descriptions.Item label="Giới tính">{sexLabel(detail.sex)}</Descriptions.Item>
            <Descriptions.Item label="Số CCCD"><span data-testid="person-cccd">{shown(detail.cccd, revealed?.cccd)}</span></Descriptions.Item>
            <Descriptions.Item label="Mã số BHXH">{shown(detail.bhxhCode, revealed?.bhxhCode)}</Descriptions.Item>
            <Descriptions.Item label="Số thẻ BHYT">{shown(detail.bhytCard, revealed?.bhytCard)}</Descriptions.Item>
            <Descriptions.Item label="Điện thoại"><span data-testid="person-phone">{shown(detail.phone, revealed?.phone)}</span></Descriptions.Item>
            <Descriptions.Item label="Xã, phường">{detail.communeName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="Thôn, ấp">{detail.hamlet ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="Loại hình">{productLabel(detail.product) || '—'}</Descriptions.Item>
            <Descriptions.Item label="Đến hạn">{formatMonth(detail.dueMonth) || '—'} {detail.paymentMode ? `(${paymentLabel(detail.paymentMode)})` : ''}</Descriptions.Item>
            <Descriptions.Item label="Tình trạng"><StatusTag status={detail.status} /></Descriptions.Item>
            <Descriptions.Item label="Danh sách">{detail.listName}</Descriptions.Item>
          </Descriptions>
          <Space wrap>
            {revealed ? (
              <Typography.Text type="secondary">Đang hiện số thật. Lần xem đã được ghi vào nhật ký.</Typography.Text>
            ) : (
              <Button icon={<EyeOutlined aria-hidden />} loading={revealing} onClick={() => void doReveal()} data-testid="person-reveal">
                Hiện số CCCD, điện thoại
              </Button>
            )}
            {revealed?.phone ? (
              <Button icon={<PhoneOutlined aria-hidden />} href={`tel:${revealed.phone}`}>
                Gọi {revealed.phone}
              </Button>
            ) : null}
            <Button icon={<CalculatorOutlined aria-hidden />} data-testid="person-calc" onClick={() => { useCalculatorStore.getState().openFor({ tab: detail.product === 'BHYT_HGD' ? 'bhytHgd' : 'bhxhTn', date: detail.dueMonth ? `${detail.dueMonth}-01` : todayIso(), personName: detail.fullName }); void select(null); }}>
              Tính mức đóng
            </Button>
          </Space>
          {detail.alsoOn.length > 0 ? (
            <Alert
              type="info"
              showIcon
              title="Người này có trong danh sách khác"
              description={detail.alsoOn.map((o) => `${o.listName} (${PERSON_STATUS_LABELS[o.status]})`).join('; ')}
            />
          ) : null}
          <div>
            <label htmlFor="person-staff" className="field-label">
              Nhân viên thu phụ trách
            </label>
            <StaffSelect
              id="person-staff"
              value={detail.staffCode}
              width="100%"
              placeholder="Chưa giao"
              onChange={(v) => void update({ id: detail.id, staffCode: (v as string | null) ?? null }).then((r) => !r.ok && message.error(r.error.message))}
            />
          </div>
          <Typography.Title level={5} style={{ margin: 0 }}>
            Ghi nhận liên hệ
          </Typography.Title>
          <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false} data-testid="contact-form">
            <Space wrap align="start">
              <Form.Item name="contactedOn" label="Ngày" rules={[{ required: true, message: 'Hãy chọn ngày' }]}>
                <DatePicker format="DD/MM/YYYY" allowClear={false} />
              </Form.Item>
              <Form.Item name="channel" label="Hình thức" rules={[{ required: true, message: 'Hãy chọn hình thức' }]}>
                <Select style={{ width: 190 }} options={CONTACT_CHANNELS.map((c) => ({ value: c, label: CONTACT_CHANNEL_LABELS[c] }))} aria-label="Hình thức liên hệ" />
              </Form.Item>
              <Form.Item name="outcome" label="Kết quả" rules={[{ required: true, message: 'Hãy chọn kết quả' }]}>
                <Select
                  style={{ width: 190 }}
                  options={PERSON_STATUSES.filter((s) => s !== 'NEW').map((s) => ({ value: s, label: PERSON_STATUS_LABELS[s] }))}
                  aria-label="Kết quả liên hệ"
                  data-testid="contact-outcome"
                />
              </Form.Item>
            </Space>
            <Form.Item name="staffCode" label="Người liên hệ">
              <StaffSelect width="100%" placeholder="Nhân viên thu đã liên hệ" />
            </Form.Item>
            <Form.Item name="note" label="Ghi chú">
              <Input.TextArea rows={2} maxLength={1000} placeholder="Hẹn ngày, lý do từ chối, số tiền dự kiến đóng…" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="contact-save">
              Lưu lần liên hệ
            </Button>
          </Form>
          <Typography.Title level={5} style={{ margin: 0 }}>
            Nhật ký liên hệ ({detail.contacts.length})
          </Typography.Title>
          {detail.contacts.length === 0 ? (
            <Typography.Text type="secondary">Chưa liên hệ lần nào.</Typography.Text>
          ) : (
            <Timeline
              data-testid="contact-log"
              items={detail.contacts.map((c) => ({
                key: c.id,
                content: (
                  <div>
                    <strong>{formatDate(c.contactedOn)}</strong> · {CONTACT_CHANNEL_LABELS[c.channel]} · <StatusTag status={c.outcome} />
                    {c.staffName ? <Tag>{c.staffName}</Tag> : null}
                    {c.note ? <div>{c.note}</div> : null}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      Ghi bởi {c.createdBy} lúc {formatDateTime(c.createdAt)}
                    </Typography.Text>
                  </div>
                ),
              }))}
            />
          )}
        </Space>
      )}
    </Drawer>
  );
}
