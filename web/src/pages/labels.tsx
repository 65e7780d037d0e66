import { Tag } from 'antd';
import type { Level, Status } from '../codes';
import { useI18n } from '../i18n/i18n';

const LEVEL_COLOURS: Record<Level, string> = { 1: 'red', 2: 'orange', 3: 'blue' };
const STATUS_COLOURS: Record<Status, string> = {
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
  return <Tag color={LEVEL_COLOURS[level as Level]}>{label('level', level)}</Tag>;
}

export function StatusTag({ status }: { status: string }) {
  const { label } = useI18n();
  return <Tag color={STATUS_COLOURS[status as Status] ?? 'default'}>{label('status', status)}</Tag>;
}

export function OverdueTag() {
  const { t } = useI18n();
  return (
    <Tag color="error" data-testid="overdue">
      {t('ledger.overdue')}
    </Tag>
  );
}
