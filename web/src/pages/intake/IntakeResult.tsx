import { CheckCircleTwoTone } from '@ant-design/icons';
import { Button, Card, Descriptions, List, Result, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { LevelTag } from '../labels';
import type { RegisteredComplaint } from './intake-types';

/** After saving: the number, the level and every clock that started, with their due times. */
export function IntakeResult({ complaint, onAnother }: { complaint: RegisteredComplaint; onAnother: () => void }) {
  const { t, label, dateTime } = useI18n();
  const d = complaint.deadlines;
  const running = complaint.clocks.filter((c) => c.dueAt && (c.status === 'running' || c.status === 'paused'));
  return (
    <Card data-testid="intake-result">
      <Result
        icon={<CheckCircleTwoTone twoToneColor="#52c41a" />}
        title={t('intake.result')}
        subTitle={
          <Space>
            <span>{t('intake.resultNumber')}</span>
            <Typography.Text strong copyable data-testid="result-number">
              {complaint.number}
            </Typography.Text>
            <LevelTag level={complaint.level} />
          </Space>
        }
        extra={[
          <Link key="open" to={`/complaints/${complaint.id}`}>
            <Button type="primary" data-testid="result-open">
              {t('intake.open')}
            </Button>
          </Link>,
          <Button key="again" onClick={onAnother} data-testid="result-another">
            {t('intake.another')}
          </Button>,
        ]}
      />
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} title={t('intake.resultDeadlines')} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('complaint.policyDeadline')}>
          {d.policy ? `${label('clock', d.policy.kind)} · ${dateTime(d.policy.dueAt)}` : t('common.none')}
          {d.stricter && d.policy?.kind === d.stricter && (
            <Tag color="red" style={{ marginLeft: 8 }}>
              {t('complaint.stricter')}
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('complaint.regulatoryDeadline')}>
          <span data-testid="result-regulatory">{d.regulatory ? dateTime(d.regulatory.dueAt) : t('common.none')}</span>
          {d.stricter === 'regulatory' && (
            <Tag color="red" style={{ marginLeft: 8 }}>
              {t('complaint.stricter')}
            </Tag>
          )}
        </Descriptions.Item>
      </Descriptions>
      <List
        size="small"
        bordered
        data-testid="result-clocks"
        dataSource={running}
        renderItem={(c) => (
          <List.Item>
            <Space wrap>
              <span>{label('clock', c.kind)}</span>
              <Typography.Text type="secondary">{dateTime(c.dueAt)}</Typography.Text>
              {!c.calendarConfirmed && <Tag color="warning">{t('complaint.unconfirmedCalendar')}</Tag>}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
