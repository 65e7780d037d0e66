import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, InputNumber, Select, Space, Table, Tag, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { apiErrorOf, requestHeaders } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { errorText, RESULT_COLOR } from './labels';
import { usePublishedCases, useTrainingSession, useTrainingWrites, type Marks, type TrainingSession } from './training-api';

type Mark = Marks[number];

/** A session: when and where, attendance and scores (pass or fail), materials and teaching cases. */
export function SessionView() {
  const { id = '' } = useParams();
  const { t, dateTime } = useI18n();
  const session = useTrainingSession(id);
  const s = session.data;
  if (!s) return <Card loading />;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={`${s.planTitle} · ${s.title}`} extra={<Link to={`/training/plans/${s.planId}`}>{t('training.back')}</Link>}>
        <Descriptions column={2} size="small">
          <Descriptions.Item label={t('training.session.time')}>{`${dateTime(s.startsAt)} ~ ${dateTime(s.endsAt)}`}</Descriptions.Item>
          <Descriptions.Item label={t('training.session.trainer')}>{s.trainer}</Descriptions.Item>
          <Descriptions.Item label={t('training.session.place')}>{s.place ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('training.session.online')}>
            {s.onlineUrl ? <a href={s.onlineUrl}>{s.onlineUrl}</a> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('training.session.passMark')}>
            {s.maxScore === null ? t('training.session.noAssessment') : `${s.passMark ?? s.maxScore} / ${s.maxScore}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('training.session.reminded')}>{dateTime(s.remindedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <AttendanceCard session={s} />
      <Materials session={s} onUploaded={() => void session.refetch()} />
      <Cases session={s} />
    </Space>
  );
}

function AttendanceCard({ session }: { session: TrainingSession }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const writes = useTrainingWrites();
  const [marks, setMarks] = useState<Record<string, Mark>>({});
  useEffect(() => {
    setMarks(
      Object.fromEntries(
        session.attendance
          .filter((a) => a.status !== null)
          .map((a) => [a.username, { username: a.username, status: a.status!, score: a.score }]),
      ),
    );
  }, [session.attendance]);
  const set = (username: string, patch: Partial<Mark>) =>
    setMarks((m) => ({ ...m, [username]: { username, status: 'present', score: null, ...m[username], ...patch } }));
  const assessed = session.maxScore !== null;
  return (
    <Card
      title={t('training.session.attendance')}
      extra={
        <Button
          type="primary"
          data-testid="attendance-save"
          disabled={Object.keys(marks).length === 0}
          loading={writes.attendance.isPending}
          onClick={() =>
            writes.attendance.mutate(
              {
                id: session.id,
                marks: Object.values(marks).map((m) => ({ ...m, score: m.status === 'present' ? (m.score ?? null) : null })),
              },
              { onSuccess: () => void message.success(t('training.session.saved')), onError: (e) => void message.error(errorText(e)) },
            )
          }
        >
          {t('training.session.save')}
        </Button>
      }
    >
      <Table
        rowKey="username"
        size="small"
        pagination={false}
        dataSource={session.attendance}
        data-testid="attendance-table"
        onRow={(a) => ({ 'data-testid': `attendance-${a.username}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('training.plan.attendees'), render: (_, a) => `${a.displayName}（${a.username}）` },
          {
            title: t('training.session.attendance'),
            render: (_, a) => (
              <Select
                style={{ width: 120 }}
                data-testid={`status-${a.username}`}
                value={marks[a.username]?.status}
                onChange={(status) => set(a.username, { status })}
                options={(['present', 'absent', 'excused'] as const).map((v) => ({ value: v, label: t(`training.attendance.${v}`) }))}
              />
            ),
          },
          ...(assessed
            ? [
                {
                  title: `${t('training.score')}（0–${session.maxScore}）`,
                  render: (_: unknown, a: TrainingSession['attendance'][number]) => (
                    <InputNumber
                      min={0}
                      max={session.maxScore ?? undefined}
                      data-testid={`score-${a.username}`}
                      disabled={marks[a.username]?.status !== 'present'}
                      value={marks[a.username]?.score ?? null}
                      onChange={(score) => set(a.username, { score: score ?? null })}
                    />
                  ),
                },
              ]
            : []),
          {
            title: t('training.result'),
            render: (_, a) => (
              <Tag color={RESULT_COLOR[a.result]} data-testid={`result-${a.username}`}>
                {t(`training.result.${a.result}`)}
              </Tag>
            ),
          },
        ]}
      />
    </Card>
  );
}

function Materials({ session, onUploaded }: { session: TrainingSession; onUploaded: () => void }) {
  const { t, dateTime } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const upload = async (file: File) => {
    setBusy(true);
    try {
      const form = new FormData();
      form.append('file', file);
      const res = await fetch(`/api/training/sessions/${session.id}/materials`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: requestHeaders('POST'),
        body: form,
      });
      if (!res.ok) throw apiErrorOf(res.status, await res.json().catch(() => null));
      onUploaded();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      title={t('training.session.materials')}
      extra={
        <Upload showUploadList={false} beforeUpload={(f) => (void upload(f), false)}>
          <Button icon={<UploadOutlined />} loading={busy} data-testid="material-upload">
            {t('training.session.upload')}
          </Button>
        </Upload>
      }
    >
      {session.materials.map((m) => (
        <div key={m.id}>
          <a href={`/api/training/sessions/${session.id}/materials/${m.id}`}>{m.name}</a>
          {` · ${Math.ceil(m.size / 1024)} KB · ${dateTime(m.createdAt)}`}
        </div>
      ))}
    </Card>
  );
}

function Cases({ session }: { session: TrainingSession }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const writes = useTrainingWrites();
  const [editing, setEditing] = useState(false);
  const cases = usePublishedCases(editing);
  const [chosen, setChosen] = useState<string[]>(session.cases.map((c) => c.id));
  return (
    <Card
      title={t('training.session.cases')}
      extra={!editing && <Button onClick={() => setEditing(true)}>{t('training.session.addCases')}</Button>}
    >
      {editing ? (
        <Space>
          <Select
            mode="multiple"
            style={{ minWidth: 360 }}
            value={chosen}
            onChange={setChosen}
            optionFilterProp="label"
            options={[...session.cases, ...(cases.data?.items ?? [])]
              .filter((c, i, all) => all.findIndex((x) => x.id === c.id) === i)
              .map((c) => ({ value: c.id, label: c.title }))}
          />
          <Button
            type="primary"
            loading={writes.cases.isPending}
            onClick={() =>
              writes.cases.mutate(
                { id: session.id, caseIds: chosen },
                { onSuccess: () => setEditing(false), onError: (e) => void message.error(errorText(e)) },
              )
            }
          >
            {t('training.session.addCases')}
          </Button>
        </Space>
      ) : session.cases.length === 0 ? (
        t('training.session.noCases')
      ) : (
        session.cases.map((c) => (
          <div key={c.id}>
            <Link to={`/cases/${c.id}`}>{c.title}</Link>
          </div>
        ))
      )}
    </Card>
  );
}
