import { Alert, App, Button, Form, Input, InputNumber, Space, Spin, Typography } from 'antd';
import { ApiOutlined, DesktopOutlined, SyncOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import type { AppErrorShape, ConnectionInfo } from '../../../shared/contract';
import { ErrorAlert } from '../components/ErrorResult';
import { useConnectionStore } from '../stores/connection';
import { reloadEverything } from '../stores/refresh';

interface FormValues {
  host: string;
  port: number;
  database: string;
  user: string;
  password?: string;
}

type Outcome = { kind: 'ok'; message: string } | { kind: 'error'; error: AppErrorShape } | null;

const SOURCE_NOTES: Partial<Record<ConnectionInfo['source'], string>> = {
  flag: 'Ứng dụng được mở với địa chỉ cơ sở dữ liệu ghi trên dòng lệnh (--database). Kết nối lưu ở đây được dùng ngay; lần mở sau, nếu dòng lệnh vẫn có --database thì địa chỉ đó được ưu tiên.',
  env: 'Ứng dụng được mở với địa chỉ cơ sở dữ liệu trong biến môi trường BHXH_DATABASE_URL. Kết nối lưu ở đây được dùng ngay; lần mở sau, nếu biến đó vẫn còn thì địa chỉ đó được ưu tiên.',
};

/**
 * Where the data is: a shared PostgreSQL server (host, port, database, user, password) or the
 * file on this computer. Shown on the recovery screen and from the Sao lưu page. The password
 * is typed here and never shown back: left empty, the one already saved is kept.
 */
export function ConnectionForm({ onConnected }: { onConnected?: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const { info, error: loadError, load, test: testConnection, switchTo: saveAndReopen } = useConnectionStore();
  const [busy, setBusy] = useState<'test' | 'save' | 'local' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (info) form.setFieldsValue(info.fields ?? { host: '', port: 5432, database: 'bhxh', user: '' });
  }, [form, info]);

  const request = (values: FormValues) => ({
    engine: 'postgres' as const,
    host: values.host.trim(),
    port: values.port,
    database: values.database.trim(),
    user: values.user.trim(),
    password: values.password ?? '',
  });

  const test = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return false;
    setBusy('test');
    setOutcome(null);
    const res = await testConnection(request(values));
    setBusy(null);
    setOutcome(res.ok ? { kind: 'ok', message: res.value.message } : { kind: 'error', error: res.error });
    return res.ok;
  };

  /** Saves, reopens the database and reloads every screen; a failure keeps the form open with the reason. */
  const switchTo = async (kind: 'save' | 'local', values?: FormValues) => {
    setBusy(kind);
    setOutcome(null);
    const reopened = await saveAndReopen(values ? request(values) : { engine: 'sqlite' });
    setBusy(null);
    if (!reopened.ok) {
      setOutcome({ kind: 'error', error: reopened.error });
      return;
    }
    await reloadEverything();
    if (reopened.value.dbStatus === 'ok') {
      void message.success(
        reopened.value.engine === 'postgres' ? 'Đã kết nối tới máy chủ cơ sở dữ liệu.' : 'Đã chuyển về cơ sở dữ liệu trên máy này.',
      );
      onConnected?.();
    } else {
      setOutcome({ kind: 'error', error: { code: 'UNAVAILABLE', message: reopened.value.dbMessage ?? 'Chưa mở được cơ sở dữ liệu.' } });
    }
  };

  const saveAndReconnect = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    // A connection that does not work is not saved: the message says why first.
    if (!(await test())) return;
    await switchTo('save', values);
  };

  if (loadError) return <ErrorAlert error={loadError} title="Không đọc được cấu hình kết nối" />;
  if (!info) return <Spin />;

  const note = SOURCE_NOTES[info.source];
  return (
    <div className="connection-form" data-testid="connection-form">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        Đang dùng:{' '}
        <Typography.Text code data-testid="connection-location">
          {info.engine === 'postgres' ? `máy chủ PostgreSQL ${info.location}` : `tệp trên máy này (${info.location})`}
        </Typography.Text>
      </Typography.Paragraph>
      {note ? <Alert type="info" showIcon title={note} style={{ marginBottom: 12 }} /> : null}
      <Form<FormValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={busy !== null}
        onFinish={() => void saveAndReconnect()}
      >
        <div className="connection-grid">
          <Form.Item name="host" label="Máy chủ" rules={[{ required: true, whitespace: true, message: 'Hãy nhập địa chỉ máy chủ' }]}>
            <Input placeholder="vd. 10.10.1.5 hoặc csdl.bhxh.local" autoComplete="off" />
          </Form.Item>
          <Form.Item name="port" label="Cổng" rules={[{ required: true, message: 'Hãy nhập cổng' }]}>
            <InputNumber min={1} max={65535} precision={0} controls={false} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="database"
            label="Cơ sở dữ liệu"
            rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên cơ sở dữ liệu' }]}
          >
            <Input placeholder="bhxh" autoComplete="off" />
          </Form.Item>
          <Form.Item name="user" label="Người dùng" rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên người dùng' }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="password" label="Mật khẩu">
            <Input.Password placeholder={info.hasPassword ? 'Để trống để giữ mật khẩu đã lưu' : ''} autoComplete="new-password" />
          </Form.Item>
        </div>
        {outcome?.kind === 'ok' ? (
          <Alert
            type="success"
            showIcon
            title={outcome.message}
            role="status"
            data-testid="connection-result"
            style={{ marginBottom: 12 }}
          />
        ) : null}
        {outcome?.kind === 'error' ? (
          <div data-testid="connection-result" style={{ marginBottom: 12 }}>
            <ErrorAlert error={outcome.error} />
          </div>
        ) : null}
        <Space wrap>
          <Button icon={<ApiOutlined aria-hidden />} onClick={() => void test()} loading={busy === 'test'}>
            Kiểm tra kết nối
          </Button>
          <Button type="primary" htmlType="submit" icon={<SyncOutlined aria-hidden />} loading={busy === 'save'}>
            Lưu và kết nối lại
          </Button>
          {info.engine === 'postgres' || info.savedEngine === 'postgres' ? (
            <Button icon={<DesktopOutlined aria-hidden />} onClick={() => void switchTo('local')} loading={busy === 'local'}>
              Dùng cơ sở dữ liệu trên máy này
            </Button>
          ) : null}
        </Space>
      </Form>
    </div>
  );
}
