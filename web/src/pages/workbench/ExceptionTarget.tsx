import { Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { LevelTag } from '../labels';
import type { WorkbenchException } from './workbench-types';

/** The figures a spike's details hold (written by the server's spike check); anything else reads as absent. */
function spikeFacts(details: Record<string, unknown>) {
  const label = details.label as { zh?: unknown; en?: unknown } | undefined;
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  return {
    label: { zh: typeof label?.zh === 'string' ? label.zh : null, en: typeof label?.en === 'string' ? label.en : null },
    current: num(details.current),
    mean: num(details.mean),
    drill: typeof details.drill === 'string' ? details.drill : null,
  };
}

/**
 * What an exception is about: its complaint (number and level, a link), or for a spike, which has no
 * complaint, what rose (product, category or branch by name) with its figures and the ledger of its complaints.
 */
export function ExceptionTarget({ exception }: { exception: Pick<WorkbenchException, 'complaint' | 'subject' | 'details'> }) {
  const { t, label, locale } = useI18n();
  const c = exception.complaint;
  if (c) {
    return (
      <Space size={4}>
        <Link to={`/complaints/${c.id}`}>{c.number}</Link>
        <LevelTag level={c.level} />
      </Space>
    );
  }
  const s = exception.subject;
  if (!s) return null;
  const f = spikeFacts(exception.details);
  const name = (locale === 'en-US' ? f.label.en : f.label.zh) ?? s.code;
  return (
    <Space size={4} wrap data-testid="exception-spike">
      <Tag>{label('spike.subject', s.kind)}</Tag>
      <Typography.Text strong>{name}</Typography.Text>
      {f.current !== null && f.mean !== null && (
        <Typography.Text type="secondary">{t('spike.figures', { current: f.current, mean: f.mean })}</Typography.Text>
      )}
      {f.drill && <Link to={`/complaints?${f.drill}`}>{t('spike.openLedger')}</Link>}
    </Space>
  );
}
