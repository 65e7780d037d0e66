import { Spin } from 'antd';
import { lazy, Suspense, type ComponentType } from 'react';

export interface LazyPage {
  Page: ComponentType;
  preload(): Promise<unknown>;
}

/**
 * A page in its own chunk. Once its code has loaded (preload) it renders straight away: a React.lazy
 * page always suspends on its first render, and React holds a revealed Suspense boundary back for
 * 300 ms, which would be most of the time to show the ledger.
 */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyPage {
  let loaded: ComponentType | null = null;
  let pending: Promise<{ default: ComponentType }> | null = null;
  const preload = () =>
    (pending ??= load().then((m) => {
      loaded = m[name];
      return { default: m[name] };
    }));
  const Lazy = lazy(preload);
  function Page() {
    const Loaded = loaded;
    if (Loaded) return <Loaded />;
    return (
      <Suspense fallback={<Spin style={{ display: 'block', marginTop: 48 }} />}>
        <Lazy />
      </Suspense>
    );
  }
  return { Page, preload };
}

export const PAGES = {
  workbench: lazyPage(() => import('./workbench/WorkbenchPage'), 'WorkbenchPage'),
  ledger: lazyPage(() => import('./ledger/LedgerPage'), 'LedgerPage'),
  intake: lazyPage(() => import('./intake/IntakePage'), 'IntakePage'),
  complaint: lazyPage(() => import('./complaint/ComplaintPage'), 'ComplaintPage'),
  board: lazyPage(() => import('./board/BoardPage'), 'BoardPage'),
  statistics: lazyPage(() => import('./statistics/StatisticsPage'), 'StatisticsPage'),
  reports: lazyPage(() => import('./reports/ReportsPage'), 'ReportsPage'),
  assessment: lazyPage(() => import('./assessment/AssessmentPage'), 'AssessmentPage'),
  supervision: lazyPage(() => import('./supervision/SupervisionPage'), 'SupervisionPage'),
  cases: lazyPage(() => import('./cases/CasesPage'), 'CasesPage'),
  training: lazyPage(() => import('./training/TrainingPage'), 'TrainingPage'),
  admin: lazyPage(() => import('./admin/AdminRoutes'), 'AdminRoutes'),
  notifications: lazyPage(() => import('./notifications/NotificationsPage'), 'NotificationsPage'),
  noticeSettings: lazyPage(() => import('./settings/NoticeSettingsPage'), 'NoticeSettingsPage'),
} as const;

/** The page an address opens (the routes of main.tsx), to load its code while the app starts. */
export function pageFor(pathname: string): LazyPage | null {
  if (pathname === '/') return PAGES.workbench;
  if (pathname === '/complaints') return PAGES.ledger;
  if (pathname === '/complaints/new') return PAGES.intake;
  if (pathname.startsWith('/complaints/')) return PAGES.complaint;
  if (pathname === '/board') return PAGES.board;
  if (pathname === '/statistics') return PAGES.statistics;
  if (pathname === '/reports' || pathname.startsWith('/reports/')) return PAGES.reports;
  if (pathname === '/assessment' || pathname.startsWith('/assessment/')) return PAGES.assessment;
  if (pathname === '/supervision' || pathname.startsWith('/supervision/')) return PAGES.supervision;
  if (pathname === '/cases' || pathname.startsWith('/cases/')) return PAGES.cases;
  if (pathname === '/training' || pathname.startsWith('/training/')) return PAGES.training;
  if (pathname.startsWith('/admin')) return PAGES.admin;
  if (pathname === '/notifications') return PAGES.notifications;
  if (pathname === '/settings/notifications') return PAGES.noticeSettings;
  return null;
}

/** Loads every page's code when the browser is idle, so that moving between pages never waits. */
export function preloadAllWhenIdle(): void {
  const run = () => void Promise.all(Object.values(PAGES).map((p) => p.preload().catch(() => undefined)));
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 3_000 });
  else setTimeout(run, 1_000);
}
