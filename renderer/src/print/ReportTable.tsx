import { Fragment } from 'react';
import type { ReportBlock, ReportColumn } from '../../../shared/contract/reportTypes';
import { formatCell, isNumericFormat } from './formatCell';

type TableBlock = Extract<ReportBlock, { kind: 'table' }>;

interface HeaderCell {
  key: string;
  label: string;
  colSpan: number;
  rowSpan: number;
}

/**
 * Two header rows when some columns share a group caption: the caption spans its consecutive
 * columns on the first row, their own labels sit on the second; ungrouped columns span both.
 */
export function headerRows(columns: ReportColumn[]): HeaderCell[][] {
  const grouped = columns.some((c) => c.group);
  if (!grouped) return [columns.map((c) => ({ key: c.key, label: c.label, colSpan: 1, rowSpan: 1 }))];
  const top: HeaderCell[] = [];
  const bottom: HeaderCell[] = [];
  for (let i = 0; i < columns.length; i++) {
    const col = columns[i]!;
    if (!col.group) {
      top.push({ key: col.key, label: col.label, colSpan: 1, rowSpan: 2 });
      continue;
    }
    let span = 1;
    while (columns[i + span]?.group === col.group) span++;
    top.push({ key: `group-${col.key}`, label: col.group, colSpan: span, rowSpan: 1 });
    for (let j = i; j < i + span; j++) bottom.push({ key: columns[j]!.key, label: columns[j]!.label, colSpan: 1, rowSpan: 1 });
    i += span - 1;
  }
  return [top, bottom];
}

/**
 * "Bình quân/tháng" may wrap after the slash, so a narrow column wraps at a sensible place and
 * never inside a word; "(/LLLĐ)" does not (the slash follows a bracket).
 */
function HeaderLabel({ text }: { text: string }) {
  const parts = text.split(/(?<=[\p{L}\p{N}]\/)/u);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </>
  );
}

/** Rows printed together with the caption and header at the start of a table. */
export const LEAD_ROWS = 3;

/**
 * The first rows, kept on one page with the caption and header (print.css), so a table never
 * starts at the foot of a page with one or two rows; a short table is kept whole, so it never
 * leaves one or two rows alone on the next page either.
 */
export function leadAndRest<T>(rows: T[]): [T[], T[]] {
  if (rows.length <= LEAD_ROWS + 2) return [rows, []];
  return [rows.slice(0, LEAD_ROWS), rows.slice(LEAD_ROWS)];
}

/** A bordered table as printed: repeated header on every page, rows never split across pages. */
export function ReportTable({ block }: { block: TableBlock }) {
  const totalWidth = block.columns.reduce((sum, c) => sum + (c.width > 0 ? c.width : 1), 0) || 1;
  const rows = headerRows(block.columns);
  return (
    <div className="report-table-block">
      {block.caption ? <p className="report-table-caption">{block.caption}</p> : null}
      <table className="report-table" data-testid="report-table">
        <colgroup>
          {block.columns.map((c) => (
            <col key={c.key} style={{ width: `${(((c.width > 0 ? c.width : 1) / totalWidth) * 100).toFixed(2)}%` }} />
          ))}
        </colgroup>
        <thead>
          {rows.map((cells, r) => (
            <tr key={r}>
              {cells.map((cell) => (
                <th key={cell.key} colSpan={cell.colSpan > 1 ? cell.colSpan : undefined} rowSpan={cell.rowSpan > 1 ? cell.rowSpan : undefined} scope="col">
                  <HeaderLabel text={cell.label} />
                </th>
              ))}
            </tr>
          ))}
        </thead>
        {leadAndRest(block.rows).map((part, k) =>
          part.length === 0 ? null : (
            <tbody key={k} className={k === 0 ? 'report-table-lead' : undefined}>
              {part.map((row, r) => (
                <tr key={r} className={row.emphasis ? `report-row-${row.emphasis}` : undefined}>
                  {row.emphasis === 'group' ? (
                    // A sub-heading (a hamlet of a walk list…) reads across the whole row.
                    <td colSpan={block.columns.length}>{block.columns.map((c) => row.cells[c.key]).find((v) => v !== null && v !== undefined && v !== '') ?? ''}</td>
                  ) : (
                    block.columns.map((c) => (
                      <td key={c.key} className={isNumericFormat(c.format) ? 'num' : undefined}>
                        {formatCell(row.cells[c.key], c.format)}
                      </td>
                    ))
                  )}
                </tr>
              ))}
            </tbody>
          ),
        )}
      </table>
      {block.notes.map((note, i) => (
        <p key={i} className="report-table-note">
          {note}
        </p>
      ))}
    </div>
  );
}
