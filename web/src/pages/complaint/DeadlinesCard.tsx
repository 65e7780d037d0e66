import { Col, Row, Space, Tag, Typography } from 'antd';
import type { MessageKey } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/i18n';
import type { ClockView, DeadlineViews } from './complaint-types';
import { Countdown } from './Countdown';

export const CLOCK_STATUS_COLOURS: Record<ClockView['status'], string> = {
  running: 'processing',
  paused: 'warning',
  met: 'success',
  breached: 'error',
  cancelled: 'default',
};

function DeadlineBlock({
  title,
  clock,
  stricter,
  testId,
}: {
  title: MessageKey;
  clock: ClockView | null;
  stricter: boolean;
  testId: string;
}) {
  const { t, label, dateTime } = useI18n();
  const open = clock !== null && (clock.status === 'running' || clock.status === 'paused');
  return (
    <div
      data-testid={testId}
      data-stricter={stricter ? 'true' : undefined}
      style={{
        border: `1px solid ${stricter ? '#ff7a45' : '#f0f0f0'}`,
        background: stricter ? '#fff7e6' : undefined,
        borderRadius: 8,
        padding: '8px 12px',
        height: '100%',
      }}
    >
      <Space wrap size={4}>
        <Typography.Text type="secondary">{t(title)}</Typography.Text>
        {stricter && <Tag color="volcano">{t('complaint.stricter')}</Tag>}
        {clock && <Tag color={CLOCK_STATUS_COLOURS[clock.status]}>{label('clockStatus', clock.status)}</Tag>}
        {clock && !clock.calendarConfirmed && (
          <Tag color="warning" data-testid="unconfirmed-calendar">
            {t('complaint.unconfirmedCalendar')}
          </Tag>
        )}
      </Space>
      {clock ? (
        <>
          <Typography.Title level={5} style={{ margin: '4px 0 0' }}>
            {clock.dueAt ? dateTime(clock.dueAt) : t('complaint.pausedNoDue')}
          </Typography.Title>
          <Space wrap size={8}>
            <Typography.Text type="secondary">{label('clock', clock.kind)}</Typography.Text>
            {open && clock.status === 'running' && clock.dueAt && <Countdown dueAt={clock.dueAt} testId={`${testId}-countdown`} />}
          </Space>
        </>
      ) : (
        <Typography.Title level={5} style={{ margin: '4px 0 0' }}>
          {t('common.none')}
        </Typography.Title>
      )}
    </div>
  );
}

/** The policy deadline and the regulator's, counting down live, the stricter one highlighted. */
export function DeadlinesCard({ deadlines }: { deadlines: DeadlineViews }) {
  const { policy, regulatory, stricter } = deadlines;
  return (
    <Row gutter={[12, 12]} data-testid="deadlines">
      <Col xs={24} md={12}>
        <DeadlineBlock
          title="complaint.policyDeadline"
          clock={policy}
          stricter={policy !== null && stricter === policy.kind}
          testId="deadline-policy"
        />
      </Col>
      <Col xs={24} md={12}>
        <DeadlineBlock
          title="complaint.regulatoryDeadline"
          clock={regulatory}
          stricter={regulatory !== null && stricter === regulatory.kind}
          testId="deadline-regulatory"
        />
      </Col>
    </Row>
  );
}
