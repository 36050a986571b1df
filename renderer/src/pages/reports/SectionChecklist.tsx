import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, Tooltip } from 'antd';
import { useRef } from 'react';
import type { ReportSectionChoice, ReportSectionInfo } from '../../../../shared/contract';
import { moveSection, sectionRows, setSectionText, toggleSection } from './sectionOrder';

/**
 * Phần báo cáo: tick the sections to print, order them with the arrow buttons (plain buttons,
 * so Tab and Enter/Space do it without a mouse), and write the text of the editable ones.
 */
export function SectionChecklist({
  catalogue,
  chosen,
  onChange,
}: {
  catalogue: readonly ReportSectionInfo[];
  chosen: readonly ReportSectionChoice[];
  onChange: (sections: ReportSectionChoice[]) => void;
}) {
  // Text of a section turned off comes back when it is turned on again.
  const keptTexts = useRef(new Map<string, string>());
  const rows = sectionRows(catalogue, chosen);
  const count = chosen.length;

  return (
    <ol className="report-section-list" data-testid="report-section-list" aria-label="Phần báo cáo">
      {rows.map((row) => {
        const title = row.info.title;
        const order = row.chosen ? `${row.index + 1}. ` : '';
        return (
          <li key={row.info.id} className={row.chosen ? 'is-chosen' : 'is-off'} data-section-id={row.info.id} data-testid="report-section-item">
            <div className="report-section-row">
              <Checkbox
                checked={row.chosen}
                onChange={(e) => {
                  if (!e.target.checked) keptTexts.current.set(row.info.id, row.text);
                  onChange(toggleSection(chosen, row.info, e.target.checked, keptTexts.current.get(row.info.id)));
                }}
                aria-describedby={`report-section-desc-${row.info.id}`}
              >
                <span className="report-section-title">
                  {order}
                  {title}
                </span>
              </Checkbox>
              {row.chosen ? (
                <span className="report-section-move">
                  <Tooltip title="Đưa lên trên">
                    <Button
                      size="small"
                      type="text"
                      icon={<ArrowUpOutlined aria-hidden />}
                      disabled={row.index === 0}
                      aria-label={`Đưa phần "${title}" lên trên`}
                      onClick={() => onChange(moveSection(chosen, row.index, -1))}
                    />
                  </Tooltip>
                  <Tooltip title="Đưa xuống dưới">
                    <Button
                      size="small"
                      type="text"
                      icon={<ArrowDownOutlined aria-hidden />}
                      disabled={row.index === count - 1}
                      aria-label={`Đưa phần "${title}" xuống dưới`}
                      onClick={() => onChange(moveSection(chosen, row.index, 1))}
                    />
                  </Tooltip>
                </span>
              ) : null}
            </div>
            <div className="report-section-desc" id={`report-section-desc-${row.info.id}`}>
              {row.info.description}
            </div>
            {row.chosen && row.info.editable ? (
              <Input.TextArea
                value={row.text}
                onChange={(e) => onChange(setSectionText(chosen, row.info.id, e.target.value))}
                autoSize={{ minRows: 3, maxRows: 12 }}
                maxLength={20_000}
                placeholder="Nội dung in trong báo cáo; xuống dòng để tách đoạn."
                aria-label={`Nội dung phần "${title}"`}
                className="report-section-text"
              />
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
