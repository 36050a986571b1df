import { Button, Tabs } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { CampaignDetail } from '../../../../shared/contract';
import { PageTitle } from '../../components/PageTitle';
import { useCampaignImport } from '../../stores/campaignImport';
import { CampaignBatchesTab } from './CampaignBatchesTab';
import { CampaignCalendarTab } from './CampaignCalendarTab';
import { CampaignDrawer } from './CampaignDrawer';
import { CampaignFormModal } from './CampaignFormModal';
import { CampaignImportModal } from './CampaignImportModal';
import { CampaignListTab } from './CampaignListTab';
import { CampaignTotalsTab } from './CampaignTotalsTab';
import './campaigns.css';

/** Tuyên truyền: conferences, launch days, peak months…: what was held, what it reached, whether it moved the numbers. */
export function CampaignsPage() {
  const [tab, setTab] = useState('list');
  const [editing, setEditing] = useState<{ campaign: CampaignDetail | null } | null>(null);
  const openImport = useCampaignImport((s) => s.openDialog);
  return (
    <div className="page campaigns-page">
      <PageTitle
        title="Tuyên truyền"
        description="Hội nghị, lễ ra quân, tháng cao điểm, đối thoại, mạng xã hội…: số người dự, đăng ký so với kế hoạch, chi phí và hiệu quả trên địa bàn."
        extra={
          <Button icon={<FileExcelOutlined aria-hidden />} onClick={openImport} data-testid="campaign-import">
            Nhập từ Excel
          </Button>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'list', label: 'Danh sách', children: <CampaignListTab onCreate={() => setEditing({ campaign: null })} /> },
          { key: 'calendar', label: 'Lịch', children: <CampaignCalendarTab /> },
          { key: 'totals', label: 'Tổng hợp', children: <CampaignTotalsTab /> },
          { key: 'batches', label: 'Lịch sử nhập', children: <CampaignBatchesTab /> },
        ]}
      />
      <CampaignDrawer onEdit={(campaign) => setEditing({ campaign })} />
      <CampaignFormModal open={editing !== null} campaign={editing?.campaign ?? null} onClose={() => setEditing(null)} />
      <CampaignImportModal />
    </div>
  );
}
