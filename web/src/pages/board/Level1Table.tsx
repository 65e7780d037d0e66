import { Card, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { OverdueTag, StatusTag } from '../labels';
import type { BoardLevel1, BoardMilestone } from './board-types';

function MilestoneTag({ m }: { m: BoardMilestone }) {
  const { t } = useI18n();
  if (m.overdue) return <Tag color="error">{t('board.milestone.overdue')}</Tag>;
  if (m.status === 'met')
    return <Tag color={m.late ? 'warning' : 'success'}>{t(m.late ? 'board.milestone.metLate' : 'board.milestone.met')}</Tag>;
  if (m.status === 'cancelled') return <Tag>{t('board.milestone.cancelled')}</Tag>;
  return <Tag color="processing">{t('board.milestone.open')}</Tag>;
}

function Milestones({ items }: { items: BoardMilestone[] }) {
  const { t, dateTime } = useI18n();
  if (items.length === 0) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Space direction="vertical" size={2} style={{ width: '100%' }}>
      {items.map((m) => (
        <div key={m.id} data-testid="board-milestone">
          <MilestoneTag m={m} />
          <Typography.Text strong>{m.label}</Typography.Text>
          <Typography.Text type="secondary">
            {' · '}
            {m.owner.displayName} · {t('board.milestone.due', { at: dateTime(m.dueAt) })}
          </Typography.Text>
        </div>
      ))}
    </Space>
  );
}

/** Open level-1 complaints with the leadership group's plan: owners, departments, milestones (R-C3, R-E2). */
export function Level1Table({ items, total }: { items: BoardLevel1[]; total: number }) {
  const { t, dateTime, locale } = useI18n();
  const columns: TableColumnsType<BoardLevel1> = [
    {
      title: t('board.level1.complaint'),
      key: 'complaint',
      width: 250,
      render: (_v, r) => (
        <Space direction="vertical" size={2}>
          <Space size={4} wrap>
            <Link to={`/complaints/${r.id}`}>{r.number}</Link>
            {r.overdue && <OverdueTag />}
          </Space>
          <Space size={0} wrap>
            <StatusTag status={r.status} />
            <Typography.Text type="secondary">{t('board.level1.received', { at: dateTime(r.receivedAt) })}</Typography.Text>
          </Space>
        </Space>
      ),
    },
    {
      title: t('board.level1.plan'),
      key: 'plan',
      width: 240,
      render: (_v, r) =>
        r.plan ? (
          <Space direction="vertical" size={2} data-testid="board-plan">
            <span>
              <Typography.Text type="secondary">{t('board.level1.owners')}：</Typography.Text>
              {r.plan.owners.map((o) => o.displayName).join('、')}
            </span>
            <span>
              <Typography.Text type="secondary">{t('board.level1.departments')}：</Typography.Text>
              {r.plan.departments.length ? r.plan.departments.map((d) => (locale === 'zh-CN' ? d.zh : d.en)).join('、') : t('common.none')}
            </span>
            <Typography.Text type="secondary">{t('board.level1.meetingAt', { at: dateTime(r.plan.heldAt) })}</Typography.Text>
          </Space>
        ) : (
          <Tag color="warning">{t('board.level1.noPlan')}</Tag>
        ),
    },
    { title: t('board.level1.milestones'), key: 'milestones', render: (_v, r) => <Milestones items={r.milestones} /> },
  ];
  return (
    <Card
      size="small"
      title={t('board.level1.title')}
      extra={<Typography.Text type="secondary">{t('board.level1.count', { n: total })}</Typography.Text>}
      data-testid="board-level1"
    >
      <Table<BoardLevel1>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={items}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: t('board.level1.empty') }}
      />
    </Card>
  );
}
