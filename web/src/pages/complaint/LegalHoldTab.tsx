/**
 * 法律保留 on the complaint page (#15 item 4, R-H6): the complaint's retention status (when its
 * personal data expires per the policy, held, or anonymised on a date), the hold in force with who
 * placed it, why and until when, placing and releasing (retention.hold) and the holds before.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Descriptions, Form, Input, Space, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { client, ok, type Answer } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { MajorModal, type FormValues } from './tabs/MajorForms';
import { Section } from './tabs/tab-kit';

export type LegalHoldAnswer = Answer<'/api/complaints/{id}/legal-hold', 'get'>;
type Hold = LegalHoldAnswer['history'][number];

const STATE_COLOUR: Record<LegalHoldAnswer['retention']['state'], string> = {
  open: 'blue',
  retained: 'green',
  expired: 'orange',
  held: 'purple',
  anonymised: 'default',
};

export function useLegalHold(id: string, enabled = true) {
  return useQuery({
    queryKey: ['complaint', id, 'legal-hold'],
    enabled,
    queryFn: () => ok(client.GET('/api/complaints/{id}/legal-hold', { params: { path: { id } } })),
  });
}

function holdState(h: Hold): { colour: string; key: 'legalHold.inForce' | 'legalHold.lapsed' | 'legalHold.released' } {
  if (h.releasedAt) return { colour: 'default', key: 'legalHold.released' };
  return h.inForce ? { colour: 'purple', key: 'legalHold.inForce' } : { colour: 'orange', key: 'legalHold.lapsed' };
}

export function LegalHoldTab({ id, onChanged }: { id: string; onChanged: () => Promise<void> }) {
  const { t, dateTime } = useI18n();
  const hold = useLegalHold(id);
  const [step, setStep] = useState<'place' | 'release' | null>(null);
  if (hold.isPending) return <Spin />;
  if (hold.error) return <Alert type="error" showIcon message={hold.error.message} />;
  const h = hold.data;
  const r = h.retention;
  const path = { params: { path: { id } } };
  const done = async () => {
    await hold.refetch();
    await onChanged();
  };
  const current = h.current;
  const columns: TableColumnsType<Hold> = [
    { title: t('legalHold.reason'), dataIndex: 'reason' },
    { title: t('legalHold.placedBy'), key: 'by', render: (_v, x) => `${x.placedByName} (${x.placedBy})`, width: 150 },
    { title: t('legalHold.placedAt'), key: 'at', render: (_v, x) => dateTime(x.placedAt), width: 150 },
    { title: t('legalHold.untilCol'), key: 'until', render: (_v, x) => x.until ?? t('legalHold.untilOpen'), width: 110 },
    {
      title: t('legalHold.status'),
      key: 'state',
      width: 150,
      render: (_v, x) => {
        const s = holdState(x);
        return (
          <Space direction="vertical" size={0}>
            <Tag color={s.colour}>{t(s.key)}</Tag>
            {x.releasedAt && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {x.releasedByName} · {dateTime(x.releasedAt)}
                <br />
                {x.releaseReason}
              </Typography.Text>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <div data-testid="legal-hold">
      <Section
        title="legalHold.status"
        count={1}
        testId="legal-hold-status"
        extra={
          h.canHold && (
            <Button
              size="small"
              type={current ? 'default' : 'primary'}
              onClick={() => setStep(current ? 'release' : 'place')}
              data-testid={current ? 'legal-hold-release' : 'legal-hold-place'}
            >
              {t(current ? 'legalHold.release' : 'legalHold.place')}
            </Button>
          )
        }
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Tag color={STATE_COLOUR[r.state]} data-testid="retention-state" data-state={r.state}>
            {t(`retention.state.${r.state}`)}
          </Tag>
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('legalHold.years')}>
              {r.years === null ? '—' : t('legalHold.yearsN', { n: r.years })}
            </Descriptions.Item>
            <Descriptions.Item label={t('legalHold.closedOn')}>{r.closedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('legalHold.expiresOn')}>
              <span data-testid="retention-expires">{r.expiresOn ?? '—'}</span>
            </Descriptions.Item>
            {r.anonymisedAt && <Descriptions.Item label={t('legalHold.anonymisedAt')}>{dateTime(r.anonymisedAt)}</Descriptions.Item>}
          </Descriptions>
          {current ? (
            <Alert
              type={current.inForce ? 'warning' : 'info'}
              showIcon
              data-testid="legal-hold-current"
              message={`${t('legalHold.current')} · ${t(holdState(current).key)}`}
              description={
                <Descriptions size="small" column={1}>
                  <Descriptions.Item label={t('legalHold.reason')}>{current.reason}</Descriptions.Item>
                  <Descriptions.Item label={t('legalHold.placedBy')}>
                    {current.placedByName} ({current.placedBy}) · {dateTime(current.placedAt)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('legalHold.untilCol')}>{current.until ?? t('legalHold.untilOpen')}</Descriptions.Item>
                </Descriptions>
              }
            />
          ) : (
            <Typography.Text type="secondary">{t('legalHold.none')}</Typography.Text>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('legalHold.explain')}
          </Typography.Text>
        </Space>
      </Section>
      <Section title="legalHold.history" count={h.history.length} testId="legal-hold-history">
        <Table<Hold> size="small" rowKey="id" pagination={false} columns={columns} dataSource={h.history} />
      </Section>
      <MajorModal
        title="legalHold.place"
        open={step === 'place'}
        onClose={() => setStep(null)}
        fields={['reason', 'until']}
        testId="legal-hold-place-form"
        send={(v: FormValues) => {
          const until = v.until as Dayjs | null | undefined;
          return ok(
            client.POST('/api/complaints/{id}/legal-hold', {
              ...path,
              body: { reason: String(v.reason ?? ''), until: until ? until.format('YYYY-MM-DD') : null },
            }),
          );
        }}
        onDone={done}
      >
        {() => (
          <>
            <Form.Item
              name="reason"
              label={t('legalHold.reason')}
              extra={t('legalHold.reasonHint')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input.TextArea autoSize={{ minRows: 3 }} maxLength={2000} data-testid="legal-hold-reason" />
            </Form.Item>
            <Form.Item name="until" label={t('legalHold.until')} extra={t('legalHold.untilHint')}>
              <DatePicker data-testid="legal-hold-until" />
            </Form.Item>
          </>
        )}
      </MajorModal>
      <MajorModal
        title="legalHold.release"
        open={step === 'release'}
        onClose={() => setStep(null)}
        fields={['reason']}
        testId="legal-hold-release-form"
        send={(v: FormValues) =>
          ok(client.POST('/api/complaints/{id}/legal-hold/release', { ...path, body: { reason: String(v.reason ?? '') } }))
        }
        onDone={done}
      >
        {() => (
          <Form.Item
            name="reason"
            label={t('legalHold.releaseReason')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={2000} data-testid="legal-hold-release-reason" />
          </Form.Item>
        )}
      </MajorModal>
    </div>
  );
}
