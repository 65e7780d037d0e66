import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, queryString } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { useTaxonomy } from '../../taxonomy';
import type { LedgerItem, LedgerPage as LedgerAnswer } from '../../types';
import { LEVELS, LevelTag, OverdueTag, STATUSES, StatusTag } from '../labels';

const PAGE_SIZE = 50;
type FilterName = 'status' | 'level' | 'channel';

/** The ledger: filters kept in the address (shareable, survive going back), cursor "load more". */
export function LedgerPage() {
  const { t, label, dateTime } = useI18n();
  const taxonomy = useTaxonomy();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const list = (name: FilterName) => params.get(name)?.split(',').filter(Boolean) ?? [];
  const filters = { status: list('status'), level: list('level'), channel: list('channel'), q: params.get('q') ?? '' };

  const update = (name: FilterName | 'q', value: string | string[]) => {
    const next = new URLSearchParams(params);
    const v = Array.isArray(value) ? value.join(',') : value.trim();
    if (v) next.set(name, v);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const ledger = useInfiniteQuery({
    queryKey: ['ledger', filters],
    queryFn: ({ pageParam }) => api<LedgerAnswer>('GET', `/api/complaints${queryString({ ...filters, limit: PAGE_SIZE, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = ledger.data?.pages.flatMap((p) => p.items) ?? [];

  const columns: TableColumnsType<LedgerItem> = [
    {
      title: t('ledger.number'),
      dataIndex: 'number',
      width: 220,
      render: (n: string, r) => (
        <Space size={4}>
          <Link to={`/complaints/${r.id}`}>{n}</Link>
          {r.overdue && <OverdueTag />}
        </Space>
      ),
    },
    { title: t('ledger.level'), dataIndex: 'level', width: 90, render: (l: number) => <LevelTag level={l} /> },
    { title: t('ledger.status'), dataIndex: 'status', width: 110, render: (s: string) => <StatusTag status={s} /> },
    { title: t('ledger.channel'), dataIndex: 'channel', width: 120, render: (c: string) => taxonomy.label('channels', c) },
    { title: t('ledger.complainant'), dataIndex: 'complainantName', width: 110 },
    { title: t('ledger.receivedAt'), dataIndex: 'receivedAt', width: 170, render: (at: string) => dateTime(at) },
    {
      title: t('ledger.nextDue'),
      key: 'nextDue',
      render: (_v, r) => (r.nextDue ? <span>{dateTime(r.nextDue.dueAt)}</span> : t('common.none')),
    },
  ];

  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('ledger.title')}</Typography.Title>}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          mode="multiple"
          allowClear
          style={{ minWidth: 160 }}
          placeholder={t('ledger.level')}
          value={filters.level}
          onChange={(v: string[]) => update('level', v)}
          options={LEVELS.map((l) => ({ value: String(l), label: label('level', l) }))}
          data-testid="filter-level"
        />
        <Select
          mode="multiple"
          allowClear
          style={{ minWidth: 180 }}
          placeholder={t('ledger.status')}
          value={filters.status}
          onChange={(v: string[]) => update('status', v)}
          options={STATUSES.map((s) => ({ value: s, label: label('status', s) }))}
          data-testid="filter-status"
        />
        <Select
          mode="multiple"
          allowClear
          style={{ minWidth: 180 }}
          placeholder={t('ledger.channel')}
          value={filters.channel}
          onChange={(v: string[]) => update('channel', v)}
          options={taxonomy.entries('channels').map((c) => ({ value: c.code, label: taxonomy.label('channels', c.code) }))}
          data-testid="filter-channel"
        />
        <Input.Search allowClear style={{ width: 280 }} placeholder={t('ledger.search')} defaultValue={filters.q} onSearch={(v) => update('q', v)} data-testid="filter-q" />
      </Space>
      {ledger.error && <Alert type="error" showIcon message={ledger.error.message} style={{ marginBottom: 16 }} />}
      <Table<LedgerItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={ledger.isPending}
        pagination={false}
        onRow={(r) => ({ onDoubleClick: () => navigate(`/complaints/${r.id}`) })}
        data-testid="ledger-table"
      />
      <Space style={{ marginTop: 16 }}>
        <Typography.Text type="secondary" data-testid="ledger-count">
          {t('ledger.shown', { n: rows.length })}
        </Typography.Text>
        {ledger.hasNextPage ? (
          <Button onClick={() => void ledger.fetchNextPage()} loading={ledger.isFetchingNextPage} data-testid="load-more">
            {t('ledger.loadMore')}
          </Button>
        ) : (
          !ledger.isPending && <Typography.Text type="secondary">{t('ledger.end')}</Typography.Text>
        )}
      </Space>
    </Card>
  );
}
