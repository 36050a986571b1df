import { Tabs } from 'antd';
import { useState } from 'react';
import { PageTitle } from '../../components/PageTitle';
import { EntryTab } from './EntryTab';
import { TargetsTab, TargetsTabActions } from './TargetsTab';
import './results.css';

/** Chỉ tiêu & kết quả: the monthly results entry sheet and the targets given to units. */
export function ResultsPage() {
  const [tab, setTab] = useState('entry');
  return (
    <div className="page">
      <PageTitle
        title="Chỉ tiêu & kết quả"
        description="Nhập số người tham gia hằng tháng của các đơn vị; giao và phân bổ chỉ tiêu kế hoạch năm."
      />
      <Tabs
        className="results-tabs"
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        tabBarExtraContent={tab === 'targets' ? <TargetsTabActions /> : null}
        items={[
          { key: 'entry', label: 'Nhập kết quả tháng', children: <EntryTab /> },
          { key: 'targets', label: 'Chỉ tiêu kế hoạch', children: <TargetsTab /> },
        ]}
      />
    </div>
  );
}
