import { PlaceholderPage } from '../PlaceholderPage';

/** Chỉ tiêu & kết quả: replaced by targets and the monthly entry grid (issue 3). */
export function ResultsPage() {
  return <PlaceholderPage title="Chỉ tiêu & kết quả" areaKey="targets" />;
}
