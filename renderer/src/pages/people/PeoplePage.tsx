import { Button, Tabs } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { PageTitle } from '../../components/PageTitle';
import { usePeopleImport } from '../../stores/peopleImport';
import { CallSheetsTab } from './CallSheetsTab';
import { ConversionTab } from './ConversionTab';
import { PeopleSearchTab } from './PeopleSearchTab';
import { PersonBatchesTab } from './PersonBatchesTab';
import { PersonDrawer } from './PersonDrawer';
import { PersonImportModal } from './PersonImportModal';
import { PersonListsTab } from './PersonListsTab';
import './people.css';

/** Danh sách vận động: "đi từng nhà, rà từng người" from the lists communes canvass, at provincial scale. */
export function PeoplePage() {
  const [tab, setTab] = useState('search');
  const openImport = usePeopleImport((s) => s.openDialog);
  return (
    <div className="page people-page">
      <PageTitle
        title="Danh sách vận động"
        description="Người có khả năng tham gia và người đến hạn đóng: tra cứu, phân công theo xã, ấp và nhân viên thu, ghi nhận từng lần liên hệ, in phiếu gọi."
        extra={
          <Button type="primary" icon={<FileExcelOutlined aria-hidden />} onClick={() => openImport()} data-testid="people-import">
            Nhập danh sách
          </Button>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'search', label: 'Tra cứu, phân công', children: <PeopleSearchTab /> },
          { key: 'lists', label: 'Các danh sách', children: <PersonListsTab onOpenList={() => setTab('search')} /> },
          { key: 'sheets', label: 'Phiếu gọi, đi từng nhà', children: <CallSheetsTab /> },
          { key: 'conversion', label: 'Kết quả vận động', children: <ConversionTab /> },
          { key: 'batches', label: 'Lịch sử nhập', children: <PersonBatchesTab /> },
        ]}
      />
      <PersonDrawer />
      <PersonImportModal />
    </div>
  );
}
