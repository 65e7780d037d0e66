import { ReloadOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Col, DatePicker, Input, Row, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { Link } from 'react-router';
import { client, ok } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';
import { can, useMe } from '../../../session';
import { MessageDetail } from './MessageDetail';
import {
  CHANNELS,
  mayResend,
  MessageStatusTag,
  PurposeCell,
  PURPOSES,
  RecipientCell,
  ResendButton,
  STATUSES,
  useMessageLabels,
  useResend,
  type Message,
  type MessageFilter,
  type MessagePage,
  type MessageStatus,
} from './message-kit';
import { StatusChart } from './StatusChart';

const PAGE = 50;

/**
 * The message log (#11 item 2): every e-mail, SMS and webhook message with its status, newest first,
 * a page at a time (keyset); the counts per status as a chart that filters; a row opens to what was
 * sent and the proof of it; failed and dead messages are resent by whoever may manage messages.
 */
export function MessageLog() {
  const { t, dateTime } = useI18n();
  const labels = useMessageLabels();
  const me = useMe();
  const manage = can(me.data, 'message.manage');
  const resend = useResend();
  const [filter, setFilter] = useState<MessageFilter>({});
  // the date picker and search box are controlled so that "clear filters" empties them too
  const [search, setSearch] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const log = useInfiniteQuery({
    queryKey: ['admin', 'messages', 'log', filter],
    queryFn: ({ pageParam }): Promise<MessagePage> =>
      ok(client.GET('/api/messages', { params: { query: { ...filter, limit: PAGE, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (patch: MessageFilter) => setFilter((f) => ({ ...f, ...patch }));
  const selected = filter.status ?? [];
  const pickStatus = (s: MessageStatus) => set({ status: selected.length === 1 && selected[0] === s ? undefined : [s] });
  const filtered = Object.values(filter).some((v) => v !== undefined && (!Array.isArray(v) || v.length > 0));

  const columns: TableColumnsType<Message> = [
    { title: t('messages.col.createdAt'), dataIndex: 'createdAt', width: 128, render: (at: string) => dateTime(at) },
    { title: t('messages.col.status'), key: 'status', width: 140, render: (_v, m) => <MessageStatusTag m={m} /> },
    { title: t('messages.col.purposeChannel'), key: 'purpose', width: 104, render: (_v, m) => <PurposeCell m={m} /> },
    { title: t('messages.col.recipient'), key: 'recipient', width: 170, render: (_v, m) => <RecipientCell m={m} /> },
    {
      title: t('messages.col.complaint'),
      key: 'complaint',
      width: 130,
      render: (_v, m) =>
        m.complaintId && m.complaintNumber ? (
          <Link to={`/complaints/${m.complaintId}`} onClick={(e) => e.stopPropagation()}>
            {m.complaintNumber}
          </Link>
        ) : (
          t('common.none')
        ),
    },
    { title: t('messages.col.attempts'), dataIndex: 'attempts', width: 72, align: 'right' },
    {
      title: t('messages.col.lastError'),
      dataIndex: 'lastError',
      ellipsis: true,
      render: (e: string | null) =>
        e ? (
          <Typography.Text type="danger" title={e}>
            {e}
          </Typography.Text>
        ) : (
          t('common.none')
        ),
    },
    ...(manage
      ? [
          {
            title: t('messages.col.actions'),
            key: 'actions',
            width: 72,
            fixed: 'right' as const,
            render: (_v: unknown, m: Message) => (mayResend(m) ? <ResendButton m={m} resend={resend} /> : null),
          },
        ]
      : []),
  ];

  return (
    <>
      <Row gutter={[24, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} lg={9}>
          <StatusChart counts={log.data?.pages[0]?.counts} selected={selected} onPick={pickStatus} />
        </Col>
        <Col xs={24} lg={15}>
          <Space wrap align="start">
            <Select<MessageStatus[]>
              mode="multiple"
              allowClear
              style={{ minWidth: 200 }}
              placeholder={t('messages.filter.status')}
              value={selected}
              onChange={(v) => set({ status: v.length > 0 ? v : undefined })}
              options={STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
              data-testid="message-filter-status"
            />
            <Select<NonNullable<MessageFilter['channel']>>
              mode="multiple"
              allowClear
              style={{ minWidth: 160 }}
              placeholder={t('messages.filter.channel')}
              value={filter.channel ?? []}
              onChange={(v) => set({ channel: v.length > 0 ? v : undefined })}
              options={CHANNELS.map((c) => ({ value: c, label: labels.channel(c) }))}
              data-testid="message-filter-channel"
            />
            <Select<NonNullable<MessageFilter['purpose']>>
              mode="multiple"
              allowClear
              style={{ minWidth: 200 }}
              placeholder={t('messages.filter.purpose')}
              value={filter.purpose ?? []}
              onChange={(v) => set({ purpose: v.length > 0 ? v : undefined })}
              options={PURPOSES.map((p) => ({ value: p, label: labels.purpose(p) }))}
              data-testid="message-filter-purpose"
            />
            <Input.Search
              allowClear
              style={{ width: 220 }}
              placeholder={t('messages.filter.search')}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              onSearch={(v) => set({ q: v.trim() || undefined })}
              data-testid="message-filter-q"
            />
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              value={range}
              onChange={(r) => {
                setRange(r);
                const [from, to] = r ?? [null, null];
                set({ from: from?.startOf('day').toISOString(), to: to?.add(1, 'day').startOf('day').toISOString() });
              }}
              data-testid="message-filter-dates"
            />
            <Button
              icon={<ReloadOutlined />}
              onClick={() => void log.refetch()}
              loading={log.isRefetching && !log.isFetchingNextPage}
              data-testid="message-refresh"
            >
              {t('messages.refresh')}
            </Button>
            {filtered && (
              <Button
                onClick={() => {
                  setFilter({});
                  setSearch('');
                  setRange(null);
                }}
                data-testid="message-filter-clear"
              >
                {t('messages.filter.clear')}
              </Button>
            )}
          </Space>
        </Col>
      </Row>
      {log.error && <Alert type="error" showIcon message={log.error.message} style={{ marginBottom: 16 }} />}
      <Table<Message>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={log.isPending}
        pagination={false}
        // the last error takes what is left (whole in the opened row); narrower screens scroll inside the table
        tableLayout="fixed"
        scroll={{ x: 960 }}
        locale={{ emptyText: t('messages.empty') }}
        expandable={{ expandedRowRender: (m) => <MessageDetail m={m} />, expandRowByClick: true, columnWidth: 32 }}
        onRow={(m) => ({ 'data-testid': `message-row-${m.id}`, 'data-status': m.status }) as HTMLAttributes<HTMLElement>}
        data-testid="message-table"
      />
      <Space style={{ marginTop: 16 }}>
        <Typography.Text type="secondary" data-testid="message-shown">
          {t('ledger.shown', { n: rows.length })}
        </Typography.Text>
        {log.hasNextPage && (
          <Button onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage} data-testid="message-load-more">
            {t('ledger.loadMore')}
          </Button>
        )}
      </Space>
    </>
  );
}
