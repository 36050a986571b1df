import { Breadcrumb, Typography } from 'antd';
import { HomeOutlined } from '@ant-design/icons';
import type { DashboardData } from '../../../../shared/contract';

export const ROOT_CRUMB = 'Toàn tỉnh';

interface Crumb {
  /** null: the top of the tree (what the dashboard opens on). */
  code: string | null;
  name: string;
}

/** The unit shown and its ancestors, top first; the top crumb always means "back to the start". */
export function crumbsOf(data: DashboardData | null, unitCode: string | null): Crumb[] {
  const crumbs: Crumb[] = [];
  for (const p of data?.path ?? []) if (!crumbs.some((c) => c.code === p.code)) crumbs.push({ ...p });
  const shown = data?.table.unitCode ?? unitCode;
  if (shown && !crumbs.some((c) => c.code === shown)) crumbs.push({ code: shown, name: data?.table.unitName ?? shown });
  if (crumbs.length === 0) return [{ code: null, name: data?.table.unitName || ROOT_CRUMB }];
  crumbs[0] = { ...crumbs[0]!, code: null };
  return crumbs;
}

export function DrillBreadcrumb({ data, unitCode, onNavigate }: { data: DashboardData | null; unitCode: string | null; onNavigate: (code: string | null) => void }) {
  const crumbs = crumbsOf(data, unitCode);
  return (
    <nav aria-label="Đơn vị đang xem" data-testid="dashboard-breadcrumb" className="dash-breadcrumb">
      <Breadcrumb
        items={crumbs.map((c, i) => {
          const content = (
            <>
              {i === 0 ? <HomeOutlined aria-hidden style={{ marginInlineEnd: 6 }} /> : null}
              {c.name}
            </>
          );
          return {
            key: c.code ?? '__top',
            title:
              i < crumbs.length - 1 ? (
                <Typography.Link onClick={() => onNavigate(c.code)}>{content}</Typography.Link>
              ) : (
                <span className="dash-breadcrumb-current" aria-current="page">
                  {content}
                </span>
              ),
          };
        })}
      />
    </nav>
  );
}
