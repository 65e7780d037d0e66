import { App, Button, Card, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { errorText, RequestStatus } from './shared';
import { useInspectionWrites, useMine } from './supervision-api';

/** 我的检查发现/整改: the findings and rectification requests addressed to me or my departments, with an answer form. */
export function MyInspectionsView() {
  const { t, dateTime } = useI18n();
  const mine = useMine(true);
  const [answering, setAnswering] = useState<{ kind: 'finding' | 'request'; id: string; text: string } | null>(null);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('sup.my.requests')}>
        <Table
          rowKey="id"
          size="small"
          loading={mine.isPending}
          pagination={false}
          dataSource={mine.data?.requests ?? []}
          locale={{ emptyText: t('sup.request.none') }}
          columns={[
            { title: t('sup.request.text'), dataIndex: 'text' },
            { title: t('sup.request.due'), render: (_, r) => dateTime(r.dueAt) },
            { title: t('sup.request.status'), render: (_, r) => <RequestStatus r={r} /> },
            { title: t('sup.request.note'), render: (_, r) => r.verdictNote ?? '—' },
            { title: t('sup.request.answer'), render: (_, r) => r.answer ?? '—' },
            {
              title: '',
              render: (_, r) =>
                r.status === 'open' && (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setAnswering({ kind: 'request', id: r.id, text: r.text })}
                    data-testid="answer-request"
                  >
                    {t('sup.request.answerAction')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('sup.my.findings')}>
        <Table
          rowKey="id"
          size="small"
          loading={mine.isPending}
          pagination={false}
          dataSource={mine.data?.findings ?? []}
          locale={{ emptyText: t('sup.finding.none') }}
          columns={[
            { title: t('sup.finding.complaint'), render: (_, f) => f.complaint?.number ?? t('sup.finding.whole') },
            { title: t('sup.finding.severity'), render: (_, f) => <Tag>{t(`sup.severity.${f.severity}`)}</Tag> },
            { title: t('sup.finding.text'), dataIndex: 'text' },
            { title: t('sup.finding.answer'), render: (_, f) => f.answer ?? '—' },
            {
              title: '',
              render: (_, f) =>
                !f.answer && (
                  <Button size="small" onClick={() => setAnswering({ kind: 'finding', id: f.id, text: f.text })}>
                    {t('sup.request.answerAction')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      {answering && <AnswerModal target={answering} onClose={() => setAnswering(null)} />}
    </Space>
  );
}

function AnswerModal({ target, onClose }: { target: { kind: 'finding' | 'request'; id: string; text: string }; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const writes = useInspectionWrites();
  const [answer, setAnswer] = useState('');
  const write = target.kind === 'request' ? writes.answer : writes.answerFinding;
  const save = () =>
    write.mutate({ id: target.id, answer: answer.trim() }, { onSuccess: onClose, onError: (e) => void message.error(errorText(e)) });
  return (
    <Modal
      open
      title={t('sup.my.answerTitle')}
      onCancel={onClose}
      onOk={save}
      okButtonProps={{ disabled: !answer.trim() }}
      confirmLoading={write.isPending}
    >
      <p>{target.text}</p>
      <Input.TextArea rows={4} value={answer} onChange={(e) => setAnswer(e.target.value)} maxLength={5000} data-testid="answer-text" />
    </Modal>
  );
}
