import { Tabs } from 'antd';
import { PageTitle } from '../../components/PageTitle';
import { useCalculatorStore, type CalculatorTab } from '../../stores/calculators';
import { BhxhTnTab } from './BhxhTnTab';
import { BhytHgdTab } from './BhytHgdTab';
import { RulesTab } from './RulesTab';
import './calculators.css';

/** Tính mức đóng: voluntary BHXH and household BHYT from the dated rules, and the rules themselves. */
export function CalculatorsPage() {
  const tab = useCalculatorStore((s) => s.tab);
  const setTab = useCalculatorStore((s) => s.setTab);
  return (
    <div className="page calculators-page">
      <PageTitle title="Tính mức đóng" description="Mức đóng, phần Nhà nước và tỉnh hỗ trợ, số tiền người dân phải đóng theo quy định có hiệu lực ở ngày chọn; in bảng tính cho người dân." />
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as CalculatorTab)}
        destroyOnHidden
        items={[
          { key: 'bhxhTn', label: 'BHXH tự nguyện', children: <BhxhTnTab /> },
          { key: 'bhytHgd', label: 'BHYT hộ gia đình', children: <BhytHgdTab /> },
          { key: 'rules', label: 'Bảng mức đóng', children: <RulesTab /> },
        ]}
      />
    </div>
  );
}
