import { App as AntApp, ConfigProvider, Layout, Spin } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { useEffect, useMemo, useState } from 'react';
import { api } from './api/client';
import { useAppStore } from './stores/app';
import { refreshAfterChange } from './stores/refresh';
import { theme } from './theme';
import { AppHeader, AppShell } from './shell/AppShell';
import { FirstRunPage } from './pages/FirstRunPage';
import { RecoveryPage } from './pages/RecoveryPage';
import { ErrorResult } from './components/ErrorResult';
import { UnitImportModal } from './pages/catalogs/UnitImportModal';

/** Decides between loading, error, recovery, first run and the normal shell. */
function Root() {
  const info = useAppStore((s) => s.info);
  const loading = useAppStore((s) => s.loading);
  const error = useAppStore((s) => s.error);
  const skipped = useAppStore((s) => s.skippedFirstRun);
  const loadInfo = useAppStore((s) => s.loadInfo);
  const trackProgress = useAppStore((s) => s.trackProgress);

  useEffect(() => {
    void loadInfo();
  }, [loadInfo]);

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'progress') trackProgress(event);
        else if (event.type === 'data-changed') void refreshAfterChange(event.area);
      }),
    [trackProgress],
  );

  if (!info) {
    return (
      <Layout className="app-layout">
        <AppHeader />
        <Layout.Content className="center-page">
          {error ? (
            <ErrorResult title="Không mở được BHXH Desk" error={error} onRetry={() => void loadInfo()} />
          ) : (
            <Spin size="large" spinning={loading || !error} description="Đang mở cơ sở dữ liệu…">
              <div style={{ width: 320, height: 120 }} />
            </Spin>
          )}
        </Layout.Content>
      </Layout>
    );
  }

  // Every database that cannot be used (damaged, unreachable, wrong password, newer) lands here.
  if (info.dbStatus !== 'ok') {
    return (
      <Layout className="app-layout">
        <AppHeader />
        <Layout.Content>
          <RecoveryPage />
        </Layout.Content>
      </Layout>
    );
  }

  if (info.unitCount === 0 && !skipped) {
    return (
      <Layout className="app-layout">
        <AppHeader />
        <Layout.Content>
          <FirstRunPage />
        </Layout.Content>
      </Layout>
    );
  }

  return <AppShell />;
}

/**
 * Windows' "Show animations in Windows" off (prefers-reduced-motion) turns antd's motion off: dialogs,
 * drawers and dropdowns appear and go at once. The browser tests run that way too, so a loaded
 * runner never waits on a closing animation.
 */
function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(() => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false);
  useEffect(() => {
    const query = window.matchMedia?.('(prefers-reduced-motion: reduce)');
    if (!query) return;
    const onChange = () => setReduced(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return reduced;
}

export function App() {
  const reducedMotion = useReducedMotion();
  const appTheme = useMemo(() => (reducedMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme), [reducedMotion]);
  return (
    <ConfigProvider locale={viVN} theme={appTheme}>
      <AntApp message={{ maxCount: 3 }} notification={{ placement: 'topRight' }}>
        <Root />
        <UnitImportModal />
      </AntApp>
    </ConfigProvider>
  );
}
