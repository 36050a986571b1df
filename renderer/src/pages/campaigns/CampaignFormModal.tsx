import { App, Button, Collapse, DatePicker, Form, Input, Modal, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { AppErrorShape, CampaignDetail } from '../../../../shared/contract';
import { CAMPAIGN_RESOURCE_LABELS, CAMPAIGN_RESOURCES, type Audience, type CampaignKind, type CampaignResource } from '../../../../shared/domain/campaigns';
import { CountInput } from '../../components/CountInput';
import { ErrorAlert } from '../../components/ErrorResult';
import { PICKER_FORMAT, dayjsToIso, isoToDayjs } from '../../format/dates';
import { useCampaignsStore } from '../../stores/campaigns';
import { useAgentsStore } from '../../stores/networkAgents';
import { blank, showFieldError } from '../network/formErrors';
import { CommunesSelect, OfficeSelect } from '../network/NetworkSelects';
import { audienceOptions, kindOptions } from './campaignLabels';

interface DayValues {
  day: Dayjs | null;
  attendees: number | null;
  tn: number | null;
  hgd: number | null;
  note?: string;
}

interface FormValues {
  name: string;
  kind?: CampaignKind;
  dates: [Dayjs | null, Dayjs | null] | null;
  officeCode: string | null;
  unitCodes: string[];
  place?: string;
  partners: string[];
  audiences: Audience[];
  sessions: number | null;
  planTn: number | null;
  planHgd: number | null;
  cost: number | null;
  resources: Partial<Record<CampaignResource, number | null>>;
  days: DayValues[];
  notes?: string;
  attachments: string[];
}

const FIELDS = ['name', 'kind', 'dates', 'officeCode', 'unitCodes', 'place', 'partners', 'audiences', 'sessions', 'cost', 'days', 'notes', 'attachments'];
const FIELD_ALIASES: Record<string, string> = { startsOn: 'dates', endsOn: 'dates', plan: 'planTn', resources: 'resources' };
const AGENT = 'agent:';

/** Partners are agents of the network (picked) or organisations typed in words. */
function PartnersSelect(props: { value?: string[]; onChange?: (v: string[]) => void; initial: { value: string; label: string }[] }) {
  const options = useAgentsStore((s) => s.options);
  const [found, setFound] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    void options('').then((list) => setFound(list.map((a) => ({ value: AGENT + a.code, label: a.name }))));
  }, [options]);
  const all = useMemo(() => {
    const seen = new Set(found.map((o) => o.value));
    return [...found, ...props.initial.filter((o) => !seen.has(o.value))];
  }, [found, props.initial]);
  return (
    <Select
      mode="tags"
      value={props.value}
      onChange={props.onChange}
      options={all}
      onSearch={(q) => void options(q).then((list) => setFound(list.map((a) => ({ value: AGENT + a.code, label: a.name }))))}
      filterOption={false}
      placeholder="Chọn đại lý thu hoặc gõ tên đơn vị rồi Enter"
      aria-label="Đơn vị phối hợp"
      tokenSeparators={[';']}
    />
  );
}

function nextDay(days: DayValues[], start: Dayjs | null): Dayjs | null {
  const last = days.map((d) => d?.day).filter((d): d is Dayjs => Boolean(d)).sort((a, b) => a.valueOf() - b.valueOf()).pop();
  return last ? last.add(1, 'day') : start;
}

/** Thêm / sửa hoạt động tuyên truyền, with the figures of each day it ran. */
export function CampaignFormModal({ open, campaign, onClose }: { open: boolean; campaign: CampaignDetail | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const save = useCampaignsStore((s) => s.save);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const initialPartners = useMemo(() => (campaign?.partners ?? []).map((p) => ({ value: p.agentCode ? AGENT + p.agentCode : p.name, label: p.name })), [campaign]);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (campaign)
      form.setFieldsValue({
        name: campaign.name,
        kind: campaign.kind,
        dates: [isoToDayjs(campaign.startsOn), isoToDayjs(campaign.endsOn)],
        officeCode: campaign.officeCode,
        unitCodes: campaign.unitCodes,
        place: campaign.place ?? '',
        partners: initialPartners.map((p) => p.value),
        audiences: campaign.audiences,
        sessions: campaign.sessions,
        planTn: campaign.plan.BHXH_TN,
        planHgd: campaign.plan.BHYT_HGD,
        cost: campaign.cost,
        resources: campaign.resources,
        days: campaign.days.map((d) => ({ day: isoToDayjs(d.day), attendees: d.attendees, tn: d.signups.BHXH_TN, hgd: d.signups.BHYT_HGD, note: d.note ?? '' })),
        notes: campaign.notes ?? '',
        attachments: campaign.attachments,
      });
  }, [open, campaign, form, initialPartners]);

  const submit = async () => {
    const v = await form.validateFields();
    const [from, to] = v.dates ?? [null, null];
    const labels = new Map(initialPartners.map((p) => [p.value, p.label]));
    const request = {
      ...(campaign ? { id: campaign.id } : {}),
      name: v.name.trim(),
      kind: v.kind!,
      startsOn: dayjsToIso(from)!,
      endsOn: dayjsToIso(to ?? from)!,
      officeCode: v.officeCode ?? null,
      place: blank(v.place),
      unitCodes: v.unitCodes ?? [],
      partners: (v.partners ?? []).map((p) => (p.startsWith(AGENT) ? { agentCode: p.slice(AGENT.length), name: labels.get(p) ?? p.slice(AGENT.length) } : { agentCode: null, name: p.trim() })),
      audiences: v.audiences ?? [],
      sessions: v.sessions ?? 1,
      resources: Object.fromEntries(CAMPAIGN_RESOURCES.map((r) => [r, v.resources?.[r] ?? null])) as Record<CampaignResource, number | null>,
      cost: v.cost ?? null,
      plan: { BHXH_TN: v.planTn ?? null, BHYT_HGD: v.planHgd ?? null },
      notes: blank(v.notes),
      attachments: v.attachments ?? [],
      days: (v.days ?? [])
        .filter((d) => d?.day)
        .map((d) => ({ day: dayjsToIso(d.day)!, attendees: d.attendees ?? null, signups: { BHXH_TN: d.tn ?? null, BHYT_HGD: d.hgd ?? null }, note: blank(d.note) })),
    };
    setSaving(true);
    const res = await save(request);
    setSaving(false);
    if (!res.ok) {
      setError(showFieldError(form, res.error, FIELDS, FIELD_ALIASES) ? null : res.error);
      return;
    }
    void message.success(campaign ? `Đã lưu "${res.value.name}".` : `Đã thêm "${res.value.name}".`);
    onClose();
  };

  return (
    <Modal
      open={open}
      title={campaign ? 'Sửa hoạt động tuyên truyền' : 'Thêm hoạt động tuyên truyền'}
      okText={campaign ? 'Lưu' : 'Thêm'}
      cancelText="Hủy"
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      width={880}
      style={{ top: 16 }}
      data-testid="campaign-form"
    >
      {error ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={error} />
        </div>
      ) : null}
      <Form
        form={form}
        name="campaign"
        layout="vertical"
        requiredMark={false}
        initialValues={{ officeCode: null, unitCodes: [], partners: [], audiences: [], sessions: 1, days: [], attachments: [], resources: {}, dates: null }}
      >
        <div className="form-row" style={{ gridTemplateColumns: '2fr 1fr' }}>
          <Form.Item name="name" label="Tên hoạt động" rules={[{ required: true, min: 3, message: 'Nhập tên hoạt động (ít nhất 3 ký tự)' }]}>
            <Input placeholder="Ví dụ: Lễ ra quân tháng vận động BHXH tự nguyện" aria-label="Tên hoạt động" data-testid="campaign-name" />
          </Form.Item>
          <Form.Item name="kind" label="Loại hình" rules={[{ required: true, message: 'Chọn loại hình' }]}>
            <Select options={kindOptions} placeholder="Chọn loại hình" aria-label="Loại hình" data-testid="campaign-kind" />
          </Form.Item>
        </div>
        <div className="form-row form-row-3">
          <Form.Item name="dates" label="Thời gian" rules={[{ required: true, message: 'Chọn ngày diễn ra' }]}>
            <DatePicker.RangePicker format={PICKER_FORMAT} placeholder={['Từ ngày', 'Đến ngày']} aria-label="Thời gian" style={{ width: '100%' }} data-testid="campaign-dates" />
          </Form.Item>
          <Form.Item name="officeCode" label="Đơn vị tổ chức">
            <OfficeSelect width="100%" placeholder="BHXH tỉnh" ariaLabel="Đơn vị tổ chức" testId="campaign-office" />
          </Form.Item>
          <Form.Item name="sessions" label="Số buổi, số cuộc">
            <CountInput ariaLabel="Số buổi" max={100000} />
          </Form.Item>
        </div>
        <div className="form-row">
          <Form.Item name="unitCodes" label="Xã, phường tổ chức">
            <CommunesSelect ariaLabel="Xã, phường tổ chức" />
          </Form.Item>
          <Form.Item name="place" label="Địa điểm">
            <Input placeholder="Ví dụ: Hội trường UBND xã" aria-label="Địa điểm" />
          </Form.Item>
        </div>
        <div className="form-row">
          <Form.Item name="partners" label="Đơn vị phối hợp">
            <PartnersSelect initial={initialPartners} />
          </Form.Item>
          <Form.Item name="audiences" label="Đối tượng tuyên truyền">
            <Select mode="multiple" options={audienceOptions} placeholder="Chọn nhóm đối tượng" aria-label="Đối tượng tuyên truyền" />
          </Form.Item>
        </div>
        <div className="form-row form-row-3">
          <Form.Item name="planTn" label="Kế hoạch BHXH TN (người)">
            <CountInput ariaLabel="Kế hoạch BHXH tự nguyện" testId="campaign-plan-tn" />
          </Form.Item>
          <Form.Item name="planHgd" label="Kế hoạch BHYT HGĐ (người)">
            <CountInput ariaLabel="Kế hoạch BHYT hộ gia đình" testId="campaign-plan-hgd" />
          </Form.Item>
          <Form.Item name="cost" label="Chi phí (đồng)">
            <CountInput ariaLabel="Chi phí" testId="campaign-cost-input" />
          </Form.Item>
        </div>
        <div className="campaign-section-title" style={{ marginTop: 0 }}>
          Kết quả từng ngày
        </div>
        <Form.List name="days">
          {(fields, { add, remove }) => (
            <div className="campaign-days-editor" data-testid="campaign-days-editor">
              {fields.map((field, i) => (
                <div key={field.key} className="form-row" style={{ gridTemplateColumns: '150px 1fr 1fr 1fr 2fr 32px', gap: 8, alignItems: 'end' }}>
                  <Form.Item name={[field.name, 'day']} label={i === 0 ? 'Ngày' : undefined} rules={[{ required: true, message: 'Chọn ngày' }]} style={{ marginBottom: 8 }}>
                    <DatePicker format={PICKER_FORMAT} placeholder="dd/mm/yyyy" aria-label={`Ngày thứ ${i + 1}`} style={{ width: '100%' }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'attendees']} label={i === 0 ? 'Người dự' : undefined} style={{ marginBottom: 8 }}>
                    <CountInput ariaLabel={`Người dự ngày thứ ${i + 1}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'tn']} label={i === 0 ? 'Đăng ký BHXH TN' : undefined} style={{ marginBottom: 8 }}>
                    <CountInput ariaLabel={`Đăng ký BHXH tự nguyện ngày thứ ${i + 1}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'hgd']} label={i === 0 ? 'Đăng ký BHYT HGĐ' : undefined} style={{ marginBottom: 8 }}>
                    <CountInput ariaLabel={`Đăng ký BHYT hộ gia đình ngày thứ ${i + 1}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'note']} label={i === 0 ? 'Ghi chú' : undefined} style={{ marginBottom: 8 }}>
                    <Input aria-label={`Ghi chú ngày thứ ${i + 1}`} />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined aria-hidden />} aria-label={`Bỏ ngày thứ ${i + 1}`} onClick={() => remove(field.name)} style={{ marginBottom: 8 }} />
                </div>
              ))}
              <Button
                icon={<PlusOutlined aria-hidden />}
                onClick={() => add({ day: nextDay(form.getFieldValue('days') ?? [], form.getFieldValue('dates')?.[0] ?? null), attendees: null, tn: null, hgd: null })}
                data-testid="campaign-add-day"
              >
                Thêm ngày
              </Button>
            </div>
          )}
        </Form.List>
        <Collapse
          ghost
          style={{ marginTop: 12 }}
          items={[
            {
              key: 'more',
              label: 'Nguồn lực, tệp kèm theo, ghi chú',
              children: (
                <>
                  <div className="form-row" style={{ gridTemplateColumns: 'repeat(4, 1fr)' }}>
                    {CAMPAIGN_RESOURCES.map((r) => (
                      <Form.Item key={r} name={['resources', r]} label={CAMPAIGN_RESOURCE_LABELS[r]}>
                        <CountInput ariaLabel={CAMPAIGN_RESOURCE_LABELS[r]} />
                      </Form.Item>
                    ))}
                  </div>
                  <Form.Item name="attachments" label="Tệp kèm theo (tên tệp)">
                    <Select mode="tags" open={false} placeholder="Gõ tên tệp rồi Enter, ví dụ: Ke-hoach-ra-quan.pdf" aria-label="Tệp kèm theo" />
                  </Form.Item>
                  <Form.Item name="notes" label="Ghi chú">
                    <Input.TextArea rows={2} aria-label="Ghi chú" />
                  </Form.Item>
                </>
              ),
            },
          ]}
        />
      </Form>
    </Modal>
  );
}
