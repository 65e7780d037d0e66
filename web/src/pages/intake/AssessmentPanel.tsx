import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { client, ok } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { useTaxonomy } from '../../taxonomy';
import type { LedgerItem } from '../../types';
import { LevelTag, StatusTag } from '../labels';
import type { IntakePreview } from './intake-types';

const REPEAT_WINDOW_DAYS = 30;

/** A rule's facts in words: amounts as money, flags and channels by their labels, known keys named. */
function useDetailText(): (detail: Record<string, string | number>) => string {
  const { label, money } = useI18n();
  return (detail) =>
    Object.entries(detail)
      .map(([k, v]) => {
        const value = ['amount', 'threshold', 'l2From', 'l1Above'].includes(k)
          ? money(String(v))
          : k === 'flag'
            ? label('riskFlag', v)
            : k === 'channel'
              ? label('intake.channel', v)
              : String(v);
        return `${label('intake.detail', k)}: ${value}`;
      })
      .join(' · ');
}

/** The system's view while the agent types: proposed level and rules, duplicates, the clocks (R-B7, R-C1). */
export function AssessmentPanel({
  preview,
  loading,
  error,
}: {
  preview: IntakePreview | undefined;
  loading: boolean;
  error: Error | null;
}) {
  const { t, label, dateTime } = useI18n();
  const detailText = useDetailText();
  return (
    <Card size="small" title={t('intake.assessment')} extra={loading && <Spin size="small" />} data-testid="assessment">
      {error && <Alert type="warning" showIcon message={error.message} style={{ marginBottom: 8 }} />}
      {!preview ? (
        <Typography.Text type="secondary">{t('intake.assessmentHint')}</Typography.Text>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text strong>{t('intake.proposedLevel')}</Typography.Text>
            <span data-testid="proposed-level">
              <LevelTag level={preview.level} />
            </span>
            {preview.major && <Tag color="magenta">{t('intake.major')}</Tag>}
          </Space>
          {preview.duplicates.length > 0 && (
            <Alert
              type="warning"
              showIcon
              data-testid="duplicate-warning"
              message={t('intake.duplicateWarning', { days: REPEAT_WINDOW_DAYS })}
              description={
                <Space wrap>
                  {preview.duplicates.map((d) => (
                    <Link key={d.id} to={`/complaints/${d.id}`} target="_blank">
                      {d.number}
                    </Link>
                  ))}
                </Space>
              }
            />
          )}
          {preview.hiddenDuplicates > 0 && (
            <Alert type="info" showIcon message={t('intake.hiddenDuplicates', { n: preview.hiddenDuplicates })} />
          )}
          <Typography.Text strong>{t('intake.rules')}</Typography.Text>
          <List
            size="small"
            data-testid="grading-rules"
            dataSource={preview.reasons}
            renderItem={(r) => (
              <List.Item>
                <Space direction="vertical" size={0}>
                  <Space size={4}>
                    <LevelTag level={r.level} />
                    <span>{label('rule', r.rule)}</span>
                  </Space>
                  {Object.keys(r.detail).length > 0 && <Typography.Text type="secondary">{detailText(r.detail)}</Typography.Text>}
                </Space>
              </List.Item>
            )}
          />
          <Typography.Text strong>{t('intake.clocks')}</Typography.Text>
          <List
            size="small"
            dataSource={preview.clocks.filter((c) => c.dueAt)}
            renderItem={(c) => (
              <List.Item>
                <Space size={4} wrap>
                  <span>{label('clock', c.kind)}</span>
                  <Typography.Text type="secondary">{dateTime(c.dueAt)}</Typography.Text>
                  {!c.calendarConfirmed && <Tag color="warning">{t('complaint.unconfirmedCalendar')}</Tag>}
                </Space>
              </List.Item>
            )}
          />
        </Space>
      )}
    </Card>
  );
}

/** The complainant's earlier complaints, looked up by phone as the agent types it (within the agent's scope). */
export function HistoryPanel({ phone }: { phone: string }) {
  const { t, dateTime } = useI18n();
  const taxonomy = useTaxonomy();
  const digits = phone.replace(/\D/g, '');
  const history = useQuery({
    queryKey: ['complainant-history', digits],
    queryFn: () => ok(client.GET('/api/complaints', { params: { query: { contact: phone, limit: 10, total: 'true' } } })),
    enabled: digits.length >= 7,
    staleTime: 30_000,
  });
  if (digits.length < 7) return null;
  const items: LedgerItem[] = history.data?.items ?? [];
  return (
    <Card
      size="small"
      title={t('intake.history')}
      data-testid="history"
      extra={
        history.isFetching ? <Spin size="small" /> : history.data && t('intake.historyCount', { n: history.data.total ?? items.length })
      }
    >
      {history.error && <Alert type="warning" showIcon message={history.error.message} />}
      {history.data && items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('intake.historyNone')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(c) => (
            <List.Item>
              <Space size={4} wrap>
                <Link to={`/complaints/${c.id}`} target="_blank">
                  {c.number}
                </Link>
                <LevelTag level={c.level} />
                <StatusTag status={c.status} />
                <Typography.Text type="secondary">
                  {taxonomy.label('categories', c.category)} · {dateTime(c.receivedAt)}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
