import { Button, Tabs } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { PageTitle } from '../../components/PageTitle';
import { useNetworkImport } from '../../stores/networkImport';
import { AgentsTab } from './AgentsTab';
import { BatchesTab } from './BatchesTab';
import { CommissionTab } from './CommissionTab';
import { FlowsTab } from './FlowsTab';
import { InspectionsTab } from './InspectionsTab';
import { NetworkImportModal } from './NetworkImportModal';
import { OverviewTab } from './OverviewTab';
import { PointsTab } from './PointsTab';
import { RankingTab } from './RankingTab';
import { StaffTab } from './StaffTab';
import './network.css';

/** Đại lý thu: the collection network (agents, points, staff), their targets and results, rankings, inspections, commission. */
export function NetworkPage() {
  const [tab, setTab] = useState('overview');
  const openImport = useNetworkImport((s) => s.openDialog);
  return (
    <div className="page network-page">
      <PageTitle
        title="Đại lý thu"
        description="Tổ chức dịch vụ thu, điểm thu và nhân viên thu; chỉ tiêu, kết quả, xếp hạng, kiểm tra và thù lao."
        extra={
          <>
            <Button icon={<FileExcelOutlined aria-hidden />} onClick={() => openImport('lists')} data-testid="network-import-lists">
              Nhập danh sách từ Excel
            </Button>
            <Button icon={<FileExcelOutlined aria-hidden />} onClick={() => openImport('results')} data-testid="network-import-results">
              Nhập kết quả tháng
            </Button>
          </>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'overview', label: 'Tổng quan mạng lưới', children: <OverviewTab /> },
          { key: 'agents', label: 'Tổ chức dịch vụ thu', children: <AgentsTab /> },
          { key: 'points', label: 'Điểm thu', children: <PointsTab /> },
          { key: 'staff', label: 'Nhân viên thu', children: <StaffTab /> },
          { key: 'flows', label: 'Chỉ tiêu & kết quả', children: <FlowsTab /> },
          { key: 'ranking', label: 'Xếp hạng', children: <RankingTab /> },
          { key: 'inspections', label: 'Kiểm tra', children: <InspectionsTab /> },
          { key: 'commission', label: 'Thù lao', children: <CommissionTab /> },
          { key: 'batches', label: 'Lịch sử nhập', children: <BatchesTab /> },
        ]}
      />
      <NetworkImportModal />
    </div>
  );
}
