import { Tabs } from 'antd';
import { useState } from 'react';
import { PageTitle } from '../../components/PageTitle';
import { AwardsTab } from './AwardsTab';
import { CriteriaTab } from './CriteriaTab';
import { RankingTab } from './RankingTab';
import './emulation.css';

/** Thi đua, khen thưởng: rankings of offices, agents and staff on dated criteria, and award records. */
export function EmulationPage() {
  const [tab, setTab] = useState('ranking');
  return (
    <div className="page emulation-page">
      <PageTitle title="Thi đua, khen thưởng" description="Chấm điểm thi đua theo quý, năm cho BHXH cơ sở, tổ chức dịch vụ thu và nhân viên thu; ghi nhận khen thưởng." />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'ranking', label: 'Xếp hạng thi đua', children: <RankingTab /> },
          { key: 'criteria', label: 'Bộ tiêu chí', children: <CriteriaTab /> },
          { key: 'awards', label: 'Khen thưởng', children: <AwardsTab /> },
        ]}
      />
    </div>
  );
}
