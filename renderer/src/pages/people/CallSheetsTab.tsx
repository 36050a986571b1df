import { Alert, Button, Card, Checkbox, Select, Space, Typography, message } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { usePersonLists } from '../../stores/personLists';
import { printDocumentLayer } from '../../print/printLayer';
import { StaffSelect } from './StaffSelect';

/**
 * Phiếu gọi, danh sách đi từng nhà: one staff member's people grouped by hamlet, as Excel to
 * fill in by hand or printed on A4. Both carry real phone numbers, so each is logged.
 */
export function CallSheetsTab() {
  const lists = usePersonLists((s) => s.lists);
  const exportSheet = usePersonLists((s) => s.exportSheet);
  const walkDocument = usePersonLists((s) => s.walkDocument);
  const [staffCode, setStaffCode] = useState<string | null>(null);
  const [listId, setListId] = useState<number | undefined>(undefined);
  const [openOnly, setOpenOnly] = useState(true);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (kind: 'call' | 'walk' | 'print') => {
    if (!staffCode) return;
    setBusy(kind);
    setError(null);
    if (kind === 'print') {
      const res = await walkDocument({ staffCode, listId, openOnly });
      setBusy(null);
      if (!res.ok) setError(res.error.message);
      else await printDocumentLayer(res.value, { name: 'walk-list', landscape: true });
      return;
    }
    const res = await exportSheet({ staffCode, listId, kind, openOnly });
    setBusy(null);
    if (!res.ok) setError(res.error.message);
    else if (res.value.fileName) message.success(`Đã lưu ${res.value.fileName}`);
  };
  return (
    <Card className="people-sheets">
      <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 760 }}>
        <Typography.Paragraph style={{ margin: 0 }}>
          Chọn nhân viên thu để lập phiếu gọi (kèm số điện thoại) hoặc danh sách đi từng nhà, nhóm theo thôn, ấp. Tài liệu có dữ liệu cá nhân: mỗi lần xuất, in đều được ghi vào nhật ký.
        </Typography.Paragraph>
        <Space wrap>
          <StaffSelect value={staffCode} onChange={(v) => setStaffCode((v as string | null) ?? null)} width={340} testId="sheet-staff" />
          <Select allowClear style={{ width: 300 }} placeholder="Mọi danh sách" aria-label="Danh sách" value={listId} onChange={(v) => setListId(v ?? undefined)} options={lists.map((l) => ({ value: l.id, label: l.name }))} />
        </Space>
        <Checkbox checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)}>
          Chỉ những người chưa xong (bỏ người đã tham gia, đã từ chối)
        </Checkbox>
        <Space wrap>
          <Button type="primary" icon={<DownloadOutlined aria-hidden />} disabled={!staffCode} loading={busy === 'call'} onClick={() => void run('call')} data-testid="export-call-sheet">
            Phiếu gọi (Excel)
          </Button>
          <Button icon={<DownloadOutlined aria-hidden />} disabled={!staffCode} loading={busy === 'walk'} onClick={() => void run('walk')}>
            Danh sách đi từng nhà (Excel)
          </Button>
          <Button icon={<PrinterOutlined aria-hidden />} disabled={!staffCode} loading={busy === 'print'} onClick={() => void run('print')} data-testid="print-walk-list">
            In danh sách đi từng nhà (A4)
          </Button>
        </Space>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Space>
    </Card>
  );
}
