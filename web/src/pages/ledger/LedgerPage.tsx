import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Table, Tag, Typography, type TableColumnsType, type TableProps } from 'antd';
import type { Breakpoint } from 'antd/es/_util/responsiveObserver';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useTaxonomy } from '../../taxonomy';
import { client, ok } from '../../api/client';
import type { LedgerItem } from '../../types';
import { LevelTag, OverdueTag, StatusTag } from '../labels';
import { LedgerFilters } from './LedgerFilters';
import { apiParams, readColumns, readState, withoutDrill, withParam, type ColumnKey, type LedgerSort } from './ledger-params';
import { LedgerToolbar, type SavedView } from './LedgerToolbar';

const PAGE_SIZE = 50;
const COLUMNS_KEY = 'complaints.ledger.columns';
const SORTABLE: Partial<Record<ColumnKey, LedgerSort>> = { number: 'number', level: 'level', receivedAt: 'receivedAt' };

/** Secondary columns show from 1200 px; below, the number, level, status, category, complainant and next deadline. */
const WIDE: Breakpoint[] = ['xl'];

type Row = LedgerItem;

function storedColumns(): ColumnKey[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? 'null');
    return readColumns(Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : null);
  } catch {
    return readColumns(null);
  }
}

/**
 * The ledger (R-B5): every API filter, sortable columns, saved views, a column chooser, xlsx export
 * of the current filter; overdue rows marked. The state lives in the address; "load more" pages on.
 */
export function LedgerPage() {
  const { t, dateTime, money } = useI18n();
  const taxonomy = useTaxonomy();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [columns, setColumnsState] = useState<ColumnKey[]>(storedColumns);
  const state = readState(params);
  const query = apiParams(state);

  const setColumns = (next: ColumnKey[]) => {
    localStorage.setItem(COLUMNS_KEY, JSON.stringify(next));
    setColumnsState(next);
  };
  const replace = (next: URLSearchParams) => setParams(next, { replace: true });

  const ledger = useInfiniteQuery({
    queryKey: ['ledger', query],
    queryFn: ({ pageParam }) =>
      ok(
        client.GET('/api/complaints', {
          params: { query: { ...query, limit: PAGE_SIZE, cursor: pageParam, total: pageParam ? undefined : 'true' } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows: Row[] = ledger.data?.pages.flatMap((p) => p.items) ?? [];
  const total = ledger.data?.pages[0]?.total;
  // a search matching more than 10,000 complaints is counted by a sample (#16): "about N"
  const totalEstimated = ledger.data?.pages[0]?.totalEstimated === true;

  const sortOrder = (key: ColumnKey) => (SORTABLE[key] === state.sort ? (state.order === 'asc' ? 'ascend' : 'descend') : null);
  const all: Record<ColumnKey, TableColumnsType<Row>[number]> = {
    number: {
      title: t('ledger.number'),
      dataIndex: 'number',
      width: 190,
      // the number and the next deadline stay in view while the middle scrolls (1024–1280 px)
      fixed: 'left',
      render: (n: string, r) => (
        <Space size={4}>
          <Link to={`/complaints/${r.id}`}>{n}</Link>
          {r.major && (
            <Tag color="magenta" data-testid="ledger-major">
              {t('major.title')}
            </Tag>
          )}
          {r.overdue && <OverdueTag />}
        </Space>
      ),
    },
    level: { title: t('ledger.level'), dataIndex: 'level', width: 90, render: (l: number) => <LevelTag level={l} /> },
    status: { title: t('ledger.status'), dataIndex: 'status', width: 90, render: (s: string) => <StatusTag status={s} /> },
    channel: {
      title: t('ledger.channel'),
      dataIndex: 'channel',
      width: 110,
      responsive: WIDE,
      render: (c: string) => taxonomy.label('channels', c),
    },
    businessLine: {
      title: t('ledger.businessLine'),
      dataIndex: 'businessLine',
      width: 120,
      responsive: WIDE,
      render: (c: string) => taxonomy.label('businessLines', c),
    },
    category: { title: t('ledger.category'), dataIndex: 'category', width: 130, render: (c: string) => taxonomy.label('categories', c) },
    branch: {
      title: t('ledger.branch'),
      dataIndex: 'branch',
      width: 130,
      responsive: WIDE,
      render: (b: string | null) => b ?? t('common.none'),
    },
    complainant: { title: t('ledger.complainant'), dataIndex: 'complainantName', width: 90 },
    amount: {
      title: t('ledger.col.amount'),
      dataIndex: 'amount',
      width: 120,
      align: 'right',
      responsive: WIDE,
      render: (a: string | null) => (a ? money(a) : t('common.none')),
    },
    receivedAt: {
      title: t('ledger.receivedAt'),
      dataIndex: 'receivedAt',
      width: 140,
      responsive: WIDE,
      render: (at: string) => dateTime(at),
    },
    nextDue: {
      title: t('ledger.nextDue'),
      key: 'nextDue',
      width: 140,
      fixed: 'right',
      // a paused clock has no due time until it resumes
      render: (_v, r) => (r.nextDue ? (r.nextDue.dueAt ? dateTime(r.nextDue.dueAt) : t('complaint.pausedNoDue')) : t('common.none')),
    },
  };
  const shown: TableColumnsType<Row> = columns.map((key) => ({
    ...all[key],
    key,
    // level 1 is the most serious: it sorts up first; numbers and times newest first
    ...(SORTABLE[key]
      ? {
          sorter: true,
          sortOrder: sortOrder(key),
          sortDirections: key === 'level' ? ['ascend', 'descend', 'ascend'] : ['descend', 'ascend', 'descend'],
        }
      : {}),
  }));

  const onChange: TableProps<Row>['onChange'] = (_p, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const sort = s?.columnKey ? SORTABLE[s.columnKey as ColumnKey] : undefined;
    let next = withParam(params, 'sort', sort && sort !== 'receivedAt' ? sort : null);
    next = withParam(next, 'order', s?.order === 'ascend' ? 'asc' : null);
    replace(next);
  };

  const openView = (view: SavedView) => {
    setParams(new URLSearchParams(view.query));
    if (view.columns.length > 0) setColumns(readColumns(view.columns));
  };

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('ledger.title')}
        </Typography.Title>
      }
      extra={<LedgerToolbar query={query} columns={columns} setColumns={setColumns} openView={openView} />}
      styles={{ header: { flexWrap: 'wrap', gap: 8, paddingBlock: 8 } }}
    >
      <LedgerFilters
        state={state}
        setList={(name, v) => replace(withParam(params, name, v))}
        setText={(name, v) => replace(withParam(params, name, v))}
        setRange={(from, to) => replace(withParam(withParam(params, 'receivedFrom', from), 'receivedTo', to))}
        clearDrill={() => replace(withoutDrill(params))}
      />
      {ledger.error && <Alert type="error" showIcon message={ledger.error.message} style={{ marginBottom: 16 }} />}
      <Table<Row>
        rowKey="id"
        size="middle"
        columns={shown}
        dataSource={rows}
        loading={ledger.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onChange={onChange}
        rowClassName={(r) => (r.overdue ? 'ledger-overdue' : '')}
        onRow={(r) => ({ onDoubleClick: () => void navigate(`/complaints/${r.id}`) })}
        data-testid="ledger-table"
      />
      <Space style={{ marginTop: 16 }}>
        <Typography.Text type="secondary" data-testid="ledger-count">
          {total == null
            ? t('ledger.shown', { n: rows.length })
            : totalEstimated
              ? t('ledger.shownOfAbout', { n: rows.length, total: total.toLocaleString() })
              : t('ledger.shownOf', { n: rows.length, total })}
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
