import { App, Button, Tooltip } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useStaffStore, type RevealField } from '../../stores/networkStaff';

const FIELD_LABELS: Record<RevealField, string> = { cccd: 'số CCCD', phone: 'số điện thoại' };

/** A masked number with "Hiện": the full number comes from core, which logs who looked. */
export function RevealCell({ code, name, field, masked }: { code: string; name: string; field: RevealField; masked: string | null }) {
  const { message } = App.useApp();
  const reveal = useStaffStore((s) => s.reveal);
  const full = useStaffStore((s) => s.revealed[`${code}:${field}`]);
  const [busy, setBusy] = useState(false);
  if (!masked) return <span className="muted">—</span>;
  if (full !== undefined) return <span className="mono" data-testid={`revealed-${field}`}>{full ?? '—'}</span>;
  const click = async (e: React.MouseEvent) => {
    e.stopPropagation();
    setBusy(true);
    const res = await reveal(code, field);
    setBusy(false);
    if (res.ok) void message.info(`Đã hiện ${FIELD_LABELS[field]} của ${name}. Lần xem này được ghi vào nhật ký.`);
    else void message.error(res.error.message);
  };
  return (
    <span className="reveal-cell">
      <span className="mono">{masked}</span>
      <Tooltip title={`Hiện đầy đủ ${FIELD_LABELS[field]} — mỗi lần xem được ghi vào nhật ký`}>
        <Button size="small" type="link" icon={<EyeOutlined aria-hidden />} loading={busy} onClick={(e) => void click(e)} aria-label={`Hiện ${FIELD_LABELS[field]} của ${name}`}>
          Hiện
        </Button>
      </Tooltip>
    </span>
  );
}
