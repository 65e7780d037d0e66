import { Tag } from 'antd';
import { useI18n } from '../i18n/i18n';

const LEVEL_COLOURS: Record<number, string> = { 1: 'red', 2: 'orange', 3: 'blue' };
const STATUS_COLOURS: Record<string, string> = {
  registered: 'default',
  assigned: 'processing',
  investigating: 'processing',
  resolving: 'processing',
  feedback_sent: 'cyan',
  closed: 'success',
  withdrawn: 'default',
  transferred: 'purple',
  merged: 'default',
};

export function LevelTag({ level }: { level: number }) {
  const { label } = useI18n();
  return <Tag color={LEVEL_COLOURS[level]}>{label('level', level)}</Tag>;
}

export function StatusTag({ status }: { status: string }) {
  const { label } = useI18n();
  return <Tag color={STATUS_COLOURS[status] ?? 'default'}>{label('status', status)}</Tag>;
}

export function OverdueTag() {
  const { t } = useI18n();
  return (
    <Tag color="error" data-testid="overdue">
      {t('ledger.overdue')}
    </Tag>
  );
}

export const LEVELS = [1, 2, 3] as const;
export const STATUSES = [
  'registered',
  'assigned',
  'investigating',
  'resolving',
  'feedback_sent',
  'closed',
  'withdrawn',
  'transferred',
  'merged',
] as const;
