import { App, Button, Segmented, Select } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { indicatorByCode } from '../../../../shared/domain/indicators';
import { useDashboardStore, type TreeMode } from '../../stores/dashboard';
import { PeriodPicker } from './PeriodPicker';

/** Count indicators a leader follows unit by unit, in the order the reports list them. */
export const DASHBOARD_INDICATORS = ['BHXH_TN', 'BHYT_HGD', 'BHXH_BB', 'BHYT', 'BHTN'] as const;

const INDICATOR_OPTIONS = DASHBOARD_INDICATORS.map((code) => ({ value: code, label: indicatorByCode(code)?.shortName ?? code }));

const TREE_OPTIONS: { label: string; value: TreeMode; title: string }[] = [
  { label: 'Hiện hành', value: 'current', title: 'Đơn vị hành chính hiện nay; số liệu của đơn vị cũ được cộng vào đơn vị kế thừa' },
  { label: 'Tại kỳ báo cáo', value: 'period', title: 'Đơn vị hành chính còn hiệu lực vào cuối kỳ báo cáo (ví dụ cấp huyện trước 01/07/2025)' },
];

/** Kỳ báo cáo, chỉ tiêu, xuất Excel. */
export function DashboardToolbar() {
  const { message } = App.useApp();
  const period = useDashboardStore((s) => s.period);
  const indicatorCode = useDashboardStore((s) => s.indicatorCode);
  const exporting = useDashboardStore((s) => s.exporting);
  const hasData = useDashboardStore((s) => s.data !== null);
  const setPeriod = useDashboardStore((s) => s.setPeriod);
  const setIndicator = useDashboardStore((s) => s.setIndicator);
  const exportComparison = useDashboardStore((s) => s.exportComparison);

  const onExport = async () => {
    const res = await exportComparison();
    if (!res.ok) void message.error(res.error.message);
    else if (res.value.fileName) void message.success(`Đã xuất tệp ${res.value.fileName}`);
  };

  return (
    <div className="toolbar dash-toolbar" role="toolbar" aria-label="Điều kiện xem">
      <span className="toolbar-field">
        <span>Kỳ báo cáo</span>
        <PeriodPicker value={period} onChange={(p) => void setPeriod(p)} />
      </span>
      <span className="toolbar-field">
        <label htmlFor="dashboard-indicator">Chỉ tiêu</label>
        <Select
          id="dashboard-indicator"
          value={indicatorCode}
          options={INDICATOR_OPTIONS}
          onChange={(code) => void setIndicator(code)}
          style={{ width: 180 }}
          data-testid="dashboard-indicator"
        />
      </span>
      <span className="toolbar-spacer" />
      <Button type="primary" icon={<FileExcelOutlined aria-hidden />} onClick={() => void onExport()} loading={exporting} disabled={!hasData}>
        Xuất Excel
      </Button>
    </div>
  );
}

/** Hiện hành / Tại kỳ báo cáo: which administrative tree the units are shown on. */
export function TreeModeSwitch() {
  const treeMode = useDashboardStore((s) => s.treeMode);
  const setTreeMode = useDashboardStore((s) => s.setTreeMode);
  return (
    <span className="toolbar-field dash-tree-mode">
      <span>Địa giới hành chính</span>
      <Segmented<TreeMode>
        size="small"
        options={TREE_OPTIONS}
        value={treeMode}
        onChange={(mode) => void setTreeMode(mode)}
        aria-label="Địa giới hành chính"
      />
    </span>
  );
}
