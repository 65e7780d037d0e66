import { SoundOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Space, Typography } from 'antd';
import { client, ok } from '../../api/client';
import { useI18n } from '../../i18n/i18n';

/**
 * A hotline complaint's call reference; when it was registered from a call the telephony system
 * reported (#12 item 3), also the call's time and its recording (which may arrive after registration).
 */
export function HotlineCallReference({ complaintId, callReference }: { complaintId: string; callReference: string }) {
  const { t, dateTime } = useI18n();
  const call = useQuery({
    queryKey: ['complaint-call', complaintId],
    queryFn: () => ok(client.GET('/api/complaints/{id}/call', { params: { path: { id: complaintId } } })),
    staleTime: 60_000,
  }).data?.call;
  return (
    <Space size={6} wrap data-testid="call-reference">
      <span>{callReference}</span>
      {call && (
        <Typography.Text type="secondary" title={t('hotline.callOfComplaint')}>
          {dateTime(call.startedAt)}
        </Typography.Text>
      )}
      {call?.recordingUrl && (
        <a href={call.recordingUrl} target="_blank" rel="noopener noreferrer" data-testid="call-recording">
          <SoundOutlined /> {t('hotline.recording')}
        </a>
      )}
    </Space>
  );
}
