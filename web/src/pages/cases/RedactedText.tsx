import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';

export interface Mark {
  kind: string;
  start: number;
  end: number;
}

/** A case text with its placeholders of removed personal data highlighted (offsets from the server). */
export function RedactedText({ text, marks, testId }: { text: string; marks: readonly Mark[] | undefined; testId?: string }) {
  const { t, label } = useI18n();
  const parts: ReactNode[] = [];
  let cursor = 0;
  for (const m of [...(marks ?? [])].sort((a, b) => a.start - b.start)) {
    if (m.start < cursor || m.end > text.length) continue;
    parts.push(text.slice(cursor, m.start));
    parts.push(
      <mark
        key={m.start}
        data-testid="redaction"
        data-kind={m.kind}
        title={t('cases.redactionHint', { kinds: label('cases.kind', m.kind) })}
        style={{ background: '#ffe58f', padding: '0 2px', borderRadius: 2 }}
      >
        {text.slice(m.start, m.end)}
      </mark>,
    );
    cursor = m.end;
  }
  parts.push(text.slice(cursor));
  return (
    <Typography.Paragraph data-testid={testId} style={{ whiteSpace: 'pre-wrap' }}>
      {text ? parts : '—'}
    </Typography.Paragraph>
  );
}
