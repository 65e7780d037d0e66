import '@ant-design/v5-patch-for-react-19';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, StrictMode, Suspense, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { Spin } from 'antd';
import { AppLayout } from './AppLayout';
import { I18nProvider, useI18n } from './i18n/i18n';
import { LoginPage } from './pages/LoginPage';

/** A page loaded on first visit (its own chunk): the sign-in page and the layout come first. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  const Page = lazy(async (): Promise<{ default: ComponentType }> => ({ default: (await load())[name] }));
  return (
    <Suspense fallback={<Spin style={{ display: 'block', marginTop: 48 }} />}>
      <Page />
    </Suspense>
  );
}

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

function Root() {
  const { locale } = useI18n();
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={{ token: { fontFamily: FONT_FAMILY } }} button={{ autoInsertSpace: false }}>
      <AntApp>
        <BrowserRouter>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route element={<AppLayout />}>
              <Route index element={page(() => import('./pages/workbench/WorkbenchPage'), 'WorkbenchPage')} />
              <Route path="complaints" element={page(() => import('./pages/ledger/LedgerPage'), 'LedgerPage')} />
              <Route path="complaints/new" element={page(() => import('./pages/intake/IntakePage'), 'IntakePage')} />
              <Route path="complaints/:id" element={page(() => import('./pages/complaint/ComplaintPage'), 'ComplaintPage')} />
              <Route path="board" element={page(() => import('./pages/board/BoardPage'), 'BoardPage')} />
              <Route path="admin/*" element={page(() => import('./pages/admin/AdminRoutes'), 'AdminRoutes')} />
            </Route>
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('no #root element');
createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Root />
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
