import { App, Button, Card, Table } from 'antd';
import { ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import { useEffect } from 'react';
import type { AuditEntry } from '../../../../shared/contract';
import { formatDateTime } from '../../../../shared/format/vi';
import { AUDIT_PAGE_SIZE, useBackupsStore } from '../../stores/backups';
import { PageTitle } from '../../components/PageTitle';
import { ErrorResult } from '../../components/ErrorResult';
import { auditActionLabel } from '../../text/labels';
import { BackupsTable } from './BackupsTable';

export function BackupsPage() {
  const { message } = App.useApp();
  const loaded = useBackupsStore((s) => s.loaded);
  const error = useBackupsStore((s) => s.error);
  const creating = useBackupsStore((s) => s.creating);
  const load = useBackupsStore((s) => s.load);
  const create = useBackupsStore((s) => s.create);
  const audit = useBackupsStore((s) => s.audit);
  const auditLoaded = useBackupsStore((s) => s.auditLoaded);
  const auditTotal = useBackupsStore((s) => s.auditTotal);
  const auditOffset = useBackupsStore((s) => s.auditOffset);
  const auditLoading = useBackupsStore((s) => s.auditLoading);
  const auditError = useBackupsStore((s) => s.auditError);
  const loadAudit = useBackupsStore((s) => s.loadAudit);

  useEffect(() => {
    void load();
    void loadAudit();
  }, [load, loadAudit]);

  const backupNow = async () => {
    const res = await create();
    if (res.ok) void message.success(`Đã sao lưu vào tệp ${res.value.fileName}.`);
    else void message.error(res.error.message);
  };

  return (
    <div className="page">
      <PageTitle
        title="Sao lưu"
        description="Các bản sao lưu cơ sở dữ liệu và nhật ký thay đổi. Bản sao lưu được tạo tự động hằng ngày và trước mỗi lần nhập dữ liệu."
        extra={
          <Button type="primary" icon={<SaveOutlined aria-hidden />} onClick={() => void backupNow()} loading={creating}>
            Sao lưu ngay
          </Button>
        }
      />
      <Card title="Bản sao lưu" size="small" className="section-card">
        {error && loaded ? <ErrorResult error={error} onRetry={() => void load()} /> : <BackupsTable />}
      </Card>
      <Card
        title="Nhật ký thay đổi"
        size="small"
        className="section-card"
        extra={
          <Button
            size="small"
            type="text"
            icon={<ReloadOutlined aria-hidden />}
            onClick={() => void loadAudit()}
            aria-label="Tải lại nhật ký"
          >
            Tải lại
          </Button>
        }
      >
        {auditError && auditLoaded ? (
          <ErrorResult error={auditError} onRetry={() => void loadAudit()} />
        ) : (
          <Table<AuditEntry>
            size="small"
            rowKey="id"
            loading={auditLoading}
            dataSource={audit}
            pagination={
              auditTotal > AUDIT_PAGE_SIZE
                ? { current: auditOffset / AUDIT_PAGE_SIZE + 1, pageSize: AUDIT_PAGE_SIZE, total: auditTotal, showSizeChanger: false, onChange: (page) => void loadAudit(page) }
                : false
            }
            data-testid="audit-table"
            locale={{ emptyText: 'Chưa có thay đổi nào được ghi nhận' }}
            columns={[
              { title: 'Thời điểm', dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
              { title: 'Người thực hiện', dataIndex: 'actor', width: 160 },
              { title: 'Thao tác', key: 'action', width: 200, render: (_: unknown, r) => auditActionLabel(r.action, r.entity) },
              { title: 'Nội dung', dataIndex: 'summary' },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
