/**
 * The board's major complaints (#14 item 4): every open major complaint, its report to the
 * regulator (reported, due, overdue) and the next milestone of its emergency plan; a link opens the
 * ledger filtered to major complaints.
 */
import { Card, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { Answer } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { StatusTag } from '../labels';

type BoardMajor = Answer<'/api/board', 'get'>['major'];
type Item = BoardMajor['items'][number];

export function MajorCard({ major }: { major: BoardMajor }) {
  const { t, dateTime } = useI18n();
  const columns: TableColumnsType<Item> = [
    {
      title: t('board.level1.complaint'),
      key: 'complaint',
      width: 230,
      render: (_v, r) => (
        <Space size={4} wrap>
          <Tag color="magenta">{t('major.title')}</Tag>
          <Link to={`/complaints/${r.id}?tab=major`}>{r.number}</Link>
          <StatusTag status={r.status} />
        </Space>
      ),
    },
    {
      title: t('board.major.report'),
      key: 'report',
      width: 220,
      render: (_v, r) =>
        r.reportedAt ? (
          <Tag color="success">{t('board.major.reported', { at: dateTime(r.reportedAt) })}</Tag>
        ) : (
          <Tag color={r.reportOverdue ? 'error' : 'processing'}>{t('board.major.reportDue', { at: dateTime(r.reportDueAt) })}</Tag>
        ),
    },
    {
      title: t('board.major.nextMilestone'),
      key: 'next',
      render: (_v, r) =>
        r.nextMilestone ? (
          <span data-testid="board-major-next">
            {r.nextMilestone.overdue && <Tag color="error">{t('board.milestone.overdue')}</Tag>}
            <Typography.Text strong>{r.nextMilestone.title}</Typography.Text>
            <Typography.Text type="secondary">
              {' · '}
              {r.nextMilestone.owner} · {t('board.milestone.due', { at: dateTime(r.nextMilestone.dueAt) })}
            </Typography.Text>
          </span>
        ) : (
          <Typography.Text type="secondary">{t('board.major.noMilestone')}</Typography.Text>
        ),
    },
  ];
  return (
    <Card
      size="small"
      data-testid="board-major"
      title={
        <Space>
          <span style={{ color: '#c41d7f' }}>{t('board.major')}</span>
          <Tag color="magenta">{major.total}</Tag>
        </Space>
      }
      extra={<Link to="/complaints?major=true">{t('ledger.filter.major')}</Link>}
      style={major.total > 0 ? { borderColor: '#ffadd2' } : undefined}
    >
      <Table
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={major.items}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: t('board.major.empty') }}
      />
    </Card>
  );
}
