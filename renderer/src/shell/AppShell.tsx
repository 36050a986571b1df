import { Layout, Menu, Progress, Tag, Tooltip, Typography } from 'antd';
import {
  AimOutlined,
  ApartmentOutlined,
  DashboardOutlined,
  FileExcelOutlined,
  FileTextOutlined,
  NotificationOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  TeamOutlined,
  CalculatorOutlined,
  TrophyOutlined,
  WarningOutlined,
  CloudServerOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { AREAS, useRoute, type AreaKey } from '../stores/route';
import { useAppStore } from '../stores/app';
import { PlaceholderPage } from '../pages/PlaceholderPage';
import { DashboardPage } from '../pages/dashboard/DashboardPage';
import { ResultsPage } from '../pages/results/ResultsPage';
import { CatalogsPage } from '../pages/catalogs/CatalogsPage';
import { BackupsPage } from '../pages/backups/BackupsPage';
import { ImportsPage } from '../pages/imports/ImportsPage';
import { ReportsPage } from '../pages/reports/ReportsPage';
import { NetworkPage } from '../pages/network/NetworkPage';
import { CampaignsPage } from '../pages/campaigns/CampaignsPage';
import { EmulationPage } from '../pages/emulation/EmulationPage';
import { PeoplePage } from '../pages/people/PeoplePage';
import { ArrearsPage } from '../pages/arrears/ArrearsPage';
import { CalculatorsPage } from '../pages/calculators/CalculatorsPage';

const ICONS: Record<AreaKey, ReactNode> = {
  overview: <DashboardOutlined aria-hidden />,
  targets: <AimOutlined aria-hidden />,
  imports: <FileExcelOutlined aria-hidden />,
  agents: <ShopOutlined aria-hidden />,
  campaigns: <NotificationOutlined aria-hidden />,
  emulation: <TrophyOutlined aria-hidden />,
  prospects: <TeamOutlined aria-hidden />,
  calculators: <CalculatorOutlined aria-hidden />,
  arrears: <WarningOutlined aria-hidden />,
  reports: <FileTextOutlined aria-hidden />,
  catalogs: <ApartmentOutlined aria-hidden />,
  backups: <CloudServerOutlined aria-hidden />,
};

export const DEMO_TOOLTIP = 'Đang dùng dữ liệu mẫu (tỉnh giả định) — không phải số liệu thật';

export function DemoTag() {
  return (
    <Tooltip title={DEMO_TOOLTIP}>
      <Tag color="#d4610c" variant="solid" className="demo-tag" data-testid="demo-tag" aria-label={`DỮ LIỆU MẪU: ${DEMO_TOOLTIP}`}>
        DỮ LIỆU MẪU
      </Tag>
    </Tooltip>
  );
}

function TaskProgress() {
  const tasks = useAppStore((s) => s.tasks);
  const list = Object.values(tasks);
  if (list.length === 0) return null;
  const t = list[0]!;
  const percent = t.total > 0 ? Math.round((t.done / t.total) * 100) : 0;
  return (
    <div className="header-task" data-testid="task-progress">
      <span className="header-task-label">{t.label}</span>
      <Progress
        percent={percent}
        size="small"
        showInfo={false}
        strokeColor="#ffffff"
        railColor="rgba(255,255,255,0.3)"
        style={{ width: 120, margin: 0 }}
      />
    </div>
  );
}

export function AppHeader() {
  const info = useAppStore((s) => s.info);
  return (
    <Layout.Header className="app-header">
      <div className="app-brand">
        <SafetyCertificateOutlined aria-hidden className="app-brand-icon" />
        <span className="app-brand-name">BHXH Desk</span>
        {info?.demoLoaded ? <DemoTag /> : null}
      </div>
      <div className="app-header-right">
        <TaskProgress />
        {info ? (
          <Tooltip title={info.engine === 'postgres' ? `Thư mục dữ liệu: ${info.dataDir}` : `Tệp cơ sở dữ liệu: ${info.dbFile}`}>
            <Typography.Text className="app-data-dir" data-testid="data-dir">
              {/* dbFile is the server's address without its password. */}
              {info.engine === 'postgres' ? `Máy chủ dữ liệu: ${info.dbFile.replace(/^postgres(ql)?:\/\//, '')}` : `Thư mục dữ liệu: ${info.dataDir}`}
            </Typography.Text>
          </Tooltip>
        ) : null}
      </div>
    </Layout.Header>
  );
}

function AreaContent({ area }: { area: AreaKey }) {
  switch (area) {
    case 'overview':
      return <DashboardPage />;
    case 'targets':
      return <ResultsPage />;
    case 'catalogs':
      return <CatalogsPage />;
    case 'backups':
      return <BackupsPage />;
    case 'imports':
      return <ImportsPage />;
    case 'reports':
      return <ReportsPage />;
    case 'agents':
      return <NetworkPage />;
    case 'campaigns':
      return <CampaignsPage />;
    case 'emulation':
      return <EmulationPage />;
    case 'prospects':
      return <PeoplePage />;
    case 'arrears':
      return <ArrearsPage />;
    case 'calculators':
      return <CalculatorsPage />;
    default: {
      const def = AREAS.find((a) => a.key === area)!;
      return <PlaceholderPage title={def.label} areaKey={area} />;
    }
  }
}

export function AppShell() {
  const area = useRoute((s) => s.area);
  const navigate = useRoute((s) => s.navigate);
  const version = useAppStore((s) => s.info?.version);
  return (
    <Layout className="app-layout">
      <AppHeader />
      <Layout>
        <Layout.Sider width={224} className="app-sider" theme="light" breakpoint="lg" collapsedWidth={64}>
          <nav aria-label="Chức năng" className="app-nav">
            <Menu
              mode="inline"
              selectedKeys={[area]}
              onClick={({ key }) => navigate(key as AreaKey)}
              items={AREAS.map((a) => ({ key: a.key, icon: ICONS[a.key], label: a.label, title: a.label }))}
              className="app-menu"
            />
            {version ? <div className="app-version">Phiên bản {version}</div> : null}
          </nav>
        </Layout.Sider>
        <Layout.Content className="app-content">
          <AreaContent area={area} />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
