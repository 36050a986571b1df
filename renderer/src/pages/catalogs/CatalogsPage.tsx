import { Tabs } from 'antd';
import { useState } from 'react';
import { PageTitle } from '../../components/PageTitle';
import { UnitsTab, UnitsTabActions } from './UnitsTab';
import { IndicatorsTab } from './IndicatorsTab';
import { OfficesTab, OfficesTabActions } from './OfficesTab';

export function CatalogsPage() {
  const [tab, setTab] = useState('units');
  return (
    <div className={tab === 'units' ? 'page page-fill' : 'page'}>
      <PageTitle title="Danh mục" description="Đơn vị hành chính theo thời gian, chỉ tiêu thống kê và cơ quan BHXH cơ sở." />
      <Tabs
        className="catalog-tabs"
        activeKey={tab}
        onChange={setTab}
        tabBarExtraContent={tab === 'units' ? <UnitsTabActions /> : tab === 'offices' ? <OfficesTabActions /> : null}
        items={[
          { key: 'units', label: 'Đơn vị hành chính', children: <UnitsTab /> },
          { key: 'indicators', label: 'Chỉ tiêu thống kê', children: <IndicatorsTab /> },
          { key: 'offices', label: 'Cơ quan BHXH cơ sở', children: <OfficesTab /> },
        ]}
      />
    </div>
  );
}
