import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { apiDownload } from '../../../api';
import { client, ok } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';
import { can, useMe } from '../../../session';
import {
  byteSize,
  MAILBOX_KEYS,
  OUTCOMES,
  OutcomeTag,
  saveFile,
  type InboundMail,
  type InboundOutcome,
  type InboundPage,
  type InboundQuery,
} from './mailbox-kit';
import { OutcomeChart } from './OutcomeChart';

const PAGE = 50;
/** A cell's line cut with an ellipsis (the whole text in its title). */
const ONE_LINE = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

const isOutcome = (v: string | null): v is InboundOutcome => OUTCOMES.some((o) => o === v);

/** What a row opens to: the message's identifiers and why it ended as it did. */
function InboundDetail({ m }: { m: InboundMail }) {
  const { t } = useI18n();
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }} data-testid={`inbound-detail-${m.id}`}>
      <Descriptions.Item label={t('inbound.col.from')}>{m.from ?? t('common.none')}</Descriptions.Item>
      <Descriptions.Item label={t('inbound.col.mailbox')}>{m.mailboxName}</Descriptions.Item>
      <Descriptions.Item label={t('inbound.messageId')}>
        <Typography.Text copyable={{ text: m.messageId }} style={{ wordBreak: 'break-all' }}>
          {m.messageId}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('inbound.size')}>{byteSize(m.size)}</Descriptions.Item>
      <Descriptions.Item label={t('inbound.col.subject')} span={2}>
        {m.subject ?? t('inbound.noSubject')}
      </Descriptions.Item>
      <Descriptions.Item label={t('inbound.col.reason')} span={2}>
        {m.reasonLabel ?? t('common.none')}
      </Descriptions.Item>
    </Descriptions>
  );
}

/**
 * /admin/inbound-mail (#12 item 2): every message that arrived at a mailbox, newest first, a page at a
 * time; the counts per outcome as a chart that filters, and a mailbox filter (both kept in the
 * address, so the mailboxes page links to a mailbox's quarantine). A row links to the complaint it
 * became or joined. Administrators (mailbox.manage) download the raw message (.eml, audited) and
 * process a quarantined one again; readers of the message log (message.read) see the list.
 */
export function InboundMailPage() {
  const { t, dateTime, label } = useI18n();
  const me = useMe();
  const manage = can(me.data, 'mailbox.manage');
  const queries = useQueryClient();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [downloading, setDownloading] = useState<string | null>(null);
  const asked = params.get('outcome');
  const outcome = isOutcome(asked) ? asked : undefined;
  const mailboxId = params.get('mailboxId') ?? undefined;
  const filter: Pick<InboundQuery, 'outcome' | 'mailboxId'> = { outcome, mailboxId };

  const setFilter = (next: { outcome?: InboundOutcome; mailboxId?: string }) => {
    const q = new URLSearchParams();
    if (next.outcome) q.set('outcome', next.outcome);
    if (next.mailboxId) q.set('mailboxId', next.mailboxId);
    setParams(q, { replace: true });
  };

  const log = useInfiniteQuery({
    queryKey: [...MAILBOX_KEYS.inbound, filter],
    queryFn: ({ pageParam }): Promise<InboundPage> =>
      ok(client.GET('/api/admin/inbound-mail', { params: { query: { ...filter, limit: PAGE, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
  // the mailboxes' names for the filter: their list for administrators, else the names the rows carry
  const mailboxes = useQuery({
    queryKey: MAILBOX_KEYS.list,
    queryFn: () => ok(client.GET('/api/admin/mailboxes')),
    enabled: manage,
  });
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];
  const names = new Map<string, string>(rows.map((m) => [m.mailboxId, m.mailboxName]));
  for (const m of mailboxes.data?.items ?? []) names.set(m.id, m.name);

  const reprocess = useMutation({
    mutationFn: (m: InboundMail) => ok(client.POST('/api/admin/inbound-mail/{id}/reprocess', { params: { path: { id: m.id } } })),
    onSuccess: async (after) => {
      const text = t('inbound.reprocessed', { outcome: label('inbound.outcome', after.outcome) });
      void (after.outcome === 'quarantined' ? message.warning(text) : message.success(text));
      await Promise.all([
        queries.invalidateQueries({ queryKey: MAILBOX_KEYS.inbound }),
        queries.invalidateQueries({ queryKey: MAILBOX_KEYS.list }),
      ]);
    },
    onError: (e) => void message.error(e.message),
  });

  const download = async (m: InboundMail) => {
    setDownloading(m.id);
    try {
      const { blob, fileName } = await apiDownload('/api/admin/inbound-mail/{id}/raw', {}, { id: m.id });
      saveFile(blob, fileName ?? `${m.id}.eml`);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setDownloading(null);
    }
  };

  const columns: TableColumnsType<InboundMail> = [
    { title: t('inbound.col.receivedAt'), dataIndex: 'receivedAt', width: 136, render: (at: string) => dateTime(at) },
    {
      title: t('inbound.col.fromMailbox'),
      key: 'from',
      width: 180,
      render: (_v, m) => (
        <div style={{ lineHeight: 1.3 }}>
          <div style={ONE_LINE} title={m.from ?? undefined}>
            {m.from ?? t('common.none')}
          </div>
          <Typography.Text type="secondary" style={{ ...ONE_LINE, display: 'block', fontSize: 12 }} title={m.mailboxName}>
            {m.mailboxName}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('inbound.col.subject'),
      dataIndex: 'subject',
      ellipsis: true,
      render: (s: string | null) => s ?? <Typography.Text type="secondary">{t('inbound.noSubject')}</Typography.Text>,
    },
    {
      title: t('inbound.col.outcome'),
      key: 'outcome',
      width: 200,
      render: (_v, m) => (
        <div style={{ lineHeight: 1.3 }}>
          <OutcomeTag m={m} />
          {m.reasonLabel && (
            <Typography.Text
              type="secondary"
              style={{ ...ONE_LINE, display: 'block', fontSize: 12, marginTop: 2 }}
              title={m.reasonLabel}
              data-testid={`inbound-reason-${m.id}`}
            >
              {m.reasonLabel}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: t('inbound.col.complaint'),
      key: 'complaint',
      width: 132,
      render: (_v, m) =>
        m.complaintId && m.complaintNumber ? (
          <Link to={`/complaints/${m.complaintId}`} onClick={(e) => e.stopPropagation()} data-testid={`inbound-complaint-${m.id}`}>
            {m.complaintNumber}
          </Link>
        ) : (
          t('common.none')
        ),
    },
    ...(manage
      ? [
          {
            title: t('admin.actions'),
            key: 'actions',
            width: 150,
            render: (_v: unknown, m: InboundMail) => (
              <Space size={0} onClick={(e) => e.stopPropagation()}>
                <Button
                  size="small"
                  type="link"
                  icon={<DownloadOutlined />}
                  loading={downloading === m.id}
                  onClick={() => void download(m)}
                  data-testid={`inbound-raw-${m.id}`}
                >
                  {t('inbound.raw')}
                </Button>
                {m.outcome === 'quarantined' && (
                  <Popconfirm title={t('inbound.reprocessConfirm')} onConfirm={() => reprocess.mutate(m)} okText={t('inbound.reprocess')}>
                    <Button
                      size="small"
                      type="link"
                      loading={reprocess.isPending && reprocess.variables.id === m.id}
                      data-testid={`inbound-reprocess-${m.id}`}
                    >
                      {t('inbound.reprocess')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card title={t('inbound.title')} data-testid="inbound-page">
      <Typography.Paragraph type="secondary">{t('inbound.intro')}</Typography.Paragraph>
      <Row gutter={[24, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} lg={9}>
          <OutcomeChart
            counts={log.data?.pages[0]?.counts}
            selected={outcome}
            onPick={(o) => setFilter({ mailboxId, outcome: outcome === o ? undefined : o })}
          />
        </Col>
        <Col xs={24} lg={15}>
          <Space wrap align="start">
            <Select<InboundOutcome>
              allowClear
              style={{ minWidth: 160 }}
              placeholder={t('inbound.filter.outcome')}
              value={outcome}
              onChange={(o) => setFilter({ mailboxId, outcome: o })}
              options={OUTCOMES.map((o) => ({ value: o, label: label('inbound.outcome', o) }))}
              data-testid="inbound-filter-outcome"
            />
            <Select<string>
              allowClear
              style={{ minWidth: 200 }}
              placeholder={t('inbound.filter.mailbox')}
              value={mailboxId}
              onChange={(id) => setFilter({ outcome, mailboxId: id })}
              options={[...names].map(([id, name]) => ({ value: id, label: name }))}
              data-testid="inbound-filter-mailbox"
            />
            <Button
              icon={<ReloadOutlined />}
              onClick={() => void log.refetch()}
              loading={log.isRefetching && !log.isFetchingNextPage}
              data-testid="inbound-refresh"
            >
              {t('mailboxes.refresh')}
            </Button>
            {(outcome || mailboxId) && (
              <Button onClick={() => setFilter({})} data-testid="inbound-filter-clear">
                {t('inbound.filter.clear')}
              </Button>
            )}
          </Space>
        </Col>
      </Row>
      {log.error && <Alert type="error" showIcon message={log.error.message} style={{ marginBottom: 16 }} />}
      <Table<InboundMail>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={log.isPending}
        pagination={false}
        tableLayout="fixed"
        scroll={{ x: 980 }}
        locale={{ emptyText: t('inbound.empty') }}
        expandable={{ expandedRowRender: (m) => <InboundDetail m={m} />, expandRowByClick: true, columnWidth: 32 }}
        onRow={(m) => ({ 'data-testid': `inbound-row-${m.id}`, 'data-outcome': m.outcome }) as HTMLAttributes<HTMLElement>}
        data-testid="inbound-table"
      />
      <Space style={{ marginTop: 16 }}>
        <Typography.Text type="secondary" data-testid="inbound-shown">
          {t('ledger.shown', { n: rows.length })}
        </Typography.Text>
        {log.hasNextPage && (
          <Button onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage} data-testid="inbound-load-more">
            {t('ledger.loadMore')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
