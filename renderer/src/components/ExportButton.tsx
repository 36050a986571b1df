import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import type { Result } from '../../../shared/contract';

/** "Xuất Excel" for any table: the store builds and saves the workbook, this shows the outcome. */
export function ExportButton({
  onExport,
  disabled,
  size,
}: {
  onExport: () => Promise<Result<{ fileName: string | null }>>;
  disabled?: boolean;
  size?: 'small' | 'middle';
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const click = async () => {
    setBusy(true);
    try {
      const res = await onExport();
      if (!res.ok) void message.error(res.error.message);
      else if (res.value.fileName) void message.success(`Đã xuất tệp ${res.value.fileName}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size={size} icon={<FileExcelOutlined aria-hidden />} loading={busy} disabled={disabled} onClick={() => void click()}>
      Xuất Excel
    </Button>
  );
}
