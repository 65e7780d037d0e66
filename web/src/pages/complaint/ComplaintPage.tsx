import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Row, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { useTaxonomy } from '../../taxonomy';
import type { ComplaintDetail, ComplaintEvent } from '../../types';
import { DeadlinesCard } from './DeadlinesCard';
import { LevelTag, OverdueTag, StatusTag } from '../labels';

/** One complaint: header, both deadlines, the masked complainant, allowed actions, the timeline. */
export function ComplaintPage() {
  const { id = '' } = useParams();
  const { t, label, dateTime, money } = useI18n();
  const taxonomy = useTaxonomy();
  const { message } = App.useApp();
  const complaint = useQuery({ queryKey: ['complaint', id], queryFn: () => api<ComplaintDetail>('GET', `/api/complaints/${encodeURIComponent(id)}`) });
  const events = useQuery({
    queryKey: ['complaint', id, 'events'],
    queryFn: () => api<{ items: ComplaintEvent[] }>('GET', `/api/complaints/${encodeURIComponent(id)}/events`),
  });

  const back = (
    <Link to="/complaints">
      <ArrowLeftOutlined /> {t('complaint.back')}
    </Link>
  );
  if (complaint.isPending) return <Spin />;
  if (complaint.error) return <Alert type="error" showIcon message={complaint.error.message} action={back} />;
  const c = complaint.data;
  const p = c.complainant;
  const none = t('common.none');

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {back}
      <Card>
        <Space align="center" wrap style={{ marginBottom: 12 }}>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="complaint-number">
            {c.number}
          </Typography.Title>
          <LevelTag level={c.level} />
          <StatusTag status={c.status} />
          {c.overdue && <OverdueTag />}
        </Space>
        <Descriptions
          size="small"
          column={3}
          items={[
            { key: 'assignee', label: t('complaint.assignee'), children: c.assignee ?? none },
            { key: 'tracker', label: t('complaint.tracker'), children: c.tracker ?? none },
            { key: 'received', label: t('ledger.receivedAt'), children: dateTime(c.receivedAt) },
            { key: 'channel', label: t('complaint.channel'), children: taxonomy.label('channels', c.channel) },
            { key: 'category', label: t('complaint.category'), children: taxonomy.label('categories', c.category) },
            { key: 'amount', label: t('complaint.amount'), children: c.amount ? money(c.amount) : none },
          ]}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <DeadlinesCard deadlines={c.deadlines} />
            <Card
              title={t('complaint.complainant')}
              extra={p.masked && <Tag data-testid="masked">{t('complaint.masked')}</Tag>}
            >
              <Descriptions
                size="small"
                column={2}
                items={[
                  { key: 'name', label: t('complaint.name'), children: p.name },
                  { key: 'phone', label: t('complaint.phone'), children: p.phone ?? none },
                  { key: 'email', label: t('complaint.email'), children: p.email ?? none },
                  { key: 'idNumber', label: t('complaint.idNumber'), children: p.idNumber ?? none },
                  { key: 'account', label: t('complaint.account'), children: p.account ?? none },
                  { key: 'address', label: t('complaint.address'), children: p.address ?? none },
                ]}
              />
            </Card>
            <Card title={t('complaint.description')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.description}</Typography.Paragraph>
              {c.requestedRemedy && (
                <Typography.Paragraph type="secondary">
                  {t('complaint.requestedRemedy')}: {c.requestedRemedy}
                </Typography.Paragraph>
              )}
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={9}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('complaint.actions')} data-testid="actions">
              {c.allowedActions.length === 0 ? (
                <Typography.Text type="secondary">{t('complaint.noActions')}</Typography.Text>
              ) : (
                <Space wrap>
                  {c.allowedActions.map((a) => (
                    <Button key={a} data-action={a} onClick={() => void message.info(t('complaint.actionLater'))}>
                      {label('action', a)}
                    </Button>
                  ))}
                </Space>
              )}
            </Card>
            <Card title={t('complaint.timeline')} data-testid="timeline">
              {events.isPending && <Spin />}
              {events.error && <Alert type="error" showIcon message={events.error.message} />}
              {events.data && events.data.items.length === 0 && <Empty />}
              {events.data && (
                <Timeline
                  items={events.data.items.map((e) => ({
                    key: e.seq,
                    color: e.type.includes('breach') ? 'red' : e.type.includes('warning') ? 'orange' : 'blue',
                    children: (
                      <div data-event={e.type}>
                        <Typography.Text strong>{label('event', e.type)}</Typography.Text>
                        <br />
                        <Typography.Text type="secondary">
                          {dateTime(e.occurredAt)} · {e.actor}
                        </Typography.Text>
                        {e.reason && <div>{e.reason}</div>}
                      </div>
                    ),
                  }))}
                />
              )}
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
