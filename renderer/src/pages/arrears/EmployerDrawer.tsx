import { App, Button, DatePicker, Descriptions, Drawer, Empty, Form, Input, Modal, Popconfirm, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { CalendarOutlined, EditOutlined, FileDoneOutlined, PrinterOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { ArrearsAction, ArrearsMonthRow, ArrearsPromise, Employer } from '../../../../shared/contract';
import { ARREARS_ACTION_LABELS, EMPLOYER_KIND_LABELS } from '../../../../shared/domain/arrears';
import { formatCount, formatDate, formatMoney } from '../../../../shared/format/vi';
import { ErrorResult } from '../../components/ErrorResult';
import { PICKER_FORMAT, dayjsToIso, todayDayjs } from '../../format/dates';
import { printDocumentLayer } from '../../print/printLayer';
import { useArrearsStore } from '../../stores/arrears';
import { ActionFormModal, PromiseFormModal, SettlePromiseModal } from './ArrearsForms';
import { BandTag, EmployerStatusTag, PromiseTag, formatMonth } from './arrearsLabels';

interface ReminderValues {
  docNumber?: string;
  issueDate: Dayjs | null;
  signerTitle?: string;
  signerName?: string;
}

/** "In công văn đôn đốc": the letter's number, date and signer, then the Decree 30 document printed on A4. */
function ReminderModal({ employer, open, onClose }: { employer: Employer; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const reminderDocument = useArrearsStore((s) => s.reminderDocument);
  const [form] = Form.useForm<ReminderValues>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) form.setFieldsValue({ issueDate: todayDayjs() });
  }, [open, form]);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    const res = await reminderDocument({
      employerId: employer.id,
      ...(v.docNumber?.trim() ? { docNumber: v.docNumber.trim() } : {}),
      issueDate: dayjsToIso(v.issueDate),
      ...(v.signerTitle?.trim() ? { signerTitle: v.signerTitle.trim() } : {}),
      ...(v.signerName?.trim() ? { signerName: v.signerName.trim() } : {}),
    });
    setBusy(false);
    if (!res.ok) {
      void message.error(res.error.message, 8);
      return;
    }
    onClose();
    await printDocumentLayer(res.value, { name: 'arrears-reminder', landscape: false });
  };
  return (
    <Modal open={open} title={`In công văn đôn đốc — ${employer.name}`} okText="In (A4)" cancelText="Hủy" onOk={() => void submit()} confirmLoading={busy} onCancel={onClose} destroyOnHidden width={560} data-testid="reminder-form">
      <Typography.Paragraph type="secondary">Công văn theo thể thức Nghị định 30/2020/NĐ-CP, nêu số tiền nợ, số tháng chậm đóng và yêu cầu đơn vị nộp ngay. Để trống ô nào thì chương trình dùng mặc định.</Typography.Paragraph>
      <Form form={form} name="arrears-reminder" layout="vertical">
        <div className="form-row">
          <Form.Item name="docNumber" label="Số công văn">
            <Input maxLength={100} aria-label="Số công văn" placeholder="VD: 125/BHXH-QLT" data-testid="reminder-doc-number" />
          </Form.Item>
          <Form.Item name="issueDate" label="Ngày ban hành">
            <DatePicker format={PICKER_FORMAT} placeholder="dd/mm/yyyy" aria-label="Ngày ban hành" style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <div className="form-row">
          <Form.Item name="signerTitle" label="Chức vụ người ký">
            <Input maxLength={100} aria-label="Chức vụ người ký" placeholder="GIÁM ĐỐC" />
          </Form.Item>
          <Form.Item name="signerName" label="Họ tên người ký">
            <Input maxLength={100} aria-label="Họ tên người ký" />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}

/** One employer: identity and status, monthly arrears, collection actions and promises, with the writes on them. */
export function EmployerDrawer({ onEdit }: { onEdit: (employer: Employer) => void }) {
  const { message } = App.useApp();
  const { selectedId, detail, detailLoading, detailError, select, deleteAction } = useArrearsStore();
  const [dialog, setDialog] = useState<'action' | 'promise' | 'reminder' | null>(null);
  const [settling, setSettling] = useState<ArrearsPromise | null>(null);
  const e = detail?.employer;
  return (
    <Drawer open={selectedId !== null} onClose={() => void select(null)} size={860} title={e ? `${e.name} (${e.code})` : 'Đơn vị nợ'} destroyOnHidden data-testid="employer-drawer">
      {detailError ? (
        <ErrorResult error={detailError} onRetry={() => selectedId && void select(selectedId)} />
      ) : !detail || !e || (detailLoading && detail.employer.id !== selectedId) ? (
        <Skeleton active />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <div className="arrears-drawer-actions">
            <Button type="primary" icon={<FileDoneOutlined aria-hidden />} onClick={() => setDialog('action')} data-testid="log-action">
              Ghi nhận đôn đốc
            </Button>
            <Button icon={<CalendarOutlined aria-hidden />} onClick={() => setDialog('promise')} data-testid="add-promise">
              Hẹn trả nợ
            </Button>
            <Button icon={<PrinterOutlined aria-hidden />} onClick={() => setDialog('reminder')} data-testid="print-reminder">
              In công văn đôn đốc
            </Button>
            <Button icon={<EditOutlined aria-hidden />} onClick={() => onEdit(e)} data-testid="edit-employer">
              Sửa
            </Button>
          </div>
          <Descriptions size="small" column={2} bordered data-testid="employer-identity">
            <Descriptions.Item label="Mã đơn vị">{e.code}</Descriptions.Item>
            <Descriptions.Item label="Mã số thuế">{e.taxCode ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="Loại hình">{EMPLOYER_KIND_LABELS[e.kind]}</Descriptions.Item>
            <Descriptions.Item label="Tình trạng"><EmployerStatusTag status={e.status} /></Descriptions.Item>
            <Descriptions.Item label="BHXH cơ sở">{e.officeName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="Xã, phường">{e.unitName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="Địa chỉ" span={2}>{e.address ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="Số lao động">{e.workers === null ? '—' : formatCount(e.workers)}</Descriptions.Item>
            <Descriptions.Item label="Nhóm nợ"><BandTag band={detail.band} /></Descriptions.Item>
            <Descriptions.Item label="Số tiền nợ">
              <strong className="money" data-testid="employer-owed">{formatMoney(detail.current?.amountOwed ?? 0)}</strong>
              {detail.current ? <span className="muted"> (đến hết tháng {formatMonth(detail.current.period)})</span> : null}
            </Descriptions.Item>
            <Descriptions.Item label="Số tháng nợ">{formatCount(detail.current?.monthsOwed ?? 0)}</Descriptions.Item>
          </Descriptions>

          <Typography.Title level={5} style={{ margin: 0 }}>
            Hẹn trả nợ ({formatCount(detail.promises.length)})
          </Typography.Title>
          <Table<ArrearsPromise>
            size="small"
            rowKey="id"
            dataSource={detail.promises}
            pagination={{ pageSize: 5, hideOnSinglePage: true, showSizeChanger: false }}
            data-testid="employer-promises"
            rowClassName={(r) => (r.overdue ? 'row-overdue' : '')}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có hẹn trả nợ." /> }}
            columns={[
              { title: 'Ngày hẹn', dataIndex: 'promisedOn', width: 105, render: (v: string, r) => <span className={r.overdue ? 'ratio-over' : undefined}>{formatDate(v)}</span> },
              { title: 'Số tiền', dataIndex: 'amount', align: 'right', width: 140, render: (v: number) => formatMoney(v) },
              { title: 'Tình trạng', dataIndex: 'status', width: 130, render: (_: unknown, r) => <PromiseTag status={r.status} overdue={r.overdue} promisedOn={r.promisedOn} /> },
              {
                title: 'Kết quả',
                key: 'settled',
                render: (_: unknown, r) =>
                  r.settledOn ? (
                    <span>
                      {formatDate(r.settledOn)}
                      {r.settledAmount !== null ? ` · đã trả ${formatMoney(r.settledAmount)}` : ''}
                      {r.note ? <div className="muted">{r.note}</div> : null}
                    </span>
                  ) : (
                    <span className="muted">{r.note ?? ''}</span>
                  ),
              },
              {
                title: '',
                key: 'settle',
                width: 120,
                render: (_: unknown, r) =>
                  r.status === 'PENDING' ? (
                    <Button size="small" onClick={() => setSettling(r)} data-testid="settle-promise">
                      Ghi kết quả
                    </Button>
                  ) : null,
              },
            ]}
          />

          <Typography.Title level={5} style={{ margin: 0 }}>
            Đôn đốc thu nợ ({formatCount(detail.actions.length)})
          </Typography.Title>
          <Table<ArrearsAction>
            size="small"
            rowKey="id"
            dataSource={detail.actions}
            pagination={{ pageSize: 5, hideOnSinglePage: true, showSizeChanger: false }}
            data-testid="employer-actions"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa ghi lần đôn đốc nào." /> }}
            columns={[
              { title: 'Ngày', dataIndex: 'actedOn', width: 100, render: (v: string) => formatDate(v) },
              { title: 'Hình thức', dataIndex: 'kind', width: 170, render: (k: ArrearsAction['kind']) => ARREARS_ACTION_LABELS[k] },
              { title: 'Số văn bản', dataIndex: 'docNumber', width: 130, render: (v: string | null) => v ?? '—' },
              { title: 'Cán bộ', dataIndex: 'officer', width: 130, render: (v: string | null) => v ?? '—' },
              {
                title: 'Nội dung',
                dataIndex: 'note',
                render: (v: string | null, r) => (
                  <span>
                    {v ?? ''}
                    {r.amountRecovered ? <Tag color="green">Thu hồi {formatMoney(r.amountRecovered)}</Tag> : null}
                  </span>
                ),
              },
              {
                title: '',
                key: 'delete',
                width: 60,
                render: (_: unknown, r) => (
                  <Popconfirm
                    title="Xóa lần đôn đốc này?"
                    okText="Xóa"
                    cancelText="Không"
                    onConfirm={async () => {
                      const res = await deleteAction(r.id);
                      if (!res.ok) void message.error(res.error.message);
                    }}
                  >
                    <Button size="small" type="link" danger>
                      Xóa
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />

          <Typography.Title level={5} style={{ margin: 0 }}>
            Nợ theo tháng
          </Typography.Title>
          <Table<ArrearsMonthRow>
            size="small"
            rowKey="period"
            dataSource={detail.rows}
            pagination={{ pageSize: 6, hideOnSinglePage: true, showSizeChanger: false }}
            data-testid="employer-months"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có số liệu nợ." /> }}
            columns={[
              { title: 'Tháng', dataIndex: 'period', width: 90, render: (v: string) => formatMonth(v) },
              { title: 'Số tiền nợ', dataIndex: 'amountOwed', align: 'right', width: 150, render: (v: number) => formatMoney(v) },
              { title: 'Số tháng nợ', dataIndex: 'monthsOwed', align: 'right', width: 100, render: (v: number) => formatCount(v) },
              { title: 'Lãi chậm đóng', dataIndex: 'interest', align: 'right', width: 130, render: (v: number) => formatMoney(v) },
              { title: 'Phải thu cả năm', dataIndex: 'amountDueYear', align: 'right', width: 150, render: (v: number | null) => (v === null ? '—' : formatMoney(v)) },
              {
                title: 'Loại',
                key: 'kind',
                render: (_: unknown, r) => (
                  <span>
                    {r.late ? <Tag>Chậm đóng</Tag> : null}
                    {r.evasion ? <Tag color="red">Trốn đóng</Tag> : null}
                  </span>
                ),
              },
            ]}
          />
          <ActionFormModal open={dialog === 'action'} employer={e} onClose={() => setDialog(null)} />
          <PromiseFormModal open={dialog === 'promise'} employer={e} onClose={() => setDialog(null)} />
          <ReminderModal open={dialog === 'reminder'} employer={e} onClose={() => setDialog(null)} />
          <SettlePromiseModal promise={settling} onClose={() => setSettling(null)} />
        </Space>
      )}
    </Drawer>
  );
}
