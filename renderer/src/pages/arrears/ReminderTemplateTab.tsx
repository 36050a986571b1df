import { App, Alert, Button, Card, Input, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { reminderTemplateProblems } from '../../../../shared/calc/arrears';
import { ErrorResult } from '../../components/ErrorResult';
import { useReminderTemplate } from '../../stores/reminderTemplate';

/** Mẫu công văn đôn đốc: the office's own wording of the reminder letter, with the fields it may use. */
export function ReminderTemplateTab() {
  const { message } = App.useApp();
  const template = useReminderTemplate((s) => s.template);
  const error = useReminderTemplate((s) => s.error);
  const load = useReminderTemplate((s) => s.load);
  const save = useReminderTemplate((s) => s.save);
  const [text, setText] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    void load();
  }, [load]);
  if (error && !template) return <ErrorResult error={error} onRetry={() => void load()} />;
  if (!template) return null;
  const value = text ?? template.text;
  const problems = reminderTemplateProblems(value);
  const changed = value.trim() !== template.text.trim();
  const submit = async (next: string | null) => {
    setSaving(true);
    const res = await save(next);
    setSaving(false);
    if (res.ok) {
      setText(null);
      void message.success(next === null ? 'Đã dùng lại mẫu công văn mặc định.' : 'Đã lưu mẫu công văn đôn đốc.');
    } else void message.error(res.error.message);
  };
  return (
    <div className="arrears-tab reminder-template" data-testid="reminder-template-tab">
      <Typography.Paragraph type="secondary">
        Mỗi dòng là một đoạn của công văn đôn đốc. Các trường trong ngoặc nhọn được thay bằng số liệu của đơn vị khi in; dòng {'{bang_so_lieu}'} là chỗ đặt bảng số
        liệu các tháng. Tiêu đề, số hiệu, nơi nhận và chữ ký in theo thể thức Nghị định 30.
        {template.isDefault ? ' Đang dùng mẫu mặc định.' : ' Đang dùng mẫu của cơ quan.'}
      </Typography.Paragraph>
      <div className="reminder-template-grid">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Input.TextArea
            aria-label="Nội dung mẫu công văn đôn đốc"
            value={value}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 12, maxRows: 24 }}
            data-testid="reminder-template-text"
          />
          {problems.length ? <Alert type="warning" showIcon title={problems.join(' ')} data-testid="reminder-template-problems" /> : null}
          <Space>
            <Button type="primary" disabled={!changed || problems.length > 0} loading={saving} onClick={() => void submit(value)} data-testid="reminder-template-save">
              Lưu mẫu
            </Button>
            <Button disabled={!changed} onClick={() => setText(null)}>
              Bỏ thay đổi
            </Button>
            <Button disabled={template.isDefault && !changed} onClick={() => void submit(null)} data-testid="reminder-template-reset">
              Dùng lại mẫu mặc định
            </Button>
          </Space>
        </Space>
        <Card size="small" title="Các trường dùng được">
          {template.fields.map((f) => (
            <div key={f.key} className="reminder-field">
              <Tag>{`{${f.key}}`}</Tag> {f.label}
            </div>
          ))}
        </Card>
      </div>
    </div>
  );
}
