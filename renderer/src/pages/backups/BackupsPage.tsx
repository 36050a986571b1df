import { Alert, App, Button, Card, Modal, Table, Typography } from 'antd';
import { ApiOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../../shared/contract';
import { useAppStore } from '../../stores/app';
import { useConnectionStore } from '../../stores/connection';
import { ConnectionForm } from '../ConnectionForm';
import { formatDateTime } from '../../../../shared/format/vi';
import { AUDIT_PAGE_SIZE, useBackupsStore } from '../../stores/backups';
import { PageTitle } from '../../components/PageTitle';
import { ErrorResult } from '../../components/ErrorResult';
import { auditActionLabel } from '../../text/labels';
import { BackupsTable } from './BackupsTable';

export function BackupsPage() {
  const { message } = App.useApp();
  const info = useAppStore((s) => s.info);
  const onServer = info?.engine === 'postgres';
  const [connecting, setConnecting] = useState(false);
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
    // On a shared server there are no backup files to list: the server's administrator backs up.
    if (!onServer) void load();
    void loadAudit();
  }, [load, loadAudit, onServer]);

  const backupNow = async () => {
    const res = await create();
    if (res.ok) void message.success(`Đã sao lưu vào tệp ${res.value.fileName}.`);
    else void message.error(res.error.message);
  };

  return (
    <div className="page">
      <PageTitle
        title="Sao lưu"
        description={
          onServer
            ? 'Dữ liệu nằm trên máy chủ PostgreSQL dùng chung; quản trị viên máy chủ sao lưu và khôi phục. Nhật ký thay đổi ở bên dưới.'
            : 'Các bản sao lưu cơ sở dữ liệu và nhật ký thay đổi. Bản sao lưu được tạo tự động hằng ngày và trước mỗi lần nhập dữ liệu.'
        }
        extra={
          <>
            <Button icon={<ApiOutlined aria-hidden />} onClick={() => setConnecting(true)}>
              Kết nối cơ sở dữ liệu…
            </Button>
            {onServer ? null : (
              <Button type="primary" icon={<SaveOutlined aria-hidden />} onClick={() => void backupNow()} loading={creating}>
                Sao lưu ngay
              </Button>
            )}
          </>
        }
      />
      {onServer ? (
        <ServerBackupPanel />
      ) : (
        <Card title="Bản sao lưu" size="small" className="section-card">
          {error && loaded ? <ErrorResult error={error} onRetry={() => void load()} /> : <BackupsTable />}
        </Card>
      )}
      <Modal
        title="Kết nối cơ sở dữ liệu"
        open={connecting}
        onCancel={() => setConnecting(false)}
        footer={null}
        width={720}
        destroyOnHidden
      >
        <ConnectionForm onConnected={() => setConnecting(false)} />
      </Modal>
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
                ? {
                    current: auditOffset / AUDIT_PAGE_SIZE + 1,
                    pageSize: AUDIT_PAGE_SIZE,
                    total: auditTotal,
                    showSizeChanger: false,
                    onChange: (page) => void loadAudit(page),
                  }
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

/**
 * On a shared PostgreSQL server the app makes no backup files and restores none: the server's
 * administrator does both with PostgreSQL's own tools. The commands are filled in with this
 * connection's server, port, user and database (never its password).
 */
function ServerBackupPanel() {
  const { info: connection, load } = useConnectionStore();
  useEffect(() => {
    void load();
  }, [load]);
  const f = connection?.fields ?? { host: 'máy-chủ', port: 5432, user: 'người-dùng', database: 'bhxh' };
  const target = `-h ${f.host} -p ${f.port} -U ${f.user}`;
  return (
    <Card title="Sao lưu trên máy chủ PostgreSQL" size="small" className="section-card" data-testid="server-backup-panel">
      <div className="server-backup-body">
        <Alert
          type="info"
          showIcon
          title="Quản trị viên máy chủ sao lưu cơ sở dữ liệu này"
          description="Dữ liệu của mọi máy trạm và các BHXH cơ sở nằm chung trên máy chủ, nên ứng dụng không tạo bản sao lưu dạng tệp và không khôi phục từ tệp. Quản trị viên sao lưu định kỳ bằng pg_dump và khôi phục bằng pg_restore, ví dụ:"
          style={{ marginBottom: 12 }}
        />
        <Typography.Text strong>Sao lưu (mỗi ngày, mỗi ngày một tệp, giữ nhiều bản):</Typography.Text>
        <pre className="pg-commands" data-testid="pg-dump-command">{`pg_dump ${target} -Fc -f bhxh-20260115.dump ${f.database}`}</pre>
        <Typography.Text strong>Khôi phục (khi mọi máy đã thoát BHXH Desk):</Typography.Text>
        <pre className="pg-commands">{`pg_restore ${target} -d ${f.database} --clean --if-exists bhxh-20260115.dump`}</pre>
        <Typography.Text type="secondary">
          Mật khẩu do pg_dump hỏi khi chạy (hoặc đặt trong tệp .pgpass của quản trị viên), không ghi trong lệnh.
        </Typography.Text>
      </div>
    </Card>
  );
}
