import { PlaceholderPage } from '../PlaceholderPage';

/** Tổng quan: replaced by the dashboard (issue 3). */
export function DashboardPage() {
  return <PlaceholderPage title="Tổng quan" areaKey="overview" />;
}
