import { Alert, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Tooltip, Typography, message } from 'antd';
import { DeleteOutlined, EditOutlined, FileExcelOutlined, SearchOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import type { PersonListSummary } from '../../../../shared/contract';
import { PERSON_LIST_KIND_LABELS, PERSON_LIST_KIND_SHORT, PERSON_LIST_KINDS, type PersonListKind } from '../../../../shared/domain/people';
import { formatBytes, formatCount, formatDate } from '../../../../shared/format/vi';
import { ErrorResult } from '../../components/ErrorResult';
import { dayjsToIso, isoToDayjs } from '../../format/dates';
import { usePeopleImport } from '../../stores/peopleImport';
import { usePeopleStore } from '../../stores/people';
import { usePersonLists } from '../../stores/personLists';
import type { Dayjs } from 'dayjs';

interface ListValues {
  name: string;
  kind: PersonListKind;
  source?: string;
  retainUntil?: Dayjs | null;
  note?: string;
}

function ListFormModal({ list, onClose }: { list: PersonListSummary | null; onClose: () => void }) {
  const save = usePersonLists((s) => s.save);
  const [form] = Form.useForm<ListValues>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (list) form.setFieldsValue({ name: list.name, kind: list.kind, source: list.source ?? '', retainUntil: isoToDayjs(list.retainUntil), note: '' });
  }, [list, form]);
  const submit = async (v: ListValues) => {
    if (!list) return;
    setBusy(true);
    const res = await save({ id: list.id, name: v.name, kind: v.kind, source: v.source?.trim() || null, retainUntil: dayjsToIso(v.retainUntil ?? null), note: v.note?.trim() || null });
    setBusy(false);
    if (res.ok) {
      message.success('Đã lưu danh sách.');
      onClose();
    } else message.error(res.error.message);
  };
  return (
    <Modal open={list !== null} title="Sửa thông tin danh sách" onCancel={onClose} onOk={() => form.submit()} okText="Lưu" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="name" label="Tên danh sách" rules={[{ required: true, min: 3, message: 'Tên danh sách quá ngắn' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="kind" label="Loại danh sách">
          <Select options={PERSON_LIST_KINDS.map((k) => ({ value: k, label: PERSON_LIST_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="source" label="Nguồn (đơn vị lập danh sách)">
          <Input maxLength={200} placeholder="Hội Nông dân xã, BHXH cơ sở, UBND xã…" />
        </Form.Item>
        <Form.Item name="retainUntil" label="Lưu giữ đến ngày" extra="Quá ngày này, chương trình nhắc xóa danh sách (dữ liệu cá nhân không giữ lâu hơn cần thiết).">
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DeleteListModal({ list, onClose }: { list: PersonListSummary | null; onClose: () => void }) {
  const remove = usePersonLists((s) => s.remove);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setTyped('');
    setError(null);
    onClose();
  };
  const run = async () => {
    if (!list) return;
    setBusy(true);
    const res = await remove(list.id, typed);
    setBusy(false);
    if (res.ok) {
      const v = res.value;
      message.success(
        `Đã xóa hẳn danh sách "${v.listName}": ${formatCount(v.deletedRows)} người, ${formatCount(v.deletedContacts)} lần liên hệ` +
          (v.fileBytesBefore !== null && v.fileBytesAfter !== null ? `; tệp dữ liệu từ ${formatBytes(v.fileBytesBefore)} còn ${formatBytes(v.fileBytesAfter)}.` : '.'),
      );
      close();
    } else setError(res.error.message);
  };
  return (
    <Modal
      open={list !== null}
      title="Xóa hẳn danh sách"
      onCancel={close}
      onOk={() => void run()}
      okText="Xóa hẳn"
      okButtonProps={{ danger: true, disabled: typed.trim() !== list?.name, loading: busy }}
      destroyOnHidden
    >
      <Typography.Paragraph>
        Mọi người trong danh sách <strong>{list?.name}</strong> ({formatCount(list?.rows ?? 0)} người) và nhật ký liên hệ của họ sẽ bị xóa khỏi cơ sở dữ liệu, không thể hoàn tác. Bản sao lưu cũ vẫn còn dữ liệu này cho đến khi bị xoay vòng.
      </Typography.Paragraph>
      <label htmlFor="delete-list-name" className="field-label">
        Gõ lại tên danh sách để xác nhận
      </label>
      <Input id="delete-list-name" value={typed} onChange={(e) => setTyped(e.target.value)} data-testid="delete-list-name" />
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} /> : null}
    </Modal>
  );
}

/** Danh sách: each imported list with how far canvassing got, its retention date, and the way to delete it for good. */
export function PersonListsTab({ onOpenList }: { onOpenList: () => void }) {
  const { lists, loaded, loading, error, load } = usePersonLists();
  const openImport = usePeopleImport((s) => s.openDialog);
  const setFilters = usePeopleStore((s) => s.setFilters);
  const [editing, setEditing] = useState<PersonListSummary | null>(null);
  const [deleting, setDeleting] = useState<PersonListSummary | null>(null);
  useEffect(() => {
    void load();
  }, [load]);
  const due = lists.filter((l) => l.retentionDue);
  if (error && !loaded) return <ErrorResult error={error} onRetry={() => void load()} />;
  return (
    <div>
      {due.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${formatCount(due.length)} danh sách đã quá hạn lưu giữ`}
          description={`${due.map((l) => `${l.name} (đến ${formatDate(l.retainUntil)})`).join('; ')}. Hãy xóa hẳn khi không còn dùng để vận động.`}
          data-testid="retention-reminder"
        />
      ) : null}
      <Table<PersonListSummary>
        size="middle"
        rowKey="id"
        loading={loading}
        dataSource={lists}
        pagination={false}
        scroll={{ x: 1200 }}
        data-testid="person-lists"
        locale={{ emptyText: 'Chưa có danh sách nào. Hãy nhập danh sách người vận động từ Excel.' }}
        columns={[
          {
            title: 'Danh sách',
            dataIndex: 'name',
            key: 'name',
            render: (v: string, l) => (
              <Space orientation="vertical" size={0}>
                <strong>{v}</strong>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {PERSON_LIST_KIND_SHORT[l.kind]}
                  {l.source ? ` · ${l.source}` : ''} · nhập {formatDate(l.createdAt.slice(0, 10))}
                </Typography.Text>
              </Space>
            ),
          },
          { title: 'Số người', dataIndex: 'rows', key: 'rows', align: 'right', width: 110, render: (v: number) => formatCount(v) },
          { title: 'Đã giao', dataIndex: 'assigned', key: 'assigned', align: 'right', width: 100, render: (v: number) => formatCount(v) },
          { title: 'Đã liên hệ', dataIndex: 'contacted', key: 'contacted', align: 'right', width: 110, render: (v: number) => formatCount(v) },
          { title: 'Đã tham gia', dataIndex: 'joined', key: 'joined', align: 'right', width: 110, render: (v: number) => formatCount(v) },
          { title: 'Từ chối', dataIndex: 'refused', key: 'refused', align: 'right', width: 90, render: (v: number) => formatCount(v) },
          {
            title: 'Lưu giữ đến',
            dataIndex: 'retainUntil',
            key: 'retainUntil',
            width: 150,
            render: (v: string | null, l) => (v ? <span>{formatDate(v)} {l.retentionDue ? <Tag color="red">Quá hạn</Tag> : null}</span> : <Typography.Text type="secondary">Chưa đặt</Typography.Text>),
          },
          {
            title: '',
            key: 'actions',
            width: 150,
            render: (_: unknown, l) => (
              <Space>
                <Tooltip title="Xem người trong danh sách">
                  <Button
                    size="small"
                    icon={<SearchOutlined aria-hidden />}
                    aria-label={`Xem danh sách ${l.name}`}
                    onClick={() => {
                      setFilters({ listId: l.id });
                      onOpenList();
                    }}
                  />
                </Tooltip>
                <Tooltip title="Sửa tên, hạn lưu giữ">
                  <Button size="small" icon={<EditOutlined aria-hidden />} aria-label={`Sửa danh sách ${l.name}`} onClick={() => setEditing(l)} />
                </Tooltip>
                <Tooltip title="Nhập thêm vào danh sách này">
                  <Button size="small" icon={<FileExcelOutlined aria-hidden />} aria-label={`Nhập thêm vào ${l.name}`} onClick={() => openImport({ listId: l.id })} />
                </Tooltip>
                <Tooltip title="Xóa hẳn danh sách">
                  <Button size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={`Xóa danh sách ${l.name}`} onClick={() => setDeleting(l)} data-testid="delete-list" />
                </Tooltip>
              </Space>
            ),
          },
        ]}
      />
      <ListFormModal list={editing} onClose={() => setEditing(null)} />
      <DeleteListModal list={deleting} onClose={() => setDeleting(null)} />
    </div>
  );
}
