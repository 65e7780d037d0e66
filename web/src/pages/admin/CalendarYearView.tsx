import { Card, Col, Row, Space, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useI18n } from '../../i18n/i18n';
import { CALENDAR_DAY_KINDS, type CalendarDayKind } from '../../codes';
import type { CalendarDay } from './admin-types';

/** The colours of the kinds of day, shared by the cells and the legend. */
export const DAY_STYLES: Record<CalendarDayKind, CSSProperties> = {
  holiday: { background: '#ff7875', color: '#fff' },
  workday: { background: '#ffc53d', color: '#613400' },
  weekend: { background: '#f0f0f0', color: '#8c8c8c' },
  weekday: { background: '#fff', color: 'rgba(0,0,0,0.88)' },
};

const cellBase: CSSProperties = {
  height: 28,
  border: '1px solid #f0f0f0',
  borderRadius: 4,
  fontSize: 12,
  padding: 0,
  lineHeight: '26px',
  textAlign: 'center',
  fontVariantNumeric: 'tabular-nums',
};

export function CalendarLegend() {
  const { label } = useI18n();
  return (
    <Space wrap size={16} data-testid="calendar-legend">
      {CALENDAR_DAY_KINDS.map((k) => (
        <Space key={k} size={6}>
          <span style={{ ...cellBase, ...DAY_STYLES[k], display: 'inline-block', width: 28, height: 20, lineHeight: '18px' }} />
          <Typography.Text>{label('admin.dayKind', k)}</Typography.Text>
        </Space>
      ))}
    </Space>
  );
}

function Month({ month, days, today, onPick }: { month: number; days: CalendarDay[]; today: string; onPick?: (day: CalendarDay) => void }) {
  const { t, locale } = useI18n();
  const title = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month, 1)));
  // weeks start on Monday: weekday 1 (Monday) is column 0, 0 (Sunday) column 6
  const offset = days[0] ? (days[0].weekday + 6) % 7 : 0;
  const weekdays = t('admin.calendar.weekdays').split(',');
  return (
    <Card size="small" title={title} styles={{ body: { padding: 8 } }} data-testid={`month-${month + 1}`}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2 }}>
        {weekdays.map((w) => (
          <div key={w} style={{ textAlign: 'center', fontSize: 11, color: '#8c8c8c' }}>
            {w}
          </div>
        ))}
        {offset > 0 && <div style={{ gridColumn: `span ${offset}` }} />}
        {days.map((d) => {
          const style: CSSProperties = {
            ...cellBase,
            ...DAY_STYLES[d.kind],
            ...(d.date === today ? { outline: '2px solid #1677ff', outlineOffset: -2 } : {}),
          };
          const common = {
            'data-testid': `day-${d.date}`,
            'data-kind': d.kind,
            title: [d.date, d.name].filter(Boolean).join(' '),
          };
          const text = Number(d.date.slice(8));
          return onPick ? (
            <button key={d.date} type="button" {...common} style={{ ...style, cursor: 'pointer' }} onClick={() => onPick(d)}>
              {text}
            </button>
          ) : (
            <div key={d.date} {...common} style={style}>
              {text}
            </div>
          );
        })}
      </div>
    </Card>
  );
}

/** Twelve months, holidays and adjusted working days coloured; a click on a day (when allowed) picks it. */
export function CalendarYearView({ days, onPick }: { days: CalendarDay[]; onPick?: (day: CalendarDay) => void }) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const months = Array.from({ length: 12 }, (_, m) => days.filter((d) => Number(d.date.slice(5, 7)) === m + 1));
  return (
    <Row gutter={[12, 12]} data-testid="calendar-year">
      {months.map((list, m) => (
        <Col key={m} xs={24} sm={12} lg={8} xl={6}>
          <Month month={m} days={list} today={today} onPick={onPick} />
        </Col>
      ))}
    </Row>
  );
}
