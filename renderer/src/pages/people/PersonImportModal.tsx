import { Alert, Button, Form, Input, Modal, Progress, Radio, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import type { PersonImportColumn, StagedRow } from '../../../../shared/contract';
import { PERSON_FIELD_LABELS, PERSON_FIELDS, PERSON_LIST_KIND_LABELS, PERSON_LIST_KINDS, type PersonField } from '../../../../shared/domain/people';
import { formatCount } from '../../../../shared/format/vi';
import { useAppStore } from '../../stores/app';
import { usePeopleImport, STAGED_PAGE_SIZE, type StagedFilter } from '../../stores/peopleImport';
import { usePersonLists } from '../../stores/personLists';
import { formatBirth } from './peopleLabels';

function JobProgress({ label }: { label: string }) {
  const operationId = usePeopleImport((s) => s.operationId);
  const task = useAppStore((s) => (operationId ? s.tasks[operationId] : undefined));
  const cancel = usePeopleImport((s) => s.cancel);
  const percent = task && task.total > 0 ? Math.min(100, Math.round((task.done / task.total) * 100)) : 0;
  return (
    <div className="people-job" data-testid="people-import-progress">
      <Typography.Text>{task?.label ?? label}</Typography.Text>
      <Progress percent={percent} status="active" />
      {task && task.total > 1 ? (
        <Typography.Text type="secondary">
          {formatCount(task.done)} / {formatCount(task.total)}
        </Typography.Text>
      ) : null}
      <div style={{ marginTop: 12 }}>
        <Button onClick={() => void cancel()} data-testid="people-import-cancel">
          Hủy
        </Button>
      </div>
    </div>
  );
}

function MappingTable({ columns, onApply }: { columns: PersonImportColumn[]; onApply: (mapping: Record<string, PersonField | null>) => void }) {
  const [changed, setChanged] = useState<Record<string, PersonField | null>>({});
  const options = [{ value: '', label: '— Không nhập —' }, ...PERSON_FIELDS.map((f) => ({ value: f, label: PERSON_FIELD_LABELS[f] }))];
  return (
    <div>
      <Table<PersonImportColumn>
        size="small"
        rowKey="column"
        pagination={false}
        dataSource={columns}
        scroll={{ y: 220 }}
        columns={[
          { title: 'Cột', dataIndex: 'column', key: 'column', width: 60 },
          { title: 'Tiêu đề trong tệp', dataIndex: 'header', key: 'header', ellipsis: true },
          {
            title: 'Nhập vào',
            key: 'field',
            width: 240,
            render: (_: unknown, c) => (
              <Select
                size="small"
                style={{ width: 220 }}
                value={(c.column in changed ? changed[c.column] : c.field) ?? ''}
                options={options}
                aria-label={`Cột ${c.column} nhập vào`}
                onChange={(v: string) => setChanged((m) => ({ ...m, [c.column]: (v || null) as PersonField | null }))}
              />
            ),
          },
          {
            title: '',
            key: 'source',
            width: 110,
            render: (_: unknown, c) => (c.column in changed ? <Tag color="blue">Đã sửa</Tag> : c.source === 'remembered' ? <Tag>Như lần trước</Tag> : c.source === 'auto' ? <Tag>Tự nhận</Tag> : null),
          },
        ]}
      />
      {Object.keys(changed).length > 0 ? (
        <Button style={{ marginTop: 8 }} type="primary" ghost onClick={() => onApply({ ...Object.fromEntries(columns.map((c) => [c.column, c.field])), ...changed })}>
          Đọc lại tệp theo cột đã chọn
        </Button>
      ) : null}
    </div>
  );
}

function CorrectRowModal({ row, onClose }: { row: StagedRow | null; onClose: () => void }) {
  const correct = usePeopleImport((s) => s.correctRow);
  const [form] = Form.useForm<Record<string, string>>();
  const [error, setError] = useState<string | null>(null);
  const fields = useMemo(() => {
    if (!row) return [] as PersonField[];
    const wrong = new Set(row.issues.map((i) => i.field));
    return PERSON_FIELDS.filter((f) => wrong.has(f) || (row.raw && f in row.raw && ['fullName', 'birthDate', 'birthDateMale', 'birthDateFemale', 'cccd', 'bhxhCode', 'phone', 'commune'].includes(f)));
  }, [row]);
  const submit = async (values: Record<string, string>) => {
    if (!row) return;
    // Identifiers come masked from core: only what the user retyped is sent back, the rest stays as staged.
    const changed = Object.fromEntries(Object.entries(values).filter(([f, v]) => v !== undefined && v !== (row.raw?.[f as PersonField] ?? ''))) as Partial<Record<PersonField, string>>;
    if (Object.keys(changed).length === 0) {
      setError('Chưa sửa ô nào.');
      return;
    }
    const res = await correct(row.rowNo, changed);
    if ('code' in res) setError(res.message);
    else if (res.status === 'error') setError(res.issues.map((i) => i.message).join(' '));
    else onClose();
  };
  return (
    <Modal open={row !== null} title={`Sửa dòng ${row?.rowNo ?? ''}`} onCancel={onClose} onOk={() => form.submit()} okText="Kiểm tra lại" destroyOnHidden>
      {row ? (
        <Form form={form} layout="vertical" initialValues={row.raw ?? {}} onFinish={(v) => void submit(v)}>
          {row.issues.map((i, k) => (
            <Alert key={k} type="error" showIcon title={`${i.cell ?? ''} ${i.message}`} style={{ marginBottom: 8 }} />
          ))}
          {fields.map((f) => (
            <Form.Item key={f} name={f} label={PERSON_FIELD_LABELS[f]}>
              <Input maxLength={500} />
            </Form.Item>
          ))}
          {error ? <Alert type="error" showIcon title={error} /> : null}
        </Form>
      ) : null}
    </Modal>
  );
}

const FILTER_LABELS: Record<StagedFilter, string> = { error: 'Có lỗi', duplicate: 'Có ở danh sách khác', update: 'Cập nhật người đã có', ok: 'Hợp lệ' };

function StagedRows() {
  const { preview, rows, rowsFilter, rowsPage, rowsError, loadRows } = usePeopleImport();
  const [editing, setEditing] = useState<StagedRow | null>(null);
  if (!preview) return null;
  const counts = preview.counts;
  return (
    <div>
      <Segmented<StagedFilter>
        value={rowsFilter}
        onChange={(v) => void loadRows({ filter: v })}
        options={(['error', 'duplicate', 'update', 'ok'] as StagedFilter[]).map((f) => ({ value: f, label: `${FILTER_LABELS[f]} (${formatCount(counts[f])})` }))}
        data-testid="staged-filter"
      />
      {rowsError ? <Alert type="error" showIcon title={rowsError.message} /> : null}
      <Table<StagedRow>
        size="small"
        rowKey="rowNo"
        style={{ marginTop: 8 }}
        dataSource={rows?.items ?? []}
        scroll={{ x: 980, y: 260 }}
        data-testid="staged-rows"
        pagination={{
          current: rowsPage,
          pageSize: STAGED_PAGE_SIZE,
          total: rows?.total ?? 0,
          showSizeChanger: false,
          showTotal: (t) => `${formatCount(t)} dòng`,
          onChange: (page) => void loadRows({ page }),
        }}
        columns={[
          { title: 'Dòng', dataIndex: 'rowNo', key: 'rowNo', width: 70 },
          { title: 'Họ và tên', dataIndex: 'fullName', key: 'fullName', width: 170, ellipsis: true },
          { title: 'Ngày sinh', dataIndex: 'birthDate', key: 'birthDate', width: 100, render: (v: string | null) => formatBirth(v) },
          { title: 'Số CCCD', dataIndex: 'cccd', key: 'cccd', width: 125 },
          { title: 'Điện thoại', dataIndex: 'phone', key: 'phone', width: 110 },
          { title: 'Xã, phường', dataIndex: 'communeName', key: 'communeName', width: 140, ellipsis: true },
          {
            title: rowsFilter === 'error' ? 'Lỗi' : rowsFilter === 'duplicate' ? 'Có trong' : '',
            key: 'issues',
            render: (_: unknown, r) =>
              r.issues.length > 0 ? (
                <Space orientation="vertical" size={0}>
                  {r.issues.map((i, k) => (
                    <Typography.Text key={k} type="danger" style={{ fontSize: 12 }}>
                      {i.cell ? <strong>{i.cell}: </strong> : null}
                      {i.message}
                    </Typography.Text>
                  ))}
                </Space>
              ) : (
                r.duplicateOf ?? ''
              ),
          },
          {
            title: '',
            key: 'fix',
            width: 70,
            render: (_: unknown, r) => (r.status === 'error' ? <Button size="small" onClick={() => setEditing(r)}>Sửa</Button> : null),
          },
        ]}
      />
      <CorrectRowModal row={editing} onClose={() => setEditing(null)} />
    </div>
  );
}

/** Nhập danh sách: a workbook of any size becomes a list, through a staged preview the user checks before anything is written. */
export function PersonImportModal() {
  const s = usePeopleImport();
  const lists = usePersonLists((l) => l.lists);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const p = s.preview;
  const toWrite = p ? p.counts.ok + p.counts.duplicate + p.counts.update : 0;
  const busy = s.stage === 'reading' || s.stage === 'committing';
  const footer =
    s.stage === 'preview' && p
      ? [
          p.counts.error > 0 ? (
            <Button
              key="errors"
              loading={exporting}
              onClick={async () => {
                setExporting(true);
                const e = await s.exportErrors();
                setExporting(false);
                setExportError(e?.message ?? null);
              }}
            >
              Tải các dòng lỗi (Excel)
            </Button>
          ) : null,
          <Button key="close" onClick={() => void s.close()}>
            Hủy bỏ
          </Button>,
          <Button key="commit" type="primary" disabled={!p.canCommit} onClick={() => void s.commit()} data-testid="people-import-commit">
            Ghi {formatCount(toWrite)} người vào danh sách
          </Button>,
        ]
      : s.stage === 'done'
        ? [
            <Button key="done" type="primary" onClick={() => void s.close()}>
              Đóng
            </Button>,
          ]
        : busy
          ? null
          : [
              <Button key="close" onClick={() => void s.close()}>
                Đóng
              </Button>,
              <Button key="pick" type="primary" icon={<FileExcelOutlined aria-hidden />} onClick={() => void s.pick()} disabled={!s.target.listId && (s.target.listName ?? '').trim().length > 0 && (s.target.listName ?? '').trim().length < 3} data-testid="people-import-pick">
                Chọn tệp Excel…
              </Button>,
            ];
  return (
    <Modal open={s.open} title="Nhập danh sách người vận động" onCancel={() => !busy && void s.close()} closable={!busy} maskClosable={false} width={1040} footer={footer} destroyOnHidden>
      {s.error ? <Alert type="error" showIcon title={s.error.message} style={{ marginBottom: 12 }} data-testid="people-import-error" /> : null}
      {s.cancelledMessage ? <Alert type="info" showIcon title={s.cancelledMessage} style={{ marginBottom: 12 }} /> : null}
      {exportError ? <Alert type="error" showIcon title={exportError} style={{ marginBottom: 12 }} /> : null}
      {s.stage === 'idle' ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Radio.Group
            value={s.target.listId ? 'existing' : 'new'}
            onChange={(e) => s.setTarget(e.target.value === 'new' ? { listId: undefined } : { listId: lists[0]?.id, listName: undefined })}
            options={[
              { value: 'new', label: 'Tạo danh sách mới' },
              { value: 'existing', label: 'Nhập thêm vào danh sách đã có', disabled: lists.length === 0 },
            ]}
          />
          {s.target.listId ? (
            <Select style={{ width: 420 }} value={s.target.listId} onChange={(v) => s.setTarget({ listId: v })} options={lists.map((l) => ({ value: l.id, label: l.name }))} aria-label="Danh sách nhập vào" />
          ) : (
            <Space wrap>
              <Input
                style={{ width: 420 }}
                placeholder="Tên danh sách (để trống: lấy theo tên tệp)"
                value={s.target.listName ?? ''}
                onChange={(e) => s.setTarget({ listName: e.target.value || undefined })}
                aria-label="Tên danh sách mới"
                data-testid="people-import-list-name"
              />
              <Select
                style={{ width: 330 }}
                value={s.target.listKind ?? 'PROSPECT'}
                onChange={(v) => s.setTarget({ listKind: v })}
                options={PERSON_LIST_KINDS.map((k) => ({ value: k, label: PERSON_LIST_KIND_LABELS[k] }))}
                aria-label="Loại danh sách"
              />
            </Space>
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            Tệp .xlsx, .xls, .ods hoặc .csv, có dòng tiêu đề (Họ và tên, Ngày sinh, Số CCCD, Mã số BHXH, Điện thoại, Xã, Ấp…). Chương trình tự nhận cột, kiểm tra từng ô,
            tìm người trùng với danh sách khác và cho xem trước; chưa có gì được ghi cho đến khi bấm “Ghi”. Tệp lớn (hàng trăm nghìn dòng) được đọc dần, có thể hủy bất cứ lúc nào.
          </Typography.Paragraph>
        </Space>
      ) : null}
      {s.stage === 'reading' ? <JobProgress label="Đang đọc tệp…" /> : null}
      {s.stage === 'committing' ? <JobProgress label="Đang ghi danh sách…" /> : null}
      {s.stage === 'preview' && p ? (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="people-import-preview">
          <div className="people-import-counts">
            <span>
              Tệp <strong>{p.fileName}</strong>, trang <strong>{p.sheet}</strong>, tiêu đề ở dòng {p.headerRow} → danh sách <strong>{p.listName}</strong>
              {p.existingListId ? ' (đã có)' : ' (mới)'}
            </span>
            <Space wrap size="large">
              <span>Đã đọc: <strong data-testid="count-read">{formatCount(p.counts.read)}</strong> dòng</span>
              <span>Hợp lệ: <strong>{formatCount(p.counts.ok)}</strong></span>
              <span>Có ở danh sách khác: <strong data-testid="count-duplicate">{formatCount(p.counts.duplicate)}</strong></span>
              <span>Cập nhật: <strong>{formatCount(p.counts.update)}</strong></span>
              <span>
                Lỗi: <strong data-testid="count-error" className={p.counts.error > 0 ? 'text-danger' : undefined}>{formatCount(p.counts.error)}</strong>
              </span>
            </Space>
            {p.errorsByField.length > 0 ? (
              <Typography.Text type="secondary">Lỗi theo cột: {p.errorsByField.map((e) => `${PERSON_FIELD_LABELS[e.field]} ${formatCount(e.count)}`).join(' · ')}</Typography.Text>
            ) : null}
          </div>
          {p.notices?.map((n) => <Alert key={n} type="info" showIcon title={n} data-testid="people-import-notice" />)}
          {p.missingFields.length > 0 ? (
            <Alert type="error" showIcon title={`Chưa có cột cho: ${p.missingFields.map((f) => PERSON_FIELD_LABELS[f]).join(', ')}. Hãy chọn cột tương ứng bên dưới rồi đọc lại.`} />
          ) : p.counts.error > 0 ? (
            <Alert type="warning" showIcon title={`${formatCount(p.counts.error)} dòng có lỗi sẽ không được ghi. Sửa từng dòng tại đây, hoặc tải các dòng lỗi về gửi lại đơn vị.`} />
          ) : null}
          <details>
            <summary>Cột trong tệp và thông tin được nhập ({p.columns.filter((c) => c.field).length}/{p.columns.length} cột)</summary>
            <MappingTable columns={p.columns} onApply={(mapping) => void s.run({ mapping, sheet: p.sheet })} />
          </details>
          {p.sheets.length > 1 ? (
            <Space>
              <span>Trang tính:</span>
              <Select style={{ width: 240 }} value={p.sheet} options={p.sheets.map((n) => ({ value: n, label: n }))} onChange={(sheet) => void s.run({ sheet })} aria-label="Trang tính" />
            </Space>
          ) : null}
          <StagedRows />
        </Space>
      ) : null}
      {s.stage === 'done' && s.outcome ? (
        <Alert
          type="success"
          showIcon
          data-testid="people-import-outcome"
          title={`Đã ghi danh sách "${s.outcome.listName}"`}
          description={`Đã đọc ${formatCount(s.outcome.read)} dòng: nhập mới ${formatCount(s.outcome.imported)}, cập nhật ${formatCount(s.outcome.updated)}, bị từ chối ${formatCount(s.outcome.rejected)}, trùng với danh sách khác ${formatCount(s.outcome.duplicates)}. Có thể hoàn tác ở thẻ “Lịch sử nhập”.`}
        />
      ) : null}
    </Modal>
  );
}
