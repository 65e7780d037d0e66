import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { client, ok, type Answer, type ItemOf, type Query } from '../../api/client';
import { useI18n } from '../../i18n/i18n';

type AuditPage = Answer<'/api/audit', 'get'>;
/** targetLabel: the object as a person names it (complaint number, "name (username)", org unit, "v3", year) */
type AuditEntry = ItemOf<AuditPage>;

/** The filters the page sets (the API's own query parameters). */
type Filter = Pick<Query<'/api/audit', 'get'>, 'actor' | 'action' | 'outcome' | 'from' | 'to'>;

/** Prefixes worth filtering by (the API matches the start of the action): each has a readable name. */
const ACTIONS = [
  'auth.',
  'complaint.read',
  'complaint.unmask',
  'complaint.export',
  'complaint.',
  'user.',
  'org.',
  'policy.',
  'calendar.',
  'token.',
  'public.track',
] as const;
const OUTCOME_COLOURS: Record<AuditEntry['outcome'], string> = { success: 'green', denied: 'orange', failure: 'red' };
const PAGE = 50;

/** What the row's own columns do not say already (a read names its complaint in the target column). */
function details(d: Record<string, unknown>): string {
  const { masked: _masked, fileName: _fileName, fileId: _fileId, number: _number, ...rest } = d;
  const text = JSON.stringify(rest);
  return text === '{}' ? '' : text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

type Label = (prefix: string, code: string | number) => string;

/** An action's name; a refused route is named by the permission it needed; an unknown code stays a code. */
function actionName(label: Label, t: ReturnType<typeof useI18n>['t'], r: AuditEntry): string {
  const known = label('admin.audit.act', r.action);
  if (known !== r.action) return known;
  const permission = label('admin.permission', r.action);
  return permission !== r.action ? t('admin.audit.denied', { action: permission }) : r.action;
}

function actorName(label: Label, r: AuditEntry): string {
  if (r.actorName) return `${r.actorName} (${r.actor})`;
  return label('admin.audit.actor', r.actor);
}

function targetName(label: Label, r: AuditEntry): string | null {
  if (!r.targetType) return null;
  const kind = label('admin.audit.target', r.targetType);
  const name = r.targetLabel ?? r.targetId;
  return name ? `${kind} ${name}` : kind;
}

/** The audit log for auditors (R-H2): who signed in, was refused, unmasked, exported or changed what. */
export function AuditPage() {
  const { t, label, dateTime } = useI18n();
  const [filter, setFilter] = useState<Filter>({});
  const log = useInfiniteQuery({
    queryKey: ['admin', 'audit', filter],
    queryFn: ({ pageParam }): Promise<AuditPage> =>
      ok(client.GET('/api/audit', { params: { query: { ...filter, limit: PAGE, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (patch: Filter) => setFilter((f) => ({ ...f, ...patch }));

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('admin.audit.at'), dataIndex: 'at', width: 150, render: (at: string) => dateTime(at) },
    { title: t('admin.audit.actor'), key: 'actor', width: 150, render: (_v, r) => actorName(label, r) },
    {
      title: t('admin.audit.action'),
      key: 'action',
      width: 170,
      // the code stays one hover away for whoever searches the raw log
      render: (_v, r) => <span title={r.action}>{actionName(label, t, r)}</span>,
    },
    {
      title: t('admin.audit.outcome'),
      dataIndex: 'outcome',
      width: 90,
      render: (o: AuditEntry['outcome']) => <Tag color={OUTCOME_COLOURS[o]}>{label('admin.audit.outcome', o)}</Tag>,
    },
    {
      title: t('admin.audit.target'),
      key: 'target',
      width: 220,
      render: (_v, r) => (
        <Space size={4} wrap>
          <span>{targetName(label, r) ?? t('common.none')}</span>
          {typeof r.details.masked === 'boolean' && (
            <Tag color={r.details.masked ? 'default' : 'orange'}>{t(r.details.masked ? 'admin.audit.masked' : 'admin.audit.unmasked')}</Tag>
          )}
          {typeof r.details.fileName === 'string' && (
            <Typography.Text type="secondary">{t('admin.audit.file', { name: r.details.fileName })}</Typography.Text>
          )}
        </Space>
      ),
    },
    { title: 'IP', dataIndex: 'ip', width: 120, render: (ip: string | null) => ip ?? t('common.none') },
    {
      title: t('admin.audit.details'),
      dataIndex: 'details',
      render: (d: Record<string, unknown>) => <Typography.Text type="secondary">{details(d)}</Typography.Text>,
    },
  ];

  return (
    <Card title={t('admin.audit.title')} data-testid="audit-page">
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          style={{ width: 160 }}
          placeholder={t('admin.audit.actor')}
          onSearch={(v) => set({ actor: v.trim() || undefined })}
          data-testid="audit-actor"
        />
        <Select
          allowClear
          style={{ width: 260 }}
          placeholder={t('admin.audit.action')}
          // a short list: no virtual scrolling (its re-rendering detached options under the pointer),
          // and the names can be typed to find one
          virtual={false}
          showSearch
          optionFilterProp="label"
          onChange={(v: string | undefined) => set({ action: v })}
          options={ACTIONS.map((a) => ({ value: a, label: label('admin.audit.filter', a) }))}
          data-testid="audit-action"
        />
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t('admin.audit.outcome')}
          onChange={(v: Filter['outcome']) => set({ outcome: v })}
          options={(['success', 'denied', 'failure'] as const).map((o) => ({ value: o, label: label('admin.audit.outcome', o) }))}
        />
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          onChange={(range) => {
            const [from, to] = range ?? [null, null];
            set({ from: from?.startOf('day').toISOString(), to: to?.add(1, 'day').startOf('day').toISOString() });
          }}
        />
      </Space>
      {log.error && <Alert type="error" showIcon message={log.error.message} style={{ marginBottom: 16 }} />}
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={log.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="audit-table"
      />
      <Space style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">{t('ledger.shown', { n: rows.length })}</Typography.Text>
        {log.hasNextPage && (
          <Button onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
            {t('ledger.loadMore')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
