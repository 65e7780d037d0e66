import { Descriptions, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useI18n } from '../../../i18n/i18n';
import type { Milestone, RecordView } from '../complaint-types';
import { Countdown } from '../Countdown';
import { dataList, dataText, ofKind, Para, RecordMeta, Section } from './tab-kit';

const MILESTONE_COLOURS: Record<Milestone['status'], string> = {
  open: 'processing',
  overdue: 'error',
  done: 'success',
  breached: 'error',
  cancelled: 'default',
};

function MilestonesTable({ milestones }: { milestones: Milestone[] }) {
  const { t, label, dateTime } = useI18n();
  const columns: TableColumnsType<Milestone> = [
    { title: t('complaint.f.milestoneTitle'), dataIndex: 'title' },
    { title: t('complaint.f.milestoneOwner'), dataIndex: 'owner', width: 90 },
    {
      title: t('complaint.f.milestoneDue'),
      key: 'due',
      width: 170,
      render: (_v, m) => (
        <>
          <div>{dateTime(m.dueAt)}</div>
          {(m.status === 'open' || m.status === 'overdue') && <Countdown dueAt={m.dueAt} />}
        </>
      ),
    },
    {
      title: t('complaint.milestoneStatus'),
      key: 'status',
      width: 180,
      render: (_v, m) => (
        <>
          <Tag color={MILESTONE_COLOURS[m.status]} data-testid="milestone-status">
            {label('complaint.milestone', m.status)}
          </Tag>
          {m.doneAt && (
            <div style={{ fontSize: 12 }}>
              {m.doneBy} · {dateTime(m.doneAt)}
              {m.doneAt > m.dueAt && (
                <Tag color="warning" style={{ marginLeft: 4 }}>
                  {t('complaint.late')}
                </Tag>
              )}
            </div>
          )}
          {m.doneNote && <div style={{ fontSize: 12 }}>{m.doneNote}</div>}
        </>
      ),
    },
  ];
  return (
    <Table
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={milestones}
      pagination={false}
      scroll={{ x: 540 }}
      data-testid="milestones"
    />
  );
}

/** The leadership group's plan for a level-1 complaint (R-C3): meetings, milestones, progress, the report to senior management. */
export function PlanTab({ records, milestones }: { records: RecordView[]; milestones: Milestone[] }) {
  const { t, dateTime } = useI18n();
  const meetings = ofKind(records, 'meeting');
  const progress = ofKind(records, 'progress');
  const senior = ofKind(records, 'senior_report');
  return (
    <>
      <Section title="complaint.sec.meetings" count={meetings.length} testId="meetings" empty="complaint.noMeeting">
        {meetings.map((r) => (
          <div key={r.id} style={{ marginBottom: 12 }}>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              items={[
                { key: 'heldAt', label: t('complaint.f.heldAt'), children: dateTime(dataText(r, 'heldAt')) },
                { key: 'owners', label: t('complaint.f.owners'), children: dataList(r, 'owners').join('、') },
                {
                  key: 'attendees',
                  label: t('complaint.f.attendees'),
                  span: 2,
                  children: (
                    <Space wrap size={4}>
                      {dataList(r, 'attendees').map((a) => (
                        <Tag key={a}>{a}</Tag>
                      ))}
                    </Space>
                  ),
                },
                { key: 'decisions', label: t('complaint.f.decisions'), span: 2, children: <Para>{dataText(r, 'decisions')}</Para> },
              ]}
            />
            <RecordMeta r={r} />
          </div>
        ))}
      </Section>
      <Section title="complaint.sec.milestones" count={milestones.length} testId="plan-milestones">
        <MilestonesTable milestones={milestones} />
      </Section>
      <Section title="complaint.sec.progress" count={progress.length}>
        {progress.map((r) => (
          <div key={r.id} style={{ marginBottom: 8 }}>
            <Para>{dataText(r, 'content')}</Para>
            {dataText(r, 'blockers') && (
              <Typography.Text type="warning">{t('complaint.blockersAre', { v: dataText(r, 'blockers') ?? '' })}</Typography.Text>
            )}
            <div>
              <RecordMeta r={r} />
            </div>
          </div>
        ))}
      </Section>
      {senior.length > 0 && (
        <Section title="complaint.sec.seniorReport" count={senior.length}>
          {senior.map((r) => (
            <div key={r.id} style={{ marginBottom: 8 }}>
              <Para>{dataText(r, 'content')}</Para>
              <RecordMeta r={r} />
            </div>
          ))}
        </Section>
      )}
    </>
  );
}
