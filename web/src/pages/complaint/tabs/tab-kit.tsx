/** Small pieces the tabs share: reading record data safely, who-and-when lines, empty sections. */
import { Card, Empty, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/dictionary';
import type { RecordView } from '../complaint-types';

export const dataText = (r: RecordView, key: string): string | null => {
  const v = r.data[key];
  return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null;
};

export const dataList = (r: RecordView, key: string): string[] => {
  const v = r.data[key];
  return Array.isArray(v) ? v.map(String) : [];
};

export const dataObject = (r: RecordView, key: string): Record<string, unknown> => {
  const v = r.data[key];
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
};

export const ofKind = (records: readonly RecordView[], ...kinds: string[]) => records.filter((r) => kinds.includes(r.kind));

/** "agent · 2026/11/25 10:00 · 第 1 轮" */
export function RecordMeta({ r }: { r: RecordView }) {
  const { t, dateTime } = useI18n();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {r.createdBy} · {dateTime(r.createdAt)} · {t('complaint.roundN', { n: r.round })}
    </Typography.Text>
  );
}

/** A titled block of a tab; an empty note when there is nothing. */
export function Section({
  title,
  count,
  empty,
  children,
  testId,
  extra,
}: {
  title: MessageKey;
  count: number;
  empty?: MessageKey;
  children: ReactNode;
  testId?: string;
  extra?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t(title)} data-testid={testId} style={{ marginBottom: 12 }} extra={extra}>
      {count === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(empty ?? 'complaint.nothingYet')} /> : children}
    </Card>
  );
}

export function Para({ children }: { children: ReactNode }) {
  return <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{children}</Typography.Paragraph>;
}
