import { useEffect } from 'react';
import type { ArrearsBatch } from '../../../../shared/contract';
import { ErrorResult } from '../../components/ErrorResult';
import { ImportBatchesTable } from '../../components/ImportBatchesTable';
import { useArrearsStore } from '../../stores/arrears';
import { ARREARS_BATCH_PAGE_SIZE, useArrearsBatches } from '../../stores/arrearsLists';
import { formatMonth } from './arrearsLabels';

/** Lịch sử nhập: each arrears list imported, with undo (core refuses when later data depends on it). */
export function BatchesTab() {
  const s = useArrearsBatches();
  const version = useArrearsStore((x) => x.version);
  useEffect(() => {
    void s.load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);
  if (s.error && !s.result) return <ErrorResult error={s.error} onRetry={() => void s.load()} />;
  return (
    <div className="arrears-tab" data-testid="arrears-batches-tab">
      <ImportBatchesTable<ArrearsBatch>
        result={s.result}
        loading={s.loading}
        page={s.page}
        pageSize={ARREARS_BATCH_PAGE_SIZE}
        setPage={s.setPage}
        undo={s.undo}
        emptyText="Chưa nhập danh sách nợ nào từ Excel."
        undoDescription="Số liệu nợ của lần nhập này bị xóa, đơn vị do lần nhập thêm cũng vậy (không hoàn tác được khi các đơn vị đó đã có đôn đốc, hẹn trả)."
        kind={{ title: 'Tháng số liệu', label: (b) => formatMonth(b.period) }}
      />
    </div>
  );
}
