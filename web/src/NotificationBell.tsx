import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Tooltip } from 'antd';
import { useNavigate } from 'react-router';
import { api } from './api';
import { useI18n } from './i18n/i18n';

const REFRESH_MS = 60_000;

/** Unread notifications in the header, on every page; a click opens the workbench where they are listed. */
export function NotificationBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const unread = useQuery({
    queryKey: ['notifications', 'unread-count'],
    queryFn: () => api<{ unreadCount: number }>('GET', '/api/notifications/unread-count'),
    refetchInterval: REFRESH_MS,
  });
  const n = unread.data?.unreadCount ?? 0;
  return (
    <Tooltip title={t('nav.notifications', { n })}>
      <Button type="text" onClick={() => navigate('/')} aria-label={t('nav.notifications', { n })} data-testid="notification-bell">
        <Badge count={n} size="small" overflowCount={99}>
          <BellOutlined style={{ color: 'rgba(255,255,255,0.85)', fontSize: 18 }} />
        </Badge>
      </Button>
    </Tooltip>
  );
}
