import { PhoneOutlined, SoundOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, List, Space, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { client, ok, type Answer, type ItemOf } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { can, useMe } from '../../session';
import { StatusTag } from '../labels';
import { HOTLINE_CALLS_KEY } from '../intake/CallDraft';
import { DismissCall } from './IncomingCallsDismiss';

type IncomingCall = ItemOf<Answer<'/api/hotline/calls', 'get'>>;

/** A new call shows within this time; the list is small (calls waiting), so polling is cheap. */
const POLL_MS = 10_000;

function duration(startedAt: string, endedAt: string): { minutes: number; seconds: number } {
  const s = Math.max(0, Math.round((new Date(endedAt).getTime() - new Date(startedAt).getTime()) / 1000));
  return { minutes: Math.floor(s / 60), seconds: s % 60 };
}

/** The caller's earlier complaints: how many, and the newest few by number and status. */
function Earlier({ call }: { call: IncomingCall }) {
  const { t } = useI18n();
  const earlier = call.earlier;
  if (!earlier) return null;
  if (earlier.total === 0) return <Typography.Text type="secondary">{t('hotline.earlierNone')}</Typography.Text>;
  return (
    <Space size={4} wrap data-testid="call-earlier">
      <Typography.Text type="warning">{t('hotline.earlier', { n: earlier.total })}</Typography.Text>
      {earlier.items.map((c) => (
        <Space key={c.id} size={2}>
          <Link to={`/complaints/${c.id}`}>{c.number}</Link>
          <StatusTag status={c.status} />
        </Space>
      ))}
    </Space>
  );
}

function CallItem({ call }: { call: IncomingCall }) {
  const { t, dateTime } = useI18n();
  const navigate = useNavigate();
  return (
    <List.Item
      data-testid="incoming-call"
      data-call-id={call.callId}
      actions={[
        <Button
          key="register"
          type="primary"
          size="small"
          onClick={() => void navigate(`/complaints/new?call=${call.id}`)}
          data-testid="call-register"
        >
          {t('hotline.register')}
        </Button>,
        <DismissCall key="dismiss" id={call.id} caller={call.caller} />,
      ]}
    >
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <Space size={6} wrap>
          <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="call-caller">
            {call.caller}
          </Typography.Text>
          <Tag color={call.status === 'ringing' ? 'processing' : 'default'}>{t(`hotline.status.${call.status}`)}</Tag>
          {call.mine && <Tag color="gold">{t('hotline.mine')}</Tag>}
          <Typography.Text type="secondary">{dateTime(call.startedAt)}</Typography.Text>
          {call.endedAt && (
            <Typography.Text type="secondary">{t('hotline.duration', duration(call.startedAt, call.endedAt))}</Typography.Text>
          )}
          {!call.mine && call.agent && <Typography.Text type="secondary">{t('hotline.agent', { agent: call.agent })}</Typography.Text>}
          {call.recordingUrl && (
            <a href={call.recordingUrl} target="_blank" rel="noopener noreferrer">
              <SoundOutlined /> {t('hotline.recording')}
            </a>
          )}
        </Space>
        <Earlier call={call} />
      </Space>
    </List.Item>
  );
}

/**
 * 来电: the calls the telephony system reported that are not yet registered or dismissed, the
 * agent's own first, each with the masked number, the time and the caller's earlier complaints;
 * 登记投诉 opens the intake form prefilled from the call's draft (#12 item 3).
 */
export function IncomingCallsPanel() {
  const { t } = useI18n();
  const me = useMe();
  const allowed = can(me.data, 'complaint.create');
  const calls = useQuery({
    queryKey: HOTLINE_CALLS_KEY,
    queryFn: () => ok(client.GET('/api/hotline/calls')),
    refetchInterval: POLL_MS,
    enabled: allowed,
  });
  if (!allowed) return null;
  const items = calls.data?.items ?? [];
  return (
    <Card
      size="small"
      data-testid="incoming-calls"
      title={
        <Space>
          <PhoneOutlined />
          {t('hotline.calls')}
          <Badge count={items.length} color="#1677ff" />
        </Space>
      }
      extra={<Typography.Text type="secondary">{t('hotline.callsHint')}</Typography.Text>}
    >
      {calls.error && <Alert type="error" showIcon message={calls.error.message} />}
      <List<IncomingCall>
        size="small"
        loading={calls.isPending}
        dataSource={items}
        locale={{ emptyText: t('hotline.none') }}
        renderItem={(c) => <CallItem call={c} />}
      />
    </Card>
  );
}
