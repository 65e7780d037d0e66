import { CheckCircleFilled } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Select, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { client, ok } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { can, useMe } from '../../session';
import { KEYS, useCalendarYear, useCalendarYears } from './admin-api';
import type { CalendarDay } from './admin-types';
import { CalendarPendingBanner } from './CalendarPendingBanner';
import { CalendarLegend, CalendarYearView } from './CalendarYearView';
import { DayEditModal } from './DayEditModal';
import { IcsImport } from './IcsImport';

const thisYear = (): number => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

/** The working-day calendar of one year: year view, day edits, confirmation, .ics import. */
export function CalendarPage() {
  const { t, dateTime } = useI18n();
  const me = useMe();
  const writable = can(me.data, 'calendar.write');
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || thisYear();
  // ?import=1: arrived from the "not confirmed" banner or notification, the import is what is wanted
  const importWanted = params.get('import') === '1';
  const years = useCalendarYears();
  const view = useCalendarYear(year);
  const [picked, setPicked] = useState<CalendarDay | null>(null);

  const refresh = () =>
    Promise.all([
      queries.invalidateQueries({ queryKey: KEYS.calendarYear(year) }),
      queries.invalidateQueries({ queryKey: KEYS.calendarYears }),
    ]);
  const confirm = useMutation({
    mutationFn: (confirmed: boolean) =>
      ok(client.PUT('/api/calendar/{year}/confirmation', { params: { path: { year } }, body: { confirmed } })),
    onSuccess: async (r) => {
      message.success(t('admin.calendar.replanned', { n: r.replanned }));
      await refresh();
    },
    onError: (e) => message.error(e.message),
  });

  const known = new Set([...(years.data ?? []).map((y) => y.year), thisYear() - 1, thisYear(), thisYear() + 1, thisYear() + 2, year]);
  const yearOptions = [...known].sort((a, b) => b - a).map((y) => ({ value: y, label: String(y) }));
  const data = view.data;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <CalendarPendingBanner />
      <Card size="small">
        <Space wrap size={16} style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Typography.Text strong>{t('admin.calendar.year')}</Typography.Text>
            <Select
              value={year}
              options={yearOptions}
              onChange={(y: number) => setParams({ year: String(y) }, { replace: true })}
              showSearch
              style={{ width: 110 }}
              data-testid="calendar-year-select"
            />
            {data?.confirmed && (
              <Tag icon={<CheckCircleFilled />} color="success" data-testid="calendar-confirmed">
                {t('admin.calendar.confirmed')}
              </Tag>
            )}
          </Space>
          <CalendarLegend />
        </Space>
      </Card>
      {view.error && <Alert type="error" showIcon message={view.error.message} />}
      {data && !data.confirmed && (
        <Alert
          type="warning"
          showIcon
          data-testid="calendar-unconfirmed"
          message={t('admin.calendar.unconfirmed', { year })}
          description={t(data.provisional ? 'admin.calendar.provisionalHint' : 'admin.calendar.unconfirmedHint')}
          action={
            writable && (
              <Popconfirm title={t('admin.calendar.confirmQuestion', { year })} onConfirm={() => confirm.mutate(true)}>
                <Button type="primary" loading={confirm.isPending} data-testid="calendar-confirm">
                  {t('admin.calendar.confirm')}
                </Button>
              </Popconfirm>
            )
          }
        />
      )}
      {data && (
        <Card size="small">
          <Space wrap size={24} align="start" style={{ width: '100%', justifyContent: 'space-between' }}>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2, xl: 4 }}
              items={[
                { key: 'w', label: t('admin.calendar.workingDays'), children: data.summary.workingDays },
                { key: 'h', label: t('admin.calendar.holidays'), children: data.summary.holidays },
                { key: 'a', label: t('admin.calendar.adjusted'), children: data.summary.adjustedWorkdays },
                {
                  key: 's',
                  label: t('admin.calendar.source'),
                  children: data.source ? `${data.source} · ${data.updatedBy ?? ''} ${dateTime(data.updatedAt)}` : t('common.none'),
                },
              ]}
            />
            {writable && (
              <Space
                direction="vertical"
                size={4}
                data-testid="calendar-import-section"
                data-wanted={importWanted}
                style={importWanted ? { padding: 8, border: '2px solid #faad14', borderRadius: 6 } : undefined}
              >
                {importWanted && <Typography.Text strong>{t('admin.calendar.importNotice', { year })}</Typography.Text>}
                <IcsImport year={year} focus={importWanted} onImported={() => void refresh()} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('admin.calendar.importHint')}
                </Typography.Text>
              </Space>
            )}
          </Space>
          {writable && (
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              {t('admin.calendar.clickHint')}
            </Typography.Paragraph>
          )}
        </Card>
      )}
      {view.isPending ? <Spin /> : data && <CalendarYearView days={data.days} onPick={writable ? setPicked : undefined} />}
      {picked && (
        <DayEditModal
          day={picked}
          onClose={() => setPicked(null)}
          onSaved={async (replanned) => {
            setPicked(null);
            message.success(t('admin.calendar.replanned', { n: replanned }));
            await refresh();
          }}
        />
      )}
    </Space>
  );
}
