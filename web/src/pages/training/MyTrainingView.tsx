import { Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { RESULT_COLOR } from './labels';
import { useMyTraining, useTrainingRecord, type TrainingRecord } from './training-api';

/** 我的培训: the signed-in person's plans, sessions and results. */
export function MyTrainingView() {
  const record = useMyTraining();
  return <RecordView record={record.data} loading={record.isPending} />;
}

/** Any person's training record, for those who run training. */
export function PersonRecordView() {
  const { username = '' } = useParams();
  const record = useTrainingRecord(username);
  return <RecordView record={record.data} loading={record.isPending} />;
}

function RecordView({ record, loading }: { record: TrainingRecord | undefined; loading: boolean }) {
  const { t, dateTime } = useI18n();
  if (loading || !record) return <Card loading />;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="training-record">
      <Typography.Text>
        {`${record.displayName}（${record.username}）· `}
        {t('training.my.summary', record.summary)}
      </Typography.Text>
      {record.plans.length === 0 && <Empty description={t('training.my.none')} />}
      {record.plans.map((p) => (
        <Card
          key={p.plan.id}
          size="small"
          data-testid={`record-plan-${p.plan.id}`}
          title={
            <Space>
              {p.plan.title}
              <Tag>{t(`training.kind.${p.plan.kind}`)}</Tag>
            </Space>
          }
          extra={`${t('training.my.enrolledBy')}：${t(`training.source.${p.source}`)}`}
        >
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={p.sessions}
            locale={{ emptyText: '—' }}
            columns={[
              { title: t('training.session.title'), dataIndex: 'title' },
              { title: t('training.session.time'), render: (_, s) => dateTime(s.startsAt) },
              { title: t('training.session.place'), render: (_, s) => s.place ?? s.onlineUrl ?? '—' },
              { title: t('training.plan.status'), render: (_, s) => t(`training.session.status.${s.status}`) },
              { title: t('training.score'), render: (_, s) => (s.mine.score === null ? '—' : `${s.mine.score} / ${s.maxScore ?? ''}`) },
              {
                title: t('training.result'),
                render: (_, s) => <Tag color={RESULT_COLOR[s.mine.result]}>{t(`training.result.${s.mine.result}`)}</Tag>,
              },
            ]}
          />
        </Card>
      ))}
    </Space>
  );
}
