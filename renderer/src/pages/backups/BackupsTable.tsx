import { App, Button, Table, Typography } from 'antd';
import { RollbackOutlined } from '@ant-design/icons';
import type { BackupInfo } from '../../../../shared/contract';
import { formatDateTime } from '../../../../shared/format/vi';
import { useBackupsStore } from '../../stores/backups';
import { reloadEverything } from '../../stores/refresh';
import { formatBytes } from '../../../../shared/format/vi';
import { backupReasonLabel } from '../../text/labels';

export const RESTORE_WARNING = 'Dữ liệu hiện tại sẽ được sao lưu trước, rồi thay bằng bản sao lưu này.';
/** In recovery mode the damaged database cannot be backed up first. */
export const RECOVERY_RESTORE_WARNING = 'Tệp cơ sở dữ liệu bị hỏng sẽ được thay bằng bản sao lưu này.';

/** The list of backups with a confirmed "Khôi phục" per row (Sao lưu page and recovery screen). */
export function BackupsTable({ pageSize = 8, recovery = false }: { pageSize?: number; recovery?: boolean }) {
  const { modal, message, notification } = App.useApp();
  const backups = useBackupsStore((s) => s.backups);
  const loading = useBackupsStore((s) => s.loading);
  const restoring = useBackupsStore((s) => s.restoring);
  const restore = useBackupsStore((s) => s.restore);

  const confirmRestore = (b: BackupInfo) => {
    modal.confirm({
      title: `Khôi phục bản sao lưu ${formatDateTime(b.createdAt)}?`,
      content: (
        <div>
          <p>{recovery ? RECOVERY_RESTORE_WARNING : RESTORE_WARNING}</p>
          <Typography.Text type="secondary">Tệp: {b.fileName}</Typography.Text>
        </div>
      ),
      okText: 'Khôi phục',
      cancelText: 'Hủy',
      okButtonProps: { danger: true },
      onOk: async () => {
        const res = await restore(b.fileName);
        if (res.ok) {
          notification.success({
            title: 'Đã khôi phục dữ liệu',
            description: res.value.safetyBackup
              ? `Đã khôi phục từ ${res.value.restoredFrom}. Dữ liệu trước khi khôi phục được lưu tại ${res.value.safetyBackup}.`
              : `Đã khôi phục từ ${res.value.restoredFrom}.`,
            duration: 8,
          });
          await reloadEverything();
        } else {
          void message.error(res.error.message);
        }
      },
    });
  };

  return (
    <Table<BackupInfo>
      size="middle"
      rowKey="fileName"
      loading={loading}
      dataSource={backups}
      pagination={backups.length > pageSize ? { pageSize, showSizeChanger: false } : false}
      data-testid="backups-table"
      locale={{ emptyText: 'Chưa có bản sao lưu nào' }}
      columns={[
        { title: 'Tệp', dataIndex: 'fileName', ellipsis: true, render: (f: string) => <span className="file-name">{f}</span> },
        { title: 'Thời điểm', dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
        { title: 'Dung lượng', dataIndex: 'sizeBytes', width: 120, align: 'right', render: (v: number) => formatBytes(v) },
        { title: 'Lý do', dataIndex: 'reason', width: 210, render: (r: string) => backupReasonLabel(r) },
        {
          title: '',
          key: 'actions',
          width: 130,
          align: 'right',
          render: (_: unknown, b) => (
            <Button
              size="small"
              icon={<RollbackOutlined aria-hidden />}
              onClick={() => confirmRestore(b)}
              loading={restoring === b.fileName}
              disabled={restoring !== null && restoring !== b.fileName}
              aria-label={`Khôi phục ${b.fileName}`}
            >
              Khôi phục
            </Button>
          ),
        },
      ]}
    />
  );
}
