import { Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { GridIssue, ResultGrid } from '../../../../shared/contract/resultsTypes';
import { formatCount } from '../../../../shared/format/vi';
import { withoutPrefix } from './issueText';
import { cellKey, isInvalid, useResultsStore, type EditRow } from '../../stores/results';

/**
 * Values accepted only with an explanation (a jump against last month …): one "Ghi chú giải trình"
 * per flagged cell, then the sheet is saved again with the notes.
 */
export function NotesModal({
  open,
  flagged,
  rows,
  grid,
  saving,
  onCancel,
  onSave,
}: {
  open: boolean;
  flagged: GridIssue[];
  rows: EditRow[];
  grid: ResultGrid | null;
  saving: boolean;
  onCancel: () => void;
  onSave: () => void;
}) {
  const notes = useResultsStore((s) => s.notes);
  const setNote = useResultsStore((s) => s.setNote);
  const [tried, setTried] = useState(false);

  // One entry per cell even if several checks flagged it.
  const cells = new Map<string, GridIssue[]>();
  for (const issue of flagged) {
    const key = cellKey(issue.unitCode, issue.indicatorCode);
    cells.set(key, [...(cells.get(key) ?? []), issue]);
  }
  const missing = [...cells.keys()].filter((k) => !notes[k]?.trim());
  const indicatorName = (code: string) => grid?.indicators.find((i) => i.code === code)?.name ?? code;

  return (
    <Modal
      open={open}
      title="Ghi chú giải trình cho số liệu bất thường"
      width={720}
      okText="Lưu kèm ghi chú"
      cancelText="Quay lại sửa số liệu"
      confirmLoading={saving}
      onCancel={() => {
        setTried(false);
        onCancel();
      }}
      onOk={() => {
        setTried(true);
        if (missing.length === 0) onSave();
      }}
      destroyOnHidden
      data-testid="notes-modal"
    >
      <Typography.Paragraph type="secondary">
        Các số liệu dưới đây khác thường so với tháng trước hoặc so với đơn vị cấp trên. Nếu số liệu đúng, ghi rõ lý do để lưu; nếu sai, bấm
        “Quay lại sửa số liệu”.
      </Typography.Paragraph>
      <div className="rg-note-list">
        {[...cells.entries()].map(([key, list]) => {
          const first = list[0]!;
          const row = rows.find((r) => r.code === first.unitCode);
          const value = row?.values[first.indicatorCode];
          const prev = grid?.rows.find((r) => r.code === first.unitCode)?.previous[first.indicatorCode] ?? null;
          const label = `Ghi chú giải trình — ${row?.name ?? first.unitCode} — ${indicatorName(first.indicatorCode)}`;
          const empty = tried && !notes[key]?.trim();
          return (
            <div className="rg-note-item" key={key} data-testid="note-item">
              <div className="rg-note-head">
                <strong>
                  {row?.name ?? first.unitCode} · {indicatorName(first.indicatorCode)}
                </strong>
                <span>
                  {value === null || value === undefined || isInvalid(value) ? '—' : formatCount(value)}
                  <span className="unit-code"> (tháng trước {prev === null ? '—' : formatCount(prev)})</span>
                </span>
              </div>
              {list.map((issue, k) => (
                <div className="rg-note-message" key={k}>
                  {withoutPrefix(issue.message, row?.name, indicatorName(issue.indicatorCode))}
                </div>
              ))}
              <Input.TextArea
                aria-label={label}
                placeholder="Ghi chú giải trình (ví dụ: rà soát, cập nhật danh sách tham gia của đại lý thu)"
                autoSize={{ minRows: 2, maxRows: 4 }}
                maxLength={1000}
                value={notes[key] ?? ''}
                onChange={(e) => setNote(key, e.target.value)}
                status={empty ? 'error' : undefined}
              />
              {empty ? <div className="tab-errors">Cần nhập ghi chú giải trình để lưu số liệu này.</div> : null}
            </div>
          );
        })}
      </div>
    </Modal>
  );
}
