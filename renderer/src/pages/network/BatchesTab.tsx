import { useEffect } from 'react';
import type { NetworkBatch } from '../../../../shared/contract';
import { ErrorResult } from '../../components/ErrorResult';
import { ImportBatchesTable } from '../../components/ImportBatchesTable';
import { BATCH_PAGE_SIZE, useNetworkBatchesStore } from '../../stores/networkBatches';
import { useNetworkShared } from '../../stores/networkShared';

const KIND_LABEL: Record<NetworkBatch['kind'], string> = { lists: 'Danh sách', results: 'Kết quả tháng' };

/** Lịch sử nhập: every import of lists or month results, with undo (refused by core when later data depends on it). */
export function BatchesTab() {
  const s = useNetworkBatchesStore();
  const version = useNetworkShared((x) => x.version);

  useEffect(() => {
    void s.load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);

  if (s.error && !s.result) return <ErrorResult error={s.error} onRetry={() => void s.load()} />;
  return (
    <div className="network-tab" data-testid="network-batches-tab">
      <ImportBatchesTable<NetworkBatch>
        result={s.result}
        loading={s.loading}
        page={s.page}
        pageSize={BATCH_PAGE_SIZE}
        setPage={s.setPage}
        undo={s.undo}
        emptyText="Chưa nhập danh sách hay kết quả nào từ Excel."
        undoDescription="Các bản ghi đã thêm bị xóa, bản ghi đã sửa trở lại như trước."
        kind={{ title: 'Loại', label: (b) => KIND_LABEL[b.kind] }}
      />
    </div>
  );
}
