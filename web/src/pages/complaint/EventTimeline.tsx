import { Alert, Card, Empty, Spin, Tag, Timeline, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { usePersonName, useTaxonomyLabel } from './complaint-queries';
import type { EventView } from './complaint-types';
import { eventFacts, eventLabel } from './event-facts';

function colour(type: string): string {
  if (type.includes('breach') || type === 'withdraw') return 'red';
  if (type.includes('warning') || type.includes('escalat')) return 'orange';
  if (type === 'close' || type === 'complete_milestone' || type === 'record_survey') return 'green';
  return 'blue';
}

/** Every event of the complaint's history, newest first, with its key facts. */
export function EventTimeline({ events, error, pending }: { events: EventView[] | undefined; error: Error | null; pending: boolean }) {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const person = usePersonName();
  const tax = useTaxonomyLabel();
  return (
    <Card
      size="small"
      title={t('complaint.timeline')}
      data-testid="timeline"
      extra={events && <Typography.Text type="secondary">{t('complaint.eventCount', { n: events.length })}</Typography.Text>}
    >
      {pending && <Spin />}
      {error && <Alert type="error" showIcon message={error.message} />}
      {events && events.length === 0 && <Empty />}
      {events && events.length > 0 && (
        <div style={{ maxHeight: 720, overflowY: 'auto', paddingTop: 8 }}>
          <Timeline
            items={[...events].reverse().map((e) => ({
              key: e.seq,
              color: colour(e.type),
              children: (
                <div data-event={e.type}>
                  <Typography.Text strong>{eventLabel(e.type, i18n)}</Typography.Text>
                  {e.redacted && <Tag style={{ marginLeft: 4 }}>{t('complaint.redacted')}</Tag>}
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {dateTime(e.occurredAt)} · {e.actor === 'system' ? t('complaint.system') : person(e.actor)}
                  </Typography.Text>
                  {eventFacts(e, i18n, tax).map((f) => (
                    <div key={f} style={{ fontSize: 13 }}>
                      {f}
                    </div>
                  ))}
                  {e.reason && <div style={{ fontSize: 13, color: '#595959' }}>{t('complaint.fact.reason', { v: e.reason })}</div>}
                </div>
              ),
            }))}
          />
        </div>
      )}
    </Card>
  );
}
