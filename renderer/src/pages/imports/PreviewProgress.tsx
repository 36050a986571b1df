import { Button, Progress, Typography } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useAppStore } from '../../stores/app';
import { useImportsStore } from '../../stores/imports';

/** The stage core reports for the running preview ("Đang phân tích trang tính 3/12…") and "Hủy". */
export function PreviewProgress({ fileName }: { fileName: string | null }) {
  const operationId = useImportsStore((s) => s.operationId);
  const cancelPreview = useImportsStore((s) => s.cancelPreview);
  const task = useAppStore((s) => (operationId ? s.tasks[operationId] : undefined));
  const [cancelling, setCancelling] = useState(false);
  const percent = Math.max(3, task && task.total > 0 ? Math.round((task.done / task.total) * 100) : 0);
  const onCancel = async () => {
    setCancelling(true);
    try {
      await cancelPreview();
    } finally {
      setCancelling(false);
    }
  };
  return (
    <div className="imports-progress" data-testid="imports-progress" role="status" aria-live="polite">
      <Typography.Text strong>{fileName ? `Đang xem trước tệp ${fileName}` : 'Đang xem trước tệp'}</Typography.Text>
      <Progress percent={percent} status="active" showInfo={false} aria-label="Tiến độ đọc tệp" />
      <div className="imports-progress-row">
        <Typography.Text type="secondary" data-testid="imports-progress-stage">
          {task?.label ?? 'Đang đọc tệp…'}
        </Typography.Text>
        <Button icon={<StopOutlined aria-hidden />} onClick={() => void onCancel()} loading={cancelling} disabled={!operationId}>
          Hủy
        </Button>
      </div>
    </div>
  );
}
