import { Card, Col, Row, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/dictionary';
import type { Clock, Deadlines } from '../../types';

const CLOCK_STATUS_COLOURS: Record<Clock['status'], string> = { running: 'processing', paused: 'warning', met: 'success', breached: 'error', cancelled: 'default' };

function DeadlineBlock({ title, clock, stricter, testId }: { title: MessageKey; clock: Clock | null; stricter: boolean; testId: string }) {
  const { t, label, dateTime } = useI18n();
  return (
    <div
      data-testid={testId}
      style={{ border: `1px solid ${stricter ? '#ff7a45' : '#f0f0f0'}`, background: stricter ? '#fff7e6' : undefined, borderRadius: 8, padding: 12, height: '100%' }}
    >
      <Space wrap size={4} style={{ marginBottom: 4 }}>
        <Typography.Text type="secondary">{t(title)}</Typography.Text>
        {stricter && <Tag color="volcano">{t('complaint.stricter')}</Tag>}
      </Space>
      {clock ? (
        <>
          <Typography.Title level={4} style={{ margin: '4px 0' }}>
            {dateTime(clock.dueAt)}
          </Typography.Title>
          <Space wrap size={4}>
            <Typography.Text>{label('clock', clock.kind)}</Typography.Text>
            <Tag color={CLOCK_STATUS_COLOURS[clock.status]}>{label('clockStatus', clock.status)}</Tag>
            {!clock.calendarConfirmed && (
              <Tag color="warning" data-testid="unconfirmed-calendar">
                {t('complaint.unconfirmedCalendar')}
              </Tag>
            )}
          </Space>
        </>
      ) : (
        <Typography.Title level={4} style={{ margin: '4px 0' }}>
          {t('common.none')}
        </Typography.Title>
      )}
    </div>
  );
}

/** The policy deadline and the regulator's, the stricter one highlighted. */
export function DeadlinesCard({ deadlines }: { deadlines: Deadlines }) {
  const { t } = useI18n();
  const { policy, regulatory, stricter } = deadlines;
  return (
    <Card
      title={t('complaint.deadlines')}
      extra={!deadlines.calendarConfirmed && <Tag color="warning">{t('complaint.unconfirmedCalendar')}</Tag>}
      data-testid="deadlines"
    >
      <Row gutter={12}>
        <Col span={12}>
          <DeadlineBlock title="complaint.policyDeadline" clock={policy} stricter={policy !== null && stricter === policy.kind} testId="deadline-policy" />
        </Col>
        <Col span={12}>
          <DeadlineBlock
            title="complaint.regulatoryDeadline"
            clock={regulatory}
            stricter={regulatory !== null && stricter === regulatory.kind}
            testId="deadline-regulatory"
          />
        </Col>
      </Row>
    </Card>
  );
}
