import { create } from 'zustand';

/** The app's areas, in menu order. Slugs are the hash routes (#/danh-muc). */
export const AREAS = [
  { key: 'overview', slug: 'tong-quan', label: 'Tổng quan' },
  { key: 'targets', slug: 'chi-tieu', label: 'Chỉ tiêu & kết quả' },
  { key: 'imports', slug: 'nhap-excel', label: 'Nhập Excel' },
  { key: 'agents', slug: 'dai-ly-thu', label: 'Đại lý thu' },
  { key: 'campaigns', slug: 'tuyen-truyen', label: 'Tuyên truyền' },
  { key: 'emulation', slug: 'thi-dua', label: 'Thi đua, khen thưởng' },
  { key: 'prospects', slug: 'danh-sach-van-dong', label: 'Danh sách vận động' },
  { key: 'calculators', slug: 'tinh-muc-dong', label: 'Tính mức đóng' },
  { key: 'arrears', slug: 'no-dong', label: 'Nợ đọng' },
  { key: 'reports', slug: 'bao-cao', label: 'Báo cáo' },
  { key: 'catalogs', slug: 'danh-muc', label: 'Danh mục' },
  { key: 'backups', slug: 'sao-luu', label: 'Sao lưu' },
] as const;

export type AreaKey = (typeof AREAS)[number]['key'];

const DEFAULT_AREA: AreaKey = 'overview';

export function areaFromHash(hash: string): AreaKey | null {
  const m = /^#\/([a-z0-9-]+)/.exec(hash);
  if (!m) return null;
  return AREAS.find((a) => a.slug === m[1])?.key ?? null;
}

function slugOf(area: AreaKey): string {
  return AREAS.find((a) => a.key === area)?.slug ?? 'tong-quan';
}

interface RouteState {
  area: AreaKey;
  navigate: (area: AreaKey) => void;
}

export const useRoute = create<RouteState>((set) => ({
  area: areaFromHash(window.location.hash) ?? DEFAULT_AREA,
  navigate: (area) => {
    const hash = '#/' + slugOf(area);
    if (window.location.hash !== hash) window.history.pushState(null, '', hash);
    set({ area });
  },
}));

// Back/forward buttons and hand-typed hashes.
window.addEventListener('hashchange', () => {
  const area = areaFromHash(window.location.hash);
  if (area && area !== useRoute.getState().area) useRoute.setState({ area });
});
window.addEventListener('popstate', () => {
  const area = areaFromHash(window.location.hash) ?? DEFAULT_AREA;
  if (area !== useRoute.getState().area) useRoute.setState({ area });
});
