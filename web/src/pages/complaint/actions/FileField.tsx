import { DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { client, ok } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';

/** GET /api/evidence/settings: what the server accepts (EVIDENCE_MAX_BYTES, EVIDENCE_TYPES). */
export function useEvidenceSettings() {
  return useQuery({
    queryKey: ['evidence-settings'],
    queryFn: () => ok(client.GET('/api/evidence/settings')),
    staleTime: 60 * 60_000,
  });
}

/** 1.5 KB, 4.2 MB, 50 MB (binary units, as the server counts them). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / 1024 / 1024, 'MB'];
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}

/**
 * One file for a form, chosen with the keyboard or the mouse and kept as the File itself (sent as
 * multipart by the action). The limit is stated before choosing; a file over it, or an empty one,
 * is refused at once, before anything is uploaded. The server checks type and content.
 */
export function FileField({ id, value, onChange }: { id?: string; value?: File; onChange?: (v: File | undefined) => void }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const settings = useEvidenceSettings();
  const [problem, setProblem] = useState<string | null>(null);
  const max = settings.data?.maxBytes;
  const pick = (file: File | undefined) => {
    if (!file) return;
    if (file.size === 0) {
      setProblem(t('complaint.fileEmpty', { name: file.name }));
      onChange?.(undefined);
    } else if (max !== undefined && file.size > max) {
      setProblem(t('complaint.fileTooLarge', { name: file.name, size: formatSize(file.size), max: formatSize(max) }));
      onChange?.(undefined);
    } else {
      setProblem(null);
      onChange?.(file);
    }
  };
  return (
    <Space direction="vertical" size={4}>
      <Space wrap>
        <input
          ref={input}
          id={id}
          type="file"
          data-testid="evidence-file"
          style={{ display: 'none' }}
          onChange={(e) => {
            pick(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <Button icon={<PaperClipOutlined />} onClick={() => input.current?.click()}>
          {t('complaint.chooseFile')}
        </Button>
        {value && (
          <>
            <Typography.Text data-testid="chosen-file">
              {value.name} ({formatSize(value.size)})
            </Typography.Text>
            <Button
              type="text"
              size="small"
              icon={<DeleteOutlined />}
              aria-label={t('complaint.removeFile')}
              onClick={() => onChange?.(undefined)}
            />
          </>
        )}
      </Space>
      {max !== undefined && (
        <Typography.Text type="secondary" data-testid="file-limit">
          {t('complaint.fileLimit', { max: formatSize(max) })}
        </Typography.Text>
      )}
      {problem && (
        <Typography.Text type="danger" role="alert" data-testid="file-problem">
          {problem}
        </Typography.Text>
      )}
    </Space>
  );
}
