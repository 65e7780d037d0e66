import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n';

/** The current time, ticking every `ms` milliseconds. */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(timer);
  }, [ms]);
  return now;
}

/** "2天 03:04:05": days, then hours:minutes:seconds. */
export function formatSpan(ms: number, dayUnit: string): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86_400);
  const pad = (n: number) => String(n).padStart(2, '0');
  const hms = `${pad(Math.floor((total % 86_400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
  return days > 0 ? `${days}${dayUnit} ${hms}` : hms;
}

/** Time left until `dueAt`, counting down live; past it, how long ago it fell due (red). */
export function Countdown({ dueAt, testId }: { dueAt: string; testId?: string }) {
  const { t } = useI18n();
  const now = useNow();
  const left = Date.parse(dueAt) - now;
  const span = formatSpan(left, t('complaint.countdown.days'));
  return (
    <Typography.Text type={left < 0 ? 'danger' : undefined} strong data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {left < 0 ? t('complaint.countdown.overdueBy', { span }) : t('complaint.countdown.left', { span })}
    </Typography.Text>
  );
}
