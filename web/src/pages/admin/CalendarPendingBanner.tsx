import { Alert, Space } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { can, useMe } from '../../session';
import { useCalendarPending } from './admin-api';

/** The page of a year with its import open (the link of the administrators' notification too). */
export const calendarImportPath = (year: number) => `/admin/calendar?year=${year}&import=1`;

/**
 * For users who may write the calendar: each year the clocks already count without a confirmed
 * calendar (next year from 1 November), with the import of the State Council's notice one click
 * away (#9 item 10). Nothing for everyone else, and nothing asked of the server for them.
 */
export function CalendarPendingBanner() {
  const { t } = useI18n();
  const me = useMe();
  const writable = can(me.data, 'calendar.write');
  const pending = useCalendarPending(writable);
  if (!writable || !pending.data || pending.data.length === 0) return null;
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      {pending.data.map((year) => (
        <Alert
          key={year}
          type="warning"
          showIcon
          data-testid={`calendar-pending-${year}`}
          message={
            <span>
              {t('admin.calendar.pendingBanner', { year })}{' '}
              <Link to={calendarImportPath(year)} data-testid={`calendar-pending-import-${year}`}>
                {t('admin.calendar.pendingAction')}
              </Link>
            </span>
          }
        />
      ))}
    </Space>
  );
}
