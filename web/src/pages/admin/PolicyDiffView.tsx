import { Empty, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18n';
import { diffPolicies, type DiffEntry, type DiffKind } from './policy-diff';
import { usePolicyPathLabel, usePolicyValueText } from './use-policy-labels';

const KIND_COLOURS: Record<DiffKind, string> = { added: 'success', removed: 'error', changed: 'processing' };
const OLD_BG = '#fff1f0';
const NEW_BG = '#f6ffed';

type Plain = string | number | boolean | null;
const isPlainList = (v: unknown): v is Plain[] => Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null);

/**
 * One side of a change. Lists of plain values (keywords) mark what the other side lacks: struck
 * through on the old side, bold on the new one.
 */
function Value({
  value,
  other,
  present,
  side,
  text,
}: {
  value: unknown;
  other: unknown;
  present: boolean;
  side: 'before' | 'after';
  text: (v: unknown) => string;
}) {
  if (!present) return <Typography.Text type="secondary">—</Typography.Text>;
  if (isPlainList(value) && isPlainList(other)) {
    const mark = side === 'before' ? { textDecoration: 'line-through', color: '#cf1322' } : { fontWeight: 600, color: '#389e0d' };
    return (
      <span style={{ wordBreak: 'break-word' }}>
        {value.map((item, i) => (
          <span key={i}>
            {i > 0 && ', '}
            <span style={other.includes(item) ? undefined : mark}>{String(item)}</span>
          </span>
        ))}
      </span>
    );
  }
  return <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{text(value)}</span>;
}

/** Two policy versions side by side: each changed path with its old and its new value. */
export function PolicyDiffView({
  before,
  after,
  beforeLabel,
  afterLabel,
}: {
  before: unknown;
  after: unknown;
  beforeLabel: string;
  afterLabel: string;
}) {
  const { t, label } = useI18n();
  const pathLabel = usePolicyPathLabel();
  const valueText = usePolicyValueText();
  const entries = useMemo(() => diffPolicies(before, after), [before, after]);
  if (entries.length === 0) return <Empty description={t('admin.history.same')} data-testid="policy-diff-empty" />;

  const columns: TableColumnsType<DiffEntry> = [
    {
      title: t('admin.history.path'),
      dataIndex: 'path',
      width: '34%',
      render: (path: string, e) => (
        <span>
          <Tag color={KIND_COLOURS[e.kind]}>{label('admin.diffKind', e.kind)}</Tag>
          {/* the parameter by its name; the document path only as a tooltip, for those editing the JSON */}
          <Typography.Text title={path} style={{ wordBreak: 'break-word' }}>
            {pathLabel(path)}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: beforeLabel,
      key: 'before',
      onCell: (e) => ({ style: { background: e.kind === 'added' ? undefined : OLD_BG } }),
      render: (_v, e) => (
        <Value value={e.before} other={e.after} present={e.kind !== 'added'} side="before" text={(v) => valueText(e.path, v)} />
      ),
    },
    {
      title: afterLabel,
      key: 'after',
      onCell: (e) => ({ style: { background: e.kind === 'removed' ? undefined : NEW_BG } }),
      render: (_v, e) => (
        <Value value={e.after} other={e.before} present={e.kind !== 'removed'} side="after" text={(v) => valueText(e.path, v)} />
      ),
    },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">{t('admin.history.changes', { n: entries.length })}</Typography.Paragraph>
      <Table<DiffEntry>
        rowKey="path"
        size="small"
        bordered
        columns={columns}
        dataSource={entries}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="policy-diff"
      />
    </>
  );
}
