import { Result, Typography } from 'antd';
import { Route, Routes } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { can, useMe } from '../../session';
import { CaseList } from './CaseList';
import { CasePage } from './CasePage';

/** 案例库 (#15 item 2, R-G2): the library of teaching cases and one case's page (/cases/:id). */
export function CasesPage() {
  const { t } = useI18n();
  const me = useMe();
  if (!can(me.data, 'case.read')) return <Result status="403" title={t('cases.noPermission')} />;
  return (
    <Routes>
      <Route
        index
        element={
          <>
            <Typography.Title level={3}>{t('cases.title')}</Typography.Title>
            <CaseList />
          </>
        }
      />
      <Route path=":id" element={<CasePage />} />
    </Routes>
  );
}
