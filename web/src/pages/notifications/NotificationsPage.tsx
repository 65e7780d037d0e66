import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Card, List, Segmented, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { NoticeLine } from '../../NotificationBell';
import { fetchNotices, useMarkRead, type Notice } from '../../notices';

const PAGE = 20;

/** Every notification of the user, newest first, a page at a time; unread only on request (?unread=true). */
export function NotificationsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === 'true';
  const markRead = useMarkRead();
  const pages = useInfiniteQuery({
    queryKey: ['notifications', 'page', unreadOnly],
    queryFn: ({ pageParam }) => fetchNotices({ limit: PAGE, unread: unreadOnly, before: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const items: Notice[] = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = pages.data?.pages[0]?.unreadCount ?? 0;
  return (
    <Card
      title={
        <Space>
          {t('notices.title')}
          <Typography.Text type="secondary" data-testid="notices-unread-count">
            {t('notices.unreadCount', { n: unread })}
          </Typography.Text>
        </Space>
      }
      extra={
        <Space wrap>
          <Segmented
            value={unreadOnly ? 'unread' : 'all'}
            options={[
              { value: 'all', label: t('notices.allFilter') },
              { value: 'unread', label: t('notices.unreadOnly') },
            ]}
            onChange={(v) => setParams(v === 'unread' ? { unread: 'true' } : {}, { replace: true })}
            data-testid="notices-filter"
          />
          <Button
            disabled={unread === 0}
            loading={markRead.isPending}
            onClick={() => markRead.mutate({ all: true })}
            data-testid="notices-page-mark-all"
          >
            {t('notices.markAllRead')}
          </Button>
        </Space>
      }
      data-testid="notifications-page"
    >
      {pages.error && <Alert type="error" showIcon message={pages.error.message} />}
      <List<Notice>
        loading={pages.isPending}
        dataSource={items}
        locale={{ emptyText: t('notices.empty') }}
        renderItem={(n) => <NoticeLine n={n} />}
        loadMore={
          pages.hasNextPage && (
            <div style={{ textAlign: 'center', marginTop: 12 }}>
              <Button onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage} data-testid="notices-more">
                {t('notices.more')}
              </Button>
            </div>
          )
        }
      />
    </Card>
  );
}
