import { Tabs } from 'antd';
import { PageTitle } from '../../components/PageTitle';
import { useImportsStore, type ImportsTab } from '../../stores/imports';
import { ImportTab } from './ImportTab';
import { HistoryTab } from './HistoryTab';
import './imports.css';

/** Nhập Excel: district reports read with a preview, committed as one batch, listed in a history with undo. */
export function ImportsPage() {
  const tab = useImportsStore((s) => s.tab);
  const setTab = useImportsStore((s) => s.setTab);
  return (
    <div className="page imports-page">
      <PageTitle
        title="Nhập Excel"
        description="Nhập báo cáo kết quả phát triển người tham gia do BHXH cơ sở gửi lên: xem trước, kiểm tra, rồi mới ghi vào cơ sở dữ liệu."
      />
      <Tabs
        className="imports-tabs"
        activeKey={tab}
        onChange={(key) => setTab(key as ImportsTab)}
        items={[
          { key: 'import', label: 'Nhập báo cáo', children: <ImportTab /> },
          { key: 'history', label: 'Lịch sử nhập', children: <HistoryTab /> },
        ]}
      />
    </div>
  );
}
