import { Alert, Drawer, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { LevelTag, StatusTag } from '../labels';
import { useLineComplaints, type KpiCode, type LineComplaints } from './assessment-api';

interface Props {
  assessmentId: string;
  line: { seq: number; code: KpiCode; subjectName: string } | null;
  onClose(): void;
}

type Item = LineComplaints['items'][number];

/** Exactly the complaints behind one frozen figure, its numerator marked; each opens the complaint. */
export function LineComplaintsDrawer({ assessmentId, line, onClose }: Props) {
  const { t, label, dateTime } = useI18n();
  const q = useLineComplaints(assessmentId, line);
  return (
    <Drawer
      open={line !== null}
      onClose={onClose}
      width={760}
      title={line ? t('assessment.drawerTitle', { name: line.subjectName, kpi: label('kpi.code', line.code) }) : ''}
      data-testid="line-complaints"
    >
      {q.error && <Alert type="error" showIcon message={q.error.message} />}
      {q.data && q.data.hidden > 0 && (
        <Alert type="info" showIcon message={t('assessment.hidden', { n: q.data.hidden })} style={{ marginBottom: 12 }} />
      )}
      <Table<Item>
        size="small"
        rowKey="id"
        loading={q.isPending && line !== null}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="line-complaints-table"
        columns={[
          { title: t('assessment.col.number'), key: 'number', render: (_v, c) => <Link to={`/complaints/${c.id}`}>{c.number}</Link> },
          { title: t('assessment.col.level'), key: 'level', render: (_v, c) => <LevelTag level={c.level} /> },
          { title: t('assessment.col.complaintStatus'), key: 'status', render: (_v, c) => <StatusTag status={c.status} /> },
          { title: t('assessment.col.receivedAt'), key: 'received', render: (_v, c) => dateTime(c.receivedAt) },
          { title: t('assessment.col.closedAt'), key: 'closed', render: (_v, c) => dateTime(c.closedAt) },
          { title: t('assessment.col.handler'), key: 'assignee', render: (_v, c) => c.assigneeName ?? c.assignee ?? '—' },
          {
            title: t('assessment.counted'),
            key: 'counted',
            render: (_v, c) => (c.counted ? <Tag color="blue">{t('assessment.counted')}</Tag> : null),
          },
        ]}
      />
    </Drawer>
  );
}
