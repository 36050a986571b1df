import { Card, Result, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import type { AppInfo } from '../../../shared/contract';
import { useAppStore } from '../stores/app';
import { useBackupsStore } from '../stores/backups';
import { ErrorAlert } from '../components/ErrorResult';
import { BackupsTable } from './backups/BackupsTable';
import { ConnectionForm } from './ConnectionForm';

const UNAVAILABLE_TITLES: Record<string, string> = {
  DB_AUTH: 'Không đăng nhập được vào máy chủ cơ sở dữ liệu',
  DB_UNREACHABLE: 'Không kết nối được tới máy chủ cơ sở dữ liệu',
  DB_MISSING: 'Máy chủ không có cơ sở dữ liệu này',
  DB_NEWER_VERSION: 'Cơ sở dữ liệu thuộc phiên bản BHXH Desk mới hơn',
  DB_UNSUPPORTED: 'Máy chủ PostgreSQL quá cũ',
};

/**
 * Shown whenever the database cannot be used. A damaged file: restore a backup. A server that
 * cannot be reached, refuses the password, lacks the database or holds a newer schema: the
 * reason in Vietnamese and the connection form to fix it (or go back to the file on this computer).
 */
export function RecoveryPage() {
  const info = useAppStore((s) => s.info);
  if (info?.dbStatus === 'unavailable') return <UnavailablePage info={info} />;
  return <CorruptPage />;
}

function UnavailablePage({ info }: { info: AppInfo }) {
  const onFile = info.engine === 'sqlite';
  return (
    <div className="center-page" data-testid="recovery-page">
      <Card className="recovery-card">
        <Result
          status="warning"
          className="recovery-result"
          title={UNAVAILABLE_TITLES[info.dbErrorCode ?? ''] ?? 'Chưa mở được cơ sở dữ liệu'}
          subTitle={
            <span className="error-message-long" data-testid="db-message">
              {info.dbMessage}
            </span>
          }
        />
        <Typography.Title level={5}>Kết nối cơ sở dữ liệu</Typography.Title>
        <Typography.Paragraph type="secondary">
          Nhập thông tin máy chủ PostgreSQL dùng chung do quản trị viên cung cấp, hoặc quay về cơ sở dữ liệu trên máy này.
        </Typography.Paragraph>
        <ConnectionForm />
        {onFile ? (
          <>
            <Typography.Title level={5} style={{ marginTop: 24 }}>
              Khôi phục từ bản sao lưu
            </Typography.Title>
            <RestoreList />
          </>
        ) : null}
      </Card>
    </div>
  );
}

/** The backups of the data folder, each with a confirmed restore; `empty` says what to do when there is none. */
function RestoreList({ empty }: { empty?: ReactNode }) {
  const load = useBackupsStore((s) => s.load);
  const error = useBackupsStore((s) => s.error);
  const backups = useBackupsStore((s) => s.backups);
  const loaded = useBackupsStore((s) => s.loaded);
  useEffect(() => {
    void load();
  }, [load]);
  if (error) return <ErrorAlert error={error} title="Không đọc được danh sách bản sao lưu" />;
  if (loaded && backups.length === 0) return empty ?? <Typography.Paragraph type="secondary">Không có bản sao lưu nào trong thư mục dữ liệu.</Typography.Paragraph>;
  return <BackupsTable pageSize={5} recovery />;
}

/** The file failed its integrity check at start: the way forward is a restore. */
function CorruptPage() {
  const info = useAppStore((s) => s.info);
  return (
    <div className="center-page" data-testid="recovery-page">
      <Card className="recovery-card">
        <Result
          status="error"
          className="recovery-result"
          title="Cơ sở dữ liệu bị hỏng"
          subTitle="Tệp cơ sở dữ liệu không vượt qua bước kiểm tra toàn vẹn khi khởi động. Hãy khôi phục từ một bản sao lưu bên dưới."
        />
        {info?.dbMessage ? (
          <details className="tech-details">
            <summary>Chi tiết kỹ thuật</summary>
            <pre data-testid="db-message">{info.dbMessage}</pre>
          </details>
        ) : null}
        <Typography.Paragraph>
          Chọn bản sao lưu để khôi phục. Tệp cơ sở dữ liệu hiện tại
          {info ? (
            <>
              {' '}
              (<Typography.Text code>{info.dbFile}</Typography.Text>)
            </>
          ) : null}{' '}
          sẽ được thay bằng bản sao lưu đã chọn.
        </Typography.Paragraph>
        <RestoreList
          empty={
            <Typography.Paragraph type="warning">
              Không có bản sao lưu nào trong thư mục dữ liệu. Hãy liên hệ bộ phận công nghệ thông tin để được hỗ trợ.
            </Typography.Paragraph>
          }
        />
        <details className="tech-details" style={{ marginTop: 16 }}>
          <summary>Dùng cơ sở dữ liệu trên máy chủ PostgreSQL dùng chung</summary>
          <ConnectionForm />
        </details>
      </Card>
    </div>
  );
}
