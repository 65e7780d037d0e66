import { SoundOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { client, ok, type Answer } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import type { IntakeValues } from './intake-body';

/** GET /api/hotline/calls/{id}: the call with its draft complaint. */
export type CallDraftAnswer = Answer<'/api/hotline/calls/{id}', 'get'>;

/** The workbench's incoming calls (IncomingCallsPanel): refreshed once a call is registered. */
export const HOTLINE_CALLS_KEY = ['hotline-calls'] as const;

/** The draft of the call the form completes (`/complaints/new?call=<id>`, #12 item 3). */
export function useCallDraft(callId: string | null) {
  return useQuery({
    queryKey: ['hotline-call', callId],
    queryFn: () => ok(client.GET('/api/hotline/calls/{id}', { params: { path: { id: callId ?? '' } } })),
    enabled: callId !== null,
    staleTime: Infinity,
    retry: false,
  });
}

/** The form fields the draft fills: the caller's number (when the agent may see it), the call id, the call's start. */
export function draftValues(d: CallDraftAnswer): Partial<IntakeValues> {
  return {
    phone: d.callerMasked ? undefined : d.draft.complainant.phone,
    callReference: d.draft.callReference,
    receivedAt: d.draft.receivedAt,
  };
}

/** Above the form: whose call this is, its recording, what was prefilled; or that the call is done with. */
export function CallDraftBanner({
  draft,
  error,
  onDetach,
}: {
  draft: CallDraftAnswer | undefined;
  error: Error | null;
  onDetach: () => void;
}) {
  const { t, dateTime } = useI18n();
  const detach = (
    <Button size="small" onClick={onDetach} data-testid="call-detach">
      {t('hotline.withoutCall')}
    </Button>
  );
  if (error) return <Alert type="error" showIcon message={t('hotline.draftLoadFailed')} description={error.message} action={detach} />;
  if (!draft) return null;
  if (draft.status === 'registered' || draft.status === 'dismissed') {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="call-draft-closed"
        message={
          draft.status === 'registered'
            ? t('hotline.draftClosed.registered', { number: draft.complaint?.number ?? '' })
            : t('hotline.draftClosed.dismissed', { reason: draft.dismissReason ?? '' })
        }
        action={
          <Space>
            {draft.complaint && (
              <Link to={`/complaints/${draft.complaint.id}`}>
                <Button size="small">{t('hotline.openComplaint')}</Button>
              </Link>
            )}
            {detach}
          </Space>
        }
      />
    );
  }
  return (
    <Alert
      type="info"
      showIcon
      data-testid="call-draft"
      message={
        <Space size={8} wrap>
          <Typography.Text strong>{t('hotline.draft')}</Typography.Text>
          <span>{t('hotline.draftFrom', { caller: draft.caller, at: dateTime(draft.startedAt) })}</span>
          <Typography.Text type="secondary">{draft.callId}</Typography.Text>
          {draft.recordingUrl && (
            <a href={draft.recordingUrl} target="_blank" rel="noopener noreferrer">
              <SoundOutlined /> {t('hotline.recording')}
            </a>
          )}
        </Space>
      }
      description={
        <>
          {t('hotline.draftPrefilled')}
          {draft.callerMasked && <div>{t('hotline.draftMasked')}</div>}
        </>
      }
      action={detach}
    />
  );
}
