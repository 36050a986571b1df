import { Input } from 'antd';
import { useState } from 'react';

/** One recipient per line; a "- " typed by habit is dropped (the print adds it). */
export function parseRecipients(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/^\s*[-–•+]\s*/, '').trim())
    .filter((line) => line !== '');
}

/**
 * Nơi nhận: the text is kept as typed (blank lines while typing a new one), the definition gets
 * the clean list. The parent remounts it (key) when another report is loaded.
 */
export function RecipientsInput({ value, onChange }: { value: string[]; onChange: (recipients: string[]) => void }) {
  const [text, setText] = useState(() => value.join('\n'));
  return (
    <Input.TextArea
      id="report-recipients"
      value={text}
      autoSize={{ minRows: 4, maxRows: 10 }}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseRecipients(e.target.value));
      }}
      placeholder={'Ban Chỉ đạo tỉnh (để báo cáo);\nLưu: VT.'}
    />
  );
}
