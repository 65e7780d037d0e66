import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, List, Popover, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { client, ok } from './api/client';
import { useI18n } from './i18n/i18n';
import { noticeTarget, REFRESH_MS, useLatestNotices, useMarkRead, type Notice } from './notices';

const LATEST = 10;

/** One notice: its title, the complaint it is about (opening it marks the notice read), when. */
export function NoticeLine({ n, onOpen }: { n: Notice; onOpen?: () => void }) {
  const { t, dateTime } = useI18n();
  const markRead = useMarkRead();
  const unread = n.readAt === null;
  const target = noticeTarget(n);
  const open = () => {
    if (unread) markRead.mutate({ ids: [n.id] });
    onOpen?.();
  };
  return (
    <List.Item
      data-testid="notice"
      data-unread={unread}
      extra={
        unread && (
          <Button size="small" type="link" onClick={() => markRead.mutate({ ids: [n.id] })} data-testid="notice-mark-read">
            {t('notices.markRead')}
          </Button>
        )
      }
    >
      <Space direction="vertical" size={0} style={{ minWidth: 0 }}>
        <Space size={6}>
          {unread && <Badge status="processing" />}
          {target ? (
            <Link to={target} onClick={open} style={{ fontWeight: unread ? 600 : undefined }}>
              {n.title}
            </Link>
          ) : (
            <Typography.Text strong={unread}>{n.title}</Typography.Text>
          )}
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {dateTime(n.createdAt)}
        </Typography.Text>
      </Space>
    </List.Item>
  );
}

/** Unread notifications in the header, on every page: a click lists the newest, with the page of all one click further. */
export function NotificationBell() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const unread = useQuery({
    queryKey: ['notifications', 'unread-count'],
    queryFn: () => ok(client.GET('/api/notifications/unread-count')),
    refetchInterval: REFRESH_MS,
  });
  const latest = useLatestNotices(LATEST, open);
  const markRead = useMarkRead();
  const n = unread.data?.unreadCount ?? 0;
  const content = (
    <div style={{ width: 380, maxWidth: 'calc(100vw - 32px)' }} data-testid="notice-popover">
      <List<Notice>
        size="small"
        loading={latest.isPending}
        dataSource={latest.data?.items ?? []}
        locale={{ emptyText: t('notices.empty') }}
        style={{ maxHeight: 420, overflow: 'auto' }}
        renderItem={(item) => <NoticeLine n={item} onOpen={() => setOpen(false)} />}
      />
      <Space style={{ width: '100%', justifyContent: 'space-between', borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
        <Link to="/notifications" onClick={() => setOpen(false)} data-testid="notices-all">
          {t('notices.all')}
        </Link>
        <Button
          size="small"
          disabled={n === 0}
          loading={markRead.isPending}
          onClick={() => markRead.mutate({ all: true })}
          data-testid="notices-mark-all"
        >
          {t('notices.markAllRead')}
        </Button>
      </Space>
    </div>
  );
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={`${t('notices.latest')} · ${t('notices.unreadCount', { n })}`}
      content={content}
      destroyOnHidden
    >
      <Button type="text" aria-label={t('nav.notifications', { n })} data-testid="notification-bell">
        <Badge count={n} size="small" overflowCount={99}>
          <BellOutlined style={{ color: 'rgba(255,255,255,0.85)', fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
