import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, queryString } from '../../api';
import { useI18n } from '../../i18n/i18n';

interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  outcome: 'success' | 'denied' | 'failure';
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

interface Filter {
  actor?: string;
  action?: string;
  outcome?: string;
  from?: string;
  to?: string;
}

/** Prefixes worth filtering by: sign-ins, unmasking, exports, administration, the public portal. */
const ACTIONS = ['auth.', 'complaint.unmask', 'complaint.export', 'complaint.', 'user.', 'org.', 'policy.', 'calendar.', 'token.', 'public.track'] as const;
const OUTCOME_COLOURS: Record<AuditEntry['outcome'], string> = { success: 'green', denied: 'orange', failure: 'red' };
const PAGE = 50;

function details(d: Record<string, unknown>): string {
  const text = JSON.stringify(d);
  return text === '{}' ? '' : text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

/** The audit log for auditors (R-H2): who signed in, was refused, unmasked, exported or changed what. */
export function AuditPage() {
  const { t, label, dateTime } = useI18n();
  const [filter, setFilter] = useState<Filter>({});
  const log = useInfiniteQuery({
    queryKey: ['admin', 'audit', filter],
    queryFn: ({ pageParam }) => api<{ items: AuditEntry[]; nextCursor: string | null }>('GET', `/api/audit${queryString({ ...filter, limit: PAGE, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (patch: Filter) => setFilter((f) => ({ ...f, ...patch }));

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('admin.audit.at'), dataIndex: 'at', width: 150, render: (at: string) => dateTime(at) },
    { title: t('admin.audit.actor'), dataIndex: 'actor', width: 120 },
    { title: t('admin.audit.action'), dataIndex: 'action', width: 190, render: (a: string) => <Typography.Text code>{a}</Typography.Text> },
    { title: t('admin.audit.outcome'), dataIndex: 'outcome', width: 90, render: (o: AuditEntry['outcome']) => <Tag color={OUTCOME_COLOURS[o]}>{label('admin.audit.outcome', o)}</Tag> },
    { title: t('admin.audit.target'), key: 'target', width: 200, render: (_v, r) => [r.targetType, r.targetId].filter(Boolean).join(' ') || t('common.none') },
    { title: 'IP', dataIndex: 'ip', width: 120, render: (ip: string | null) => ip ?? t('common.none') },
    { title: t('admin.audit.details'), dataIndex: 'details', render: (d: Record<string, unknown>) => <Typography.Text type="secondary">{details(d)}</Typography.Text> },
  ];

  return (
    <Card title={t('admin.audit.title')} data-testid="audit-page">
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear style={{ width: 160 }} placeholder={t('admin.audit.actor')} onSearch={(v) => set({ actor: v.trim() || undefined })} data-testid="audit-actor" />
        <Select
          allowClear
          style={{ width: 200 }}
          placeholder={t('admin.audit.action')}
          onChange={(v: string | undefined) => set({ action: v })}
          options={ACTIONS.map((a) => ({ value: a, label: a }))}
          data-testid="audit-action"
        />
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t('admin.audit.outcome')}
          onChange={(v: string | undefined) => set({ outcome: v })}
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
      <Table<AuditEntry> rowKey="id" size="small" columns={columns} dataSource={rows} loading={log.isPending} pagination={false} scroll={{ x: 'max-content' }} data-testid="audit-table" />
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
