import { useEffect } from 'react';
import type { CampaignBatch } from '../../../../shared/contract';
import { ErrorResult } from '../../components/ErrorResult';
import { ImportBatchesTable } from '../../components/ImportBatchesTable';
import { CAMPAIGN_BATCH_PAGE_SIZE, useCampaignBatches } from '../../stores/campaignImport';
import { useCampaignsStore } from '../../stores/campaigns';

/** Lịch sử nhập: every campaign import, with undo (refused by core when a campaign was edited since). */
export function CampaignBatchesTab() {
  const s = useCampaignBatches();
  const version = useCampaignsStore((x) => x.version);
  useEffect(() => {
    void s.load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);

  if (s.error && !s.result) return <ErrorResult error={s.error} onRetry={() => void s.load()} />;
  return (
    <div className="campaign-tab" data-testid="campaign-batches-tab">
      <ImportBatchesTable<CampaignBatch>
        result={s.result}
        loading={s.loading}
        page={s.page}
        pageSize={CAMPAIGN_BATCH_PAGE_SIZE}
        setPage={s.setPage}
        undo={s.undo}
        emptyText="Chưa nhập danh sách hoạt động nào từ Excel."
        undoDescription="Các hoạt động đã thêm bị xóa, hoạt động đã sửa trở lại như trước."
      />
    </div>
  );
}
