import { Select, Spin } from 'antd';
import { useState } from 'react';
import type { ImportPreviewRow } from '../../../../shared/contract';
import { matchesFolded } from '../../../../shared/text/fold';
import { useImportsStore } from '../../stores/imports';
import { levelLabel } from '../../text/labels';

/** For a row whose name matched no unit (or several): the suggestions, and a search over every unit. */
export function UnitChooser({ row }: { row: ImportPreviewRow }) {
  const chooseUnit = useImportsStore((s) => s.chooseUnit);
  const searchUnits = useImportsStore((s) => s.searchUnits);
  const search = useImportsStore((s) => s.unitSearch);
  const busy = useImportsStore((s) => s.previewing || s.committing);
  const [text, setText] = useState('');

  const q = text.trim();
  const suggestions = row.suggestions
    .filter((u) => !q || matchesFolded(`${u.name} ${u.code}`, q))
    .map((u) => ({ value: u.code, label: `${u.name} (${u.code})` }));
  const suggested = new Set(row.suggestions.map((u) => u.code));
  const found =
    q && search.query === q
      ? search.units
          .filter((u) => !suggested.has(u.code))
          .map((u) => ({ value: u.code, label: `${u.name} (${u.code}) — ${levelLabel(u.level)}` }))
      : [];
  const options = [
    ...(suggestions.length ? [{ label: 'Gợi ý', title: 'Gợi ý', options: suggestions }] : []),
    ...(found.length ? [{ label: 'Tìm trong danh mục', title: 'Tìm trong danh mục', options: found }] : []),
  ];

  return (
    <Select
      size="small"
      className="imports-unit-chooser"
      placeholder={row.suggestions.length ? 'Chọn đơn vị…' : 'Gõ tên để tìm đơn vị…'}
      value={null}
      options={options}
      disabled={busy}
      showSearch={{
        filterOption: false,
        searchValue: text,
        onSearch: (v) => {
          setText(v);
          void searchUnits(v);
        },
      }}
      onChange={(code: string) => {
        setText('');
        void chooseUnit(row.typedName, code);
      }}
      notFoundContent={
        search.loading ? <Spin size="small" /> : q.length >= 2 ? 'Không tìm thấy đơn vị' : 'Gõ ít nhất 2 chữ của tên hoặc mã đơn vị'
      }
      popupMatchSelectWidth={320}
      aria-label={`Chọn đơn vị cho dòng ${row.row}: ${row.typedName}`}
      data-testid="imports-unit-chooser"
    />
  );
}
