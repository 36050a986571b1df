import { Card, Result, Typography } from 'antd';
import { useEffect } from 'react';
import { useAppStore } from '../stores/app';
import { useBackupsStore } from '../stores/backups';
import { ErrorAlert } from '../components/ErrorResult';
import { BackupsTable } from './backups/BackupsTable';

/** Shown when the database failed its integrity check at start: the only way forward is a restore. */
export function RecoveryPage() {
  const info = useAppStore((s) => s.info);
  const load = useBackupsStore((s) => s.load);
  const error = useBackupsStore((s) => s.error);
  const backups = useBackupsStore((s) => s.backups);
  const loaded = useBackupsStore((s) => s.loaded);

  useEffect(() => {
    void load();
  }, [load]);

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
        {error ? (
          <div style={{ marginBottom: 12 }}>
            <ErrorAlert error={error} title="Không đọc được danh sách bản sao lưu" />
          </div>
        ) : null}
        {loaded && backups.length === 0 && !error ? (
          <Typography.Paragraph type="warning">
            Không có bản sao lưu nào trong thư mục dữ liệu. Hãy liên hệ bộ phận công nghệ thông tin để được hỗ trợ.
          </Typography.Paragraph>
        ) : !error ? (
          <BackupsTable pageSize={5} recovery />
        ) : null}
      </Card>
    </div>
  );
}
