import { PlaceholderPage } from '../PlaceholderPage';

export function CampaignsPage() {
  return <PlaceholderPage title="Tuyên truyền" areaKey="campaigns" />;
}
