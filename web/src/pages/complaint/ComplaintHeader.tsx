import { Card, Descriptions, Space, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import { useTaxonomy } from '../../taxonomy';
import { LevelTag, OverdueTag, StatusTag } from '../labels';
import { usePersonName } from './complaint-queries';
import type { FullDetail } from './complaint-types';
import { DeadlinesCard } from './DeadlinesCard';

/** Number, level, status, owner, tracker and both clocks counting down; the action buttons below. */
export function ComplaintHeader({ detail: c, actions }: { detail: FullDetail; actions: ReactNode }) {
  const { t, label, dateTime, money } = useI18n();
  const person = usePersonName();
  const taxonomy = useTaxonomy();
  const none = t('common.none');
  return (
    <Card size="small" data-testid="complaint-header">
      <Space align="center" wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="complaint-number" copyable={{ text: c.number }}>
          {c.number}
        </Typography.Title>
        <span data-testid="complaint-level">
          <LevelTag level={c.level} />
        </span>
        <span data-testid="complaint-status">
          <StatusTag status={c.status} />
        </span>
        {!c.levelConfirmed && (
          <Tooltip title={t('complaint.levelUnconfirmedHint')}>
            <Tag color="gold">{t('complaint.levelProposed', { level: label('level', c.proposedLevel) })}</Tag>
          </Tooltip>
        )}
        {c.major && <Tag color="magenta">{t('complaint.major')}</Tag>}
        {c.urgent && <Tag color="red">{t('complaint.urgent')}</Tag>}
        {c.overdue && <OverdueTag />}
        {!c.deadlines.calendarConfirmed && (
          <Tooltip title={t('complaint.unconfirmedCalendarHint')}>
            <Tag color="warning" data-testid="calendar-unconfirmed">
              {t('complaint.unconfirmedCalendar')}
            </Tag>
          </Tooltip>
        )}
      </Space>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, md: 3, xl: 4 }}
        style={{ marginBottom: 12 }}
        items={[
          {
            key: 'assignee',
            label: t('complaint.assignee'),
            children: <span data-testid="complaint-assignee">{c.assignee ? person(c.assignee) : none}</span>,
          },
          {
            key: 'tracker',
            label: t('complaint.tracker'),
            children: <span data-testid="complaint-tracker">{c.tracker ? person(c.tracker) : none}</span>,
          },
          { key: 'received', label: t('ledger.receivedAt'), children: dateTime(c.receivedAt) },
          { key: 'channel', label: t('complaint.channel'), children: taxonomy.label('channels', c.channel) },
          { key: 'category', label: t('complaint.category'), children: taxonomy.label('categories', c.category) },
          { key: 'amount', label: t('complaint.amount'), children: c.amount ? money(c.amount) : none },
          { key: 'branch', label: t('complaint.branch'), children: c.branch ?? none },
          { key: 'round', label: t('complaint.round'), children: c.round },
        ]}
      />
      <DeadlinesCard deadlines={c.deadlines} />
      <div style={{ marginTop: 12 }}>{actions}</div>
    </Card>
  );
}
