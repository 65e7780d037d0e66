import '@ant-design/v5-patch-for-react-19';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AppLayout } from './AppLayout';
import { I18nProvider, useI18n } from './i18n/i18n';
import { pageFor, PAGES } from './pages/lazy-pages';
import { LoginPage } from './pages/LoginPage';
import { wasSignedIn } from './session';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

function Root() {
  const { locale } = useI18n();
  return (
    <ConfigProvider
      locale={locale === 'zh-CN' ? zhCN : enUS}
      theme={{ token: { fontFamily: FONT_FAMILY } }}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <BrowserRouter>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route element={<AppLayout />}>
              <Route index element={<PAGES.workbench.Page />} />
              <Route path="complaints" element={<PAGES.ledger.Page />} />
              <Route path="complaints/new" element={<PAGES.intake.Page />} />
              <Route path="complaints/:id" element={<PAGES.complaint.Page />} />
              <Route path="board" element={<PAGES.board.Page />} />
              <Route path="statistics" element={<PAGES.statistics.Page />} />
              <Route path="reports" element={<PAGES.reports.Page />} />
              <Route path="reports/:id" element={<PAGES.reports.Page />} />
              <Route path="assessment" element={<PAGES.assessment.Page />} />
              <Route path="assessment/:id" element={<PAGES.assessment.Page />} />
              <Route path="supervision/*" element={<PAGES.supervision.Page />} />
              <Route path="cases/*" element={<PAGES.cases.Page />} />
              <Route path="training/*" element={<PAGES.training.Page />} />
              <Route path="admin/*" element={<PAGES.admin.Page />} />
              <Route path="notifications" element={<PAGES.notifications.Page />} />
              <Route path="settings/notifications" element={<PAGES.noticeSettings.Page />} />
            </Route>
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

// the page of this address loads beside the app's own code (the others: see AppLayout)
if (wasSignedIn()) void pageFor(window.location.pathname)?.preload();

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
