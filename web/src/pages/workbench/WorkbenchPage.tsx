import { AlertOutlined, BellOutlined, ClockCircleOutlined, FileAddOutlined, FireOutlined, SolutionOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { client, ok } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { can, useMe } from '../../session';
import type { LedgerItem } from '../../types';
import { LevelTag, OverdueTag, StatusTag } from '../labels';
import { noticeTarget } from '../../notices';
import { CalendarPendingBanner } from '../admin/CalendarPendingBanner';
import { IncomingCallsPanel } from './IncomingCallsPanel';
import { ExceptionTarget } from './ExceptionTarget';
import { ResolveException } from './ResolveException';
import { SECTION_VIEWS, type ComplaintSection } from './workbench-types';

const REFRESH_MS = 60_000;

interface TileProps {
  testId: string;
  title: string;
  value: number | undefined;
  icon: ReactNode;
  colour?: string;
  to?: string;
}

function Tile({ testId, title, value, icon, colour, to }: TileProps) {
  const navigate = useNavigate();
  return (
    <Card hoverable={to !== undefined} onClick={to ? () => navigate(to) : undefined} data-testid={testId} size="small">
      <Statistic title={title} value={value ?? '—'} prefix={icon} valueStyle={colour && value ? { color: colour } : undefined} />
    </Card>
  );
}

/** `late`: the overdue list, which names the deadline that was missed rather than the next one. */
function ComplaintList({
  section,
  view,
  testId,
  title,
  late = false,
}: {
  section: ComplaintSection;
  view: string;
  testId: string;
  title: string;
  late?: boolean;
}) {
  const { t, label, dateTime } = useI18n();
  return (
    <Card
      size="small"
      title={title}
      data-testid={testId}
      extra={section.total > 0 && <Link to={`/complaints?${view}`}>{t('workbench.viewAll', { n: section.total })}</Link>}
    >
      <List<LedgerItem>
        size="small"
        dataSource={section.items}
        locale={{ emptyText: t('workbench.empty') }}
        renderItem={(c) => (
          <List.Item>
            <Space wrap size={4} style={{ width: '100%', justifyContent: 'space-between' }}>
              <Space size={4} wrap>
                <Link to={`/complaints/${c.id}`}>{c.number}</Link>
                <LevelTag level={c.level} />
                <StatusTag status={c.status} />
                {c.overdue && <OverdueTag />}
              </Space>
              {late && c.overdueClock ? (
                <Typography.Text type="danger" data-testid="overdue-since">
                  {label('clock', c.overdueClock.kind)} · {t('workbench.dueWas', { at: dateTime(c.overdueClock.dueAt) })}
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">
                  {c.nextDue ? (c.nextDue.dueAt ? dateTime(c.nextDue.dueAt) : t('complaint.pausedNoDue')) : c.complainantName}
                </Typography.Text>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** Home: the user's work at a glance, with counts, each opening the matching ledger view (R-E1, R-E3). */
export function WorkbenchPage() {
  const { t, label, dateTime } = useI18n();
  const me = useMe();
  const queries = useQueryClient();
  const wb = useQuery({
    queryKey: ['workbench'],
    queryFn: () => ok(client.GET('/api/workbench')),
    refetchInterval: REFRESH_MS,
  });
  const markRead = useMutation({
    mutationFn: () => ok(client.POST('/api/notifications/read', { body: { all: true } })),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['workbench'] });
      void queries.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
  const d = wb.data;
  const hours = d?.dueSoonHours ?? 24;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="workbench">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('workbench.welcome', { name: me.data?.user.displayName ?? '' })}
        </Typography.Title>
        <Space>
          <Typography.Text type="secondary">{t('workbench.refreshed')}</Typography.Text>
          {can(me.data, 'complaint.create') && (
            <Link to="/complaints/new">
              <Button type="primary" icon={<FileAddOutlined />} data-testid="workbench-new">
                {t('workbench.newComplaint')}
              </Button>
            </Link>
          )}
        </Space>
      </Space>
      <CalendarPendingBanner />
      <IncomingCallsPanel />
      {wb.error && <Alert type="error" showIcon message={wb.error.message} />}
      <Row gutter={[16, 16]}>
        {d?.mine !== null && (
          <>
            <Col xs={12} md={8} xl={4}>
              <Tile
                testId="tile-mine"
                title={t('workbench.mine')}
                value={d?.mine?.total}
                icon={<SolutionOutlined />}
                to={`/complaints?${SECTION_VIEWS.mine}`}
              />
            </Col>
            <Col xs={12} md={8} xl={5}>
              <Tile
                testId="tile-due-soon"
                title={t('workbench.dueSoon', { hours })}
                value={d?.dueSoon?.total}
                icon={<ClockCircleOutlined />}
                colour="#d46b08"
                to={`/complaints?${SECTION_VIEWS.dueSoon}`}
              />
            </Col>
            <Col xs={12} md={8} xl={5}>
              <Tile
                testId="tile-overdue"
                title={t('workbench.overdue')}
                value={d?.overdue?.total}
                icon={<FireOutlined />}
                colour="#cf1322"
                to={`/complaints?${SECTION_VIEWS.overdue}`}
              />
            </Col>
            <Col xs={12} md={8} xl={5}>
              <Tile
                testId="tile-exceptions"
                title={t('workbench.exceptions')}
                value={d?.exceptions?.total}
                icon={<AlertOutlined />}
                colour="#cf1322"
              />
            </Col>
          </>
        )}
        <Col xs={12} md={8} xl={5}>
          <Tile
            testId="tile-unread"
            title={t('workbench.unread')}
            value={d?.notifications.unread}
            icon={<BellOutlined />}
            colour="#1677ff"
          />
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        {d?.mine && (
          <Col xs={24} lg={12}>
            <ComplaintList section={d.mine} view={SECTION_VIEWS.mine} testId="section-mine" title={t('workbench.mine')} />
          </Col>
        )}
        {d?.unassigned && d.unassigned.total > 0 && (
          <Col xs={24} lg={12}>
            <ComplaintList
              section={d.unassigned}
              view={SECTION_VIEWS.unassigned}
              testId="section-unassigned"
              title={t('workbench.unassigned')}
            />
          </Col>
        )}
        {d?.overdue && (
          <Col xs={24} lg={12}>
            <ComplaintList section={d.overdue} view={SECTION_VIEWS.overdue} testId="section-overdue" title={t('workbench.overdue')} late />
          </Col>
        )}
        {d?.dueSoon && (
          <Col xs={24} lg={12}>
            <ComplaintList
              section={d.dueSoon}
              view={SECTION_VIEWS.dueSoon}
              testId="section-due-soon"
              title={t('workbench.dueSoon', { hours })}
            />
          </Col>
        )}
        {d?.exceptions && (
          <Col xs={24} lg={12}>
            <Card size="small" title={t('workbench.exceptions')} data-testid="section-exceptions">
              <List
                size="small"
                dataSource={d.exceptions.items}
                locale={{ emptyText: t('workbench.empty') }}
                renderItem={(x) => (
                  <List.Item>
                    <Space size={4} wrap>
                      <Tag color={x.kind === 'dissatisfied' ? 'orange' : x.kind === 'spike' ? 'purple' : 'red'}>
                        {label('exception', x.kind)}
                      </Tag>
                      <ExceptionTarget exception={x} />
                      {x.clockKind && <Typography.Text type="secondary">{label('clock', x.clockKind)}</Typography.Text>}
                      <Typography.Text type="secondary">{dateTime(x.raisedAt)}</Typography.Text>
                      <ResolveException exception={x} />
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        )}
        {d && (
          <Col xs={24} lg={12}>
            <Card
              size="small"
              title={t('workbench.unread')}
              data-testid="section-notifications"
              extra={
                d.notifications.unread > 0 && (
                  <Button size="small" onClick={() => markRead.mutate()} loading={markRead.isPending}>
                    {t('workbench.markAllRead')}
                  </Button>
                )
              }
            >
              <List
                size="small"
                dataSource={d.notifications.items}
                locale={{ emptyText: t('workbench.empty') }}
                renderItem={(n) => {
                  const to = noticeTarget(n);
                  return (
                    <List.Item>
                      <Space size={4} wrap>
                        {to ? <Link to={to}>{n.title}</Link> : <span>{n.title}</span>}
                        <Typography.Text type="secondary">{dateTime(n.createdAt)}</Typography.Text>
                      </Space>
                    </List.Item>
                  );
                }}
              />
            </Card>
          </Col>
        )}
      </Row>
    </Space>
  );
}
