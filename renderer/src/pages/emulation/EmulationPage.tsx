import { PlaceholderPage } from '../PlaceholderPage';

export function EmulationPage() {
  return <PlaceholderPage title="Thi đua, khen thưởng" areaKey="emulation" />;
}
