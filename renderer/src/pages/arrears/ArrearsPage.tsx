import { Button, Tabs } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { Employer } from '../../../../shared/contract';
import { PageTitle } from '../../components/PageTitle';
import { useArrearsStore } from '../../stores/arrears';
import { useArrearsImport } from '../../stores/arrearsImport';
import { ArrearsImportModal } from './ArrearsImportModal';
import { EmployerFormModal } from './ArrearsForms';
import { BatchesTab } from './BatchesTab';
import { EmployerDrawer } from './EmployerDrawer';
import { EmployersTab } from './EmployersTab';
import { LogTab } from './LogTab';
import { OverviewTab } from './OverviewTab';
import { ReminderTemplateTab } from './ReminderTemplateTab';
import { TargetsTab } from './TargetsTab';
import '../network/network.css';
import './arrears.css';

/** Nợ đọng: employers' arrears by band, office and sector, collection work and promises, ratio targets, the office lists imported. */
export function ArrearsPage() {
  const [tab, setTab] = useState('overview');
  const openImport = useArrearsImport((s) => s.openDialog);
  const select = useArrearsStore((s) => s.select);
  const [editing, setEditing] = useState<Employer | null | 'new'>(null);
  const open = (id: number) => void select(id);
  return (
    <div className="page arrears-page">
      <PageTitle
        title="Nợ đọng"
        description="Đơn vị chậm đóng, trốn đóng BHXH, BHYT, BHTN: số nợ theo thời gian nợ, đôn đốc thu nợ, hẹn trả và chỉ tiêu tỷ lệ nợ."
        extra={
          <Button icon={<FileExcelOutlined aria-hidden />} onClick={openImport} data-testid="arrears-import">
            Nhập danh sách nợ
          </Button>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'overview', label: 'Tổng quan nợ', children: <OverviewTab onOpenEmployer={open} /> },
          { key: 'employers', label: 'Đơn vị nợ', children: <EmployersTab onOpen={open} onCreate={() => setEditing('new')} /> },
          { key: 'log', label: 'Nhật ký đôn đốc', children: <LogTab onOpen={open} /> },
          { key: 'targets', label: 'Chỉ tiêu tỷ lệ nợ', children: <TargetsTab /> },
          { key: 'template', label: 'Mẫu công văn', children: <ReminderTemplateTab /> },
          { key: 'batches', label: 'Lịch sử nhập', children: <BatchesTab /> },
        ]}
      />
      <EmployerDrawer onEdit={(e) => setEditing(e)} />
      <EmployerFormModal open={editing !== null} employer={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={open} />
      <ArrearsImportModal />
    </div>
  );
}
